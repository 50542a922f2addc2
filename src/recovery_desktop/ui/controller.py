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
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from recovery_desktop.storage.errors import VaultError
from recovery_desktop.storage.folder import check_vault_folder
from recovery_desktop.storage.layout import vault_exists
from recovery_desktop.storage.vault_lock import AppAlreadyOpenError, GuiInstanceLock
from recovery_desktop.ui.app_keys import AppKeys
from recovery_desktop.ui.app_settings import AppSettings
from recovery_desktop.ui.clipboard import forget_copied
from recovery_desktop.ui.unlock.unlock_window import DEFAULT_FAILURE_DELAYS, UnlockWindow

if TYPE_CHECKING:
    from recovery_desktop.storage import KdfCost, Vault
    from recovery_desktop.ui.lock import SessionLock
    from recovery_desktop.ui.main_window import MainWindow, PageFactory
    from recovery_desktop.ui.unlock.setup_wizard import SetupWizard


class AppController(QObject):
    """Switches between the windows; emits `finished` when the person closes the app.

    Everything slow or sensitive is injectable for tests: `kdf_cost` (for new vaults and new
    passphrases), `failure_delays`, `idle_interval_ms` (None: the vault's own setting) and
    `page_factories`. `demo_passphrase` marks a throwaway demo vault: shown in the title and a
    banner, and the folder is not remembered as the last vault.
    """

    finished = Signal()
    unlocked = Signal(object)  # the main window, after each unlock
    locked = Signal()

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
        self.main_window: MainWindow | None = None
        self.session: SessionLock | None = None
        self.vault: Vault | None = None
        self.gui_lock: GuiInstanceLock | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # Locking closes the main window before the unlock window is shown: the controller,
            # not "last window closed", decides when the app ends.
            app.setQuitOnLastWindowClosed(False)
            app.aboutToQuit.connect(self.shutdown)
            AppKeys.install(app, self.quit)  # F1 Help now, Ctrl+Q, Enter on buttons

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

    def show_unlock(self) -> UnlockWindow:
        banner = None
        if self.demo_passphrase is not None:
            banner = self.tr("Demo vault — passphrase: {p}. Nothing here is real.").format(
                p=self.demo_passphrase
            )
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
        window.show()
        window.raise_()
        window.activateWindow()
        for old in (self.unlock_window, self.setup_wizard):
            if old is not None and old is not window and shiboken6.isValid(old):
                old.blockSignals(True)
                old.hide()
                old.deleteLater()
        self.unlock_window = None
        self.setup_wizard = None

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
        self.main_window = window
        self._replace_front(window)
        self.unlocked.emit(window)

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
        self._end_session()
        self.show_unlock()
        self.locked.emit()

    def _main_closed(self) -> None:
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
        self.vault = None

    def shutdown(self) -> None:
        """On quit (window closed, logout): save drafts and close the vault if still open."""
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
        forget_copied()
        if self.gui_lock is not None:
            self.gui_lock.release()
            self.gui_lock = None
