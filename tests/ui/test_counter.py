# SPDX-License-Identifier: GPL-3.0-or-later
"""The recovery start and the counter on Today, over a real vault: "Sober today? No" offers a
new start dated tomorrow (never by itself), the first "Yes" offers to start counting, the
history of starts can be corrected, and what using cost each day becomes money and time
regained."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from recovery_desktop.core.models import RecoveryStart
from recovery_desktop.core.regained import DailyCost
from recovery_desktop.storage import Vault
from recovery_desktop.ui.counter.starts_dialog import StartsDialog
from recovery_desktop.ui.counter.words import hours, long_date, money_in_words
from recovery_desktop.ui.today.page import TodayPage

TODAY = date.today()
TOMORROW = TODAY + timedelta(days=1)
UNKIND = ("relapse", "reset", "failed", "failure", "back to zero", "start over")


@pytest.fixture
def make_page(vault: Vault, qtbot: QtBot, themed_app):
    def make() -> TodayPage:
        page = TodayPage(vault, clock=lambda: datetime.combine(TODAY, time(9, 5)).astimezone())
        qtbot.addWidget(page)
        page.resize(1100, 900)
        page.show()
        qtbot.waitExposed(page)
        return page

    return make


def click(qtbot: QtBot, page: QWidget, name: str) -> None:
    button = page.findChild(QAbstractButton, name)
    assert button is not None, name
    qtbot.waitUntil(lambda: button.isVisible() and button.isEnabled() and button.height() > 0)
    if isinstance(page, TodayPage):
        page.scroll.ensureWidgetVisible(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shown(page: QWidget, name: str) -> str:
    label = page.findChild(QLabel, name)
    assert label is not None, name
    return label.text() if label.isVisibleTo(page) else ""


def kind(text: str) -> None:
    for word in UNKIND:
        assert word not in text.lower(), word


def test_no_offers_a_new_start_dated_tomorrow_never_by_itself(
    make_page, qtbot: QtBot, vault: Vault
) -> None:
    first = TODAY - timedelta(days=40)
    vault.recovery_starts.add(RecoveryStart(first))
    page = make_page()
    offer = page.sober.start_offer
    assert not offer.isVisible()
    click(qtbot, page, "sober_no")
    assert offer.isVisible()
    text = shown(page, "start_offer_text")
    assert "record a new start" in text and "begin tomorrow" in text
    assert long_date(TOMORROW) in text and "still counts" in text
    kind(text)
    assert [s.start_date for s in vault.recovery_starts.list()] == [first]  # only offered

    click(qtbot, page, "start_offer_yes")
    assert [s.start_date for s in vault.recovery_starts.list()] == [first, TOMORROW]
    said = shown(page, "start_offer_text")
    assert said.startswith(f"Your new start begins tomorrow, {long_date(TOMORROW)}.")
    assert "your 40 sober days before it still count" in said
    # The counter still counts today's run until tomorrow; the line that says when the new
    # start begins waits while the offer says it (never twice in one card).
    assert page.findChild(QLabel, "sober_days_number").text() == "40"
    assert shown(page, "sober_planned_start") == ""
    kind(said)

    # Undo takes it back out, for as long as the words are there.
    click(qtbot, page, "start_offer_undo")
    assert [s.start_date for s in vault.recovery_starts.list()] == [first]
    assert not offer.isVisible()
    assert shown(page, "sober_planned_start") == ""

    # Recorded and the page shown again later: the counter's own line says it.
    click(qtbot, page, "sober_yes")
    click(qtbot, page, "sober_no")
    click(qtbot, page, "start_offer_yes")
    page.refresh()
    assert not offer.isVisible()
    planned = shown(page, "sober_planned_start")
    assert planned.startswith(f"A new start begins on {long_date(TOMORROW)}.")
    kind(planned)


def test_not_now_records_nothing_and_a_second_no_says_it_is_set(
    make_page, qtbot: QtBot, vault: Vault
) -> None:
    vault.recovery_starts.add(RecoveryStart(TODAY - timedelta(days=9)))
    page = make_page()
    click(qtbot, page, "sober_no")
    click(qtbot, page, "start_offer_not_now")
    assert not page.sober.start_offer.isVisible()
    assert len(vault.recovery_starts.list()) == 1

    vault.recovery_starts.add_new_start(TODAY)  # recorded earlier, from another window
    page.refresh()
    click(qtbot, page, "sober_yes")
    click(qtbot, page, "sober_no")
    assert shown(page, "start_offer_text").startswith("Your new start begins tomorrow")
    assert not page.findChild(QAbstractButton, "start_offer_yes").isVisible()
    assert len(vault.recovery_starts.list()) == 2


def test_the_first_yes_offers_to_start_counting_from_today(
    make_page, qtbot: QtBot, vault: Vault
) -> None:
    page = make_page()
    click(qtbot, page, "sober_yes")
    text = shown(page, "start_offer_text")
    assert "start counting your sober days from today" in text
    assert vault.recovery_starts.list() == []
    click(qtbot, page, "start_offer_yes")
    assert [s.start_date for s in vault.recovery_starts.list()] == [TODAY]
    assert shown(page, "start_offer_text").startswith("Done: your sober days count from today.")
    assert page.findChild(QLabel, "sober_days_number").text() == "0"
    assert shown(page, "sober_since") == "Day one starts today. Every day counts from here."

    # With a start already there, "Yes" offers nothing more.
    click(qtbot, page, "sober_no")
    click(qtbot, page, "start_offer_not_now")
    click(qtbot, page, "sober_yes")
    assert not page.sober.start_offer.isVisible()


def _open_dialog(page: TodayPage, qtbot: QtBot) -> StartsDialog:
    click(qtbot, page, "sober_dates_button")
    qtbot.waitUntil(lambda: page.sober.extras.dialog is not None)
    dialog = page.sober.extras.dialog
    qtbot.waitExposed(dialog)
    return dialog


def test_money_and_time_regained_appear_after_setting_the_daily_cost(
    make_page, qtbot: QtBot, vault: Vault
) -> None:
    vault.recovery_starts.add(RecoveryStart(TODAY - timedelta(days=60)))
    vault.recovery_starts.add(RecoveryStart(TODAY - timedelta(days=40)))
    page = make_page()
    hint = shown(page, "sober_cost_hint")
    assert "money and time" in hint
    assert shown(page, "sober_regained") == ""

    dialog = _open_dialog(page, qtbot)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "daily_cost_money"), "18.50")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "daily_cost_hours"), "3")
    with qtbot.waitSignal(page.sober.starts_changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert vault.recovery_starts.daily_cost() == DailyCost(Decimal("18.50"), Decimal(3))
    # 40 days in this run; 19 + 40 since the first start (the day before a start is the slip day)
    assert shown(page, "sober_regained") == (
        f"Regained so far: {money_in_words(Decimal('740.00'))} and {hours(Decimal(120))}."
    )
    assert hours(Decimal(120)) == "120 hours (5 whole days)"
    assert shown(page, "sober_regained_total") == (
        f"Since your first start: {money_in_words(Decimal('1091.50'))} and "
        f"{hours(Decimal(177))}."
    )
    assert shown(page, "sober_cost_hint") == ""

    # A word that is not a number is refused in plain words, and nothing changes.
    dialog = _open_dialog(page, qtbot)
    money_field = dialog.findChild(QLineEdit, "daily_cost_money")
    money_field.clear()
    qtbot.keyClicks(money_field, "a lot")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "is not a number" in shown(dialog, "starts_error")
    assert vault.recovery_starts.daily_cost() == DailyCost(Decimal("18.50"), Decimal(3))
    dialog.reject()


@pytest.fixture
def use_locale():
    """Set the default QLocale for one test (the app reads the person's from it); restored."""
    before = QLocale()
    yield lambda name: QLocale.setDefault(QLocale(name))
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("locale", "current", "total"),
    [
        (
            "en_US",
            "Regained so far: $740 and 120 hours (5 whole days).",
            "Since your first start: $1,091.50 and 177 hours (7 whole days).",
        ),
        (
            "de_DE",
            "Regained so far: 740\xa0€ and 120 hours (5 whole days).",
            "Since your first start: 1.091,50\xa0€ and 177 hours (7 whole days).",
        ),
        (  # no currency symbol: a grouped number, named as money, no symbol made up
            "C",
            "Regained so far: 740 in money and 120 hours (5 whole days).",
            "Since your first start: 1,091.50 in money and 177 hours (7 whole days).",
        ),
    ],
)
def test_money_reads_in_the_persons_locale(
    make_page, qtbot: QtBot, vault: Vault, use_locale, locale: str, current: str, total: str
) -> None:
    use_locale(locale)
    vault.recovery_starts.add(RecoveryStart(TODAY - timedelta(days=60)))
    vault.recovery_starts.add(RecoveryStart(TODAY - timedelta(days=40)))
    vault.recovery_starts.set_daily_cost(DailyCost(Decimal("18.50"), Decimal(3)))
    page = make_page()
    assert shown(page, "sober_regained") == current
    assert shown(page, "sober_regained_total") == total


