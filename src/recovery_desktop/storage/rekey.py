# SPDX-License-Identifier: GPL-3.0-or-later
"""Changing the vault's data key: for when someone may know the old passphrase or recovery code
(issue 6, point 2). A passphrase change only re-wraps the key; this rewrites the database.

It must survive a kill at any moment, so it runs in steps that each leave a vault that opens
(the numbers are those `progress` reports):

1. `vault.keys` gets the new passphrase and recovery code, wrapping BOTH keys: the current one
   in the usual slots and the new one under `pending`, with the person's choice for the old
   backups. From here the old secrets open nothing in `vault.keys`; the new ones open either
   key, and unlock uses whichever opens `vault.db`.
2. The database is written under the new key to a new file in the same folder
   (`sqlcipher_export`), then checked: integrity, the same rows in every table, the same
   schema version.
3. The new file replaces `vault.db` with one atomic rename (the old WAL, already folded in,
   is removed first so it can never be replayed onto the new file).
4. The backups under the old key are re-encrypted, deleted or kept, as the person chose; every
   copy under the new key gets the final key file. "The backups" are every copy `key_copies`
   manages: the pairs taken before upgrades and the backup folders, in `backups/` and in every
   folder the app made backups in (`backup_places`).
5. `vault.keys` drops the old key.

An error before 3 (a full disk, a copy that does not check out) puts the old `vault.keys` back:
nothing changed, as the message says. A kill before 5 leaves `pending` in `vault.keys`: the next
unlock finishes the change, as chosen (`finish_interrupted_key_change`). The whole change holds
an exclusive lock on the vault and is refused while another window or program has it open.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

import sqlcipher3

from recovery_desktop.storage.atomic import PRIVATE_FILE_MODE, fsync_dir, write_atomically
from recovery_desktop.storage.backup_format import (
    BACKUP_DB_NAME,
    backup_folders_in,
    keyless_backups,
    remove_backup_folder,
    remove_folder_contents,
    sweep_place,
)
from recovery_desktop.storage.backup_places import copy_places
from recovery_desktop.storage.errors import VaultError, _megabytes, describe_storage_error
from recovery_desktop.storage.key_copies import (
    BACKUP_KEYS_SUFFIX,
    BackupCopy,
    managed_copies,
    opens_with,
    refresh_key_copies,
)
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
from recovery_desktop.storage.layout import DB_NAME, KEYS_NAME
from recovery_desktop.storage.search_index import OLD_INDEX

log = logging.getLogger(__name__)

REKEY_TEMP_PREFIX = ".vault.db.rekey-"
STEPS = 5
MARGIN_BYTES = 1024 * 1024
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
    # Copies that could not be re-encrypted, deleted or given the new key file, with the reason
    # in plain words: they are still under the old key (or the old key file).
    failed: list[tuple[BackupCopy, str]] = field(default_factory=list)


class KeyChangeNeedsRoomError(VaultError):
    """Too little free space for the copy of the database under the new key."""

    def __init__(self, needed_bytes: int, free_bytes: int) -> None:
        self.needed_bytes = needed_bytes
        self.free_bytes = free_bytes
        free = _megabytes(free_bytes, round_up=False)
        super().__init__(
            "Changing the vault's key first writes a new copy of your journal: that needs about "
            f"{_megabytes(needed_bytes)} MB of free space on the disk that holds the vault, and "
            + ("almost none is free" if free == "0.0" else f"only {free} MB is free")
            + ". Nothing was changed; free some space and try again."
        )


def old_key_backups(folder: Path, data_key: bytes) -> list[BackupCopy]:
    """The managed backups that the given (current) key opens: those a key change leaves under
    the old key. The screens count them before asking what to do with them."""
    return [c for c in managed_copies(copy_places(Path(folder))) if opens_with(c.db, data_key)]


def room_needed(folder: Path, old_backups: OldBackups) -> int:
    """Bytes a key change needs free: the database (and its WAL) once more, and room for the
    largest backup when backups are re-encrypted one by one, and a margin."""
    folder = Path(folder)
    needed = MARGIN_BYTES
    for name in (DB_NAME, f"{DB_NAME}-wal"):
        with contextlib.suppress(FileNotFoundError):
            needed += (folder / name).stat().st_size
    if old_backups is OldBackups.REENCRYPT:
        sizes = [c.db.stat().st_size for c in managed_copies(copy_places(folder))]
        needed += max(sizes, default=0)
    return needed


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
    open, `KeyChangeNeedsRoomError` (nothing changed) when the disk is too full, and
    `VaultError` with plain words when the disk refuses later; before the switch (step 3) that
    puts the old key file back, so the old passphrase still opens the vault as it says.
    `progress(done, STEPS)` is called on this thread after each step.
    """
    from recovery_desktop.storage.vault_lock import exclusive_vault_lock, key_file_lock

    folder = Path(folder)
    report = progress or _no_progress
    keys_path = folder / KEYS_NAME
    with exclusive_vault_lock(folder), key_file_lock(folder):
        wait_for_worker_connections(folder)
        try:
            original = keys_path.read_bytes()
        except OSError as error:
            raise VaultError(describe_storage_error(error, folder)) from error
        key_file = KeyFile.parse(original, keys_path)
        if key_file.pending is not None or key_file.current.key_id not in (
            None,
            key_id(current_key),
        ):
            raise VaultError(
                "The vault's key changed in another window since it was unlocked. Nothing was "
                "changed; please unlock again and try once more."
            )
        needed = room_needed(folder, old_backups)
        free = shutil.disk_usage(folder).free
        if free < needed:
            raise KeyChangeNeedsRoomError(needed, free)
        remove_stale_rekey_files(folder)
        report(0, STEPS)
        new_key = new_data_key()
        current_set, pending_set = wrap_key_set(
            [current_key, new_key],
            {PASSPHRASE_SLOT: new_passphrase, RECOVERY_SLOT: new_recovery_code},
            cost,
        )
        both = KeyFile(
            current=current_set, pending=pending_set, pending_old_backups=old_backups.value
        )
        try:
            both.save(keys_path)  # atomic: on an error the old file is still there
        except OSError as error:
            raise VaultError(describe_storage_error(error, folder)) from error
        try:
            report(1, STEPS)
            _switch_database(folder, current_key, new_key, report)
        except BaseException:
            _put_back_unless_switched(folder, original, current_key)
            raise
        try:
            return _after_switch(folder, (current_key, new_key), both, report)
        except OSError as error:
            raise VaultError(
                "The vault's key was changed and it now opens with the new passphrase and "
                "recovery code, but its last step could not be written. It is finished the "
                "next time the vault is unlocked; if that keeps failing, check that the disk "
                "has free space and the vault's folder can be written to."
            ) from error


