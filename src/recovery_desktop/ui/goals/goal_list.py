# SPDX-License-Identifier: GPL-3.0-or-later
"""The list of goals: active ones first, then paused, achieved and let go, each as it was set.

A thin model over `vault.goals.list()` and `outcome_counts()` (one query for every goal's
figures), filtered by status. Each row reads as two lines: the goal, then its kind, its person,
how many promises were kept and, unless active, where it stands.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from recovery_desktop.core.models import Goal, GoalStatus, OutcomeCounts
from recovery_desktop.ui.goals.row_delegate import TEXT_ROLES, row_text
from recovery_desktop.ui.goals.words import GoalWords, kind_short, status_label

Index = QModelIndex | QPersistentModelIndex
STATUS_ORDER = (GoalStatus.ACTIVE, GoalStatus.PAUSED, GoalStatus.ACHIEVED, GoalStatus.LET_GO)


class GoalListModel(QAbstractListModel):
    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[Goal, OutcomeCounts]] = []
        self.status: GoalStatus | None = None  # None: every goal

    def set_rows(
        self, goals: list[Goal], counts: dict[int, OutcomeCounts], status: GoalStatus | None
    ) -> None:
        self.beginResetModel()
        self.status = status
        shown = [g for g in goals if status is None or g.status is status]
        shown.sort(key=lambda g: STATUS_ORDER.index(g.status))  # stable: keeps the set order
        self.rows = [(g, counts.get(g.id or 0, OutcomeCounts())) for g in shown]
        self.endResetModel()

    def update_counts(self, counts: dict[int, OutcomeCounts]) -> None:
        """New figures for the rows shown (after a promise was marked), without a reset, so
        the selection and the scroll position stay."""
        self.rows = [(g, counts.get(g.id or 0, OutcomeCounts())) for g, _ in self.rows]
        if self.rows:
            self.dataChanged.emit(self.index(0), self.index(len(self.rows) - 1))

    def row_of(self, goal_id: int | None) -> int | None:
        for row, (goal, _) in enumerate(self.rows):
            if goal.id == goal_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        goal, counts = self.rows[index.row()]
        if role in TEXT_ROLES:
            return row_text(role, goal.title, self.details(goal, counts))
        if role == self.IdRole:
            return goal.id
        return None

    def details(self, goal: Goal, counts: OutcomeCounts) -> str:
        parts = [kind_short(goal.kind)]
        if goal.contact_name:
            parts.append(goal.contact_name)
        resolved = counts.kept + counts.missed
        if resolved:
            parts.append(
                GoalWords.tr("%1 of %n kept", None, resolved).replace("%1", str(counts.kept))
            )
        elif counts.pending:
            parts.append(GoalWords.tr("%n open promise(s)", None, counts.pending))
        if goal.status is not GoalStatus.ACTIVE:
            parts.append(status_label(goal.status))
        return " · ".join(parts)
