# SPDX-License-Identifier: GPL-3.0-or-later
"""The window shown while the vault's key changes, and the dialog that says how it went.

The controller closes the session (drafts saved, connection closed) and shows this window in
place of the main window. The change runs on a worker (`storage/rekey.py`: crash-safe, under an
exclusive lock); then the vault is reopened with the new passphrase, which also proves the new
secrets work. If the change fails, the vault is reopened with whatever opens it now, and the
person is told which passphrase and recovery code are in use: never left guessing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.storage.errors import WrongPassphraseError
from recovery_desktop.storage.layout import BACKUPS_NAME
from recovery_desktop.storage.rekey import RekeyReport, change_vault_key
from recovery_desktop.storage.unlocking import UnlockedKey
from recovery_desktop.storage.vault_lock import VaultInUseError
from recovery_desktop.ui.exclusive_work_window import ExclusiveWorkWindow
from recovery_desktop.ui.keys.code_steps import button, button_row
from recovery_desktop.ui.keys.copies_text import KeyWords, key_changed_text
from recovery_desktop.ui.keys.key_change import KeyChangePlan
from recovery_desktop.ui.theme import make_heading
from recovery_desktop.ui.unlock.common import describe_error
from recovery_desktop.ui.workers import Task, run_in_background

log = logging.getLogger(__name__)

STEPS = 6  # the five of change_vault_key, then opening the vault with the new passphrase


@dataclass
class KeyChangeOutcome:
    """How the change went, and what opens the vault now (None: nothing we hold)."""

    key: UnlockedKey | bytes | None
    changed: bool  # the database is under the new key
    new_secrets: bool  # the new passphrase and recovery code are the ones in use
    report: RekeyReport | None = None
    error: BaseException | None = None


def _run_change(plan: KeyChangePlan, cost: KdfCost | None, task: Task) -> KeyChangeOutcome:
    """On a worker: the change, then the vault's key from the new passphrase."""
    if plan.slot_upgrade is not None:
        plan.slot_upgrade.forget()  # waits for a re-wrap in progress: one writer at a time
    try:
        report = change_vault_key(
            plan.folder,
            plan.current_key,
            plan.new_passphrase,
            plan.new_recovery_code,
            old_backups=plan.old_backups,
            cost=cost,
            progress=task.report,
        )
    except Exception as error:  # noqa: BLE001 - told in plain words, the vault reopened
        log.warning("Changing the vault's key stopped: %s", type(error).__name__)
        return _after_failure(plan, error)
    task.report(STEPS - 1, STEPS)
    try:
        key = Vault.unlock_key(plan.folder, plan.new_passphrase)
    except Exception as error:  # noqa: BLE001 - the change is done; unlock asks for it
        return KeyChangeOutcome(None, True, True, report, error)
    task.report(STEPS, STEPS)
    return KeyChangeOutcome(key, True, True, report)


def _after_failure(plan: KeyChangePlan, error: BaseException) -> KeyChangeOutcome:
    """Which secrets open the vault now? Before the change's first write the old ones; after
    it the new ones, and the next unlock with them finishes the switch (it may do so here)."""
    try:
        key = Vault.unlock_key(plan.folder, plan.new_passphrase)
    except WrongPassphraseError:
        return KeyChangeOutcome(plan.current_key, False, False, None, error)
    except Exception:  # noqa: BLE001 - finishing failed too: the old key still opens vault.db
        try:
            new_secrets = Vault.load_key_file(plan.folder).pending is not None
        except Exception:  # noqa: BLE001
            new_secrets = True  # say "try the new passphrase first": it can only help
        return KeyChangeOutcome(plan.current_key, False, new_secrets, None, error)
    return KeyChangeOutcome(key, key.data_key != plan.current_key, True, None, error)


