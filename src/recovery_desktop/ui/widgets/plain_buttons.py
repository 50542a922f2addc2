# SPDX-License-Identifier: GPL-3.0-or-later
"""Dialog buttons that look like every other button: words, no icons.

On some desktops Qt gives the standard buttons of a QDialogButtonBox (Save, Cancel, Close)
an icon, when the platform theme asks for it; no other button in the app has one, so the
app's dialogs take them off again (DESIGN §5: one visual language).
"""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialogButtonBox


def without_icons(box: QDialogButtonBox) -> QDialogButtonBox:
    """Take the icons off `box`'s buttons (call after its buttons are made); returns `box`."""
    for button in box.buttons():
        button.setIcon(QIcon())
    return box
