# SPDX-License-Identifier: GPL-3.0-or-later
"""What a backup is on disk (issue 9, point 3): a folder of three files.

    auto-backup-20260501T101500Z/        0700
        manifest.json                    0600  what it is; no word the person wrote
        vault.db                         0600  the database, encrypted under the vault's data key
        vault.keys                       0600  the vault's key file of the day (or since re-wrapped)

Why a folder and not one zip or tar file: every rule about backups stays the rule that already
holds for the vault folder itself. A new passphrase replaces `vault.keys` in each backup with one
atomic rename, as in the vault (a single archive would have to be rewritten whole, database and
all, for every backup on every change); a change of the vault's key re-encrypts `vault.db` in
place of itself, exactly as the copies taken before an upgrade; the database opens directly, so
checking a backup needs no unpacking and no temporary copy. The folder is written under a hidden
`.partial-…` name and renamed into place when whole, so a backup appears complete or not at all,
also after a kill or a cancel. Copied to a drive, it stays one thing to carry.

`manifest.json` (at most 16 KiB, strict JSON, every field checked as `vault.keys` is):
    format          "recovery-desktop-backup"
    version         1 (this layout)
    vault_id        32 hex digits, random per vault folder: which vault made it (`backup_places`)
    kind            "manual", "automatic" or "before-restore"
    created_at      UTC, ISO 8601 with "Z"
    schema_version  the database's schema (`PRAGMA user_version`), or null when unknown (the
                    vault kept before a restore, read without its key)
    app_version     the version of Recovery Desktop that made it

A copy of the vault kept before a restore may also hold `vault.db-wal` (when the last program to
use the vault ended without closing it): SQLite folds it in when the backup is restored.

The copies taken before an upgrade keep their older form, a pair `NAME.db` + `NAME.keys` in the
vault's `backups/`; restore accepts both. No Qt.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path

from recovery_desktop.storage.atomic import PRIVATE_FILE_MODE
from recovery_desktop.storage.errors import VaultError
from recovery_desktop.storage.strict_json import loads_strict

MANIFEST_NAME = "manifest.json"
BACKUP_DB_NAME = "vault.db"
BACKUP_KEYS_NAME = "vault.keys"
BACKUP_WAL_NAME = "vault.db-wal"
FORMAT_NAME = "recovery-desktop-backup"
FORMAT_VERSION = 1
MAX_MANIFEST_BYTES = 16 * 1024
VAULT_ID_HEX_CHARS = 32
PARTIAL_PREFIX = ".partial-"
# A partial backup nobody has written to for this long was left by a process that died.
STALE_PARTIAL_SECONDS = 60 * 60
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
_TEMP_NAME = re.compile(r"^\.[^/]+\.[a-z0-9_]{8}\.tmp$")  # write_atomically's leftovers


class BackupKind(Enum):
    MANUAL = "manual"  # "Back up now", or `backup` on the command line
    AUTOMATIC = "automatic"  # at unlock, once a day; rotated
    BEFORE_RESTORE = "before-restore"  # the vault as it was, kept by a restore
    BEFORE_UPGRADE = "before-upgrade"  # the older pair form, taken before a schema upgrade

    @property
    def name_prefix(self) -> str:
        return {
            BackupKind.MANUAL: "backup",
            BackupKind.AUTOMATIC: "auto-backup",
            BackupKind.BEFORE_RESTORE: "before-restore",
            BackupKind.BEFORE_UPGRADE: "before-schema",
        }[self]


class NotABackupError(VaultError):
    """The file or folder is not a backup this app can read. Nothing was changed."""


@dataclass(frozen=True)
class Manifest:
    vault_id: str
    kind: BackupKind
    created_at: datetime  # aware, UTC
    schema_version: int | None
    app_version: str

    def to_json(self) -> bytes:
        data = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "vault_id": self.vault_id,
            "kind": self.kind.value,
            "created_at": self.created_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "schema_version": self.schema_version,
            "app_version": self.app_version,
        }
        return json.dumps(data, indent=2).encode() + b"\n"

    @classmethod
    def parse(cls, raw: bytes, where: Path) -> Manifest:
        """Check every field; anything else is `NotABackupError` in plain words."""
        try:
            if len(raw) > MAX_MANIFEST_BYTES:
                raise ValueError("far too large")
            data = loads_strict(raw.decode("utf-8"))
            if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
                raise ValueError("not our format")
            version = data.get("version")
            if type(version) is int and version > FORMAT_VERSION:
                raise NotABackupError(
                    f"The backup {where} was made by a newer version of Recovery Desktop. "
                    "Please update the app to restore it. Nothing was changed."
                )
            fields = {
                "format", "version", "vault_id", "kind", "created_at", "schema_version",
                "app_version",
            }  # fmt: skip
            if set(data) != fields or type(version) is not int or version != FORMAT_VERSION:
                raise ValueError("unexpected or missing fields")
            vault_id = data["vault_id"]
            if not is_vault_id(vault_id):
                raise ValueError("bad vault id")
            kind = BackupKind(data["kind"])
            if kind is BackupKind.BEFORE_UPGRADE:
                raise ValueError("that kind is never a folder")
            created = data["created_at"]
            if not isinstance(created, str) or len(created) != 20 or not created.endswith("Z"):
                raise ValueError("bad time")
            created_at = datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
            schema = data["schema_version"]
            if schema is not None and (type(schema) is not int or not 0 <= schema < 2**31):
                raise ValueError("bad schema version")
            app_version = data["app_version"]
            if not isinstance(app_version, str) or len(app_version) > 64:
                raise ValueError("bad app version")
            return cls(vault_id, kind, created_at, schema, app_version)
        except NotABackupError:
            raise
        except (ValueError, TypeError, KeyError, RecursionError, OverflowError) as error:
            raise NotABackupError(
                f"{where} is not a Recovery Desktop backup, or its description "
                f"({MANIFEST_NAME}) is damaged. Nothing was changed."
            ) from error


def is_vault_id(value: object) -> bool:
    return (
        isinstance(value, str)
        and len(value) == VAULT_ID_HEX_CHARS
        and all(c in "0123456789abcdef" for c in value)
    )


def read_manifest(folder: Path) -> Manifest:
    """The manifest of the backup folder `folder` (never through a link)."""
    path = folder / MANIFEST_NAME
    try:
        raw = read_small_file(path, MAX_MANIFEST_BYTES)
    except OSError as error:
        raise NotABackupError(
            f"{folder} is not a Recovery Desktop backup (it has no readable {MANIFEST_NAME}). "
            "Nothing was changed."
        ) from error
    return Manifest.parse(raw, folder)


def read_small_file(path: Path, limit: int) -> bytes:
    """At most `limit` + 1 bytes of a regular file, refusing links and FIFOs."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path.name} is not a plain file")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(limit + 1)
    finally:
        os.close(fd)


