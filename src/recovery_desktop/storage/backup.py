# SPDX-License-Identifier: GPL-3.0-or-later
"""Backups (issue 9, point 3): "Back up now", and the automatic backup after an unlock.

A backup is a folder holding the database, the key file and a manifest (`backup_format` says
why a folder). It opens with the passphrase or recovery code the vault had that day, and keeps
following the vault's passphrase and recovery code while it stays where the app put it
(`key_copies`, `backup_places`). Making one, so that it is whole or absent:

1. The vault's shared use lock is held throughout: a key change or a restore (which take it
   exclusively) is refused while a backup runs, and a backup while one of them runs.
2. The folder is remembered in `backup-places.json` first, so every backup that exists is one
   the app re-wraps when the secrets change.
3. Free space is checked, then a hidden `.partial-…` folder (0700) is made in the backup folder.
4. The database is copied with SQLite's online backup API, a few hundred pages at a time, from
   one read snapshot held across the steps (the app's own saves go on meanwhile; they are not
   in this backup, and they never restart it). Pages are copied under the same data key: the
   copy is encrypted as the vault is and never exists in plain form.
5. The copy is checked: integrity, the same rows in every table as the snapshot, the same schema.
6. `vault.keys` (as it is now) and `manifest.json` are written beside it, each synced.
7. One rename makes the backup appear. Should the passphrase have changed meanwhile (another
   window), the backup then gets the new key file, so the old passphrase never opens it.

Cancelling (`cancelled()` is asked between steps) or any error before step 7 removes the partial
folder: nothing is left behind. Automatic backups (`run_automatic_backup`) are made when the last
one is more than a day old, then rotated (`core.backup_rotation`: the last 7 days, 4 weeks). No Qt.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import sqlcipher3

from recovery_desktop import __version__
from recovery_desktop.core.backup_rotation import backup_due, backups_to_keep
from recovery_desktop.storage.atomic import fsync_dir, make_private_dir, write_atomically
from recovery_desktop.storage.backup_format import (
    BACKUP_DB_NAME,
    BACKUP_KEYS_NAME,
    MANIFEST_NAME,
    PARTIAL_PREFIX,
    BackupKind,
    Manifest,
    backup_folders_in,
    fsync_file,
    has_file,
    keyless_backups,
    now_utc,
    remove_backup_folder,
    remove_folder_contents,
    stamp,
    sweep_place,
    write_new_file,
)
from recovery_desktop.storage.backup_places import (
    backup_folder,
    copy_places,
    own_backups,
    prepare_place,
    record_place,
)
from recovery_desktop.storage.errors import VaultError, _megabytes
from recovery_desktop.storage.key_copies import BACKUP_KEYS_SUFFIX, opens_with
from recovery_desktop.storage.keys import KeyChangePendingError, KeyFile, key_id
from recovery_desktop.storage.layout import DB_NAME, KEYS_NAME

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
TOTAL = 100  # progress is reported as (done, 100)
_COPY_SHARE = 80  # of the 100: the copy; the check takes the rest
COPY_STEP_PAGES = 256  # 1 MiB of 4 KiB pages between looks at the cancel button
MARGIN_BYTES = 1024 * 1024


class BackupCancelledError(VaultError):
    def __init__(self) -> None:
        super().__init__("The backup was stopped. Nothing was written.")


class BackupNeedsRoomError(VaultError):
    def __init__(self, place: Path, needed: int, free: int) -> None:
        self.needed_bytes, self.free_bytes = needed, free
        shown = _megabytes(free, round_up=False)
        super().__init__(
            f"A backup needs about {_megabytes(needed)} MB of free space in {place}, and "
            + ("almost none is free" if shown == "0.0" else f"only {shown} MB is free")
            + ". Nothing was written; free some space or choose another folder for backups."
        )


@dataclass(frozen=True)
class BackupInfo:
    """One backup, as the Export & backup page lists it."""

    path: Path
    kind: BackupKind
    created_at: datetime | None  # aware, UTC; None when nothing says
    schema_version: int | None
    size_bytes: int
    under_current_key: bool | None = None  # None when not asked


@dataclass
class AutomaticBackupResult:
    """What `run_automatic_backup` did: the backup it made (None when none was due) and the
    older automatic backups the rotation removed or could not remove (with the reason)."""

    made: BackupInfo | None = None
    removed: list[Path] = field(default_factory=list)
    not_removed: list[tuple[Path, str]] = field(default_factory=list)


def _nothing(done: int, total: int) -> None:
    pass


def _never() -> bool:
    return False


# --- making one ------------------------------------------------------------------------------


def make_backup(
    folder: Path,
    data_key: bytes,
    *,
    into: Path | None = None,
    name: str | None = None,
    kind: BackupKind = BackupKind.MANUAL,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    now: datetime | None = None,
) -> BackupInfo:
    """Write a new backup of the vault in `folder` into `into` (default: the folder chosen for
    backups, `backup_places.backup_folder`) as `name` (default: kind and UTC time).

    Slow (a copy and a check of the database) and thread-safe: it opens its own connections, so
    the GUI runs it on a worker while the vault stays open. `progress(done, 100)` and
    `cancelled()` are called on this thread. Raises `BackupCancelledError` (nothing written),
    `BackupNeedsRoomError`, `VaultInUseError` while a key change or restore runs, and
    `VaultError` in plain words when a disk or folder refuses; never leaves a partial backup.
    """
    from recovery_desktop.storage.vault_lock import VaultUseLock

    folder = Path(folder)
    report, stop = progress or _nothing, cancelled or _never
    created = (now or now_utc()).astimezone(UTC).replace(microsecond=0)
    lock = VaultUseLock.acquire_shared(folder)
    try:
        place = _place_for_backups(folder, into)
        places = record_place(folder, place)
        assert places.vault_id is not None
        sweep_place(place, places.vault_id)
        keys_bytes = _current_key_file(folder, data_key)
        _check_room(folder, place)
        report(0, TOTAL)
        try:
            partial = Path(tempfile.mkdtemp(prefix=PARTIAL_PREFIX, dir=place))
        except OSError as error:
            raise VaultError(_words(error, place)) from error
        try:
            schema = _copy_database(folder / DB_NAME, data_key, partial / BACKUP_DB_NAME, report, stop)
            write_new_file(partial / BACKUP_KEYS_NAME, keys_bytes)
            manifest = Manifest(places.vault_id, kind, created, schema, __version__)
            write_new_file(partial / MANIFEST_NAME, manifest.to_json())
            fsync_dir(partial)
            if stop():
                raise BackupCancelledError()
            final = _rename_into_place(partial, place, name or f"{kind.name_prefix}-{stamp(created)}")
        except BaseException as error:
            remove_folder_contents(partial)
            if isinstance(error, OSError | sqlcipher3.Error):
                raise VaultError(_words(error, place)) from error
            raise
        fsync_dir(place)
        _follow_secret_changes(folder, final, keys_bytes, data_key)
        report(TOTAL, TOTAL)
        return BackupInfo(final, kind, created, schema, folder_size(final), True)
    finally:
        lock.release()


def _place_for_backups(folder: Path, into: Path | None) -> Path:
    place = into if into is not None else backup_folder(folder)
    own = own_backups(folder)
    if Path(place) == own:
        if own.is_symlink():
            from recovery_desktop.storage.folder import check_vault_folder

            check_vault_folder(folder)  # says what to do about the link
        make_private_dir(own)
        return own
    return prepare_place(Path(place), vault_folder=folder)


def _current_key_file(folder: Path, data_key: bytes) -> bytes:
    """`vault.keys` as it is now, checked to wrap `data_key` (and only it)."""
    path = folder / KEYS_NAME
    key_file = KeyFile.load(path)
    if key_file.pending is not None:
        raise KeyChangePendingError()
    if key_file.current.key_id not in (None, key_id(data_key)):
        raise VaultError(
            "The vault's key was changed in another window since it was unlocked, so no backup "
            "was made. Please lock the vault, unlock it again and try once more."
        )
    return path.read_bytes()


def _check_room(folder: Path, place: Path) -> None:
    needed = MARGIN_BYTES
    for name in (DB_NAME, f"{DB_NAME}-wal"):
        with contextlib.suppress(FileNotFoundError):
            needed += (folder / name).stat().st_size
    free = shutil.disk_usage(place).free
    if free < needed:
        raise BackupNeedsRoomError(place, needed, free)


def _copy_database(db: Path, data_key: bytes, target: Path, report: Progress, stop: Cancelled) -> int:
    """Steps 4 and 5; returns the schema version. The target is synced when this returns."""
    from recovery_desktop.storage.connection import open_database

    source = open_database(db, data_key)
    try:
        source.execute("BEGIN")  # one snapshot for the counts and every step of the copy
        schema = int(source.execute("PRAGMA user_version").fetchone()[0])
        expected = row_counts(source)
        copy = sqlcipher3.connect(str(target), isolation_level=None)
        try:
            copy.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
            copy.execute("PRAGMA temp_store = MEMORY")  # nothing spills to the temp folder

            def step(status: int, remaining: int, total: int) -> None:
                report(_COPY_SHARE * (total - remaining) // max(total, 1), TOTAL)
                if stop():
                    raise BackupCancelledError()

            source.backup(copy, pages=COPY_STEP_PAGES, progress=step)
        finally:
            copy.close()
        source.execute("COMMIT")
    finally:
        source.close()  # not close_database: its optimize may write, and this only reads
    os.chmod(target, 0o600)
    check_copy(target, data_key, schema, expected, stop)
    report(TOTAL - 5, TOTAL)
    fsync_file(target)
    return schema


def row_counts(conn: sqlcipher3.Connection) -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {n: int(conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]) for n in names}


def check_copy(
    path: Path,
    data_key: bytes,
    schema: int | None,
    expected: dict[str, int] | None,
    stop: Cancelled = _never,
) -> None:
    """Open the closed database file `path` read-only (it is never written) and check it whole:
    `VaultError` unless integrity is ok and, when given, the schema and every table's rows are
    as expected. `BackupCancelledError` when `stop()` says so meanwhile."""
    conn = sqlcipher3.connect(f"file:{quote(str(path))}?mode=ro&immutable=1", uri=True)
    try:
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        conn.execute("PRAGMA temp_store = MEMORY")  # nothing spills to the temp folder
        conn.set_progress_handler(lambda: 1 if stop() else 0, 20_000)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            found_schema = int(conn.execute("PRAGMA user_version").fetchone()[0])
            counts = row_counts(conn)
        except sqlcipher3.OperationalError as error:
            if stop() and "interrupted" in str(error):
                raise BackupCancelledError() from error
            raise
    finally:
        conn.close()
    if not ok or (schema is not None and found_schema != schema) or (
        expected is not None and counts != expected
    ):
        raise VaultError(
            "The copy of the journal did not check out, so it was not kept. Your vault is as it "
            "was; please try again."
        )


def _rename_into_place(partial: Path, place: Path, name: str) -> Path:
    for n in range(1, 100):
        final = place / (name if n == 1 else f"{name}-{n}")
        if final.exists() or final.is_symlink():
            continue
        try:
            os.rename(partial, final)  # fails on a non-empty folder of that name: never merged
        except OSError as error:
            if error.errno in (errno.EEXIST, errno.ENOTEMPTY):
                continue
            raise
        return final
    raise VaultError(f"Too many backups named {name} in {place}. Nothing was written.")


def _follow_secret_changes(folder: Path, backup: Path, written: bytes, data_key: bytes) -> None:
    """Step 7's second half: a passphrase changed in another window between our reading
    `vault.keys` and the backup's appearing was not given to it (it was hidden then)."""
    with contextlib.suppress(OSError, VaultError):
        now = (folder / KEYS_NAME).read_bytes()
        if now == written:
            return
        fresh = KeyFile.parse(now)
        if fresh.pending is None and fresh.current.key_id in (None, key_id(data_key)):
            write_atomically(backup / BACKUP_KEYS_NAME, now)


