# SPDX-License-Identifier: GPL-3.0-or-later
"""Craving 0-10 as eleven segmented buttons with the number on each.

A row of numbers is quicker and clearer than a slider (the chosen number is always visible and
"not answered" is possible). One Tab stop; arrow keys move along the scale.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from recovery_desktop.ui.widgets.roving import RovingButtonGroup


class CravingScale(QWidget):
    """Eleven buttons 0..10 and the words at both ends. `craving_changed` carries 0-10."""

    craving_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("craving_scale")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(3)
        self._group = RovingButtonGroup(self)
        self.buttons: dict[int, QPushButton] = {}
        for value in range(11):
            button = QPushButton(str(value), self)
            button.setObjectName(f"craving_{value}")
            button.setAccessibleName(self.tr("Craving %1 of 10").replace("%1", str(value)))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance("10") + 18)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            self._group.add(button, value)
            row.addWidget(button)
            self.buttons[value] = button
        outer.addLayout(row)
        ends = QHBoxLayout()
        none = QLabel(self.tr("0 none"), self)
        strong = QLabel(self.tr("10 very strong"), self)
        for label in (none, strong):
            label.setProperty("role", "muted")
        ends.addWidget(none)
        ends.addStretch(1)
        ends.addWidget(strong)
        outer.addLayout(ends)
        self._group.idToggled.connect(self._on_toggled)
        # The theme fills the chosen number with the accent and rings it when focused.
        self.setStyleSheet(
            "QPushButton { padding: 0.3em 0.2em; } QPushButton:checked { font-weight: bold; }"
        )

    def _on_toggled(self, value: int, checked: bool) -> None:
        if checked:
            self.craving_changed.emit(value)

    def craving(self) -> int | None:
        return self._group.choice()

    def set_craving(self, value: int | None) -> None:
        self._group.set_choice(value)
