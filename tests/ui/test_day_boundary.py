# SPDX-License-Identifier: GPL-3.0-or-later
"""Midnight while the app is open (issue 6, point 12), with an injected clock: no sleeping.

Today and the Journal notice a new day before they accept input (and on window activation), so
a check-in touched just after midnight is today's, and a new entry is dated when its first
character is typed, not when the blank page was opened.
"""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from recovery_desktop.core.models import Entry
from recovery_desktop.storage import Vault
from recovery_desktop.ui.journal.page import JournalPage
from recovery_desktop.ui.today.page import TodayPage

YESTERDAY = date(2026, 3, 13)
TODAY = date(2026, 3, 14)


class Clock:
    """A wall clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def today(self) -> date:
        return self.now.date()


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime.combine(YESTERDAY, time(23, 58)).astimezone())


def just_after_midnight(clock: Clock) -> None:
    clock.now = datetime.combine(TODAY, time(0, 1)).astimezone()


@pytest.fixture
def today_page(qtbot: QtBot, vault: Vault, clock: Clock) -> TodayPage:
    vault.entries.save(Entry(entry_date=YESTERDAY, is_checkin=True, mood=3, gratitude="Soup"))
    page = TodayPage(vault, clock=clock)
    qtbot.addWidget(page)
    page.resize(1000, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_a_checkin_touched_just_after_midnight_is_todays(
    qtbot: QtBot, today_page: TodayPage, vault: Vault, clock: Clock
) -> None:
    card = today_page.checkin
    assert card.mood.mood() == 3  # yesterday's, still on screen at 23:58
    just_after_midnight(clock)  # no timer has fired yet (the laptop just woke, say)
    face = card.findChild(QAbstractButton, "mood_5")
    qtbot.mouseClick(face, Qt.MouseButton.LeftButton)
    card.flush()

    assert vault.entries.checkin_for(YESTERDAY).mood == 3  # untouched
    assert vault.entries.checkin_for(YESTERDAY).gratitude == "Soup"
    assert vault.entries.checkin_for(TODAY).mood == 5
    assert today_page.date_label.text() == _long(TODAY)


def test_answers_typed_before_midnight_stay_with_yesterday(
    qtbot: QtBot, today_page: TodayPage, vault: Vault, clock: Clock
) -> None:
    card = today_page.checkin
    qtbot.keyClicks(card.gratitude, " and sleep")  # typed at 23:58, not saved yet
    just_after_midnight(clock)
    qtbot.keyClicks(card.gratitude, "A new day")  # the first key after midnight
    card.flush()
    assert vault.entries.checkin_for(YESTERDAY).gratitude == "Soup and sleep"
    assert vault.entries.checkin_for(TODAY).gratitude == "A new day"


def test_window_activation_notices_the_new_day(
    qtbot: QtBot, today_page: TodayPage, clock: Clock
) -> None:
    just_after_midnight(clock)
    QApplication.sendEvent(today_page.window(), QEvent(QEvent.Type.WindowActivate))
    assert today_page.date_label.text() == _long(TODAY)
    assert today_page.checkin.mood.mood() is None  # today's check-in: nothing yet


# --- the journal ---------------------------------------------------------------------------


@pytest.fixture
def journal(qtbot: QtBot, vault: Vault, clock: Clock) -> JournalPage:
    page = JournalPage(vault, autosave_ms=60_000, today=clock.today)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_a_blank_entry_left_open_overnight_is_dated_when_writing_starts(
    qtbot: QtBot, journal: JournalPage, vault: Vault, clock: Clock
) -> None:
    editor = journal.editor
    assert editor.date_edit.date() == QDate(2026, 3, 13)
    just_after_midnight(clock)
    qtbot.keyClicks(editor.body, "Could not sleep")
    assert editor.date_edit.date() == QDate(2026, 3, 14)
    journal.flush()
    assert vault.entries.get(editor.entry_id).entry_date == TODAY


def test_a_date_chosen_before_writing_is_kept(
    qtbot: QtBot, journal: JournalPage, vault: Vault, clock: Clock
) -> None:
    editor = journal.editor
    editor.date_edit.setDate(QDate(2026, 3, 10))  # writing about last Tuesday
    just_after_midnight(clock)
    qtbot.keyClicks(editor.body, "About Tuesday")
    journal.flush()
    assert vault.entries.get(editor.entry_id).entry_date == date(2026, 3, 10)


def test_the_journal_notices_the_new_day_on_activation(
    qtbot: QtBot, journal: JournalPage, clock: Clock
) -> None:
    just_after_midnight(clock)
    QApplication.sendEvent(journal.window(), QEvent(QEvent.Type.WindowActivate))
    assert journal.editor.date_edit.date() == QDate(2026, 3, 14)


def _long(day: date) -> str:
    from PySide6.QtCore import QLocale

    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def test_the_watch_sees_the_app_only_while_its_page_is_shown(
    qtbot: QtBot, today_page: TodayPage, clock: Clock
) -> None:
    # Its app-wide filter puts every event of the app through Python: only while it is needed.
    watch = today_page._day_watch
    assert watch.watching
    today_page.hide()
    assert not watch.watching
    just_after_midnight(clock)
    today_page.show()  # shown again after midnight: today's page, before any input
    assert watch.watching
    assert today_page.date_label.text() == _long(TODAY)
