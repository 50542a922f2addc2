# SPDX-License-Identifier: GPL-3.0-or-later
"""The Today page: a calm, scrollable page of cards for what matters today.

Check-in, sober days, people to reach out to, today's commitments, today's journal entries and
(opt-in) "on this day". Two columns when there is room, one when there is not. The page reads
the vault on the GUI thread (each query takes about a millisecond) and holds no SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.checkin import PartOfDay, part_of_day
from recovery_desktop.storage import Vault
from recovery_desktop.ui.day_watch import DAY_WATCH_MS, DayWatch
from recovery_desktop.ui.page import Page, chain_tab_order
from recovery_desktop.ui.theme import SPACING, make_heading
from recovery_desktop.ui.today.card import Card
from recovery_desktop.ui.today.checkin import CheckinCard
from recovery_desktop.ui.today.commitments import CommitmentsCard
from recovery_desktop.ui.today.entries import TodayEntriesCard
from recovery_desktop.ui.today.on_this_day import OnThisDayCard, on_this_day_enabled
from recovery_desktop.ui.today.reach_out import ReachOutCard
from recovery_desktop.ui.today.sober_counter import SoberCounterCard
from recovery_desktop.ui.widgets.dates import long_date

TWO_COLUMNS_FROM = 1000  # page width in pixels from which the cards sit side by side
MAX_PAGE_WIDTH = 1400


def local_now() -> datetime:
    return datetime.now().astimezone()


class TodayPage(Page):
    """What matters today. A page of the sidebar: it follows the contract in `ui/page.py`.

    `clock` returns the local, aware "now" (tests pass a fixed one). `refresh()` re-reads the
    vault (and notices a new day); `flush()` saves a partly filled check-in.
    """

    open_entry_requested = Signal(int)
    new_entry_requested = Signal()
    open_person_requested = Signal(int)  # contact id: show their page in People

    def __init__(
        self,
        vault: Vault,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("today_page")
        self.setAccessibleName(self.tr("Today"))
        self._vault = vault
        self._clock = clock
        now = clock()
        self._today: date = now.date()
        self._two_columns: bool | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("today_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Not a Tab stop of its own (it showed no ring): Tab goes straight to the cards, and
        # the scroll area brings each focused control into view.
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(self.scroll)

        content = QWidget()
        content.setObjectName("today_content")
        self.scroll.setWidget(content)
        page = QVBoxLayout(content)
        margin = SPACING * 2
        page.setContentsMargins(margin, margin, margin, margin)
        page.setSpacing(SPACING)

        self.greeting = QLabel("", content)
        self.greeting.setObjectName("today_greeting")
        make_heading(self.greeting, 1.7)
        page.addWidget(self.greeting)
        self.date_label = QLabel("", content)
        self.date_label.setObjectName("today_date")
        self.date_label.setProperty("role", "muted")
        page.addWidget(self.date_label)

        self.checkin = CheckinCard(vault, self._today, now.hour, content)
        self.sober = SoberCounterCard(vault, self._today, content)
        self.reach_out = ReachOutCard(vault, self._today, content)
        self.commitments = CommitmentsCard(vault, self._today, content)
        self.entries = TodayEntriesCard(vault, self._today, content)
        self.on_this_day: OnThisDayCard | None = None

        for card in (self.checkin, self.sober, self.reach_out, self.commitments, self.entries):
            card.rows_rebuilt.connect(self._fix_tab_order)
        self.checkin.saved.connect(lambda: self.entries.refresh(self._today))
        # "Sober today?" answered: Sober days may offer a new start (never recording one).
        self.checkin.form.sober_answered.connect(self.sober.start_offer.answered)
        self.entries.open_entry_requested.connect(self.open_entry_requested)
        self.entries.new_entry_requested.connect(self.new_entry_requested)
        self.reach_out.open_person_requested.connect(self.open_person_requested)

        columns = QHBoxLayout()
        columns.setSpacing(SPACING + 4)
        # The columns share the width 5:4 whatever their cards hold, so a card that opens
        # something (the follow-up after "I connected") never moves the other column; the
        # cards wrap their words to the width they get.
        self.left_column = QWidget(content)
        self.right_column = QWidget(content)
        self.left = QVBoxLayout(self.left_column)
        self.right = QVBoxLayout(self.right_column)
        for holder, column in ((self.left_column, self.left), (self.right_column, self.right)):
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(SPACING + 4)
            holder.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        columns.addWidget(self.left_column, 5)
        columns.addWidget(self.right_column, 4)
        page.addLayout(columns)
        page.addStretch(1)
        self._columns = columns
        self._update_on_this_day()
        # Left open past midnight, the page moves to the new day (after saving yesterday's
        # answers) before it takes any input, so a check-in is never filed under the wrong day.
        self._day_watch = DayWatch(self, self._check_new_day, DAY_WATCH_MS)
        self._update_header(now)
        self._arrange(two=False)

    # --- the page contract (ui/page.py) ------------------------------------------------------

    def flush(self) -> None:
        """Save anything typed but not saved yet (called before lock and close)."""
        self.checkin.flush()

    def _check_new_day(self) -> None:
        if self._vault.is_open and self._clock().date() != self._today:
            self.refresh()

    def has_unsaved_changes(self) -> bool:
        """True when the check-in holds answers the vault did not take (checked before locking)."""
        return self.checkin.has_unsaved_changes()

    def refresh(self) -> None:
        """Re-read the vault; on a new day, keep yesterday's check-in and start today's."""
        now = self._clock()
        self.checkin.flush()
        self._today = now.date()
        # Answers the vault refused stay on screen (with the reason), even past midnight:
        # a new day's blank check-in must never replace them.
        if not self.checkin.has_unsaved_changes():
            self.checkin.load(self._today, now.hour)
            self.sober.start_offer.set_day(self._today)  # nothing offered until an answer
        self.sober.refresh(self._today)
        self.reach_out.refresh(self._today)
        self.commitments.refresh(self._today)
        self.entries.refresh(self._today)
        self._update_on_this_day()
        self._update_header(now)

    # --- layout ------------------------------------------------------------------------------

    def cards(self) -> list[Card]:
        found: list[Card] = [
            self.checkin,
            self.sober,
            self.reach_out,
            self.commitments,
            self.entries,
        ]
        if self.on_this_day is not None:
            found.append(self.on_this_day)
        return found

    def _arrange(self, *, two: bool) -> None:
        """Check-in on the left; sober days, people and the rest on the right (or all stacked)."""
        if two == self._two_columns:
            return
        self._two_columns = two
        # A card moved to the other column is re-parented, which hides it until Qt shows it
        # again later; show the ones that were shown at once.
        shown = [card for card in self.cards() if not card.isHidden()]
        for column in (self.left, self.right):
            while column.count():
                column.takeAt(0)
        if two:
            self.left.addWidget(self.checkin)
            self.left.addWidget(self.entries)
            self.right.addWidget(self.sober)
            self.right.addWidget(self.reach_out)
            self.right.addWidget(self.commitments)
            if self.on_this_day is not None:
                self.right.addWidget(self.on_this_day)
            self.right.addStretch(1)
        else:
            # The check-in first, as on the left of two columns: Sober days (and the new
            # start it may offer after "No") comes just below it, so what it shows never
            # pushes the check-in's answers away from the pointer.
            for card in (
                self.checkin,
                self.sober,
                self.reach_out,
                self.commitments,
                self.entries,
                self.on_this_day,
            ):
                if card is not None:
                    self.left.addWidget(card)
        self.left.addStretch(1)
        self.right_column.setVisible(two)
        self.checkin.set_offer_place(beside=two)
        for card in shown:
            card.show()
        self._fix_tab_order()

    def _fix_tab_order(self) -> None:
        """Tab follows what the eye reads: top to bottom, the left column first."""
        if not hasattr(self, "left"):
            return  # cards emit rows_rebuilt while the page is still being built
        controls: list[QWidget] = []
        for column in (self.left, self.right):
            for i in range(column.count()):
                widget = column.itemAt(i).widget()
                if isinstance(widget, Card):
                    controls.extend(widget.focus_order())
        chain_tab_order(controls)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._arrange(two=event.size().width() >= TWO_COLUMNS_FROM)
        spare = max(0, event.size().width() - MAX_PAGE_WIDTH)
        margin = SPACING * 2
        self.scroll.widget().layout().setContentsMargins(
            margin + spare // 2, margin, margin + spare // 2, margin
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._arrange(two=self.width() >= TWO_COLUMNS_FROM)

    # --- pieces ------------------------------------------------------------------------------

    def _update_header(self, now: datetime) -> None:
        self.greeting.setText(
            {
                PartOfDay.MORNING: self.tr("Good morning"),
                PartOfDay.AFTERNOON: self.tr("Good afternoon"),
                PartOfDay.EVENING: self.tr("Good evening"),
            }[part_of_day(now.hour)]
        )
        self.date_label.setText(long_date(self._today))

    def _update_on_this_day(self) -> None:
        """Build the card only when the person opted in; remove it when they opt out."""
        enabled = on_this_day_enabled(self._vault)
        if enabled and self.on_this_day is None:
            self.on_this_day = OnThisDayCard(self._vault, self._today, self.scroll.widget())
            self.on_this_day.open_entry_requested.connect(self.open_entry_requested)
            self.on_this_day.rows_rebuilt.connect(self._fix_tab_order)
            two = self._two_columns
            self._two_columns = None
            self._arrange(two=bool(two))
        elif enabled and self.on_this_day is not None:
            self.on_this_day.refresh(self._today)
        elif not enabled and self.on_this_day is not None:
            self.on_this_day.hide()
            self.on_this_day.deleteLater()
            self.on_this_day = None
            two = self._two_columns
            self._two_columns = None
            self._arrange(two=bool(two))