class KeyChangeWindow(ExclusiveWorkWindow):
    """Progress of a key change; emits `finished_change(KeyChangeOutcome)` on the GUI thread.

    Cannot be closed while the change runs (it is crash-safe, but the person should not think
    it stopped). `cost` is the KDF cost of the new wraps (None: the default).
    """

    finished_change = Signal(object)

    def __init__(
        self,
        plan: KeyChangePlan,
        *,
        cost: KdfCost | None = None,
        title: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("key_change", steps=STEPS, title=title, parent=parent)
        self._plan: KeyChangePlan | None = plan
        self._cost = cost
        self.explain(
            self.tr("Changing your vault's key"),
            self.tr(
                "Your journal is being re-encrypted with a new key. For a large journal this "
                "can take a minute; please keep the app open.\n\n"
                "If the computer stops anyway, nothing is lost. Unlock with your new passphrase "
                "and the change finishes; if it had not really begun yet, your old passphrase "
                "still opens the vault."
            ),
            progress_name=self.tr("Progress of the key change"),
        )
        char = self.fontMetrics().averageCharWidth()
        self.resize(char * 86, char * 40)
        self._show_step(0)

    def _start(self) -> None:
        """The change, then the vault's key from the new passphrase, on a worker (the app's
        own background work has let go of the vault by now: a search index batch, a slot
        re-wrap)."""
        plan, cost = self._plan, self._cost
        assert plan is not None
        run_in_background(
            self,
            lambda task: _run_change(plan, cost, task),
            self._done,
            self._crashed,
            progress=lambda done, total: self._show_step(done),
        )

    def _show_step(self, done: int) -> None:
        self.bar.setValue(max(0, min(STEPS, done)))
        text = {
            0: self.tr("Making the new key, and wrapping it with your new passphrase and code…"),
            1: self.tr("Writing your journal under the new key…"),
            2: self.tr("Checking the new copy and switching over…"),
            3: self.tr("Putting the new key in place…"),
            4: self.tr("Taking care of the old backups…"),
            5: self.tr("Opening your journal with the new key…"),
        }.get(done, self.tr("Done."))
        self.show_step_text(text)

    def _done(self, outcome: KeyChangeOutcome) -> None:
        self.running = False
        self._plan = None
        self.finished_change.emit(outcome)

    def _crashed(self, error: BaseException) -> None:  # a bug: _run_change catches the rest
        plan = self._plan
        self.running = False
        self._plan = None
        key = plan.current_key if plan is not None else None
        self.finished_change.emit(KeyChangeOutcome(key, False, True, None, error))


def outcome_text(outcome: KeyChangeOutcome, folder: Path) -> tuple[str, str]:
    """A heading and the sentences that say how the change went."""
    if outcome.error is None and outcome.report is not None:
        return KeyWords.tr("Your vault has a new key"), key_changed_text(outcome.report)
    reason = describe_error(outcome.error) if outcome.error is not None else ""
    if outcome.changed:
        return KeyWords.tr("Your vault has a new key"), KeyWords.tr(
            "Your journal is under its new key, and only your new passphrase and recovery code "
            "open it. Something went wrong at the end ({reason}), so please look in your backup "
            "folders ({folders}): backups there may still open with your old passphrase and "
            "recovery code."
        ).format(reason=reason, folders=backup_folders_text(folder))
    if outcome.new_secrets:
        return KeyWords.tr("The key change will finish at the next unlock"), KeyWords.tr(
            "The switch to the new key did not finish: {reason}\n\n"
            "What this means: your NEW passphrase and recovery code are already the ones in "
            "use, and the old ones no longer open the vault. Your journal is safe under its "
            "current key, and the switch finishes the next time you unlock with the new "
            "passphrase."
        ).format(reason=reason)
    if isinstance(outcome.error, VaultInUseError):
        return KeyWords.tr("The vault's key was not changed"), KeyWords.tr(
            "Another window or program opened the vault just as the change began, so nothing "
            "was changed: your passphrase and recovery code are as before, and the new code "
            "you wrote down is not used. Close the vault there, then try again from Settings."
        )
    return KeyWords.tr("The vault's key was not changed"), KeyWords.tr(
        "The change could not be made: {reason}\n\nNothing was changed: your passphrase and "
        "recovery code are as before, and the new code you wrote down is not used."
    ).format(reason=reason)


def backup_folders_text(folder: Path) -> str:
    """Every folder the app keeps this vault's backups in: `backups/`, the chosen folder and
    the others it made backups in."""
    from recovery_desktop.storage.backup_places import copy_places

    try:
        folders = copy_places(folder).folders
    except Exception:  # noqa: BLE001 - the words must come; the own folder always counts
        folders = [folder / BACKUPS_NAME]
    return ", ".join(str(place) for place in folders)


class KeyChangeResultDialog(QDialog):
    """Over the reopened main window: how the change went, in plain words."""

    def __init__(self, heading: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("key_change_result")
        self.setWindowTitle(heading)
        title = QLabel(heading, self)
        make_heading(title, 1.3)
        self.text = QLabel(text, self)
        self.text.setObjectName("key_change_summary")
        self.text.setWordWrap(True)
        self.ok_button = button(self, self.tr("OK"), "key_change_ok", self.tr("OK"), primary=True)
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.text)
        layout.addStretch(1)
        layout.addLayout(button_row(self.ok_button))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 74)
