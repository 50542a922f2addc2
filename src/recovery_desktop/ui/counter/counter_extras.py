# SPDX-License-Identifier: GPL-3.0-or-later
"""The lines the sober-day counter shows under its number: a new start set for tomorrow, the
money and time regained (as I Am Sober and Nomo show them), and "Start dates and costs",
which opens the history of starts.

A small widget of its own, so Today's counter card only adds it and refreshes it. Figures
come from `core.regained` over the vault's starts, so they follow the counter exactly.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from recovery_desktop.core.regained import regained
from recovery_desktop.core.sobriety import planned_start, runs
from recovery_desktop.storage.recovery import RecoveryStartRepository
from recovery_desktop.ui.counter.words import CounterWords, hours, long_date, money_in_words
from recovery_desktop.ui.today.card import muted_label, wrapped_label

if TYPE_CHECKING:
    from recovery_desktop.ui.counter.starts_dialog import StartsDialog


class CounterExtras(QWidget):
    """`changed` after the person saved the history of starts or the daily cost."""

    changed = Signal()

    def __init__(
        self, starts: RecoveryStartRepository, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("counter_extras")
        self._starts = starts
        self._today = today
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.planned = wrapped_label("", self)
        self.planned.setObjectName("sober_planned_start")
        self.planned.setProperty("role", "banner")
        layout.addWidget(self.planned)
        self.regained = wrapped_label("", self)
        self.regained.setObjectName("sober_regained")
        layout.addWidget(self.regained)
        self.regained_total = muted_label("", self)
        self.regained_total.setObjectName("sober_regained_total")
        layout.addWidget(self.regained_total)
        self.cost_hint = muted_label(
            CounterWords.tr(
                "Add what using used to cost you each day to see the money and time your "
                "sober days have given back."
            ),
            self,
        )
        self.cost_hint.setObjectName("sober_cost_hint")
        layout.addWidget(self.cost_hint)
        row = QHBoxLayout()
        self.dates_button = QPushButton(CounterWords.tr("Start dates and costs"), self)
        self.dates_button.setObjectName("sober_dates_button")
        self.dates_button.setAccessibleName(
            CounterWords.tr(
                "Start dates and costs: your history of starts, and what using used to cost"
            )
        )
        self.dates_button.clicked.connect(self.open_dialog)
        row.addWidget(self.dates_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.dialog: StartsDialog | None = None
        self._planned_quiet = False
        self.refresh(today)

    def set_planned_quiet(self, quiet: bool) -> None:
        """Hide the "A new start begins on…" line while the new-start offer above says it."""
        if quiet != self._planned_quiet:
            self._planned_quiet = quiet
            self.refresh(self._today)

    def refresh(self, today: date) -> None:
        self._today = today
        starts = self._starts.list()
        counting = bool(runs(starts, today))
        self.setVisible(bool(starts))
        planned = planned_start(starts, today)
        self.planned.setVisible(counting and planned is not None and not self._planned_quiet)
        if counting and planned is not None:
            self.planned.setText(
                CounterWords.tr(
                    "A new start begins on %1. Today can simply be a hard day; every sober "
                    "day before it still counts."
                ).replace("%1", long_date(planned))
            )
        cost = self._starts.daily_cost()
        self.cost_hint.setVisible(counting and cost is None)
        showing = counting and cost is not None and not cost.is_zero
        self.regained.setVisible(showing)
        self.regained_total.setVisible(False)
        if not showing:
            return
        assert cost is not None
        summary = regained(starts, today, cost)
        self.regained.setText(
            CounterWords.tr("Regained so far: %1.").replace(
                "%1", self._amounts(summary.current, cost)
            )
        )
        self.regained.setAccessibleName(self.regained.text())
        if summary.total.days != summary.current.days:
            self.regained_total.setText(
                CounterWords.tr("Since your first start: %1.").replace(
                    "%1", self._amounts(summary.total, cost)
                )
            )
            self.regained_total.setVisible(True)

    @staticmethod
    def _amounts(part, cost) -> str:  # noqa: ANN001 (core.regained.Regained, DailyCost)
        """ "$2,257 and 366 hours (15 whole days)", in the person's locale (`words`)."""
        pieces = []
        if cost.money:
            pieces.append(money_in_words(part.money))
        if cost.hours:
            pieces.append(hours(part.hours))
        return CounterWords.tr(" and ").join(pieces)

    def open_dialog(self) -> None:
        from recovery_desktop.ui.counter.starts_dialog import StartsDialog  # when first opened

        self.dialog = StartsDialog(self._starts, self._today, self)
        self.dialog.accepted.connect(self._saved)
        self.dialog.open()

    def _saved(self) -> None:
        self.refresh(self._today)
        self.changed.emit()
