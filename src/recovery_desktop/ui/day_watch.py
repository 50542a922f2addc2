# SPDX-License-Identifier: GPL-3.0-or-later
"""Noticing a new calendar day before a page takes input (DESIGN §5: the day boundary).

A timer alone is not enough: its clock stops while the computer sleeps, so after waking it
fires up to a minute late, and a check-in touched at 00:01 would be written over yesterday's.
So the watch also runs its check when input reaches a widget inside the page, before that
widget sees it, when the window or the application becomes active, and when the page is shown.
The check is the page's own (a clock read and a compare, microseconds); when it finds a new day
it reloads the page synchronously, so the input that follows lands on today.

Seeing input needs an application-wide event filter, and every event of the app then passes
through Python (thousands while a page builds). So the filter is installed only while the page
is shown (a hidden page takes no input, and is checked again when shown), and it looks at an
event's class, a cheap test, before it asks for the event's type, an enum made in Python.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import (
    QInputMethodEvent,
    QKeyEvent,
    QMouseEvent,
    QTabletEvent,
    QTouchEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QWidget

DAY_WATCH_MS = 60_000  # an idle, open page still moves to the new day within a minute

_INPUT = frozenset(
    int(t)
    for t in (
        QEvent.Type.KeyPress,
        QEvent.Type.InputMethod,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    )
)
# The classes of the events above: only these need their type looked at.
_INPUT_CLASSES = (QKeyEvent, QInputMethodEvent, QMouseEvent, QWheelEvent, QTouchEvent, QTabletEvent)
_ACTIVATION = frozenset(
    int(t) for t in (QEvent.Type.WindowActivate, QEvent.Type.ApplicationStateChange)
)
_SHOW, _HIDE = int(QEvent.Type.Show), int(QEvent.Type.Hide)


class DayWatch(QObject):
    """Calls `check` every `interval_ms`, when `page` is shown, on window or application
    activation while it is shown, and before any input reaches `page` or a widget inside it.
    Lives on the GUI thread, as a child of `page` (deleted with it, which also removes its
    application-wide event filter)."""

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
        page.installEventFilter(self)  # its Show and Hide: when to watch the whole app
        if page.isVisible():
            self._watch(True)

    @property
    def watching(self) -> bool:
        """True while the application-wide filter is installed (the page is shown)."""
        return self._watching

    def _watch(self, on: bool) -> None:
        if on and not self._watching:
            self._app.installEventFilter(self)
        elif not on and self._watching:
            self._app.removeEventFilter(self)
        self._watching = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        page = getattr(self, "_page", None)
        if page is None:
            return False  # the page is being deleted and Python let go of this watch first
        if isinstance(event, _INPUT_CLASSES):
            if (
                int(event.type()) in _INPUT
                and isinstance(watched, QWidget)
                and (watched is page or page.isAncestorOf(watched))
            ):
                self._check()
        elif (
            watched is page
            or watched is self._app
            or (isinstance(watched, QWidget) and watched.isWindow())
        ):
            kind = int(event.type())
            if watched is page and kind in (_SHOW, _HIDE):
                self._watch(kind == _SHOW)
                if kind == _SHOW:
                    self._check()
            elif kind in _ACTIVATION and (watched is self._app or watched is page.window()):
                self._check()
        return False
