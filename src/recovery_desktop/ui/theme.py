# SPDX-License-Identifier: GPL-3.0-or-later
"""The app's calm, consistent look: colours, spacing and fonts, in light and dark.

Screens take colours from here rather than hard-coding them, so both schemes stay readable.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtCore import Qt

# Mood 1..5 (awful .. great): a soft scale that reads in both schemes, never alarm-red.
MOOD_COLORS: dict[int, str] = {
    1: "#7b6fb0",
    2: "#6c8fc7",
    3: "#8aa6a3",
    4: "#7fb685",
    5: "#e0b354",
}
ACCENT = "#4f8a8b"
HELP_NOW = "#c0573e"  # warm, visible, not alarming
SPACING = 12


def is_dark() -> bool:
    """True when the system (or the app's palette) is in a dark scheme."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hints is not None else Qt.ColorScheme.Unknown
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def mood_color(mood: int | None) -> QColor:
    return QColor(MOOD_COLORS.get(mood or 0, "#9e9e9e"))
