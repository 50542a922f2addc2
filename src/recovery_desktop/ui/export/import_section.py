# SPDX-License-Identifier: GPL-3.0-or-later
"""The "Import from another app" section: choose the kind, pick the file, see the preview.

The preview, the mood matching, the import itself and its Cancel live in `ImportDialog`; this
card only starts it and says how the last import went.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from recovery_desktop.exchange.importing import ImportResult
from recovery_desktop.ui.export.import_dialog import ImportDialog, start_import
from recovery_desktop.ui.export.import_kinds import import_kinds
from recovery_desktop.ui.export.section import Section, muted_label, plain_label

if TYPE_CHECKING:
    from recovery_desktop.storage import Vault


class ImportSection(Section):
    """A list of kinds, a line on where that file comes from, and "Choose a file…"."""

    dialog_opened = Signal(object)  # the ImportDialog, once shown (tests and other pages)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__("import", parent, vault)
        self.set_title(self.tr("Import from another app"))
        self.dialog: ImportDialog | None = None
        self.body.addWidget(
            muted_label(
                self.tr(
                    "Bring in what you wrote elsewhere. You see what would come in before "
                    "anything is added, and importing the same file twice adds nothing twice."
                ),
                self,
            )
        )
        self.kinds = import_kinds()
        self.kind_box = QComboBox(self)
        self.kind_box.setObjectName("import_kind")
        self.kind_box.setAccessibleName(self.tr("What to import"))
        for key, kind in self.kinds.items():
            self.kind_box.addItem(kind.label, key)
        self.hint = muted_label("", self)
        self.hint.setObjectName("import_kind_hint")
        self.kind_box.currentIndexChanged.connect(self._show_hint)
        self.choose_button = QPushButton(self.tr("Choose a file…"), self)
        self.choose_button.setObjectName("import_choose_file")
        self.choose_button.setAccessibleName(self.tr("Choose a file to import"))
        self.choose_button.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.kind_box, 1)
        row.addWidget(self.choose_button)
        self.body.addLayout(row)
        self.body.addWidget(self.hint)
        self.status = plain_label("", self)
        self.status.setObjectName("import_last_result")
        self.status.hide()
        self.body.addWidget(self.status)
        self._show_hint()

    def chosen_kind(self) -> str:
        return str(self.kind_box.currentData())

    def _show_hint(self, *_: object) -> None:
        hint = self.kinds[self.chosen_kind()].hint
        self.hint.setText(hint)
        self.kind_box.setAccessibleDescription(hint)

    def choose_file(self) -> None:
        if self.vault is None:
            return
        dialog = start_import(self.vault, self.chosen_kind(), self)
        if dialog is None:
            return
        self.dialog = dialog
        dialog.imported.connect(self._imported)
        self.dialog_opened.emit(dialog)

    def busy(self) -> bool:
        dialog = self.dialog
        return dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible()

    def _imported(self, _result: ImportResult) -> None:
        dialog = self.dialog
        if dialog is not None and shiboken6.isValid(dialog):
            self.status.setText(dialog.status.text())
            self.status.show()
