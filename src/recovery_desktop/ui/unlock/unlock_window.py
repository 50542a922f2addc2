# SPDX-License-Identifier: GPL-3.0-or-later
"""The unlock window: passphrase, recovery code, another vault, and Help now even while locked.

The slow KDF (`Vault.unlock_key`) runs on a worker; the vault is then opened on the GUI thread
(`Vault.from_data_key`), because a connection belongs to the thread that made it. A wrong
passphrase changes nothing on disk; after repeated failures the Unlock button waits a growing
number of seconds (`failure_delays`, injectable for tests) with a visible countdown.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.storage.errors import WrongPassphraseError, WrongRecoveryCodeError
from recovery_desktop.storage.layout import vault_exists
from recovery_desktop.ui.theme import SPACING, make_heading
from recovery_desktop.ui.unlock.common import BusyIndicator, describe_error
from recovery_desktop.ui.workers import run_in_background

if TYPE_CHECKING:
    from recovery_desktop.storage import KdfCost, Vault
    from recovery_desktop.storage.unlocking import UnlockedKey


def _vault_class() -> type[Vault]:
    """The vault, with its crypto and database libraries, loads when the person unlocks
    (during the KDF), not at start-up: measured 40 ms of the unlock window's start."""
    from recovery_desktop.storage.vault import Vault

    return Vault


# Seconds to wait after the 1st, 2nd, 3rd... failure in a row; the last value repeats.
DEFAULT_FAILURE_DELAYS: tuple[float, ...] = (0, 0, 1, 2, 4, 8, 16, 30)


