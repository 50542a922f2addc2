# SPDX-License-Identifier: GPL-3.0-or-later
"""Today's check-in and the Journal can show the same entry: switching pages saves the page
left and refreshes the page opened, so neither writes a stale copy over the other. A new day
never replaces check-in answers the vault refused."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton

from recovery_desktop.core.models import Entry
from recovery_desktop.core.validation import MAX_TEXT_CHARS
from recovery_desktop.storage import Vault
from recovery_desktop.ui.main_window import MainWindow
from recovery_desktop.ui.today.page import TodayPage


def test_today_and_journal_never_overwrite_each_other(qtbot, vault: Vault) -> None:
    checkin = vault.entries.save(
        Entry(entry_date=date.today(), is_checkin=True, mood=2, gratitude="tea")
    )
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    today = window.show_page("today")
    journal = window.show_page("journal")
    journal.open_entry(checkin.id)
    form = journal.editor.checkin_form  # the check-in's answers, as on Today
    form.gratitude.setFocus()
    form.gratitude.end(False)
    qtbot.keyClicks(form.gratitude, " with honey")

    today = window.show_page("today")  # leaving the journal saves the gratitude
    assert today.checkin.gratitude.text() == "tea with honey"
    great = today.findChild(QAbstractButton, "mood_5")
    qtbot.waitUntil(lambda: great.isVisible() and great.height() > 0)
    qtbot.mouseClick(great, Qt.MouseButton.LeftButton)
    journal = window.show_page("journal")  # leaving Today saves mood 5
    assert form.gratitude.text() == "tea with honey"
    assert form.mood.mood() == 5
    form.gratitude.end(False)
    qtbot.keyClicks(form.gratitude, " and toast")
    window.show_page("today")
    stored = vault.entries.get(checkin.id)
    assert (stored.body, stored.mood, stored.gratitude) == ("", 5, "tea with honey and toast")


def test_a_new_day_keeps_answers_the_vault_refused(qtbot, vault: Vault) -> None:
    now = [datetime.combine(date(2026, 3, 1), time(21, 0)).astimezone()]
    page = TodayPage(vault, clock=lambda: now[0])
    qtbot.addWidget(page)
    page.show()
    page.checkin.evening_review.setPlainText("x\n" * (MAX_TEXT_CHARS // 2 + 1))
    page.flush()
    assert page.checkin.has_unsaved_changes()
    now[0] += timedelta(hours=4)  # past midnight
    page.refresh()
    assert page.checkin.evening_review.toPlainText().startswith("x\nx\n")


def test_today_left_open_past_midnight_moves_to_the_new_day(
    qtbot, vault: Vault, monkeypatch
) -> None:
    from recovery_desktop.ui.today import page as today_module

    monkeypatch.setattr(today_module, "DAY_WATCH_MS", 30)
    now = [datetime.combine(date(2026, 3, 1), time(23, 58)).astimezone()]
    page = TodayPage(vault, clock=lambda: now[0])
    qtbot.addWidget(page)
    page.show()
    page.checkin.gratitude.setText("a quiet evening")
    now[0] += timedelta(minutes=5)  # 00:03 on 2 March
    qtbot.waitUntil(lambda: page.checkin.gratitude.text() == "", timeout=2000)
    assert vault.entries.checkin_for(date(2026, 3, 1)).gratitude == "a quiet evening"
    assert vault.entries.checkin_for(date(2026, 3, 2)) is None
