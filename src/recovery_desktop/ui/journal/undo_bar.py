# SPDX-License-Identifier: GPL-3.0-or-later
"""The bar that offers Undo for a few seconds after an entry is deleted."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

UNDO_MS = 10_000


class UndoBar(QFrame):
    """ "Entry deleted — Undo", shown for a few seconds after a delete."""

    def __init__(self, parent: QWidget | None = None, undo_ms: int = UNDO_MS) -> None:
        super().__init__(parent)
        self.setObjectName("journal_undo_bar")
        self.setProperty("role", "banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        self.label = QLabel(self.tr("Entry deleted."), self)
        self.label.setObjectName("journal_undo_label")
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setObjectName("journal_undo")
        self.undo_button.setAccessibleName(self.tr("Undo: bring the deleted entry back"))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(undo_ms)
        self.timer.timeout.connect(self.hide)
        self.hide()

    def show_for_a_while(self) -> None:
        self.show()
        self.timer.start()
