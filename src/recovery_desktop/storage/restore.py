# SPDX-License-Identifier: GPL-3.0-or-later
"""Restore a backup over a vault (issue 9, point 4): checked first, whole or not at all.

All of it runs under the vault's exclusive use lock, so it is refused at once, in plain words,
while another window or program has the vault open (and nothing opens it meanwhile):

1. Check the backup: its key file opens with the passphrase or recovery code given, and its
   database with that key; the schema is one this version knows (an older one is upgraded at
   the next open, with the usual copy put aside first). A wrong secret, a damaged, truncated or
   foreign file is refused here, and nothing was changed.
2. Stage: copy the backup's database (and the WAL a kept vault may hold) into a hidden
   `.restore-…` folder in the vault folder, fold the WAL in, check the copy whole (integrity,
   schema), and write the backup's key file beside it; all synced. What is checked is what is
   put in place.
3. Keep the vault as it is: hard links to the current `vault.db` (and a WAL a crash left) and
   `vault.keys` (no space needed; a copy where the file system has no hard links), with a
   manifest, in `backups/.before-restore.pending`.
4. Commit: one rename makes the staging folder `restore-in-progress`. From here the restore
   finishes even after a kill: every opening of the vault looks for that folder first
   (`finish_interrupted_restore`).
5. Switch: remove the old WAL (it must never be replayed onto the restored database; step 3
   kept it), rename the staged key file over `vault.keys` and the staged database over
   `vault.db`, name the kept vault `backups/before-restore-<time>`, remove the staging folder.

A kill or a cancel before step 4 leaves the vault as it was, byte for byte (the hidden
leftovers are swept up). At every moment `vault.db` and `vault.keys` exist, and the vault opens
with its old secrets and contents, or (once finished) the backup's. The vault then opens with
the passphrase and recovery code the backup has: the result says so, for the screen to say it
plainly and offer a new passphrase. No Qt.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3

from recovery_desktop import __version__
from recovery_desktop.storage.atomic import fsync_dir, make_private_dir
from recovery_desktop.storage.backup import (
    TOTAL,
    BackupCancelledError,
    BackupInfo,
    Cancelled,
    Progress,
    check_copy,
)
from recovery_desktop.storage.backup_check import (
    CheckedBackup,
    check_backup,
    damaged_backup,
    schema_of,
    too_new_backup,
)
from recovery_desktop.storage.backup_format import (
    BACKUP_DB_NAME,
    BACKUP_KEYS_NAME,
    BACKUP_WAL_NAME,
    MANIFEST_NAME,
    BackupKind,
    Manifest,
    NotABackupError,
    fsync_file,
    has_file,
    now_utc,
    read_manifest,
    remove_folder_contents,
    stamp,
    write_new_file,
)
from recovery_desktop.storage.backup_places import (
    PLACES_NAME,
    BackupPlaces,
    ensure_vault_id,
    load_places,
    save_places,
)
from recovery_desktop.storage.errors import VaultError, _megabytes, describe_storage_error
from recovery_desktop.storage.keys import PASSPHRASE_SLOT
from recovery_desktop.storage.layout import (
    BACKUPS_NAME,
    DB_NAME,
    KEYS_NAME,
    RESTORE_IN_PROGRESS,
    vault_exists,
)
from recovery_desktop.storage.vault_lock import LOCK_FILE_NAMES

STAGING_PREFIX = ".restore-"
KEPT_PENDING = ".before-restore.pending"
MARGIN_BYTES = 1024 * 1024
_CHUNK = 1024 * 1024
# What a folder may hold for a restore to make a vault in it (besides one: `vault.keys`).
_OURS = {
    DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", f"{DB_NAME}.new", f"{DB_NAME}.new-wal",
    f"{DB_NAME}.new-shm", BACKUPS_NAME, *LOCK_FILE_NAMES, PLACES_NAME, RESTORE_IN_PROGRESS,
}  # fmt: skip


class RestoreCancelledError(VaultError):
    def __init__(self) -> None:
        super().__init__("The restore was stopped. Your vault is as it was; nothing was changed.")


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did. After it the vault opens with the backup's passphrase and recovery
    code (`opens_with_backup_secrets` is always True: say so, and offer a new passphrase);
    `key_file_changed` is False only when the backup's key file was the vault's, byte for
    byte (then nothing about the secrets changed)."""

    vault_folder: Path
    restored_from: Path
    created_at: datetime | None  # when the backup was made (UTC)
    kept: BackupInfo | None  # the vault as it was, in backups/ (None when there was none)
    opened_with: str  # the slot the secret opened: "passphrase" or "recovery"
    key_file_changed: bool
    schema_version: int
    upgrade_pending: bool  # an older schema: upgraded at the next open (a copy is put aside)
    opens_with_backup_secrets: bool = True


