# SPDX-License-Identifier: GPL-3.0-or-later
"""One import, from the file to the result: read and preview, then Import or Cancel.

The file is read whole and compared with the vault on a worker (`exchange.importing`), and the
preview shows what would be added before anything is written. For Daylio the person matches
their own mood names to our 1-5 moods and the preview runs again. Import writes everything in
one short transaction on a worker, with progress and a working Cancel: a cancelled or failed
import leaves the vault as it was.

Also what the People page calls for "Import contacts" (`import_contacts`), and any other page
that wants one kind of import (`start_import`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.exchange.importing import (
    ImportPreview,
    ImportResult,
    preview_import,
    read_import,
    write_import,
)
from recovery_desktop.exchange.progress import Cancelled
from recovery_desktop.ui.export import file_dialogs
from recovery_desktop.ui.export.import_kinds import import_kinds
from recovery_desktop.ui.export.import_preview import ImportPreviewView
from recovery_desktop.ui.export.jobs import VaultJob
from recovery_desktop.ui.export.section import muted_label, plain_label
from recovery_desktop.ui.page import chain_tab_order
from recovery_desktop.ui.theme import SPACING, make_heading

if TYPE_CHECKING:
    from recovery_desktop.storage import Vault
    from recovery_desktop.storage.connection import Connection

READING, PREVIEW, UPDATING, WRITING, DONE, FAILED, CANCELLED = (
    "reading", "preview", "updating", "writing", "done", "failed", "cancelled",
)  # fmt: skip


def start_import(vault: Vault, kind: str, parent: QWidget) -> ImportDialog | None:
    """Ask for a file of `kind` ("daylio", "jrnl", "dayone", "vcard", "json"), then open its
    preview over `parent`. Returns the dialog, already shown (its `imported(ImportResult)`
    says what was added), or None when the person closed the file dialog."""
    about = import_kinds()[kind]
    path = file_dialogs.open_file(parent, about.caption, about.file_filter)
    if path is None:
        return None
    dialog = ImportDialog(vault, kind, path, parent)
    dialog.open()
    dialog.start()
    return dialog


def import_contacts(vault: Vault, parent: QWidget) -> ImportDialog | None:
    """The People page's "Import contacts from a vCard file": the same flow as here.
    Connect `imported` to re-read the list once contacts were added."""
    return start_import(vault, "vcard", parent)


class ImportDialog(QDialog):
    """Read `path` as `kind`, preview it against `vault`, and import it when asked.

    `preview_shown(ImportPreview)` each time a preview is on screen; `imported(ImportResult)`
    once the import is written; `state` says where the flow is (tests read it)."""

    preview_shown = Signal(object)
    imported = Signal(object)

    def __init__(self, vault: Vault, kind: str, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        about = import_kinds()[kind]
        self.setObjectName("import_dialog")
        self.setWindowTitle(about.title)
        self.setAccessibleName(about.title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.vault = vault
        self.kind = kind
        self.path = Path(path)
        self.state = READING
        self.preview: ImportPreview | None = None
        self.job: VaultJob | None = None
        self._generation = 0

        heading = QLabel(about.title, self)
        heading.setObjectName("import_heading")
        heading.setWordWrap(True)
        make_heading(heading, 1.3)
        file_line = muted_label(self.tr("File: {name}").format(name=self.path.name), self)
        file_line.setObjectName("import_file")
        file_line.setToolTip(str(self.path))
        self.status = plain_label("", self)
        self.status.setObjectName("import_status")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("import_progress")
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.setTextVisible(False)

        self.view = ImportPreviewView()
        self.view.mood_changed.connect(self._mood_changed)
        self.view.mood_rows_built.connect(self._chain_tab_order)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("import_preview_scroll")
        self.scroll.setAccessibleName(self.tr("What the import would add"))
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrow keys scroll long lists
        self.scroll.setWidget(self.view)

        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("import_cancel")
        self.cancel_button.setAccessibleName(self.tr("Cancel the import"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setObjectName("import_confirm")
        self.import_button.setAccessibleName(self.tr("Import"))
        self.import_button.setProperty("primary", True)
        self.import_button.clicked.connect(self.write)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)

        layout = QVBoxLayout(self)
        margin = SPACING * 2
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(SPACING)
        layout.addWidget(heading)
        layout.addWidget(file_line)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)
        char = max(1, self.fontMetrics().averageCharWidth())
        line = self.fontMetrics().height()
        self.setMinimumWidth(char * 64)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(char * 100, screen.width()), min(line * 40, screen.height() * 17 // 20))
        self.scroll.hide()
        self.import_button.setEnabled(False)
        self._chain_tab_order()

    # --- reading and the preview -------------------------------------------------------------

    def start(self) -> None:
        """Read the whole file and compare it with the vault, on a worker."""
        kind, path = self.kind, self.path

        def work(conn: Connection | None, _progress: object, stop: threading.Event) -> object:
            batch = read_import(kind, path)
            if stop.is_set():
                raise Cancelled()
            return preview_import(conn, batch)

        self._set_state(READING)
        self._run_preview(work)

    def _mood_changed(self, name: str, level: int | None) -> None:
        if self.preview is None or self.state not in (PREVIEW, UPDATING):
            return
        batch = self.preview.batch.with_mood_mapping({name: level})  # type: ignore[attr-defined]
        self._set_state(UPDATING)
        self._run_preview(lambda conn, _progress, _stop: preview_import(conn, batch))

    def _run_preview(self, work: Callable[..., object]) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()  # an older preview: its answer is no longer wanted
        self._generation += 1
        generation = self._generation
        job = VaultJob(self, work, vault=self.vault)
        job.succeeded.connect(lambda preview: self._previewed(preview, generation))
        job.failed.connect(lambda message: self._preview_failed(message, generation))
        self.job = job
        job.start()

    def _previewed(self, preview: ImportPreview, generation: int) -> None:
        if generation != self._generation or self.state not in (READING, UPDATING):
            return
        first = self.preview is None
        self.preview = preview
        self.view.show_preview(preview)
        self._set_state(PREVIEW)
        if first:
            target = self.import_button if preview.can_write else self.cancel_button
            target.setFocus()
        self.preview_shown.emit(preview)

    def _preview_failed(self, message: str, generation: int) -> None:
        if generation != self._generation or self.state not in (READING, UPDATING):
            return
        self.status.setText(message)
        self._set_state(FAILED)

    # --- the import --------------------------------------------------------------------------

    def write(self) -> None:
        """Write what the preview found new, in one transaction, on a worker."""
        preview = self.preview
        if self.state != PREVIEW or preview is None or not preview.can_write:
            return

        def work(conn: Connection | None, progress, stop) -> ImportResult:  # noqa: ANN001
            return write_import(conn, preview, progress=progress, cancelled=stop)

        job = VaultJob(self, work, vault=self.vault)
        job.progressed.connect(self._progressed)
        job.succeeded.connect(self._written)
        job.failed.connect(self._write_failed)
        job.cancelled.connect(self._write_cancelled)
        self.job = job
        self.cancel_button.setFocus()
        self._set_state(WRITING)
        job.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(min(done, total))

    def _written(self, result: ImportResult) -> None:
        added = self.view.counted(result.added)
        lines = [self.tr("Imported: {what}.").format(what=added or self.tr("nothing new"))]
        if result.duplicates:
            lines.append(
                self.tr("{count} already in your vault stayed as they were.").format(
                    count=QLocale().toString(result.duplicates)
                )
            )
        if not result.search_complete:
            lines.append(self.tr("Search will find the new entries fully after you next unlock."))
        self.status.setText("\n".join(lines))
        self._set_state(DONE)
        self.imported.emit(result)

    def _write_failed(self, message: str) -> None:
        self.status.setText(message)
        self._set_state(FAILED)

    def _write_cancelled(self) -> None:
        self.status.setText(self.tr("Import cancelled. Nothing was written."))
        self._set_state(CANCELLED)

    # --- closing -----------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel: while writing, stop the import and stay to say how it ended; otherwise
        drop any preview work and close (nothing was written)."""
        if self.state == WRITING:
            if self.job is not None:
                self.job.cancel()
            self.cancel_button.setText(self.tr("Stopping…"))
            self.status.setText(self.tr("Stopping the import…"))
            return
        if self.job is not None and self.job.running:
            self.job.cancel()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.state == WRITING:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    # --- what the person sees ----------------------------------------------------------------

    def _set_state(self, state: str) -> None:
        self.state = state
        busy = state in (READING, UPDATING, WRITING)
        finished = state in (DONE, FAILED, CANCELLED)
        self.progress.setVisible(busy)
        if state in (READING, UPDATING):
            self.progress.setRange(0, 0)
        self.scroll.setVisible(self.preview is not None and state in (PREVIEW, UPDATING, WRITING))
        for combo in self.view.mood_combos.values():
            combo.setEnabled(state in (PREVIEW, UPDATING))
        if state == READING:
            self.status.setText(self.tr("Reading the file…"))
        elif state == UPDATING:
            self.status.setText(self.tr("Updating the preview…"))
        elif state == PREVIEW:
            self.status.setText(self._preview_status())
        elif state == WRITING:
            self.status.setText(
                self.tr("Importing… Nothing is saved until the end, so Cancel leaves no trace.")
            )
        can_write = state == PREVIEW and self.preview is not None and self.preview.can_write
        self.import_button.setEnabled(can_write)
        self.import_button.setVisible(not finished and state != WRITING)
        self.cancel_button.setText(self.tr("Close") if finished else self.tr("Cancel"))
        self.cancel_button.setAccessibleName(
            self.tr("Close") if finished else self.tr("Cancel the import")
        )
        if finished or (state == PREVIEW and not can_write):
            self.cancel_button.setDefault(True)
            if self.focusWidget() in (self.import_button, None) or finished:
                self.cancel_button.setFocus()
        else:
            self.import_button.setDefault(True)
        self.import_button.setAccessibleDescription(
            self.view.summary.text() if self.preview is not None else ""
        )

    def _preview_status(self) -> str:
        preview = self.preview
        if preview is None or preview.blocked is not None:
            return ""
        if not preview.can_write:
            return self.tr("There is nothing to import from this file.")
        return self.tr("Nothing has been written yet. Look it over, then choose Import.")

    def _chain_tab_order(self) -> None:
        chain_tab_order(
            [self.scroll, *self.view.focus_order(), self.cancel_button, self.import_button]
        )
