# SPDX-License-Identifier: GPL-3.0-or-later
"""Export files that appear whole or not at all: written 0600 beside their final name, fsynced,
then renamed into place. On any error or on cancel the temp file (or folder) is removed, so a
person never finds half an export, and an existing file of that name is left as it was.

Temp names are made by `mkstemp`/`mkdtemp` (unpredictable, O_EXCL, never through a planted
link), as `storage.atomic` does for the vault's own files.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from recovery_desktop.exchange.progress import ExportError
from recovery_desktop.storage.atomic import PRIVATE_FILE_MODE, TEMP_SUFFIX, fsync_dir

_NEW_FILE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)


def plain_os_error(error: OSError, where: Path) -> str:
    """What went wrong with the disk, in the person's words."""
    if error.errno == errno.ENOSPC:
        return f"The disk is full, so the export could not be written to {where}. Nothing was written; free some space and try again."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"The app may not write in {where} (it is read-only or belongs to someone else). Nothing was written; choose another place."
    if error.errno == errno.ENOENT:
        return f"The folder {where} does not exist. Nothing was written; choose another place."
    return f"The export could not be written to {where}: {error.strerror or error}. Nothing was written."


@contextlib.contextmanager
def private_output_file(path: Path) -> Iterator[BinaryIO]:
    """A binary handle whose bytes become `path` when the block ends without an error."""
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"{path} is a folder. Choose a file name for the export.")
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent
        )
    except OSError as error:
        raise ExportError(plain_os_error(error, path.parent)) from error
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), PRIVATE_FILE_MODE)
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        if isinstance(error, OSError):
            raise ExportError(plain_os_error(error, path.parent)) from error
        raise
    fsync_dir(path.parent)


@contextlib.contextmanager
def private_output_folder(path: Path) -> Iterator[Path]:
    """A private temp folder that becomes `path` (new, or an empty folder) when the block ends
    without an error; removed with everything in it otherwise."""
    path = Path(path)
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise ExportError(
            f"{path} already exists and is not an empty folder. To keep your files safe the "
            "export never writes over them: choose a new folder name."
        )
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent))
    except OSError as error:
        raise ExportError(plain_os_error(error, path.parent)) from error
    try:
        yield tmp
        fsync_dir(tmp)
        try:
            os.replace(tmp, path)  # POSIX replaces an empty folder in one step
        except OSError:
            if not (path.is_dir() and not any(path.iterdir())):
                raise
            path.rmdir()
            os.replace(tmp, path)
    except BaseException as error:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(error, OSError):
            raise ExportError(plain_os_error(error, path.parent)) from error
        raise
    fsync_dir(path.parent)


@contextlib.contextmanager
def new_private_file(path: Path) -> Iterator[BinaryIO]:
    """A new file (0600, never through a link) inside a private temp folder, fsynced."""
    fd = os.open(path, _NEW_FILE_FLAGS, PRIVATE_FILE_MODE)
    with os.fdopen(fd, "wb") as handle:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())


def refuse_inside_vault(path: Path, vault_folder: Path) -> None:
    """Raise `ExportError` when `path` is the vault's folder or lies inside it.

    An export there could replace `vault.db` or `vault.keys`, and a readable copy of the
    journal would sit beside the encrypted one (and travel with the folder). The page and the
    CLI both ask this before writing anything.
    """
    target = Path(path).expanduser().resolve()
    folder = Path(vault_folder).expanduser().resolve()
    if target == folder or folder in target.parents:
        raise ExportError(
            f"{path} is inside the vault's own folder, where an export could replace your "
            "vault or sit unencrypted beside it. Nothing was written; choose another place."
        )
