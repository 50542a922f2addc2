# SPDX-License-Identifier: GPL-3.0-or-later
"""The backups the app is writing now (`BackupRuns`), apart from the page-facing `BackupHost`.

The controller holds one `BackupRuns` from start-up, so this module stays light (threading
only): it is imported before the unlock window is shown. `backup_host.py` re-exports it.
"""

from __future__ import annotations

import threading

STOP_WAIT_SECONDS = 10.0  # a stopped backup answers within one 1 MiB copy step


class BackupRun:
    """One backup on a worker. `stop` asks it to stop (the worker polls `cancelled()`); the
    worker sets `done` when its work has returned, partial folder removed."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.done = threading.Event()

    def cancelled(self) -> bool:
        return self.stop.is_set()


class BackupRuns:
    """The backups in flight; thread-safe (workers call `end`)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._runs: set[BackupRun] = set()

    def begin(self) -> BackupRun:
        run = BackupRun()
        with self._lock:
            self._runs.add(run)
        return run

    def end(self, run: BackupRun) -> None:
        """From the worker, in a `finally`: the run's work has returned."""
        run.done.set()
        with self._lock:
            self._runs.discard(run)

    @property
    def running(self) -> bool:
        with self._lock:
            return bool(self._runs)

    def stop_all(self, wait_seconds: float = 0.0) -> bool:
        """Ask every run to stop; with `wait_seconds`, wait for them to have stopped. True when
        none is left running. (Blocks the calling thread that long at most; a run answers within
        one copy step, a few milliseconds.)"""
        with self._lock:
            runs = list(self._runs)
        for run in runs:
            run.stop.set()
        if wait_seconds <= 0:
            return not runs
        return all(run.done.wait(wait_seconds) for run in runs)
