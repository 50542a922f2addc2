# SPDX-License-Identifier: GPL-3.0-or-later
"""Choosing a new passphrase for an open vault: after unlocking with the recovery code (forced),
or from the settings. The rewrap runs the slow KDF, so it happens off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.ui.theme import make_heading
from recovery_desktop.ui.unlock.common import BusyIndicator, describe_error
from recovery_desktop.ui.unlock.passphrase_fields import PassphraseFields
from recovery_desktop.ui.workers import run_in_background


class NewPassphraseDialog(QDialog):
    """Set a new passphrase on `vault`; `accepted` once it is saved in `vault.keys`.

    `forced`: the vault was opened with the recovery code, so the text says why a new one is
    needed. `cost` is the KDF cost for the new wrap (None keeps the vault's current cost; tests
    pass `KdfCost.cheap()`).
    """

    def __init__(
        self,
        vault: Vault,
        parent: QWidget | None = None,
        *,
        forced: bool = False,
        cost: KdfCost | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("new_passphrase_dialog")
        self.setWindowTitle(self.tr("Choose a new passphrase"))
        self._vault = vault
        self._cost = cost
        heading = QLabel(self.tr("Choose a new passphrase"), self)
        make_heading(heading, 1.3)
        if forced:
            intro = self.tr(
                "Your recovery code opened the vault. Now choose a new passphrase, so next time "
                "you can unlock as usual. Your recovery code keeps working too."
            )
        else:
            intro = self.tr("Your old passphrase stops working once the new one is saved.")
        text = QLabel(intro, self)
        text.setWordWrap(True)
        # From the settings, the current passphrase is asked first: an unlocked computer left
        # alone for a minute must not be enough to take someone's vault away from them.
        self.current: QLineEdit | None = None
        if not forced:
            self.current = QLineEdit(self)
            self.current.setObjectName("current_passphrase")
            self.current.setEchoMode(QLineEdit.EchoMode.Password)
            self.current.setPlaceholderText(self.tr("Current passphrase"))
            self.current.setAccessibleName(self.tr("Current passphrase"))
            self.current.textChanged.connect(self._update)
        self.fields = PassphraseFields(self)
        self.busy = BusyIndicator(self)
        self.error = QLabel(self)
        self.error.setObjectName("new_passphrase_error")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("Save new passphrase"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save_new_passphrase")
        self.save_button.setAccessibleName(self.tr("Save the new passphrase"))
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel_new_passphrase")
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(text)
        if self.current is not None:
            layout.addWidget(self.current)
        layout.addWidget(self.fields)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.fields.changed.connect(self._update)
        self._update()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def _update(self) -> None:
        has_current = self.current is None or bool(self.current.text())
        self.save_button.setEnabled(self.fields.acceptable and has_current and not self.busy.busy)

    def _save(self) -> None:
        if not self.save_button.isEnabled():
            return
        new = self.fields.value()
        vault, cost = self._vault, self._cost
        current = self.current.text() if self.current is not None else None

        def change() -> None:
            if current is not None:
                Vault.derive_key(vault.folder, current)  # WrongPassphraseError: nothing changes
            vault.change_passphrase(new, cost)

        self.busy.start(self.tr("Saving your new passphrase…"))
        self.fields.setEnabled(False)
        self.buttons.setEnabled(False)
        self.error.clear()
        if self.current is not None:
            self.current.setEnabled(False)
        # change_passphrase reads and rewrites vault.keys only; it never uses the connection.
        run_in_background(self, change, self._saved, self._failed)

    def _saved(self, _: object) -> None:
        self.busy.stop()
        self.fields.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.busy.stop()
        if self.current is not None:
            self.current.setEnabled(True)
            self.current.selectAll()
            self.current.setFocus()
        self.fields.setEnabled(True)
        self.buttons.setEnabled(True)
        self.error.setText(describe_error(error))
        self._update()

    def reject(self) -> None:
        if self.busy.busy:  # the new key file is being written: let it finish
            return
        super().reject()
