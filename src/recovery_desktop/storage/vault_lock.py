# SPDX-License-Identifier: GPL-3.0-or-later
"""Process locks on a vault folder: who has the vault open, and which app window owns it.

Two lock files live in the vault folder, each empty, 0600, and locked with `flock`:

- `vault.lock`: every process holds a **shared** lock while it has the vault open (`Vault`
  takes it in `__init__` and drops it in `close()`), so the GUI and any number of CLI commands
  may use the vault at once. Work that must be alone (a key change, a restore) takes it
  **exclusively** and, without waiting, refuses while anyone else holds it.
- `keys.lock`: held exclusively, waiting if need be, around every read-change-write of
  `vault.keys` (`key_file_lock`): a slot re-wrapped on a worker after unlock, a new passphrase
  or recovery code, a change of the vault's key. Without it, a re-wrap that read the file
  before a key change would write the old secrets back over the new ones.
- `gui.lock`: one app window per vault. The controller holds it exclusively from the moment it
  shows the unlock or set-up window for a folder, so a second app says so before anyone types a
  passphrase.

Why `flock`: the lock belongs to the open file, not to the process, so two holders in one
process conflict exactly as two programs would (tests rely on it), closing some other
descriptor of the file never drops it (unlike POSIX `fcntl` record locks), and the kernel drops
it when the process dies, even by SIGKILL: a lock file left behind is never "stale", and
nothing ever deletes it (deleting a lock file races with someone who just opened it).

Converting a `flock` from shared to exclusive is not atomic on Linux: a refused upgrade has
already dropped the shared lock. `upgrade_to_exclusive` takes the shared lock straight back;
in the rare case that a third process took the lock exclusively in that instant, it waits for
that one to finish, so a failed upgrade always leaves the shared lock held as promised.

Where `fcntl` does not exist (Windows), this is best effort: exclusive locks use
`msvcrt.locking` on the file's first byte, shared locks are not enforced. The app is built and
tested on Linux; the fallback only keeps it from failing to start elsewhere.

Lock files are opened with `O_NOFOLLOW` (a planted link is refused, never followed), created
0600, never truncated, and tightened to 0600 only when they are ours.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from recovery_desktop.storage.errors import VaultError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

USE_LOCK_NAME = "vault.lock"
GUI_LOCK_NAME = "gui.lock"
KEYS_LOCK_NAME = "keys.lock"
LOCK_FILE_NAMES = (USE_LOCK_NAME, GUI_LOCK_NAME, KEYS_LOCK_NAME)
LOCK_FILE_MODE = 0o600

_SHARED, _EXCLUSIVE = "shared", "exclusive"


class VaultInUseError(VaultError):
    """Another process holds the vault in a way that this request cannot share."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or "The vault is open in another window or program. Close it there and try again. "
            "Nothing was changed."
        )


class AppAlreadyOpenError(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "Recovery Desktop already has this vault open in another window. Please switch to "
            "that window (or close it there first). Nothing was changed."
        )


_BEING_CHANGED = (
    "Another window or program is changing the vault right now (a key change or a restore). "
    "Please try again when it has finished. Nothing was changed."
)


def _open_lock_file(path: Path) -> int | None:
    """A descriptor of the lock file, created 0600 if missing; None where the folder cannot
    hold one (read-only): the database open that follows reports that in plain words."""
    # O_NONBLOCK: a FIFO planted under the name must not hang the app (refused below).
    safe = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0)
    flags = os.O_RDWR | os.O_CREAT | safe
    try:
        fd = os.open(path, flags, LOCK_FILE_MODE)
    except OSError as error:
        if error.errno == errno.ELOOP or path.is_symlink():
            from recovery_desktop.storage.folder import UnsafeFolderError

            raise UnsafeFolderError(
                f"{path.name} in {path.parent} is a link to somewhere else. To keep your journal "
                f"safe, the app never follows links there, so nothing was changed. Remove the "
                f"link and try again."
            ) from error
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            try:  # an existing lock file in a folder we may not write to
                fd = os.open(path, os.O_RDONLY | safe)
            except OSError:
                log.warning("No lock file possible in %s (%s)", path.parent, error.strerror)
                return None
        else:
            raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise VaultError(
                f"{path} is not a plain file, so the vault cannot be opened safely. "
                "Nothing was changed."
            )
        ours = hasattr(os, "geteuid") and info.st_uid == os.geteuid()
        if ours and stat.S_IMODE(info.st_mode) != LOCK_FILE_MODE:
            os.fchmod(fd, LOCK_FILE_MODE)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _try_lock(fd: int, kind: str) -> bool:
    """Lock `fd` without waiting; False if someone else holds a conflicting lock."""
    if fcntl is not None:
        op = fcntl.LOCK_SH if kind == _SHARED else fcntl.LOCK_EX
        try:
            fcntl.flock(fd, op | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as error:  # e.g. a network file system without flock
            if error.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.EINVAL):
                log.warning("Locks are not supported here (%s); continuing without", error)
                return True
            raise
        return True
    if kind == _SHARED:
        return True  # best effort: shared locks are not enforced without fcntl
    import msvcrt  # type: ignore[import-not-found]

    try:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
    except OSError:
        return False
    return True


