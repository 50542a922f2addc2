# SPDX-License-Identifier: GPL-3.0-or-later
"""One helper for slow work off the GUI thread: `run_in_background` (STYLE: "Work off the GUI
thread"; after Picard's `run_task` and Anki's `QueryOp`).

The KDF, demo generation, exports and imports are slow; screens call `run_in_background` instead
of making their own threads. Results come back on the GUI thread through a queued Qt signal, so
callbacks may touch widgets; the background function itself never may.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from recovery_desktop.ui.garbage import collect_on_gui_thread

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised by `Task.check()` when the person asked to stop; reported as a cancellation."""


class Task:
    """What a background function receives when it accepts one argument.

    `report(done, total)` passes progress to the GUI thread (the `progress` callback);
    `cancelled()` says whether the person asked to stop; `check()` raises `Cancelled` if so.
    All three are safe to call from the worker thread.
    """

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> None:
        if shiboken6.isValid(self._signals):
            self._signals.progressed.emit(int(done), int(total))

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class TaskHandle:
    """The GUI thread's view of one background task: cancel it, ask whether it still runs."""

    def __init__(self, task: Task) -> None:
        self._task = task
        self.running = True

    def cancel(self) -> None:
        """Ask the function to stop (it checks `task.cancelled()`); its result is dropped."""
        self._task._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._task.cancelled()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[..., Any], task: Task, signals: _Signals, wants_task: bool):
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._task = task
        self._signals = signals
        self._wants_task = wants_task

    def run(self) -> None:
        try:
            result = self._fn(self._task) if self._wants_task else self._fn()
        except BaseException as error:  # delivered to on_error on the GUI thread
            self._signals.failed.emit(error)
        else:
            self._signals.succeeded.emit(result)


# Tasks in flight: keeps each signal object alive until its result has been delivered.
_in_flight: set[_Delivery] = set()


class _Delivery(_Signals):
    """Lives on the GUI thread; its slots receive the worker's signals there (queued)."""

    def __init__(
        self,
        parent: QObject,
        task: Task | None,
        on_success: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None,
        progress: Callable[[int, int], None] | None,
    ) -> None:
        super().__init__()
        self._parent = parent
        self.task = task
        self.handle: TaskHandle | None = None
        self._on_success = on_success
        self._on_error = on_error
        self._progress = progress
        self.succeeded.connect(self._deliver_success)
        self.failed.connect(self._deliver_error)
        self.progressed.connect(self._deliver_progress)

    def _alive(self) -> bool:
        cancelled = self.task is not None and self.task.cancelled()
        return shiboken6.isValid(self._parent) and not cancelled

    def _finish(self) -> None:
        if self.handle is not None:
            self.handle.running = False
        _in_flight.discard(self)
        self.deleteLater()

    @Slot(object)
    def _deliver_success(self, result: object) -> None:
        self._finish()
        if self._alive():
            self._on_success(result)

    @Slot(object)
    def _deliver_error(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, Cancelled) or not self._alive():
            return
        if self._on_error is None:
            log.error("Background task failed: %s", type(error).__name__)
            raise error
        self._on_error(error)

    @Slot(int, int)
    def _deliver_progress(self, done: int, total: int) -> None:
        if self._progress is not None and self._alive():
            self._progress(done, total)


def _accepts_argument(fn: Callable[..., Any]) -> bool:
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return False
    positional = [
        p
        for p in params
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty
    ]
    return len(positional) == 1 or any(p.kind == p.VAR_POSITIONAL for p in params)


def run_in_background(
    parent: QObject,
    fn: Callable[..., Any],
    on_success: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> TaskHandle:
    """Run `fn` on `QThreadPool.globalInstance()`; deliver its outcome on the GUI thread.

    Contract:
    - `fn` runs on a worker thread and must not touch widgets, Qt models or the GUI thread's
      vault connection (a worker that needs the database opens its own connection). It takes
      no argument, or one `Task` (for `task.report(done, total)` and `task.cancelled()`).
    - `on_success(result)`, `on_error(exception)` and `progress(done, total)` run on the GUI
      thread. Without `on_error`, an exception is logged and re-raised there.
    - If `parent` has been deleted by then, or the task was cancelled, nothing is delivered.
    - Python's cycle collector runs only on the GUI thread from then on (`ui.garbage`): a
      collection on the worker would delete the GUI's widgets there.
    Call from the GUI thread.
    """
    collect_on_gui_thread()
    delivery = _Delivery(parent, None, on_success, on_error, progress)
    task = Task(delivery)
    delivery.task = task
    handle = TaskHandle(task)
    delivery.handle = handle
    _in_flight.add(delivery)
    QThreadPool.globalInstance().start(_Runnable(fn, task, delivery, _accepts_argument(fn)))
    return handle
