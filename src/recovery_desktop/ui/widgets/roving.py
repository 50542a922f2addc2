# SPDX-License-Identifier: GPL-3.0-or-later
"""One Tab stop for a row of exclusive buttons; arrow keys move between them (radio style).

Eleven craving buttons or five faces as eleven or five Tab stops would make the quick check-in
slow by keyboard. As in a radio group, Tab lands on the chosen button (or the first), and the
arrow keys move along the row; when the focused button is the chosen one, the arrow chooses
the next one too (as Qt does for radio buttons).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QButtonGroup

_ARROWS = {Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1}


class RovingButtonGroup(QButtonGroup):
    """An exclusive button group with a single Tab stop that follows focus and choice."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setExclusive(True)
        self.buttonToggled.connect(lambda *_: self._update_tab_stop())

    def add(self, button: QAbstractButton, button_id: int) -> None:
        button.setCheckable(True)
        self.addButton(button, button_id)
        button.installEventFilter(self)
        self._update_tab_stop()

    def clear_choice(self) -> None:
        """Leave every button unchosen (an exclusive group cannot do that by itself)."""
        self.setExclusive(False)
        for button in self.buttons():
            button.setChecked(False)
        self.setExclusive(True)
        self._update_tab_stop()

    def set_choice(self, button_id: int | None) -> None:
        button = self.button(button_id) if button_id is not None else None
        if button is None:
            self.clear_choice()
        else:
            button.setChecked(True)

    def choice(self) -> int | None:
        chosen = self.checkedId()
        return None if chosen == -1 else chosen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if not isinstance(watched, QAbstractButton):
            return False
        if event.type() == QEvent.Type.FocusIn:
            self._update_tab_stop(watched)
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = _ARROWS.get(Qt.Key(event.key()))
            if step is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self._move(watched, step)
                return True
        return False

    def _move(self, current: QAbstractButton, step: int) -> None:
        buttons = [b for b in self.buttons() if b.isVisible() and b.isEnabled()]
        if current not in buttons:
            return
        index = buttons.index(current) + step
        if not 0 <= index < len(buttons):
            return
        target = buttons[index]
        if current.isChecked():
            target.click()
        target.setFocus(Qt.FocusReason.TabFocusReason)
        self._update_tab_stop(target)

    def _update_tab_stop(self, focused: QAbstractButton | None = None) -> None:
        buttons = self.buttons()
        if not buttons:
            return
        stop = focused or self.checkedButton() or buttons[0]
        for button in buttons:
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if button is stop else Qt.FocusPolicy.ClickFocus
            )