def wait_for_worker_connections(folder: Path) -> None:
    """Every worker connection of this process on the vault closed first (they keep the old
    file open: a write through one after the switch would be lost)."""
    from recovery_desktop.storage import worker_connections
    from recovery_desktop.storage.vault_lock import VaultInUseError

    if not worker_connections.wait_until_closed(folder):
        raise VaultInUseError(
            "The app is still finishing some work on your vault (preparing search, a chart or "
            "an export). Nothing was changed; please try again in a minute."
        )


def finish_interrupted_key_change(
    folder: Path, key_file: KeyFile, opened: Unwrapped
) -> tuple[bytes, RekeyReport | None]:
    """At unlock, with a key change pending in `key_file`: the key that opens `vault.db`, and,
    when this call finished the change, what became of the old backups.

    Both keys are wrapped under the same secrets, so a secret that opens one opens the other.
    The change is finished under the exclusive lock, as it was chosen; while another process
    has the vault open, or the disk refuses, the vault is opened as it is and finished later.
    """
    from recovery_desktop.storage.vault_lock import (
        VaultInUseError,
        exclusive_vault_lock,
        key_file_lock,
    )

    assert key_file.pending is not None
    folder = Path(folder)
    db = folder / DB_NAME
    old_key, new_key = opened.current, opened.pending

    def key_that_opens() -> bytes:
        # When neither opens (vault.db missing or damaged), opening says so in plain words.
        if new_key is not None and opens_with(db, new_key):
            return new_key
        return old_key if old_key is not None else new_key  # type: ignore[return-value]

    if old_key is None or new_key is None:
        return key_that_opens(), None  # an edited file: open what opens, change nothing
    try:
        with exclusive_vault_lock(folder), key_file_lock(folder):
            fresh = KeyFile.load(folder / KEYS_NAME)
            if (
                fresh.pending is None
                or fresh.pending.key_id != key_id(new_key)
                or fresh.current.key_id != key_id(old_key)
            ):
                return key_that_opens(), None  # finished by another process meanwhile
            remove_stale_rekey_files(folder)
            if not opens_with(db, new_key):
                if not opens_with(db, old_key):
                    return key_that_opens(), None
                _switch_database(folder, old_key, new_key, _no_progress)
            return new_key, _after_switch(folder, (old_key, new_key), fresh, _no_progress)
    except VaultInUseError:
        return key_that_opens(), None
    except (VaultError, OSError) as error:
        # A full disk, say: the vault still opens with whichever key it is under now, and
        # the next unlock tries again. The reason is logged, never a secret.
        log.warning("Could not finish the change of the vault's key yet: %s", error)
        return key_that_opens(), None


