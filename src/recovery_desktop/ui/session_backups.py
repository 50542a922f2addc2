# SPDX-License-Identifier: GPL-3.0-or-later
"""The app controller's part in backups (issue 9, point 3): the automatic backup after each
unlock, and a restore chosen on the Export & backup page, from the refusal to the unlock window
that says what opens the vault now and the offer of a new passphrase after it.

`SessionBackups` is a mixin of `AppController` (`controller.py`), kept apart so neither grows
past a screenful of concerns; it uses the controller's session, windows and signals
(`automatic_backup_done`, `restore_done`, `restored_offer`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_desktop.storage.errors import VaultError
from recovery_desktop.ui.backup_runs import STOP_WAIT_SECONDS

if TYPE_CHECKING:
    from recovery_desktop.storage import Vault
    from recovery_desktop.ui.backup_host import RestorePlan
    from recovery_desktop.ui.main_window import MainWindow
    from recovery_desktop.ui.restore_window import RestoreOutcome

log = logging.getLogger(__name__)


class SessionBackups:
    """Backups and restore for `AppController`; see the module docstring."""

    def _start_automatic_backup(self, vault: Vault) -> None:
        """The daily backup, on a worker, for this session only (not one locked meanwhile)."""
        from recovery_desktop.ui.automatic_backup import AutomaticBackup

        window, host = self.main_window, self.backup_host
        if (
            not self.automatic_backups
            or self.vault is not vault
            or not vault.is_open
            or window is None
            or host is None
        ):
            return
        if self._automatic is None:
            self._automatic = AutomaticBackup(self.backup_runs, self)
            self._automatic.done.connect(self.automatic_backup_done)
        self._automatic.start(vault, window, host)

    def _restore_refusal(self) -> str | None:
        """Why a backup cannot be restored now (another process has the vault open), or None.
        Stops the session's own backups first: they hold the vault's lock too."""
        from recovery_desktop.storage.vault_lock import VaultInUseError

        vault = self.vault
        if vault is None or not vault.is_open:
            return self.tr("The vault is locked, so nothing was restored. Nothing was changed.")
        if not self.backup_runs.stop_all(STOP_WAIT_SECONDS):
            return self.tr(
                "A backup is still being written. Please try again in a moment. Nothing was "
                "changed."
            )
        try:
            vault.use_lock.upgrade_to_exclusive()
        except VaultInUseError:
            return self.tr(
                "A backup can only be restored while no other window or program has the vault "
                "open (a command in a terminal, for example). Please close it there and try "
                "again. Nothing was changed."
            )
        except VaultError as error:
            return str(error)
        vault.use_lock.downgrade_to_shared()
        return None

    def _start_restore(self, plan: RestorePlan) -> str | None:
        """Save the pages, end the session and restore in the restore window; or say why not
        (nothing changed, the session goes on)."""
        from recovery_desktop.ui.restore_window import RestoreWindow

        refusal = self._restore_refusal()
        if refusal:
            return refusal
        window, session = self.main_window, self.session
        if window is None or session is None:
            return self.tr("The vault is locked, so nothing was restored. Nothing was changed.")
        if not self._pages_saved(window, "a restore"):
            return self.tr(
                "Something you wrote could not be saved yet (the page says why), so nothing was "
                "restored. Please copy or shorten it first, then try again."
            )
        progress = RestoreWindow(plan, self.vault_dir, self.backup_runs, title=self._title())
        progress.finished_restore.connect(self._restore_finished)
        self._hand_session_to(window, session, progress)
        self.restore_window = progress
        progress.begin()
        return None

    def _restore_finished(self, outcome: RestoreOutcome) -> None:
        from recovery_desktop.ui.restore_window import notice_after

        text, good = notice_after(outcome)
        if outcome.result is not None:
            self._restored = (outcome.result, _key_file_print(self.vault_dir))
        unlock = self.show_unlock(notice=text if good else None)
        if not good:
            unlock.message.setText(text)
        self.restore_done.emit(outcome)

    def _offer_new_passphrase_after_restore(self, vault: Vault, window: MainWindow) -> None:
        """After the first unlock that follows a restore: say what opens the vault now and
        offer a new passphrase; not when one was chosen already (a recovery-code unlock)."""
        from recovery_desktop.ui.restore_window import RestoredDialog

        restored, self._restored = self._restored, None
        if restored is None:
            return
        result, key_file = restored
        if (
            not result.key_file_changed
            or Path(vault.folder) != Path(result.vault_folder)
            or _key_file_print(vault.folder) != key_file
        ):
            return
        dialog = RestoredDialog(result, window)
        # A bound method of the controller, not a lambda holding the window: a dying child
        # must not drop its window's last reference (PySide crashes then).
        dialog.change_requested.connect(self._choose_new_passphrase)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.restored_offer.emit(dialog)

    def _choose_new_passphrase(self) -> None:
        from recovery_desktop.ui.keys.key_change import KeyChangeHost
        from recovery_desktop.ui.unlock.new_passphrase import NewPassphraseDialog

        vault, window = self.vault, self.main_window
        if vault is None or window is None:
            return
        dialog = NewPassphraseDialog(
            vault, window, cost=self.kdf_cost, key_change=KeyChangeHost.near(window)
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()


def _key_file_print(folder: Path) -> bytes:
    """A fingerprint of the vault's key file (it is replaced whole on every change of the
    secrets), to tell whether a new passphrase was chosen since a restore."""
    import hashlib

    try:
        return hashlib.sha256((Path(folder) / "vault.keys").read_bytes()).digest()
    except OSError:
        return b""
