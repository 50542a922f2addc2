# SPDX-License-Identifier: GPL-3.0-or-later
"""Checking a backup before it is restored (issue 9, point 4, step 1), without writing a byte.

A backup opens with the passphrase or recovery code it has: the one the vault had when it was
made, or a later one if it stayed where the app put it (`key_copies`). It must open, its
database must open with the key inside, and its schema must be one this version knows. The
key file and the manifest are read as untrusted input (bounded, every field checked), so a
foreign, truncated or edited file gets a plain message and never a traceback. No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

import sqlcipher3

from recovery_desktop.storage.backup_format import (
    BACKUP_DB_NAME,
    BACKUP_KEYS_NAME,
    BACKUP_WAL_NAME,
    MANIFEST_NAME,
    Manifest,
    NotABackupError,
    has_file,
    read_manifest,
    read_small_file,
)
from recovery_desktop.storage.errors import VaultDamagedError, VaultError
from recovery_desktop.storage.key_copies import BACKUP_KEYS_SUFFIX, opens_with
from recovery_desktop.storage.keys import MAX_KEY_FILE_BYTES, PASSPHRASE_SLOT, KeyFile


class WrongBackupSecretError(VaultError):
    def __init__(self, slot_name: str) -> None:
        what = "passphrase" if slot_name == PASSPHRASE_SLOT else "recovery code"
        super().__init__(
            f"That {what} does not open this backup. Nothing was changed. A backup opens with "
            f"the {what} the vault had when the backup was made, or a later one if the backup "
            "stayed where the app put it."
        )


@dataclass(frozen=True)
class CheckedBackup:
    """A backup that opened with a secret and whose schema is known (step 1)."""

    source: Path  # the backup folder, or the `.db` of a pair
    db: Path
    keys: Path
    wal: Path | None
    manifest: Manifest | None
    slot_name: str
    schema_version: int
    data_key: bytes = field(repr=False)
    key_file_bytes: bytes = field(repr=False)

    @property
    def created_at(self) -> datetime | None:
        if self.manifest is not None:
            return self.manifest.created_at
        from recovery_desktop.storage.backup import pair_time

        return pair_time(self.db)


# --- checking --------------------------------------------------------------------


def locate_backup(path: Path) -> tuple[Path, Path, Path, Path | None, Manifest | None]:
    """(source, db, keys, wal, manifest) of a backup folder, a file in one, or a pair's `.db`
    or `.keys`. `NotABackupError` (plain words) for anything else."""
    path = Path(path).expanduser()
    if not path.exists():
        raise NotABackupError(f"There is no file or folder {path}. Nothing was changed.")
    names = (MANIFEST_NAME, BACKUP_DB_NAME, BACKUP_KEYS_NAME)
    if path.is_file() and path.name in names and (path.parent / MANIFEST_NAME).is_file():
        path = path.parent
    if path.is_dir():
        manifest = read_manifest(path)
        if not (has_file(path, BACKUP_DB_NAME) and has_file(path, BACKUP_KEYS_NAME)):
            raise NotABackupError(
                f"The backup {path} is incomplete: it needs both {BACKUP_DB_NAME} and "
                f"{BACKUP_KEYS_NAME}. Nothing was changed."
            )
        wal = path / BACKUP_WAL_NAME if has_file(path, BACKUP_WAL_NAME) else None
        return path, path / BACKUP_DB_NAME, path / BACKUP_KEYS_NAME, wal, manifest
    if path.suffix in (".db", BACKUP_KEYS_SUFFIX):
        db, keys = path.with_suffix(".db"), path.with_suffix(BACKUP_KEYS_SUFFIX)
        if db.is_file() and keys.is_file():
            return db, db, keys, None, None
        missing = keys if path == db else db
        raise NotABackupError(
            f"{path} is only half of a backup: {missing.name} should be beside it. Nothing was "
            "changed."
        )
    raise NotABackupError(
        f"{path} is not a Recovery Desktop backup. A backup is a folder (holding manifest.json, "
        "vault.db and vault.keys), or a copy taken before an upgrade (NAME.db with NAME.keys "
        "beside it). Nothing was changed."
    )


def check_backup(path: Path, secret: str, slot: str = PASSPHRASE_SLOT) -> CheckedBackup:
    """Step 1: read-only, slow (one KDF run). Raises `NotABackupError`, `VaultDamagedError`,
    `WrongBackupSecretError` or a too-new error, each in plain words; writes nothing."""
    from recovery_desktop.storage.migrations import SCHEMA_VERSION

    source, db, keys, wal, manifest = locate_backup(path)
    try:
        raw = read_small_file(keys, MAX_KEY_FILE_BYTES)
        key_file = KeyFile.parse(raw, keys)
    except (OSError, VaultDamagedError) as error:
        if "newer version" in str(error):
            raise too_new_backup(source) from error
        raise damaged_backup(source, "its key file is damaged or unreadable") from error
    opened = key_file.unwrap(slot, secret)
    keys_found = [k for k in (opened.pending, opened.current) if k is not None]
    if not keys_found:
        raise WrongBackupSecretError(slot)
    data_key = next((k for k in keys_found if opens_with(db, k)), None)
    if data_key is None:
        raise damaged_backup(source, "its journal file does not open with its key")
    schema = schema_of(db, data_key, source)
    if schema > SCHEMA_VERSION:
        raise too_new_backup(source)
    return CheckedBackup(source, db, keys, wal, manifest, slot, schema, data_key, raw)


def schema_of(db: Path, data_key: bytes, source: Path) -> int:
    try:
        conn = sqlcipher3.connect(f"file:{quote(str(db))}?mode=ro&immutable=1", uri=True)
        try:
            conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
            conn.execute("PRAGMA temp_store = MEMORY")  # nothing spills to the temp folder
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlcipher3.Error as error:
        raise damaged_backup(source, "its journal file cannot be read") from error


def damaged_backup(source: Path, why: str) -> VaultDamagedError:
    return VaultDamagedError(
        f"The backup {source} cannot be restored: {why}. It may be damaged or cut short. "
        "Nothing was changed; please try another backup."
    )


def too_new_backup(source: Path) -> VaultError:
    return VaultError(
        f"The backup {source} was made by a newer version of Recovery Desktop. Please update "
        "the app to restore it. Nothing was changed."
    )


