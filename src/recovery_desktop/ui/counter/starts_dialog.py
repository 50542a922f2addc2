# SPDX-License-Identifier: GPL-3.0-or-later
"""Your start dates and what using used to cost: opened from Today's sober-day counter.

The history of starts, oldest first, with the days each run counted; a start's date and note
can be corrected, an earlier one added, a mistaken one removed (after asking: the history
is the person's own). Below it, optionally, what a day of using used to cost in money and
hours, which Today turns into money and time regained. Nothing is written until Save, and
then all of it at once; Cancel leaves the vault as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.models import RecoveryStart
from recovery_desktop.core.regained import DailyCost, daily_cost
from recovery_desktop.core.sobriety import new_start_day, runs
from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage.recovery import RecoveryStartRepository
from recovery_desktop.ui.counter.words import (
    CounterWords,
    amount_as_typed,
    amount_for_editing,
    currency_symbol,
)
from recovery_desktop.ui.goals.attempt import attempt
from recovery_desktop.ui.goals.fields import DateField
from recovery_desktop.ui.goals.words import medium_date
from recovery_desktop.ui.theme import make_heading
from recovery_desktop.ui.today.card import error_label, muted_label, wrapped_label
from recovery_desktop.ui.widgets.dates import use_locale_format


@dataclass
class _Row:
    """A start as edited here; `stored` is what the vault holds (None for one added here)."""

    start: RecoveryStart
    stored: RecoveryStart | None


class StartsDialog(QDialog):
    """`saved` (QDialog.accepted) after Save wrote everything."""

    def __init__(
        self, starts: RecoveryStartRepository, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("starts_dialog")
        self.setWindowTitle(CounterWords.tr("Your start dates"))
        self._starts = starts
        self._today = today
        self._rows = [_Row(s, s) for s in starts.list()]
        self._removed: list[RecoveryStart] = []
        self._loading = False

        layout = QVBoxLayout(self)
        heading = QLabel(CounterWords.tr("Your start dates"), self)
        make_heading(heading, 1.3)
        layout.addWidget(heading)
        layout.addWidget(
            wrapped_label(
                CounterWords.tr(
                    "Every start stays in your history, and every sober day in it keeps "
                    "counting. Correct a date here if it was recorded wrong."
                ),
                self,
            )
        )
        self.table = QTreeWidget(self)
        self.table.setObjectName("starts_history")
        self.table.setAccessibleName(CounterWords.tr("History of starts, oldest first"))
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [
                CounterWords.tr("First sober day"),
                CounterWords.tr("Sober days"),
                CounterWords.tr("Note"),
            ]
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 7)
        layout.addWidget(self.table)

        form = QFormLayout()
        self.date_edit = DateField(self)
        self.date_edit.setObjectName("starts_date")
        self.date_edit.setAccessibleName(CounterWords.tr("First sober day of this start"))
        self.date_edit.setCalendarPopup(True)
        use_locale_format(self.date_edit)
        self.date_edit.setMinimumDate(QDate(1900, 1, 1))
        latest = new_start_day(today)  # a new start recorded today is dated tomorrow
        self.date_edit.setMaximumDate(QDate(latest.year, latest.month, latest.day))
        form.addRow(CounterWords.tr("First sober day"), self.date_edit)
        self.note = QLineEdit(self)
        self.note.setObjectName("starts_note")
        self.note.setAccessibleName(CounterWords.tr("A note for yourself about this start"))
        self.note.setPlaceholderText(CounterWords.tr("Optional"))
        form.addRow(CounterWords.tr("Note"), self.note)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(CounterWords.tr("Add a start"), self)
        self.add_button.setObjectName("starts_add")
        self.add_button.setAccessibleName(CounterWords.tr("Add a start to your history"))
        buttons.addWidget(self.add_button)
        self.remove_button = QPushButton(CounterWords.tr("Remove this start"), self)
        self.remove_button.setObjectName("starts_remove")
        self.remove_button.setAccessibleName(CounterWords.tr("Remove this start from your history"))
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        cost_heading = QLabel(CounterWords.tr("What using used to cost me each day"), self)
        make_heading(cost_heading, 1.1)
        layout.addWidget(cost_heading)
        layout.addWidget(
            muted_label(
                CounterWords.tr(
                    "Optional. Today shows what your sober days have given back. Leave both "
                    "at 0 if you would rather not see it."
                ),
                self,
            )
        )
        cost_row = QFormLayout()
        cost = starts.daily_cost()
        # In the person's locale, as Today shows the money regained: "18,50" where a comma
        # is the decimal mark, and the currency's symbol beside the words where there is one.
        self.money = QLineEdit(amount_for_editing(cost.money) if cost else "", self)
        self.money.setObjectName("daily_cost_money")
        self.money.setAccessibleName(CounterWords.tr("Money it cost each day"))
        self.money.setPlaceholderText(
            CounterWords.tr("for example %1").replace("%1", amount_for_editing(Decimal("12.50")))
        )
        symbol = currency_symbol()
        money_words = CounterWords.tr("Money each day")
        if symbol:
            money_words = CounterWords.tr("Money each day (%1)").replace("%1", symbol)
        cost_row.addRow(money_words, self.money)
        self.hours = QLineEdit(amount_for_editing(cost.hours) if cost else "", self)
        self.hours.setObjectName("daily_cost_hours")
        self.hours.setAccessibleName(CounterWords.tr("Hours it took each day"))
        self.hours.setPlaceholderText(CounterWords.tr("for example %1").replace("%1", "3"))
        cost_row.addRow(CounterWords.tr("Hours each day"), self.hours)
        layout.addLayout(cost_row)

        self.error = error_label("starts_error", self)
        layout.addWidget(self.error)
        box = QDialogButtonBox(self)
        self.save_button = box.addButton(
            CounterWords.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("starts_save")
        self.save_button.setAccessibleName(CounterWords.tr("Save start dates and costs"))
        self.save_button.setDefault(True)
        cancel = box.addButton(CounterWords.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("starts_cancel")
        cancel.setAccessibleName(CounterWords.tr("Cancel: keep everything as it was"))
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 84)

        self.table.currentItemChanged.connect(lambda *_: self._show_selected())
        self.date_edit.dateChanged.connect(self._edited)
        self.note.textEdited.connect(self._edited)
        self.add_button.clicked.connect(self.add_start)
        self.remove_button.clicked.connect(self.remove_start)
        self._fill(select=len(self._rows) - 1)

    # --- the list ----------------------------------------------------------------------------

    def _fill(self, select: int | None) -> None:
        self._rows.sort(key=lambda r: r.start.start_date)
        days = {run.start: run.days for run in runs([r.start for r in self._rows], self._today)}
        self._loading = True
        try:
            self.table.clear()
            for row in self._rows:
                day = row.start.start_date
                if day > self._today:
                    counted = CounterWords.tr("begins then")
                else:
                    n = days.get(day, 0)
                    counted = CounterWords.tr("%n day(s)", None, n)
                item = QTreeWidgetItem([medium_date(day), counted, row.start.note])
                self.table.addTopLevelItem(item)
            for column in range(2):
                self.table.resizeColumnToContents(column)
        finally:
            self._loading = False
        if select is not None and 0 <= select < len(self._rows):
            self.table.setCurrentItem(self.table.topLevelItem(select))
        self._show_selected()

    def _selected(self) -> int | None:
        item = self.table.currentItem()
        return self.table.indexOfTopLevelItem(item) if item is not None else None

    def _show_selected(self) -> None:
        if self._loading:
            return
        index = self._selected()
        has = index is not None
        for widget in (self.date_edit, self.note, self.remove_button):
            widget.setEnabled(has)
        if not has:
            return
        start = self._rows[index].start
        self._loading = True
        try:
            day = start.start_date
            self.date_edit.setDate(QDate(day.year, day.month, day.day))
            self.note.setText(start.note)
        finally:
            self._loading = False

    def _edited(self, *_: object) -> None:
        index = self._selected()
        if self._loading or index is None:
            return
        row = self._rows[index]
        row.start = replace(
            row.start, start_date=self.date_edit.date().toPython(), note=self.note.text()
        )
        self.error.setVisible(False)
        focus = self.focusWidget()
        self._fill(select=self._rows.index(row))
        if focus is not None:
            focus.setFocus()

    def add_start(self) -> None:
        """A new row dated the latest day not taken yet, up to today; its date field focused."""
        taken = {r.start.start_date for r in self._rows}
        day = self._today
        while day in taken:
            day = date.fromordinal(day.toordinal() - 1)
        row = _Row(RecoveryStart(day), None)
        self._rows.append(row)
        self._fill(select=None)
        self._fill(select=self._rows.index(row))
        self.date_edit.setFocus()

    def remove_start(self) -> None:
        index = self._selected()
        if index is None:
            return
        row = self._rows.pop(index)
        if row.stored is not None:
            self._removed.append(row.stored)
        self._fill(select=min(index, len(self._rows) - 1) if self._rows else None)

    # --- saving ------------------------------------------------------------------------------

    def chosen_cost(self) -> DailyCost | None:
        """The cost as typed (None when both are empty); raises ValidationError if not."""
        money, hours = amount_as_typed(self.money.text()), amount_as_typed(self.hours.text())
        if not money and not hours:
            return None
        return daily_cost(money or "0", hours or "0")

    def save(self) -> None:
        """Check everything, ask before removing a start, then write it all."""
        dates = [r.start.start_date for r in self._rows]
        if len(set(dates)) != len(dates):
            self._say(
                CounterWords.tr(
                    "Two starts are on the same day. Choose another day for one of them."
                )
            )
            return
        try:
            cost = self.chosen_cost()
        except ValidationError as error:
            self._say(str(error))
            return
        if self._removed and not self._removal_confirmed():
            return
        _, problem = attempt(lambda: self._write(cost))
        if problem is not None:
            self._say(problem)
            return
        self.accept()

    def _removal_confirmed(self) -> bool:
        n = len(self._removed)
        answer = QMessageBox.question(
            self,
            CounterWords.tr("Remove from your history?"),
            CounterWords.tr(
                "Remove %n start(s) from your history? Use this only to correct a "
                "mistake: the days around it will be counted as one run.",
                None,
                n,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _write(self, cost: DailyCost | None) -> None:
        for start in self._removed:
            assert start.id is not None
            self._starts.delete(start.id)
        for row in self._rows:
            if row.stored is None:
                row.stored = self._starts.add(row.start)
            elif row.start != row.stored:
                row.stored = self._starts.update(row.start)
        self._removed.clear()
        previous = self._starts.daily_cost()
        if cost != previous:
            self._starts.set_daily_cost(cost)

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