def _nothing(done: int, total: int) -> None:
    pass


def _never() -> bool:
    return False


# --- restoring -------------------------------------------------------------------------------


def restore_backup(
    backup: Path,
    vault_folder: Path,
    secret: str,
    slot: str = PASSPHRASE_SLOT,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    now: datetime | None = None,
) -> RestoreResult:
    """Put the backup at `backup` in place of the vault in `vault_folder` (or make a vault there
    from it, in a new or empty folder). The caller must have closed its own vault and stopped
    its own backups first: they would hold the lock.

    Slow (a KDF run, a copy and two checks of the database); thread-safe. `progress(done, 100)`
    and `cancelled()` are called on this thread; a cancel is honoured until the commit (step 4)
    and leaves the vault as it was. Raises `VaultInUseError` while another window or program has
    the vault open, the errors of `check_backup`, `RestoreCancelledError`, and `VaultError` in
    plain words when the disk refuses; in each case nothing was changed.
    """
    folder = Path(vault_folder).expanduser()
    report, stop = progress or _nothing, cancelled or _never
    made_folder = not folder.exists()
    _prepare_target(folder)
    try:
        return _restore_locked(folder, backup, secret, slot, report, stop, now)
    except BaseException:
        if made_folder:
            _remove_if_unused(folder)
        raise


def _restore_locked(
    folder: Path,
    backup: Path,
    secret: str,
    slot: str,
    report: Progress,
    stop: Cancelled,
    now: datetime | None,
) -> RestoreResult:
    from recovery_desktop.storage.vault_lock import exclusive_vault_lock, key_file_lock

    with exclusive_vault_lock(folder), key_file_lock(folder):
        from recovery_desktop.storage.rekey import wait_for_worker_connections

        wait_for_worker_connections(folder)
        _switch(folder)  # an earlier restore cut short after its commit
        remove_stale_restore_files(folder)
        report(0, TOTAL)
        checked = check_backup(backup, secret, slot)
        if checked.db.parent.resolve() == folder.resolve():
            raise NotABackupError(
                f"{checked.db} is the vault's own journal, not a backup. Nothing was changed."
            )
        report(10, TOTAL)
        _check_room(checked, folder)
        before = _read_or_none(folder / KEYS_NAME)
        try:
            staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
        except OSError as error:
            raise VaultError(describe_storage_error(error, folder)) from error
        kept_pending: Path | None = None
        try:
            _stage(checked, staging, report, stop)
            kept_pending = _keep_current(folder, now)
            report(95, TOTAL)
            if stop():
                raise RestoreCancelledError()
            os.rename(staging, folder / RESTORE_IN_PROGRESS)  # the commit
        except BaseException as error:
            remove_folder_contents(staging)
            if kept_pending is not None:
                remove_folder_contents(kept_pending)
            if isinstance(error, OSError | sqlcipher3.Error):
                raise VaultError(describe_storage_error(error, folder)) from error
            raise
        fsync_dir(folder)
        kept = _switch(folder)
        _adopt_vault_id(folder, checked)
    from recovery_desktop.storage.migrations import SCHEMA_VERSION

    report(TOTAL, TOTAL)
    return RestoreResult(
        vault_folder=folder,
        restored_from=checked.source,
        created_at=checked.created_at,
        kept=kept,
        opened_with=checked.slot_name,
        key_file_changed=before != checked.key_file_bytes,
        schema_version=checked.schema_version,
        upgrade_pending=checked.schema_version < SCHEMA_VERSION,
    )


def _prepare_target(folder: Path) -> None:
    """A vault folder (checked as every open checks it), or a new or empty one of the person's
    own (made 0700 with `backups/`); anything else is refused before the lock is taken."""
    from recovery_desktop.storage.folder import FolderNotEmptyError, check_vault_folder

    if folder.exists() and not vault_exists(folder):
        check_vault_folder(folder)
        strangers = [
            entry.name
            for entry in os.scandir(folder)
            if entry.name not in _OURS and not entry.name.startswith(".")
        ]
        if strangers or not folder.is_dir():
            raise FolderNotEmptyError(folder)
    if not folder.exists():
        make_private_dir(folder)
    check_vault_folder(folder)
    make_private_dir(folder / BACKUPS_NAME)


