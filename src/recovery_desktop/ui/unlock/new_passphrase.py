# SPDX-License-Identifier: GPL-3.0-or-later
"""Choosing a new passphrase for an open vault: after unlocking with the recovery code (forced),
or from the settings. The rewrap runs the slow KDF, so it happens off the GUI thread.

From the settings the dialog also offers "Also change the vault's key" (issue 6, point 2), for
when someone may know the old passphrase or recovery code: the new passphrase then goes with a
new key and a new recovery code (shown once, confirmed as at set-up), and the controller runs
the change (`ui/keys/key_change.py`). Afterwards the dialog says what happened to the key copies
the app manages, and that copies moved elsewhere keep the passphrase of their day.
"""

from __future__ import annotations

import random
import unicodedata
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.ui.theme import SPACING, make_heading
from recovery_desktop.ui.unlock.common import BusyIndicator, describe_error
from recovery_desktop.ui.unlock.passphrase_fields import PassphraseFields
from recovery_desktop.ui.widgets.plain_buttons import without_icons
from recovery_desktop.ui.workers import run_in_background

if TYPE_CHECKING:
    from recovery_desktop.storage.key_copies import BackupCopy, CopiesReport
    from recovery_desktop.ui.keys.key_change import KeyChangeHost, KeyChangePlan

FORM, BACKUPS, CODE, DONE = range(4)


