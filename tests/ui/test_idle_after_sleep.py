# SPDX-License-Identifier: GPL-3.0-or-later
"""The idle lock counts time the computer slept (issue 6, point 12).

Qt's timers stop during suspend; the watcher reads a clock that does not, so a laptop that
slept past the limit locks as soon as it wakes. The clock is injected: a test cannot suspend.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtWidgets import QApplication, QWidget

from recovery_desktop.ui.lock import MINUTE_MS, IdleWatcher, idle_clock


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def wake_up() -> None:
    """What the system sends when the app comes back to the front (after waking, too)."""
    QApplication.sendEvent(QApplication.instance(), QEvent(QEvent.Type.ApplicationStateChange))


def test_a_sleep_past_the_limit_locks_on_waking(qtbot) -> None:
    clock = FakeClock()
    watcher = IdleWatcher(5 * MINUTE_MS, clock=clock)
    try:
        clock.now += 6 * 60  # the lid was closed for six minutes: no Qt timer ran meanwhile
        with qtbot.waitSignal(watcher.idle, timeout=3000):
            wake_up()
    finally:
        watcher.stop()


def test_input_counts_and_a_short_sleep_does_not_lock(qtbot) -> None:
    clock = FakeClock()
    watcher = IdleWatcher(5 * MINUTE_MS, clock=clock)
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))
    try:
        clock.now += 4 * 60
        qtbot.mouseMove(widget, QPoint(3, 3))  # someone is here: counting starts again
        qtbot.mouseMove(widget, QPoint(6, 6))
        clock.now += 4 * 60  # 8 minutes in all, but only 4 since the last input
        wake_up()  # checks at once, as a tick would
        assert fired == []
        clock.now += 2 * 60
        qtbot.waitUntil(lambda: fired == [True], timeout=3000)
    finally:
        watcher.stop()


def test_the_idle_clock_moves_forward() -> None:
    first = idle_clock()
    assert idle_clock() >= first
