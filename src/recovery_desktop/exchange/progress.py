# SPDX-License-Identifier: GPL-3.0-or-later
"""What long exchange work shares: progress reports, cancellation and plain-worded errors.

Every long function here takes `progress(done, total)` (called on the worker's thread, between
chunks) and `cancelled`, either a callable returning True to stop or a `threading.Event`.
Cancellation is checked between chunks and raises `Cancelled`; the work then leaves nothing
behind (no partial file, no half import).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool] | threading.Event | None


class Cancelled(Exception):
    """The person cancelled; nothing was written."""

    def __init__(self) -> None:
        super().__init__("Cancelled. Nothing was written.")


class ExportError(Exception):
    """An export could not be written. `str(error)` is a plain sentence for the person."""


class ImportFileError(Exception):
    """A file could not be imported as it is. `str(error)` is a plain sentence for the person,
    naming the file's problem; nothing was written."""


def cancel_check(cancelled: CancelCheck) -> Callable[[], bool]:
    """`cancelled` as a plain callable."""
    if cancelled is None:
        return lambda: False
    if isinstance(cancelled, threading.Event):
        return cancelled.is_set
    return cancelled


class Meter:
    """Counts work done, reports it and stops on cancel: one object to pass into loops."""

    def __init__(self, total: int, progress: Progress | None, cancelled: CancelCheck) -> None:
        self.total = max(0, total)
        self.done = 0
        self._progress = progress
        self._cancelled = cancel_check(cancelled)

    def check(self) -> None:
        """Raise `Cancelled` if the person asked to stop."""
        if self._cancelled():
            raise Cancelled()

    def advance(self, amount: int) -> None:
        """Count `amount` more units done, report, then stop here if cancelled."""
        self.done = min(self.total, self.done + amount) if self.total else self.done + amount
        if self._progress is not None:
            self._progress(self.done, self.total)
        self.check()

    def report(self, done: int) -> None:
        """Report `done` units (work that checks for cancel on its own, such as indexing)."""
        self.done = min(self.total, done)
        if self._progress is not None:
            self._progress(self.done, self.total)

    def following(self) -> Progress:
        """A `progress` for work measured on its own scale (the search index counts every
        entry in the vault): its steps from the first report on are added to ours."""
        base = self.done
        first: list[int] = []

        def follow(done: int, _total: int) -> None:
            if not first:
                first.append(done)
            self.report(base + done - first[0])

        return follow

    def finish(self) -> None:
        self.done = self.total
        if self._progress is not None:
            self._progress(self.total, self.total)
