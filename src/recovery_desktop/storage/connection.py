# SPDX-License-Identifier: GPL-3.0-or-later
"""Opening the SQLCipher database: the key first, then the pragmas (DESIGN §3).

Connections run in autocommit mode; writes go through `transaction()`, so every write is either
committed (and durable: WAL with synchronous=FULL) or visibly not. One connection per thread.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3
from sqlcipher3 import dbapi2

from recovery_desktop.storage.errors import (
    VaultDamagedError,
    VaultDatabaseMissingError,
    VaultError,
    describe_storage_error,
)
from recovery_desktop.storage.integrity import check_journal, silence_library_log
from recovery_desktop.storage.layout import BACKUPS_NAME

Connection = dbapi2.Connection
DatabaseError = dbapi2.DatabaseError
IntegrityError = dbapi2.IntegrityError
OperationalError = dbapi2.OperationalError

BUSY_TIMEOUT_MS = 5000


def open_database(path: Path, data_key: bytes, *, create: bool = False) -> Connection:
    """Open the encrypted database at `path` with the raw 256-bit `data_key`.

    Only `create=True` (set-up) may make a new database. Otherwise a missing or empty file
    raises `VaultDatabaseMissingError` (a set-up cut short is finished first, see
    `journal_file`), and the file is checked whole on a read-only connection before a
    writable one exists: `VaultDamagedError` when pages are missing or it does not decrypt,
    `VaultError` with a plain reason when the disk or folder will not let it be opened.
    """
    silence_library_log()
    if not create:
        from recovery_desktop.storage.journal_file import finish_interrupted_setup

        if _is_missing(path) and not finish_interrupted_setup(path, data_key):
            raise VaultDatabaseMissingError(path.parent, path.parent / BACKUPS_NAME)
        check_journal(path, data_key)
    try:
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=True)
    except DatabaseError as error:  # the folder cannot be read or written
        raise VaultError(describe_storage_error(error, path.parent)) from error
    try:
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        conn.execute("PRAGMA cipher_memory_security = OFF")  # DESIGN §3: measured 8x slower inserts
        # Reading the schema is the first real decryption: a wrong key or a damaged file fails here.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as error:
        conn.close()
        if "not a database" not in str(error):
            raise VaultError(describe_storage_error(error, path.parent)) from error
        raise VaultDamagedError(
            "The vault's database cannot be opened with its key (it may be damaged). Nothing was "
            f"changed; you can restore it from a backup (copies made before each upgrade are in "
            f"{path.parent / BACKUPS_NAME})."
        ) from error
    try:
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        # Sorts and temporary indexes stay in memory: nothing plain spills to the temp folder.
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
    except DatabaseError as error:  # a full disk or read-only folder (the WAL cannot be made)
        conn.close()
        raise VaultError(describe_storage_error(error, path.parent)) from error
    return conn


def _is_missing(path: Path) -> bool:
    try:
        return path.stat().st_size == 0
    except FileNotFoundError:
        return True


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """`BEGIN IMMEDIATE` ... `COMMIT`, or `ROLLBACK` on any error (which is re-raised).

    Nested use joins the outer transaction, so repository methods compose.
    """
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        # Also when COMMIT itself fails (busy, disk full): never leave the transaction open,
        # or later writes would join it and silently never be committed.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def close_database(conn: Connection) -> None:
    """Optimise and close; safe to call twice. Never waits: while another program holds the
    write lock, the optional `optimize` is skipped rather than waiting out the busy timeout."""
    with contextlib.suppress(dbapi2.ProgrammingError, DatabaseError):
        conn.execute("PRAGMA busy_timeout = 0")
        conn.execute("PRAGMA optimize")
    with contextlib.suppress(dbapi2.ProgrammingError):
        conn.close()
    from recovery_desktop.storage import worker_connections

    worker_connections.closed(conn)
