# SPDX-License-Identifier: GPL-3.0-or-later
"""The window a key change and a restore share: shown in place of the main window while work
that must be alone with the vault's files runs on a worker.

Both need the same promises kept, so they live in one place: the work starts only once the
app's own background work has let go of the vault (a search index batch, a slot re-wrap, a
backup stopping), and the window cannot be closed while it runs (the work is crash-safe, but
the person should not think it stopped). What runs, its steps and its outcome stay with each.
"""

from __future__ import annotations

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from recovery_desktop.ui.theme import SPACING, make_heading

SETTLE_POLL_MS = 50
SETTLE_LIMIT_MS = 15_000


class ExclusiveWorkWindow(QWidget):
    """A heading, what is happening and why it is safe, a progress bar and the current step.

    `key` names the objects (`<key>_window`, `<key>_progress`, `<key>_step`); the bar runs
    from 0 to `steps`. A subclass sets the words with `explain()`, may add rows to `body`
    (below a stretch), and defines `_start()`, which `begin()` calls once the vault is free.
    """

    def __init__(
        self, key: str, *, steps: int, title: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{key}_window")
        self.setWindowTitle(title or self.tr("Recovery Desktop"))
        self.running = False
        self._waited_ms = 0
        self.heading = QLabel(self)
        make_heading(self.heading, 1.6)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.step = QLabel(self)
        self.step.setObjectName(f"{key}_step")
        self.step.setProperty("role", "muted")
        self.step.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setObjectName(f"{key}_progress")
        self.bar.setRange(0, steps)
        self.bar.setTextVisible(False)
        self.body = QVBoxLayout(self)
        margin = SPACING * 2
        self.body.setContentsMargins(margin, margin, margin, margin)
        self.body.setSpacing(SPACING)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.text)
        self.body.addSpacing(SPACING)
        self.body.addWidget(self.bar)
        self.body.addWidget(self.step)
        self.body.addStretch(1)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 74)

    def explain(self, heading: str, text: str, *, progress_name: str) -> None:
        """The heading, the sentences under it, and what a screen reader calls the bar."""
        self.heading.setText(heading)
        self.text.setText(text)
        self.bar.setAccessibleName(progress_name)

    def show_step_text(self, text: str) -> None:
        """The current step, shown under the bar and told to a screen reader with it."""
        self.step.setText(text)
        self.bar.setAccessibleDescription(text)

    def begin(self) -> None:
        """Start once the app's own background work has let go of the vault (it waits up to
        `SETTLE_LIMIT_MS`): the work must be alone with the files."""
        self.running = True
        if QThreadPool.globalInstance().activeThreadCount() and self._waited_ms < SETTLE_LIMIT_MS:
            self._waited_ms += SETTLE_POLL_MS
            QTimer.singleShot(SETTLE_POLL_MS, self, self.begin)
            return
        self._start()

    def _start(self) -> None:
        """Run the work on a worker; called by `begin()` on the GUI thread."""
        raise NotImplementedError

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.running:
            event.ignore()
            return
        super().closeEvent(event)
