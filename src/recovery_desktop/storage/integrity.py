# SPDX-License-Identifier: GPL-3.0-or-later
"""Is the journal file whole? A cheap check on every open, on a read-only connection.

A truncated `vault.db` (a copy cut short, a sync tool, a failing disk) decrypts its first pages
fine and fails later, somewhere in the person's years; writing to it then can make things worse.
So before the read-write connection is made, a read-only one asks SQLite how many pages the
database has *once the WAL is applied* and checks that each page lives somewhere: in the file,
or (after a kill, when committed pages still wait in `-wal` for a checkpoint) in a committed frame
of the WAL. A healthy `vault.db` is often shorter than its page count; a damaged one misses pages
that no committed WAL frame holds.

The read-only connection never writes: it cannot checkpoint, so even a damaged file with a WAL
is left byte for byte as it was. With no WAL to read it opens the file as immutable, which makes
no `-wal` or `-shm` files either.
"""

from __future__ import annotations

import contextlib
import os
import struct
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3
from sqlcipher3 import dbapi2

from recovery_desktop.storage.errors import (
    VaultDamagedError,
    VaultError,
    damaged_database_message,
    describe_storage_error,
)

_WAL_MAGIC = (0x377F0682, 0x377F0683)
_WAL_HEADER = 32
_FRAME_HEADER = 24

_log_silenced = False


def silence_library_log() -> None:
    """Turn off SQLCipher's own log lines ("ERROR CORE ... hmac check failed" on stderr).

    The level is process-wide in SQLCipher 4.x; our own messages say what happened in plain
    words, and a terminal full of library internals only frightens.
    """
    global _log_silenced
    if _log_silenced:
        return
    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE").fetchall()
    finally:
        conn.close()
    _log_silenced = True


@dataclass(frozen=True)
class JournalCheck:
    """What the check saw: pages the database has, pages the file holds, pages read from WAL."""

    pages: int
    page_size: int
    file_pages: int
    pages_from_wal: int


def check_journal(path: Path, data_key: bytes) -> JournalCheck:
    """Check that the database at `path` holds every page it claims; write nothing.

    Raises `VaultDamagedError` (plain words, the backups folder named) when pages are missing
    or the file does not decrypt, and `VaultError` when the disk or folder refuses the read.
    """
    silence_library_log()
    has_wal = _wal_has_frames(path)
    try:
        return _check(path, data_key, immutable=not has_wal)
    except VaultDamagedError:
        if has_wal or not _wal_has_frames(path):
            raise
        # Someone started writing (and made a WAL) between our look and our read: only a
        # second look that reads the WAL may call the file damaged.
        return _check(path, data_key, immutable=False)


def _check(path: Path, data_key: bytes, *, immutable: bool) -> JournalCheck:
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    try:
        conn = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=True)
    except dbapi2.DatabaseError as error:
        raise VaultError(describe_storage_error(error, path.parent)) from error
    try:
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        conn.execute("BEGIN")  # one snapshot for the schema and the page count
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        # While this snapshot is held the file can only grow (checkpoints copy frames in; the
        # vault never vacuums) and the WAL frames it needs cannot be overwritten.
        file_pages = path.stat().st_size // page_size
        from_wal = 0
        if file_pages < pages:
            in_wal = set() if immutable else committed_wal_pages(_wal_path(path), page_size)
            missing = [p for p in range(file_pages + 1, pages + 1) if p not in in_wal]
            if missing:
                raise VaultDamagedError(damaged_database_message(path.parent))
            from_wal = pages - file_pages
        return JournalCheck(pages, page_size, file_pages, from_wal)
    except dbapi2.DatabaseError as error:
        if _is_damage(error):
            raise VaultDamagedError(damaged_database_message(path.parent)) from error
        raise VaultError(describe_storage_error(error, path.parent)) from error
    except OSError as error:
        raise VaultError(describe_storage_error(error, path.parent)) from error
    finally:
        with contextlib.suppress(dbapi2.Error):
            conn.close()


def committed_wal_pages(wal: Path, page_size: int) -> set[int]:
    """Page numbers in the WAL's committed frames of its current generation.

    Reads only the 24-byte frame headers (page numbers and salts are stored in the clear; page
    contents are encrypted). Frames are taken up to the last commit frame whose salts match the
    header's; a frame left over from an older generation, or torn by a kill, ends the list, as
    it does for SQLite. Checksums are not recomputed: that could only add pages to the set, so
    at worst a rare torn frame hides damage here that SQLite then reports on reading.
    """
    try:
        handle = wal.open("rb")
    except FileNotFoundError:
        return set()
    with handle:
        header = handle.read(_WAL_HEADER)
        if len(header) < _WAL_HEADER:
            return set()
        magic, _version, wal_page_size, _seq, salt1, salt2 = struct.unpack(">6I", header[:24])
        if magic not in _WAL_MAGIC or wal_page_size != page_size:
            return set()
        size = os.fstat(handle.fileno()).st_size
        frame = _FRAME_HEADER + page_size
        committed: set[int] = set()
        pending: set[int] = set()
        offset = _WAL_HEADER
        while offset + frame <= size:
            handle.seek(offset)
            page, commit_size, s1, s2 = struct.unpack(">4I", handle.read(16))
            if (s1, s2) != (salt1, salt2):
                break
            pending.add(page)
            if commit_size:
                committed |= pending
                pending = set()
            offset += frame
    return committed


def _wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _wal_has_frames(path: Path) -> bool:
    try:
        return _wal_path(path).stat().st_size > _WAL_HEADER
    except FileNotFoundError:
        return False


def _is_damage(error: BaseException) -> bool:
    text = str(error).lower()
    return "not a database" in text or "malformed" in text or "corrupt" in text
