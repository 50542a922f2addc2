# SPDX-License-Identifier: GPL-3.0-or-later
"""Filling the search index off the GUI thread after an upgrade (schema 4), so unlocking shows
Today as fast as ever and the Journal says plainly while search is still getting ready."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from recovery_desktop.storage import Vault
from recovery_desktop.ui.workers import Task, TaskHandle, run_in_background

log = logging.getLogger(__name__)


class SearchPreparation(QObject):
    """Runs `SearchIndex.rebuild` on a worker with its own connection, once per unlock.

    `progressed(done, total)` counts entries indexed; `finished` says search is complete.
    `active` is True while results may be incomplete. Lives and signals on the GUI thread;
    `cancel()` (on lock and close) stops the worker after its current short batch.
    """

    progressed = Signal(int, int)
    finished = Signal()

    def __init__(self, vault: Vault, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._handle: TaskHandle | None = None
        self.active = False
        self.failed = False
        self.done = 0
        self.total = 0

    def start_soon(self) -> None:
        """Start once the event loop runs again, so the window that asked is shown first."""
        QTimer.singleShot(0, self, self.start)

    def start(self) -> None:
        if self._handle is not None or not self._vault.is_open:
            return
        index = self._vault.search_index
        if not index.rebuild_pending():
            return
        self.active = not index.complete()
        vault = self._vault

        def rebuild(task: Task) -> bool:
            from recovery_desktop.storage.connection import close_database
            from recovery_desktop.storage.search_index import SearchIndex

            conn = vault.open_connection()
            try:
                return SearchIndex(conn).rebuild(progress=task.report, cancelled=task.cancelled)
            finally:
                close_database(conn)

        self._handle = run_in_background(
            self, rebuild, self._succeeded, self._failed, progress=self._progress
        )

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()

    @property
    def percent(self) -> int:
        return 100 * self.done // self.total if self.total else 0

    def _progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        if done >= total:
            self._complete()
        elif self.active:
            self.progressed.emit(done, total)

    def _succeeded(self, _finished: object) -> None:
        self._complete()

    def _failed(self, error: BaseException) -> None:
        # The index stays as far as it got; the next unlock or CLI search carries on.
        log.warning("Preparing search stopped: %s", type(error).__name__)
        self.failed = True
        self.progressed.emit(self.done, self.total)

    def _complete(self) -> None:
        if self.active:
            self.active = False
            self.finished.emit()
