# SPDX-License-Identifier: GPL-3.0-or-later
"""The window shown while a backup is restored, and what the app says afterwards.

The controller ends the session (drafts saved, connection closed, the session's backups
stopped) and shows this window in place of the main window. The restore runs on a worker
(`storage/restore.py`: checked again, under the vault's exclusive lock, the vault as it was kept
first, one rename commits). Cancel works until that commit; a cancelled, refused or failed
restore changed nothing. Then the unlock window comes back with a plain sentence (`notice`):
"Your vault is back as it was on DATE. It now opens with the passphrase and recovery code of
that day." After that unlock, `RestoredDialog` offers to choose a new passphrase.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from recovery_desktop.storage.layout import BACKUPS_NAME
from recovery_desktop.ui.backup_host import BackupRuns, RestorePlan
from recovery_desktop.ui.exclusive_work_window import SETTLE_LIMIT_MS, ExclusiveWorkWindow
from recovery_desktop.ui.export.backup_words import moment_words
from recovery_desktop.ui.keys.code_steps import button, button_row
from recovery_desktop.ui.theme import make_heading
from recovery_desktop.ui.unlock.common import describe_error
from recovery_desktop.ui.words import QtWords
from recovery_desktop.ui.workers import run_in_background

if TYPE_CHECKING:
    from recovery_desktop.storage.restore import RestoreResult

log = logging.getLogger(__name__)

COMMIT_AT = 95  # of 100: from here the restore finishes whatever happens; Cancel goes away


class RestoreWords(QtWords):
    """What the unlock window says after a restore (ui/words.py)."""


@dataclass
class RestoreOutcome:
    """How the restore went: `result` when it finished; else the `error` (a cancel included)
    and whether it had committed anyway (then the next unlock finishes it)."""

    result: RestoreResult | None
    error: BaseException | None = None
    cancelled: bool = False
    committed: bool = False


def _run_restore(
    plan: RestorePlan, folder: Path, stop: threading.Event, runs: BackupRuns, task
) -> RestoreOutcome:  # noqa: ANN001 - task: a workers.Task
    """On a worker: wait for the session's backups to have stopped (they hold the lock), then
    restore. Every error is an outcome, told in plain words."""
    from recovery_desktop.storage.layout import RESTORE_IN_PROGRESS
    from recovery_desktop.storage.restore import RestoreCancelledError, restore_backup

    runs.stop_all(wait_seconds=SETTLE_LIMIT_MS / 1000)
    try:
        result = restore_backup(
            plan.backup, folder, plan.secret, plan.slot,
            progress=task.report, cancelled=stop.is_set,
        )  # fmt: skip
    except RestoreCancelledError as error:
        return RestoreOutcome(None, error, cancelled=True)
    except Exception as error:  # noqa: BLE001 - said in plain words on the unlock window
        log.warning("A restore stopped: %s", type(error).__name__)
        committed = (folder / RESTORE_IN_PROGRESS).is_dir()
        return RestoreOutcome(None, error, committed=committed)
    return RestoreOutcome(result)


class RestoreWindow(ExclusiveWorkWindow):
    """Progress of a restore with a Cancel that works until the commit; emits
    `finished_restore(RestoreOutcome)` on the GUI thread. Cannot be closed while it runs."""

    finished_restore = Signal(object)

    def __init__(
        self,
        plan: RestorePlan,
        folder: Path,
        runs: BackupRuns,
        *,
        title: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("restore", steps=100, title=title, parent=parent)
        self._plan: RestorePlan | None = plan
        self._folder = Path(folder)
        self._runs = runs
        self._stop = threading.Event()
        self.explain(
            self.tr("Restoring your backup"),
            self.tr(
                "Your vault is being put back as it was on {when}. Your journal as it is now is "
                "kept first as a backup in {kept}.\n\nIf the computer stops before this is done, "
                "nothing is lost: the vault opens as it was, or as the backup, never half of "
                "each."
            ).format(when=moment_words(plan.created_at), kept=self._folder / BACKUPS_NAME),
            progress_name=self.tr("Progress of the restore"),
        )
        self.cancel_button = button(
            self, self.tr("Cancel"), "restore_window_cancel", self.tr("Cancel the restore")
        )
        self.cancel_button.clicked.connect(self.cancel)
        self.body.addLayout(button_row(self.cancel_button))
        self._show_step(0)
        char = self.fontMetrics().averageCharWidth()
        fit_height(self, char * 86, char * 40)

    def _start(self) -> None:
        """The restore on a worker, unless it was cancelled while the app's own background
        work let go of the vault (a backup stopping, a search index batch)."""
        plan, folder, stop, runs = self._plan, self._folder, self._stop, self._runs
        assert plan is not None
        if stop.is_set():
            self._done(RestoreOutcome(None, None, cancelled=True))
            return
        run_in_background(
            self,
            lambda task: _run_restore(plan, folder, stop, runs, task),
            self._done,
            self._crashed,
            progress=lambda done, total: self._show_step(100 * done // max(total, 1)),
        )

    def cancel(self) -> None:
        if not self.running or not self.cancel_button.isEnabled():
            return
        self._stop.set()
        self.cancel_button.setEnabled(False)
        self.step.setText(self.tr("Stopping… your vault stays as it was."))

    def _show_step(self, percent: int) -> None:
        self.bar.setValue(max(0, min(100, percent)))
        if self._stop.is_set():
            return
        if percent < 10:
            text = self.tr("Checking the backup with its passphrase…")
        elif percent < 60:
            text = self.tr("Copying the backup into your vault's folder…")
        elif percent < COMMIT_AT:
            text = self.tr("Checking the copy, and keeping your journal as it is now…")
        else:
            text = self.tr("Putting the backup in place…")
            self.cancel_button.setEnabled(False)  # committed: it finishes whatever happens
        self.show_step_text(text)

    def _done(self, outcome: RestoreOutcome) -> None:
        self.running = False
        self._plan = None  # the secret goes with it
        self.finished_restore.emit(outcome)

    def _crashed(self, error: BaseException) -> None:  # a bug: _run_restore catches the rest
        from recovery_desktop.storage.layout import RESTORE_IN_PROGRESS

        committed = (self._folder / RESTORE_IN_PROGRESS).is_dir()
        self._done(RestoreOutcome(None, error, committed=committed))


def fit_height(window: QWidget, width: int, height: int) -> None:
    """Size a window to `width`, and tall enough for its wrapped text at that width."""
    layout = window.layout()
    if layout is not None and layout.hasHeightForWidth():
        height = max(height, layout.totalHeightForWidth(width))
    window.resize(width, height)


def restored_sentence(result: RestoreResult) -> str:
    """The first thing the unlock window says after a restore."""
    if result.created_at is None:
        back = RestoreWords.tr("Your vault is back as it was when the backup was made.")
    else:
        back = RestoreWords.tr("Your vault is back as it was on {when}.").format(
            when=moment_words(result.created_at)
        )
    if result.key_file_changed:
        opens = RestoreWords.tr("It now opens with the passphrase and recovery code of that day.")
    else:
        opens = RestoreWords.tr("It opens with the same passphrase and recovery code as before.")
    return f"{back} {opens}"


def notice_after(outcome: RestoreOutcome) -> tuple[str, bool]:
    """(What the unlock window says after the restore window, whether it is good news)."""
    if outcome.result is not None:
        lines = [restored_sentence(outcome.result)]
        if outcome.result.kept is not None:
            lines.append(
                RestoreWords.tr(
                    "Your journal as it was just before is kept in {path}: you can restore it "
                    "the same way."
                ).format(path=outcome.result.kept.path)
            )
        if outcome.result.upgrade_pending:
            lines.append(
                RestoreWords.tr(
                    "The backup comes from an earlier version: it is brought up to date as you "
                    "unlock."
                )
            )
        return "\n\n".join(lines), True
    if outcome.committed:
        return (
            RestoreWords.tr(
                "The backup was put in place, and the last step finishes as you unlock. Unlock "
                "with the passphrase or recovery code of the backup. ({reason})"
            ).format(reason=describe_error(outcome.error) if outcome.error else ""),
            True,
        )
    if outcome.cancelled:
        return (
            RestoreWords.tr("The restore was stopped. Your vault is as it was: unlock it as usual."),
            False,
        )
    reason = describe_error(outcome.error) if outcome.error is not None else ""
    return (
        RestoreWords.tr(
            "The backup was not restored: {reason}\n\nYour vault is as it was: unlock it as usual."
        ).format(reason=reason),
        False,
    )


class RestoredDialog(QDialog):
    """Over the main window after the first unlock that follows a restore: it says what opens
    the vault now and offers a new passphrase (`change_requested`)."""

    change_requested = Signal()

    def __init__(self, result: RestoreResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restored_dialog")
        self.setWindowTitle(self.tr("Your vault is back"))
        heading = QLabel(self.tr("Your vault is back"), self)
        make_heading(heading, 1.3)
        self.text = QLabel(
            restored_sentence(result)
            + "\n\n"
            + self.tr(
                "Would you like to choose a new passphrase now? You can also do it later in "
                "Settings."
            ),
            self,
        )
        self.text.setObjectName("restored_text")
        self.text.setWordWrap(True)
        self.later_button = button(self, self.tr("Not now"), "restored_later", self.tr("Not now"))
        self.later_button.clicked.connect(self.reject)
        self.change_button = button(
            self, self.tr("Choose a new passphrase…"), "restored_change_passphrase",
            self.tr("Choose a new passphrase"), primary=True,
        )  # fmt: skip
        self.change_button.setDefault(True)
        self.change_button.clicked.connect(self._change)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.text)
        layout.addStretch(1)
        layout.addLayout(button_row(self.change_button, self.later_button))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def _change(self) -> None:
        self.accept()
        self.change_requested.emit()
