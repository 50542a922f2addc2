# SPDX-License-Identifier: GPL-3.0-or-later
"""Python's cycle collector runs on the GUI thread, between events, and nowhere else.

A window, page or dialog that Python owns and that sits in a reference cycle (a lambda that holds
its page, a helper that keeps its parent) is freed by the cycle collector, and freeing it deletes
the Qt widget there and then. CPython starts that collector inside whichever allocation crosses
its threshold, on whichever thread makes it. Anywhere but between events on the GUI thread is
wrong for a widget, and two such places crashed (a segfault, heap corruption):

- on a worker thread (a backup reading its rows), which then deleted a window of the GUI while
  the GUI thread was delivering events to it;
- inside Qt's own work on that widget: a row's painting in the Journal allocated, the collection
  it started deleted the page being painted, and Qt went on painting freed memory.

So `collect_on_gui_thread` turns automatic collection off and collects from a timer on the GUI
thread, with CPython's own thresholds: the same objects are freed, a moment later, from the top
of the event loop, where Qt is in the middle of nothing. Explicit `gc.collect()` still works
anywhere. This is the approach of GitFourchette's `gc` module and of the `GarbageCollector`
that Kovid Goyal wrote for PyQt apps.
"""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

CHECK_MS = 500  # how often the GUI thread looks whether a collection is due (a counter read)
_NAME = "gui_thread_collector"


class GuiThreadCollector(QObject):
    """Collects garbage on a timer of the GUI thread (see the module doc). One per application,
    made by `collect_on_gui_thread`; a child of the application."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName(_NAME)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start()

    def collect_due(self) -> int:
        """Collect the generation CPython would have collected by now, if any; returns how many
        unreachable objects were found. Turns automatic collection off again if something
        turned it on."""
        if gc.isenabled():
            gc.disable()
        counts = gc.get_count()
        if self.thresholds[0] <= 0 or counts[0] <= self.thresholds[0]:
            return 0
        for generation in (2, 1, 0):  # the oldest one due, as CPython picks it
            if generation == 0 or counts[generation] > self.thresholds[generation]:
                return gc.collect(generation)
        return 0  # pragma: no cover - generation 0 always returns above


_collector: GuiThreadCollector | None = None


def collect_on_gui_thread(app: QCoreApplication | None = None) -> GuiThreadCollector:
    """Make the application's collector, once; later calls return it. Call on the GUI thread
    before any worker starts (app start-up does, and `run_in_background` makes sure)."""
    global _collector
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("collect_on_gui_thread needs the application to exist")
    # Remembered here, not found with findChild: that would wrap every child of the app in
    # Python (the style's enums alone take ~5 ms), and every `run_in_background` asks.
    existing = _collector
    if existing is not None and shiboken6.isValid(existing) and existing.parent() is app:
        return existing
    if QThread.currentThread() is not app.thread():
        raise RuntimeError("collect_on_gui_thread must be called on the GUI thread")
    _collector = GuiThreadCollector(app)
    return _collector
