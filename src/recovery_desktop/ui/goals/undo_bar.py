# SPDX-License-Identifier: GPL-3.0-or-later
""" "Goal deleted. Undo": a banner that holds the last delete for a while, as the Journal's.

It keeps one way back, the latest; a newer delete replaces it (the older one stays deleted).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from recovery_desktop.ui.goals.words import GoalWords
from recovery_desktop.ui.today.card import wrapped_label

UNDO_MS = 10_000


class UndoBar(QFrame):
    def __init__(self, parent: QWidget | None = None, undo_ms: int = UNDO_MS) -> None:
        super().__init__(parent)
        self.setObjectName("goals_undo_bar")
        self.setProperty("role", "banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        self.label = wrapped_label("", self)
        self.label.setObjectName("goals_undo_label")
        layout.addWidget(self.label, 1)
        self.undo_button = QPushButton(GoalWords.tr("Undo"), self)
        self.undo_button.setObjectName("goals_undo")
        layout.addWidget(self.undo_button)
        self._undo: Callable[[], None] | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(undo_ms)
        self.timer.timeout.connect(self.forget)
        self.undo_button.clicked.connect(self.undo)
        self.hide()

    def offer(self, text: str, undo: Callable[[], None], what: str) -> None:
        """Say `text` with an Undo button that calls `undo` (`what` names it for readers)."""
        self._undo = undo
        self.label.setText(text)
        self.undo_button.setAccessibleName(GoalWords.tr("Undo: bring back %1").replace("%1", what))
        self.show()
        self.timer.start()

    def undo(self) -> None:
        undo, self._undo = self._undo, None
        self.forget()
        if undo is not None:
            undo()

    def forget(self) -> None:
        self._undo = None
        self.timer.stop()
        self.hide()
