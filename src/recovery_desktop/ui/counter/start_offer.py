# SPDX-License-Identifier: GPL-3.0-or-later
"""What Today offers after "Sober today?", never doing it by itself.

"No" gently offers "Record a new start?", dated tomorrow (`recovery_starts.add_new_start`):
today stays the hard day it was, and every sober day before it keeps counting (DESIGN §4).
The first "Yes" on a vault with no start offers "Start counting from today?". Either can be
undone for as long as the words stay on screen. Nothing here says "relapse", "reset" or
"failed".

It lives in the Sober days card, beside the check-in (or below it, in one column), in the
card's own flow: it covers none of the answers and moves none of them under the pointer; the
check-in's kind note after "No" says where it is. Escape or "Not now" puts it away.
"""

from __future__ import annotations

from datetime import date
from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.models import RecoveryStart
from recovery_desktop.core.sobriety import new_start_day, planned_start, runs, total_sober_days
from recovery_desktop.storage.recovery import RecoveryStartRepository
from recovery_desktop.ui.counter.words import CounterWords, long_date
from recovery_desktop.ui.goals.attempt import attempt
from recovery_desktop.ui.today.card import wrapped_label


class Offer(Enum):
    NONE = "none"
    NEW_START = "new_start"  # after "No"
    FIRST_START = "first_start"  # after the first "Yes", with no start yet
    RECORDED = "recorded"  # a start was recorded here (Undo offered)
    PLANNED = "planned"  # "No" again, with a new start already set for tomorrow


