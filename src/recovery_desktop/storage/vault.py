# SPDX-License-Identifier: GPL-3.0-or-later
"""An unlocked vault: one folder with `vault.db`, `vault.keys` and `backups/` (DESIGN §3).

Typical use::

    vault, recovery_code = Vault.create(folder, passphrase)   # show the code once
    vault = Vault.open(folder, passphrase)
    vault.entries.save(Entry(entry_date=date.today(), body="..."))
    vault.close()

A `Vault` owns one connection, made on the thread that opened it; its repositories must be used
from that thread only. Work on another thread calls `open_connection()` for a connection of its
own. The KDF is slow on purpose: a GUI derives the key off its thread with `derive_key` and then
calls `from_data_key` on its own thread.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recovery_desktop.storage.aggregates import AggregateRepository
from recovery_desktop.storage.atomic import PRIVATE_FILE_MODE, make_private_dir
from recovery_desktop.storage.backup_places import copy_places
from recovery_desktop.storage.connection import Connection, close_database, open_database
from recovery_desktop.storage.connections import ConnectionRepository
from recovery_desktop.storage.crisis_lines import CrisisLineRepository
from recovery_desktop.storage.entries import EntryRepository
from recovery_desktop.storage.errors import (
    VaultExistsError,
    VaultLockedError,
    VaultNotFoundError,
)
from recovery_desktop.storage.folder import (
    check_vault_folder,
    prepare_new_vault_folder,
    remove_stale_temp_files,
)
from recovery_desktop.storage.goals import GoalRepository
from recovery_desktop.storage.key_copies import CopiesReport, CopyPlaces, refresh_key_copies
from recovery_desktop.storage.keys import (
    PASSPHRASE_SLOT,
    RECOVERY_SLOT,
    KdfCost,
    KeyFile,
    generate_recovery_code,
    new_data_key,
)
from recovery_desktop.storage.layout import BACKUPS_NAME, DB_NAME, KEYS_NAME, vault_exists
from recovery_desktop.storage.migrations import migrate
from recovery_desktop.storage.people import CommunityRepository, ContactRepository
from recovery_desktop.storage.recovery import (
    RecoveryStartRepository,
    SettingsRepository,
    TemplateRepository,
)
from recovery_desktop.storage.rekey import remove_stale_rekey_files
from recovery_desktop.storage.restore import finish_interrupted_restore, remove_stale_restore_files
from recovery_desktop.storage.safety_plan import SafetyPlanRepository
from recovery_desktop.storage.search_index import SearchIndex
from recovery_desktop.storage.unlocking import SlotUpgrade, UnlockedKey, unlock_key
from recovery_desktop.storage.vault_lock import VaultUseLock, key_file_lock

if TYPE_CHECKING:
    from recovery_desktop.storage.backup import AutomaticBackupResult, BackupInfo

__all__ = ["BACKUPS_NAME", "DB_NAME", "KEYS_NAME", "Vault", "vault_exists"]


class Vault:
    """An open, decrypted vault and its repositories."""

    def __init__(
        self,
        folder: Path,
        data_key: bytes | UnlockedKey,
        *,
        must_change_passphrase: bool = False,
    ) -> None:
        self.folder = Path(folder)
        # A slot to re-wrap at today's cost now that its secret is known (run after Today).
        self.slot_upgrade: SlotUpgrade | None = None
        if isinstance(data_key, UnlockedKey):
            self.slot_upgrade = data_key.upgrade
            data_key = data_key.data_key
        self._data_key = data_key
        self.must_change_passphrase = must_change_passphrase
        self._conn: Connection | None = None
        # Folder safety, then the shared use lock (issue 6, points 7 and 2): held until close().
        check_vault_folder(self.folder)
        finish_interrupted_restore(self.folder)
        self.use_lock = VaultUseLock.acquire_shared(self.folder)
        try:
            remove_stale_temp_files(self.folder)
            # Safe under the shared lock: a key change or restore in progress would hold it
            # exclusively.
            remove_stale_rekey_files(self.folder)
            remove_stale_restore_files(self.folder)
            self._conn = self.open_connection()
            migrate(self._conn, self.db_path, self.backups_dir)
        except BaseException:
            if self._conn is not None:
                close_database(self._conn)
            self._conn = None
            self.use_lock.release()
            raise
        self._protect_files()
        self._build_repositories(self._conn)

    # --- paths -------------------------------------------------------------------------------

    @property
    def db_path(self) -> Path:
        return self.folder / DB_NAME

    @property
    def keys_path(self) -> Path:
        return self.folder / KEYS_NAME

    @property
    def backups_dir(self) -> Path:
        return self.folder / BACKUPS_NAME

    @property
    def key_copy_folders(self) -> CopyPlaces:
        """Where the key copies are that follow every change of the secrets (`key_copies`):
        `backups/`, the folder chosen for backups, and every other folder the app has made a
        backup in (`backup_places`)."""
        return copy_places(self.folder)

    # --- opening -----------------------------------------------------------------------------

    @classmethod
    def create(
        cls, folder: Path, passphrase: str, cost: KdfCost | None = None
    ) -> tuple[Vault, str]:
        """Make a new vault; returns it and the recovery code, to be shown to the person once."""
        data_key, recovery_code = cls.create_keys(folder, passphrase, cost)
        return cls(folder, data_key), recovery_code

    @staticmethod
    def create_keys(
        folder: Path, passphrase: str, cost: KdfCost | None = None
    ) -> tuple[bytes, str]:
        """First half of `create`: the folder, `vault.keys` and an empty `vault.db`, closed.

        Slow (two KDF runs) and thread-safe, so a GUI runs it off its thread and then calls
        `from_data_key` on its own. Returns the data key and the new recovery code. The
        database is made whole before the key file and moved in place after it, so a crash at
        any moment leaves no vault or one that opens (`journal_file`).
        """
        from recovery_desktop.storage.journal_file import build_new_journal, install_new_journal

        folder = Path(folder)
        if vault_exists(folder) or (folder / DB_NAME).exists():
            raise VaultExistsError(folder)
        prepare_new_vault_folder(folder)  # refuses another's folder, or one with other files
        make_private_dir(folder / BACKUPS_NAME)
        data_key = new_data_key()
        recovery_code = generate_recovery_code()
        key_file = KeyFile.create(data_key, passphrase, recovery_code, cost or KdfCost())
        build_new_journal(folder / DB_NAME, data_key)
        key_file.save(folder / KEYS_NAME)
        install_new_journal(folder / DB_NAME)
        return data_key, recovery_code

    @staticmethod
    def load_key_file(folder: Path) -> KeyFile:
        """The vault's key file, after finishing a restore that a kill cut short (the only case
        where this writes: `storage/restore.py`)."""
        folder = Path(folder)
        if vault_exists(folder):
            finish_interrupted_restore(folder)
        if not vault_exists(folder):
            raise VaultNotFoundError(folder)
        return KeyFile.load(folder / KEYS_NAME)

    @classmethod
    def unlock_key(cls, folder: Path, secret: str, *, slot: str = PASSPHRASE_SLOT) -> UnlockedKey:
        """Run the KDF and find the data key that opens this vault (slow; thread-safe).

        Raises `WrongPassphraseError`/`WrongRecoveryCodeError` (nothing on disk changes),
        `VaultNotFoundError` or `VaultDamagedError`. Finishes a change of the vault's key that a
        crash interrupted (see `storage/rekey.py`); the only case where this writes.
        """
        return unlock_key(cls.load_key_file(folder), Path(folder), secret, slot)

    @classmethod
    def unlock_key_with_recovery_code(cls, folder: Path, code: str) -> UnlockedKey:
        """`unlock_key` with the recovery code."""
        return cls.unlock_key(folder, code, slot=RECOVERY_SLOT)

    @classmethod
    def derive_key(cls, folder: Path, passphrase: str) -> bytes:
        """The data key the passphrase opens (`unlock_key` without the slot upgrade)."""
        return cls.unlock_key(folder, passphrase, slot=PASSPHRASE_SLOT).data_key

    @classmethod
    def derive_key_from_recovery_code(cls, folder: Path, code: str) -> bytes:
        """As `derive_key`, with the recovery code; raises `WrongRecoveryCodeError`."""
        return cls.unlock_key(folder, code, slot=RECOVERY_SLOT).data_key

    @classmethod
    def from_data_key(
        cls,
        folder: Path,
        data_key: bytes | UnlockedKey,
        *,
        must_change_passphrase: bool = False,
    ) -> Vault:
        return cls(folder, data_key, must_change_passphrase=must_change_passphrase)

    @classmethod
    def open(cls, folder: Path, passphrase: str) -> Vault:
        return cls(folder, cls.unlock_key(folder, passphrase))

    @classmethod
    def open_with_recovery_code(cls, folder: Path, code: str) -> Vault:
        """Open with the recovery code; the caller must then ask for a new passphrase."""
        return cls(
            folder,
            cls.unlock_key(folder, code, slot=RECOVERY_SLOT),
            must_change_passphrase=True,
        )

    def open_connection(self) -> Connection:
        """A new connection to this vault, for use on the calling thread only. Close it with
        `close_database`: a key change or a restore waits for it (`worker_connections`)."""
        if self._data_key is None:
            raise VaultLockedError()
        from recovery_desktop.storage import worker_connections

        conn = open_database(self.db_path, self._data_key)
        if self._conn is not None:  # not the vault's own (opened in __init__)
            worker_connections.opened(conn, self.folder)
        return conn

    # --- keys --------------------------------------------------------------------------------

    def change_passphrase(self, new_passphrase: str, cost: KdfCost | None = None) -> CopiesReport:
        """Rewrap the data key under a new passphrase (atomic; the database is not rewritten),
        then give every managed key copy the new key file, so the old passphrase opens nothing
        the app manages. Slow (one KDF) and thread-safe: it never uses the connection.

        `cost` may raise the KDF cost, never lower it below the default (`cost_for_new_wrap`).
        """
        report = self._change_secret(PASSPHRASE_SLOT, new_passphrase, cost)
        self.must_change_passphrase = False
        return report

    def set_recovery_code(self, code: str, cost: KdfCost | None = None) -> CopiesReport:
        """Replace the recovery slot: from now on only `code` (and the passphrase) opens the
        vault and its managed copies; the old code stops working. Slow; thread-safe."""
        return self._change_secret(RECOVERY_SLOT, code, cost)

    def _change_secret(self, slot: str, secret: str, cost: KdfCost | None) -> CopiesReport:
        data_key = self._data_key
        if data_key is None:
            raise VaultLockedError()
        with key_file_lock(self.folder):  # never interleaved with a re-wrap or a key change
            updated = KeyFile.load(self.keys_path).with_secret(data_key, slot, secret, cost)
            updated.save(self.keys_path)
            return refresh_key_copies(self.key_copy_folders, data_key, updated.to_json())

    # --- backups (storage/backup.py) -------------------------------------------------------
    # Thread-safe like the key methods above: they use the folder and the key, never this
    # vault's connection, so the GUI runs them on a worker while the vault stays open.

    @property
    def backup_folder(self) -> Path:
        """Where "Back up now" and the automatic backups go (default: `backups/`)."""
        from recovery_desktop.storage.backup_places import backup_folder

        return backup_folder(self.folder)

    def set_backup_folder(self, folder: Path | None) -> Path:
        """Choose the folder for new backups (None: `backups/`); see `backup_places`."""
        from recovery_desktop.storage.backup_places import set_backup_folder

        return set_backup_folder(self.folder, folder)

    def make_backup(self, **options: Any) -> BackupInfo:
        """"Back up now": `storage.backup.make_backup` for this vault (progress, cancelled,
        into, name)."""
        from recovery_desktop.storage.backup import make_backup

        return make_backup(self.folder, self._key(), **options)

    def run_automatic_backup(self, **options: Any) -> AutomaticBackupResult:
        """After an unlock, on a worker: `storage.backup.run_automatic_backup`."""
        from recovery_desktop.storage.backup import run_automatic_backup

        return run_automatic_backup(self.folder, self._key(), **options)

    def list_backups(self) -> list[BackupInfo]:
        """Every backup the app looks after, newest first (`storage.backup.list_backups`)."""
        from recovery_desktop.storage.backup import list_backups

        return list_backups(self.folder, self._key())

    def _key(self) -> bytes:
        if self._data_key is None:
            raise VaultLockedError()
        return self._data_key

    # --- closing -----------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @property
    def connection(self) -> Connection:
        if self._conn is None:
            raise VaultLockedError()
        return self._conn

    def close(self) -> None:
        """Close the connection and forget the key. Safe to call twice."""
        if self._conn is not None:
            close_database(self._conn)
        self._conn = None
        self._data_key = None  # type: ignore[assignment]
        self.use_lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- internals ---------------------------------------------------------------------------

    def _build_repositories(self, conn: Connection) -> None:
        self.entries = EntryRepository(conn)
        self.contacts = ContactRepository(conn)
        self.communities = CommunityRepository(conn)
        self.connections = ConnectionRepository(conn)
        self.goals = GoalRepository(conn)
        self.recovery_starts = RecoveryStartRepository(conn)
        self.safety_plan = SafetyPlanRepository(conn)
        self.crisis_lines = CrisisLineRepository(conn)
        self.settings = SettingsRepository(conn)
        self.templates = TemplateRepository(conn)
        self.search_index = SearchIndex(conn)
        self.aggregates = AggregateRepository(conn)

    def _protect_files(self) -> None:
        for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", KEYS_NAME):
            path = self.folder / name
            if path.exists() and (path.stat().st_mode & 0o777) != PRIVATE_FILE_MODE:
                os.chmod(path, PRIVATE_FILE_MODE)
