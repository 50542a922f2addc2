# SPDX-License-Identifier: GPL-3.0-or-later
"""Making a new recovery code (issue 6, point 2): for a lost code, or one someone else may
have seen. The current passphrase first (a computer left unlocked for a minute must not be
enough to make a code someone else knows), then the new code shown once and confirmed as at
set-up; only then is the recovery slot replaced, so until that moment the old code still works.
Afterwards the dialog says what happened to the key copies the app manages.
"""

from __future__ import annotations

import random

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.storage.errors import WrongPassphraseError
from recovery_desktop.storage.key_copies import CopiesReport
from recovery_desktop.storage.keys import generate_recovery_code
from recovery_desktop.ui.keys.code_steps import NewCodeSteps, button, button_row
from recovery_desktop.ui.keys.copies_text import RECOVERY_CODE, secret_changed_text
from recovery_desktop.ui.theme import make_heading
from recovery_desktop.ui.unlock.common import BusyIndicator, describe_error
from recovery_desktop.ui.workers import run_in_background

START, STEPS, DONE = range(3)


def _label(parent: QWidget, text: str, role: str | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


class NewRecoveryCodeDialog(QDialog):
    """Replace the vault's recovery code. `cost` is the KDF cost of the new wrap (None: the
    default; tests pass `KdfCost.cheap()`). `accepted` when the person closes the last page."""

    def __init__(
        self,
        vault: Vault,
        parent: QWidget | None = None,
        *,
        cost: KdfCost | None = None,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("new_recovery_code_dialog")
        self.setWindowTitle(self.tr("Make a new recovery code"))
        self._vault = vault
        self._cost = cost
        self.saved = False
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._start_page())
        self.steps = NewCodeSteps(self, confirm_label=self.tr("Use the new code"), rng=rng)
        self.steps.confirmed.connect(self._save)
        self.steps.cancelled.connect(self.reject)
        self.pages.addWidget(self.steps)
        self.pages.addWidget(self._done_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        char = self.fontMetrics().averageCharWidth()
        self.setMinimumWidth(char * 80)
        self.setMinimumHeight(char * 52)
        self._update()

    def _start_page(self) -> QWidget:
        page = QWidget(self)
        heading = QLabel(self.tr("Make a new recovery code"), page)
        make_heading(heading, 1.3)
        intro = _label(
            page,
            self.tr(
                "Do this if you lost your recovery code, or if someone else may have seen it. "
                "You'll get a new code to keep safe, and once you've confirmed it, the old code "
                "no longer opens your vault. Your passphrase stays the same."
            ),
        )
        self.current = QLineEdit(page)
        self.current.setObjectName("current_passphrase")
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.current.setPlaceholderText(self.tr("Current passphrase"))
        self.current.setAccessibleName(self.tr("Current passphrase"))
        self.current.textChanged.connect(self._update)
        self.current.returnPressed.connect(self._continue)
        why = _label(
            page, self.tr("Your passphrase first, so that only you can make a new code."), "muted"
        )
        self.error = _label(page, "", "error")
        self.error.setObjectName("new_code_error")
        self.busy = BusyIndicator(page)
        self.cancel_button = button(
            page, self.tr("Cancel"), "new_code_start_cancel", self.tr("Cancel")
        )
        self.cancel_button.clicked.connect(self.reject)
        self.continue_button = button(
            page,
            self.tr("Continue"),
            "new_code_continue",
            self.tr("Continue to the new recovery code"),
            primary=True,
        )
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self._continue)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.current)
        layout.addWidget(why)
        layout.addStretch(1)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addLayout(button_row(self.continue_button, self.cancel_button))
        return page

    def _done_page(self) -> QWidget:
        page = QWidget(self)
        heading = QLabel(self.tr("Your new recovery code is in place"), page)
        make_heading(heading, 1.3)
        self.summary = _label(page, "")
        self.summary.setObjectName("new_code_summary")
        self.done_button = button(
            page, self.tr("Done"), "new_code_done", self.tr("Done"), primary=True
        )
        self.done_button.clicked.connect(self.accept)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addLayout(button_row(self.done_button))
        return page

    @property
    def page(self) -> int:
        return self.pages.currentIndex()

    def _update(self) -> None:
        self.continue_button.setEnabled(bool(self.current.text()) and not self.busy.busy)

    def _continue(self) -> None:
        if not self.continue_button.isEnabled():
            return
        folder, current = self._vault.folder, self.current.text()
        self.error.clear()
        self.busy.start(self.tr("Checking your passphrase…"))
        self.current.setEnabled(False)
        self._update()
        run_in_background(
            self, lambda: Vault.derive_key(folder, current), self._checked, self._check_failed
        )

    def _checked(self, _key: object) -> None:
        self.busy.stop()
        self.current.clear()
        self.current.setEnabled(True)
        self._update()
        self.steps.start(generate_recovery_code())
        self.pages.setCurrentIndex(STEPS)

    def _check_failed(self, error: BaseException) -> None:
        self.busy.stop()
        self.current.setEnabled(True)
        self.current.selectAll()
        self.current.setFocus()
        self._update()
        if isinstance(error, WrongPassphraseError):
            self.error.setText(self.tr("That isn't your current passphrase. Nothing was changed."))
        else:
            self.error.setText(describe_error(error))

    def _save(self) -> None:
        vault, code, cost = self._vault, self.steps.code, self._cost

        def save() -> CopiesReport:
            if vault.slot_upgrade is not None:
                vault.slot_upgrade.forget()  # waits for a running re-wrap: one writer at a time
            return vault.set_recovery_code(code, cost)

        self.steps.set_busy(self.tr("Saving your new recovery code…"))
        run_in_background(self, save, self._saved, self._save_failed)

    def _saved(self, report: CopiesReport) -> None:
        self.saved = True
        self.steps.set_busy(None)
        self.steps.forget()
        self.summary.setText(secret_changed_text(report, RECOVERY_CODE))
        self.pages.setCurrentIndex(DONE)
        self.done_button.setFocus()

    def _save_failed(self, error: BaseException) -> None:
        self.steps.set_busy(None)
        self.steps.show_error(
            self.tr("The new code could not be saved: {reason} Your old code still works.").format(
                reason=describe_error(error)
            )
        )

    def reject(self) -> None:
        if self.steps.busy.busy:  # the key file is being written: let it finish
            return
        if self.saved:
            self.accept()
            return
        self.steps.forget()
        super().reject()
