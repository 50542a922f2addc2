# SPDX-License-Identifier: GPL-3.0-or-later
"""Craving 0-10 as eleven segmented buttons with the number on each.

A row of numbers is quicker and clearer than a slider (the chosen number is always visible and
"not answered" is possible). One Tab stop; arrow keys move along the scale. The same scale,
with the same words at its ends, on Today and in the Journal (`compact` there).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.ui.widgets.roving import RovingButtonGroup


def craving_end_words() -> tuple[str, str]:
    """The words under the ends of the scale, the same on every screen."""
    return (
        QCoreApplication.translate("CravingScale", "0 none"),
        QCoreApplication.translate("CravingScale", "10 very strong"),
    )


class CravingScale(QWidget):
    """Eleven buttons 0..10 and the words at both ends. `craving_changed` carries 0-10.

    `compact`: narrower buttons that keep their size (a row of details); `name` prefixes the
    object names (`<name>_0`..`<name>_10`), as for `MoodPicker`; `cleared` likewise.
    """

    craving_changed = Signal(int)
    cleared = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        compact: bool = False,
        name: str = "craving",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("craving_scale" if name == "craving" else name)
        # Styled before its buttons exist, so each is styled once. The theme fills the chosen
        # number with the accent and rings it when focused.
        padding = "0.2em 0" if compact else "0.3em 0.2em"
        self.setStyleSheet(
            f"QPushButton {{ padding: {padding}; }} QPushButton:checked {{ font-weight: bold; }}"
        )
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(2 if compact else 3)
        self._group = RovingButtonGroup(self)
        self.buttons: dict[int, QPushButton] = {}
        digits = self.fontMetrics().horizontalAdvance("10")
        for value in range(11):
            button = QPushButton(str(value), self)
            button.setObjectName(f"{name}_{value}")
            button.setAccessibleName(self.tr("Craving %1 of 10").replace("%1", str(value)))
            if compact:
                button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
                button.setFixedWidth(digits + self.fontMetrics().averageCharWidth() * 2 + 4)
            else:
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                button.setMinimumWidth(digits + 18)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            self._group.add(button, value)
            row.addWidget(button)
            self.buttons[value] = button
        if compact:
            row.addStretch(1)
        outer.addLayout(row)
        ends = QHBoxLayout()
        none_text, strong_text = craving_end_words()
        none = QLabel(none_text, self)
        strong = QLabel(strong_text, self)
        for label in (none, strong):
            label.setProperty("role", "muted")
        ends.addWidget(none)
        ends.addStretch(1)
        ends.addWidget(strong)
        if compact:
            holder = QWidget(self)  # as wide as the buttons, so "10 very strong" ends under 10
            holder.setLayout(ends)
            ends.setContentsMargins(0, 0, 0, 0)
            width = sum(b.width() for b in self.buttons.values()) + row.spacing() * 10
            holder.setMinimumWidth(max(width, holder.minimumSizeHint().width()))
            outer.addWidget(holder, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            outer.addLayout(ends)
        self._group.idToggled.connect(self._on_toggled)

    def _on_toggled(self, value: int, checked: bool) -> None:
        if checked:
            self.craving_changed.emit(value)

    def craving(self) -> int | None:
        return self._group.choice()

    def set_craving(self, value: int | None) -> None:
        had = self._group.choice()
        self._group.set_choice(value)
        if value is None and had is not None:
            self.cleared.emit()