class StartOffer(QFrame):
    """A soft banner in the Sober days card. `starts_changed` after it added or removed a
    start; `state_changed` whenever it shows something else (the card hides its own
    "Record a new start" meanwhile); `put_away(bool)` when "Not now", Escape or Undo closed
    it, True if the keyboard was in it (the card then gives the focus a sensible place)."""

    starts_changed = Signal()
    state_changed = Signal()
    put_away = Signal(bool)

    def __init__(
        self,
        starts: RecoveryStartRepository,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("start_offer")
        self.setProperty("role", "banner")
        self._starts = starts
        self._today = today
        self._added: RecoveryStart | None = None
        self.state = Offer.NONE
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.text = wrapped_label("", self)
        self.text.setObjectName("start_offer_text")
        layout.addWidget(self.text)
        row = QHBoxLayout()
        self.yes_button = self._button("start_offer_yes", row)
        self.yes_button.setProperty("primary", True)
        self.not_now_button = self._button("start_offer_not_now", row)
        self.not_now_button.setText(CounterWords.tr("Not now"))
        self.not_now_button.setAccessibleName(CounterWords.tr("Not now"))
        self.undo_button = self._button("start_offer_undo", row)
        self.undo_button.setText(CounterWords.tr("Undo"))
        row.addStretch(1)
        layout.addLayout(row)
        self.yes_button.clicked.connect(self._accept)
        self.not_now_button.clicked.connect(self._put_away)
        self.undo_button.clicked.connect(self._undo)
        # Anywhere in the window while the offer shows (a shortcut of a hidden widget is
        # off): right after "No" the focus is still on the answer, not in the offer.
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WindowShortcut)
        escape.activated.connect(self._put_away)
        self._show(Offer.NONE)

    def _button(self, name: str, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        row.addWidget(button)
        return button

    def set_day(self, today: date) -> None:
        """A check-in was loaded (or a new day began): nothing is offered until an answer."""
        self._today = today
        self._added = None
        self._show(Offer.NONE)

    def answered(self, sober: bool | None) -> None:
        """The person answered "Sober today?" just now (never called when loading)."""
        starts = self._starts.list()
        if sober is False:
            planned = planned_start(starts, self._today)
            self._show(Offer.PLANNED if planned == new_start_day(self._today) else Offer.NEW_START)
        elif sober is True and not starts:
            self._show(Offer.FIRST_START)
        else:
            self._show(Offer.NONE)

    def dismiss(self) -> None:
        self._added = None
        self._show(Offer.NONE)

    def _put_away(self) -> None:
        focused = QApplication.focusWidget()
        had_focus = focused is not None and self.isAncestorOf(focused)
        self.dismiss()
        self.put_away.emit(had_focus)

    # --- what it does ------------------------------------------------------------------------

    def _accept(self) -> None:
        before = {s.id for s in self._starts.list()}
        if self.state is Offer.NEW_START:
            added, problem = attempt(lambda: self._starts.add_new_start(self._today))
        elif self.state is Offer.FIRST_START:
            added, problem = attempt(lambda: self._starts.add(RecoveryStart(self._today)))
        else:
            return
        if added is None:
            self.text.setText(problem or "")
            return
        had_focus = self.yes_button.hasFocus()
        self._added = added if added.id not in before else None
        self._show(Offer.RECORDED, added)
        if had_focus and self.undo_button.isVisible():
            self.undo_button.setFocus()  # the keyboard stays here, not on the next field
        self.starts_changed.emit()

    def _undo(self) -> None:
        if self._added is not None and self._added.id is not None:
            self._starts.delete(self._added.id)
            self.starts_changed.emit()
        self._put_away()

    # --- words -------------------------------------------------------------------------------

    def _show(self, state: Offer, added: RecoveryStart | None = None) -> None:
        self.state = state
        self.setVisible(state is not Offer.NONE)
        yes = {
            Offer.NEW_START: CounterWords.tr("Record a new start"),
            Offer.FIRST_START: CounterWords.tr("Start counting from today"),
        }.get(state)
        self.yes_button.setVisible(yes is not None)
        self.not_now_button.setVisible(yes is not None)
        self.undo_button.setVisible(state is Offer.RECORDED and self._added is not None)
        if yes is not None:
            self.yes_button.setText(yes)
            self.yes_button.setAccessibleName(yes)
        self.undo_button.setAccessibleName(CounterWords.tr("Undo: take this start back out"))
        self.text.setText(self._words(state, added))
        # A screen reader that Tabs onto a button hears what it answers.
        for button in (self.yes_button, self.not_now_button, self.undo_button):
            button.setAccessibleDescription(self.text.text())
        self.state_changed.emit()

    def _words(self, state: Offer, added: RecoveryStart | None) -> str:
        tomorrow = long_date(new_start_day(self._today))
        starts = self._starts.list()
        earlier = total_sober_days(starts, self._today)
        if state is Offer.NEW_START and not runs(starts, self._today):
            return CounterWords.tr(
                "Thank you for saying so. Would you like to start counting your sober days "
                "from tomorrow, %1? Only if you want to."
            ).replace("%1", tomorrow)
        if state is Offer.NEW_START:
            return CounterWords.tr(
                "Would you like to record a new start? It would begin tomorrow, %1, so today "
                "can simply be a hard day, and every sober day before it still counts."
            ).replace("%1", tomorrow)
        if state is Offer.FIRST_START:
            return CounterWords.tr(
                "Would you like to start counting your sober days from today? You can always "
                "change the date later."
            )
        if state in (Offer.RECORDED, Offer.PLANNED):
            day = added.start_date if added is not None else new_start_day(self._today)
            if day == self._today:  # the counter above already says "Day one starts today"
                return CounterWords.tr(
                    "Done: your sober days count from today. You can change the date any "
                    "time under Start dates and costs."
                )
            text = CounterWords.tr("Your new start begins tomorrow, %1.").replace(
                "%1", long_date(day)
            )
            if earlier:
                text += " " + CounterWords.tr(
                    "Today is a hard day, not the end of anything: your %n sober day(s) "
                    "before it still count.",
                    None,
                    earlier,
                )
            else:
                text += " " + CounterWords.tr("Be gentle with yourself today.")
            return text
        return ""
