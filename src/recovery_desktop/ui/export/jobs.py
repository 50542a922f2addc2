# SPDX-License-Identifier: GPL-3.0-or-later
"""Long exchange work (export, reading a file, the import preview, the import) on a worker.

`VaultJob` wraps `ui.workers.run_in_background` for this package: the work gets a vault
connection of its own (opened and closed on the worker's thread), a `progress(done, total)`
and a `threading.Event` that says "stop". Cancelling sets that event instead of dropping the
task, so the page hears back only once the work has really stopped and cleaned up after
itself (`exchange` removes a half-written file before it raises `Cancelled`): "cancelled,
nothing was written" is then true when it is said.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from recovery_desktop.exchange.progress import Cancelled, ExportError, ImportFileError
from recovery_desktop.ui.words import QtWords
from recovery_desktop.ui.workers import run_in_background

if TYPE_CHECKING:
    from recovery_desktop.storage import Vault
    from recovery_desktop.storage.connection import Connection

log = logging.getLogger(__name__)

Work = Callable[["Connection | None", Callable[[int, int], None], threading.Event], Any]
"""`work(conn, progress, stop)`: runs on the worker; `conn` is None for a job without a vault."""


class VaultJob(QObject):
    """One piece of long work; its signals arrive on the GUI thread.

    Exactly one of `succeeded(result)`, `failed(message)` (a plain sentence) or `cancelled()`
    follows `start()`, then `finished()`. `progressed(done, total)` comes in between. The work
    stops on `cancel()`, and also when `owner` is destroyed (the page is dropped at lock).
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, owner: QObject, work: Work, *, vault: Vault | None = None) -> None:
        super().__init__(owner)
        self._work = work
        self._vault = vault
        self._stop = threading.Event()
        self.running = False
        stop = self._stop
        owner.destroyed.connect(lambda *_: stop.set())

    def start(self) -> None:
        work, vault, stop = self._work, self._vault, self._stop

        def run(task: Any) -> Any:
            if vault is None:
                return work(None, task.report, stop)
            from recovery_desktop.storage.connection import close_database

            conn = vault.open_connection()
            try:
                return work(conn, task.report, stop)
            finally:
                close_database(conn)

        self.running = True
        run_in_background(self, run, self._done, self._error, progress=self._progress)

    def cancel(self) -> None:
        """Ask the work to stop at its next check; `cancelled` follows once it has."""
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def _progress(self, done: int, total: int) -> None:
        if self.running:
            self.progressed.emit(done, total)

    def _done(self, result: object) -> None:
        self.running = False
        self.succeeded.emit(result)
        self.finished.emit()

    def _error(self, error: BaseException) -> None:
        self.running = False
        if isinstance(error, Cancelled):
            self.cancelled.emit()
        else:
            self.failed.emit(plain_error(error))
        self.finished.emit()


class JobWords(QtWords):
    """What an export or import says when it could not finish."""


def plain_error(error: BaseException) -> str:
    """One sentence for the person; a bug is named by its type only (never its text, which
    could hold a line of the journal), and logged the same way."""
    from recovery_desktop.core.validation import ValidationError
    from recovery_desktop.storage.errors import storage_failure_message

    if isinstance(error, ExportError | ImportFileError | ValidationError):
        return str(error)
    if isinstance(error, MemoryError):
        return JobWords.tr("There was not enough memory to finish this. Nothing was written.")
    message = storage_failure_message(error)
    if message is not None:
        return message
    log.error("Export or import failed: %s", type(error).__name__)
    return JobWords.tr(
        "Something went wrong ({kind}), so this did not finish. Nothing was written. Please "
        "report it, with what you were doing."
    ).format(kind=type(error).__name__)
