# SPDX-License-Identifier: GPL-3.0-or-later
"""The "Export your data" section: everything in the vault as JSON, or CSV in a zip or folder.

Private entries stay out unless the person ticks "Include private entries" (unticked every
time the page is built; never remembered). The destination is asked with a dialog that keeps
no history (`file_dialogs`), checked not to be inside the vault's folder, and the export runs
on a worker (`exchange.data_export`) with a progress bar and a working Cancel: the file
appears whole or not at all, also when cancelled.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QRadioButton, QWidget

from recovery_desktop.exchange.data_export import ExportSummary, export_csv, export_json
from recovery_desktop.exchange.files import refuse_inside_vault
from recovery_desktop.exchange.progress import ExportError
from recovery_desktop.ui.export import file_dialogs
from recovery_desktop.ui.export.job_section import JobSection
from recovery_desktop.ui.export.jobs import VaultJob
from recovery_desktop.ui.export.section import muted_label

if TYPE_CHECKING:
    from recovery_desktop.storage import Vault

JSON, CSV_ZIP, CSV_FOLDER = "json", "csv_zip", "csv_folder"
FORMATS = (JSON, CSV_ZIP, CSV_FOLDER)


class ExportSection(JobSection):
    """Choose a format and whether private entries go in, then Export… (a save dialog)."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__("data_export", parent, vault)
        self.set_title(self.tr("Export your data"))
        self.destination: Path | None = None

        self.body.addWidget(
            muted_label(
                self.tr(
                    "A copy of everything in your vault, to keep or to take to another app. "
                    "An export is not encrypted: anyone who has the file can read it."
                ),
                self,
            )
        )
        self.format_group = QButtonGroup(self)
        self.format_buttons: dict[str, QRadioButton] = {}
        labels = {
            JSON: (self.tr("One JSON file"), self.tr("Format: one JSON file")),
            CSV_ZIP: (self.tr("CSV files in a zip"), self.tr("Format: CSV files in a zip")),
            CSV_FOLDER: (
                self.tr("CSV files in a new folder"),
                self.tr("Format: CSV files in a new folder"),
            ),
        }
        for key in FORMATS:
            text, accessible = labels[key]
            button = QRadioButton(text, self)
            button.setObjectName(f"export_format_{key}")
            button.setAccessibleName(accessible)
            self.format_group.addButton(button)
            self.format_buttons[key] = button
            self.body.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.format_buttons[JSON].setChecked(True)
        self.format_hint = muted_label("", self)
        self.format_hint.setObjectName("export_format_hint")
        self.body.addWidget(self.format_hint)
        self.format_group.buttonToggled.connect(self._show_format_hint)
        self._show_format_hint()

        self.include_private = QCheckBox(self.tr("Include private entries"), self)
        self.include_private.setObjectName("export_include_private")
        self.include_private.setAccessibleName(self.tr("Include private entries"))
        private_hint = muted_label(
            self.tr(
                "Entries you marked private stay out of the export, with their tags and notes, "
                "unless you tick this."
            ),
            self,
        )
        private_hint.setObjectName("export_private_hint")
        self.include_private.setAccessibleDescription(private_hint.text())
        self.body.addWidget(self.include_private, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(private_hint)

        self.add_job_rows(
            "export",
            start=(self.tr("Export…"), self.tr("Export your data")),
            progress=self.tr("Export progress"),
            cancel=self.tr("Cancel the export"),
        )
        self.start_button.clicked.connect(self.start)

    # --- choices -----------------------------------------------------------------------------

    def chosen_format(self) -> str:
        for key, button in self.format_buttons.items():
            if button.isChecked():
                return key
        return JSON

    def _show_format_hint(self, *_: object) -> None:
        self.format_hint.setText(
            {
                JSON: self.tr(
                    "Everything in one file, as it is in the vault. Choose this to bring your "
                    "data back into Recovery Desktop later."
                ),
                CSV_ZIP: self.tr(
                    "One spreadsheet file per kind of record (entries, people, goals…), packed "
                    "in one zip file."
                ),
                CSV_FOLDER: self.tr(
                    "One spreadsheet file per kind of record, in a new folder inside the folder "
                    "you choose."
                ),
            }[self.chosen_format()]
        )

    def _ask_destination(self, kind: str) -> Path | None:
        name = f"recovery-desktop-export-{date.today().isoformat()}"
        if kind == JSON:
            return file_dialogs.save_file(
                self, self.tr("Save your export"), name + ".json",
                self.tr("JSON files (*.json)"), ".json",
            )  # fmt: skip
        if kind == CSV_ZIP:
            return file_dialogs.save_file(
                self, self.tr("Save your export"), name + ".zip",
                self.tr("Zip files (*.zip)"), ".zip",
            )  # fmt: skip
        parent = file_dialogs.choose_folder(self, self.tr("Choose where the export folder goes"))
        return None if parent is None else new_folder_in(parent, name)

    # --- the export --------------------------------------------------------------------------

    def start(self) -> None:
        """Ask where, then export on a worker. Nothing happens if the dialog is cancelled."""
        if self.busy() or self.vault is None:
            return
        kind = self.chosen_format()
        destination = self._ask_destination(kind)
        if destination is None:
            return
        try:
            refuse_inside_vault(destination, self.vault.folder)
        except ExportError as error:
            self._say(str(error), role="error")
            return
        include_private = self.include_private.isChecked()
        write = export_json if kind == JSON else export_csv

        def work(conn, progress, stop) -> ExportSummary:  # noqa: ANN001 - on the worker
            return write(
                conn, destination, include_private=include_private,
                progress=progress, cancelled=stop,
            )  # fmt: skip

        self.destination = destination
        self.run_job(
            VaultJob(self, work, vault=self.vault),
            self.tr("Writing your export to {path}…").format(path=destination),
        )

    # --- what the person sees ----------------------------------------------------------------

    def idle_controls(self) -> tuple[QWidget, ...]:
        return (*self.format_buttons.values(), self.include_private, self.start_button)

    def stopping_words(self) -> str:
        return self.tr("Stopping the export…")

    def cancelled_words(self) -> str:
        return self.tr("Export cancelled. No file was written.")

    def _done(self, summary: ExportSummary) -> None:
        self._show_running(False)
        lines = [self.tr("Done. Your data is in {path}.").format(path=summary.path)]
        left_out = summary.private_entries_left_out
        if summary.include_private:
            lines.append(
                self.tr("Private entries are in it too: keep it somewhere only you can open.")
            )
        elif left_out:
            lines.append(
                self.tr("{count} private entries were left out.").format(
                    count=QLocale().toString(left_out)
                )
                if left_out != 1
                else self.tr("1 private entry was left out.")
            )
        self._say("\n".join(lines), role=None)
        self.finished.emit("done")


def new_folder_in(parent: Path, name: str) -> Path:
    """`parent/name`, or `parent/name-2`, `-3`… when that is taken (an export never writes
    into a folder that has files in it)."""
    candidate = parent / name
    number = 2
    while candidate.exists() and (not candidate.is_dir() or any(candidate.iterdir())):
        candidate = parent / f"{name}-{number}"
        number += 1
    return candidate
