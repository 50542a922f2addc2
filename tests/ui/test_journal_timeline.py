# SPDX-License-Identifier: GPL-3.0-or-later
"""The timeline stays lazy on a 20,000-entry vault; delete with undo; the page contract."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QWidget,
)

from recovery_desktop.core.models import Entry, EntryFilter, Visibility
from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.storage.connection import transaction
from recovery_desktop.ui.journal.page import JournalPage
from recovery_desktop.ui.journal.timeline_model import PAGE_SIZE
from tests.conftest import PASSPHRASE

BIG = 20_000


@pytest.fixture(scope="module")
def big_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    """20,000 short entries, built once for this module (about a second)."""
    vault, _code = Vault.create(
        tmp_path_factory.mktemp("big") / "vault", PASSPHRASE, KdfCost.cheap()
    )
    start = date(2000, 1, 1)
    with transaction(vault.connection):
        for i in range(BIG):
            vault.entries.save(
                Entry(
                    entry_date=start + timedelta(days=i // 3),
                    title=f"Day {i}",
                    body=f"A short note number {i}: a walk, a call, a meeting.",
                    mood=i % 5 + 1,
                    visibility=Visibility.PRIVATE if i % 11 == 0 else Visibility.NORMAL,
                )
            )
    yield vault
    vault.close()


def test_a_huge_journal_opens_with_one_page_and_fetches_more_on_scroll(
    qtbot, big_vault: Vault
) -> None:
    began = time.perf_counter()
    page = JournalPage(big_vault)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    opened_in = time.perf_counter() - began
    model = page.model
    assert model.rowCount() <= 2 * PAGE_SIZE
    assert model.total() == BIG
    assert page.count_label.text() == "20000 entries"
    assert opened_in < 2.0  # generous for a slow CI; measured about 0.03 s
    first = model.rowCount()

    bar = page.timeline.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: model.rowCount() > first, timeout=3000)
    assert model.rowCount() <= first + 2 * PAGE_SIZE
    ids = [model.summary(r).id for r in range(model.rowCount())]
    assert len(set(ids)) == len(ids)  # pages follow on without repeats
    page.timeline.grab()


def test_open_entry_reaches_deep_into_the_timeline(qtbot, big_vault: Vault) -> None:
    page = JournalPage(big_vault)
    qtbot.addWidget(page)
    target = big_vault.entries.page(EntryFilter(), 450, 1)[0]
    page.open_entry(target.id)
    assert page.editor.entry_id == target.id
    current = page.timeline.currentIndex()
    assert current.isValid() and page.model.summary(current.row()).id == target.id
    assert page.model.rowCount() < 1000
    assert not page.editor.dirty  # opening reads, it does not write


def test_delete_then_undo_brings_the_entry_back(qtbot, vault: Vault) -> None:
    kept = vault.entries.save(Entry(date(2024, 5, 1), "Keep me"))
    entry = vault.entries.save(
        Entry(date(2024, 5, 2), "Talked to Dad.", "Hard call", mood=2, tags=("family",))
    )
    page = JournalPage(vault, autosave_ms=50, undo_ms=5_000)
    qtbot.addWidget(page)
    page.show()
    page.open_entry(entry.id)
    qtbot.keyClick(page.editor.body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.editor.body, " Then I went for a walk.")

    qtbot.mouseClick(page.editor.delete_button, Qt.MouseButton.LeftButton)
    assert vault.entries.get(entry.id) is None
    assert page.undo_bar.isVisible()
    assert page.model.rowCount() == 1 and page.model.summary(0).id == kept.id
    assert page.editor.entry_id is None and page.editor.body.toPlainText() == ""

    qtbot.mouseClick(page.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    back = vault.entries.get(entry.id)
    assert back is not None
    assert back.body == "Talked to Dad. Then I went for a walk."  # unsaved typing came too
    assert back.tags == ("family",) and back.mood == 2
    assert not page.undo_bar.isVisible()
    assert page.editor.entry_id == entry.id
    assert page.model.row_of(entry.id) is not None


def test_the_undo_bar_goes_away_by_itself(qtbot, vault: Vault) -> None:
    entry = vault.entries.save(Entry(date(2024, 5, 2), "Gone soon"))
    page = JournalPage(vault, undo_ms=50)
    qtbot.addWidget(page)
    page.show()
    page.open_entry(entry.id)
    page.delete_current()
    assert page.undo_bar.isVisible()
    qtbot.waitUntil(lambda: not page.undo_bar.isVisible(), timeout=2000)
    assert vault.entries.get(entry.id) is None


def _inside_a_qt_composite(widget: QWidget, page: QWidget) -> bool:
    """Parts Qt builds itself: a line edit's clear button, a combo's or calendar's insides."""
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, QComboBox | QDateEdit | QLineEdit | QCalendarWidget) or (
            parent.objectName().startswith("qt_")
            and parent.objectName() != "qt_scrollarea_viewport"  # our scroll area's content
        ):
            return True
        parent = parent.parentWidget()
    return widget.objectName().startswith("qt_")


def test_controls_are_named_for_tests_and_screen_readers(qtbot, vault: Vault) -> None:
    page = JournalPage(vault)
    qtbot.addWidget(page)
    kinds = (QAbstractButton, QComboBox, QDateEdit, QLineEdit, QListView, QPlainTextEdit)
    checked = 0
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, kinds) or _inside_a_qt_composite(widget, page):
            continue
        checked += 1
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()
    assert checked >= 20


def test_page_contract_new_entry_and_focus(qtbot, vault: Vault) -> None:
    page = JournalPage(vault)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.new_entry()
    assert page.editor.body.hasFocus()
    page.focus_search()
    assert page.search_bar.search.hasFocus()
    page.flush()
    page.save_now()
    assert vault.entries.count() == 0


def test_refresh_picks_up_changes_made_on_another_page(qtbot, vault: Vault) -> None:
    checkin = vault.entries.save(
        Entry(date(2024, 5, 3), gratitude="Sunshine", mood=4, is_checkin=True)
    )
    page = JournalPage(vault)
    qtbot.addWidget(page)
    page.open_entry(checkin.id)
    assert page.model.index(0).data(Qt.ItemDataRole.DisplayRole) == "Daily check-in"
    vault.entries.save(replace(vault.entries.get(checkin.id), mood=5))  # as Today would
    vault.entries.save(Entry(date(2024, 5, 4), "Written elsewhere"))
    page.refresh()
    assert page.editor.checkin_form.mood.mood() == 5
    assert page.model.rowCount() == 2
    page.editor.checkin_form.intention.setText("An evening walk")
    page.editor.checkin_form.intention.textEdited.emit("An evening walk")
    page.save_now()
    stored = vault.entries.get(checkin.id)
    assert stored.gratitude == "Sunshine" and stored.is_checkin  # answers not changed are kept
    assert (stored.intention, stored.mood, stored.body) == ("An evening walk", 5, "")
