# SPDX-License-Identifier: GPL-3.0-or-later
"""The journal file's birth: only set-up makes `vault.db`, and a set-up cut short still opens.

Opening never makes a database: a key file beside a missing or empty `vault.db` means the
journal was lost or moved, and a new empty one would hide that and take new writes meant for
the old. So set-up makes the database whole first, under a name nothing opens
(`vault.db.new`), then writes `vault.keys`, then renames the database into place:

- a crash before the key file exists leaves no vault (the folder is set up again; the stale
  `vault.db.new` holds nothing anyone wrote, since no one ever had its key);
- a crash after it leaves `vault.keys` and `vault.db.new`: the next unlock checks that the new
  file opens with that key, and moves it into place (`finish_interrupted_setup`);
- after the rename, a missing `vault.db` is refused in plain words.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from recovery_desktop.storage.atomic import PRIVATE_FILE_MODE, fsync_dir
from recovery_desktop.storage.errors import VaultError
from recovery_desktop.storage.layout import BACKUPS_NAME

NEW_SUFFIX = ".new"


def new_journal_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + NEW_SUFFIX)


def build_new_journal(db_path: Path, data_key: bytes) -> None:
    """Make the empty, fully migrated database of a new vault as `vault.db.new`, closed.

    Thread-safe (its own connection, closed before returning), so set-up runs it off the GUI
    thread together with the slow key derivation.
    """
    from recovery_desktop.storage.connection import close_database, open_database
    from recovery_desktop.storage.migrations import migrate

    new = new_journal_path(db_path)
    for stale in (new, Path(f"{new}-wal"), Path(f"{new}-shm")):
        stale.unlink(missing_ok=True)  # from a set-up cut short before its key file existed
    conn = open_database(new, data_key, create=True)
    try:
        migrate(conn, new, db_path.parent / BACKUPS_NAME)
    finally:
        close_database(conn)  # folds the WAL into the file and removes it
    os.chmod(new, PRIVATE_FILE_MODE)
    fd = os.open(new, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def install_new_journal(db_path: Path) -> None:
    """Move `vault.db.new` into place (atomic, durable)."""
    os.replace(new_journal_path(db_path), db_path)
    fsync_dir(db_path.parent)


def finish_interrupted_setup(db_path: Path, data_key: bytes) -> bool:
    """Install the `vault.db.new` of a set-up cut short after its key file was written.

    Only when that file is there and opens whole with `data_key` (so it belongs to this key
    file); returns whether it was installed. Called only when `vault.db` is missing or empty.
    """
    from recovery_desktop.storage.integrity import check_journal

    new = new_journal_path(db_path)
    with contextlib.suppress(FileNotFoundError):
        if new.stat().st_size > 0:
            try:
                check_journal(new, data_key)
            except VaultError:
                return False
            install_new_journal(db_path)
            return True
    return False
