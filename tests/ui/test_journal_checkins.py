# SPDX-License-Identifier: GPL-3.0-or-later
"""Check-ins in the Journal (issue 10, point 3): opened there, a check-in shows its answers with
Today's form and saves edits to the same check-in; the list shows check-ins, written entries or
both, and can group a day's entries together."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from recovery_desktop.core.models import Entry, EntryFilter
from recovery_desktop.storage import Vault
from recovery_desktop.ui.journal.page import JournalPage
from recovery_desktop.ui.journal.search_bar import ALL, CHECKINS, WRITTEN
from recovery_desktop.ui.today.checkin import CheckinCard
from recovery_desktop.ui.widgets.checkin_form import CheckinForm

DAY = date(2024, 6, 14)


@pytest.fixture
def page(qtbot: QtBot, vault: Vault) -> JournalPage:
    widget = JournalPage(vault, autosave_ms=60_000, today=lambda: date(2024, 6, 15))
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def checkin(vault: Vault) -> Entry:
    return vault.entries.save(
        Entry(
            entry_date=DAY,
            is_checkin=True,
            mood=2,
            craving=6,
            sober_today=True,
            triggers=("stress",),
            coping=("walk",),
            gratitude="My sister's call",
            intention="Go to the noon meeting",
            evening_review="Hard afternoon, good evening.",
        )
    )


def test_a_checkin_opened_in_the_journal_shows_its_answers(
    qtbot: QtBot, page: JournalPage, checkin: Entry
) -> None:
    page.open_entry(checkin.id)
    editor = page.editor
    form = editor.checkin_form
    assert isinstance(form, CheckinForm) and form.isVisible()
    assert form.mood.mood() == 2 and form.mood.buttons[2].isChecked()
    assert form.craving.craving() == 6 and form.craving.buttons[6].isChecked()
    assert form.sober_buttons[1].isChecked()  # "Yes"
    assert form.follow_ups.isVisible()
    assert form.triggers.selected() == ("stress",) and form.coping.selected() == ("walk",)
    assert len(form.coping.chips) > 5  # the same choices as on Today, to pick more
    assert form.gratitude.text() == "My sister's call"
    assert form.intention.isVisible() and form.intention.text() == "Go to the noon meeting"
    assert form.evening_review.isVisible()
    assert form.evening_review.toPlainText() == "Hard afternoon, good evening."
    # What a check-in is and which day, never the blank page's prompt or an empty text.
    assert editor.checkin_heading.isVisible() and editor.checkin_heading.text() == "Daily check-in"
    assert "2024" in editor.checkin_day.text()
    assert not editor.prompt_card.isVisible()
    assert not editor.body.isVisible() and not editor.title.isVisible()
    assert not editor.detail_row.widget.isVisible()


def test_edits_to_a_checkin_in_the_journal_are_saved_to_the_same_checkin(
    qtbot: QtBot, page: JournalPage, vault: Vault, checkin: Entry
) -> None:
    written = vault.entries.save(Entry(entry_date=DAY, title="Evening pages", body="Words"))
    before = vault.entries.count(EntryFilter())
    page.open_entry(checkin.id)
    form = page.editor.checkin_form
    qtbot.mouseClick(form.mood.buttons[4], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.craving.buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.sober_buttons[0], Qt.MouseButton.LeftButton)  # "No"
    assert form.sober_note.isVisible()
    form.gratitude.setFocus()
    form.gratitude.selectAll()
    qtbot.keyClicks(form.gratitude, "A quiet morning")
    form.evening_review.setFocus()
    form.evening_review.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(form.evening_review, " Slept well.")
    assert page.editor.dirty

    page.open_entry(written.id)  # leaving it saves, as for any entry
    stored = vault.entries.get(checkin.id)
    assert stored.is_checkin and not stored.is_draft
    assert (stored.mood, stored.craving, stored.sober_today) == (4, 2, False)
    assert stored.gratitude == "A quiet morning"
    assert stored.evening_review == "Hard afternoon, good evening. Slept well."
    assert stored.intention == "Go to the noon meeting"  # untouched answers kept
    assert stored.triggers == () and stored.coping == ()  # no follow-ups under 5
    assert stored.body == "" and stored.title == ""  # the gratitude never becomes text
    assert vault.entries.count(EntryFilter()) == before  # the same check-in, no new entry
    assert vault.entries.checkin_for(DAY).id == checkin.id
    row = page.model.row_of(checkin.id)
    assert page.model.summary(row).preview == "A quiet morning"

    # Today shows what was written in the Journal: it is the same check-in.
    card = CheckinCard(vault, DAY, 20)
    qtbot.addWidget(card)
    assert card.gratitude.text() == "A quiet morning" and card.mood.mood() == 4


def test_the_list_shows_checkins_written_entries_or_both(
    qtbot: QtBot, page: JournalPage, vault: Vault, checkin: Entry
) -> None:
    written = vault.entries.save(Entry(entry_date=DAY, title="Evening pages", body="Words"))
    page.refresh()

    def listed() -> set[int]:
        return {page.model.summary(row).id for row in range(page.model.rowCount())}

    assert listed() == {checkin.id, written.id}
    kinds = page.search_bar.kind_buttons
    qtbot.mouseClick(kinds[WRITTEN], Qt.MouseButton.LeftButton)
    assert listed() == {written.id} and page.count_label.text() == "1 entry"
    qtbot.mouseClick(kinds[CHECKINS], Qt.MouseButton.LeftButton)
    assert listed() == {checkin.id}
    qtbot.mouseClick(kinds[ALL], Qt.MouseButton.LeftButton)
    assert listed() == {checkin.id, written.id}
    qtbot.mouseClick(kinds[WRITTEN], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.search_bar.clear_button, Qt.MouseButton.LeftButton)
    assert kinds[ALL].isChecked() and listed() == {checkin.id, written.id}


def test_the_list_can_group_a_days_entries_and_remembers_it(
    qtbot: QtBot, page: JournalPage, vault: Vault, checkin: Entry
) -> None:
    vault.entries.save(Entry(entry_date=DAY, title="Evening pages", body="Words"))
    vault.entries.save(Entry(entry_date=date(2024, 6, 12), title="Earlier", body="More"))
    page.refresh()
    model = page.model
    assert not page.group_by_day.isChecked() and not model.groups_by_day()
    qtbot.mouseClick(page.group_by_day, Qt.MouseButton.LeftButton)
    assert model.groups_by_day()
    days = [model.summary(row).entry_date for row in range(model.rowCount())]
    assert days == [DAY, DAY, date(2024, 6, 12)]
    assert [model.starts_day(row) for row in range(3)] == [True, False, True]
    assert [model.ends_day(row) for row in range(3)] == [False, True, True]
    page.timeline.viewport().grab()  # paints grouped rows without error

    again = JournalPage(vault)  # the choice is kept, in the vault
    qtbot.addWidget(again)
    assert again.group_by_day.isChecked() and again.model.groups_by_day()
    again.search_bar.search.setText("pages")
    again.search_bar.search.returnPressed.emit()
    assert not again.model.groups_by_day()  # best match first: days are mixed


def test_answers_not_touched_in_the_journal_keep_their_stored_text_exactly(
    qtbot: QtBot, page: JournalPage, vault: Vault
) -> None:
    stored = vault.entries.save(
        Entry(
            entry_date=DAY,
            is_checkin=True,
            mood=3,
            gratitude="  Rain on the roof  ",  # as the command line or an import may keep it
            evening_review="Line one\r\nLine two",
        )
    )
    stored = vault.entries.get(stored.id)
    page.open_entry(stored.id)
    qtbot.mouseClick(page.editor.checkin_form.mood.buttons[5], Qt.MouseButton.LeftButton)
    page.save_now()
    back = vault.entries.get(stored.id)
    assert back.mood == 5
    assert (back.gratitude, back.evening_review) == (stored.gratitude, stored.evening_review)