def test_the_daily_cost_is_typed_and_shown_in_the_persons_locale(
    make_page, qtbot: QtBot, vault: Vault, use_locale
) -> None:
    vault.recovery_starts.add(RecoveryStart(TODAY - timedelta(days=40)))
    vault.recovery_starts.set_daily_cost(DailyCost(Decimal("18.50"), Decimal("2.5")))
    use_locale("de_DE")
    page = make_page()
    dialog = _open_dialog(page, qtbot)
    money_field = dialog.findChild(QLineEdit, "daily_cost_money")
    assert money_field.text() == "18,50"  # a comma is the decimal mark here
    assert dialog.findChild(QLineEdit, "daily_cost_hours").text() == "2,5"
    assert "Money each day (€)" in [label.text() for label in dialog.findChildren(QLabel)]
    money_field.clear()
    qtbot.keyClicks(money_field, "1.234,50")  # grouped, as a German writes it
    with qtbot.waitSignal(page.sober.starts_changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert vault.recovery_starts.daily_cost() == DailyCost(Decimal("1234.50"), Decimal("2.5"))
    assert shown(page, "sober_regained").startswith("Regained so far: 49.380\xa0€ and")

    use_locale("en_US")
    dialog = _open_dialog(page, qtbot)
    money_field = dialog.findChild(QLineEdit, "daily_cost_money")
    assert money_field.text() == "1234.50"
    money_field.clear()
    qtbot.keyClicks(money_field, "1,000")  # a thousand here, never 1.000
    with qtbot.waitSignal(page.sober.starts_changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert vault.recovery_starts.daily_cost() == DailyCost(Decimal(1000), Decimal("2.5"))
    assert shown(page, "sober_regained").startswith("Regained so far: $40,000 and 100 hours")


def test_set_the_start_date_and_see_the_history_of_starts(
    make_page, qtbot: QtBot, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    wrong = vault.recovery_starts.add(RecoveryStart(TODAY - timedelta(days=10), "typo"))
    page = make_page()
    dialog = _open_dialog(page, qtbot)
    assert dialog.table.topLevelItemCount() == 1
    assert dialog.table.topLevelItem(0).text(1) == "10 days"
    right = TODAY - timedelta(days=100)
    dialog.date_edit.setDate(QDate(right.year, right.month, right.day))
    note = dialog.findChild(QLineEdit, "starts_note")
    note.clear()
    qtbot.keyClicks(note, "the day I called Dana")
    assert dialog.table.topLevelItem(0).text(1) == "100 days"
    with qtbot.waitSignal(page.sober.starts_changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert vault.recovery_starts.list() == [
        RecoveryStart(right, "the day I called Dana", id=wrong.id)
    ]
    assert page.findChild(QLabel, "sober_days_number").text() == "100"

    # An earlier start added, then a mistaken one removed after asking.
    dialog = _open_dialog(page, qtbot)
    click(qtbot, dialog, "starts_add")
    added = TODAY - timedelta(days=30)
    dialog.date_edit.setDate(QDate(added.year, added.month, added.day))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [s.start_date for s in vault.recovery_starts.list()] == [right, added]
    assert page.findChild(QLabel, "sober_days_number").text() == "30"

    asked: list[str] = []

    def answer(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog = _open_dialog(page, qtbot)
    assert [dialog.table.topLevelItem(i).text(1) for i in range(2)] == ["69 days", "30 days"]
    dialog.table.setCurrentItem(dialog.table.topLevelItem(1))
    click(qtbot, dialog, "starts_remove")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert asked and "correct a mistake" in asked[0]
    assert [s.start_date for s in vault.recovery_starts.list()] == [right]


def test_two_starts_on_one_day_are_refused_gently(make_page, qtbot: QtBot, vault) -> None:
    vault.recovery_starts.add(RecoveryStart(TODAY - timedelta(days=3)))
    page = make_page()
    dialog = _open_dialog(page, qtbot)
    click(qtbot, dialog, "starts_add")
    three = TODAY - timedelta(days=3)
    dialog.date_edit.setDate(QDate(three.year, three.month, three.day))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "same day" in shown(dialog, "starts_error")
    assert len(vault.recovery_starts.list()) == 1
    dialog.reject()
    assert len(vault.recovery_starts.list()) == 1
