# SPDX-License-Identifier: GPL-3.0-or-later
"""Atomic file replacement: a reader sees the old file or the new one, never half of either.

The temp file is made by `tempfile.mkstemp` in the target's folder: an unpredictable name,
`O_CREAT | O_EXCL | O_NOFOLLOW`, mode 0600 from the start. A name planted in advance (a link
to someone else's file) is never opened, let alone written through. `storage.folder` removes
leftovers of a write that was interrupted (`.<name>.<random>.tmp`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700
TEMP_SUFFIX = ".tmp"


def write_atomically(path: Path, data: bytes, mode: int = PRIVATE_FILE_MODE) -> None:
    """Write `data` to `path` via a temp file in the same folder, fsync, rename, fsync the folder.

    On any error the temp file is removed and `path` is left as it was. The rename replaces a
    link at `path` itself rather than writing to where it points.
    """
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def make_private_dir(folder: Path) -> None:
    """Create `folder` (and parents) and make it readable by its owner only.

    A `folder` that is a link is refused (UnsafeFolderError), never changed through: the mode
    is set on a descriptor opened with O_NOFOLLOW, so a link swapped in meanwhile fails too.
    """
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    if not hasattr(os, "fchmod"):  # Windows: modes mean little; no links to worry about here
        os.chmod(folder, PRIVATE_DIR_MODE)
        return
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(folder, flags)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENOTDIR) and folder.is_symlink():
            from recovery_desktop.storage.folder import UnsafeFolderError

            raise UnsafeFolderError(
                f"{folder} is a link to somewhere else. To keep your journal safe the app "
                f"never writes through links in the vault folder, so nothing was changed. "
                f"Replace the link with a real folder and try again."
            ) from error
        raise
    try:
        os.fchmod(fd, PRIVATE_DIR_MODE)
    finally:
        os.close(fd)
