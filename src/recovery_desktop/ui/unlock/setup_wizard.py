# SPDX-License-Identifier: GPL-3.0-or-later
"""First run: a short welcome, a passphrase, the recovery code, and typing part of it back.

The key file is written when the passphrase is chosen (the storage layer generates the recovery
code as it wraps the key); the database is made only once the code is confirmed. Leaving set-up
before that removes the key file again, so a person never ends up with a vault whose recovery
code they never saw.
"""

from __future__ import annotations

import contextlib
import random
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.storage.vault import BACKUPS_NAME, DB_NAME, KEYS_NAME
from recovery_desktop.ui.theme import SPACING, make_heading
from recovery_desktop.ui.unlock.common import BusyIndicator, describe_error
from recovery_desktop.ui.unlock.passphrase_fields import PassphraseFields
from recovery_desktop.ui.unlock.recovery_code import (
    RecoveryCodeCheck,
    RecoveryCodeView,
    forget,
)
from recovery_desktop.ui.workers import run_in_background

WELCOME, PASSPHRASE, CODE, CONFIRM = range(4)


def _button(
    parent: QWidget, text: str, name: str, accessible: str, primary: bool = False
) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    if primary:
        button.setProperty("primary", True)
    return button


def _text(parent: QWidget, text: str, muted: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if muted:
        label.setProperty("role", "muted")
    return label


class SetupWizard(QWidget):
    """The set-up window. Emits `vault_ready(Vault)` with the new vault open, or `cancelled`.

    `cost` is the KDF cost for the new vault (None: the default 64 MiB, t=3; tests inject
    `KdfCost.cheap()`). `requested_groups` says which groups (0-based) the person types back.
    """

    vault_ready = Signal(object)
    cancelled = Signal()

    def __init__(
        self,
        folder: Path,
        *,
        cost: KdfCost | None = None,
        parent: QWidget | None = None,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setup_wizard")
        self.setWindowTitle(self.tr("Welcome to Recovery Desktop"))
        self.folder = Path(folder)
        self._cost = cost
        self._folder_existed = self.folder.exists()
        self._created = False
        self._finished = False
        self._data_key: bytes | None = None
        self._code = ""
        self._rng = rng or random.SystemRandom()

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._welcome_page())
        self.pages.addWidget(self._passphrase_page())
        self.pages.addWidget(self._code_page())
        self.pages.addWidget(self._confirm_page())
        layout = QVBoxLayout(self)
        margin = SPACING * 2
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.addWidget(self.pages)
        char = self.fontMetrics().averageCharWidth()
        self.setMinimumSize(char * 80, char * 66)
        self.resize(char * 92, char * 74)
        self._go(WELCOME)

    # --- pages -------------------------------------------------------------------------------

    def _welcome_page(self) -> QWidget:
        page = QWidget(self)
        heading = QLabel(self.tr("Welcome"), page)
        make_heading(heading, 1.8)
        body = _text(
            page,
            self.tr(
                "Recovery Desktop is a private journal for your recovery: quick daily check-ins, "
                "the people who support you, your goals, and what helps on hard days.\n\n"
                "Everything stays on this computer, in one encrypted vault. Nothing is sent "
                "anywhere, and without your passphrase nobody can read it.\n\n"
                "Setting up takes about a minute: you'll choose a passphrase, then save a "
                "recovery code in case you ever forget it."
            ),
        )
        where = _text(
            page, self.tr("Your vault will be kept in {folder}").format(folder=self.folder), True
        )
        where.setObjectName("vault_folder_label")
        self.start_button = _button(
            page, self.tr("Get started"), "setup_start", self.tr("Get started"), primary=True
        )
        self.start_button.clicked.connect(lambda: self._go(PASSPHRASE))
        layout = QVBoxLayout(page)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)
        layout.addWidget(where)
        layout.addLayout(self._row(self.start_button))
        return page

    def _passphrase_page(self) -> QWidget:
        page = QWidget(self)
        heading = QLabel(self.tr("Choose a passphrase"), page)
        make_heading(heading, 1.5)
        body = _text(
            page,
            self.tr(
                "This is the key to your journal. It never leaves this computer, and it can't be "
                "looked up for you, so pick something you'll remember."
            ),
        )
        self.fields = PassphraseFields(page)
        self.create_error = _text(page, "")
        self.create_error.setObjectName("setup_error")
        self.create_error.setProperty("role", "error")
        self.create_busy = BusyIndicator(page)
        self.back_to_welcome = _button(page, self.tr("Back"), "setup_back_welcome", self.tr("Back"))
        self.back_to_welcome.clicked.connect(lambda: self._go(WELCOME))
        self.create_button = _button(
            page,
            self.tr("Create my vault"),
            "setup_create",
            self.tr("Create my vault"),
            primary=True,
        )
        self.create_button.clicked.connect(self._create)
        self.fields.changed.connect(self._update_create_button)
        self.fields.confirmation.returnPressed.connect(self._create)
        self.fields.passphrase.returnPressed.connect(self.fields.confirmation.setFocus)
        layout = QVBoxLayout(page)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addSpacing(SPACING)
        layout.addWidget(self.fields)
        layout.addStretch(1)
        layout.addWidget(self.create_error)
        layout.addWidget(self.create_busy)
        layout.addLayout(self._row(self.create_button, back=self.back_to_welcome))
        self._update_create_button()
        return page

    def _code_page(self) -> QWidget:
        page = QWidget(self)
        self.code_view = RecoveryCodeView(page)
        self.code_next = _button(
            page,
            self.tr("I've kept it safe"),
            "setup_code_next",
            self.tr("I've kept the recovery code safe, continue"),
            primary=True,
        )
        self.code_next.clicked.connect(lambda: self._go(CONFIRM))
        layout = QVBoxLayout(page)
        layout.addWidget(self.code_view, 1)
        layout.addLayout(self._row(self.code_next))
        return page

    def _confirm_page(self) -> QWidget:
        page = QWidget(self)
        self.code_check = RecoveryCodeCheck(page, rng=self._rng)
        self.code_check.changed.connect(self._update_finish_button)
        self.code_check.submitted.connect(self._finish)
        self.confirm_fields = self.code_check.fields
        self.confirm_error = self.code_check.error
        self.back_to_code = _button(
            page, self.tr("Show the code again"), "setup_back_code", self.tr("Show the code again")
        )
        self.back_to_code.clicked.connect(lambda: self._go(CODE))
        self.finish_button = _button(
            page,
            self.tr("Open my journal"),
            "setup_finish",
            self.tr("Open my journal"),
            primary=True,
        )
        self.finish_button.clicked.connect(self._finish)
        layout = QVBoxLayout(page)
        layout.addWidget(self.code_check, 1)
        layout.addLayout(self._row(self.finish_button, back=self.back_to_code))
        return page

    def _row(self, primary: QPushButton, back: QPushButton | None = None) -> QHBoxLayout:
        row = QHBoxLayout()
        if back is not None:
            row.addWidget(back)
        row.addStretch(1)
        row.addWidget(primary)
        return row

    # --- flow --------------------------------------------------------------------------------

    @property
    def requested_groups(self) -> list[int]:
        """Which groups of the code (0-based) the person is asked to type back."""
        return self.code_check.requested_groups

    @property
    def page(self) -> int:
        return self.pages.currentIndex()

    def _go(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        focus = {
            WELCOME: self.start_button,
            PASSPHRASE: self.fields.passphrase,
            CODE: self.code_view.copy_button,
            CONFIRM: self.confirm_fields[0],
        }[index]
        focus.setFocus()
        if index == CONFIRM:
            self.code_check.reset()

    def _update_create_button(self) -> None:
        self.create_button.setEnabled(self.fields.acceptable and not self.create_busy.busy)

    def _create(self) -> None:
        if not self.fields.acceptable or self.create_busy.busy or self._created:
            return
        folder, passphrase, cost = self.folder, self.fields.value(), self._cost

        def create() -> tuple[str, bytes]:
            # Only the key file is written here; the database is made on the GUI thread by
            # from_data_key once the code is confirmed (a connection belongs to its thread).
            data_key, code = Vault.create_keys(folder, passphrase, cost)
            return code, data_key

        self.create_error.clear()
        self.create_busy.start(self.tr("Making your encrypted vault… this takes a few seconds."))
        self.fields.setEnabled(False)
        self.back_to_welcome.setEnabled(False)
        self._update_create_button()
        run_in_background(self, create, self._created_ok, self._create_failed)

    def _created_ok(self, result: tuple[str, bytes]) -> None:
        self._code, self._data_key = result
        self._created = True
        self.create_busy.stop()
        self.fields.clear()
        self.code_view.set_code(self._code)
        self.code_check.ask_for(self._code)
        self._go(CODE)

    def _create_failed(self, error: BaseException) -> None:
        self.create_busy.stop()
        self.fields.setEnabled(True)
        self.back_to_welcome.setEnabled(True)
        self.create_error.setText(describe_error(error))
        self._update_create_button()

    def _update_finish_button(self) -> None:
        self.finish_button.setEnabled(self.code_check.filled)

    def _finish(self) -> None:
        if not self._created or self._data_key is None:
            return
        if not self.code_check.check():
            return
        try:
            vault = Vault.from_data_key(self.folder, self._data_key)
        except Exception as error:  # noqa: BLE001 - shown as a sentence, the vault stays on disk
            self.confirm_error.setText(describe_error(error))
            return
        self._data_key = None
        forget(self._code)  # typed back, so kept safe: off the clipboard now, not in a minute
        self._code = ""
        self._finished = True
        self.vault_ready.emit(vault)
        self.close()

    def show_help_now(self, over: QWidget | None = None) -> None:
        """F1 during set-up: the crisis lines, as on the unlock screen."""
        from recovery_desktop.ui.help_now import HelpNowDialog

        dialog = HelpNowDialog.while_locked(over if isinstance(over, QWidget) else self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # --- leaving early -----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._finished:
            event.accept()
            return
        if self.create_busy.busy:
            event.ignore()
            return
        if self._created:
            answer = QMessageBox.question(
                self,
                self.tr("Leave set-up?"),
                self.tr(
                    "Your vault is made, but your recovery code isn't confirmed yet. If you leave "
                    "now, the new, empty vault is removed and set-up starts again next time."
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self._discard_unconfirmed_vault()
        self._finished = True
        event.accept()
        self.cancelled.emit()

    def _discard_unconfirmed_vault(self) -> None:
        """Remove only the files this wizard created seconds ago (the vault is still empty)."""
        self._data_key = None
        forget(self._code)  # the code of a vault that is about to go: off the clipboard
        self._code = ""
        for name in (KEYS_NAME, DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm"):
            with contextlib.suppress(FileNotFoundError):
                (self.folder / name).unlink()
        with contextlib.suppress(OSError):
            (self.folder / BACKUPS_NAME).rmdir()  # only if empty
        if not self._folder_existed:
            with contextlib.suppress(OSError):
                self.folder.rmdir()
        self._created = False
