# SPDX-License-Identifier: GPL-3.0-or-later
"""The "Counselor report" section of Export & backup: what the report holds, and the button
that opens its dialog (`ui/report`: choose the period and parts, preview, save or print)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from recovery_desktop.ui.export.section import Section, muted_label

if TYPE_CHECKING:
    from recovery_desktop.storage import Vault

REPORT = "report"


class ReportSection(Section):
    """Opens the report dialog; the dialog does the slow work on a worker."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(REPORT, parent, vault)
        self.set_title(self.tr("Counselor report"))
        about = muted_label(
            self.tr(
                "A PDF summary of a period you choose, to go through with your counselor: key "
                "figures beside the period before, day by day, charts, goals and promises, what "
                "helps, and only the entries you marked as shared. You see every page before "
                "you save or print it. Private entries are never included."
            ),
            self,
        )
        about.setObjectName("report_about")
        self.body.addWidget(about)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Make a report…"), self)
        self.open_button.setObjectName("report_open")
        self.open_button.setAccessibleName(self.tr("Make a counselor report"))
        self.open_button.clicked.connect(self.open_dialog)
        row.addWidget(self.open_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.dialog: QWidget | None = None

    def open_dialog(self) -> None:
        from recovery_desktop.ui.report import open_report_dialog

        assert self.vault is not None
        self.dialog = open_report_dialog(self.vault, self.window())
