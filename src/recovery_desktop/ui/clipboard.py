# SPDX-License-Identifier: GPL-3.0-or-later
"""What the app puts on the clipboard, and taking it off again (DESIGN §3, issue 6 point 8).

Every copy goes through `copy_text`, which remembers a keyed hash of what was copied (never the
text itself, so the recovery code does not linger in memory for this). On lock and on quit,
`forget_copied` clears the clipboard only if it still holds one of those: something the person
copied since, from this app or another, is left alone.

A secret (the recovery code) also carries `x-kde-passwordManagerHint: secret`, which KDE's
Klipper and other clipboard managers read as "do not keep this in the history".
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from PySide6.QtCore import QByteArray, QMimeData
from PySide6.QtGui import QGuiApplication

SECRET_HINT_FORMAT = "x-kde-passwordManagerHint"

_KEY = secrets.token_bytes(32)
_copied: set[bytes] = set()


def _digest(text: str) -> bytes:
    return hmac.new(_KEY, text.encode("utf-8", "surrogatepass"), hashlib.sha256).digest()


def copy_text(text: str, *, secret: bool = False) -> None:
    """Put `text` on the clipboard as plain text; `secret` asks clipboard managers not to keep
    it. Remembered, so lock and quit can take it off again."""
    mime = QMimeData()
    mime.setText(text)
    if secret:
        mime.setData(SECRET_HINT_FORMAT, QByteArray(b"secret"))
    QGuiApplication.clipboard().setMimeData(mime)
    _copied.add(_digest(text))


def holds_what_we_copied() -> bool:
    current = QGuiApplication.clipboard().text()
    return bool(current) and _digest(current) in _copied


def forget_copied() -> bool:
    """On lock and quit: clear the clipboard if it still holds something the app put there.
    Returns whether it did. Either way the app forgets what it copied."""
    cleared = holds_what_we_copied()
    if cleared:
        QGuiApplication.clipboard().clear()
    _copied.clear()
    return cleared


def forget(text: str) -> None:
    """Take `text` off the clipboard, unless something else has been copied since."""
    clipboard = QGuiApplication.clipboard()
    if text and clipboard.text() == text:
        clipboard.clear()
    _copied.discard(_digest(text))
