# SPDX-License-Identifier: GPL-3.0-or-later
"""Nothing jumps under the pointer on Today (issue 10, point 4): an answer's message has its
room already, "Kept" keeps its kind word in view, "I connected" moves no column, and the new
start offered after "No" sits in Sober days, covering and moving nothing in the check-in."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from recovery_desktop.core.models import Commitment, Contact, Goal, RecoveryStart, Role
from recovery_desktop.storage import Vault
from recovery_desktop.ui.today.page import TodayPage

TODAY = date.today()


def _settle() -> None:
    """Let the layouts finish (a change relays out over a few rounds of events)."""
    for _ in range(10):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def _on_page(widget: QWidget, page: QWidget) -> QRect:
    return QRect(widget.mapTo(page, QPoint(0, 0)), widget.size())


@pytest.fixture
def make_page(vault: Vault, qtbot: QtBot):
    def make(width: int, height: int, hour: int = 20) -> TodayPage:
        page = TodayPage(vault, clock=lambda: datetime.combine(TODAY, time(hour)).astimezone())
        qtbot.addWidget(page)
        page.resize(width, height)
        page.show()
        qtbot.waitExposed(page)
        _settle()
        return page

    return make


@pytest.mark.parametrize("width", [780, 1100])  # one column (a 960 px window) and two
def test_answering_no_moves_nothing_below_it(make_page, qtbot: QtBot, width: int) -> None:
    page = make_page(width, 2000)  # tall: the whole check-in in view, no scrolling
    card = page.checkin
    below = [card.save_button, card.review_toggle, card.gratitude]
    before = [_on_page(widget, page) for widget in below]
    qtbot.mouseClick(card.sober_buttons[0], Qt.MouseButton.LeftButton)  # "No"
    _settle()
    assert card.sober_note.isVisible()  # the kind word is there...
    assert [_on_page(widget, page) for widget in below] == before  # ...and nothing moved
    qtbot.mouseClick(card.sober_buttons[1], Qt.MouseButton.LeftButton)  # "Yes"
    _settle()
    assert not card.sober_note.isVisible()
    assert [_on_page(widget, page) for widget in below] == before


def test_kept_keeps_its_kind_word_in_view_and_the_page_where_it_was(
    make_page, qtbot: QtBot, vault: Vault
) -> None:
    goal = vault.goals.save(Goal("Rebuild trust with Maya"))
    promises = ["Call Maya after work", "Cook dinner on Wednesday", "Return the car by six"]
    for promise in promises:
        vault.goals.save_commitment(Commitment(goal.id, promise, due_date=TODAY))
    page = make_page(780, 568)  # a 960x600 window: one column, the page scrolls
    card = page.commitments
    page.scroll.ensureWidgetVisible(card, 0, 0)
    _settle()
    bar = page.scroll.verticalScrollBar()
    assert bar.value() > 0  # scrolled down to the commitments
    position = bar.value()
    first = card.findChild(QWidget, f"commitment_kept_{card.commitments[0].id}")
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    _settle()
    assert card.feedback.isVisible() and card.feedback.text().startswith("Kept.")
    assert bar.value() == position  # the page did not move
    viewport = page.scroll.viewport()
    shown = QRect(card.feedback.mapTo(viewport, QPoint(0, 0)), card.feedback.size())
    assert viewport.rect().contains(shown)  # and the kind word is on screen
    # The next promise is where the pointer is, ready for the next click.
    second = card.findChild(QWidget, f"commitment_kept_{card.commitments[0].id}")
    assert second is not None and second.isVisible()


def test_i_connected_moves_no_column(make_page, qtbot: QtBot, vault: Vault) -> None:
    for name in ("Dana R.", "Marcus T.", "Maya (sister)"):
        vault.contacts.save(Contact(name, Role.PEER, reach_out_every_days=1))
    page = make_page(1100, 1400)  # two columns
    assert page._two_columns is True
    cards = [page.checkin, page.sober, page.reach_out]
    before = [(_on_page(c, page).x(), c.width()) for c in cards]
    due = [b for b in page.reach_out.findChildren(QWidget) if "i_connected_" in b.objectName()]
    qtbot.mouseClick(due[0], Qt.MouseButton.LeftButton)
    _settle()
    assert page.reach_out.follow_up.isVisible()  # the questions after logging...
    assert [(_on_page(c, page).x(), c.width()) for c in cards] == before  # ...moved nothing


def _shown_in(card: QWidget, page: TodayPage) -> dict[QWidget, QRect]:
    """Every widget of `card` on screen, with where it is on the page."""
    return {w: _on_page(w, page) for w in card.findChildren(QWidget) if w.isVisibleTo(page)}


def _in_view(page: TodayPage, rect: QRect) -> bool:
    viewport = page.scroll.viewport()
    return QRect(viewport.mapTo(page, QPoint(0, 0)), viewport.size()).contains(rect)


@pytest.mark.parametrize(
    "size",
    [(780, 568), (780, 2000), (1100, 760)],  # 960x600 scrolled, one column tall, two columns
    ids=["960x600", "one-column", "1280x800"],
)
def test_the_new_start_offer_covers_nothing_and_moves_nothing_in_the_check_in(
    make_page, qtbot: QtBot, vault: Vault, size: tuple[int, int]
) -> None:
    """After "No", the offer appears in Sober days (beside the check-in, or below it in one
    column), never over the answers: it floated over the kind note, the gratitude line and
    half of "Today I will…" (seen on a screenshot)."""
    vault.recovery_starts.add(RecoveryStart(TODAY - timedelta(days=40)))
    page = make_page(*size)
    card = page.checkin
    no = card.sober_buttons[0]
    page.scroll.ensureWidgetVisible(no, 0, 200)
    _settle()
    scrolled = page.scroll.verticalScrollBar().value()
    before = _shown_in(card, page)
    qtbot.mouseClick(no, Qt.MouseButton.LeftButton)
    _settle()
    offer = page.sober.start_offer
    assert offer.isVisible() and offer.yes_button.isVisible()
    assert page.sober.isAncestorOf(offer)
    # Nothing in the check-in moved (the page did not scroll either)...
    assert page.scroll.verticalScrollBar().value() == scrolled
    after = _shown_in(card, page)
    assert {w: r for w, r in after.items() if w in before} == before
    assert set(after) - set(before) == {card.sober_note}  # ...only the kind note came
    # ...and nothing covers any of it: the offer is outside the check-in, and what is found
    # at the middle of each of the check-in's widgets on screen is that widget.
    offer_rect = _on_page(offer, page)
    assert not offer_rect.intersects(_on_page(card, page))
    assert _on_page(page.sober, page).contains(offer_rect)
    for widget, rect in after.items():
        if _in_view(page, rect) and rect.height() > 2:
            found = page.childAt(rect.center())
            assert found is widget or widget.isAncestorOf(found), (widget.objectName(), found)
    # The kind note says where the offer is, in words that fit the layout.
    note = card.sober_note.text()
    assert note.startswith("Thank you for being honest")
    assert "Sober days" in note
    assert ("beside this check-in" if page._two_columns else "just below this check-in") in note


def test_in_one_column_sober_days_comes_after_the_check_in(make_page) -> None:
    """So the offer it shows after "No" grows the page below the answers, never above them."""
    page = make_page(780, 2000)
    assert page._two_columns is False
    assert _on_page(page.sober, page).top() > _on_page(page.checkin, page).bottom()


def _tab_order(page: TodayPage, start: QWidget) -> list[str]:
    widget, seen = start, []
    for _ in range(500):
        widget = widget.nextInFocusChain()
        if widget is start:
            break
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(page):
            seen.append(widget.objectName())
    return seen


def test_escape_puts_the_offer_away_while_the_answer_still_has_the_focus(
    make_page, qtbot: QtBot, vault: Vault
) -> None:
    vault.recovery_starts.add(RecoveryStart(TODAY - timedelta(days=40)))
    page = make_page(1100, 1400)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    no, offer = page.checkin.sober_buttons[0], page.sober.start_offer
    no.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(no, Qt.Key.Key_Space)  # "No"
    _settle()
    assert offer.isVisible()
    qtbot.keyClick(no, Qt.Key.Key_Escape)
    _settle()
    assert not offer.isVisible() and no.hasFocus()  # the keyboard stays where it was
    assert len(vault.recovery_starts.list()) == 1  # nothing recorded


def test_the_offer_by_keyboard(make_page, qtbot: QtBot, vault: Vault) -> None:
    """Tab reaches the offer's buttons in reading order, each with a name a screen reader
    says; Escape or "Not now" puts it away and Undo takes a start back, and the keyboard
    lands on the card's own "Record a new start", where the offer was."""
    vault.recovery_starts.add(RecoveryStart(TODAY - timedelta(days=40)))
    page = make_page(1100, 1400)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    card, sober, offer = page.checkin, page.sober, page.sober.start_offer
    no = card.sober_buttons[0]
    no.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(no, Qt.Key.Key_Space)  # "No", from the keyboard
    _settle()
    assert offer.isVisible() and not sober.new_start_button.isVisible()
    order = _tab_order(page, no)
    at = order.index("start_offer_yes")
    assert order[at + 1] == "start_offer_not_now"
    assert order.index("checkin_save") < at < order.index("sober_dates_button")
    assert order.index("sober_dates_button") < order.index("connected_with_button")
    assert offer.yes_button.accessibleName() == "Record a new start"
    assert offer.not_now_button.accessibleName() == "Not now"
    assert "begin tomorrow" in offer.yes_button.accessibleDescription()

    offer.yes_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(offer.yes_button, Qt.Key.Key_Escape)
    _settle()
    assert not offer.isVisible()
    assert sober.new_start_button.isVisible() and sober.new_start_button.hasFocus()
    assert len(vault.recovery_starts.list()) == 1

    qtbot.mouseClick(card.sober_buttons[1], Qt.MouseButton.LeftButton)  # "Yes", then "No"
    qtbot.mouseClick(no, Qt.MouseButton.LeftButton)
    _settle()
    offer.not_now_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(offer.not_now_button, Qt.Key.Key_Space)
    _settle()
    assert not offer.isVisible() and sober.new_start_button.hasFocus()

    qtbot.mouseClick(card.sober_buttons[1], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(no, Qt.MouseButton.LeftButton)
    _settle()
    offer.yes_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(offer.yes_button, Qt.Key.Key_Space)  # "Record a new start"
    _settle()
    assert len(vault.recovery_starts.list()) == 2
    assert offer.undo_button.hasFocus()  # the keyboard stays in the offer, on Undo
    qtbot.keyClick(offer.undo_button, Qt.Key.Key_Space)
    _settle()
    assert len(vault.recovery_starts.list()) == 1
    assert not offer.isVisible() and sober.new_start_button.hasFocus()
