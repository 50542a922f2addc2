# SPDX-License-Identifier: GPL-3.0-or-later
"""The automatic backup after an unlock (issue 9, point 3), through the app controller on a real
vault: made on a worker once Today is on screen, once a day (not again at the next unlock the
same day), stopped cleanly with nothing left behind when the vault locks or its key is about to
change, and a failure said plainly, once, without stopping anyone."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from recovery_desktop.core.models import Entry
from recovery_desktop.storage import Vault
from recovery_desktop.storage.backup_format import BackupKind
from recovery_desktop.storage.bulk_import import insert_entries
from recovery_desktop.storage.connection import transaction
from recovery_desktop.ui.keys.key_change import KeyChangeHost
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock_with


def _automatic(folder: Path) -> list[str]:
    return sorted(p.name for p in (folder / "backups").iterdir() if p.name.startswith("auto-"))


def _partial(folder: Path) -> list[str]:
    return sorted(p.name for p in (folder / "backups").iterdir() if p.name.startswith(".partial"))


@pytest.fixture
def folder(vault: Vault, vault_dir: Path) -> Path:
    vault.entries.save(Entry(entry_date=date(2026, 5, 1), body="worth keeping"))
    vault.close()
    return vault_dir


def test_an_automatic_backup_is_made_after_unlock_and_not_again_the_same_day(
    qtbot, make_controller, recording_pages, folder: Path
):
    controller = make_controller(folder, page_factories=recording_pages, automatic_backups=True)
    controller.start()
    seen_at_unlock: list[tuple[bool, list[str]]] = []
    controller.unlocked.connect(
        lambda window: seen_at_unlock.append((window.isVisible(), _automatic(folder)))
    )
    with qtbot.waitSignal(controller.automatic_backup_done, timeout=20_000) as done:
        main = unlock_with(qtbot, controller, PASSPHRASE)
        # Today was on screen before the backup began: the unlock did not wait for it.
        assert seen_at_unlock == [(True, [])]
    result = done.args[0]
    assert result is not None and result.made is not None
    assert result.made.kind is BackupKind.AUTOMATIC
    assert _automatic(folder) == [result.made.path.name] and not _partial(folder)
    assert main.statusBar().currentMessage().startswith("Your journal was backed up")

    controller.lock()
    qtbot.waitUntil(lambda: controller.unlock_window is not None)
    with qtbot.waitSignal(controller.automatic_backup_done, timeout=20_000) as again:
        unlock_with(qtbot, controller, PASSPHRASE)
    assert again.args[0] is not None and again.args[0].made is None  # not due: made today
    assert _automatic(folder) == [result.made.path.name]


def _big_journal(folder: Path, count: int = 20_000) -> None:
    """About 40 MB, so a backup takes a good part of a second."""
    words = "one day at a time, and then the next one " * 35
    entries = [
        Entry(entry_date=date(1990, 1, 1) + timedelta(days=i // 3), title=f"Day {i}",
              body=f"{i} {words}")
        for i in range(count)
    ]  # fmt: skip
    with Vault.open(folder, PASSPHRASE) as vault, transaction(vault.connection):
        insert_entries(vault.connection, entries, lambda _n: None)


@pytest.mark.parametrize("what", ["lock", "key change"])
def test_an_automatic_backup_in_progress_stops_cleanly_for_a_lock_or_a_key_change(
    qtbot, make_controller, recording_pages, folder: Path, what: str
):
    _big_journal(folder)
    controller = make_controller(folder, page_factories=recording_pages, automatic_backups=True)
    controller.start()
    with qtbot.waitSignal(controller.automatic_backup_done, timeout=30_000) as done:
        main = unlock_with(qtbot, controller, PASSPHRASE)
        qtbot.waitUntil(lambda: bool(_partial(folder)), timeout=20_000)  # it is writing
        if what == "lock":
            controller.lock()
        else:
            # Our own backup holds the vault's lock; it must not look like another program.
            assert KeyChangeHost.near(main).refusal() is None
    assert done.args[0] is None
    assert _partial(folder) == [] and _automatic(folder) == []
    if what == "key change":
        assert controller.vault is not None and controller.vault.is_open


def test_a_failed_automatic_backup_is_said_plainly_once_and_blocks_nothing(
    qtbot, make_controller, folder: Path, tmp_path: Path
):
    drive = tmp_path / "drive"
    with Vault.open(folder, PASSPHRASE) as vault:
        vault.set_backup_folder(drive)
    drive.rmdir()
    drive.write_text("a file where the backup folder was")  # the folder is gone
    controller = make_controller(folder, automatic_backups=True)
    controller.start()
    with qtbot.waitSignal(controller.automatic_backup_done, timeout=20_000) as done:
        main = unlock_with(qtbot, controller, PASSPHRASE)
    assert done.args[0] is None
    said = main.statusBar().currentMessage()
    assert said.startswith("Today's automatic backup could not be made")
    assert "is a file, not a folder" in said and "tries again the next time you unlock" in said
    assert "Traceback" not in said
    section = main.show_page("export").sections["backup"]
    note = section.findChild(QLabel, "backup_automatic_note")
    assert note.isVisible() and note.text() == said and note.property("role") == "error"
    assert controller.vault.is_open and main.isVisible()  # nothing waits, nothing asks

    controller.lock()
    qtbot.waitUntil(lambda: controller.unlock_window is not None)
    with qtbot.waitSignal(controller.automatic_backup_done, timeout=20_000):
        main = unlock_with(qtbot, controller, PASSPHRASE)
    assert "automatic backup" not in main.statusBar().currentMessage()  # said once
    section = main.show_page("export").sections["backup"]
    assert section.findChild(QLabel, "backup_automatic_note").text() == said  # still on the page
    assert os.listdir(folder / "backups") == []
