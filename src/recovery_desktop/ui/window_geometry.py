# SPDX-License-Identifier: GPL-3.0-or-later
"""The main window's size: its minimum, a first-run size, and whether a saved one still fits.

Every page works from 960x600 up (DESIGN §5), so that is the window's minimum. A saved
geometry is restored only when it still fits a screen and that minimum: the screens may have
changed since it was saved, and an older version may have saved a size the pages no longer fit.
Where on the screen it goes is Qt's: `restoreGeometry` moves a window that would be off-screen.
"""

from __future__ import annotations

import struct

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MINIMUM_SIZE = (960, 600)
_HEADER = struct.Struct(">IHH4i4iiBB")


def saved_size(geometry: QByteArray) -> QSize | None:
    """The window size a `saveGeometry()` holds (its normal, unmaximized size), or None when
    it cannot be read. Qt's own restore shrinks a size too large for the screen quietly, so
    the saved size is read here: magic 0x1D9D0CB, version 3.x, frame and normal rectangles
    as (left, top, right, bottom), then screen number and the maximized and full-screen
    flags, big-endian."""
    data = bytes(geometry.data())
    if len(data) < _HEADER.size:
        return None
    magic, major, _minor, *numbers = _HEADER.unpack_from(data)
    if magic != 0x1D9D0CB or major < 1:
        return None
    left, top, right, bottom = numbers[4:8]
    maximized, full_screen = numbers[9], numbers[10]
    if maximized or full_screen:
        return QSize()  # the screen gives the size: an empty size says so
    return QSize(right - left + 1, bottom - top + 1)


def geometry_fits(geometry: QByteArray, minimum: QSize) -> bool:
    """Whether a saved geometry fits a screen and is at least `minimum`."""
    size = saved_size(geometry)
    if size is None:
        return False
    if size.isEmpty():
        return True  # maximized or full screen
    available = [screen.availableGeometry().size() for screen in QGuiApplication.screens()]
    return (
        any(size.width() <= a.width() and size.height() <= a.height() for a in available)
        and size.width() >= minimum.width()
        and size.height() >= minimum.height()
    )


def first_run_size(window: QWidget) -> QSize:
    """Roomy enough for Today's two columns, never larger than the screen (nor the minimum
    smaller, which the window keeps anyway)."""
    char = window.fontMetrics().averageCharWidth()
    available = window.screen().availableGeometry()
    return QSize(
        min(max(char * 220, 1280), int(available.width() * 0.92)),
        min(max(char * 130, 760), int(available.height() * 0.9)),
    )
