# SPDX-License-Identifier: GPL-3.0-or-later
"""The counselor report dialog: choose, look at the pages, then save as PDF or print.

Reading the vault and drawing the charts run off the GUI thread (`run_in_background`, on a
connection of the worker's own), as does saving, with progress and a working Cancel; a
cancelled save leaves no file. The preview lays out the pages on the GUI thread (about 0.1 s;
Qt's text layout must be painted on the thread that made it) as
`exchange.report_pdf.ReportPages`, which the PDF and the printer are painted from too, so what
is seen is what is saved. No printer exists until the person clicks Print…: making one asks the
system's print service for its printers (a socket), and the app opens none unasked.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.exchange.progress import Cancelled, ExportError
from recovery_desktop.exchange.report_content import ReportError, ReportOptions, report_sources_on
from recovery_desktop.exchange.report_pdf import (
    PreparedReport,
    ReportPages,
    default_paper,
    ensure_fonts,
    prepare_report,
    write_report,
)
from recovery_desktop.storage import Vault
from recovery_desktop.storage.connection import close_database
from recovery_desktop.storage.errors import storage_failure_message
from recovery_desktop.ui.report.options_form import ReportOptionsForm
from recovery_desktop.ui.report.page_view import ReportPageView
from recovery_desktop.ui.theme import SPACING, make_heading
from recovery_desktop.ui.today.card import muted_label
from recovery_desktop.ui.workers import TaskHandle, run_in_background

PREVIEW_DELAY_MS = 400  # typing pauses this long before the preview is made again


def _prepare_on_worker(vault: Vault, options: ReportOptions, today: date):
    """The slow half, for a worker thread: its own connection, closed afterwards."""

    def run(task) -> PreparedReport:
        conn = vault.open_connection()
        try:
            return prepare_report(
                report_sources_on(conn),
                options,
                today,
                progress=task.report,
                cancelled=task.cancelled,
            )
        finally:
            close_database(conn)

    return run


def _save_on_worker(vault: Vault, options: ReportOptions, path: Path, today: date, prepared):
    def run(task):
        conn = vault.open_connection()
        try:
            return write_report(
                report_sources_on(conn),
                options,
                path,
                today,
                prepared=prepared,
                progress=task.report,
                cancelled=task.cancelled,
            )
        finally:
            close_database(conn)

    return run


class ReportDialog(QDialog):
    """`open_report_dialog(vault, parent)` shows one; the vault's own connection is never used
    off the GUI thread (workers open their own)."""

    def __init__(self, vault: Vault, parent: QWidget | None = None, *, today: date | None = None):
        super().__init__(parent)
        self.setObjectName("report_dialog")
        self.setWindowTitle(self.tr("Counselor report"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ensure_fonts()
        self._vault = vault
        self._today = today or date.today()
        self._prepared: PreparedReport | None = None
        self._pages: ReportPages | None = None
        self._job: TaskHandle | None = None
        self._job_kind = ""
        self.saved_to: Path | None = None

        heading = QLabel(self.tr("A report for your counselor"), self)
        make_heading(heading, 1.4)
        intro = muted_label(
            self.tr(
                "Choose what goes in, look at the pages, then save them as a PDF or print them. "
                "You decide what to share."
            ),
            self,
        )
        self.form = ReportOptionsForm(self._today, default_paper(), self)
        self.form.changed.connect(self._options_changed)
        scroll = QScrollArea(self)
        scroll.setObjectName("report_options_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(self.fontMetrics().averageCharWidth() * 46)

        self.preview = ReportPageView(self)
        self.preview.page_changed.connect(self._show_page)
        self.pages = QLabel(self)
        self.pages.setObjectName("report_pages")
        self.previous_page = self._button("report_previous_page", self.tr("Previous page"), "‹")
        self.next_page = self._button("report_next_page", self.tr("Next page"), "›")
        self.previous_page.clicked.connect(lambda: self._turn(-1))
        self.next_page.clicked.connect(lambda: self._turn(1))
        self.fit = self._zoom_button(
            "report_fit_width", self.tr("Fit the pages to the width"), self.tr("Fit width")
        )
        self.whole_page = self._zoom_button(
            "report_whole_page", self.tr("Show a whole page at a time"), self.tr("Whole page")
        )
        zoom = QButtonGroup(self)
        zoom.setExclusive(True)
        zoom.addButton(self.fit)
        zoom.addButton(self.whole_page)
        (self.fit if self.preview.fits_width() else self.whole_page).setChecked(True)
        self.fit.toggled.connect(self.preview.set_fit_width)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("report_progress")
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("report_status")
        self.status.setWordWrap(True)
        self.cancel = self._button(
            "report_cancel", self.tr("Stop making the report"), self.tr("Cancel")
        )
        self.cancel.clicked.connect(self.cancel_job)
        self.save = self._button(
            "report_save", self.tr("Save the report as a PDF file"), self.tr("Save as PDF…")
        )
        self.save.setProperty("primary", True)
        self.save.clicked.connect(self.save_pdf)
        self.print_button = self._button(
            "report_print", self.tr("Print the report"), self.tr("Print…")
        )
        self.print_button.clicked.connect(self.print_report)
        close = self._button("report_close", self.tr("Close the report"), self.tr("Close"))
        close.clicked.connect(self.close)

        pager = QHBoxLayout()
        pager.addWidget(self.previous_page)
        pager.addWidget(self.pages)
        pager.addWidget(self.next_page)
        pager.addStretch(1)
        pager.addWidget(self.fit)
        pager.addWidget(self.whole_page)
        right = QVBoxLayout()
        right.addLayout(pager)
        right.addWidget(self.preview, 1)
        left = QVBoxLayout()
        left.addWidget(heading)
        left.addWidget(intro)
        left.addWidget(scroll, 1)
        body = QHBoxLayout()
        body.addLayout(left, 0)
        body.addLayout(right, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel)
        bottom.addSpacing(SPACING)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.save)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)
        self.resize(1100, 760)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.make_preview)
        self._set_busy(False)
        self._show_page(0, 0)
        QTimer.singleShot(0, self.make_preview)

    def _button(self, name: str, accessible: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setAutoDefault(False)  # Enter in a field or the pages never turns or saves
        return button

    def _zoom_button(self, name: str, accessible: str, text: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button

    # --- state --------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._job is not None and self._job.running and not self._job.cancelled

    def _set_busy(self, busy: bool, words: str = "") -> None:
        self.progress.setVisible(busy)
        self.cancel.setVisible(busy)
        if busy:
            self.progress.setValue(0)
            self.status.setText(words)
        ready = not busy and self._prepared is not None
        self.save.setEnabled(ready)
        self.print_button.setEnabled(ready)

    def _progressed(self, done: int, total: int) -> None:
        if total:
            self.progress.setValue(done * 100 // total)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setProperty("role", "error" if error else "")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def cancel_job(self) -> None:
        """Stop what is running; a save that stops leaves no file."""
        if self._job is not None and self._job.running:
            self._job.cancel()
            kind = self._job_kind
            self._job = None
            self._set_busy(False)
            self._say(
                self.tr("Stopped. Nothing was saved.")
                if kind == "save"
                else self.tr("Stopped. Change a choice to make the preview again.")
            )

    # --- the preview --------------------------------------------------------------------------

    def _options_changed(self) -> None:
        self._timer.start()

    def make_preview(self) -> None:
        """Read the vault and draw the charts for the chosen options, off the GUI thread."""
        self._timer.stop()
        if self._job is not None and self._job.running:
            self._job.cancel()
        try:
            options = self.form.options()
        except ReportError as error:
            self._prepared = None
            self._set_busy(False)
            self._say(str(error), error=True)
            return
        self._job_kind = "preview"
        self._set_busy(True, self.tr("Making the preview…"))
        self._job = run_in_background(
            self,
            _prepare_on_worker(self._vault, options, self._today),
            self._prepared_ready,
            self._failed,
            self._progressed,
        )

    def _prepared_ready(self, prepared: PreparedReport) -> None:
        self._job = None
        self._prepared = prepared
        self._pages = ReportPages(prepared)
        self.form.set_shared_count(prepared.content.shared_entries)
        self.preview.set_pages(self._pages)
        self._set_busy(False)
        self._say(self.tr("The preview shows the pages as they will be saved."))

    def _show_page(self, page: int, count: int) -> None:
        self.pages.setText(
            self.tr("Page %1 of %2").replace("%1", str(page)).replace("%2", str(count))
            if count
            else self.tr("No pages yet")
        )
        self.previous_page.setEnabled(page > 1)
        self.next_page.setEnabled(page < count)

    def _turn(self, step: int) -> None:
        self.preview.show_page(self.preview.current_page() + step)

    # --- saving and printing ------------------------------------------------------------------

    def _suggested_name(self) -> str:
        period = self._prepared.content.period if self._prepared else None
        if period is None:
            return "recovery-report.pdf"
        return f"recovery-report-{period.first.isoformat()}-to-{period.last.isoformat()}.pdf"

    def save_pdf(self) -> None:
        if self._prepared is None:
            return
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the report"),
            str(Path.home() / self._suggested_name()),
            self.tr("PDF files (*.pdf)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self._job_kind = "save"
        self._set_busy(True, self.tr("Saving the report…"))
        prepared = self._prepared
        self._job = run_in_background(
            self,
            _save_on_worker(self._vault, prepared.options, path, self._today, prepared),
            self._saved,
            self._failed,
            self._progressed,
        )

    def _saved(self, summary) -> None:
        self._job = None
        self.saved_to = summary.path
        self._set_busy(False)
        self._say(
            self.tr("Saved to %1 (%2 pages).")
            .replace("%1", str(summary.path))
            .replace("%2", str(summary.pages))
        )

    def _failed(self, error: BaseException) -> None:
        self._job = None
        self._set_busy(False)
        if isinstance(error, Cancelled):
            self._say(self.tr("Stopped. Nothing was saved."))
        elif isinstance(error, ExportError | ReportError):
            self._say(str(error), error=True)
        else:
            message = storage_failure_message(error)  # locked, unreadable, disk refused
            if message is None:
                raise error
            self._say(
                self.tr("The report could not be made: %1").replace("%1", message), error=True
            )

    def print_report(self) -> None:
        """Print the previewed pages. Only here, because the person asked, is a printer made:
        Qt then asks the system's print service (CUPS on Linux) for the printers."""
        if self._pages is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(self._pages.page_layout)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("report_print_dialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            pages = self._pages.paint_on(printer)
        except OSError:  # the printer refused to start (gone, or a file it cannot write)
            self._say(
                self.tr("The printer could not take the report. Nothing was printed."),
                error=True,
            )
            return
        self._say(self.tr("Sent %1 pages to the printer.").replace("%1", str(pages)))

    # --- closing ------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.cancel_job()
        super().closeEvent(event)

    def reject(self) -> None:
        self.cancel_job()
        super().reject()
