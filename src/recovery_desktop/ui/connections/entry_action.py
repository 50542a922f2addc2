# SPDX-License-Identifier: GPL-3.0-or-later
"""The Journal's small action beside an entry's People field: log the people it mentions as
connections of that entry's day (one click in the menu, `connections.log_mentions`), or open
the log dialog with them chosen; and undo it.

The entry is saved first (so names just typed become contacts and the entry has an id); what
was logged is said on the editor's note. The Journal only places the button
(`add_to_entry_editor`), so its own modules stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

from recovery_desktop.core.models import Connection, Entry
from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage import Vault
from recovery_desktop.ui.connections.log_dialog import (
    LogConnectionDialog,
    connections_summary,
    local_now,
    moment_on,
)
from recovery_desktop.ui.connections.words import ConnectionWords, fill, names_text, short_date


class EntryConnectionsButton(QPushButton):
    """ "Log as connections ▾". `saved_entry()` saves the open entry and returns it (None
    when there is nothing to save yet). Emits `logged(text)` to say what happened."""

    logged = Signal(str)

    def __init__(
        self,
        vault: Vault,
        saved_entry: Callable[[], Entry | None],
        parent: QWidget | None = None,
        now: Callable[[], datetime] = local_now,
    ) -> None:
        super().__init__(ConnectionWords.tr("Log as connections"), parent)
        self.setObjectName("journal_log_connections")
        self.setAccessibleName(ConnectionWords.tr("Log the people in this entry as connections"))
        self.setToolTip(
            ConnectionWords.tr("Log the people this entry mentions as connections of its day")
        )
        self.setAutoDefault(False)
        self._vault = vault
        self._saved_entry = saved_entry
        self._now = now
        self._last: list[Connection] = []
        self._last_entry: int | None = None
        self._menu = QMenu(self)
        self._menu.setObjectName("journal_log_connections_menu")
        self._menu.aboutToShow.connect(self.fill_menu)
        self.setMenu(self._menu)

    def fill_menu(self) -> None:
        """Build the menu for the entry as it is now (saved first)."""
        self._menu.clear()
        entry = self._saved_entry() if self._vault.is_open else None
        if entry is None or entry.id is None:
            hint = self._menu.addAction(
                ConnectionWords.tr("Write something first; then log who was there.")
            )
            hint.setEnabled(False)
            return
        names = [c.name for c in (self._vault.contacts.get(i) for i in entry.people) if c]
        logged = {c.contact_id for c in self._vault.connections.for_entry(entry.id)}
        waiting = [
            c.name
            for c in (self._vault.contacts.get(i) for i in entry.people if i not in logged)
            if c
        ]
        day = short_date(entry.entry_date)
        if waiting:
            action = self._menu.addAction(
                fill(ConnectionWords.tr("Log %1, in person, on %2"), names_text(waiting), day)
            )
            action.setObjectName("journal_log_mentions")
            action.triggered.connect(lambda: self.log_mentions(entry))
        elif names:
            done = self._menu.addAction(
                fill(ConnectionWords.tr("Already logged from this entry: %1"), names_text(names))
            )
            done.setEnabled(False)
        else:
            hint = self._menu.addAction(
                ConnectionWords.tr("No one in People yet: add a name there first.")
            )
            hint.setEnabled(False)
        details = self._menu.addAction(ConnectionWords.tr("Log a connection…"))
        details.setObjectName("journal_log_details")
        details.triggered.connect(lambda: self.log_with_details(entry))
        if self._last and self._last_entry == entry.id:
            self._menu.addSeparator()
            undo = self._menu.addAction(ConnectionWords.tr("Undo: remove what was just logged"))
            undo.setObjectName("journal_log_undo")
            undo.triggered.connect(self.undo)

    def log_mentions(self, entry: Entry) -> None:
        assert entry.id is not None
        try:
            records = self._vault.connections.log_mentions(entry.id)
        except ValidationError as error:
            self.logged.emit(str(error))
            return
        self._said(entry, records)

    def log_with_details(self, entry: Entry) -> None:
        dialog = LogConnectionDialog(
            self._vault,
            self.window(),
            contact_ids=entry.people,
            when=moment_on(entry.entry_date, self._now()),
            entry_id=entry.id,
            now=self._now,
        )
        dialog.accepted.connect(lambda: self._said(entry, dialog.logged))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _said(self, entry: Entry, records: list[Connection]) -> None:
        if not records:
            return
        self._last, self._last_entry = list(records), entry.id
        self.logged.emit(
            fill(
                ConnectionWords.tr(
                    "Logged %1 on %2. People shows it in their history; this button can undo it."
                ),
                connections_summary(records),
                short_date(entry.entry_date),
            )
        )

    def undo(self) -> None:
        removed = self._vault.connections.delete_many(r.id for r in self._last if r.id)
        self._last, self._last_entry = [], None
        if removed:
            self.logged.emit(
                fill(ConnectionWords.tr("Removed again: %1."), connections_summary(removed))
            )


def add_to_entry_editor(
    grid: QGridLayout,
    people: QWidget,
    notice: QLabel,
    vault: Vault,
    saved_entry: Callable[[], Entry | None],
    parent: QWidget,
) -> EntryConnectionsButton:
    """Put the button right of the People field in the editor's grid (the field keeps its
    cell, now shared with the button); what it says goes on the editor's notice."""
    button = EntryConnectionsButton(vault, saved_entry, parent)
    row, column, rows, columns = grid.getItemPosition(grid.indexOf(people))
    grid.removeWidget(people)
    cell = QHBoxLayout()
    cell.addWidget(people, 1)
    cell.addWidget(button)
    grid.addLayout(cell, row, column, rows, columns)

    def say(text: str) -> None:
        notice.setText(text)
        notice.show()

    button.logged.connect(say)
    return button
