# SPDX-License-Identifier: GPL-3.0-or-later
"""Noticing a new calendar day before a page takes input (DESIGN §5: the day boundary).

A timer alone is not enough: its clock stops while the computer sleeps, so after waking it
fires up to a minute late, and a check-in touched at 00:01 would be written over yesterday's.
So the watch also runs its check when input reaches a widget inside the page, before that
widget sees it, and when the window or the application becomes active. The check is the
page's own (a clock read and a compare, microseconds); when it finds a new day it reloads the
page synchronously, so the input that follows lands on today.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
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
_ACTIVATION = frozenset(
    int(t) for t in (QEvent.Type.WindowActivate, QEvent.Type.ApplicationStateChange)
)


class DayWatch(QObject):
    """Calls `check` every `interval_ms`, on window or application activation, and before any
    input reaches `page` or a widget inside it. Lives on the GUI thread, as a child of `page`
    (deleted with it, which also removes its application-wide event filter)."""

    def __init__(
        self, page: QWidget, check: Callable[[], None], interval_ms: int = DAY_WATCH_MS
    ) -> None:
        super().__init__(page)
        self._page = page
        self._check = check
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(check)
        self.timer.start()
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = int(event.type())
        if kind in _INPUT:
            if isinstance(watched, QWidget) and (
                watched is self._page or self._page.isAncestorOf(watched)
            ):
                self._check()
        elif kind in _ACTIVATION and (
            watched is QApplication.instance()
            or (isinstance(watched, QWidget) and watched is self._page.window())
        ):
            self._check()
        return False
