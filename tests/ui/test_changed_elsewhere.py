# SPDX-License-Identifier: GPL-3.0-or-later
"""The CLI (or any second connection) writes while the app is open (issue 6, point 11).

An entry changed elsewhere since the editor opened it is never overwritten: both versions are
kept and the page says so. A check-in stays one per day: its fields are merged, and where both
sides changed the same text, both texts are kept in it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_desktop.core.models import Entry, EntryFilter
from recovery_desktop.storage import Vault
from recovery_desktop.ui.journal.page import JournalPage
from recovery_desktop.ui.today.page import TodayPage
from tests.conftest import PASSPHRASE
from tests.integration.cli_helpers import run_cli

DAY = date(2026, 3, 14)


@pytest.fixture
def other(vault: Vault, vault_dir: Path):
    """A second, independent connection: what the CLI opens."""
    second = Vault.open(vault_dir, PASSPHRASE)
    yield second
    second.close()


@pytest.fixture
def journal(qtbot: QtBot, vault: Vault) -> JournalPage:
    page = JournalPage(vault, autosave_ms=60_000, today=lambda: DAY)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_an_entry_changed_elsewhere_is_kept_and_the_edit_becomes_a_new_entry(
    qtbot: QtBot, journal: JournalPage, vault: Vault, other: Vault
) -> None:
    entry = vault.entries.save(Entry(entry_date=DAY, title="Evening", body="As I left it."))
    journal.open_entry(entry.id)
    theirs = other.entries.save(replace(other.entries.get(entry.id), body="Edited elsewhere."))

    editor = journal.editor
    editor.body.setFocus()
    qtbot.keyClick(editor.body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.body, " And more from the window.")
    journal.save_now()

    assert vault.entries.get(entry.id) == theirs  # never overwritten
    assert vault.entries.count() == 2
    copy = vault.entries.get(editor.entry_id)
    assert copy.id != entry.id
    assert copy.body == "As I left it. And more from the window."
    assert copy.title == "Evening"
    notice = editor.notice.text()
    assert editor.notice.isVisible()
    assert "changed somewhere else" in notice and "new entry" in notice
    assert "Both are kept" in notice
    assert journal.model.total() == 2

    qtbot.keyClicks(editor.body, " Still typing.")  # later saves go to the copy, quietly
    journal.save_now()
    assert vault.entries.count() == 2
    assert vault.entries.get(copy.id).body.endswith("Still typing.")


def test_the_cli_adding_while_an_entry_is_open_loses_nothing(
    qtbot: QtBot, journal: JournalPage, vault: Vault, vault_dir: Path
) -> None:
    qtbot.keyClicks(journal.editor.body, "Typed in the window")
    journal.flush()
    done = run_cli("add", "--vault", str(vault_dir), passphrase=PASSPHRASE, stdin="At the terminal")
    assert done.returncode == 0, done.stderr
    qtbot.keyClicks(journal.editor.body, ", and more")
    journal.save_now()
    bodies = {s.preview for s in vault.entries.page(EntryFilter(include_drafts=True))}
    assert bodies == {"Typed in the window, and more", "At the terminal"}


# --- the check-in --------------------------------------------------------------------------


@pytest.fixture
def today(qtbot: QtBot, vault: Vault) -> TodayPage:
    page = TodayPage(vault, clock=lambda: datetime.combine(DAY, time(20, 0)).astimezone())
    qtbot.addWidget(page)
    page.resize(1000, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_a_checkin_changed_elsewhere_is_merged_field_by_field(
    qtbot: QtBot, vault: Vault, other: Vault
) -> None:
    vault.entries.save(Entry(entry_date=DAY, is_checkin=True, mood=3, gratitude="Sunshine"))
    page = TodayPage(vault, clock=lambda: datetime.combine(DAY, time(20, 0)).astimezone())
    qtbot.addWidget(page)
    page.show()
    stored = other.entries.checkin_for(DAY)
    other.entries.save(replace(stored, mood=4, intention="Call Dana", gratitude="Rain"))

    card = page.checkin
    card.gratitude.clear()
    qtbot.keyClicks(card.gratitude, "Tea with my sister")
    qtbot.mouseClick(card.sober_buttons[1], Qt.MouseButton.LeftButton)
    assert card.save()

    merged = vault.entries.checkin_for(DAY)
    assert vault.entries.count(EntryFilter(include_drafts=True)) == 1
    assert merged.mood == 4  # not changed here: the other side's answer stands
    assert merged.intention == "Call Dana"
    assert merged.sober_today is True  # changed only here
    assert "Rain" in merged.gratitude and "Tea with my sister" in merged.gratitude
    status = card.status.text()
    assert "changed somewhere else" in status and "both" in status.lower()
    assert card.gratitude.text() == merged.gratitude  # the screen shows what is stored


def test_a_checkin_made_elsewhere_after_the_page_opened_is_merged_not_replaced(
    qtbot: QtBot, today: TodayPage, vault: Vault, other: Vault
) -> None:
    other.entries.save(Entry(entry_date=DAY, is_checkin=True, mood=2, gratitude="A call"))
    card = today.checkin
    qtbot.keyClicks(card.gratitude, "A walk")
    assert card.save()
    merged = vault.entries.checkin_for(DAY)
    assert vault.entries.count(EntryFilter(include_drafts=True)) == 1
    assert merged.mood == 2
    assert "A call" in merged.gratitude and "A walk" in merged.gratitude


def test_a_checkin_opened_in_the_journal_is_merged_not_copied(
    qtbot: QtBot, journal: JournalPage, vault: Vault, other: Vault
) -> None:
    checkin = vault.entries.save(Entry(entry_date=DAY, is_checkin=True, mood=3, body="Notes"))
    journal.open_entry(checkin.id)
    other.entries.save(replace(other.entries.get(checkin.id), gratitude="Rain", body="Theirs"))
    editor = journal.editor
    editor.body.setFocus()
    qtbot.keyClick(editor.body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.body, " and mine")
    editor.checkin_form.mood.set_mood(5)  # a check-in's answers, as on Today
    journal.save_now()

    assert vault.entries.count(EntryFilter(include_drafts=True)) == 1
    merged = vault.entries.get(checkin.id)
    assert (merged.mood, merged.gratitude) == (5, "Rain")
    assert "Theirs" in merged.body and "Notes and mine" in merged.body
    assert editor.body.toPlainText() == merged.body
    assert "put together" in editor.notice.text() and editor.notice.isVisible()


def test_an_open_entry_changed_elsewhere_reloads_only_when_nothing_is_unsaved_keeping_the_cursor(
    qtbot: QtBot, journal: JournalPage, vault: Vault, other: Vault
) -> None:
    body = "\n\n".join(f"Paragraph {n}: a walk, a call, a quiet evening." for n in range(80))
    entry = vault.entries.save(Entry(entry_date=DAY, title="Long one", body=body))
    journal.open_entry(entry.id)
    editor = journal.editor
    editor.body.setFocus()
    cursor = editor.body.textCursor()
    cursor.setPosition(body.index("Paragraph 60") + 4)
    editor.body.setTextCursor(cursor)
    editor.body.ensureCursorVisible()
    scroll = editor.body.verticalScrollBar().value()
    assert scroll > 0

    # Changed elsewhere while nothing here is unsaved: the page shows the new version (it is
    # shown again: refresh), with the cursor and the view where they were.
    theirs = other.entries.get(entry.id)
    other.entries.save(replace(theirs, title="Long one, renamed", body=body + "\n\nAdded later."))
    journal.refresh()
    assert editor.title.text() == "Long one, renamed"
    assert editor.body.toPlainText().endswith("Added later.")
    assert editor.body.textCursor().position() == body.index("Paragraph 60") + 4
    assert editor.body.verticalScrollBar().value() == scroll
    assert not editor.dirty

    # With an unsaved change here, what is on screen stays as typed: no reload.
    qtbot.keyClicks(editor.body, "Mine. ")
    typed = editor.body.toPlainText()
    theirs = other.entries.get(entry.id)
    other.entries.save(replace(theirs, title="Renamed again"))
    journal.refresh()
    assert editor.body.toPlainText() == typed and editor.title.text() == "Long one, renamed"
    assert editor.dirty


def test_a_reload_keeps_the_preview_and_the_selection(
    qtbot: QtBot, journal: JournalPage, vault: Vault, other: Vault
) -> None:
    entry = vault.entries.save(Entry(entry_date=DAY, title="Short", body="One **two** three."))
    journal.open_entry(entry.id)
    editor = journal.editor
    cursor = editor.body.textCursor()
    cursor.setPosition(4)
    cursor.setPosition(11, cursor.MoveMode.KeepAnchor)
    editor.body.setTextCursor(cursor)
    editor.show_preview(True)

    other.entries.save(replace(other.entries.get(entry.id), body="One **two** three. Four."))
    journal.refresh()
    assert editor.stack.currentWidget() is editor.preview
    assert editor.preview.toPlainText() == "One two three. Four."
    assert editor.body.textCursor().selectedText() == "**two**"
