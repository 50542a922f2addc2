# SPDX-License-Identifier: GPL-3.0-or-later
"""Bringing a whole-vault export back into an empty vault, through the same migrations.

The rows of an export are first put into a private in-memory database that the migration steps
build up to the export's own schema version. There SQLite checks every constraint and link;
then the remaining steps bring it to today's schema, so an export made by an older version comes
in exactly as its vault would have been upgraded. Only then are the rows copied into the vault,
in one transaction, with their ids kept (the vault is empty, so nothing needs renumbering).

The in-memory database never touches the disk (`temp_store = MEMORY`); it lives only as long
as the call that made it, on that call's thread.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import sqlcipher3
from sqlcipher3.dbapi2 import Error as DatabaseError  # also refused bindings

from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage.bulk_import import mark_search_pending
from recovery_desktop.storage.connection import Connection, transaction
from recovery_desktop.storage.migrations import SCHEMA_VERSION, STEPS
from recovery_desktop.storage.table_dump import TableReader, quoted, user_tables

# Tables the person may already have changed in a new vault: their rows are merged, the
# file's values winning (settings such as the idle lock time).
MERGED_TABLES = frozenset({"setting"})
CHUNK = 500


class VaultNotEmptyError(ValidationError):
    """The vault already holds the person's data, so a whole export cannot come back into it."""

    def __init__(self, tables: Sequence[str]) -> None:
        super().__init__(
            "This vault already has entries, people or other things in it, and a full export "
            "can only come back into a new, empty vault. Nothing was changed. Create a new "
            "vault (or choose an empty one) and import the file there."
        )
        self.tables = tuple(tables)


def schema_at(version: int) -> Connection:
    """A new in-memory database built by the migration steps 1..version (caller closes it)."""
    conn = sqlcipher3.connect(":memory:", isolation_level=None)
    conn.execute("PRAGMA temp_store = MEMORY")
    with transaction(conn):
        for step in range(1, version + 1):
            STEPS[step](conn)
    conn.execute(f"PRAGMA user_version = {int(version)}")
    return conn


@functools.cache
def seeded_tables() -> frozenset[str]:
    """Tables that hold rows in a brand-new vault (the default crisis lines)."""
    conn = schema_at(SCHEMA_VERSION)
    try:
        return frozenset(
            t.name
            for t in user_tables(conn)
            if conn.execute(f"SELECT EXISTS (SELECT 1 FROM {quoted(t.name)})").fetchone()[0]
        )
    finally:
        conn.close()


def tables_in_use(conn: Connection) -> list[str]:
    """The tables with the person's own rows in them: empty in a vault that was just made."""
    skip = seeded_tables() | MERGED_TABLES
    return [
        t.name
        for t in user_tables(conn)
        if t.name not in skip
        and conn.execute(f"SELECT EXISTS (SELECT 1 FROM {quoted(t.name)})").fetchone()[0]
    ]


@dataclass(frozen=True, slots=True)
class TableRows:
    """One table of an export: column names and rows (values in that order)."""

    columns: tuple[str, ...]
    rows: Sequence[Sequence[object]]


@dataclass
class Staged:
    """An export checked and brought to today's schema, in memory. Close it when done."""

    conn: Connection
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    entry_days: tuple[str | None, str | None] = (None, None)
    counted: frozenset[str] = frozenset()  # tables with an id of their own (not link tables)

    def close(self) -> None:
        self.conn.close()


def stage_export(
    version: int, tables: Mapping[str, TableRows], on_chunk: Callable[[int], None]
) -> Staged:
    """Check an export's rows against the schema of `version`, then upgrade them to today's.

    Raises `ValidationError` (plain words, naming the table and row) when a row breaks a rule
    of the schema or a link points nowhere. Tables and columns this version does not know are
    listed in `problems` and not imported. `on_chunk(n)` may raise to stop.
    """
    if not 1 <= version <= SCHEMA_VERSION:
        raise ValidationError(f"Unknown schema version {version}.")
    conn = schema_at(version)
    staged = Staged(conn)
    try:
        _fill(conn, tables, staged.problems, on_chunk)
        with transaction(conn):
            for step in range(version + 1, SCHEMA_VERSION + 1):
                STEPS[step](conn)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            table, _rowid, parent = broken[0][0], broken[0][1], broken[0][2]
            raise ValidationError(
                f"{len(broken)} row(s) of “{table}” in the file point at {parent} rows that "
                "are not in it. The file may have been cut short or changed by hand, so "
                "nothing was imported."
            )
        reader = TableReader(user_tables(conn), include_private=True)
        for table in user_tables(conn):
            staged.counts[table.name] = reader.count(conn, table)
        staged.counted = frozenset(
            t.name for t in user_tables(conn) if len(t.key_columns) == 1 or not t.key_columns
        )
        if "entry" in staged.counts:
            staged.entry_days = tuple(
                conn.execute("SELECT min(entry_date), max(entry_date) FROM entry").fetchone()
            )
    except BaseException:
        conn.close()
        raise
    return staged


