# SPDX-License-Identifier: GPL-3.0-or-later
"""Today's commitments and every open one whose day has passed, each marked kept or not this
time. Promises of paused or let-go goals wait (`GoalRepository.overdue`).

"Not this time" is stored as `Outcome.MISSED`; the words on screen stay kind, because an honest
"not this time" is part of rebuilding trust too.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from recovery_desktop.core.models import Commitment, GoalStatus, Outcome
from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage import Vault
from recovery_desktop.ui.today.card import Card, clear_layout, muted_label, plural, wrapped_label

ASKED_ABOUT = (GoalStatus.ACTIVE, GoalStatus.ACHIEVED)  # as `GoalRepository.overdue`
MAX_ROWS = 8


class CommitmentsCard(Card):
    """Hidden when nothing is due; stays to show the kind word after the last one is marked."""

    marked = Signal(int, str)  # commitment id, outcome value

    def __init__(self, vault: Vault, today: date, parent: QWidget | None = None) -> None:
        super().__init__(
            "commitments_card",
            self.tr("Today's commitments"),
            self.tr("Promises you made. Keeping them, one at a time, is how trust grows."),
            parent,
        )
        self._vault = vault
        self._today = today
        self.commitments: list[Commitment] = []
        # The kind word after "Kept" goes above the promises, where the one just marked was,
        # so it appears under the pointer rather than below the rest.
        self.feedback = wrapped_label("", self)
        self.feedback.setObjectName("commitment_feedback")
        self.feedback.setProperty("role", "banner")
        self.feedback.setVisible(False)
        self.body.addWidget(self.feedback)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(8)
        self.body.addLayout(self.rows)
        self.refresh(today)

    def refresh(self, today: date) -> None:
        if today != self._today:
            self.feedback.setVisible(False)
        self._today = today
        goals = {g.id: g.title for g in self._vault.goals.list() if g.status in ASKED_ABOUT}
        due_today = self._vault.goals.commitments_due(today, today)
        # Today's first, then the most recent of those still open; the rest on the Goals page.
        self.commitments = [c for c in due_today if c.goal_id in goals] + list(
            reversed(self._vault.goals.overdue(today))
        )
        clear_layout(self.rows)
        for commitment in self.commitments[:MAX_ROWS]:
            self.rows.addWidget(self._row(commitment, goals.get(commitment.goal_id, "")))
        more = len(self.commitments) - MAX_ROWS
        if more > 0:
            self.rows.addWidget(
                muted_label(
                    plural(
                        self.tr("%n more waiting for an answer on the Goals page.", "", more), more
                    ),
                    self,
                )
            )
        self.setVisible(bool(self.commitments) or self.feedback.isVisible())
        self.rows_rebuilt.emit()

    def _row(self, commitment: Commitment, goal_title: str) -> QWidget:
        row = QWidget(self)
        row.setObjectName(f"commitment_row_{commitment.id}")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        words = QVBoxLayout()
        words.setSpacing(0)
        promise = QLabel(commitment.promise, row)
        promise.setWordWrap(True)
        font = promise.font()
        font.setBold(True)
        promise.setFont(font)
        words.addWidget(promise)
        details = []
        if goal_title:
            details.append(self.tr("for “%1”").replace("%1", goal_title))
        if commitment.due_date is not None and commitment.due_date < self._today:
            days = (self._today - commitment.due_date).days
            details.append(
                self.tr("from yesterday")
                if days == 1
                else plural(self.tr("from %n day(s) ago", "", days), days)
            )
        if details:
            words.addWidget(muted_label(" · ".join(details), row))
        layout.addLayout(words, 1)
        kept = QPushButton(self.tr("Kept"), row)
        kept.setObjectName(f"commitment_kept_{commitment.id}")
        kept.setAccessibleName(self.tr("Kept: %1").replace("%1", commitment.promise))
        kept.clicked.connect(lambda: self.mark(commitment, Outcome.KEPT))
        layout.addWidget(kept)
        missed = QPushButton(self.tr("Not this time"), row)
        missed.setObjectName(f"commitment_missed_{commitment.id}")
        missed.setAccessibleName(self.tr("Not this time: %1").replace("%1", commitment.promise))
        missed.clicked.connect(lambda: self.mark(commitment, Outcome.MISSED))
        layout.addWidget(missed)
        return row

    def mark(self, commitment: Commitment, outcome: Outcome) -> None:
        assert commitment.id is not None
        focused = self.focusWidget()
        had_focus = focused is not None and focused.objectName().startswith("commitment_")
        if had_focus:
            # Its row goes away: let go of the focus first, or Qt hands it to a control
            # further down the page and scrolls there, taking the kind word out of view.
            focused.clearFocus()
        try:
            self._vault.goals.mark(commitment.id, outcome)
        except ValidationError as error:
            self.feedback.setText(str(error))
        else:
            if outcome is Outcome.KEPT:
                self.feedback.setText(self.tr("Kept. Every promise kept rebuilds a little trust."))
            else:
                self.feedback.setText(
                    self.tr(
                        "Thank you for being honest about it. That counts "
                        "too, and there will be another chance."
                    )
                )
        self.feedback.setVisible(True)
        self.refresh(self._today)
        if had_focus and self.commitments:  # the next promise, where the pointer is
            next_kept = self.findChild(QPushButton, f"commitment_kept_{self.commitments[0].id}")
            if next_kept is not None:
                next_kept.setFocus(Qt.FocusReason.OtherFocusReason)
        self.marked.emit(commitment.id, outcome.value)
