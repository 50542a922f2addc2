# SPDX-License-Identifier: GPL-3.0-or-later
"""'Removed “…”. Undo': what was removed from the plan comes back with one click.

It stays until the person leaves the page (no timer: nobody has to be quick). Several removals
stack up; each Undo brings back the latest one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from recovery_desktop.ui.safety.wording import SafetyWords


class UndoBar(QFrame):
    """`push(text, bring_back)` after a removal; Undo calls the latest `bring_back()`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safety_undo_bar")
        self.setProperty("role", "banner")
        self._stack: list[tuple[str, Callable[[], None]]] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        self.label = QLabel(self)
        self.label.setObjectName("safety_undo_label")
        self.label.setWordWrap(True)
        self.undo_button = QPushButton(SafetyWords.tr("Undo"), self)
        self.undo_button.setObjectName("safety_undo")
        self.undo_button.clicked.connect(self.undo)
        self.dismiss_button = QPushButton(SafetyWords.tr("Dismiss"), self)
        self.dismiss_button.setObjectName("safety_undo_dismiss")
        self.dismiss_button.setAccessibleName(SafetyWords.tr("Dismiss this message"))
        self.dismiss_button.clicked.connect(self.clear)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.dismiss_button)
        self.hide()

    def push(self, text: str, bring_back: Callable[[], None]) -> None:
        self._stack.append((text, bring_back))
        self._show_latest()

    def undo(self) -> None:
        if not self._stack:
            return
        _text, bring_back = self._stack.pop()
        bring_back()
        self._show_latest()

    def clear(self) -> None:
        self._stack.clear()
        self.hide()

    def __len__(self) -> int:
        return len(self._stack)

    def _show_latest(self) -> None:
        if not self._stack:
            self.hide()
            return
        text = self._stack[-1][0]
        self.label.setText(text)
        self.undo_button.setAccessibleName(SafetyWords.tr("Undo: {what}").format(what=text))
        self.show()
