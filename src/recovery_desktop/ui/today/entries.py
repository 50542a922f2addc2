# SPDX-License-Identifier: GPL-3.0-or-later
"""Today's journal entries (not the check-in) and the way into the journal."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from recovery_desktop.core.models import EntrySummary
from recovery_desktop.storage import Vault
from recovery_desktop.ui.theme import MOOD_COLORS
from recovery_desktop.ui.today.card import Card, clear_layout, muted_label


def entry_button(
    summary: EntrySummary, name: str, parent: QWidget, tr_untitled: str
) -> QPushButton:
    """A flat, full-width row for one entry: its title (or first words) and a mood mark."""
    title = summary.title or summary.preview or tr_untitled
    if len(title) > 90:
        title = title[:89] + "…"
    button = QPushButton(title, parent)
    button.setObjectName(name)
    button.setAccessibleName(title)
    colour = MOOD_COLORS.get(summary.mood or 0)
    mark = f"border-left: 0.35em solid {QColor(colour).name()};" if colour else ""
    button.setStyleSheet(f"QPushButton {{ text-align: left; padding: 0.4em 0.7em; {mark} }}")
    return button


class TodayEntriesCard(Card):
    open_entry_requested = Signal(int)
    new_entry_requested = Signal()

    def __init__(self, vault: Vault, today: date, parent: QWidget | None = None) -> None:
        super().__init__("entries_card", self.tr("Today's journal"), "", parent)
        self._vault = vault
        self.entries: list[EntrySummary] = []
        self.rows = QVBoxLayout()
        self.rows.setSpacing(4)
        self.body.addLayout(self.rows)
        self.empty = muted_label(
            self.tr("Nothing written yet today. A few lines are plenty."), self
        )
        self.empty.setObjectName("entries_empty")
        self.body.addWidget(self.empty)
        row = QHBoxLayout()
        self.write_button = QPushButton(self.tr("Write in your journal"), self)
        self.write_button.setObjectName("write_journal_button")
        self.write_button.setAccessibleName(self.tr("Write in your journal"))
        self.write_button.clicked.connect(self.new_entry_requested)
        row.addWidget(self.write_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.refresh(today)

    def refresh(self, today: date) -> None:
        self.entries = [e for e in self._vault.entries.on_day(today) if not e.is_checkin]
        clear_layout(self.rows)
        for summary in self.entries:
            button = entry_button(summary, f"today_entry_{summary.id}", self, self.tr("(untitled)"))
            if summary.is_draft:
                button.setText(button.text() + "  " + self.tr("(draft)"))
            button.clicked.connect(lambda _=False, i=summary.id: self.open_entry_requested.emit(i))
            self.rows.addWidget(button)
        self.empty.setVisible(not self.entries)
        self.rows_rebuilt.emit()