def _label(parent: QWidget, text: str = "", role: str | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


class NewPassphraseDialog(QDialog):
    """Set a new passphrase on `vault`; `accepted` once it is saved in `vault.keys` (forced) or
    when the person closes the page that says what changed (from the settings).

    `forced`: the vault was opened with the recovery code, so the text says why a new one is
    needed. `cost` is the KDF cost for the new wrap (None: the default; tests pass
    `KdfCost.cheap()`). `key_change`: the session's host for a change of the vault's key; the
    option is offered only with one (never when forced).
    """

    def __init__(
        self,
        vault: Vault,
        parent: QWidget | None = None,
        *,
        forced: bool = False,
        cost: KdfCost | None = None,
        key_change: KeyChangeHost | None = None,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("new_passphrase_dialog")
        self.setWindowTitle(self.tr("Choose a new passphrase"))
        self._vault = vault
        self._cost = cost
        self._forced = forced
        self._host = None if forced else key_change
        self._plan: KeyChangePlan | None = None
        self.handed_over = False
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._form_page())
        self.also_change_key: QCheckBox | None = None
        if self._host is not None:
            self._add_key_change(rng)
        if not forced:
            self.pages.addWidget(self._done_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.fields.changed.connect(self._update)
        self._update()
        char = self.fontMetrics().averageCharWidth()
        self.setMinimumWidth(char * (80 if self._host is not None else 70))

    # --- pages -------------------------------------------------------------------------------

    def _form_page(self) -> QWidget:
        page = QWidget(self)
        heading = QLabel(self.tr("Choose a new passphrase"), page)
        make_heading(heading, 1.3)
        if self._forced:
            intro = self.tr(
                "Your recovery code opened the vault. Now choose a new passphrase, so next time "
                "you can unlock as usual. Your recovery code keeps working too."
            )
        else:
            intro = self.tr(
                "Your old passphrase stops working once the new one is saved, for the vault and "
                "for the backups the app made, wherever their folder. Copies of your vault you "
                "moved or copied elsewhere yourself keep the passphrase of the day they were made."
            )
        self.intro = _label(page, intro)
        # From the settings, the current passphrase is asked first: an unlocked computer left
        # alone for a minute must not be enough to take someone's vault away from them.
        self.current: QLineEdit | None = None
        if not self._forced:
            self.current = QLineEdit(page)
            self.current.setObjectName("current_passphrase")
            self.current.setEchoMode(QLineEdit.EchoMode.Password)
            self.current.setPlaceholderText(self.tr("Current passphrase"))
            self.current.setAccessibleName(self.tr("Current passphrase"))
            self.current.textChanged.connect(self._update)
        self.fields = PassphraseFields(page)
        self.busy = BusyIndicator(page)
        self.error = _label(page, role="error")
        self.error.setObjectName("new_passphrase_error")

        self.buttons = QDialogButtonBox(page)
        self.save_button = self.buttons.addButton(
            self.tr("Save new passphrase"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save_new_passphrase")
        self.save_button.setAccessibleName(self.tr("Save the new passphrase"))
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel_new_passphrase")
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        without_icons(self.buttons)  # as every other button: words only
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

        self.form_layout = QVBoxLayout(page)
        self.form_layout.setContentsMargins(0, 0, 0, 0)
        self.form_layout.addWidget(heading)
        self.form_layout.addWidget(self.intro)
        if self.current is not None:
            self.form_layout.addWidget(self.current)
        self.form_layout.addWidget(self.fields)
        self.form_layout.addStretch(1)
        self.form_layout.addWidget(self.error)
        self.form_layout.addWidget(self.busy)
        self.form_layout.addWidget(self.buttons)
        return page

    def _add_key_change(self, rng: random.Random | None) -> None:
        from recovery_desktop.ui.keys.code_steps import NewCodeSteps, button, button_row
        from recovery_desktop.ui.keys.key_change import OldBackupsChoice

        page = self.pages.widget(FORM)
        self.also_change_key = QCheckBox(self.tr("Also change the vault's key"), page)
        self.also_change_key.setObjectName("also_change_key")
        self.also_change_key.setAccessibleName(self.tr("Also change the vault's key"))
        note = _label(
            page,
            self.tr(
                "Choose this if someone may know your old passphrase or recovery code, or may "
                "have had a copy of your vault's files. Your whole journal is re-encrypted with "
                "a brand-new key, and you get a new recovery code (shown once). The app closes "
                "your journal while it works and opens it again afterwards."
            ),
            "muted",
        )
        self.also_change_key.setAccessibleDescription(note.text())
        self.also_change_key.toggled.connect(self._update)
        index = self.form_layout.indexOf(self.fields) + 1
        self.form_layout.insertSpacing(index, SPACING // 2)
        self.form_layout.insertWidget(index + 1, self.also_change_key)
        self.form_layout.insertWidget(index + 2, note)

        backups_page = QWidget(self)
        self.backups_choice = OldBackupsChoice(backups_page)
        back = button(backups_page, self.tr("Back"), "old_backups_back", self.tr("Back"))
        back.clicked.connect(lambda: self.pages.setCurrentIndex(FORM))
        self.backups_next = button(
            backups_page,
            self.tr("Continue"),
            "old_backups_continue",
            self.tr("Continue to the new recovery code"),
            primary=True,
        )
        self.backups_next.clicked.connect(self._backups_chosen)
        layout = QVBoxLayout(backups_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.backups_choice, 1)
        layout.addLayout(button_row(self.backups_next, back))
        self.pages.addWidget(backups_page)

        self.steps = NewCodeSteps(self, confirm_label=self.tr("Change the key now"), rng=rng)
        self.steps.confirmed.connect(self._hand_over)
        self.steps.cancelled.connect(self.reject)
        self.pages.addWidget(self.steps)
        self.setMinimumHeight(self.fontMetrics().averageCharWidth() * 56)

    def _done_page(self) -> QWidget:
        from recovery_desktop.ui.keys.code_steps import button, button_row

        page = QWidget(self)
        heading = QLabel(self.tr("Your new passphrase is saved"), page)
        make_heading(heading, 1.3)
        self.summary = _label(page)
        self.summary.setObjectName("new_passphrase_summary")
        self.done_button = button(
            page, self.tr("Done"), "new_passphrase_done", self.tr("Done"), primary=True
        )
        self.done_button.clicked.connect(self.accept)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addLayout(button_row(self.done_button))
        while self.pages.count() < DONE:  # keep the page numbers whatever was added before
            self.pages.addWidget(QWidget(self))
        return page

    @property
    def page(self) -> int:
        return self.pages.currentIndex()

    @property
    def changing_key(self) -> bool:
        return self.also_change_key is not None and self.also_change_key.isChecked()

    def _update(self) -> None:
        has_current = self.current is None or bool(self.current.text())
        self.save_button.setEnabled(self.fields.acceptable and has_current and not self.busy.busy)
        if self.changing_key:
            self.save_button.setText(self.tr("Continue"))
            self.save_button.setAccessibleName(self.tr("Continue to change the vault's key"))
        else:
            self.save_button.setText(self.tr("Save new passphrase"))
            self.save_button.setAccessibleName(self.tr("Save the new passphrase"))

    def _set_busy(self, text: str | None) -> None:
        if text is None:
            self.busy.stop()
        else:
            self.busy.start(text)
            self.error.clear()
        for widget in (self.fields, self.buttons, self.current, self.also_change_key):
            if widget is not None:
                widget.setEnabled(text is None)
        self._update()

    # --- a new passphrase (re-wrap) -------------------------------------------------------------

    def _save(self) -> None:
        if not self.save_button.isEnabled():
            return
        if self.changing_key:
            self._prepare_key_change()
            return
        new = self.fields.value()
        vault, cost, forced = self._vault, self._cost, self._forced
        current = self.current.text() if self.current is not None else None

        def change() -> CopiesReport:
            if current is not None:
                Vault.derive_key(vault.folder, current)  # WrongPassphraseError: nothing changes
            if not forced and vault.slot_upgrade is not None:
                vault.slot_upgrade.run(cost)  # let a pending re-wrap finish first: one writer
            return vault.change_passphrase(new, cost)

        self._set_busy(self.tr("Saving your new passphrase…"))
        # change_passphrase reads and rewrites key files only; it never uses the connection.
        run_in_background(self, change, self._saved, self._failed)

    def _saved(self, report: CopiesReport) -> None:
        from recovery_desktop.ui.keys.copies_text import PASSPHRASE, secret_changed_text

        self.busy.stop()
        self.fields.clear()
        if self.current is not None:
            self.current.clear()
        if self._forced:
            self.accept()
            return
        self.summary.setText(secret_changed_text(report, PASSPHRASE))
        self.pages.setCurrentIndex(DONE)
        self.done_button.setFocus()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(None)
        if self.current is not None:
            self.current.selectAll()
            self.current.setFocus()
        self.error.setText(describe_error(error))

    # --- a new key (the controller runs it) -----------------------------------------------------

    def _prepare_key_change(self) -> None:
        from recovery_desktop.storage.rekey import old_key_backups

        assert self._host is not None and self.current is not None
        refusal = self._host.refusal()
        if refusal:
            self.error.setText(refusal)
            return
        current, new = self.current.text(), self.fields.value()
        if unicodedata.normalize("NFC", current) == unicodedata.normalize("NFC", new):
            self.error.setText(
                self.tr(
                    "Please choose a passphrase you haven't used before: the point of a new key "
                    "is that what someone may know no longer opens your vault."
                )
            )
            return
        folder = self._vault.folder

        def check() -> tuple[bytes, list[BackupCopy]]:
            key = Vault.derive_key(folder, current)  # WrongPassphraseError: nothing changes
            return key, old_key_backups(folder, key)

        self._set_busy(self.tr("Checking your passphrase…"))
        run_in_background(self, check, self._key_change_checked, self._failed)

    def _key_change_checked(self, result: tuple[bytes, list[BackupCopy]]) -> None:
        from recovery_desktop.storage.rekey import OldBackups
        from recovery_desktop.ui.keys.copies_text import folders_of
        from recovery_desktop.ui.keys.key_change import KeyChangePlan

        key, backups = result
        self._set_busy(None)
        vault = self._vault
        self._plan = KeyChangePlan(
            vault.folder, key, self.fields.value(), "", OldBackups.REENCRYPT, vault.slot_upgrade
        )
        if backups:
            self.backups_choice.set_count(len(backups), folders_of(backups))
            self.pages.setCurrentIndex(BACKUPS)
            self.backups_next.setFocus()
        else:
            self._show_new_code()

    def _backups_chosen(self) -> None:
        if self._plan is not None:
            self._plan.old_backups = self.backups_choice.choice()
            self._show_new_code()

    def _show_new_code(self) -> None:
        from recovery_desktop.storage.keys import generate_recovery_code

        self.steps.start(generate_recovery_code())
        self.pages.setCurrentIndex(CODE)

    def _hand_over(self) -> None:
        plan, host = self._plan, self._host
        if plan is None or host is None:
            return
        plan.new_recovery_code = self.steps.code
        refusal = host.start(plan)
        if refusal:
            self.steps.show_error(refusal)
            return
        # The session is closing: the main window, the settings and this dialog go with it.
        self.handed_over = True
        self._plan = None
        self.steps.forget()
        self.fields.clear()
        if self.current is not None:
            self.current.clear()
        self.hide()

    def reject(self) -> None:
        if self.busy.busy and not self.changing_key:  # the new key file is being written
            return
        if self._host is not None:
            self.steps.forget()
        self._plan = None
        if self.page == DONE:
            self.accept()
            return
        super().reject()
