# SPDX-License-Identifier: GPL-3.0-or-later
"""A goal's trust: kept out of kept and missed, the recent score with how many promises it
stands on, and a strip of outcomes, oldest first (filled: kept; hollow: not this time).

Every figure comes from `core.trust.trust_summary`, so the page shows exactly what the core
computes. The strip is painted with the theme's palette (no chart library here), and says in
words what it shows, for screen readers.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from recovery_desktop.core.models import Outcome
from recovery_desktop.core.trust import TrustSummary
from recovery_desktop.ui.goals.words import GoalWords, percent
from recovery_desktop.ui.theme import make_heading
from recovery_desktop.ui.today.card import muted_label, wrapped_label

STRIP_MOST = 40  # the last outcomes shown in the strip; the figures count all of them


class OutcomeStrip(QWidget):
    """A row of small squares, one per outcome: filled for kept, an outline for not kept."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goal_outcome_strip")
        self.outcomes: tuple[Outcome, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_outcomes(self, outcomes: tuple[Outcome, ...]) -> None:
        self.outcomes = outcomes[-STRIP_MOST:]
        kept = sum(1 for o in self.outcomes if o is Outcome.KEPT)
        self.setAccessibleName(GoalWords.tr("History of outcomes"))
        self.setAccessibleDescription(
            GoalWords.tr(
                "The last %n outcomes, oldest first: %2 kept, %3 not this time.",
                None,
                len(self.outcomes),
            )
            .replace("%2", str(kept))
            .replace("%3", str(len(self.outcomes) - kept))
        )
        self.setToolTip(self.accessibleDescription())
        self.updateGeometry()
        self.update()

    def _cell(self) -> float:
        return self.fontMetrics().height() * 0.9

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        cell = self._cell()
        return QSize(round(cell * 1.3 * max(1, min(len(self.outcomes), 12))), round(cell + 4))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, round(self._cell() + 4))

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        cell = self._cell()
        per_row = max(1, int(width // (cell * 1.3)))
        rows = max(1, -(-len(self.outcomes) // per_row))
        return round(rows * cell * 1.3 + 2)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        outline = palette.color(QPalette.ColorRole.PlaceholderText)  # muted, readable
        cell = self._cell()
        step = cell * 1.3
        per_row = max(1, int(self.width() // step))
        for i, outcome in enumerate(self.outcomes):
            row, column = divmod(i, per_row)
            rect = QRectF(column * step + 1, row * step + 1, cell, cell)
            if outcome is Outcome.KEPT:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(accent)
            else:
                painter.setPen(QPen(outline, 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), cell * 0.25, cell * 0.25)
        painter.end()

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        self.setMinimumHeight(self.heightForWidth(self.width()))


class TrustView(QWidget):
    """The trust part of a goal. `show_summary` fills it; nothing here is focusable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goal_trust")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(GoalWords.tr("Trust"), self)
        make_heading(self.heading, 1.15)
        layout.addWidget(self.heading)
        self.score_line = wrapped_label("", self)
        self.score_line.setObjectName("goal_trust_score")
        layout.addWidget(self.score_line)
        self.recent_line = muted_label("", self)
        self.recent_line.setObjectName("goal_trust_recent")
        layout.addWidget(self.recent_line)
        self.strip = OutcomeStrip(self)
        layout.addWidget(self.strip)
        self.legend = muted_label(
            GoalWords.tr(
                "Each square is a promise, oldest first: filled when kept, an outline when "
                "not this time."
            ),
            self,
        )
        self.legend.setObjectName("goal_trust_legend")
        layout.addWidget(self.legend)
        self.summary: TrustSummary | None = None

    def show_summary(self, summary: TrustSummary) -> None:
        self.summary = summary
        resolved = summary.kept + summary.missed
        if summary.score is None:
            text = GoalWords.tr(
                "No promises marked yet. When you mark one kept or not, trust shows here."
            )
            self.score_line.setText(text)
        else:
            self.score_line.setText(
                GoalWords.tr("%1 of %n promise(s) kept: %2.", None, resolved)
                .replace("%1", str(summary.kept))
                .replace("%2", percent(summary.score))
            )
        self.recent_line.setVisible(summary.recent is not None)
        if summary.recent is not None:
            self.recent_line.setText(
                GoalWords.tr(
                    "Lately: %1, with recent promises counting more (from %n promise(s)).",
                    None,
                    summary.recent_n,
                ).replace("%1", percent(summary.recent))
            )
        self.strip.set_outcomes(summary.outcomes)
        self.strip.setVisible(bool(summary.outcomes))
        self.legend.setVisible(bool(summary.outcomes))
