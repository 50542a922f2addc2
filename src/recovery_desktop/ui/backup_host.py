# SPDX-License-Identifier: GPL-3.0-or-later
"""The session's backups: every backup the app is writing, and how the Export & backup page
reaches the controller to restore one.

A backup holds the vault's use lock (shared) while it copies; a restore and a change of the
vault's key need the vault to themselves. So every backup the GUI writes, by hand or
automatically, is a `BackupRun` in the controller's `BackupRuns`: before a key change, a
restore or quitting, the controller stops them all and waits the moment it takes them to clean
up (a stopped backup removes its hidden partial folder before its work returns). The runs
outlive a session's window: locking drops the page at once, while its backup finishes stopping
on the worker.

The page finds the `BackupHost` on the main window with `BackupHost.near(widget)`, as the
passphrase dialog finds the `KeyChangeHost`; the controller's methods are held weakly (a
window must not keep its controller alive).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from recovery_desktop.ui.backup_runs import STOP_WAIT_SECONDS, BackupRun, BackupRuns

__all__ = ["STOP_WAIT_SECONDS", "BackupHost", "BackupRun", "BackupRuns", "RestorePlan"]


@dataclass
class RestorePlan:
    """A checked backup the person chose to restore, with the secret that opened it. Holds a
    secret: kept only until the restore has run."""

    backup: Path
    secret: str = field(repr=False)
    slot: str
    created_at: datetime | None = None


def _closing_message() -> str:
    return QCoreApplication.translate(
        "BackupHost", "The app is closing, so nothing was restored. Nothing was changed."
    )


class BackupHost(QObject):
    """Lives on the main window. `runs` are the session's backups; `changed` says that a backup
    appeared or went (the automatic one), for the page's list; `automatic_note` is the last
    word about the automatic backup ("" when there is nothing to say).

    `restore_refusal()` says in a sentence why a restore cannot start now (another window or
    program has the vault open), or None; `start_restore(plan)` returns such a sentence and
    changes nothing, or None once the controller has taken over (the session is ending)."""

    changed = Signal()

    def __init__(
        self,
        runs: BackupRuns,
        refusal: Callable[[], str | None],
        start: Callable[[RestorePlan], str | None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backup_host")
        self.runs = runs
        self.automatic_note = ""
        self.automatic_note_is_error = False
        self._refusal = weakref.WeakMethod(refusal)  # type: ignore[arg-type]
        self._start = weakref.WeakMethod(start)  # type: ignore[arg-type]

    def restore_refusal(self) -> str | None:
        refusal = self._refusal()
        return _closing_message() if refusal is None else refusal()

    def start_restore(self, plan: RestorePlan) -> str | None:
        start = self._start()
        return _closing_message() if start is None else start(plan)

    def note_automatic(self, text: str, *, error: bool) -> None:
        self.automatic_note = text
        self.automatic_note_is_error = error
        self.changed.emit()

    @staticmethod
    def near(widget: QWidget | None) -> BackupHost | None:
        """The host of the window `widget` belongs to (through dialogs over dialogs)."""
        while widget is not None:
            host = widget.findChild(
                BackupHost, "backup_host", Qt.FindChildOption.FindDirectChildrenOnly
            )
            if host is not None:
                return host
            widget = widget.parentWidget()
        return None