def _words(error: BaseException, place: Path) -> str:
    """Plain words for a refusal of the backup folder's disk."""
    code = getattr(error, "errno", None)
    text = str(error).lower()
    if code in (errno.ENOSPC, errno.EDQUOT) or "disk is full" in text:
        return (
            f"The disk that holds {place} is full, so the backup could not be made. Nothing "
            "was written; free some space or choose another folder for backups."
        )
    if code in (errno.EACCES, errno.EPERM, errno.EROFS) or "readonly" in text:
        return (
            f"The folder {place} cannot be written to, so the backup could not be made. "
            "Nothing was written; please choose another folder for backups."
        )
    return (
        f"The backup could not be written to {place} ({getattr(error, 'strerror', None) or error}). "
        "Nothing was written; please try again."
    )


def folder_size(path: Path) -> int:
    total = 0
    with contextlib.suppress(OSError):
        for entry in os.scandir(path):
            with contextlib.suppress(OSError):
                total += entry.stat(follow_symlinks=False).st_size
    return total


# --- automatic backups -----------------------------------------------------------------------


def automatic_backups(folder: Path, data_key: bytes) -> list[tuple[Path, Manifest]]:
    """This vault's automatic backups under `data_key`, in every place it keeps backups, oldest
    first. Those under an earlier key (kept by choice through a key change) are not counted."""
    found = []
    for place, vault_id in _places_with_ids(Path(folder)):
        for backup, manifest in backup_folders_in(place, vault_id):
            if (
                manifest.kind is BackupKind.AUTOMATIC
                and has_file(backup, BACKUP_KEYS_NAME)
                and opens_with(backup / BACKUP_DB_NAME, data_key)
            ):
                found.append((backup, manifest))
    found.sort(key=lambda item: item[1].created_at)
    return found


