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

from recovery_desktop.storage.atomic import PRIVATE_FILE_MODE, make_private_dir
from recovery_desktop.storage.connection import Connection, close_database, open_database
from recovery_desktop.storage.connections import ConnectionRepository
from recovery_desktop.storage.entries import EntryRepository
from recovery_desktop.storage.errors import (
    VaultExistsError,
    VaultLockedError,
    VaultNotFoundError,
)
from recovery_desktop.storage.goals import GoalRepository
from recovery_desktop.storage.keys import (
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
    SafetyPlanRepository,
    SettingsRepository,
    TemplateRepository,
)
from recovery_desktop.storage.search_index import SearchIndex

__all__ = ["BACKUPS_NAME", "DB_NAME", "KEYS_NAME", "Vault", "vault_exists"]


class Vault:
    """An open, decrypted vault and its repositories."""

    def __init__(
        self, folder: Path, data_key: bytes, *, must_change_passphrase: bool = False
    ) -> None:
        self.folder = Path(folder)
        self._data_key = data_key
        self.must_change_passphrase = must_change_passphrase
        self._conn: Connection | None = self.open_connection()
        try:
            migrate(self._conn, self.db_path, self.backups_dir)
        except BaseException:
            close_database(self._conn)
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
        """First half of `create`: the folder and `vault.keys`, no database yet.

        Slow (two KDF runs) and thread-safe, so a GUI runs it off its thread and then calls
        `from_data_key` on its own. Returns the data key and the new recovery code.
        """
        folder = Path(folder)
        if vault_exists(folder) or (folder / DB_NAME).exists():
            raise VaultExistsError(folder)
        make_private_dir(folder)
        make_private_dir(folder / BACKUPS_NAME)
        data_key = new_data_key()
        recovery_code = generate_recovery_code()
        KeyFile.create(data_key, passphrase, recovery_code, cost or KdfCost()).save(
            folder / KEYS_NAME
        )
        return data_key, recovery_code

    @staticmethod
    def load_key_file(folder: Path) -> KeyFile:
        folder = Path(folder)
        if not vault_exists(folder):
            raise VaultNotFoundError(folder)
        return KeyFile.load(folder / KEYS_NAME)

    @classmethod
    def derive_key(cls, folder: Path, passphrase: str) -> bytes:
        """Run the KDF and unwrap the data key (slow; thread-safe; reads one file, writes none).

        Raises `WrongPassphraseError`, `VaultNotFoundError` or `VaultDamagedError`.
        """
        return cls.load_key_file(folder).unwrap_with_passphrase(passphrase)

    @classmethod
    def derive_key_from_recovery_code(cls, folder: Path, code: str) -> bytes:
        """As `derive_key`, with the recovery code; raises `WrongRecoveryCodeError`."""
        return cls.load_key_file(folder).unwrap_with_recovery_code(code)

    @classmethod
    def from_data_key(
        cls, folder: Path, data_key: bytes, *, must_change_passphrase: bool = False
    ) -> Vault:
        return cls(folder, data_key, must_change_passphrase=must_change_passphrase)

    @classmethod
    def open(cls, folder: Path, passphrase: str) -> Vault:
        return cls(folder, cls.derive_key(folder, passphrase))

    @classmethod
    def open_with_recovery_code(cls, folder: Path, code: str) -> Vault:
        """Open with the recovery code; the caller must then ask for a new passphrase."""
        return cls(
            folder, cls.derive_key_from_recovery_code(folder, code), must_change_passphrase=True
        )

    def open_connection(self) -> Connection:
        """A new connection to this vault, for use on the calling thread only."""
        if self._data_key is None:
            raise VaultLockedError()
        return open_database(self.db_path, self._data_key)

    # --- keys --------------------------------------------------------------------------------

    def change_passphrase(self, new_passphrase: str, cost: KdfCost | None = None) -> None:
        """Rewrap the data key under a new passphrase (atomic; the database is not rewritten).

        The KDF cost stays as it was unless a new one is given (so it can be raised later).
        """
        if self._data_key is None:
            raise VaultLockedError()
        key_file = KeyFile.load(self.keys_path)
        key_file.with_passphrase(
            self._data_key, new_passphrase, cost or key_file.passphrase_cost()
        ).save(self.keys_path)
        self.must_change_passphrase = False

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
        self.settings = SettingsRepository(conn)
        self.templates = TemplateRepository(conn)
        self.search_index = SearchIndex(conn)

    def _protect_files(self) -> None:
        for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", KEYS_NAME):
            path = self.folder / name
            if path.exists() and (path.stat().st_mode & 0o777) != PRIVATE_FILE_MODE:
                os.chmod(path, PRIVATE_FILE_MODE)
