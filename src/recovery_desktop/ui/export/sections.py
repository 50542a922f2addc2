# SPDX-License-Identifier: GPL-3.0-or-later
"""The sections of the Export & backup page, in reading order. Plug a section in here.

A built section names its class as "module:Class" under `recovery_desktop.ui`; one that is
not built yet shows its title and one honest sentence (`coming`), with nothing to press. So
plugging in backups is one line: `SectionSpec(BACKUP, "Back up and restore", coming=...)`
becomes `SectionSpec(BACKUP, "Back up and restore", "export.backup:BackupSection")`. The class
keeps the contract in `ui/export/section.py` (`Section`): built as `Class(vault, parent)`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from recovery_desktop.storage import Vault
    from recovery_desktop.ui.export.section import Section

REPORT, DATA_EXPORT, BACKUP, IMPORT = "report", "data_export", "backup", "import"


@dataclass(frozen=True, slots=True)
class SectionSpec:
    """`key` (object name `<key>_section`), `title` in English (translated when shown,
    context "ExportSections"), the class as "module:Class" under `recovery_desktop.ui`, and
    the sentence shown while there is no class."""

    key: str
    title: str
    section_class: str | None = None
    coming: str = ""

    def build(self, vault: Vault, parent: QWidget) -> Section:
        from recovery_desktop.ui.export.section import ComingSoonSection

        if self.section_class is None:
            return ComingSoonSection(
                self.key, translate(self.title), translate(self.coming), parent
            )
        module, _, name = self.section_class.partition(":")
        section_type = getattr(importlib.import_module(f"recovery_desktop.ui.{module}"), name)
        return section_type(vault, parent)


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec(REPORT, "Counselor report", "export.report_section:ReportSection"),
    SectionSpec(DATA_EXPORT, "Export your data", "export.data_export:ExportSection"),
    SectionSpec(BACKUP, "Back up and restore", "export.backup_section:BackupSection"),
    SectionSpec(IMPORT, "Import from another app", "export.import_section:ImportSection"),
)


def translate(text: str) -> str:
    return QCoreApplication.translate("ExportSections", text)
