# SPDX-License-Identifier: GPL-3.0-or-later
"""One application-wide event filter for everything that must notice input anywhere.

The idle lock needs every key press and mouse move in every window; a page's day watch needs
the input that reaches it before the widget does, and the moments a window or the app becomes
active. Seeing those takes an application-wide event filter, and through one, every event of
every object of the app passes through Python, each object wrapped for it (thousands of events
while a page builds). Three such filters made Today open about 30 ms later. So there is one,
shared, installed only while someone listens, and it looks at an event's class (a cheap test)
before its type (an enum made in Python).

Listeners are called with the object the event is for and the event's type as an int: input
(`INPUT`) before the widget sees it, and activation (`ACTIVATION`) for the app or a window.
A listener is held with its owner, a QObject: once the owner is deleted it is no longer called.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import (
    QInputMethodEvent,
    QKeyEvent,
    QMouseEvent,
    QTabletEvent,
    QTouchEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QWidget

Listener = Callable[[QObject, int], None]

INPUT = frozenset(
    int(t)
    for t in (
        QEvent.Type.KeyPress,
        QEvent.Type.InputMethod,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    )
)
ACTIVATION = frozenset(
    int(t) for t in (QEvent.Type.WindowActivate, QEvent.Type.ApplicationStateChange)
)
# The classes of the input events: only these need their type looked at.
_INPUT_CLASSES = (QKeyEvent, QInputMethodEvent, QMouseEvent, QWheelEvent, QTouchEvent, QTabletEvent)


class InputWatch(QObject):
    """The shared filter (see the module doc). Use `InputWatch.listen` and `unlisten`."""

    _shared: InputWatch | None = None

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("input_watch")
        self._app = app
        self._listeners: list[tuple[QObject, Listener]] = []

    @classmethod
    def listen(cls, owner: QObject, listener: Listener) -> None:
        """Call `listener` for input and activation until `unlisten` or `owner` is deleted."""
        watch = cls._get()
        if not watch._listeners:
            watch._app.installEventFilter(watch)
        watch._listeners.append((owner, listener))

    @classmethod
    def unlisten(cls, owner: QObject) -> None:
        """Stop calling what `owner` listens with; the filter goes when nobody listens."""
        watch = cls._shared
        if watch is None or not shiboken6.isValid(watch):
            return
        watch._listeners = [(o, f) for o, f in watch._listeners if o is not owner]
        watch._forget_deleted()

    @classmethod
    def listening(cls, owner: QObject) -> bool:
        watch = cls._shared
        return (
            watch is not None
            and shiboken6.isValid(watch)
            and any(o is owner for o, _ in watch._listeners)
        )

    @classmethod
    def _get(cls) -> InputWatch:
        watch = cls._shared
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        if watch is None or not shiboken6.isValid(watch) or watch._app is not app:
            watch = cls._shared = cls(app)
        return watch

    def _forget_deleted(self) -> None:
        self._listeners = [(o, f) for o, f in self._listeners if shiboken6.isValid(o)]
        if not self._listeners:
            self._app.removeEventFilter(self)

    def _tell(self, watched: QObject, kind: int) -> None:
        for owner, listener in tuple(self._listeners):
            if shiboken6.isValid(owner):
                listener(watched, kind)
            else:
                self._forget_deleted()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if isinstance(event, _INPUT_CLASSES):
            kind = int(event.type())
            if kind in INPUT:
                self._tell(watched, kind)
        elif watched is self._app or (isinstance(watched, QWidget) and watched.isWindow()):
            kind = int(event.type())
            if kind in ACTIVATION:
                self._tell(watched, kind)
        return False
