# SPDX-License-Identifier: GPL-3.0-or-later
"""The People page's two lists as thin models over `contacts.overview` and
`communities.overview` (search, sort and the archived toggle happen in the vault).

A vault holds a few hundred people at most (the 10-year demo has 300), read in one query of a
millisecond or two, so these lists are read whole; the long lists (a person's history, the
entries that mention them) are paged in `history_model.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from recovery_desktop.core.models import CommunityListItem, ContactListItem
from recovery_desktop.ui.connections.words import (
    ConnectionWords,
    community_kind_text,
    last_in_touch_text,
    role_text,
)
from recovery_desktop.ui.people.two_line_delegate import BadgeRole, DetailRole, MutedRole

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
IdRole = Qt.ItemDataRole.UserRole + 1


class _DirectoryModel(QAbstractListModel):
    """Rows of one kind of list item; `set_rows` replaces them all (a model reset)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list = []
        self._today = date.today()

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

    def id_at(self, row: int) -> int | None:
        return self._item_id(self._rows[row]) if 0 <= row < len(self._rows) else None

    def row_of(self, item_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if self._item_id(r) == item_id), None)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == IdRole:
            return self._item_id(item)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._name(item)
        if role == DetailRole:
            return self._detail(item)
        if role == BadgeRole:
            return self._badge(item)
        if role == MutedRole:
            return self._archived(item)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            words = [self._name(item), self._detail(item), self._badge(item)]
            return ". ".join(w for w in words if w)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._name(item)
        return None

    def _item_id(self, item) -> int | None:  # noqa: ANN001
        raise NotImplementedError

    def _name(self, item) -> str:  # noqa: ANN001
        raise NotImplementedError

    def _detail(self, item) -> str:  # noqa: ANN001
        raise NotImplementedError

    def _badge(self, item) -> str:  # noqa: ANN001
        raise NotImplementedError

    def _archived(self, item) -> bool:  # noqa: ANN001
        raise NotImplementedError


class ContactListModel(_DirectoryModel):
    """Contacts, emergency ones first (the vault pins them); a name-only contact made from
    an entry's People field says "To complete"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._to_complete: set[int] = set()

    def set_rows(self, rows: Sequence[ContactListItem], today: date, to_complete: set[int]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._today = today
        self._to_complete = set(to_complete)
        self.endResetModel()

    def item(self, row: int) -> ContactListItem:
        return self._rows[row]

    def _item_id(self, item: ContactListItem) -> int | None:
        return item.contact.id

    def _name(self, item: ContactListItem) -> str:
        return item.contact.name

    def _detail(self, item: ContactListItem) -> str:
        return f"{role_text(item.contact.role)} · {last_in_touch_text(item.last_in_touch, self._today)}"

    def _badge(self, item: ContactListItem) -> str:
        if item.contact.archived:
            return ConnectionWords.tr("Archived")
        if item.contact.emergency:
            return ConnectionWords.tr("Emergency")
        if item.contact.id in self._to_complete:
            return ConnectionWords.tr("To complete")
        return ""

    def _archived(self, item: ContactListItem) -> bool:
        return item.contact.archived


class CommunityListModel(_DirectoryModel):
    """Groups and communities: kind, schedule and when last there."""

    def set_rows(self, rows: Sequence[CommunityListItem], today: date) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._today = today
        self.endResetModel()

    def item(self, row: int) -> CommunityListItem:
        return self._rows[row]

    def _item_id(self, item: CommunityListItem) -> int | None:
        return item.community.id

    def _name(self, item: CommunityListItem) -> str:
        return item.community.name

    def _detail(self, item: CommunityListItem) -> str:
        parts = [community_kind_text(item.community.kind)]
        if item.community.schedule:
            parts.append(item.community.schedule)
        parts.append(last_in_touch_text(item.last_in_touch, self._today))
        return " · ".join(parts)

    def _badge(self, item: CommunityListItem) -> str:
        return ConnectionWords.tr("Archived") if item.community.archived else ""

    def _archived(self, item: CommunityListItem) -> bool:
        return item.community.archived
