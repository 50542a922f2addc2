# SPDX-License-Identifier: GPL-3.0-or-later
"""Nothing jumps under the pointer on Today (issue 10, point 4): an answer's message has its
room already, "Kept" keeps its kind word in view, and "I connected" moves no column."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from recovery_desktop.core.models import Commitment, Contact, Goal, Role
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


@pytest.mark.parametrize("width", [780, 1100])
def test_the_new_start_offer_is_as_tall_as_its_words(make_page, qtbot: QtBot, width: int) -> None:
    """It floats over the answers below, so it covers no more of them than its words need:
    no empty band above the words (seen on a screenshot)."""
    page = make_page(width, 2000)
    card = page.checkin
    qtbot.mouseClick(card.sober_buttons[0], Qt.MouseButton.LeftButton)  # "No"
    _settle()
    offer = card.start_offer
    assert offer.isVisible() and offer.yes_button.isVisible()
    assert offer.height() == offer.heightForWidth(offer.width())
