# SPDX-License-Identifier: GPL-3.0-or-later
"""The copy put aside before an upgrade: whole or not at all (issue 6, #16).

The copy is the person's way back if an upgrade goes wrong, so a half-written one is worse than
none: it looks like a backup and is not. Free space is checked first (the copy, plus room for
the upgrade's own writes); each file is written under a `.partial` name, synced, then renamed;
any failure removes what was begun; and `.partial` files left by a kill are swept up next time.
Called under the write lock, after the WAL was folded in, so `vault.db` alone is the vault.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from recovery_desktop.storage.atomic import PRIVATE_FILE_MODE, fsync_dir, make_private_dir
from recovery_desktop.storage.errors import (
    UpgradeNeedsRoomError,
    VaultError,
    describe_storage_error,
)
from recovery_desktop.storage.layout import KEYS_NAME

PARTIAL = ".partial"
# Slack on top of the copy and the upgrade's own writes: SQLite's shared-memory index, journal
# headers, and the file system's own blocks.
MARGIN_BYTES = 1024 * 1024


def room_needed(db_path: Path) -> int:
    """Bytes an upgrade needs free: a copy of the database and key file, as much again for
    the steps (a rebuilt table is written to the WAL in full), and a margin."""
    keys = db_path.with_name(KEYS_NAME)
    keys_size = keys.stat().st_size if keys.exists() else 0
    return 2 * db_path.stat().st_size + keys_size + MARGIN_BYTES


def backup_before_migration(db_path: Path, backups_dir: Path, found: int) -> Path:
    """Copy the (encrypted) database and its key file into `backups_dir`; return the copy.

    Raises `UpgradeNeedsRoomError` before writing anything when the disk is too full, and
    `VaultError` (plain words) when the copy fails anyway; either way nothing is left behind.
    """
    make_private_dir(backups_dir)
    sweep_partial_copies(backups_dir)
    needed = room_needed(db_path)
    free = shutil.disk_usage(backups_dir).free
    if free < needed:
        raise UpgradeNeedsRoomError(needed, free)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backups_dir / f"before-schema-{found + 1}-{stamp}.db"
    # The key file travels with every backup (DESIGN §3), so the copy opens on its own.
    pairs = [(db_path, target), (db_path.with_name(KEYS_NAME), target.with_suffix(".keys"))]
    begun: list[Path] = []
    try:
        for source, final in pairs:
            if not source.exists():
                continue
            partial = final.with_name(final.name + PARTIAL)
            begun += [partial, final]
            _copy_durably(source, partial)
            os.replace(partial, final)
        fsync_dir(backups_dir)
    except BaseException as error:
        for path in begun:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        if isinstance(error, OSError):
            if error.errno in (errno.ENOSPC, errno.EDQUOT):
                raise UpgradeNeedsRoomError(needed, shutil.disk_usage(backups_dir).free) from error
            raise VaultError(describe_storage_error(error, backups_dir)) from error
        raise
    return target


def sweep_partial_copies(backups_dir: Path) -> None:
    """Remove copies a kill cut short (never a finished backup)."""
    for stale in backups_dir.glob(f"before-schema-*{PARTIAL}"):
        with contextlib.suppress(OSError):
            stale.unlink()


def _copy_durably(source: Path, target: Path) -> None:
    """Copy into a new private file (never through a planted link), then fsync it."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(target, flags, PRIVATE_FILE_MODE)
    with os.fdopen(fd, "wb") as out, source.open("rb") as src:
        shutil.copyfileobj(src, out, 1024 * 1024)
        out.flush()
        os.fsync(out.fileno())
