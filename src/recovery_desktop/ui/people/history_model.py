# SPDX-License-Identifier: GPL-3.0-or-later
"""A person's (or group's) connection history and the entries that mention them, as lazy
list models: one page of 50 rows at a time, read as the view scrolls (`canFetchMore` /
`fetchMore`, as the Journal's timeline does).

The vault reads a page along an index (well under a millisecond on the 10-year demo's 50,000
connections), so opening the busiest person costs the same as opening a new one. Reads run on
the GUI thread; the models read nothing once the vault is closed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from recovery_desktop.core.models import Connection, EntrySummary
from recovery_desktop.storage import Vault
from recovery_desktop.ui.connections.words import (
    ConnectionWords,
    fill,
    initiated_text,
    kind_label,
    short_date,
    time_text,
)
from recovery_desktop.ui.people.two_line_delegate import DetailRole

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
PAGE_SIZE = 50
RecordRole = Qt.ItemDataRole.UserRole + 1


class _PagedModel(QAbstractListModel):
    """Rows read a page at a time from `reader(offset, limit)`; `show(reader)` starts over."""

    def __init__(self, vault: Vault, parent: QObject | None = None, page_size: int = PAGE_SIZE):
        super().__init__(parent)
        self._vault = vault
        self._page_size = page_size
        self._reader: Callable[[int, int], Sequence] | None = None
        self._rows: list = []
        self._exhausted = True

    def show(self, reader: Callable[[int, int], Sequence] | None, keep: int = 0) -> None:
        """Read the first page (or as many rows as `keep`, to stay where the person was)."""
        self.beginResetModel()
        self._reader = reader
        self._rows = []
        self._exhausted = reader is None
        self._read(max(keep, self._page_size))
        self.endResetModel()

    def reload(self) -> None:
        self.show(self._reader, keep=len(self._rows))

    def clear(self) -> None:
        self.show(None)

    def _read(self, limit: int) -> list:
        if self._reader is None or not self._vault.is_open:
            self._exhausted = True
            return []
        rows = list(self._reader(len(self._rows), limit))
        self._exhausted = len(rows) < limit
        self._rows.extend(rows)
        return rows

    def canFetchMore(self, parent: _Index = _ROOT) -> bool:  # noqa: N802 (Qt override)
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index = _ROOT) -> None:  # noqa: N802
        if parent.isValid() or self._exhausted or self._reader is None:
            return
        if not self._vault.is_open:
            self._exhausted = True
            return
        start = len(self._rows)
        rows = list(self._reader(start, self._page_size))
        self._exhausted = len(rows) < self._page_size
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def record(self, row: int):  # noqa: ANN201
        return self._rows[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == RecordRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._first_line(row)
        if role == DetailRole:
            return self._second_line(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ". ".join(p for p in (self._first_line(row), self._second_line(row)) if p)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        return None

    def _first_line(self, row) -> str:  # noqa: ANN001
        raise NotImplementedError

    def _second_line(self, row) -> str:  # noqa: ANN001
        raise NotImplementedError

    def _tooltip(self, row) -> str | None:  # noqa: ANN001
        return None


class HistoryModel(_PagedModel):
    """Connections, newest first: "Tue 3 May 2026 · Call" over "I reached out · felt
    supported 4 of 5 · the note"."""

    def show_contact(self, contact_id: int | None) -> None:
        connections = self._vault.connections
        self.show(
            None
            if contact_id is None
            else lambda offset, limit: connections.history(
                contact_id=contact_id, offset=offset, limit=limit
            )
        )

    def show_community(self, community_id: int) -> None:
        connections = self._vault.connections
        self.show(
            lambda offset, limit: connections.history(
                community_id=community_id, offset=offset, limit=limit
            )
        )

    def record(self, row: int) -> Connection:
        return self._rows[row]

    def _first_line(self, row: Connection) -> str:
        day = row.occurred_at.astimezone().date()
        return f"{short_date(day)}, {time_text(row.occurred_at)} · {kind_label(row.kind)}"

    def _second_line(self, row: Connection) -> str:
        parts = []
        if row.contact_id is not None or row.contact_name:
            parts.append(initiated_text(row.initiated_by))
        if row.felt_supported is not None:
            parts.append(
                fill(ConnectionWords.tr("felt supported %1 of 5"), str(row.felt_supported))
            )
        if row.entry_id is not None:
            parts.append(ConnectionWords.tr("from a journal entry"))
        if row.note:
            parts.append(" ".join(row.note.split()))
        return " · ".join(parts)

    def _tooltip(self, row: Connection) -> str | None:
        return row.note or None


class MentionsModel(_PagedModel):
    """Journal entries that mention a contact (or that a group's connections came from)."""

    IdRole = Qt.ItemDataRole.UserRole + 2

    def show_contact(self, contact_id: int) -> None:
        entries = self._vault.entries
        self.show(lambda offset, limit: entries.mentioning(contact_id, offset, limit))

    def show_community(self, community_id: int) -> None:
        entries = self._vault.entries
        self.show(lambda offset, limit: entries.linked_to_community(community_id, offset, limit))

    def record(self, row: int) -> EntrySummary:
        return self._rows[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == self.IdRole and index.isValid() and 0 <= index.row() < len(self._rows):
            return self._rows[index.row()].id
        return super().data(index, role)

    def _first_line(self, row: EntrySummary) -> str:
        if row.is_checkin and not row.title:
            title = ConnectionWords.tr("Daily check-in")
        else:
            title = row.title or " ".join(row.preview.split()[:8])
        return f"{short_date(row.entry_date)} · {title}"

    def _second_line(self, row: EntrySummary) -> str:
        return " ".join(row.preview.split())
