# SPDX-License-Identifier: GPL-3.0-or-later
"""The Today page over a real vault: check-in, sober days, reach-outs, commitments, on this day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from recovery_desktop.core.models import (
    Commitment,
    Community,
    Connection,
    ConnectionKind,
    Contact,
    Entry,
    EntryFilter,
    Goal,
    GoalStatus,
    Outcome,
    RecoveryStart,
    Role,
)
from recovery_desktop.storage import Vault
from recovery_desktop.ui.today.page import TodayPage
from recovery_desktop.ui.today.sober_counter import NewStartDialog
from tests.conftest import PASSPHRASE

TODAY = date.today()


def at(hour: int) -> datetime:
    return datetime.combine(TODAY, time(hour, 5)).astimezone()


@pytest.fixture
def make_page(vault: Vault, qtbot: QtBot):
    def make(hour: int = 9) -> TodayPage:
        page = TodayPage(vault, clock=lambda: at(hour))
        qtbot.addWidget(page)
        page.resize(1000, 800)
        page.show()
        qtbot.waitExposed(page)
        return page

    return make


def click(qtbot: QtBot, page: QWidget, name: str) -> None:
    button = page.findChild(QAbstractButton, name)
    assert button is not None, name
    # Rows rebuilt on refresh are shown and laid out by the event loop.
    qtbot.waitUntil(lambda: button.isVisible() and button.height() > 0)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# --- the check-in ----------------------------------------------------------------------------


def test_checkin_through_the_widgets_lands_in_the_vault_and_updates(
    make_page, qtbot: QtBot, vault_dir: Path
) -> None:
    page = make_page()
    card = page.checkin
    assert not card.follow_ups.isVisible()
    click(qtbot, page, "mood_4")
    click(qtbot, page, "craving_6")
    assert card.follow_ups.isVisible()
    click(qtbot, page, "triggers_chip_stress")
    click(qtbot, page, "coping_chip_walk")
    click(qtbot, page, "sober_yes")
    gratitude = page.findChild(QLineEdit, "gratitude")
    qtbot.keyClicks(gratitude, "Morning tea with my sister")
    click(qtbot, page, "checkin_save")
    assert page.findChild(QLabel, "checkin_status").text() == "Saved. Thank you for checking in."

    with Vault.open(vault_dir, PASSPHRASE) as other:
        stored = other.entries.checkin_for(TODAY)
        assert stored is not None
        assert (stored.mood, stored.craving, stored.sober_today) == (4, 6, True)
        assert stored.triggers == ("stress",)
        assert stored.coping == ("walk",)
        assert stored.gratitude == "Morning tea with my sister"
        assert stored.is_checkin and not stored.is_draft

    click(qtbot, page, "mood_5")
    click(qtbot, page, "craving_7")
    click(qtbot, page, "checkin_save")
    with Vault.open(vault_dir, PASSPHRASE) as other:
        day = EntryFilter(date_from=TODAY, date_to=TODAY)
        checkins = [e for e in other.entries.page(day, 0, 50) if e.is_checkin]
        assert len(checkins) == 1
        stored = other.entries.checkin_for(TODAY)
        assert (stored.mood, stored.craving) == (5, 7)
        assert stored.triggers == ("stress",)


def test_low_craving_hides_follow_ups_and_stores_none(make_page, qtbot: QtBot, vault) -> None:
    page = make_page()
    click(qtbot, page, "craving_6")
    click(qtbot, page, "triggers_chip_boredom")
    assert page.checkin.follow_ups.isVisible()
    click(qtbot, page, "craving_3")
    assert not page.checkin.follow_ups.isVisible()
    assert not page.findChild(QAbstractButton, "triggers_chip_boredom").isVisible()
    click(qtbot, page, "checkin_save")
    stored = vault.entries.checkin_for(TODAY)
    assert stored.craving == 3
    assert stored.triggers == ()


def test_own_trigger_word_and_suggestions_from_earlier_entries(
    make_page, qtbot: QtBot, vault
) -> None:
    vault.entries.save(
        Entry(entry_date=TODAY - timedelta(days=3), craving=8, triggers=("long drive home",))
    )
    page = make_page()
    click(qtbot, page, "craving_8")
    assert page.findChild(QAbstractButton, "triggers_chip_long_drive_home") is not None
    field = page.findChild(QLineEdit, "triggers_add")
    qtbot.keyClicks(field, "the bar sign")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert page.findChild(QAbstractButton, "triggers_chip_the_bar_sign").isChecked()
    click(qtbot, page, "checkin_save")
    assert vault.entries.checkin_for(TODAY).triggers == ("the bar sign",)


def test_flush_keeps_a_half_filled_checkin_and_it_loads_back(
    make_page, qtbot: QtBot, vault
) -> None:
    page = make_page()
    click(qtbot, page, "mood_2")
    qtbot.keyClicks(page.findChild(QLineEdit, "gratitude"), "a warm bed")
    page.flush()
    stored = vault.entries.checkin_for(TODAY)
    assert stored is not None
    assert (stored.mood, stored.craving, stored.gratitude) == (2, None, "a warm bed")

    again = make_page()
    assert again.checkin.mood.mood() == 2
    assert again.findChild(QLineEdit, "gratitude").text() == "a warm bed"


def test_intention_in_the_morning_and_evening_review_later(make_page, qtbot: QtBot, vault) -> None:
    morning = make_page(hour=8)
    assert morning.findChild(QLineEdit, "intention").isVisible()
    assert not morning.findChild(QPlainTextEdit, "evening_review").isVisible()
    qtbot.keyClicks(morning.findChild(QLineEdit, "intention"), "go to the 7pm meeting")
    morning.flush()

    evening = make_page(hour=20)
    assert evening.greeting.text() == "Good evening"
    review = evening.findChild(QPlainTextEdit, "evening_review")
    assert review.isVisible()
    assert evening.findChild(QLineEdit, "intention").text() == "go to the 7pm meeting"
    qtbot.keyClicks(review, "I went. Glad I did.")
    click(qtbot, evening, "checkin_save")
    stored = vault.entries.checkin_for(TODAY)
    assert stored.intention == "go to the 7pm meeting"
    assert stored.evening_review == "I went. Glad I did."


def test_mood_faces_are_one_tab_stop_with_arrow_keys(make_page, qtbot: QtBot) -> None:
    page = make_page()
    faces = [page.findChild(QAbstractButton, f"mood_{m}") for m in range(1, 6)]
    tab_stops = [f for f in faces if f.focusPolicy() == Qt.FocusPolicy.StrongFocus]
    assert tab_stops == [faces[0]]
    click(qtbot, page, "mood_3")
    faces[2].setFocus()
    qtbot.keyClick(faces[2], Qt.Key.Key_Right)
    assert page.checkin.mood.mood() == 4
    assert faces[3].focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_every_control_has_object_and_accessible_names(make_page, qtbot: QtBot, vault) -> None:
    vault.recovery_starts.add(RecoveryStart(TODAY - timedelta(days=5)))
    contact = vault.contacts.save(Contact("Maria", reach_out_every_days=3))
    goal = vault.goals.save(Goal("Show up"))
    vault.goals.save_commitment(Commitment(goal_id=goal.id, promise="Call", due_date=TODAY))
    page = make_page()
    click(qtbot, page, "craving_9")
    click(qtbot, page, f"i_connected_{contact.id}")
    controls = (
        page.findChildren(QAbstractButton)
        + page.findChildren(QLineEdit)
        + page.findChildren(QPlainTextEdit)
    )
    missing = [
        (type(w).__name__, w.objectName(), w.accessibleName())
        for w in controls
        if w.isVisibleTo(page)
        and w.parent() is not None
        and type(w).__name__ not in ("QScrollBar",)
        and not w.objectName().startswith("qt_")
        and (not w.objectName() or not w.accessibleName())
    ]
    assert missing == []


# --- sober days ------------------------------------------------------------------------------


def test_sober_counter_forty_days_and_next_milestone(make_page, vault) -> None:
    vault.recovery_starts.add(RecoveryStart(TODAY - timedelta(days=40)))
    page = make_page()
    assert page.findChild(QLabel, "sober_days_number").text() == "40"
    assert page.findChild(QLabel, "sober_next_milestone").text() == (
        "Next milestone: 60 days, 20 days to go."
    )
    assert not page.findChild(QLabel, "sober_new_start").isVisible()
    assert not page.findChild(QAbstractButton, "set_start_button").isVisible()


def test_new_start_shown_kindly_with_total(make_page, vault) -> None:
    vault.recovery_starts.add(RecoveryStart(TODAY - timedelta(days=55)))
    vault.recovery_starts.add(RecoveryStart(TODAY - timedelta(days=12)))
    page = make_page()
    assert page.findChild(QLabel, "sober_days_number").text() == "12"
    line = page.findChild(QLabel, "sober_new_start")
    assert line.isVisible()
    assert line.text() == "A new start: day 12. 54 sober days in total."
    assert "Longest run: 42 days" in page.findChild(QLabel, "sober_history").text()
    shown = " ".join(label.text().lower() for label in page.sober.findChildren(QLabel))
    for unkind in ("relapse", "failed", "reset"):
        assert unkind not in shown


def test_recent_milestone_is_celebrated(make_page, vault) -> None:
    vault.recovery_starts.add(RecoveryStart(TODAY - timedelta(days=30)))
    page = make_page()
    celebration = page.findChild(QLabel, "sober_celebration")
    assert celebration.isVisible()
    assert "Today you reach 30 days" in celebration.text()


def _dialog(page: TodayPage, qtbot: QtBot) -> NewStartDialog:
    qtbot.waitUntil(
        lambda: (
            page.findChild(NewStartDialog) is not None
            and page.findChild(NewStartDialog).isVisible()
        )
    )
    return page.findChild(NewStartDialog)


def test_record_a_new_start_through_the_dialog(make_page, qtbot: QtBot, vault) -> None:
    vault.recovery_starts.add(RecoveryStart(TODAY - timedelta(days=40)))
    page = make_page()
    click(qtbot, page, "new_start_button")
    dialog = _dialog(page, qtbot)
    assert "Your earlier days still count" in dialog.findChild(QLabel, "new_start_intro").text()
    three_days_ago = TODAY - timedelta(days=3)
    dialog.date_edit.setDate(QDate(three_days_ago.year, three_days_ago.month, three_days_ago.day))
    qtbot.keyClicks(dialog.findChild(QLineEdit, "new_start_note"), "after the wedding")
    with qtbot.waitSignal(page.sober.starts_changed):
        qtbot.mouseClick(dialog.findChild(QPushButton, "new_start_save"), Qt.MouseButton.LeftButton)
    starts = vault.recovery_starts.list()
    assert [s.start_date for s in starts] == [TODAY - timedelta(days=40), three_days_ago]
    assert starts[-1].note == "after the wedding"
    assert page.findChild(QLabel, "sober_days_number").text() == "3"
    assert page.findChild(QLabel, "sober_new_start").text().startswith("A new start: day 3.")


def test_first_start_from_the_invitation(make_page, qtbot: QtBot, vault) -> None:
    page = make_page()
    assert page.findChild(QLabel, "sober_invite").isVisible()
    click(qtbot, page, "set_start_button")
    dialog = _dialog(page, qtbot)
    qtbot.mouseClick(dialog.findChild(QPushButton, "new_start_save"), Qt.MouseButton.LeftButton)
    assert [s.start_date for s in vault.recovery_starts.list()] == [TODAY]
    assert page.findChild(QLabel, "sober_days_number").text() == "0"
    assert page.findChild(QLabel, "sober_next_milestone").text() == (
        "Next milestone: 1 day, 1 day to go."
    )


def test_same_start_day_twice_is_refused_gently(make_page, qtbot: QtBot, vault) -> None:
    vault.recovery_starts.add(RecoveryStart(TODAY))
    page = make_page()
    click(qtbot, page, "new_start_button")
    dialog = _dialog(page, qtbot)
    qtbot.mouseClick(dialog.findChild(QPushButton, "new_start_save"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.findChild(QLabel, "new_start_error").isVisible()
    assert len(vault.recovery_starts.list()) == 1


# --- reaching out ----------------------------------------------------------------------------


def _contact(vault: Vault, name: str, every: int | None, days_ago: int | None, **kw) -> Contact:
    contact = vault.contacts.save(Contact(name, reach_out_every_days=every, **kw))
    if days_ago is not None:
        vault.connections.save(
            Connection(
                occurred_at=datetime.now(UTC) - timedelta(days=days_ago),
                kind=ConnectionKind.CALL,
                contact_id=contact.id,
            )
        )
    return contact


def test_due_contact_appears_and_i_connected_logs_it(make_page, qtbot: QtBot, vault) -> None:
    maria = _contact(vault, "Maria", 7, 9, role=Role.SPONSOR)
    fine = _contact(vault, "Sam", 7, 2)
    page = make_page()
    assert page.findChild(QWidget, f"due_row_{maria.id}") is not None
    assert page.findChild(QWidget, f"due_row_{fine.id}") is None
    assert page.findChild(QLabel, f"due_detail_{maria.id}").text() == (
        "sponsor · last in touch 9 days ago"
    )
    click(qtbot, page, f"i_connected_{maria.id}")
    logged = vault.connections.for_contact(maria.id)
    assert len(logged) == 2
    assert logged[0].kind is ConnectionKind.CALL
    assert logged[0].occurred_at.tzinfo is not None
    qtbot.waitUntil(lambda: page.findChild(QWidget, f"due_row_{maria.id}") is None)
    assert [d.contact.id for d in page.reach_out.due] == []

    follow_up = page.findChild(QWidget, "connection_follow_up")
    assert follow_up.isVisible()
    click(qtbot, page, "connection_kind_text")
    click(qtbot, page, "felt_supported_4")
    stored = vault.connections.get(logged[0].id)
    assert (stored.kind, stored.felt_supported) == (ConnectionKind.TEXT, 4)
    assert vault.connections.count() == 3  # updated in place, not added again
    click(qtbot, page, "connection_done")
    assert not follow_up.isVisible()


def test_i_connected_with_menu_person_and_group_and_undo(make_page, qtbot: QtBot, vault) -> None:
    _contact(vault, "Dad", None, None)
    em = _contact(vault, "Bea", None, None, emergency=True)
    group = vault.communities.save(Community("Tuesday group"))
    page = make_page()
    menu = page.reach_out.menu
    names = [a.text() for a in menu.actions() if not a.isSeparator() and a.text()]
    assert names == ["Bea (emergency)", "Dad", "Tuesday group", "Several people, or more details…"]
    contact_action = next(a for a in menu.actions() if a.objectName() == f"connect_contact_{em.id}")
    contact_action.trigger()
    assert vault.connections.for_contact(em.id)[0].kind is ConnectionKind.CALL
    group_action = next(
        a
        for a in page.reach_out.menu.actions()
        if a.objectName() == f"connect_community_{group.id}"
    )
    group_action.trigger()
    assert vault.connections.for_community(group.id)[0].kind is ConnectionKind.MEETING
    assert "Tuesday group" in page.findChild(QLabel, "connection_logged_label").text()
    click(qtbot, page, "connection_undo")
    assert vault.connections.for_community(group.id) == []
    assert vault.connections.count() == 1


def test_no_contacts_yet_is_a_friendly_empty_state(make_page) -> None:
    page = make_page()
    empty = page.findChild(QLabel, "reach_out_empty")
    assert empty.isVisible()
    assert "People" in empty.text() and "normal" in empty.text()
    assert not page.findChild(QAbstractButton, "connected_with_button").isEnabled()


# --- commitments and entries -----------------------------------------------------------------


def test_commitment_marked_kept_from_today(make_page, qtbot: QtBot, vault) -> None:
    goal = vault.goals.save(Goal("Be someone my sister can count on"))
    today_one = vault.goals.save_commitment(
        Commitment(goal_id=goal.id, promise="Pick Ana up at 3", due_date=TODAY)
    )
    last_week = vault.goals.save_commitment(
        Commitment(goal_id=goal.id, promise="Call Mum back", due_date=TODAY - timedelta(days=3))
    )
    long_ago = vault.goals.save_commitment(
        Commitment(goal_id=goal.id, promise="Old one", due_date=TODAY - timedelta(days=20))
    )
    paused = vault.goals.save(Goal("Sleep before midnight", status=GoalStatus.PAUSED))
    waiting = vault.goals.save_commitment(
        Commitment(goal_id=paused.id, promise="Phone off at 11", due_date=TODAY)
    )
    page = make_page()
    assert page.findChild(QWidget, f"commitment_row_{today_one.id}") is not None
    assert page.findChild(QWidget, f"commitment_row_{last_week.id}") is not None
    # Still open weeks later: asked about, for an honest answer; a paused goal's promise waits.
    assert page.findChild(QWidget, f"commitment_row_{long_ago.id}") is not None
    assert page.findChild(QWidget, f"commitment_row_{waiting.id}") is None

    click(qtbot, page, f"commitment_kept_{today_one.id}")
    assert vault.goals.get_commitment(today_one.id).outcome is Outcome.KEPT
    feedback = page.findChild(QLabel, "commitment_feedback")
    assert feedback.isVisible() and feedback.text().startswith("Kept.")
    click(qtbot, page, f"commitment_missed_{last_week.id}")
    assert vault.goals.get_commitment(last_week.id).outcome is Outcome.MISSED
    assert "honest" in feedback.text()
    assert page.commitments.isVisible()  # the kind word stays after the last one


def test_commitments_card_hidden_when_nothing_is_due(make_page) -> None:
    assert not make_page().commitments.isVisible()


def test_todays_entries_open_and_new(make_page, qtbot: QtBot, vault) -> None:
    written = vault.entries.save(Entry(entry_date=TODAY, title="A steadier morning", mood=4))
    vault.entries.save(Entry(entry_date=TODAY, is_checkin=True, mood=3))
    vault.entries.save(Entry(entry_date=TODAY - timedelta(days=1), title="Yesterday"))
    page = make_page()
    assert [e.id for e in page.entries.entries] == [written.id]
    with qtbot.waitSignal(page.open_entry_requested) as opened:
        click(qtbot, page, f"today_entry_{written.id}")
    assert opened.args == [written.id]
    with qtbot.waitSignal(page.new_entry_requested):
        click(qtbot, page, "write_journal_button")


# --- on this day -----------------------------------------------------------------------------


def test_on_this_day_is_off_by_default_and_shows_when_opted_in(
    make_page, qtbot: QtBot, vault
) -> None:
    year_ago = (
        TODAY.replace(year=TODAY.year - 1)
        if not (TODAY.month == 2 and TODAY.day == 29)
        else date(TODAY.year - 1, 2, 28)
    )
    old = vault.entries.save(Entry(entry_date=year_ago, title="First week", mood=2))
    page = make_page()
    assert page.on_this_day is None
    assert page.findChild(QWidget, "on_this_day_card") is None

    vault.settings.set("on_this_day", True)
    page.refresh()
    card = page.findChild(QWidget, "on_this_day_card")
    assert card is not None and card.isVisible()
    assert page.findChild(QAbstractButton, "on_this_day_month") is None
    with qtbot.waitSignal(page.open_entry_requested) as opened:
        click(qtbot, page, "on_this_day_year")
    assert opened.args == [old.id]

    vault.settings.set("on_this_day", False)
    page.refresh()
    assert page.on_this_day is None


# --- layout ----------------------------------------------------------------------------------


def test_one_column_when_narrow_two_when_wide(make_page, qtbot: QtBot) -> None:
    page = make_page()
    page.resize(720, 600)
    qtbot.waitUntil(lambda: page._two_columns is False)
    assert page.right.count() == 0
    page.resize(1200, 900)
    qtbot.waitUntil(lambda: page._two_columns is True)
    assert page.checkin.parentWidget() is page.left_column
    assert page.sober.parentWidget() is page.right_column
    qtbot.waitUntil(
        lambda: (
            page.sober.mapTo(page, QPoint()).x()
            > page.checkin.mapTo(page, QPoint()).x() + page.checkin.width()
        )
    )


def test_greeting_follows_the_time_of_day(make_page) -> None:
    assert make_page(hour=7).greeting.text() == "Good morning"
    assert make_page(hour=14).greeting.text() == "Good afternoon"


def test_tab_follows_reading_order(make_page, qtbot: QtBot, vault) -> None:
    maria = _contact(vault, "Maria", 3, None)
    page = make_page()
    click(qtbot, page, f"i_connected_{maria.id}")  # rows rebuilt after the page was built
    dad = _contact(vault, "Dad", 3, None)
    page.refresh()
    qtbot.waitUntil(lambda: page.findChild(QAbstractButton, f"i_connected_{dad.id}").isVisible())
    start = page.findChild(QAbstractButton, "mood_1")
    widget, seen = start, []
    for _ in range(500):
        widget = widget.nextInFocusChain()
        if widget is start:
            break
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(page):
            seen.append(widget.objectName())
    expected = [
        "craving_0",
        "sober_yes",
        "gratitude",
        "checkin_save",
        "write_journal_button",
        "set_start_button",
        f"i_connected_{dad.id}",
        "connection_kind_call",  # the follow-up sits above the "I connected with…" button
        "felt_supported_1",
        "connection_done",
        "connected_with_button",
    ]
    assert [name for name in seen if name in expected] == expected
