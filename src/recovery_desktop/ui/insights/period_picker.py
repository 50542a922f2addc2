# SPDX-License-Identifier: GPL-3.0-or-later
"""The period picker of the Insights page: 30 days, 90 days, a year, all, or custom dates.

One Tab stop for the row of choices (arrow keys move along it, as radio buttons do), then the
two date fields when "Custom" is chosen. Typing a date changes the period once the typing
pauses, so the charts are not redrawn for every digit.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QToolButton, QWidget

from recovery_desktop.ui.insights.dates import qdate
from recovery_desktop.ui.insights.period_choice import PeriodChoice
from recovery_desktop.ui.theme import SPACING
from recovery_desktop.ui.widgets.dates import use_locale_format
from recovery_desktop.ui.widgets.flow_layout import FlowLayout
from recovery_desktop.ui.widgets.roving import RovingButtonGroup

CUSTOM = 4
CHOICES: tuple[PeriodChoice, ...] = (
    PeriodChoice.last_days(30),
    PeriodChoice.last_days(90),
    PeriodChoice.last_days(365),
    PeriodChoice.all_days(),
)
DATES_SETTLE_MS = 500
EARLIEST = date(1970, 1, 1)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class DateField(QDateEdit):
    """A date field that is one Tab stop: Qt's moves Tab through the day, month and year
    first, three stops where a keyboard user expects one. Inside it, Left and Right move
    between the parts, typing replaces them, and Alt+Down opens the calendar."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key, modifiers = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not (
            modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            forward = key == Qt.Key.Key_Tab and not modifiers & Qt.KeyboardModifier.ShiftModifier
            QWidget.focusNextPrevChild(self, forward)
            event.accept()
            return
        super().keyPressEvent(event)


class PeriodPicker(QWidget):
    """Emits `changed(PeriodChoice)` when the person picks another period."""

    changed = Signal(object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insights_period")
        self._today = today
        self._choice = CHOICES[0]
        row = FlowLayout(self, spacing=SPACING // 2)
        self.group = RovingButtonGroup(self)
        texts = (
            (self.tr("30 days"), self.tr("Show the last 30 days")),
            (self.tr("90 days"), self.tr("Show the last 90 days")),
            (self.tr("A year"), self.tr("Show the last year")),
            (self.tr("All"), self.tr("Show everything since your first entry")),
            (self.tr("Custom"), self.tr("Choose the first and last day")),
        )
        self.buttons: list[QToolButton] = []
        names = ("30_days", "90_days", "year", "all", "custom")
        for index, ((text, spoken), name) in enumerate(zip(texts, names, strict=True)):
            button = QToolButton(self)
            button.setText(text)
            button.setObjectName(f"insights_period_{name}")
            button.setAccessibleName(spoken)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.group.add(button, index)
            row.addWidget(button)
            self.buttons.append(button)
        self.group.set_choice(0)
        self.group.idClicked.connect(self._picked)

        self.custom = QWidget(self)
        self.custom.setObjectName("insights_custom_dates")
        dates = QHBoxLayout(self.custom)
        dates.setContentsMargins(SPACING // 2, 0, 0, 0)
        dates.setSpacing(SPACING // 2)
        self.first_edit = self._date_edit("insights_first_day", self.tr("First day"))
        self.last_edit = self._date_edit("insights_last_day", self.tr("Last day"))
        from_label = QLabel(self.tr("From"), self.custom)
        from_label.setBuddy(self.first_edit)
        to_label = QLabel(self.tr("to"), self.custom)
        to_label.setBuddy(self.last_edit)
        for widget in (from_label, self.first_edit, to_label, self.last_edit):
            dates.addWidget(widget)
        row.addWidget(self.custom)
        self.custom.hide()
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(DATES_SETTLE_MS)
        self._settle.timeout.connect(self._dates_settled)

    def _date_edit(self, name: str, spoken: str) -> QDateEdit:
        edit = DateField(self.custom)
        edit.setObjectName(name)
        edit.setAccessibleName(spoken)
        edit.setCalendarPopup(True)
        use_locale_format(edit)
        edit.setDateRange(qdate(EARLIEST), qdate(self._today))
        edit.dateChanged.connect(lambda _d: self._settle.start())
        return edit

    @property
    def choice(self) -> PeriodChoice:
        return self._choice

    def set_today(self, today: date) -> None:
        """A new day: the date fields reach it (a custom period stays as chosen)."""
        self._today = today
        for edit in (self.first_edit, self.last_edit):
            edit.setMaximumDate(qdate(today))

    def set_custom_dates(self, first: date, last: date) -> None:
        """Fill the date fields without asking for a new period (when Custom is not chosen)."""
        for edit, day in ((self.first_edit, first), (self.last_edit, last)):
            edit.blockSignals(True)
            edit.setDate(qdate(day))
            edit.blockSignals(False)

    def choose(self, index: int) -> None:
        """Pick the choice at `index` (0-3, or `CUSTOM`) as a click would."""
        self.group.set_choice(index)
        self._picked(index)

    def focus_order(self) -> list[QWidget]:
        return [*self.buttons, self.first_edit, self.last_edit]

    def _picked(self, index: int) -> None:
        custom = index == CUSTOM
        self.custom.setVisible(custom)
        if custom:
            self._settle.stop()
            self._emit(self._custom_choice())
        else:
            self._emit(CHOICES[index])

    def _custom_choice(self) -> PeriodChoice:
        return PeriodChoice.custom(_pydate(self.first_edit.date()), _pydate(self.last_edit.date()))

    def _dates_settled(self) -> None:
        if self.group.choice() == CUSTOM:
            self._emit(self._custom_choice())

    def _emit(self, choice: PeriodChoice) -> None:
        if choice != self._choice:
            self._choice = choice
            self.changed.emit(choice)


def default_custom(today: date) -> tuple[date, date]:
    """What the date fields hold before the person sets them: the last 30 days."""
    return today - timedelta(days=29), today
