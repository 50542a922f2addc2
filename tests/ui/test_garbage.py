# SPDX-License-Identifier: GPL-3.0-or-later
"""Python's cycle collector frees the app's windows on the GUI thread, between events.

Two crashes came from it running anywhere else. A window Python owns that sits in a reference
cycle is deleted by whichever allocation crosses the collector's threshold: a backup's worker
thread deleted a window left from before (a segfault in `row_counts`), and a row's painting in
the Journal's timeline started a collection that deleted the page being painted (heap
corruption, seen under MALLOC_CHECK_).
"""

from __future__ import annotations

import gc
import threading
import weakref

import shiboken6
from PySide6.QtCore import QModelIndex, QObject, QStringListModel, QThreadPool
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from recovery_desktop.ui.garbage import CHECK_MS, GuiThreadCollector, collect_on_gui_thread
from recovery_desktop.ui.workers import run_in_background


def _window_in_a_cycle() -> weakref.ref[QWidget]:
    """A shown window with a list inside, owned by Python and kept only by a cycle (as a lambda
    that holds its page keeps one); returns a weak reference to it."""
    window = QWidget()
    window.resize(300, 200)
    QListView(window).resize(300, 200)
    window.show()
    window.keep = lambda: window  # type: ignore[attr-defined]
    return weakref.ref(window)


def _thread_name() -> str:
    return "gui" if threading.current_thread() is threading.main_thread() else "worker"


def test_a_window_let_go_while_a_worker_runs_is_freed_on_the_gui_thread(qtbot, qapp):
    """The backups' crash: a window a test had let go of was freed by a collection that a
    backup's worker started, and so deleted on the worker's thread."""
    gc.collect()
    freed_on: list[str] = []
    window = _window_in_a_cycle()
    on_free = weakref.ref(window(), lambda _ref: freed_on.append(_thread_name()))
    answers: list[int] = []

    def read_rows_like_a_backup() -> int:
        rows = [[n] for n in range(10 * max(gc.get_threshold()[0], 1))]
        return len(rows)

    run_in_background(QObject(), read_rows_like_a_backup, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    assert freed_on == []  # the worker freed nothing of the GUI's
    assert on_free() is not None
    gc.collect()
    assert freed_on == ["gui"]


class _AllocatingDelegate(QStyledItemDelegate):
    """Paints as the timeline's delegate does (it allocates), and notes whether the window it
    paints in was still there afterwards."""

    def __init__(self, window: weakref.ref[QWidget], parent: QObject) -> None:
        super().__init__(parent)
        self.window = window
        self.allocating = False
        self.seen: list[bool] = []

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if self.allocating:  # enough for a dozen young collections, as much painting makes
            _junk = [[n] for n in range(12 * max(gc.get_threshold()[0], 1))]
        self.seen.append(self.window() is not None)
        super().paint(painter, option, index)


def test_a_window_is_not_freed_in_the_middle_of_painting_itself(qtbot, qapp):
    """The Journal's crash: once a test let go of its page, the page was freed by a collection
    that a row's painting started, with Qt still painting that page."""
    gc.collect()
    ref = _window_in_a_cycle()
    window = ref()
    view = window.findChild(QListView)
    view.setModel(QStringListModel(["a day", "another day"], view))
    delegate = _AllocatingDelegate(ref, view)
    view.setItemDelegate(delegate)
    window.show()
    qtbot.waitUntil(lambda: bool(delegate.seen), timeout=5_000)  # on screen, rows painted
    viewport = view.viewport()
    del window, view  # as a test lets go of its page, which is still on screen
    delegate.seen.clear()
    delegate.allocating = True
    viewport.repaint()
    assert delegate.seen and delegate.seen[0]  # still there while it was being painted
    gc.collect()  # frees it here, between events


def test_the_collector_collects_on_its_timer_with_the_usual_thresholds(qtbot, qapp):
    collector = collect_on_gui_thread(qapp)
    assert isinstance(collector, GuiThreadCollector)
    assert collect_on_gui_thread(qapp) is collector  # once per application
    assert not gc.isenabled() and collector.timer.isActive()
    assert collector.timer.interval() == CHECK_MS

    gc.collect()
    window = _window_in_a_cycle()
    assert collector.collect_due() == 0  # too little garbage yet to be worth a pass
    assert window() is not None
    _young = [[n] for n in range(gc.get_threshold()[0] + 1)]
    qtbot.waitUntil(lambda: window() is None, timeout=5 * CHECK_MS)


def test_the_collector_turns_automatic_collection_off_again_if_something_turned_it_on(qtbot, qapp):
    collector = collect_on_gui_thread(qapp)
    gc.enable()
    try:
        collector.collect_due()
        assert not gc.isenabled()
    finally:
        gc.disable()


def test_no_worker_starts_without_the_collector(qtbot, qapp):
    shiboken6.delete(collect_on_gui_thread(qapp))  # as if the app had not made one
    gc.enable()
    try:
        assert qapp.findChild(GuiThreadCollector) is None
        run_in_background(QObject(), lambda: None, lambda _: None)
        collector = qapp.findChild(GuiThreadCollector)
        assert collector is not None and collector.timer.isActive()
        assert not gc.isenabled()
    finally:
        collect_on_gui_thread(qapp)  # the other tests' one again
    QThreadPool.globalInstance().waitForDone(5000)
