# SPDX-License-Identifier: GPL-3.0-or-later
"""After the upgrade to schema 4 the search index fills on a worker, after Today is shown; the
Journal shows how far it is and says plainly that results may be incomplete until then."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from recovery_desktop.storage import Vault
from recovery_desktop.storage.connection import close_database
from recovery_desktop.ui.app_settings import AppSettings
from recovery_desktop.ui.main_window import MainWindow
from tests.fixtures.make_fixtures import PASSPHRASE
from tests.ui.conftest import unlock_with

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
READY = "Search your journal (Ctrl+F)"


@pytest.fixture
def v3_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "vault-v3"
    shutil.copytree(FIXTURES / "vault-v3", folder)
    return folder


@pytest.fixture
def upgraded(v3_folder: Path) -> Iterator[Vault]:
    vault = Vault.open(v3_folder, PASSPHRASE)  # migrates: the new index is empty
    assert vault.search_index.rebuild_pending()
    yield vault
    QThreadPool.globalInstance().waitForDone(10_000)
    vault.close()


def shown_ids(journal) -> set[int]:
    return {journal.model.summary(r).id for r in range(journal.model.rowCount())}


def test_unlocking_an_upgraded_vault_shows_today_then_prepares_search(
    qtbot, make_controller, v3_folder: Path
) -> None:
    controller = make_controller(v3_folder)
    controller.start()
    main = unlock_with(qtbot, controller, PASSPHRASE)
    assert main.current_key == "today"
    journal = main.show_page("journal")
    qtbot.waitUntil(lambda: not main.search_preparation.active, timeout=10_000)
    assert journal.search_bar.search.placeholderText() == READY
    journal.search_bar.search.setText("👍")
    qtbot.waitUntil(lambda: shown_ids(journal) == {3}, timeout=5000)
    assert journal.count_label.text() == "1 entry"


def test_the_journal_says_search_is_incomplete_until_ready(qtbot, themed_app, upgraded) -> None:
    # Another connection holds the write lock, so the worker waits at its first batch: the
    # window must not (it never rebuilds on the GUI thread).
    blocker = upgraded.open_connection()
    blocker.execute("BEGIN IMMEDIATE")
    try:
        window = MainWindow(upgraded, app_settings=AppSettings())
        qtbot.addWidget(window)
        window.show()
        preparation = window.search_preparation
        qtbot.waitUntil(lambda: preparation.active and preparation.total == 4, timeout=5000)
        journal = window.show_page("journal")
        search = journal.search_bar.search
        assert search.placeholderText() == "Preparing search: 0%"
        assert "may not show yet" in search.accessibleDescription()
        search.setText("👍")
        qtbot.waitUntil(lambda: journal.model.entry_filter.text == "👍", timeout=5000)
        assert shown_ids(journal) == set()  # the index is still empty
        assert journal.count_label.text() == (
            "No entries match. Try fewer words, or clear the filters. "
            "Search is still getting ready, so some entries may not show yet."
        )
    finally:
        blocker.execute("ROLLBACK")
        close_database(blocker)
    # Once ready, the same search runs again by itself and the notes go away.
    qtbot.waitUntil(lambda: not preparation.active, timeout=10_000)
    qtbot.waitUntil(lambda: shown_ids(journal) == {3}, timeout=5000)
    assert search.placeholderText() == READY and search.accessibleDescription() == ""
    assert journal.count_label.text() == "1 entry"
    QThreadPool.globalInstance().waitForDone(10_000)
    assert not upgraded.search_index.rebuild_pending()


def test_locking_stops_the_worker_after_its_batch(qtbot, themed_app, upgraded) -> None:
    blocker = upgraded.open_connection()
    blocker.execute("BEGIN IMMEDIATE")
    try:
        window = MainWindow(upgraded, app_settings=AppSettings())
        window.show()
        preparation = window.search_preparation
        qtbot.waitUntil(lambda: preparation.total == 4, timeout=5000)
        window.discard()  # what locking does
    finally:
        blocker.execute("ROLLBACK")
        close_database(blocker)
    QThreadPool.globalInstance().waitForDone(10_000)
    # The batch in flight finished (search is whole), then it stopped before clearing the
    # old index: the next unlock carries on from there.
    index = upgraded.search_index
    assert index.complete() and index.rebuild_pending()
    assert index.rebuild()