def manifest_of(folder: Path) -> Manifest | None:
    """The manifest when `folder` is a real (not linked, not hidden) backup folder, else None."""
    if folder.name.startswith(".") or folder.is_symlink() or not folder.is_dir():
        return None
    try:
        return read_manifest(folder)
    except NotABackupError:
        return None


def backup_folders_in(place: Path, vault_id: str | None = None) -> list[tuple[Path, Manifest]]:
    """The backup folders directly in `place`, oldest first; only those of `vault_id` if given.
    Links are never followed; a missing or unreadable place has none."""
    if place.is_symlink() or not place.is_dir():
        return []
    found = []
    with contextlib.suppress(OSError):
        for child in sorted(place.iterdir()):
            manifest = manifest_of(child)
            if manifest is not None and (vault_id is None or manifest.vault_id == vault_id):
                found.append((child, manifest))
    found.sort(key=lambda item: (item[1].created_at, item[0].name))
    return found


def has_file(folder: Path, name: str) -> bool:
    path = folder / name
    return path.is_file() and not path.is_symlink()


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(STAMP_FORMAT)


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


# --- writing and removing --------------------------------------------------------------------


def write_new_file(path: Path, data: bytes) -> None:
    """Create `path` (never through a link, never over an existing file) 0600, write, fsync."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, PRIVATE_FILE_MODE)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_folder_contents(folder: Path) -> None:
    """Unlink every entry of `folder` (files and links; a link's target is never touched), then
    remove the folder. Our backup folders hold no sub-folders."""
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(folder):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
    with contextlib.suppress(FileNotFoundError):
        os.rmdir(folder)


def remove_backup_folder(folder: Path) -> None:
    """Delete a backup: its key file first, so from that moment nothing opens what is left
    (a kill later leaves a folder without a key file, which `sweep_place` removes)."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(folder / BACKUP_KEYS_NAME)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(folder / BACKUP_DB_NAME)
    remove_folder_contents(folder)


def sweep_place(place: Path, vault_id: str | None = None) -> list[str]:
    """Remove in `place` what interrupted work left: partial backups no process has touched for
    an hour, backup folders whose deletion was cut short after their database went (a manifest
    and nothing else), and stale temp files of key-file writes inside backup folders. Returns
    the names removed. Never follows a link; touches only folders with our manifest (and
    `vault_id`'s, if given). A deletion cut short between the key file and the database leaves
    a database nothing opens: `keyless_backups` lists those for a sweep that knows the key."""
    removed: list[str] = []
    if place.is_symlink() or not place.is_dir():
        return removed
    now = time.time()
    with contextlib.suppress(OSError):
        for child in sorted(place.iterdir()):
            if child.is_symlink() or not child.is_dir():
                continue
            if child.name.startswith(PARTIAL_PREFIX):
                if now - _newest_change(child) > STALE_PARTIAL_SECONDS:
                    remove_folder_contents(child)
                    removed.append(child.name)
                continue
            manifest = manifest_of(child)
            if manifest is None or (vault_id is not None and manifest.vault_id != vault_id):
                continue
            if not has_file(child, BACKUP_KEYS_NAME) and not has_file(child, BACKUP_DB_NAME):
                remove_folder_contents(child)
                removed.append(child.name)
                continue
            for entry in os.scandir(child):
                if _TEMP_NAME.match(entry.name):
                    with contextlib.suppress(OSError):
                        if now - entry.stat(follow_symlinks=False).st_mtime > 600:
                            os.unlink(entry.path)
                            removed.append(f"{child.name}/{entry.name}")
    return removed


def keyless_backups(place: Path, vault_id: str | None = None) -> list[tuple[Path, Manifest]]:
    """Backup folders in `place` with a database but no key file: a deletion cut short."""
    return [
        (folder, manifest)
        for folder, manifest in backup_folders_in(place, vault_id)
        if has_file(folder, BACKUP_DB_NAME) and not has_file(folder, BACKUP_KEYS_NAME)
    ]


def _newest_change(folder: Path) -> float:
    newest = folder.lstat().st_mtime
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            newest = max(newest, entry.stat(follow_symlinks=False).st_mtime)
    return newest
