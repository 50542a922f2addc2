# SPDX-License-Identifier: GPL-3.0-or-later
"""Is this folder safe to keep a vault in? Checked on every open and before creating one.

A vault folder must belong to the person and be writable by nobody else (DESIGN §3): anyone who
can write there can plant a link where the app writes, swap `vault.keys` for one with a tiny
KDF cost, or replace `backups/` with a link into their own folder. So:

- open refuses a folder owned by another account or writable by group or others (sticky bit or
  not), with the command that fixes it (`chmod 700 FOLDER`);
- open refuses a `backups/` that is a link: the app never writes through it;
- create refuses a folder that holds anything but our own lock files, a set-up's unfinished
  new journal (or an empty `backups/`),
  and tightens an empty folder of the person's own to 0700 before checking it is empty;
- leftovers of an interrupted atomic write (`.vault.keys.<random>.tmp`) are removed on open
  once they are older than `STALE_TEMP_SECONDS`: a younger one may belong to another process
  writing right now.

Where the system has no user ids (Windows) the owner and mode checks are skipped: the folder's
access control list is the system's business there. No Qt.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from pathlib import Path

from recovery_desktop.storage.atomic import make_private_dir
from recovery_desktop.storage.errors import VaultError
from recovery_desktop.storage.layout import BACKUPS_NAME, DB_NAME
from recovery_desktop.storage.vault_lock import LOCK_FILE_NAMES

STALE_TEMP_SECONDS = 10 * 60
# A set-up cut short before its key file existed leaves its new journal (`journal_file`): no one
# ever had its key, so it holds nothing anyone wrote, and set-up replaces it.
_SETUP_LEFTOVERS = tuple(f"{DB_NAME}.new{suffix}" for suffix in ("", "-wal", "-shm"))
# write_atomically's names (`.<name>.<mkstemp's 8 characters>.tmp`) and the older fixed ones
# (`.<name>.tmp-<pid>`); nothing else is ever removed.
_TEMP_NAME = re.compile(r"^\.[^/]+\.(?:[a-z0-9_]{8}\.tmp|tmp-\d+)$")


class UnsafeFolderError(VaultError):
    """The folder (or a link in it) could let someone else change the vault. Nothing changed."""


class FolderNotEmptyError(VaultError):
    def __init__(self, folder: object) -> None:
        super().__init__(
            f"{folder} already holds other files, and a vault needs a folder of its own. Please "
            f"choose an empty or new folder. Nothing was changed."
        )


def _quoted(folder: Path) -> str:
    import shlex  # only for a message; this module loads before the unlock window

    return shlex.quote(str(folder))


def _check_owner_and_mode(folder: Path, info: os.stat_result) -> None:
    if not hasattr(os, "geteuid"):
        return
    if info.st_uid != os.geteuid():
        raise UnsafeFolderError(
            f"The vault folder {folder} belongs to another user account, so it is not safe to "
            f"keep your journal there. Nothing was changed. Move the vault into a folder of your "
            f"own, or ask whoever looks after this computer to make this folder yours."
        )
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise UnsafeFolderError(
            f"Other people on this computer can change the vault folder {folder}, so it is not "
            f"safe to open. Nothing was changed. To make the folder yours alone, run this "
            f"command and try again:  chmod 700 {_quoted(folder)}"
        )


def check_vault_folder(folder: Path) -> None:
    """Refuse (UnsafeFolderError) a vault folder that is not the person's alone, or whose
    `backups/` is a link. The folder itself may be a link the person made: its target is
    checked. Cheap (two `stat` calls): run on every open, before anything is read or written."""
    folder = Path(folder)
    try:
        info = folder.stat()
    except FileNotFoundError:
        return  # "no vault here" is said by the caller
    _check_owner_and_mode(folder, info)
    backups = folder / BACKUPS_NAME
    if backups.is_symlink():
        target = os.readlink(backups)
        raise UnsafeFolderError(
            f"The backups folder in {folder} is a link to somewhere else ({target}). To keep "
            f"your journal safe the app never writes through links there, so nothing was "
            f"changed. Replace the link with a real folder and try again, for example:  "
            f"mv {_quoted(backups)} {_quoted(backups)}-link && mkdir -m 700 {_quoted(backups)}"
        )


def prepare_new_vault_folder(folder: Path) -> None:
    """Make `folder` (0700) for a new vault, or take an existing empty one of the person's own
    and make it 0700. Refuses another account's folder and one that holds anything else."""
    folder = Path(folder)
    if folder.is_symlink():  # a link the person made to the folder they chose: use its target
        folder = folder.resolve()
    if folder.exists():
        info = folder.stat()
        if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
            _check_owner_and_mode(folder, info)
    make_private_dir(folder)  # from here on nobody else can add files
    if not _holds_only_our_leftovers(folder):
        raise FolderNotEmptyError(folder)
    check_vault_folder(folder)


def _holds_only_our_leftovers(folder: Path) -> bool:
    for entry in os.scandir(folder):
        if entry.name in (*LOCK_FILE_NAMES, *_SETUP_LEFTOVERS) and entry.is_file(
            follow_symlinks=False
        ):
            continue
        if (
            entry.name == BACKUPS_NAME
            and entry.is_dir(follow_symlinks=False)
            and not any(os.scandir(entry.path))
        ):
            continue
        return False
    return True


def remove_stale_temp_files(folder: Path, older_than: float = STALE_TEMP_SECONDS) -> list[str]:
    """Remove leftovers of interrupted atomic writes in `folder` and its `backups/` (not through
    a link); returns their names. `unlink` never follows a link, so a planted one just goes."""
    removed: list[str] = []
    now = time.time()
    places = [Path(folder)]
    backups = Path(folder) / BACKUPS_NAME
    if backups.is_dir() and not backups.is_symlink():
        places.append(backups)
    for place in places:
        with contextlib.suppress(FileNotFoundError):
            for entry in os.scandir(place):
                if not _TEMP_NAME.match(entry.name):
                    continue
                with contextlib.suppress(OSError):
                    if now - entry.stat(follow_symlinks=False).st_mtime < older_than:
                        continue
                    os.unlink(entry.path)
                    removed.append(entry.name)
    return removed
