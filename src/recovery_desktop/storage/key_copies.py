# SPDX-License-Identifier: GPL-3.0-or-later
"""The key copies the app manages, and the one rule they follow (issue 6, point 1).

Every encrypted copy of the database the app makes travels with a copy of `vault.keys`, so it
opens on its own: the copies in `backups/` taken before an upgrade (a pair `NAME.db` +
`NAME.keys`), and the backups (a folder holding `vault.db` and `vault.keys`, see
`backup_format`) in the vault's `backups/` and in every other folder the app made one in
(`backup_places`). Such a copy would keep
the passphrase and recovery code of the day it was made, so a changed passphrase would still
open it. The rule: whenever the secrets change (new passphrase, new recovery code, a slot
re-wrapped at a higher cost), every managed copy whose database is under the same data key gets
the new `vault.keys`. Copies under another data key (made before a change of the vault's key)
are left alone and reported, so the person can choose to re-encrypt or delete them.

Copies the person moved elsewhere are not managed and keep the secrets of their day; the screens
and the CLI say so where a secret changes. Symlinked folders and files are never followed. In a
folder other than the vault's own `backups/`, only backup folders whose manifest names this
vault count (never a pair, never another vault's backup).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import sqlcipher3

from recovery_desktop.storage.atomic import write_atomically
from recovery_desktop.storage.backup_format import (
    BACKUP_DB_NAME,
    BACKUP_KEYS_NAME,
    backup_folders_in,
    has_file,
)

BACKUP_DB_SUFFIX = ".db"
BACKUP_KEYS_SUFFIX = ".keys"


@dataclass(frozen=True, slots=True)
class BackupCopy:
    """One encrypted database copy and the key file beside it; `folder` is set for a backup
    folder (the copy is the whole folder), None for an older pair."""

    db: Path
    keys: Path
    folder: Path | None = None


@dataclass(frozen=True)
class CopyPlaces:
    """Where one vault's key copies are: its own `backups/` (every copy there is its own), and
    other folders it made backups in (only backup folders that name `vault_id` there)."""

    own: Path
    elsewhere: tuple[Path, ...] = ()
    vault_id: str | None = None

    @property
    def folders(self) -> list[Path]:
        return [self.own, *self.elsewhere]


@dataclass
class CopiesReport:
    """What happened to the managed copies after the secrets changed."""

    updated: list[BackupCopy] = field(default_factory=list)
    other_key: list[BackupCopy] = field(default_factory=list)
    failed: list[tuple[BackupCopy, str]] = field(default_factory=list)


def managed_copies(folders: Iterable[Path] | CopyPlaces) -> list[BackupCopy]:
    """Every `NAME.db` with a `NAME.keys` beside it, and every backup folder with both files,
    in `folders` (given as `CopyPlaces`: in its own folder so, elsewhere only backup folders of
    its vault). Links are never followed."""
    if isinstance(folders, CopyPlaces):
        copies = _copies_in(folders.own, pairs=True)
        if folders.vault_id is not None:
            for place in folders.elsewhere:
                copies += _copies_in(place, pairs=False, vault_id=folders.vault_id)
        return copies
    return [copy for folder in folders for copy in _copies_in(folder, pairs=True)]


def _copies_in(folder: Path, *, pairs: bool, vault_id: str | None = None) -> list[BackupCopy]:
    if folder.is_symlink() or not folder.is_dir():
        return []
    copies = []
    if pairs:
        with contextlib.suppress(OSError):
            for db in sorted(folder.iterdir()):
                if db.suffix != BACKUP_DB_SUFFIX or db.is_symlink() or not db.is_file():
                    continue
                keys = db.with_suffix(BACKUP_KEYS_SUFFIX)
                if keys.is_file() and not keys.is_symlink():
                    copies.append(BackupCopy(db, keys))
    for backup, _manifest in backup_folders_in(folder, vault_id):
        if has_file(backup, BACKUP_DB_NAME) and has_file(backup, BACKUP_KEYS_NAME):
            copies.append(BackupCopy(backup / BACKUP_DB_NAME, backup / BACKUP_KEYS_NAME, backup))
    return copies


def opens_with(db: Path, data_key: bytes) -> bool:
    """True when `data_key` decrypts the database file `db`. Read-only: writes nothing, not even
    a WAL or shared-memory file (`immutable`), and SQLCipher's own log stays quiet.

    An empty file is no database under any key (SQLite would read it as a new, empty one that
    every key "opens"): False, so it is never taken for a copy, or for a switched vault.db."""
    try:
        if db.stat().st_size == 0:
            return False
    except OSError:
        return False
    uri = f"file:{quote(str(db))}?mode=ro&immutable=1"
    try:
        conn = sqlcipher3.connect(uri, uri=True, isolation_level=None)
    except sqlcipher3.DatabaseError:
        return False
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        with contextlib.suppress(sqlcipher3.Error):
            conn.close()


def refresh_key_copies(
    folders: Iterable[Path] | CopyPlaces, data_key: bytes, key_file_bytes: bytes
) -> CopiesReport:
    """Give every managed copy under `data_key` the vault's new key file (atomically).

    Slow only in the number of copies (no KDF runs here). A copy that cannot be written is
    reported, never half-written; the vault's own key file is already saved by then.
    """
    report = CopiesReport()
    for copy in managed_copies(folders):
        if not opens_with(copy.db, data_key):
            report.other_key.append(copy)
            continue
        try:
            write_atomically(copy.keys, key_file_bytes)
        except OSError as error:
            report.failed.append((copy, error.strerror or str(error)))
        else:
            report.updated.append(copy)
    return report
