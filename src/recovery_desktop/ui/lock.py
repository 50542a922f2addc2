# SPDX-License-Identifier: GPL-3.0-or-later
"""Locking: an idle clock fed by every key press and mouse move, and the lock itself.

DESIGN §3: locking saves open drafts, closes the connection, drops every page and model, takes
off the clipboard what the app put there, and shows the unlock screen. Ctrl+L works from every
window of the session (through `AppKeys`, which reads each window's keys), not only from the
main window; idle time is read through the shared `InputWatch`. `SessionLock` does the first
three for one unlocked session (a vault and its main window); the app controller then shows
the unlock window for the same folder.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from recovery_desktop.storage import Vault
from recovery_desktop.ui.app_keys import AppKeys
from recovery_desktop.ui.clipboard import forget_copied
from recovery_desktop.ui.input_watch import InputWatch
from recovery_desktop.ui.settings_dialog import lock_after_minutes

if TYPE_CHECKING:
    from recovery_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

MINUTE_MS = 60_000

# Input that counts as "someone is here". Deliberately not paint, timer or focus events.
_ACTIVITY = frozenset(
    int(t)
    for t in (
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    )
)
_APP_STATE_CHANGE = int(QEvent.Type.ApplicationStateChange)


def idle_clock() -> float:
    """Seconds on a clock that keeps counting while the computer sleeps.

    Qt's timers (and `time.monotonic`) stop during suspend, so a laptop closed for an hour would
    wake up unlocked with four minutes still to go. Linux's boot-time clock counts sleep and
    never jumps with the wall clock; elsewhere the wall clock is the next best thing.
    """
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    if boottime is not None:
        return time.clock_gettime(boottime)
    return time.time()


class IdleWatcher(QObject):
    """Emits `idle` once after `interval_ms` without key or mouse input anywhere in the app.

    Idle time is measured on `clock` (sleep counts, see `idle_clock`), checked by a short
    repeating tick and whenever the app comes back to the front, so after waking from sleep
    the app locks within a second instead of counting on from where the timer stopped.
    Input only records the time: no timer is restarted per mouse move.
    """

    idle = Signal()
    TICK_MS = 1000

    def __init__(
        self,
        interval_ms: int,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = idle_clock,
    ) -> None:
        super().__init__(parent)
        self.clock = clock  # read for idle time; a test may put in its own
        self._interval_ms = max(1, int(interval_ms))
        self._last_input = clock()
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._check)
        InputWatch.listen(self, self._input)
        self._start_ticking()

    @property
    def interval_ms(self) -> int:
        return self._interval_ms

    def set_interval_ms(self, interval_ms: int) -> None:
        """A new interval, counted from now (also how the lock says "try again later")."""
        self._interval_ms = max(1, int(interval_ms))
        self._last_input = self.clock()
        self._start_ticking()

    def stop(self) -> None:
        self._tick.stop()
        InputWatch.unlisten(self)

    def _start_ticking(self) -> None:
        self._tick.start(min(self.TICK_MS, self._interval_ms))

    def _check(self) -> None:
        if not self._tick.isActive():
            return
        if (self.clock() - self._last_input) * 1000 >= self._interval_ms:
            self._tick.stop()  # once; `set_interval_ms` starts counting again
            self.idle.emit()

    def _input(self, watched: QObject, kind: int) -> None:
        if kind in _ACTIVITY:
            if self._tick.isActive():
                self._last_input = self.clock()
        elif kind == _APP_STATE_CHANGE and watched is QApplication.instance():
            self._check()  # back from sleep or from another app: is the time already up?


class SessionLock(QObject):
    """Locks one session on Ctrl+L, the Lock button or idle time; emits `locked` afterwards.

    `window` is the main window: it has `lock_requested`, `settings_changed`, `flush_pages()`
    and `discard()`. The idle interval comes from the vault's "lock_after_minutes" setting
    unless `idle_interval_ms` is given (tests inject a short one).
    """

    locked = Signal()

    def __init__(
        self,
        vault: Vault,
        window: MainWindow,
        *,
        idle_interval_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.window: MainWindow | None = window
        self._fixed_interval = idle_interval_ms
        self.idle = IdleWatcher(self._interval_ms(), self)
        self.idle.idle.connect(self._lock_when_idle)
        window.lock_requested.connect(self.lock)
        window.settings_changed.connect(self._settings_changed)
        self.is_locked = False
        # Ctrl+L from every window of the session: the main window's own shortcut does not
        # fire while Settings, Help now or any other dialog over it has the focus.
        keys = AppKeys.current()
        if keys is not None:
            keys.add_hook(self, self._key_pressed)

    def _interval_ms(self) -> int:
        if self._fixed_interval is not None:
            return self._fixed_interval
        return lock_after_minutes(self.vault) * MINUTE_MS

    def _key_pressed(self, widget: QWidget, event: QKeyEvent) -> bool:
        if _is_lock_key(event) and self._in_session(widget):
            self.lock()
            return True
        return False

    def _in_session(self, widget: QWidget) -> bool:
        """Is `widget` in the main window or in a dialog over it (however deep)?"""
        window = self.window
        if self.is_locked or window is None or not shiboken6.isValid(window):
            return False
        top: QWidget | None = widget.window()
        while top is not None:
            if top is window:
                return True
            parent = top.parentWidget()
            top = parent.window() if parent is not None else None
        return False

    def _stop_watching(self) -> None:
        self.idle.stop()
        keys = AppKeys.current()
        if keys is not None:
            keys.remove_hook(self)

    def _settings_changed(self) -> None:
        if not self.is_locked:
            self.idle.set_interval_ms(self._interval_ms())

    def lock(self) -> None:
        """Ctrl+L, the Lock button: save drafts, then lock. If a page holds something the vault
        would not take (full disk, an entry too long), ask before throwing it away."""
        self._lock(ask=True)

    def _lock_when_idle(self) -> None:
        """Idle time: lock, unless that would lose unsaved writing; then stay open, say why on
        screen, and try again after the next idle interval. Nothing is lost."""
        self._lock(ask=False)

    def _lock(self, *, ask: bool) -> None:
        if self.is_locked:
            return
        window = self.window
        if window is not None and shiboken6.isValid(window):
            try:
                unsaved = window.flush_pages()
            except Exception:  # a bug in a page: the page's own text is still on screen
                log.exception("A page could not save its draft before locking")
                unsaved = ["?"]
            if unsaved and not (ask and window.confirm_losing_unsaved(self.tr("Lock"))):
                if not ask:
                    window.statusBar().showMessage(
                        self.tr(
                            "Not locked: something you wrote could not be saved yet (see the "
                            "message on the page). Lock with Ctrl+L when it is safe."
                        )
                    )
                self.idle.set_interval_ms(self._interval_ms())
                return
        self.is_locked = True
        self._stop_watching()
        self.window = None
        if window is not None and shiboken6.isValid(window):
            _dismiss_dialogs(window)  # only now: a lock that waits leaves them as they are
            window.discard()
        self.vault.close()
        forget_copied()  # a number or code the app copied; never what the person copied since
        self.locked.emit()

    def shutdown(self) -> None:
        """The window was closed by the person (it saved its pages): close the vault quietly."""
        self.is_locked = True
        self._stop_watching()
        self.window = None
        self.vault.close()


def _is_lock_key(event: QKeyEvent) -> bool:
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() == Qt.Key.Key_L and modifiers == Qt.KeyboardModifier.ControlModifier


def _dismiss_dialogs(window: QWidget) -> None:
    """Close any dialog open over the session (settings, Help now, a page's own dialog)."""
    for dialog in window.findChildren(QDialog):
        if dialog.isVisible():
            dialog.reject()
    modal = QApplication.activeModalWidget()
    while modal is not None and modal is not window:
        if isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()
        following = QApplication.activeModalWidget()
        if following is modal:
            break
        modal = following
