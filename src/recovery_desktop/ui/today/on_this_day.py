# SPDX-License-Identifier: GPL-3.0-or-later
"""On this day: an entry from a month ago and a year ago. Opt-in only.

Old hard days can hurt, so this is off unless the person turned it on in Settings
(`vault.settings["on_this_day"]`). The page does not even build this card when it is off.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from recovery_desktop.core.checkin import on_this_day_dates
from recovery_desktop.core.models import EntrySummary
from recovery_desktop.storage import Vault
from recovery_desktop.ui.today.card import Card, clear_layout, muted_label
from recovery_desktop.ui.today.entries import entry_button

SETTING = "on_this_day"


def on_this_day_enabled(vault: Vault) -> bool:
    return vault.settings.get(SETTING, False) is True


class OnThisDayCard(Card):
    open_entry_requested = Signal(int)

    def __init__(self, vault: Vault, today: date, parent: QWidget | None = None) -> None:
        super().__init__(
            "on_this_day_card",
            self.tr("On this day"),
            self.tr("A look back at where you were. Skip it if today is not the day for it."),
            parent,
        )
        self._vault = vault
        self.found: list[tuple[str, EntrySummary]] = []
        self.refresh(today)

    def refresh(self, today: date) -> None:
        """Rebuild; hides itself when nothing was written on those days."""
        # Rows are the widgets after the title and subtitle.
        while self.body.count() > 2:
            item = self.body.takeAt(2)
            if item.widget() is not None:
                item.widget().deleteLater()
            elif item.layout() is not None:
                clear_layout(item.layout())  # type: ignore[arg-type]
        self.found = []
        for which, day in on_this_day_dates(today):
            entries = [e for e in self._vault.entries.on_day(day) if not e.is_draft]
            entries.sort(key=lambda e: e.is_checkin)  # a written entry before a check-in
            if not entries:
                continue
            self.found.append((which, entries[0]))
            header = self.tr("A month ago") if which == "month" else self.tr("A year ago")
            self.body.addWidget(muted_label(header, self))
            button = entry_button(entries[0], f"on_this_day_{which}", self, self.tr("A check-in"))
            button.clicked.connect(
                lambda _=False, i=entries[0].id: self.open_entry_requested.emit(i)
            )
            self.body.addWidget(button)
        self.setVisible(bool(self.found))
        self.rows_rebuilt.emit()
