# SPDX-License-Identifier: GPL-3.0-or-later
"""Settings that belong to the person, saved inside the encrypted vault (`vault.settings`).

Only app-level things (window sizes, where the vault is) go to QSettings; these do not.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.ui.theme import SPACING, make_heading
from recovery_desktop.ui.theme_choice import ThemeChoice
from recovery_desktop.ui.widgets.plain_buttons import without_icons

LOCK_AFTER_KEY = "lock_after_minutes"
DEFAULT_LOCK_AFTER_MINUTES = 5
ON_THIS_DAY_KEY = "on_this_day"


def lock_after_minutes(vault: Vault) -> int:
    """The idle time before the app locks, from the vault (1..120, default 5)."""
    value = vault.settings.get(LOCK_AFTER_KEY, DEFAULT_LOCK_AFTER_MINUTES)
    try:
        return max(1, min(120, int(value)))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT_LOCK_AFTER_MINUTES


class SettingsDialog(QDialog):
    """Lock time, "On this day", the passphrase (and the vault's key with it), and a new
    recovery code. `accepted` after saving."""

    def __init__(
        self, vault: Vault, parent: QWidget | None = None, *, kdf_cost: KdfCost | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        self._vault = vault
        self._kdf_cost = kdf_cost
        heading = QLabel(self.tr("Settings"), self)
        make_heading(heading, 1.4)

        self.lock_after = QSpinBox(self)
        self.lock_after.setObjectName("lock_after_minutes")
        self.lock_after.setAccessibleName(self.tr("Lock after this many idle minutes"))
        self.lock_after.setRange(1, 120)
        self.lock_after.setSuffix(self.tr(" min"))
        self.lock_after.setValue(lock_after_minutes(vault))
        self.lock_after.setMaximumWidth(self.fontMetrics().averageCharWidth() * 14)
        lock_note = QLabel(
            self.tr("When nobody has touched the keyboard or mouse for this long, the app locks."),
            self,
        )
        lock_note.setWordWrap(True)
        lock_note.setProperty("role", "muted")

        self.on_this_day = QCheckBox(self.tr('Show "On this day" memories on Today'), self)
        self.on_this_day.setObjectName("on_this_day")
        self.on_this_day.setAccessibleName(self.tr("Show On this day memories on Today"))
        self.on_this_day.setChecked(bool(vault.settings.get(ON_THIS_DAY_KEY, False)))
        on_this_day_note = QLabel(
            self.tr(
                "Today can show an entry from a month or a year ago. Looking back can show how "
                "far you've come, but old hard days can also hurt, so it's off unless you want it."
            ),
            self,
        )
        on_this_day_note.setWordWrap(True)
        on_this_day_note.setProperty("role", "muted")

        self.change_passphrase = QPushButton(self.tr("Change passphrase…"), self)
        self.change_passphrase.setObjectName("change_passphrase")
        self.change_passphrase.setAccessibleName(self.tr("Change passphrase"))
        self.change_passphrase.clicked.connect(self._change_passphrase)
        self.new_recovery_code = QPushButton(self.tr("Make a new recovery code…"), self)
        self.new_recovery_code.setObjectName("new_recovery_code")
        self.new_recovery_code.setAccessibleName(self.tr("Make a new recovery code"))
        self.new_recovery_code.clicked.connect(self._new_recovery_code)
        keys_note = QLabel(
            self.tr(
                "Changing your passphrase can also give the vault a new key, for when someone "
                "may know your old passphrase or recovery code. A new recovery code replaces "
                "the old one, if it was lost or seen."
            ),
            self,
        )
        keys_note.setWordWrap(True)
        keys_note.setProperty("role", "muted")
        self.passphrase_note = QLabel(self)
        self.passphrase_note.setObjectName("passphrase_note")
        self.passphrase_note.setProperty("role", "muted")
        self.passphrase_note.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("settings_error")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("settings_save")
        self.save_button.setAccessibleName(self.tr("Save settings"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("settings_cancel")
        cancel.setAccessibleName(self.tr("Cancel"))
        without_icons(buttons)  # as every other button: words only
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Lock after"), self.lock_after)
        form.addRow("", lock_note)
        self.theme = ThemeChoice(self)  # shown at once; kept by Save, undone by Cancel
        form.addRow(self.tr("Appearance"), self.theme)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.on_this_day)
        layout.addWidget(on_this_day_note)
        passphrase_row = QHBoxLayout()
        passphrase_row.addWidget(self.change_passphrase)
        passphrase_row.addWidget(self.new_recovery_code)
        passphrase_row.addStretch(1)
        layout.addSpacing(SPACING // 2)
        layout.addLayout(passphrase_row)
        layout.addWidget(keys_note)
        layout.addWidget(self.passphrase_note)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def save(self) -> None:
        try:
            self._vault.settings.set(LOCK_AFTER_KEY, int(self.lock_after.value()))
            self._vault.settings.set(ON_THIS_DAY_KEY, bool(self.on_this_day.isChecked()))
        except (ValidationError, OSError) as error:
            self.error.setText(str(error))
            return
        self.accept()

    def _change_passphrase(self) -> None:
        from recovery_desktop.ui.keys.key_change import KeyChangeHost
        from recovery_desktop.ui.unlock.new_passphrase import NewPassphraseDialog

        dialog = NewPassphraseDialog(
            self._vault, self, cost=self._kdf_cost, key_change=KeyChangeHost.near(self)
        )
        dialog.accepted.connect(
            lambda: self.passphrase_note.setText(self.tr("Your new passphrase is saved."))
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _new_recovery_code(self) -> None:
        from recovery_desktop.ui.keys.new_recovery_code import NewRecoveryCodeDialog

        dialog = NewRecoveryCodeDialog(self._vault, self, cost=self._kdf_cost)
        dialog.accepted.connect(
            lambda: (
                self.passphrase_note.setText(
                    self.tr("Your new recovery code is in place; the old one no longer works.")
                )
                if dialog.saved
                else None
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
