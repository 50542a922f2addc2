# SPDX-License-Identifier: GPL-3.0-or-later
"""A section whose main button starts one long job: "Export…" and "Back up now".

Both keep the same promises while the job runs, so they live here once: the button gives way
to a progress bar with a working Cancel (the keyboard focus moves between the two, never
lost), the bar and a screen reader say how far it is, and one status line says how it ended:
done, stopped with nothing written, or why it failed. What runs and the words that say it
stay with each section.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from recovery_desktop.ui.export.jobs import VaultJob
from recovery_desktop.ui.export.section import Section, plain_label

if TYPE_CHECKING:
    from recovery_desktop.storage import Vault


class JobSection(Section):
    """A `Section` with a start button, a progress row and a status line (`add_job_rows`).

    A subclass connects `start_button` to its own `start()`, which builds a `VaultJob` and
    hands it to `run_job`; it says what a finished job did in `_done(result)` and names the
    controls to disable while the job runs in `idle_controls()`.
    """

    finished = Signal(str)  # "done", "cancelled" or "failed", after the message is shown

    def __init__(self, key: str, parent: QWidget | None = None, vault: Vault | None = None) -> None:
        super().__init__(key, parent, vault)
        self.job: VaultJob | None = None

    def add_job_rows(
        self, name: str, *, start: tuple[str, str], progress: str, cancel: str
    ) -> None:
        """The start button (its text and accessible name), then the progress bar with Cancel
        (their accessible names), then the status line; object names `<name>_start`,
        `<name>_progress`, `<name>_cancel` and `<name>_status`. All but the button hidden."""
        text, accessible = start
        self.start_button = QPushButton(text, self)
        self.start_button.setObjectName(f"{name}_start")
        self.start_button.setAccessibleName(accessible)
        self.start_button.setProperty("primary", True)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_button)
        start_row.addStretch(1)
        self.body.addLayout(start_row)
        self.progress = QProgressBar(self)
        self.progress.setObjectName(f"{name}_progress")
        self.progress.setAccessibleName(progress)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName(f"{name}_cancel")
        self.cancel_button.setAccessibleName(cancel)
        self.cancel_button.clicked.connect(self.cancel)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.body.addLayout(progress_row)
        self.status = plain_label("", self)
        self.status.setObjectName(f"{name}_status")
        self.body.addWidget(self.status)
        self.status.hide()
        self.progress.hide()
        self.cancel_button.hide()

    # --- what a subclass says ------------------------------------------------------------------

    def idle_controls(self) -> tuple[QWidget, ...]:
        """The controls that wait while the job runs (the start button among them)."""
        return (self.start_button,)

    def stopping_words(self) -> str:
        """Said from Cancel until the job has really stopped."""
        raise NotImplementedError

    def cancelled_words(self) -> str:
        """Said once the job has stopped: what was (not) written."""
        raise NotImplementedError

    def _done(self, result: object) -> None:
        raise NotImplementedError

    # --- the job -------------------------------------------------------------------------------

    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def run_job(self, job: VaultJob, starting: str) -> None:
        """Show the progress row (busy until the first count arrives), say `starting`, and
        start `job`; exactly one of `_done`, `_failed` or `_cancelled` follows."""
        job.progressed.connect(self._progressed)
        job.succeeded.connect(self._done)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        self.job = job
        self.progress.setRange(0, 0)
        self._show_running(True)
        self._say(starting, role="muted")
        job.start()

    def cancel(self) -> None:
        if self.job is None or not self.job.running:
            return
        self.job.cancel()
        self.cancel_button.setText(self.tr("Stopping…"))  # stays focusable: focus stays here
        self._say(self.stopping_words(), role="muted")

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(min(done, total))
        percent = 100 * done // total if total else 0
        self.progress.setAccessibleDescription(self.tr("{percent}% done").format(percent=percent))

    def _failed(self, message: str) -> None:
        self._show_running(False)
        self._say(message, role="error")
        self.finished.emit("failed")

    def _cancelled(self) -> None:
        self._show_running(False)
        self._say(self.cancelled_words(), role="muted")
        self.finished.emit("cancelled")

    # --- what the person sees ------------------------------------------------------------------

    def _show_running(self, running: bool) -> None:
        """Swap the start button for the progress row (or back), keeping the keyboard focus
        on whichever of the two the person was on."""
        focused = QApplication.focusWidget() in (self.start_button, self.cancel_button)
        self.cancel_button.setText(self.tr("Cancel"))
        if running:
            self.progress.show()
            self.cancel_button.show()
            if focused:
                self.cancel_button.setFocus()
        for widget in self.idle_controls():
            widget.setEnabled(not running)
        if not running:
            if focused:
                self.start_button.setFocus()
            self.progress.hide()
            self.cancel_button.hide()

    def _say(self, text: str, *, role: str | None) -> None:
        set_role(self.status, role)
        self.status.setText(text)
        self.status.setVisible(bool(text))


def set_role(label: QLabel, role: str | None) -> None:
    """Give `label` the theme's colours for `role` ("muted", "error"; None: plain) now."""
    label.setProperty("role", role or "")
    label.style().unpolish(label)
    label.style().polish(label)