def _button(parent: QWidget, text: str, name: str, accessible: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    return button


class UnlockWindow(QWidget):
    """Emits `unlocked(Vault)` with an open vault; `create_requested(Path)` for an empty folder;
    `closed` when the person closes the window (the controller then quits)."""

    unlocked = Signal(object)
    create_requested = Signal(object)
    closed = Signal()

    def __init__(
        self,
        folder: Path,
        *,
        failure_delays: Sequence[float] = DEFAULT_FAILURE_DELAYS,
        kdf_cost: KdfCost | None = None,
        banner: str | None = None,
        title: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlock_window")
        self.setWindowTitle(title or self.tr("Recovery Desktop"))
        self.folder = Path(folder)
        self.failures = 0
        self.current_delay = 0.0
        self._failure_delays = tuple(failure_delays) or (0,)
        self._kdf_cost = kdf_cost
        self._retry_at = 0.0
        self._leaving = False
        self._countdown = QTimer(self)
        self._countdown.setInterval(200)
        self._countdown.timeout.connect(self._tick)
        self._build(banner)
        self.set_folder(self.folder)

    def _build(self, banner: str | None) -> None:
        heading = QLabel(self.tr("Recovery Desktop"), self)
        make_heading(heading, 1.8)
        subtitle = QLabel(self.tr("Your journal is locked. Welcome back."), self)
        subtitle.setProperty("role", "muted")
        self.banner = QLabel(banner or "", self)
        self.banner.setObjectName("demo_banner")
        self.banner.setProperty("role", "banner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(bool(banner))

        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.show_toggle = QToolButton(self)
        self.show_toggle.setObjectName("show_passphrase")
        self.show_toggle.setAccessibleName(self.tr("Show the passphrase"))
        self.show_toggle.setText(self.tr("Show"))
        self.show_toggle.setCheckable(True)
        self.show_toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.show_toggle.toggled.connect(self._toggle_visible)
        self.unlock_button = _button(self, self.tr("Unlock"), "unlock_button", self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setProperty("primary", True)
        self.unlock_button.clicked.connect(self.try_unlock)
        field_row = QHBoxLayout()
        field_row.addWidget(self.passphrase, 1)
        field_row.addWidget(self.show_toggle)
        field_row.addWidget(self.unlock_button)

        self.message = QLabel(self)
        self.message.setObjectName("unlock_message")
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setWordWrap(True)
        self.message.setProperty("role", "error")
        self.busy = BusyIndicator(self)
        self.folder_label = QLabel(self)
        self.folder_label.setObjectName("vault_folder_label")
        self.folder_label.setProperty("role", "muted")
        self.folder_label.setWordWrap(True)

        self.recovery_button = _button(
            self,
            self.tr("Use recovery code…"),
            "use_recovery_code",
            self.tr("Unlock with your recovery code"),
        )
        self.recovery_button.clicked.connect(self.ask_recovery_code)
        self.other_vault_button = _button(
            self, self.tr("Open another vault…"), "open_other_vault", self.tr("Open another vault")
        )
        self.other_vault_button.clicked.connect(self.choose_other_vault)
        self.help_button = _button(
            self, self.tr("Help now"), "help_now_button", self.tr("Help now")
        )
        self.help_button.setToolTip(self.tr("Crisis lines you can call or text right now"))
        self.help_button.clicked.connect(self.show_help_now)
        links = QHBoxLayout()
        links.addWidget(self.recovery_button)
        links.addWidget(self.other_vault_button)
        links.addStretch(1)
        links.addWidget(self.help_button)

        layout = QVBoxLayout(self)
        margin = SPACING * 2
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(SPACING)
        layout.addWidget(heading)
        layout.addWidget(subtitle)
        layout.addWidget(self.banner)
        layout.addSpacing(SPACING)
        layout.addLayout(field_row)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        layout.addWidget(self.folder_label)
        layout.addLayout(links)
        char = self.fontMetrics().averageCharWidth()
        self.setMinimumWidth(char * 74)
        self.resize(char * 92, char * 50)
        self.setTabOrder(self.passphrase, self.show_toggle)
        self.setTabOrder(self.show_toggle, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.recovery_button)
        self.setTabOrder(self.recovery_button, self.other_vault_button)
        self.setTabOrder(self.other_vault_button, self.help_button)

    # --- state ---------------------------------------------------------------------------------

    def set_folder(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder_label.setText(self.tr("Vault: {folder}").format(folder=self.folder))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.passphrase.setFocus()

    def _toggle_visible(self, visible: bool) -> None:
        self.passphrase.setEchoMode(
            QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        )
        self.show_toggle.setText(self.tr("Hide") if visible else self.tr("Show"))

    def _set_busy(self, text: str | None) -> None:
        busy = text is not None
        if busy:
            self.busy.start(text)
        else:
            self.busy.stop()
        for widget in (self.passphrase, self.recovery_button, self.other_vault_button):
            widget.setEnabled(not busy)
        self._update_unlock_button()

    @property
    def waiting(self) -> bool:
        return time.monotonic() < self._retry_at

    def _update_unlock_button(self) -> None:
        remaining = self._retry_at - time.monotonic()
        if remaining > 0:
            self.unlock_button.setEnabled(False)
            self.unlock_button.setText(
                self.tr("Try again in {n} s").format(n=max(1, math.ceil(remaining)))
            )
        else:
            self.unlock_button.setEnabled(not self.busy.busy)
            self.unlock_button.setText(self.tr("Unlock"))

    def _tick(self) -> None:
        if not self.waiting:
            self._countdown.stop()
            if self.passphrase.isEnabled():
                self.passphrase.setFocus()
        self._update_unlock_button()

    def _count_failure(self) -> None:
        self.failures += 1
        delays = self._failure_delays
        self.current_delay = float(delays[min(self.failures - 1, len(delays) - 1)])
        if self.current_delay > 0:
            self._retry_at = time.monotonic() + self.current_delay
            self._countdown.setInterval(max(20, min(200, int(self.current_delay * 250))))
            self._countdown.start()
        self._update_unlock_button()

    # --- unlocking with the passphrase -----------------------------------------------------------

    def try_unlock(self) -> None:
        if self.busy.busy or self.waiting:
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self.message.setText(self.tr("Type your passphrase, then press Enter."))
            return
        folder = self.folder
        self.message.clear()
        self._set_busy(self.tr("Unlocking… this takes a moment."))
        run_in_background(
            self,
            lambda: _vault_class().unlock_key(folder, passphrase),
            self._key_ready,
            self._unlock_failed,
        )

    def _key_ready(self, key: UnlockedKey) -> None:
        try:
            vault = _vault_class().from_data_key(self.folder, key)
        except Exception as error:  # noqa: BLE001 - shown as a sentence
            self._set_busy(None)
            self.message.setText(describe_error(error))
            return
        self._set_busy(None)
        self.passphrase.clear()
        self.failures = 0
        self._hand_over(vault)

    def _unlock_failed(self, error: BaseException) -> None:
        self._set_busy(None)
        if isinstance(error, WrongPassphraseError):
            self._count_failure()
            self.message.setText(
                self.tr("That passphrase didn't open the vault. Nothing was changed.")
            )
            self.passphrase.selectAll()
        else:
            self.message.setText(describe_error(error))
        self.passphrase.setFocus()

    def _hand_over(self, vault: Vault) -> None:
        self._leaving = True
        self.unlocked.emit(vault)

    # --- unlocking with the recovery code ------------------------------------------------------

    def ask_recovery_code(self) -> None:
        from recovery_desktop.ui.unlock.recovery_code import RecoveryCodeDialog

        dialog = RecoveryCodeDialog(self)
        dialog.accepted.connect(lambda: self._try_recovery_code(dialog.code()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _try_recovery_code(self, code: str) -> None:
        if self.busy.busy:
            return
        if self.waiting:
            self.message.setText(self.tr("Please wait a moment, then try again."))
            return
        folder = self.folder
        self.message.clear()
        self._set_busy(self.tr("Checking your recovery code…"))
        run_in_background(
            self,
            lambda: _vault_class().unlock_key_with_recovery_code(folder, code),
            self._recovery_key_ready,
            self._recovery_failed,
        )

    def _recovery_key_ready(self, key: UnlockedKey) -> None:
        from recovery_desktop.ui.unlock.new_passphrase import NewPassphraseDialog

        self._set_busy(None)
        try:
            vault = _vault_class().from_data_key(self.folder, key, must_change_passphrase=True)
        except Exception as error:  # noqa: BLE001
            self.message.setText(describe_error(error))
            return
        self.failures = 0
        dialog = NewPassphraseDialog(vault, self, forced=True, cost=self._kdf_cost)
        dialog.accepted.connect(lambda: self._hand_over(vault))
        dialog.rejected.connect(lambda: self._recovery_abandoned(vault))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _recovery_abandoned(self, vault: Vault) -> None:
        vault.close()
        self.message.setText(
            self.tr(
                "Your vault is locked again and nothing was changed. You can use your recovery "
                "code again whenever you're ready."
            )
        )

    def _recovery_failed(self, error: BaseException) -> None:
        self._set_busy(None)
        if isinstance(error, WrongRecoveryCodeError):
            self._count_failure()
            self.message.setText(
                self.tr(
                    "That recovery code didn't open the vault. Nothing was changed. Check each "
                    "group against your copy; dashes and capital letters don't matter."
                )
            )
        else:
            self.message.setText(describe_error(error))

    # --- other vaults, help --------------------------------------------------------------------

    def choose_other_vault(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the vault's folder"), str(self.folder.parent)
        )
        if not chosen:
            return
        folder = Path(chosen)
        if vault_exists(folder):
            self.set_folder(folder)
            self.message.clear()
            self.passphrase.clear()
            self.passphrase.setFocus()
            return
        answer = QMessageBox.question(
            self,
            self.tr("No vault here yet"),
            self.tr(
                "There's no vault in {folder} yet. Would you like to make a new one there?"
            ).format(folder=folder),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._leaving = True
            self.create_requested.emit(folder)

    def show_help_now(self, over: QWidget | None = None) -> None:
        """The crisis lines (F1 or the Help now button), over `over` (a dialog) or this window."""
        from recovery_desktop.ui.help_now import HelpNowDialog

        dialog = HelpNowDialog.while_locked(over if isinstance(over, QWidget) else self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        super().closeEvent(event)
        if not self._leaving:
            self.closed.emit()
