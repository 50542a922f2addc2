# SPDX-License-Identifier: GPL-3.0-or-later
"""The sections of the Export & backup page, in reading order. Plug a section in here.

A built section names its class as "module:Class" under `recovery_desktop.ui`; one that is
not built yet shows its title and one honest sentence (`coming`), with nothing to press. So
plugging in backups is one line: `SectionSpec(BACKUP, "Back up and restore", coming=...)`
becomes `SectionSpec(BACKUP, "Back up and restore", "export.backup:BackupSection")`. The class
keeps the contract in `ui/export/section.py` (`Section`): built as `Class(vault, parent)`.
Titles and sentences are marked with `SectionWords.QT_TR_NOOP(...)`, so translators find them.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from recovery_desktop.ui.words import QtWords

if TYPE_CHECKING:
    from recovery_desktop.storage import Vault
    from recovery_desktop.ui.export.section import Section

REPORT, DATA_EXPORT, BACKUP, IMPORT = "report", "data_export", "backup", "import"


@dataclass(frozen=True, slots=True)
class SectionSpec:
    """`key` (object name `<key>_section`), `title` in English (marked with
    `SectionWords.QT_TR_NOOP`, translated when shown), the class as "module:Class" under
    `recovery_desktop.ui`, and the sentence shown while there is no class."""

    key: str
    title: str
    section_class: str | None = None
    coming: str = ""

    def build(self, vault: Vault, parent: QWidget) -> Section:
        from recovery_desktop.ui.export.section import ComingSoonSection

        if self.section_class is None:
            return ComingSoonSection(
                self.key, SectionWords.tr(self.title), SectionWords.tr(self.coming), parent
            )
        module, _, name = self.section_class.partition(":")
        section_type = getattr(importlib.import_module(f"recovery_desktop.ui.{module}"), name)
        return section_type(vault, parent)


class SectionWords(QtWords):
    """The titles of the Export & backup page's sections (and a coming one's sentence)."""


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec(
        REPORT, SectionWords.QT_TR_NOOP("Counselor report"), "export.report_section:ReportSection"
    ),
    SectionSpec(
        DATA_EXPORT, SectionWords.QT_TR_NOOP("Export your data"), "export.data_export:ExportSection"
    ),
    SectionSpec(
        BACKUP,
        SectionWords.QT_TR_NOOP("Back up and restore"),
        "export.backup_section:BackupSection",
    ),
    SectionSpec(
        IMPORT,
        SectionWords.QT_TR_NOOP("Import from another app"),
        "export.import_section:ImportSection",
    ),
)