def _remove_if_unused(folder: Path) -> None:
    """Undo `_prepare_target` for a folder it made, when the restore did not happen."""
    if vault_exists(folder) or (folder / DB_NAME).exists():
        return
    for name in LOCK_FILE_NAMES:
        with contextlib.suppress(OSError):
            (folder / name).unlink()
    for path in (folder / BACKUPS_NAME, folder):
        with contextlib.suppress(OSError):
            path.rmdir()  # only when empty


def _check_room(checked: CheckedBackup, folder: Path) -> None:
    needed = MARGIN_BYTES + checked.db.stat().st_size
    if checked.wal is not None:
        needed += checked.wal.stat().st_size
    free = shutil.disk_usage(folder).free
    if free < needed:
        shown = _megabytes(free, round_up=False)
        raise VaultError(
            f"Restoring this backup needs about {_megabytes(needed)} MB of free space on the "
            "disk that holds the vault, and "
            + ("almost none is free" if shown == "0.0" else f"only {shown} MB is free")
            + ". Nothing was changed; free some space and try again."
        )


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _stage(checked: CheckedBackup, staging: Path, report: Progress, stop: Cancelled) -> None:
    """Step 2: the backup's files in `staging`, its WAL folded in, checked whole, synced."""
    from recovery_desktop.storage.migrations import SCHEMA_VERSION

    db = staging / BACKUP_DB_NAME
    total = checked.db.stat().st_size + (checked.wal.stat().st_size if checked.wal else 0)
    done = 0

    def copied(n: int) -> None:
        nonlocal done
        done += n
        report(10 + 50 * done // max(total, 1), TOTAL)
        if stop():
            raise RestoreCancelledError()

    _copy_new_file(checked.db, db, copied)
    if checked.wal is not None:
        _copy_new_file(checked.wal, staging / BACKUP_WAL_NAME, copied)
        _fold_wal(db, checked.data_key)
    for leftover in (staging / f"{BACKUP_DB_NAME}-shm",):
        leftover.unlink(missing_ok=True)
    if (staging / BACKUP_WAL_NAME).exists():
        raise damaged_backup(checked.source, "its journal's last changes could not be folded in")
    try:
        check_copy(db, checked.data_key, None, None, stop)
    except BackupCancelledError as error:
        raise RestoreCancelledError() from error
    except (VaultError, sqlcipher3.Error) as error:
        raise damaged_backup(checked.source, "its journal file did not pass the integrity check") from error
    if schema_of(db, checked.data_key, checked.source) > SCHEMA_VERSION:
        raise too_new_backup(checked.source)
    report(90, TOTAL)
    fsync_file(db)
    write_new_file(staging / KEYS_NAME, checked.key_file_bytes)
    fsync_dir(staging)


def _copy_new_file(source: Path, target: Path, copied) -> None:  # type: ignore[no-untyped-def]
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(target, flags, 0o600)
    with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
        while chunk := src.read(_CHUNK):
            out.write(chunk)
            copied(len(chunk))
        out.flush()
        os.fsync(out.fileno())


def _fold_wal(db: Path, data_key: bytes) -> None:
    """Replay a copied WAL into the copied database (SQLite's own recovery), and close it."""
    conn = sqlcipher3.connect(str(db), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        conn.execute("PRAGMA temp_store = MEMORY")  # nothing spills to the temp folder
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()  # the last connection: the empty WAL is removed


def _keep_current(folder: Path, now: datetime | None) -> Path | None:
    """Step 3: the vault as it is, as a hidden backup folder in `backups/`; None when there is
    nothing to keep (a new folder)."""
    names = [(DB_NAME, BACKUP_DB_NAME), (KEYS_NAME, BACKUP_KEYS_NAME)]
    wal = folder / f"{DB_NAME}-wal"
    if wal.is_file() and not wal.is_symlink() and wal.stat().st_size > 0:
        names.append((wal.name, BACKUP_WAL_NAME))
    present = [(folder / a, b) for a, b in names if (folder / a).is_file()]
    if not present:
        return None
    places = ensure_vault_id(folder)
    assert places.vault_id is not None
    pending = folder / BACKUPS_NAME / KEPT_PENDING
    remove_folder_contents(pending)
    pending.mkdir(mode=0o700)
    for source, name in present:
        try:
            os.link(source, pending / name, follow_symlinks=False)
        except OSError:  # no hard links here (or across a mount): a real copy
            _copy_new_file(source, pending / name, lambda n: None)
    created = (now or now_utc()).astimezone(UTC).replace(microsecond=0)
    manifest = Manifest(places.vault_id, BackupKind.BEFORE_RESTORE, created, None, __version__)
    write_new_file(pending / MANIFEST_NAME, manifest.to_json())
    fsync_dir(pending)
    fsync_dir(pending.parent)
    return pending


# --- 5. the switch, and finishing one a kill cut short ---------------------------------------


def _switch(folder: Path) -> BackupInfo | None:
    """Step 5, safe to run again after a kill at any point. Only under the exclusive lock.
    Returns the kept vault (when this call named it)."""
    staged = folder / RESTORE_IN_PROGRESS
    if staged.is_symlink() or not staged.is_dir():
        return None
    if has_file(staged, DB_NAME):
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(folder / f"{DB_NAME}{suffix}")
    if has_file(staged, KEYS_NAME):
        os.replace(staged / KEYS_NAME, folder / KEYS_NAME)
    if has_file(staged, DB_NAME):
        os.replace(staged / DB_NAME, folder / DB_NAME)
    fsync_dir(folder)
    kept = _name_kept(folder)
    remove_folder_contents(staged)
    fsync_dir(folder)
    return kept


def _name_kept(folder: Path) -> BackupInfo | None:
    pending = folder / BACKUPS_NAME / KEPT_PENDING
    if pending.is_symlink() or not pending.is_dir():
        return None
    try:
        manifest = read_manifest(pending)
    except NotABackupError:
        remove_folder_contents(pending)  # cut short before its manifest: nothing but links
        return None
    name = f"{BackupKind.BEFORE_RESTORE.name_prefix}-{stamp(manifest.created_at)}"
    for n in range(1, 100):
        final = pending.parent / (name if n == 1 else f"{name}-{n}")
        if not (final.exists() or final.is_symlink()):
            os.rename(pending, final)
            fsync_dir(pending.parent)
            from recovery_desktop.storage.backup import folder_size

            return BackupInfo(final, manifest.kind, manifest.created_at, None, folder_size(final))
    return None


def finish_interrupted_restore(folder: Path) -> None:
    """Before a vault is opened: finish a restore that a kill cut short after its commit, so
    the vault opens whole with the backup's secrets. Quick (one `stat`) when there is none.
    Raises `VaultInUseError` when another process is finishing it right now."""
    from recovery_desktop.storage.vault_lock import (
        VaultInUseError,
        exclusive_vault_lock,
        key_file_lock,
    )

    folder = Path(folder)
    if not (folder / RESTORE_IN_PROGRESS).is_dir():
        return
    try:
        with exclusive_vault_lock(folder), key_file_lock(folder):
            _switch(folder)
    except VaultInUseError as error:
        raise VaultInUseError(
            "A restore of this vault is being finished in another window or program. Please "
            "try again in a moment. Nothing was changed."
        ) from error
    except OSError as error:
        raise VaultError(describe_storage_error(error, folder)) from error


def remove_stale_restore_files(folder: Path) -> list[str]:
    """Leftovers of a restore cut short before its commit: staging folders, and links to the
    vault kept in `backups/` for a switch that never came. Only while holding the vault's use
    lock (a restore in progress holds it exclusively) and with no restore to finish."""
    folder = Path(folder)
    if (folder / RESTORE_IN_PROGRESS).exists():
        return []
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(STAGING_PREFIX) and entry.is_dir(follow_symlinks=False):
                remove_folder_contents(Path(entry.path))
                removed.append(entry.name)
    pending = folder / BACKUPS_NAME / KEPT_PENDING
    if pending.is_dir() and not pending.is_symlink() and not (folder / BACKUPS_NAME).is_symlink():
        remove_folder_contents(pending)
        removed.append(pending.name)
    return removed


def _adopt_vault_id(folder: Path, checked: CheckedBackup) -> None:
    """A vault made from a backup (a new computer) takes the backup's vault id, so the backups
    it finds in that vault's folders are recognised as its own."""
    if checked.manifest is None:
        return
    with contextlib.suppress(VaultError, OSError):
        if load_places(folder).vault_id is None:
            save_places(folder, BackupPlaces(vault_id=checked.manifest.vault_id))
