# SPDX-License-Identifier: GPL-3.0-or-later
"""Changing the vault's data key: for when someone may know the old passphrase or recovery code
(issue 6, point 2). A passphrase change only re-wraps the key; this rewrites the database.

It must survive a kill at any moment, so it runs in steps that each leave a vault that opens:

1. `vault.keys` gets the new passphrase and recovery code, wrapping BOTH keys: the current one
   in the usual slots and the new one under `pending`. From here the old secrets open nothing;
   the new ones open either key, and unlock uses whichever opens `vault.db`.
2. The database is written under the new key to a new file in the same folder
   (`sqlcipher_export`), then checked: integrity, and the same rows in every table.
3. The new file replaces `vault.db` with one atomic rename (the old WAL, already folded in,
   is removed first so it can never be replayed onto the new file).
4. `vault.keys` drops the old key.

A kill before 3 leaves the old database and both keys: the next unlock finishes the change
(`finish_interrupted_key_change`). A kill after 3 leaves the new database: the next unlock just
drops the old key. The whole change holds an exclusive lock on the vault and is refused while
another window or program has it open. Backups made under the old key are re-encrypted,
deleted or kept, as the person chose; never silently.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

import sqlcipher3

from recovery_desktop.storage.atomic import PRIVATE_FILE_MODE, fsync_dir, write_atomically
from recovery_desktop.storage.errors import VaultDamagedError, VaultError
from recovery_desktop.storage.key_copies import BackupCopy, managed_copies, opens_with
from recovery_desktop.storage.keys import (
    PASSPHRASE_SLOT,
    RECOVERY_SLOT,
    KdfCost,
    KeyFile,
    Unwrapped,
    key_id,
    new_data_key,
    wrap_key_set,
)
from recovery_desktop.storage.layout import BACKUPS_NAME, DB_NAME, KEYS_NAME

REKEY_TEMP_PREFIX = ".vault.db.rekey-"
Progress = Callable[[int, int], None]


class OldBackups(Enum):
    """What to do with backups made under the old key (the person chooses; never silent)."""

    REENCRYPT = "reencrypt"  # rewrite each under the new key and the new secrets
    DELETE = "delete"
    KEEP = "keep"  # they keep the old passphrase and recovery code: the screens warn


@dataclass
class RekeyReport:
    reencrypted: list[BackupCopy] = field(default_factory=list)
    deleted: list[BackupCopy] = field(default_factory=list)
    kept: list[BackupCopy] = field(default_factory=list)


def old_key_backups(folder: Path, data_key: bytes) -> list[BackupCopy]:
    """The managed backups that the given (current) key opens: those a key change leaves under
    the old key. The screens count them before asking what to do with them."""
    return [c for c in managed_copies([Path(folder) / BACKUPS_NAME]) if opens_with(c.db, data_key)]


def change_vault_key(
    folder: Path,
    current_key: bytes,
    new_passphrase: str,
    new_recovery_code: str,
    *,
    old_backups: OldBackups,
    cost: KdfCost | None = None,
    progress: Progress | None = None,
) -> RekeyReport:
    """Give the vault a new data key, passphrase and recovery code (slow: two KDF runs and a
    copy of the database). The caller must have closed its own connections to the vault.

    Raises `VaultInUseError` (nothing changed) while another window or program has the vault
    open, and `VaultError` with plain words when the disk refuses.
    """
    from recovery_desktop.storage.vault_lock import exclusive_vault_lock

    folder = Path(folder)
    report = progress or (lambda done, total: None)
    with exclusive_vault_lock(folder):
        key_file = KeyFile.load(folder / KEYS_NAME)
        if key_file.pending is not None or key_file.current.key_id not in (
            None,
            key_id(current_key),
        ):
            raise VaultError(
                "The vault's key changed in another window since it was unlocked. Nothing was "
                "changed; please unlock again and try once more."
            )
        report(0, 5)
        new_key = new_data_key()
        current_set, pending_set = wrap_key_set(
            [current_key, new_key],
            {PASSPHRASE_SLOT: new_passphrase, RECOVERY_SLOT: new_recovery_code},
            cost,
        )
        both = KeyFile(current=current_set, pending=pending_set)
        final = KeyFile(current=pending_set)
        both.save(folder / KEYS_NAME)
        report(1, 5)
        _switch_database(folder, current_key, new_key, report)
        final.save(folder / KEYS_NAME)
        report(4, 5)
        result = _handle_old_backups(
            folder, (current_key, new_key), old_backups, (both.to_json(), final.to_json())
        )
        report(5, 5)
        return result


def finish_interrupted_key_change(folder: Path, key_file: KeyFile, opened: Unwrapped) -> bytes:
    """At unlock, with a key change pending in `key_file`: return the key that opens `vault.db`
    and, where possible, finish the change. Both keys are wrapped under the same secrets, so a
    secret that opens one opens the other."""
    from recovery_desktop.storage.vault_lock import VaultInUseError, exclusive_vault_lock

    assert key_file.pending is not None
    db = Path(folder) / DB_NAME
    keys_path = Path(folder) / KEYS_NAME
    new_key, old_key = opened.pending, opened.current
    if new_key is not None and opens_with(db, new_key):
        # The database was switched; only dropping the old key was left.
        KeyFile(current=key_file.pending).save(keys_path)
        return new_key
    if old_key is None:
        raise VaultDamagedError(
            "The vault's database does not open with its new key, and the old one is not "
            "available. Nothing was changed; you can restore it from a backup."
        )
    if new_key is None:
        return old_key
    try:
        with exclusive_vault_lock(folder):
            _switch_database(Path(folder), old_key, new_key, lambda done, total: None)
            KeyFile(current=key_file.pending).save(keys_path)
    except VaultInUseError:
        return old_key  # someone has it open: it still opens with the old key; finish later
    return new_key


def remove_stale_rekey_files(folder: Path) -> None:
    """Half-written copies left by a kill during a key change (never the live database)."""
    for path in Path(folder).glob(f"{REKEY_TEMP_PREFIX}*"):
        if path.is_file() and not path.is_symlink():
            with contextlib.suppress(OSError):
                path.unlink()


# --- the database --------------------------------------------------------------------------


def _connect(path: Path, key: bytes) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def _row_counts(conn: sqlcipher3.Connection, schema: str = "main") -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {
        name: int(conn.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0])
        for name in names
    }


def export_under_key(source: Path, source_key: bytes, new_key: bytes, into: Path) -> Path:
    """Write `source` re-encrypted under `new_key` to a new private file in `into`, checked
    (integrity and row counts) and synced; returns its path. `source` is left as it was, its
    WAL folded in. The caller renames the result into place."""
    handle, name = tempfile.mkstemp(prefix=REKEY_TEMP_PREFIX, dir=into)
    os.close(handle)
    target = Path(name)
    os.chmod(target, PRIVATE_FILE_MODE)
    try:
        conn = _connect(source, source_key)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            expected = _row_counts(conn)
            conn.execute("ATTACH DATABASE ? AS rekeyed KEY ?", (str(target), f"x'{new_key.hex()}'"))
            conn.execute("SELECT sqlcipher_export('rekeyed')").fetchone()
            conn.execute(f"PRAGMA rekeyed.user_version = {version:d}")
            conn.execute("DETACH DATABASE rekeyed")
        finally:
            conn.close()
        check = _connect(target, new_key)
        try:
            ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            same = _row_counts(check) == expected
            same_version = int(check.execute("PRAGMA user_version").fetchone()[0]) == version
        finally:
            check.close()
        if not (ok and same and same_version):
            raise VaultError(
                "The copy under the new key did not check out, so nothing was switched. Your "
                "vault is as it was; please try again."
            )
        with open(target, "rb") as synced:
            os.fsync(synced.fileno())
        return target
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise


def _switch_database(folder: Path, old_key: bytes, new_key: bytes, report: Progress) -> None:
    remove_stale_rekey_files(folder)
    db = folder / DB_NAME
    fresh = export_under_key(db, old_key, new_key, folder)
    report(2, 5)
    # The old WAL is empty after the checkpoint, but a WAL left beside the new file would be
    # replayed onto it; the exclusive lock guarantees nobody else has it open.
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            (folder / f"{DB_NAME}{suffix}").unlink()
    os.replace(fresh, db)
    fsync_dir(folder)
    report(3, 5)


def _handle_old_backups(
    folder: Path,
    keys: tuple[bytes, bytes],
    choice: OldBackups,
    key_files: tuple[bytes, bytes],
) -> RekeyReport:
    """`keys` is (old, new); `key_files` is (both keys, new key only), as in the vault's own
    switch, so a backup opens with the new secrets at every moment of its re-encryption."""
    old_key, new_key = keys
    both_keys, new_only = key_files
    result = RekeyReport()
    backups = folder / BACKUPS_NAME
    for copy in managed_copies([backups]):
        if not opens_with(copy.db, old_key):
            continue  # under neither key: not one of this vault's copies; left alone
        if choice is OldBackups.DELETE:
            copy.db.unlink()
            copy.keys.unlink()
            result.deleted.append(copy)
        elif choice is OldBackups.REENCRYPT:
            fresh = export_under_key(copy.db, old_key, new_key, backups)
            write_atomically(copy.keys, both_keys)
            os.replace(fresh, copy.db)
            write_atomically(copy.keys, new_only)
            result.reencrypted.append(copy)
        else:
            result.kept.append(copy)
    if backups.is_dir():
        fsync_dir(backups)
    return result
