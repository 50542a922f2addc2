# SPDX-License-Identifier: GPL-3.0-or-later
"""Which window is showing: set-up wizard, unlock window, or the main window of an open vault.

The controller owns the one open `Vault` of a session and hands it to the main window; locking
(`lock.SessionLock`) closes it and brings the unlock window back for the same folder. It imports
the main window only after an unlock, so start-up loads just what the unlock window needs.

One app per vault (issue 6, point 11): the controller holds the folder's `GuiInstanceLock` from
the moment it shows the unlock or set-up window for it, across lock and unlock, until quit. A
second app is told so before anyone types a passphrase; a folder that does not exist yet is
claimed when set-up has made the vault, and one chosen with "Open another vault…" when it
unlocks (the unlock window picks it itself). The command line is not affected: it only takes the
vault's shared use lock.

Keys (issue 6, points 2 and 3): a slot that unlocked below today's KDF cost is re-wrapped on a
worker once the main window is shown, never before. A change of the vault's key rewrites the
database, so the controller runs it: the key-change dialog hands a plan to the `KeyChangeHost`
on the main window; the controller refuses while another process has the vault open, saves the
pages, ends the session (connection closed), shows the key-change window, and reopens the vault
with the new key, with a dialog that says how it went.

Backups (issue 9, point 3): after each unlock, once Today is shown (and after the slot re-wrap),
the automatic backup runs on a worker when the last one is more than a day old
(`automatic_backup.py`). Every backup the session writes is one of `backup_runs`; locking,
quitting, a key change and a restore stop them first, since they hold the vault's lock. A
restore chosen on the Export & backup page reaches the controller through the `BackupHost` on
the main window: as for a key change, it is refused while another process has the vault open,
else the pages are saved, the session ends, the restore runs in `RestoreWindow`, and the unlock
window comes back saying which passphrase opens the vault now; after that unlock the person is
offered a new passphrase.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from recovery_desktop.storage.errors import VaultError
from recovery_desktop.storage.folder import check_vault_folder
from recovery_desktop.storage.layout import vault_exists
from recovery_desktop.storage.vault_lock import AppAlreadyOpenError, GuiInstanceLock
from recovery_desktop.ui.app_keys import AppKeys
from recovery_desktop.ui.app_settings import AppSettings
from recovery_desktop.ui.backup_runs import STOP_WAIT_SECONDS, BackupRuns
from recovery_desktop.ui.session_backups import SessionBackups
from recovery_desktop.ui.unlock.unlock_window import DEFAULT_FAILURE_DELAYS, UnlockWindow
from recovery_desktop.ui.workers import run_in_background

if TYPE_CHECKING:
    from recovery_desktop.storage import KdfCost, Vault
    from recovery_desktop.storage.restore import RestoreResult
    from recovery_desktop.storage.unlocking import SlotUpgrade
    from recovery_desktop.ui.automatic_backup import AutomaticBackup
    from recovery_desktop.ui.backup_host import BackupHost
    from recovery_desktop.ui.keys.key_change import KeyChangePlan
    from recovery_desktop.ui.keys.key_change_window import KeyChangeOutcome, KeyChangeWindow
    from recovery_desktop.ui.lock import SessionLock
    from recovery_desktop.ui.main_window import MainWindow, PageFactory
    from recovery_desktop.ui.restore_window import RestoreWindow
    from recovery_desktop.ui.unlock.setup_wizard import SetupWizard

log = logging.getLogger(__name__)


class AppController(SessionBackups, QObject):
    """Switches between the windows; emits `finished` when the person closes the app.

    Everything slow or sensitive is injectable for tests: `kdf_cost` (for new vaults and new
    passphrases), `failure_delays`, `idle_interval_ms` (None: the vault's own setting) and
    `page_factories`. `demo_passphrase` marks a throwaway demo vault: shown in the title and a
    banner, and the folder is not remembered as the last vault. `automatic_backups=False`
    leaves out the daily backup after unlock (tests that count backups; the demo never makes
    one).
    """

    finished = Signal()
    unlocked = Signal(object)  # the main window, after each unlock
    locked = Signal()
    slot_upgraded = Signal(bool)  # after an unlock's slot re-wrap: True when vault.keys changed
    key_change_done = Signal(object)  # the result dialog, over the reopened main window
    automatic_backup_done = Signal(object)  # AutomaticBackupResult, or None (stopped, failed)
    restore_done = Signal(object)  # RestoreOutcome, once the unlock window says how it went
    restored_offer = Signal(object)  # the RestoredDialog, after the unlock that follows

    def __init__(
        self,
        vault_dir: Path,
        *,
        app_settings: AppSettings | None = None,
        kdf_cost: KdfCost | None = None,
        failure_delays: Sequence[float] = DEFAULT_FAILURE_DELAYS,
        idle_interval_ms: int | None = None,
        demo_passphrase: str | None = None,
        page_factories: Mapping[str, PageFactory] | None = None,
        automatic_backups: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault_dir = Path(vault_dir)
        self.app_settings = app_settings or AppSettings()
        self.kdf_cost = kdf_cost
        self.failure_delays = tuple(failure_delays)
        self.idle_interval_ms = idle_interval_ms
        self.demo_passphrase = demo_passphrase
        self.page_factories = page_factories
        self.unlock_window: UnlockWindow | None = None
        self.setup_wizard: SetupWizard | None = None
        self.key_change_window: KeyChangeWindow | None = None
        self.main_window: MainWindow | None = None
        self.session: SessionLock | None = None
        self.vault: Vault | None = None
        self.gui_lock: GuiInstanceLock | None = None
        self._pending_upgrade: SlotUpgrade | None = None
        self.automatic_backups = automatic_backups and demo_passphrase is None
        self.backup_runs = BackupRuns()
        self.backup_host: BackupHost | None = None
        self.restore_window: RestoreWindow | None = None
        self._automatic: AutomaticBackup | None = None
        self._restored: tuple[RestoreResult, bytes] | None = None
        self._keys: AppKeys | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # Locking closes the main window before the unlock window is shown: the controller,
            # not "last window closed", decides when the app ends.
            app.setQuitOnLastWindowClosed(False)
            app.aboutToQuit.connect(self.shutdown)
            self._keys = AppKeys.install(app, self.quit)  # F1 Help now, Ctrl+Q, Enter on buttons

    # --- windows -------------------------------------------------------------------------------

    def start(self) -> None:
        if not self._claim(self.vault_dir):
            # Leave from the event loop: `finished` quits the app, and a quit asked for before
            # the loop runs would be lost.
            QTimer.singleShot(0, self.finished.emit)
            return
        if vault_exists(self.vault_dir):
            self.show_unlock()
        else:
            self.show_setup(self.vault_dir)

    # --- one app per vault -----------------------------------------------------------------------

    def _claim(self, folder: Path) -> bool:
        """Hold the app lock of `folder` (dropping the one held before); False, after telling
        the person, when another Recovery Desktop window has it. A folder that does not exist
        yet, or that is unsafe (the open explains why), is not locked here."""
        folder = Path(folder)
        held = self.gui_lock
        if held is not None and held.held and held.folder == folder:
            return True
        if not folder.is_dir():
            return True
        try:
            check_vault_folder(folder)  # no lock file in a folder others can write
            lock = GuiInstanceLock.acquire(folder)
        except AppAlreadyOpenError:
            self._say_already_open(folder)
            return False
        except (VaultError, OSError):
            return True  # unlocking says what is wrong with the folder, in plain words
        if held is not None:
            held.release()
        self.gui_lock = lock
        return True

    def _say_already_open(self, folder: Path) -> None:
        from PySide6.QtWidgets import QMessageBox  # rare; its enums cost ~1 ms at start-up

        QMessageBox.information(
            None,
            self.tr("Recovery Desktop is already open"),
            self.tr(
                "Recovery Desktop already has this vault open in another window, so it was not "
                "opened a second time (two windows could overwrite each other's writing). "
                "Please switch to that window. Nothing was changed.\n\nVault: {folder}"
            ).format(folder=folder),
        )

    def _title(self) -> str:
        if self.demo_passphrase is not None:
            return self.tr("Recovery Desktop: demo vault (passphrase: {p})").format(
                p=self.demo_passphrase
            )
        return self.tr("Recovery Desktop")

    def show_unlock(self, notice: str | None = None) -> UnlockWindow:
        """The unlock window for the vault folder; `notice` is good news to show above the
        passphrase (after a restore), also read to a screen reader with the field."""
        banner = None
        if self.demo_passphrase is not None:
            banner = self.tr("Demo vault — passphrase: {p}. Nothing here is real.").format(
                p=self.demo_passphrase
            )
        if notice:
            banner = f"{banner}\n\n{notice}" if banner else notice
        window = UnlockWindow(
            self.vault_dir,
            failure_delays=self.failure_delays,
            kdf_cost=self.kdf_cost,
            banner=banner,
            title=self._title(),
        )
        window.unlocked.connect(self._unlocked)
        window.create_requested.connect(self._create_requested)
        window.closed.connect(self.finished)
        if notice:
            from recovery_desktop.ui.restore_window import fit_height

            window.passphrase.setAccessibleDescription(notice)
            fit_height(window, window.width(), window.height())
        self._replace_front(window)
        self.unlock_window = window
        try:  # an unsafe folder is refused at unlock: say so before the passphrase is typed
            check_vault_folder(self.vault_dir)
        except VaultError as error:
            window.message.setText(str(error))
        return window

    def show_setup(self, folder: Path) -> SetupWizard:
        from recovery_desktop.ui.unlock.setup_wizard import SetupWizard

        wizard = SetupWizard(folder, cost=self.kdf_cost)
        wizard.vault_ready.connect(lambda vault: self._vault_made(folder, vault))
        wizard.cancelled.connect(self._setup_cancelled)
        self._replace_front(wizard)
        self.setup_wizard = wizard
        return wizard

    def _replace_front(self, window: QWidget) -> None:
        """Show `window` first, then retire the pre-unlock window it replaces."""
        if self._keys is not None:
            self._keys.watch(window)  # its keys, even before the system makes it active
        window.show()
        window.raise_()
        window.activateWindow()
        for old in (
            self.unlock_window,
            self.setup_wizard,
            self.key_change_window,
            self.restore_window,
        ):
            if old is not None and old is not window and shiboken6.isValid(old):
                old.blockSignals(True)
                old.hide()
                old.deleteLater()
        self.unlock_window = None
        self.setup_wizard = None
        self.key_change_window = None
        self.restore_window = None

    def _create_requested(self, folder: Path) -> None:
        if not self._claim(Path(folder)):
            self.show_unlock()  # the folder we hold, as before
            return
        self.show_setup(Path(folder))

    def _setup_cancelled(self) -> None:
        if (
            vault_exists(self.vault_dir)
            and self.setup_wizard is not None
            and (self.setup_wizard.folder != self.vault_dir)
        ):
            self.show_unlock()
        else:
            self.setup_wizard = None
            self.finished.emit()

    def _vault_made(self, folder: Path, vault: Vault) -> None:
        if not self._claim(Path(folder)):  # another app set up the same new folder meanwhile
            vault.close()
            self.finished.emit()
            return
        self.vault_dir = Path(folder)
        self._unlocked(vault)

    # --- a session -----------------------------------------------------------------------------

    def _unlocked(self, vault: Vault) -> None:
        from recovery_desktop.ui.backup_host import BackupHost
        from recovery_desktop.ui.keys.key_change import KeyChangeHost
        from recovery_desktop.ui.lock import SessionLock
        from recovery_desktop.ui.main_window import MainWindow

        if not self._claim(vault.folder):  # "Open another vault…" chose one shown elsewhere
            vault.close()
            self.show_unlock()
            return
        self.vault = vault
        self.vault_dir = vault.folder
        if self.demo_passphrase is None:
            self.app_settings.set_last_vault_path(vault.folder)
        title = self.tr("Recovery Desktop: demo vault") if self.demo_passphrase else None
        window = MainWindow(
            vault,
            app_settings=self.app_settings,
            kdf_cost=self.kdf_cost,
            title=title,
            page_factories=self.page_factories,
        )
        self.session = SessionLock(
            vault, window, idle_interval_ms=self.idle_interval_ms, parent=self
        )
        self.session.locked.connect(self._locked)
        window.closed.connect(self._main_closed)
        KeyChangeHost(self._key_change_refusal, self._start_key_change, window)
        self.backup_host = BackupHost(
            self.backup_runs, self._restore_refusal, self._start_restore, window
        )
        self.main_window = window
        self._replace_front(window)
        self.unlocked.emit(window)
        self._offer_new_passphrase_after_restore(vault, window)
        self._upgrade_slot_soon(vault)

    def _upgrade_slot_soon(self, vault: Vault) -> None:
        """Re-wrap the slot that just unlocked at today's cost (issue 6, point 3): on a worker,
        started from the event loop once the main window is up, so Today never waits for it.
        Only key files change; the secret is forgotten either way. The automatic backup comes
        after it (one writer of key files at a time)."""
        self._pending_upgrade = vault.slot_upgrade
        QTimer.singleShot(0, self, lambda: self._run_slot_upgrade(vault))

    def _run_slot_upgrade(self, vault: Vault) -> None:
        upgrade, self._pending_upgrade = self._pending_upgrade, None
        if upgrade is None:
            self._start_automatic_backup(vault)
            return
        target = self.kdf_cost

        def upgraded(changed: object) -> None:
            self.slot_upgraded.emit(bool(changed))
            self._start_automatic_backup(vault)

        def failed(error: BaseException) -> None:
            # The slot keeps working at its old cost; the next unlock with it tries again.
            log.warning("Re-wrapping a key slot at today's cost failed: %s", type(error).__name__)
            self.slot_upgraded.emit(False)
            self._start_automatic_backup(vault)

        run_in_background(self, lambda: upgrade.run(target), upgraded, failed)

    # --- changing the vault's key ------------------------------------------------------------

    def _key_change_refusal(self) -> str | None:
        """Why the vault's key cannot change now (someone else has the vault open), or None."""
        from recovery_desktop.storage.vault_lock import VaultInUseError

        vault = self.vault
        if vault is None or not vault.is_open:
            return self.tr("The vault is locked, so its key was not changed. Nothing was changed.")
        if not self.backup_runs.stop_all(STOP_WAIT_SECONDS):  # they hold the vault's lock too
            return self.tr(
                "A backup is still being written. Please try again in a moment. Nothing was "
                "changed."
            )
        try:
            vault.use_lock.upgrade_to_exclusive()
        except VaultInUseError:
            return self.tr(
                "The vault's key can only change while no other window or program has the vault "
                "open (a command in a terminal, for example). Please close it there and try "
                "again. Nothing was changed."
            )
        except VaultError as error:
            return str(error)
        vault.use_lock.downgrade_to_shared()
        return None

    def _start_key_change(self, plan: KeyChangePlan) -> str | None:
        """Save the pages, end the session and run the change in the key-change window; or
        say why not (nothing changed, the session goes on)."""
        from recovery_desktop.ui.keys.key_change_window import KeyChangeWindow

        refusal = self._key_change_refusal()
        if refusal:
            return refusal
        window, session = self.main_window, self.session
        if window is None or session is None:
            return self.tr("The vault is locked, so its key was not changed. Nothing was changed.")
        if not self._pages_saved(window, "the key change"):
            return self.tr(
                "Something you wrote could not be saved yet (the page says why), so the key was "
                "not changed. Please copy or shorten it first, then try again."
            )
        progress = KeyChangeWindow(plan, cost=self.kdf_cost, title=self._title())
        progress.finished_change.connect(self._key_change_finished)
        self._hand_session_to(window, session, progress)
        self.key_change_window = progress
        progress.begin()
        return None

    @staticmethod
    def _pages_saved(window: MainWindow, before: str) -> bool:
        """Save every page before work that needs the vault to itself (a key change, a
        restore); False when one could not, and its text stays on screen with the reason."""
        try:
            return not window.flush_pages()
        except Exception:  # a bug in a page: its text is still on screen, so do not go on
            log.exception("A page could not save before %s", before)
            return False

    def _hand_session_to(self, window: MainWindow, session: SessionLock, front: QWidget) -> None:
        """End the session for work that needs the vault to itself: the connection closes, the
        idle lock and Ctrl+L stop watching, its dialogs and window go, and `front` is shown."""
        session.shutdown()
        self._end_session()
        for dialog in window.findChildren(QDialog):
            dialog.hide()
        window.discard()
        self._replace_front(front)

    def _key_change_finished(self, outcome: KeyChangeOutcome) -> None:
        from recovery_desktop.storage.vault import Vault
        from recovery_desktop.ui.keys.key_change_window import KeyChangeResultDialog, outcome_text

        heading, text = outcome_text(outcome, self.vault_dir)
        vault = None
        if outcome.key is not None:
            try:
                vault = Vault.from_data_key(self.vault_dir, outcome.key)
            except Exception as error:  # noqa: BLE001 - the unlock window says what to do
                log.warning("Reopening after a key change failed: %s", type(error).__name__)
        if vault is None:
            unlock = self.show_unlock()
            unlock.message.setText(
                text + "\n\n" + self.tr("Please unlock with your new passphrase.")
                if outcome.new_secrets
                else text
            )
            return
        self._unlocked(vault)
        dialog = KeyChangeResultDialog(heading, text, self.main_window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.key_change_done.emit(dialog)

    def quit(self) -> None:
        """Ctrl+Q: close the window in front as its close button does (the main window saves
        every page first and asks before losing what the vault refused; set-up asks before
        leaving a vault whose code is not confirmed), then end the app. A window that says
        "not now" keeps the app open."""
        front = self.main_window or self.setup_wizard or self.unlock_window
        if front is not None and shiboken6.isValid(front):
            if front is self.setup_wizard:
                front.blockSignals(True)  # leaving set-up here means quitting, not going back
            closed = front.close()
            if front is self.setup_wizard and shiboken6.isValid(front):
                front.blockSignals(False)
            if not closed:
                return
        self.finished.emit()

    def lock(self) -> None:
        if self.session is not None:
            self.session.lock()

    def _locked(self) -> None:
        self.backup_runs.stop_all()  # they clean up on their workers; nothing waits
        self._end_session()
        self.show_unlock()
        self.locked.emit()

    def _main_closed(self) -> None:
        self.backup_runs.stop_all()
        if self.session is not None:
            self.session.shutdown()
        window = self.main_window
        self._end_session()
        if window is not None and shiboken6.isValid(window):
            window.deleteLater()
        self.finished.emit()

    def _end_session(self) -> None:
        if self.session is not None:
            self.session.deleteLater()
        self.session = None
        self.main_window = None
        self.backup_host = None
        self.vault = None

    def shutdown(self) -> None:
        """On quit (window closed, logout): save drafts and close the vault if still open, and
        let a backup in progress stop and remove its partial folder before the app ends."""
        self.backup_runs.stop_all()
        window, vault = self.main_window, self.vault
        if window is not None and shiboken6.isValid(window):
            try:
                window.flush_pages()
            finally:
                if vault is not None:
                    vault.close()
        elif vault is not None:
            vault.close()
        self._end_session()
        from recovery_desktop.ui.clipboard import forget_copied  # hashing loads only when quitting

        forget_copied()
        self.backup_runs.stop_all(STOP_WAIT_SECONDS)
        if self.gui_lock is not None:
            self.gui_lock.release()
            self.gui_lock = None
