# SPDX-License-Identifier: GPL-3.0-or-later
"""The People page's note under the header: what just happened ("Logged a call with Dana",
"Connection deleted", "Dana is archived") with Undo, and sometimes "More details…".

It stays until the next note, Undo, or another person is shown, so there is no timer to race:
Undo is there for as long as the person looks at what it would undo.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from recovery_desktop.ui.connections.words import ConnectionWords


class NoteBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("people_note")
        self.setProperty("role", "banner")
        self._undo: Callable[[], None] | None = None
        self._more: Callable[[], None] | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        self.label = QLabel(self)
        self.label.setObjectName("people_note_label")
        self.label.setWordWrap(True)
        self.more_button = QPushButton(ConnectionWords.tr("More details…"), self)
        self.more_button.setObjectName("people_note_details")
        self.more_button.setAccessibleName(
            ConnectionWords.tr("More details: who reached out, a note, the time")
        )
        self.undo_button = QPushButton(ConnectionWords.tr("Undo"), self)
        self.undo_button.setObjectName("people_note_undo")
        self.undo_button.setAccessibleName(ConnectionWords.tr("Undo"))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.more_button)
        layout.addWidget(self.undo_button)
        self.more_button.clicked.connect(self._on_more)
        self.undo_button.clicked.connect(self._on_undo)
        self.hide()

    def say(
        self,
        text: str,
        undo: Callable[[], None] | None = None,
        more: Callable[[], None] | None = None,
        undo_name: str = "",
    ) -> None:
        self._undo, self._more = undo, more
        self.label.setText(text)
        self.undo_button.setVisible(undo is not None)
        self.undo_button.setAccessibleName(undo_name or ConnectionWords.tr("Undo"))
        self.more_button.setVisible(more is not None)
        self.show()

    def clear(self) -> None:
        self._undo = self._more = None
        self.hide()

    def _on_undo(self) -> None:
        undo = self._undo
        self.clear()
        if undo is not None:
            undo()

    def _on_more(self) -> None:
        if self._more is not None:
            self._more()