def _wait_for_shared(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_SH)


def _unlock(fd: int, kind: str) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
    elif kind == _EXCLUSIVE:
        import msvcrt  # type: ignore[import-not-found]

        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]


class VaultUseLock:
    """Shared advisory lock on <folder>/vault.lock, held by every process while it has the
    vault open (Vault acquires it in __init__ and releases it in close()).

    Not thread-safe: one owner (the `Vault`, on the thread that opened it) calls its methods.
    """

    def __init__(self, path: Path, fd: int | None, kind: str) -> None:
        self.path = path
        self._fd = fd
        self._kind: str | None = kind

    @classmethod
    def acquire_shared(cls, folder: Path) -> VaultUseLock:
        """Non-blocking; raises VaultInUseError while another process holds it exclusively
        (a key change or restore is running)."""
        return cls._acquire(Path(folder), _SHARED, _BEING_CHANGED)

    @classmethod
    def _acquire(cls, folder: Path, kind: str, refused: str | None) -> VaultUseLock:
        path = folder / USE_LOCK_NAME
        fd = _open_lock_file(path)
        if fd is not None and not _try_lock(fd, kind):
            os.close(fd)
            raise VaultInUseError(refused)
        return cls(path, fd, kind)

    @property
    def held(self) -> bool:
        return self._kind is not None

    @property
    def is_exclusive(self) -> bool:
        return self._kind == _EXCLUSIVE

    def upgrade_to_exclusive(self) -> None:
        """Non-blocking; raises VaultInUseError if any other holder (another process, or
        another VaultUseLock in this process) exists; keeps the shared lock on failure."""
        if self._kind is None:
            raise VaultError(
                "The vault is closed, so it cannot be changed now. Nothing was changed."
            )
        if self._kind == _EXCLUSIVE or self._fd is None:
            self._kind = _EXCLUSIVE
            return
        if _try_lock(self._fd, _EXCLUSIVE):
            self._kind = _EXCLUSIVE
            return
        if not _try_lock(self._fd, _SHARED):  # see the module docstring
            _wait_for_shared(self._fd)
        raise VaultInUseError()

    def downgrade_to_shared(self) -> None:
        """Let other processes open the vault again (atomic under flock: nobody can slip in)."""
        if self._kind != _EXCLUSIVE:
            return
        if self._fd is not None:
            if fcntl is None:
                _unlock(self._fd, _EXCLUSIVE)
            else:
                _try_lock(self._fd, _SHARED)
        self._kind = _SHARED

    def release(self) -> None:
        """Drop the lock and close the file. Safe to call twice."""
        fd, kind = self._fd, self._kind
        self._fd, self._kind = None, None
        if fd is not None:
            with contextlib.suppress(OSError):
                _unlock(fd, kind or _SHARED)
            os.close(fd)

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.release()


@contextlib.contextmanager
def exclusive_vault_lock(folder: Path) -> Iterator[None]:
    """For code that has not opened the vault (CLI change-key, restore): the folder to itself,
    or VaultInUseError at once. Do not open a `Vault` on the same folder inside the block (its
    shared lock would be refused); with a vault open, use `vault.use_lock.upgrade_to_exclusive()`.
    """
    lock = VaultUseLock._acquire(Path(folder), _EXCLUSIVE, None)
    try:
        yield
    finally:
        lock.release()


@contextlib.contextmanager
def key_file_lock(folder: Path) -> Iterator[None]:
    """Hold `keys.lock` for one read-change-write of `vault.keys`, waiting for another holder
    (in this process or another) to finish: such writes last a KDF run at most. Never take it
    twice on one thread (flock would wait for itself), and never wait for the use lock inside.
    Best effort without `fcntl`."""
    fd = _open_lock_file(Path(folder) / KEYS_LOCK_NAME)
    if fd is None or fcntl is None:  # a read-only folder: nothing can be written anyway
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


class GuiInstanceLock:
    """One app window per vault: an exclusive lock on <folder>/gui.lock for as long as the app
    shows that folder. Stale-safe: the kernel drops it with the process."""

    def __init__(self, folder: Path, fd: int | None) -> None:
        self.folder = folder
        self._fd = fd
        self._held = True

    @classmethod
    def acquire(cls, folder: Path) -> GuiInstanceLock:
        """Raises AppAlreadyOpenError while another app (or another controller in this
        process) holds it."""
        folder = Path(folder)
        fd = _open_lock_file(folder / GUI_LOCK_NAME)
        if fd is not None and not _try_lock(fd, _EXCLUSIVE):
            os.close(fd)
            raise AppAlreadyOpenError()
        return cls(folder, fd)

    @property
    def held(self) -> bool:
        return self._held

    def release(self) -> None:
        """Safe to call twice."""
        fd, self._fd, self._held = self._fd, None, False
        if fd is not None:
            with contextlib.suppress(OSError):
                _unlock(fd, _EXCLUSIVE)
            os.close(fd)

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.release()
