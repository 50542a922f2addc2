# SPDX-License-Identifier: GPL-3.0-or-later
"""The automatic backup after an unlock (issue 9, point 3): once a day, never in the way.

The controller starts it from the event loop once the main window (Today) is shown, after the
slot re-wrap if there is one (one writer of key files at a time). It runs on a worker
(`vault.run_automatic_backup`: quick when none is due, a look at the manifests; else a backup
into the backup folder, then the rotation) as one of the session's `BackupRuns`, so locking,
quitting, a key change and a restore stop it, and it removes its partial folder as it stops.

What the person hears: one quiet line in the status bar when a backup was made; when it could
not be made (a full disk, a folder that went away), the reason in plain words, once per run of
the app for the same reason, in the status bar and on the Export & backup page. Nothing ever
waits for it, and nothing asks.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal

from recovery_desktop.ui.backup_host import BackupHost, BackupRuns
from recovery_desktop.ui.export.backup_words import moment_words
from recovery_desktop.ui.workers import run_in_background

if TYPE_CHECKING:
    from recovery_desktop.storage import Vault
    from recovery_desktop.storage.backup import AutomaticBackupResult
    from recovery_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

MADE_MESSAGE_MS = 8_000


class AutomaticBackup(QObject):
    """Runs the automatic backup for one unlocked session at a time. `done(result)` follows
    each `start` on the GUI thread: the `AutomaticBackupResult`, or None when it was stopped
    or failed (the reason is then said)."""

    done = Signal(object)

    def __init__(self, runs: BackupRuns, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runs = runs
        self._said: set[str] = set()  # failures already told in this run of the app

    def start(self, vault: Vault, window: MainWindow, host: BackupHost) -> None:
        runs = self._runs
        run = runs.begin()

        def work() -> AutomaticBackupResult | None:
            from recovery_desktop.storage.backup import BackupCancelledError

            try:
                return vault.run_automatic_backup(cancelled=run.cancelled)
            except BackupCancelledError:
                return None
            finally:
                runs.end(run)

        def failed(error: BaseException) -> None:
            self._failed(error, run.cancelled(), window, host)

        run_in_background(self, work, lambda result: self._made(result, window, host), failed)

    def _made(
        self, result: AutomaticBackupResult | None, window: MainWindow, host: BackupHost
    ) -> None:
        if result is not None and result.made is not None and shiboken6.isValid(window):
            text = self.tr("Your journal was backed up ({when}).").format(
                when=moment_words(result.made.created_at)
            )
            window.statusBar().showMessage(text, MADE_MESSAGE_MS)
            if shiboken6.isValid(host):
                host.note_automatic(
                    self.tr("The last automatic backup was made on {when}.").format(
                        when=moment_words(result.made.created_at)
                    ),
                    error=False,
                )
        if result is not None and result.not_removed:
            names = ", ".join(path.name for path, _ in result.not_removed)
            reasons = "; ".join(sorted({reason for _, reason in result.not_removed}))
            self._say(
                self.tr(
                    "Some older automatic backups could not be removed ({reason}): {names}. "
                    "They are still there; you can delete them yourself."
                ).format(reason=reasons, names=names),
                window,
                host,
            )
        self.done.emit(result)

    def _failed(
        self, error: BaseException, stopped: bool, window: MainWindow, host: BackupHost
    ) -> None:
        from recovery_desktop.storage.errors import VaultLockedError, storage_failure_message

        if stopped or isinstance(error, VaultLockedError):
            self.done.emit(None)  # locked, quitting, or a key change or restore began
            return
        reason = storage_failure_message(error)
        if reason is None:
            log.error("The automatic backup failed: %s", type(error).__name__)
            reason = self.tr("Something went wrong ({kind}).").format(kind=type(error).__name__)
        self._say(
            self.tr(
                "Today's automatic backup could not be made: {reason} The app tries again the "
                "next time you unlock."
            ).format(reason=reason),
            window,
            host,
        )
        self.done.emit(None)

    def _say(self, text: str, window: MainWindow, host: BackupHost) -> None:
        if shiboken6.isValid(host):
            host.note_automatic(text, error=True)
        if text in self._said:
            return
        self._said.add(text)
        if shiboken6.isValid(window):
            window.statusBar().showMessage(text)
