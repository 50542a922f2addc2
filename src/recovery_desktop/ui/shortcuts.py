# SPDX-License-Identifier: GPL-3.0-or-later
"""The main window's keyboard shortcuts, in one table.

Each works anywhere in the main window (not in a dialog over it; Ctrl+L also locks from there,
through `lock.SessionLock`). A shortcut that belongs to one page routes through the window to
that page (Ctrl+N shows the Journal, then starts a new entry).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

# name -> keys (portable text, as QKeySequence reads it); the window gives each name an action.
SHORTCUTS: dict[str, str] = {
    "new_entry": "Ctrl+N",
    "find": "Ctrl+F",
    "save": "Ctrl+S",
    "lock": "Ctrl+L",
}


def install_shortcuts(
    window: QWidget, actions: Mapping[str, Callable[[], object]]
) -> dict[str, QShortcut]:
    """Create a window-wide shortcut for each name in `actions`; returns them by name."""
    made: dict[str, QShortcut] = {}
    for name, action in actions.items():
        shortcut = QShortcut(QKeySequence(SHORTCUTS[name]), window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(action)
        made[name] = shortcut
    return made