def _places_with_ids(folder: Path) -> list[tuple[Path, str | None]]:
    """Each place with the vault id a backup there must carry (None: any, in `backups/`)."""
    places = copy_places(folder)
    result: list[tuple[Path, str | None]] = [(places.own, None)]
    if places.vault_id is not None:
        result += [(place, places.vault_id) for place in places.elsewhere]
    return result


def automatic_backup_due(folder: Path, data_key: bytes, now: datetime | None = None) -> bool:
    """True when the last automatic backup is more than a day old (or there is none)."""
    moments = [m.created_at for _, m in automatic_backups(folder, data_key)]
    return backup_due(moments, now or now_utc())


def run_automatic_backup(
    folder: Path,
    data_key: bytes,
    *,
    now: datetime | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> AutomaticBackupResult:
    """The GUI calls this on a worker after Today is shown (and the CLI may after a command):
    when the last automatic backup is more than a day old, make one in the chosen folder, then
    rotate. Quick when none is due (a look at the manifests). Raises as `make_backup`; the
    caller shows the reason gently and tries again at the next unlock."""
    now = now or now_utc()
    if not automatic_backup_due(folder, data_key, now):
        return AutomaticBackupResult()
    made = make_backup(
        folder, data_key, kind=BackupKind.AUTOMATIC, progress=progress, cancelled=cancelled, now=now
    )
    removed, not_removed = rotate_automatic_backups(folder, data_key)
    return AutomaticBackupResult(made, removed, not_removed)


def rotate_automatic_backups(
    folder: Path, data_key: bytes, daily: int | None = None, weekly: int | None = None
) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Delete the automatic backups the rotation does not keep (`core.backup_rotation`, days and
    weeks of the local clock). Manual backups, those kept before a restore, copies taken before
    an upgrade and backups under another key are never touched. Returns (removed, not removed
    with the reason)."""
    from recovery_desktop.core.backup_rotation import DAILY, WEEKLY
    from recovery_desktop.storage.vault_lock import VaultUseLock

    folder = Path(folder)
    lock = VaultUseLock.acquire_shared(folder)
    try:
        backups = automatic_backups(folder, data_key)
        local = [manifest.created_at.astimezone() for _, manifest in backups]
        keep = backups_to_keep(local, DAILY if daily is None else daily, WEEKLY if weekly is None else weekly)
        removed: list[Path] = []
        not_removed: list[tuple[Path, str]] = []
        for i, (backup, _manifest) in enumerate(backups):
            if i in keep:
                continue
            try:
                remove_backup_folder(backup)
            except OSError as error:
                not_removed.append((backup, error.strerror or str(error)))
            else:
                removed.append(backup)
        for place, vault_id in _places_with_ids(folder):
            for backup, manifest in keyless_backups(place, vault_id):
                # A deletion cut short between the key file and the database.
                if manifest.kind is BackupKind.AUTOMATIC and opens_with(
                    backup / BACKUP_DB_NAME, data_key
                ):
                    with contextlib.suppress(OSError):
                        remove_folder_contents(backup)
            if place.is_dir() and not place.is_symlink():
                fsync_dir(place)
        return removed, not_removed
    finally:
        lock.release()


# --- listing ---------------------------------------------------------------------------------


def list_backups(folder: Path, data_key: bytes | None = None) -> list[BackupInfo]:
    """Every backup of this vault the app looks after, newest first: backup folders in every
    place, and the copies taken before upgrades in `backups/`. With `data_key`, each says
    whether it is under the vault's current key (quick: one page read each)."""
    folder = Path(folder)
    found: list[BackupInfo] = []
    for place, vault_id in _places_with_ids(folder):
        for backup, manifest in backup_folders_in(place, vault_id):
            if not (has_file(backup, BACKUP_DB_NAME) and has_file(backup, BACKUP_KEYS_NAME)):
                continue
            under = None if data_key is None else opens_with(backup / BACKUP_DB_NAME, data_key)
            found.append(
                BackupInfo(
                    backup, manifest.kind, manifest.created_at, manifest.schema_version,
                    folder_size(backup), under,
                )  # fmt: skip
            )
    own = own_backups(folder)
    if own.is_dir() and not own.is_symlink():
        for db in sorted(own.glob("*.db")):
            keys = db.with_suffix(BACKUP_KEYS_SUFFIX)
            if db.is_symlink() or not db.is_file() or not has_file(own, keys.name):
                continue
            under = None if data_key is None else opens_with(db, data_key)
            size = db.stat().st_size + keys.stat().st_size
            found.append(
                BackupInfo(db, BackupKind.BEFORE_UPGRADE, pair_time(db), None, size, under)
            )
    found.sort(key=lambda b: b.created_at or datetime.min.replace(tzinfo=UTC), reverse=True)
    return found


def pair_time(db: Path) -> datetime | None:
    """The UTC time in a name such as `before-schema-5-20260501T101500Z.db`."""
    with contextlib.suppress(ValueError, IndexError):
        return datetime.strptime(db.stem.rsplit("-", 1)[1], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    return None