def _fill(
    conn: Connection,
    tables: Mapping[str, TableRows],
    problems: list[str],
    on_chunk: Callable[[int], None],
) -> None:
    live = {t.name: t for t in user_tables(conn)}
    with transaction(conn):
        for name in live:  # the migrations' own seed rows give way to the file's
            conn.execute(f"DELETE FROM {quoted(name)}")
        for name, content in tables.items():
            table = live.get(name)
            if table is None:
                if content.rows:
                    problems.append(
                        f"The file has {len(content.rows)} row(s) of “{name}”, which this "
                        "version of the app does not know; they are not imported."
                    )
                continue
            known = [i for i, c in enumerate(content.columns) if c in table.column_names]
            unknown = [c for c in content.columns if c not in table.column_names]
            if unknown and content.rows:
                problems.append(
                    f"The column(s) {', '.join(unknown)} of “{name}” are not known to this "
                    "version of the app; their values are not imported."
                )
            if not known:
                continue
            columns = ", ".join(quoted(content.columns[i]) for i in known)
            marks = ", ".join("?" for _ in known)
            sql = f"INSERT INTO {quoted(name)} ({columns}) VALUES ({marks})"
            for start in range(0, len(content.rows), CHUNK):
                chunk = [[row[i] for i in known] for row in content.rows[start : start + CHUNK]]
                conn.execute("SAVEPOINT chunk")
                try:
                    conn.executemany(sql, chunk)
                except DatabaseError as error:
                    conn.execute("ROLLBACK TO chunk")
                    raise _row_error(conn, sql, name, chunk, start) from error
                finally:
                    conn.execute("RELEASE chunk")
                on_chunk(len(chunk))


def _row_error(
    conn: Connection, sql: str, table: str, chunk: list[list[object]], start: int
) -> ValidationError:
    """Find the first row of a refused chunk and say which it is and why, plainly."""
    conn.execute("SAVEPOINT probe")
    try:
        for offset, row in enumerate(chunk):
            try:
                conn.execute(sql, row)
            except DatabaseError as error:
                return ValidationError(
                    f"Row {start + offset + 1} of “{table}” in the file does not fit the "
                    f"journal ({error}). The file may have been changed by hand, so nothing "
                    "was imported."
                )
    finally:
        conn.execute("ROLLBACK TO probe")
        conn.execute("RELEASE probe")
    return ValidationError(f"The rows of “{table}” in the file could not be read.")


def copy_into_vault(
    staged: Staged, conn: Connection, on_chunk: Callable[[int], None]
) -> dict[str, int]:
    """Copy every table of `staged` into the vault on `conn`, in one transaction; return how
    many rows each table received. Raises `VaultNotEmptyError` (checked inside the
    transaction, changing nothing) unless the vault is as new. `on_chunk(n)` may raise to stop,
    which rolls everything back."""
    copied: dict[str, int] = {}
    source = staged.conn
    seeded = seeded_tables()
    with transaction(conn):
        in_use = tables_in_use(conn)
        if in_use:
            raise VaultNotEmptyError(in_use)
        conn.execute("PRAGMA defer_foreign_keys = ON")  # checked at COMMIT, whatever the order
        stage_tables = {t.name: t for t in user_tables(source)}
        for table in user_tables(conn):
            if table.name in seeded:
                conn.execute(f"DELETE FROM {quoted(table.name)}")
            origin = stage_tables.get(table.name)
            if origin is None:
                continue
            names = [c for c in table.column_names if c in origin.column_names]
            columns = ", ".join(quoted(c) for c in names)
            verb = "INSERT OR REPLACE" if table.name in MERGED_TABLES else "INSERT"
            insert = (
                f"{verb} INTO {quoted(table.name)} ({columns}) "
                f"VALUES ({', '.join('?' for _ in names)})"
            )
            cursor = source.execute(f"SELECT {columns} FROM {quoted(table.name)}")
            copied[table.name] = 0
            while batch := cursor.fetchmany(CHUNK):
                conn.executemany(insert, batch)
                copied[table.name] += len(batch)
                on_chunk(len(batch))
        first = conn.execute("SELECT min(id) FROM entry").fetchone()[0]
        if first is not None:
            conn.execute("DELETE FROM entry_fts")
            mark_search_pending(conn, int(first))
    return copied
