# SPDX-License-Identifier: GPL-3.0-or-later
"""The Goals page over a real vault, driven as a person would: goals and their promises,
kept and not this time, trust as core/trust.py computes it, kind words for achieving and
letting go, delete with undo, typing saved by flush(), and Tab in reading order."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from recovery_desktop.core.models import (
    Commitment,
    Contact,
    Goal,
    GoalKind,
    GoalStatus,
    Outcome,
    Role,
)
from recovery_desktop.core.trust import trust_score, weighted_trust_score
from recovery_desktop.storage import Vault
from recovery_desktop.ui.goals.page import GoalsPage
from recovery_desktop.ui.goals.words import percent
from recovery_desktop.ui.today.page import TodayPage

TODAY = date.today()
UNKIND = ("fail", "abandon", "gave up", "give up", "quit", "relapse", "shame", "should have")


@pytest.fixture
def make_page(vault: Vault, qtbot: QtBot, themed_app):
    def make(width: int = 1100, height: int = 800) -> GoalsPage:
        page = GoalsPage(vault, autosave_ms=50, undo_ms=60_000)
        qtbot.addWidget(page)
        page.resize(width, height)
        page.show()
        qtbot.waitExposed(page)
        page.activateWindow()
        qtbot.waitUntil(page.isActiveWindow)
        return page

    return make


def click(qtbot: QtBot, page: QWidget, name: str) -> None:
    button = page.findChild(QAbstractButton, name)
    assert button is not None, name
    qtbot.waitUntil(lambda: button.isVisible() and button.isEnabled() and button.height() > 0)
    page.scroll.ensureWidgetVisible(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot: QtBot, field: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Click into the field after its text and type, as a person adding to it does."""
    field.setFocus()
    if isinstance(field, QLineEdit):
        field.end(False)
    qtbot.keyClicks(field, text)


def choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, (text, [combo.itemText(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)


def words_on(page: QWidget) -> str:
    return " ".join(label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page))


def add_promise(qtbot: QtBot, page: GoalsPage, text: str, due: date | None = None) -> Commitment:
    click(qtbot, page, "goal_new_promise")
    editor = page.promises.editor
    assert editor.heading.text() == "A new promise"
    if due is not None:
        editor.due.edit.setDate(QDate(due.year, due.month, due.day))
    type_into(qtbot, editor.promise, text)
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(editor.promise, Qt.Key.Key_Return)
    saved = page._goals.get_commitment(editor.commitment_id)
    assert saved is not None and saved.promise == text
    return saved


def test_a_goal_with_promises_kept_and_not_shows_the_score_of_core_trust(
    make_page, qtbot: QtBot, vault: Vault
) -> None:
    ana = vault.contacts.save(Contact("Ana", Role.FAMILY))
    page = make_page()
    assert page.intro.isVisible()  # an empty vault: a few words on how goals work
    click(qtbot, page, "goals_new_goal")
    editor = page.editor
    qtbot.waitUntil(editor.title.hasFocus)
    type_into(qtbot, editor.title, "Be someone my sister can count on")
    type_into(qtbot, editor.why, "She deserves a brother who shows up.")
    choose(editor.about, "Ana")
    qtbot.waitUntil(lambda: vault.goals.list() != [])
    goal = vault.goals.list()[0]
    qtbot.waitUntil(lambda: vault.goals.get(goal.id).why.startswith("She deserves"))
    goal = vault.goals.get(goal.id)
    assert (goal.title, goal.kind, goal.contact_id) == (
        "Be someone my sister can count on",
        GoalKind.TRUST,
        ana.id,
    )
    assert page.goal_model.rows[0][0].id == goal.id
    assert not page.intro.isVisible()

    # Three promises; the person the goal is about is the one they are made to.
    pick_up = add_promise(qtbot, page, "Pick Ana up at 3", TODAY)
    assert pick_up.contact_id == ana.id and pick_up.due_date == TODAY
    click(qtbot, page, "commitment_outcome_kept")
    assert vault.goals.get_commitment(pick_up.id).outcome is Outcome.KEPT
    assert page.promises.editor.feedback.text().startswith("Kept.")

    call = add_promise(qtbot, page, "Call on her birthday", TODAY - timedelta(days=2))
    click(qtbot, page, "commitment_outcome_missed")
    assert vault.goals.get_commitment(call.id).outcome is Outcome.MISSED
    assert "honest" in page.promises.editor.feedback.text()

    add_promise(qtbot, page, "Dinner on Friday", TODAY + timedelta(days=3))
    click(qtbot, page, "commitment_outcome_kept")

    stored = vault.goals.commitments(goal.id)
    assert [c.outcome for c in stored].count(Outcome.KEPT) == 2
    plain = trust_score(stored)
    recent = weighted_trust_score(stored, TODAY)
    assert plain == pytest.approx(2 / 3)
    shown = page.findChild(QLabel, "goal_trust_score").text()
    assert shown == f"2 of 3 promises kept: {percent(plain)}."
    assert percent(plain) == "67%"
    recent_line = page.findChild(QLabel, "goal_trust_recent").text()
    assert recent_line.startswith(f"Lately: {percent(recent)},")
    assert recent_line.endswith("(from 3 promises).")
    assert page.trust.strip.outcomes == (Outcome.MISSED, Outcome.KEPT, Outcome.KEPT)
    assert "2 of 3 kept" in page.goal_model.data(page.goal_model.index(0))

    # Marked the other way round, the figures follow.
    page.promises.list.setCurrentIndex(
        page.promises.model.index(page.promises.model.row_of(call.id))
    )
    assert page.promises.editor.commitment_id == call.id
    click(qtbot, page, "commitment_outcome_kept")
    assert page.findChild(QLabel, "goal_trust_score").text() == "3 of 3 promises kept: 100%."


def test_an_overdue_promise_made_here_is_asked_about_on_today(
    make_page, qtbot: QtBot, vault: Vault
) -> None:
    page = make_page()
    click(qtbot, page, "goals_new_goal")
    type_into(qtbot, page.editor.title, "Show up for Mum")
    page.flush()
    long_ago = TODAY - timedelta(days=12)  # older than a week: still asked about
    promise = add_promise(qtbot, page, "Fix Mum's gate", long_ago)
    assert "How did it go?" in page.promises.model.data(page.promises.model.index(0))

    today = TodayPage(vault, clock=lambda: datetime.combine(TODAY, time(9)).astimezone())
    qtbot.addWidget(today)
    today.resize(1000, 800)
    today.show()
    row = today.findChild(QWidget, f"commitment_row_{promise.id}")
    assert row is not None and row.isVisibleTo(today)
    assert "Fix Mum's gate" in words_on(row)
    assert "Show up for Mum" in words_on(row)

    # Many left open: Today shows the most recent few and says where the rest are.
    goal_id = page.editor.goal.id
    for days in range(13, 23):
        vault.goals.save_commitment(Commitment(goal_id, f"Old {days}", TODAY - timedelta(days)))
    today.refresh()
    assert today.findChild(QWidget, f"commitment_row_{promise.id}") is not None
    assert (
        len(
            [
                w
                for w in today.commitments.findChildren(QWidget)
                if w.objectName().startswith("commitment_row_")
            ]
        )
        == 8
    )
    qtbot.waitUntil(
        lambda: "3 more waiting for an answer on the Goals page." in words_on(today.commitments)
    )

    # Paused, the goal's promises wait; Today does not ask about them meanwhile.
    click(qtbot, page, "goal_pause")
    today.refresh()
    assert today.findChild(QWidget, f"commitment_row_{promise.id}") is None


def test_achieving_is_celebrated_and_letting_go_is_kind(make_page, qtbot: QtBot, vault) -> None:
    goal = vault.goals.save(Goal("Run the spring 5k", GoalKind.PERSONAL))
    page = make_page()
    assert page.editor.goal.id == goal.id
    click(qtbot, page, "goal_achieved")
    assert vault.goals.get(goal.id).status is GoalStatus.ACHIEVED
    banner = page.findChild(QLabel, "goal_banner")
    assert banner.isVisible() and banner.text().startswith("You did it")
    assert "Achieved" in page.goal_model.data(page.goal_model.index(0))
    assert not page.findChild(QAbstractButton, "goal_achieved").isVisible()

    click(qtbot, page, "goal_resume")
    click(qtbot, page, "goal_let_go")
    assert vault.goals.get(goal.id).status is GoalStatus.LET_GO
    text = banner.text()
    assert "That is allowed" in text and "pick it up again" in text
    for word in UNKIND:
        assert word not in words_on(page).lower(), word
    click(qtbot, page, "goal_resume")
    assert vault.goals.get(goal.id).status is GoalStatus.ACTIVE


def test_delete_a_goal_and_a_promise_with_undo(make_page, qtbot: QtBot, vault) -> None:
    first = vault.goals.save(Goal("Sleep before midnight", GoalKind.HEALTH))
    second = vault.goals.save(Goal("Give back at the food bank", GoalKind.SERVICE))
    kept = vault.goals.save_commitment(Commitment(second.id, "Saturday shift", TODAY, Outcome.KEPT))
    vault.goals.save_commitment(Commitment(second.id, "Bring a friend", TODAY))
    page = make_page()
    page.goal_list.setCurrentIndex(page.goal_model.index(page.goal_model.row_of(second.id)))
    assert page.editor.goal.id == second.id

    page.promises.list.setCurrentIndex(
        page.promises.model.index(page.promises.model.row_of(kept.id))
    )
    click(qtbot, page, "commitment_delete")
    assert vault.goals.get_commitment(kept.id) is None
    assert page.undo_bar.isVisible() and "Saturday shift" in page.undo_bar.label.text()
    assert page.undo_bar.undo_button.hasFocus()
    click(qtbot, page, "goals_undo")
    assert vault.goals.get_commitment(kept.id).outcome is Outcome.KEPT
    assert page.promises.editor.commitment_id == kept.id

    click(qtbot, page, "goal_delete")
    assert vault.goals.get(second.id) is None
    assert page.editor.goal.id == first.id  # the next goal opens
    assert "and its 2 promises deleted" in page.undo_bar.label.text()
    click(qtbot, page, "goals_undo")
    assert vault.goals.get(second.id) is not None
    assert len(vault.goals.commitments(second.id)) == 2
    assert page.editor.goal.id == second.id
    assert not page.undo_bar.isVisible()


def test_flush_saves_typing_and_a_refused_goal_stays_on_screen(
    vault: Vault, qtbot: QtBot, themed_app
) -> None:
    goal = vault.goals.save(Goal("Call Dad"))
    page = GoalsPage(vault, autosave_ms=60_000)  # no autosave: only flush() saves
    qtbot.addWidget(page)
    page.show()
    type_into(qtbot, page.editor.title, " every Sunday")
    type_into(qtbot, page.editor.why, "He is getting older.")
    promise = page.promises.editor
    click(qtbot, page, "goal_new_promise")
    type_into(qtbot, promise.promise, "Ring at six")
    assert vault.goals.get(goal.id).title == "Call Dad"
    page.flush()
    assert vault.goals.get(goal.id).title == "Call Dad every Sunday"
    assert vault.goals.get(goal.id).why == "He is getting older."
    assert [c.promise for c in vault.goals.commitments(goal.id)] == ["Ring at six"]
    assert not page.has_unsaved_changes()

    # A new goal with a reason but no name yet: the vault refuses it, the words stay.
    click(qtbot, page, "goals_new_goal")
    type_into(qtbot, page.editor.why, "Because I matter too.")
    page.flush()
    assert page.has_unsaved_changes()
    error = page.findChild(QLabel, "goal_error")
    assert error.isVisible() and "needs a few words" in error.text()
    assert page.editor.why.toPlainText() == "Because I matter too."
    type_into(qtbot, page.editor.title, "Rest")
    page.flush()
    assert not page.has_unsaved_changes()
    assert [g.title for g in vault.goals.list()] == ["Call Dad every Sunday", "Rest"]


def test_refresh_shows_changes_made_elsewhere_and_keeps_the_selection(
    make_page, qtbot: QtBot, vault
) -> None:
    a = vault.goals.save(Goal("One"))
    b = vault.goals.save(Goal("Two"))
    page = make_page()
    page.open_goal(b.id)
    vault.goals.save(Goal("Two, kindly", id=b.id, created_at=b.created_at))
    vault.goals.save_commitment(Commitment(b.id, "Text back", TODAY))
    vault.contacts.save(Contact("Ruth"))
    page.refresh()
    assert page.editor.title.text() == "Two, kindly"
    assert page.goal_list.currentIndex().row() == page.goal_model.row_of(b.id)
    assert page.promises.model.rowCount() == 1
    assert page.editor.about.findText("Ruth") >= 0
    vault.goals.delete(b.id)
    page.refresh()
    assert page.editor.goal.id == a.id


def test_every_control_is_named_and_tab_follows_reading_order(
    make_page, qtbot: QtBot, vault
) -> None:
    goal = vault.goals.save(Goal("Be there for Sam"))
    vault.goals.save_commitment(Commitment(goal.id, "Movie night", TODAY))
    page = make_page(1000, 700)
    controls = [
        w
        for w in page.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.isVisibleTo(page)
        and not w.objectName().startswith("qt_")
        and type(w).__name__ not in ("QScrollBar", "QScrollArea", "QSplitterHandle")
    ]
    unnamed = [
        (type(w).__name__, w.objectName(), w.accessibleName())
        for w in controls
        if not w.objectName() or not w.accessibleName()
    ]
    assert unnamed == []

    start = page.filter
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    seen: list[str] = []
    for _ in range(60):
        before = QApplication.focusWidget()
        qtbot.keyClick(before, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not before, f"Tab is trapped in {before.objectName()}"
        if now is start or not page.isAncestorOf(now):
            break
        seen.append(now.objectName())
        if isinstance(now, QAbstractItemView | QPlainTextEdit):
            assert now.accessibleName()
    expected = [
        "goals_new_goal",
        "goals_list",
        "goal_title",
        "goal_why",
        "goal_kind",
        "goal_about",
        "goal_target_set",
        "goal_achieved",
        "goal_pause",
        "goal_let_go",
        "goal_delete",
        "goal_commitments",
        "goal_new_promise",
        "commitment_promise",
        "commitment_to_whom",
        "commitment_due_set",
        "commitment_due_date",
        "commitment_note",
        "commitment_outcome_pending",
        "commitment_delete",
    ]
    assert seen == expected
    assert QApplication.focusWidget() is start  # round, and back to the start
    # Shift+Tab goes back the same way.
    back: list[str] = []
    for _ in range(len(expected)):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
        back.append(QApplication.focusWidget().objectName())
    assert back == list(reversed(expected))


def test_promises_sit_beside_the_goal_when_wide_and_under_it_when_narrow(
    make_page, qtbot: QtBot, vault
) -> None:
    vault.goals.save(Goal("Walk every evening", GoalKind.HEALTH))
    page = make_page(960 - 180, 600)  # the smallest window, less the sidebar
    qtbot.waitUntil(lambda: page._two_columns is False)
    assert page.promises.y() > page.goal_card.y()
    page.resize(2560 - 180, 1400)
    qtbot.waitUntil(lambda: page._two_columns is True)
    qtbot.waitUntil(lambda: page.promises.x() > page.goal_card.x() + page.goal_card.width())
    page.resize(960 - 180, 600)
    qtbot.waitUntil(lambda: page._two_columns is False)
