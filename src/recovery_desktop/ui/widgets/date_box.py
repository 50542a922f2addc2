# SPDX-License-Identifier: GPL-3.0-or-later
"""A date box that Tab leaves, like every other control.

Qt's QDateEdit spends Tab on moving between day, month and year, and while it shows a special
text ("Any date") it keeps Tab for ever: the Journal's "From" filter trapped the keyboard. Here
Tab and Shift+Tab go to the next and previous control at once; Left and Right still move between
the parts of the date, Up and Down change the part under the cursor, and typing works as before.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QWidget

_KEEPS_TAB = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


class DateBox(QDateEdit):
    """QDateEdit whose Tab moves the focus on (see the module doc)."""

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and not event.modifiers() & _KEEPS_TAB
        ):
            forward = event.key() == Qt.Key.Key_Tab and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            # QWidget's own step, not QDateEdit's: it asks the window for the next control.
            if QWidget.focusNextPrevChild(self, forward):
                event.accept()
                return True
        return super().event(event)