def remove_stale_rekey_files(folder: Path) -> list[str]:
    """Half-written copies left by a kill during a key change, in the vault folder, its
    `backups/` and every backup folder the vault's key copies live in (never through a link);
    never the live database. Call only while holding the vault's use lock (shared or
    exclusive): a key change in progress holds it exclusively."""
    removed = []
    places = [Path(folder)]
    copies = copy_places(Path(folder))
    for copy_place in copies.folders:
        if copy_place.is_dir() and not copy_place.is_symlink():
            places.append(copy_place)
            # Inside backup folders too: in `backups/` every one, elsewhere only this vault's
            # (another vault's key change may be writing in its own).
            vault_id = None if copy_place == copies.own else copies.vault_id
            if copy_place == copies.own or vault_id is not None:
                places += [backup for backup, _ in backup_folders_in(copy_place, vault_id)]
    for place in places:
        for path in place.glob(f"{REKEY_TEMP_PREFIX}*"):
            if path.is_symlink() or path.is_file():  # unlink removes a link, never its target
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed.append(path.name)
    return removed


# --- the database --------------------------------------------------------------------------


def _no_progress(done: int, total: int) -> None:
    pass


def _connect(path: Path, key: bytes) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
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
    (integrity, row counts, schema version) and synced; returns its path. `source` is left as
    it was, its WAL folded in. The caller renames the result into place. Disk and database
    errors become `VaultError` in plain words; nothing is left behind."""
    try:
        handle, name = tempfile.mkstemp(prefix=REKEY_TEMP_PREFIX, dir=into)
    except OSError as error:
        raise VaultError(describe_storage_error(error, into)) from error
    os.close(handle)
    target = Path(name)
    try:
        os.chmod(target, PRIVATE_FILE_MODE)
        conn = _connect(source, source_key)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            # A search index being replaced after an upgrade is emptied in batches that leave
            # it unreadable in between (`search_index.OLD_INDEX`); nothing reads it again, and
            # sqlcipher_export would, so it goes now rather than being copied.
            conn.execute(f'DROP TABLE IF EXISTS "{OLD_INDEX}"')
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
    except BaseException as error:
        _remove_with_journal(target)
        if isinstance(error, sqlcipher3.Error | OSError):
            raise VaultError(describe_storage_error(error, into)) from error
        raise


def _remove_with_journal(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()


def _replace_database(fresh: Path, db: Path) -> None:
    """Rename `fresh` over `db`. Any WAL of `db` is empty by now (folded in by the export),
    but one left beside the new file would be replayed onto it: it goes first. Only under the
    exclusive lock, so nobody else has `db` open."""
    try:
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{db}{suffix}").unlink()
        os.replace(fresh, db)
    except BaseException:
        _remove_with_journal(fresh)
        raise
    fsync_dir(db.parent)


def _switch_database(folder: Path, old_key: bytes, new_key: bytes, report: Progress) -> None:
    """Steps 2 and 3."""
    db = folder / DB_NAME
    fresh = export_under_key(db, old_key, new_key, folder)
    try:
        report(2, STEPS)
    except BaseException:
        _remove_with_journal(fresh)
        raise
    try:
        _replace_database(fresh, db)
    except OSError as error:
        raise VaultError(describe_storage_error(error, folder)) from error
    report(3, STEPS)


def _put_back_unless_switched(folder: Path, original: bytes, old_key: bytes) -> None:
    """After an error before the switch: the old key file again, so nothing changed. Never
    once `vault.db` is under the new key (it would be lost with the pending slots)."""
    if opens_with(folder / DB_NAME, old_key):
        with contextlib.suppress(OSError):
            write_atomically(folder / KEYS_NAME, original)


def _after_switch(
    folder: Path, keys: tuple[bytes, bytes], both: KeyFile, report: Progress
) -> RekeyReport:
    """Steps 4 and 5, from a key file that holds both keys. Safe to run again after a kill."""
    assert both.pending is not None
    final = KeyFile(current=both.pending)
    choice = OldBackups(both.pending_old_backups or OldBackups.KEEP.value)
    result = _handle_old_backups(folder, keys, choice, both.to_json())
    refreshed = refresh_key_copies(copy_places(folder), keys[1], final.to_json())
    result.failed.extend(refreshed.failed)
    report(4, STEPS)
    final.save(folder / KEYS_NAME)
    report(5, STEPS)
    return result


def _handle_old_backups(
    folder: Path, keys: tuple[bytes, bytes], choice: OldBackups, both_keys: bytes
) -> RekeyReport:
    """`keys` is (old, new); `both_keys` is the key file that wraps both under the new
    secrets. Each copy opens with some secret at every moment: under the old key with its own
    key file or `both_keys`, then under the new key with `both_keys` (the caller then gives it
    the final key file)."""
    old_key, new_key = keys
    result = RekeyReport()
    places = copy_places(folder)
    for copy in managed_copies(places):
        if not opens_with(copy.db, old_key):
            continue  # under the new key already, or not under this vault's old key: left alone
        try:
            if choice is OldBackups.DELETE:
                # The key file first: a kill in between leaves a database nothing opens, which
                # the sweep below removes on the next try.
                if copy.folder is not None:
                    remove_backup_folder(copy.folder)
                else:
                    copy.keys.unlink()
                    copy.db.unlink()
                result.deleted.append(copy)
            elif choice is OldBackups.REENCRYPT:
                fresh = export_under_key(copy.db, old_key, new_key, copy.db.parent)
                try:
                    write_atomically(copy.keys, both_keys)
                except BaseException:
                    _remove_with_journal(fresh)
                    raise
                _replace_database(fresh, copy.db)
                result.reencrypted.append(copy)
            else:
                result.kept.append(copy)
        except (VaultError, OSError) as error:
            reason = str(error) if isinstance(error, VaultError) else describe_storage_error(error)
            result.failed.append((copy, reason))
    if choice is OldBackups.DELETE:
        _sweep_orphan_copies(places.own, old_key)
        for place in places.folders:
            vault_id = None if place == places.own else places.vault_id
            if place != places.own and vault_id is None:
                continue
            for backup, _manifest in keyless_backups(place, vault_id):
                if opens_with(backup / BACKUP_DB_NAME, old_key):
                    with contextlib.suppress(OSError):
                        remove_folder_contents(backup)
            sweep_place(place, vault_id)  # a deletion cut short after its database went
    for place in places.folders:
        if place.is_dir() and not place.is_symlink():
            fsync_dir(place)
    return result


def _sweep_orphan_copies(backups: Path, old_key: bytes) -> None:
    """Databases under the old key whose key file a kill already removed (DELETE)."""
    if backups.is_symlink() or not backups.is_dir():
        return
    for db in backups.glob("*.db"):
        if db.is_symlink() or not db.is_file() or db.with_suffix(BACKUP_KEYS_SUFFIX).exists():
            continue
        if opens_with(db, old_key):
            with contextlib.suppress(OSError):
                db.unlink()
