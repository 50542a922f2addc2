# SPDX-License-Identifier: GPL-3.0-or-later
"""Keys that work in every window of the app: F1 opens Help now, Ctrl+Q quits, and Enter
presses the focused button.

A window's own shortcuts stop working while a dialog is over it, and the unlock and set-up
windows have none, so one `AppKeys` filters the keys of every window: it installs itself on
each window as that window takes the keyboard (`focusWindowChanged`), before any key reaches
it. A key a control does not use travels up to its window, where the filter reads it. Not an
application-wide filter: that would see every event of every object of the app (wrapping each
in Python), which made the unlock window appear about 5 ms later and every page slower.

- **F1** (and the platform's Help key) opens Help now from any window: the main window and
  every dialog over it (with the person's own plan and contacts), the unlock window and the
  set-up wizard (the crisis lines). Help is never more than one key away, and Help now can come
  last in the Tab order.
- **Ctrl+Q** (the platform's Quit key, and Ctrl+Q where the platform names none) closes the
  app the way closing its window does: every page saves first, and writing the vault refused
  is asked about before it is thrown away.
- **Enter** on a focused button presses it. A dialog does that by itself; a plain window (the
  unlock window, set-up, the pages) would only take Space.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QPushButton,
    QToolButton,
    QWidget,
)

KeyHook = Callable[[QWidget, QKeyEvent], bool]
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_NO_MODIFIERS = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


def key_bindings(standard: QKeySequence.StandardKey, fallback: str) -> list[QKeySequence]:
    """The platform's keys for `standard`, and `fallback` too when the platform has none or a
    different one (Linux desktops may name no Quit key; people still expect Ctrl+Q)."""
    keys = list(QKeySequence.keyBindings(standard))
    extra = QKeySequence(fallback)
    if extra not in keys:
        keys.append(extra)
    return keys


class AppKeys(QObject):
    """The application-wide keys (see the module doc). `quit_app` is called for Ctrl+Q."""

    _installed: AppKeys | None = None  # one per application (not findChild: see `install`)

    def __init__(self, app: QApplication, quit_app: Callable[[], object]) -> None:
        super().__init__(app)
        self.setObjectName("app_keys")
        self._quit_app = quit_app
        self.help_keys = key_bindings(QKeySequence.StandardKey.HelpContents, "F1")
        self.quit_keys = key_bindings(QKeySequence.StandardKey.Quit, "Ctrl+Q")
        self._hooks: list[tuple[QObject, KeyHook]] = []
        app.focusWindowChanged.connect(self._watch_active_window)
        self._watch_active_window()

    @classmethod
    def install(cls, app: QApplication, quit_app: Callable[[], object]) -> AppKeys:
        """Once per application: a second call replaces what Ctrl+Q does (tests make many
        controllers in one application). Remembered here, not found with `findChild`, which
        would wrap every child of the app in Python (the style's enums alone take ~5 ms)."""
        keys = cls._installed
        if keys is None or not shiboken6.isValid(keys) or keys.parent() is not app:
            keys = cls._installed = cls(app, quit_app)
        keys._quit_app = quit_app
        return keys

    @classmethod
    def current(cls) -> AppKeys | None:
        """The application's keys, once `install`ed."""
        keys = cls._installed
        return keys if keys is not None and shiboken6.isValid(keys) else None

    def add_hook(self, owner: QObject, hook: KeyHook) -> None:
        """Offer every key press of every window to `hook(widget, event)` (True: it took the
        key) until `remove_hook(owner)` or `owner` is deleted: the session's Ctrl+L."""
        self._hooks.append((owner, hook))

    def remove_hook(self, owner: QObject) -> None:
        self._hooks = [(o, h) for o, h in self._hooks if o is not owner and shiboken6.isValid(o)]

    def watch(self, window: QWidget) -> None:
        """Read the keys of `window` (installing twice is harmless: Qt keeps one)."""
        window.installEventFilter(self)

    def _watch_active_window(self, *_: object) -> None:
        for window in (QApplication.activeWindow(), QApplication.activePopupWidget()):
            if window is not None:
                self.watch(window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # The class first: a cheap test, where the type is an enum made in Python.
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(watched, QWidget) or event.isAutoRepeat():
            return False
        pressed = QKeySequence(event.keyCombination())
        if pressed in self.help_keys:
            show_help_now(watched.window())
            return True
        if pressed in self.quit_keys:
            self._quit_app()
            return True
        for owner, hook in tuple(self._hooks):
            if shiboken6.isValid(owner) and hook(watched, event):
                return True
        if event.key() in _ENTER and event.modifiers() in _NO_MODIFIERS:
            focused = QApplication.focusWidget()  # the key came up from it, unused
            return focused is not None and _press_focused_button(focused)
        return False


def show_help_now(over: QWidget) -> None:
    """Open Help now over `over`, the window F1 was pressed in: its owner (the main, unlock or
    set-up window, up through the dialogs over it) knows what to show; Help now itself stays
    as it is."""
    from recovery_desktop.ui.help_now import HelpNowDialog

    if isinstance(over, HelpNowDialog):
        over.raise_()
        over.activateWindow()
        return
    owner: QWidget | None = over
    while owner is not None and not hasattr(owner, "show_help_now"):
        parent = owner.parentWidget()
        owner = parent.window() if parent is not None else None
    if owner is not None:
        owner.show_help_now(over)  # type: ignore[attr-defined]
        return
    dialog = HelpNowDialog.while_locked(over)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()


def _press_focused_button(watched: QWidget) -> bool:
    """Enter on a focused button outside a dialog presses it; True when it did."""
    if not isinstance(watched, QAbstractButton) or not watched.hasFocus():
        return False
    if isinstance(watched.window(), QDialog) or not watched.isEnabled():
        return False  # a dialog has its own Enter: the focused or the default button
    if isinstance(watched, (QPushButton, QToolButton)) and watched.menu() is not None:
        watched.showMenu()
    else:
        watched.click()
    return True
