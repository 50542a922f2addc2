# SPDX-License-Identifier: GPL-3.0-or-later
"""A goal's promises as a list model: open ones first (soonest due first), then the kept and
not-kept ones, newest first, so what needs an answer is on top and the history follows.

A thin adapter over `vault.goals.commitments(goal_id)`: the page passes rows in with
`set_rows`; the model holds no SQL. Each row reads as two lines: the promise, then to whom,
when, and how it went.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication

from recovery_desktop.core.models import Commitment, Outcome
from recovery_desktop.ui.goals.row_delegate import TEXT_ROLES, row_text
from recovery_desktop.ui.goals.words import GoalWords, due_words, outcome_label

Index = QModelIndex | QPersistentModelIndex


def ordered(commitments: list[Commitment]) -> list[Commitment]:
    """Open promises by due day (undated last), then the answered ones, newest first."""
    open_ = [c for c in commitments if c.outcome is Outcome.PENDING]
    answered = [c for c in commitments if c.outcome is not Outcome.PENDING]
    open_.sort(key=lambda c: (c.due_date is None, c.due_date or date.max, c.id or 0))
    answered.sort(key=lambda c: (c.due_date or date.min, c.id or 0), reverse=True)
    return open_ + answered


class CommitmentListModel(QAbstractListModel):
    IdRole = Qt.ItemDataRole.UserRole + 1
    OutcomeRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Commitment] = []
        self.today = date.today()
        self.goal_person = ""
        self._icons: dict[Outcome, QIcon] = {}

    def set_rows(self, commitments: list[Commitment], today: date, goal_person: str = "") -> None:
        """Show these promises; `goal_person`, the name the goal is about, is left out of
        the rows of promises made to that same person (it would repeat on every line)."""
        self.beginResetModel()
        self.rows = ordered(commitments)
        self.today = today
        self.goal_person = goal_person
        self._icons.clear()  # the theme may have changed
        self.endResetModel()

    def row_of(self, commitment_id: int | None) -> int | None:
        for row, commitment in enumerate(self.rows):
            if commitment.id == commitment_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        commitment = self.rows[index.row()]
        if role in TEXT_ROLES:
            return row_text(role, commitment.promise, self.details(commitment))
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(commitment.outcome)
        if role == self.IdRole:
            return commitment.id
        if role == self.OutcomeRole:
            return commitment.outcome.value
        return None

    def details(self, commitment: Commitment) -> str:
        parts = []
        if commitment.contact_name and commitment.contact_name != self.goal_person:
            parts.append(GoalWords.tr("to %1").replace("%1", commitment.contact_name))
        parts.append(due_words(commitment.due_date, self.today))
        due = commitment.due_date
        if commitment.outcome is Outcome.PENDING and due is not None and due < self.today:
            parts.append(GoalWords.tr("How did it go?"))
        else:
            parts.append(outcome_label(commitment.outcome))
        return " · ".join(parts)

    def _icon(self, outcome: Outcome) -> QIcon:
        """A filled dot for kept, a ring for not this time, a small dash for open."""
        if outcome not in self._icons:
            size = QFontMetrics(QApplication.font()).height()
            screen = QApplication.primaryScreen()
            ratio = screen.devicePixelRatio() if screen is not None else 1.0
            pixmap = QPixmap(QSize(size, size) * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(QColor(0, 0, 0, 0))
            palette = QApplication.palette()
            accent = palette.color(QPalette.ColorRole.Highlight)
            muted = palette.color(QPalette.ColorRole.PlaceholderText)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            r = size * 0.32
            centre = size / 2
            if outcome is Outcome.KEPT:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(accent)
                painter.drawEllipse(centre - r, centre - r, 2 * r, 2 * r)
            elif outcome is Outcome.MISSED:
                painter.setPen(QPen(muted, 1.6))
                painter.drawEllipse(centre - r, centre - r, 2 * r, 2 * r)
            else:
                painter.setPen(QPen(muted, 1.6))
                painter.drawLine(round(centre - r), round(centre), round(centre + r), round(centre))
            painter.end()
            self._icons[outcome] = QIcon(pixmap)
        return self._icons[outcome]
