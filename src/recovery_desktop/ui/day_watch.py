# SPDX-License-Identifier: GPL-3.0-or-later
"""Noticing a new calendar day before a page takes input (DESIGN §5: the day boundary).

A timer alone is not enough: its clock stops while the computer sleeps, so after waking it
fires up to a minute late, and a check-in touched at 00:01 would be written over yesterday's.
So the watch also runs its check when input reaches a widget inside the page, before that
widget sees it, when the window or the application becomes active, and when the page is shown.
The check is the page's own (a clock read and a compare, microseconds); when it finds a new day
it reloads the page synchronously, so the input that follows lands on today.

Seeing input needs an application-wide event filter, and every event of the app then passes
through Python (thousands while a page builds). So the watch listens through the one shared
filter (`InputWatch`, which the idle lock uses too), and only while the page is shown (a hidden
page takes no input, and is checked again when shown).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QWidget

from recovery_desktop.ui.input_watch import ACTIVATION, INPUT, InputWatch

DAY_WATCH_MS = 60_000  # an idle, open page still moves to the new day within a minute

# Input that could write on the page: all of InputWatch's but a mouse passing over it.
_INPUT = INPUT - {int(QEvent.Type.MouseMove)}
_SHOW = int(QEvent.Type.Show)


class DayWatch(QObject):
    """Calls `check` every `interval_ms`, when `page` is shown, on window or application
    activation while it is shown, and before any input reaches `page` or a widget inside it.
    Lives on the GUI thread, as a child of `page` (deleted with it, which also ends its
    listening)."""

    def __init__(
        self, page: QWidget, check: Callable[[], None], interval_ms: int = DAY_WATCH_MS
    ) -> None:
        super().__init__(page)
        self._page = page
        self._check = check
        self._app = QApplication.instance()
        assert self._app is not None
        self._watching = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(check)
        self.timer.start()
        page.installEventFilter(self)  # its Show and Hide: when to listen to the whole app
        if page.isVisible():
            self._watch(True)

    @property
    def watching(self) -> bool:
        """True while it listens to the app's input (the page is shown)."""
        return self._watching

    def _watch(self, on: bool) -> None:
        if on and not self._watching:
            InputWatch.listen(self, self._seen)
        elif not on and self._watching:
            InputWatch.unlisten(self)
        self._watching = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """The page's own events: its Show and Hide say when to listen."""
        if isinstance(event, (QShowEvent, QHideEvent)) and watched is self._page:
            shown = int(event.type()) == _SHOW
            self._watch(shown)
            if shown:
                self._check()
        return False

    def _seen(self, watched: QObject, kind: int) -> None:
        page = getattr(self, "_page", None)
        if page is None:
            return  # the page is being deleted and Python let go of this watch first
        if kind in _INPUT:
            if isinstance(watched, QWidget) and (watched is page or page.isAncestorOf(watched)):
                self._check()
        elif kind in ACTIVATION and (watched is self._app or watched is page.window()):
            self._check()
