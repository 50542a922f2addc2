# SPDX-License-Identifier: GPL-3.0-or-later
"""Every table of the person's data, read from the live schema, for exports (issue 9).

The tables and columns come from SQLite itself (`PRAGMA table_list`, `table_xinfo`,
`foreign_key_list`), so whatever later migrations add is exported without a change here. Left
out: SQLite's own tables (`sqlite_*`), the full-text index (virtual tables and their shadow
tables, rebuilt from the entries after an import) and the app's bookkeeping
(`BOOKKEEPING_TABLES`). A test fails when a new table is neither exported nor named here.

Private entries stay out unless the person asks for them (DESIGN §4). The rule follows the
links in the schema, so it also covers tables added later:
- a row is private when it has a `visibility` column that says 'private' (entries);
- a row whose required link (NOT NULL or part of its key) points at a private row is left out
  with it (its tags, mentions and craving factors);
- an optional link to a private row is exported empty (NULL): a connection stays, but not
  which private entry it was written in;
- a name row that exists only for its links (`NAME_TABLES`: tags) is exported only when an
  exported row uses it, so a tag used only on private entries does not show.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from recovery_desktop.storage.connection import Connection

BOOKKEEPING_TABLES = frozenset({"search_rebuild"})  # the index rebuild's cursor
PRIVATE_COLUMN = "visibility"
PRIVATE_VALUE = "private"
# name table -> (link table, link column): the name belongs to the rows that use it.
NAME_TABLES = {"tag": ("entry_tag", "tag_id")}
_MAX_DEPTH = 4


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str
    not_null: bool
    primary_key: int  # position in the primary key (1, 2, ...), 0 when not part of it


@dataclass(frozen=True, slots=True)
class ForeignKey:
    column: str
    parent: str
    parent_column: str


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    foreign_keys: tuple[ForeignKey, ...]

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)

    @property
    def key_columns(self) -> tuple[str, ...]:
        keyed = sorted((c for c in self.columns if c.primary_key), key=lambda c: c.primary_key)
        return tuple(c.name for c in keyed)


def quoted(name: str) -> str:
    """An SQL identifier, quoted (names come from the schema, never from input)."""
    return '"' + name.replace('"', '""') + '"'


def user_tables(conn: Connection) -> list[Table]:
    """The tables that hold the person's data, parents before the tables that link to them
    (then by name), so a reader can load them in order."""
    names = [
        row[1]
        for row in conn.execute("PRAGMA main.table_list")
        if row[2] == "table"
        and not row[1].startswith("sqlite_")
        and row[1] not in BOOKKEEPING_TABLES
    ]
    tables = {name: _describe(conn, name) for name in names}
    return _parents_first(tables)


def _describe(conn: Connection, name: str) -> Table:
    columns = tuple(
        Column(name=r[1], type=r[2] or "", not_null=bool(r[3]), primary_key=int(r[5]))
        for r in conn.execute(f"PRAGMA main.table_xinfo({quoted(name)})")
        if r[6] == 0  # hidden columns (generated, virtual) are not data
    )
    keys: list[ForeignKey] = []
    for r in conn.execute(f"PRAGMA main.foreign_key_list({quoted(name)})"):
        parent, column, parent_column = r[2], r[3], r[4]
        if parent_column is None:  # REFERENCES parent: its primary key
            pk = [x[1] for x in conn.execute(f"PRAGMA main.table_info({quoted(parent)})") if x[5]]
            parent_column = pk[0] if len(pk) == 1 else "rowid"
        keys.append(ForeignKey(column, parent, parent_column))
    return Table(name, columns, tuple(keys))


def _parents_first(tables: dict[str, Table]) -> list[Table]:
    ordered: list[Table] = []
    placed: set[str] = set()
    pending = sorted(tables)
    while pending:
        ready = [
            n
            for n in pending
            if all(
                fk.parent in placed or fk.parent == n or fk.parent not in tables
                for fk in tables[n].foreign_keys
            )
        ] or pending[:1]  # a cycle of links: take the first by name and go on
        for name in ready:
            ordered.append(tables[name])
            placed.add(name)
        pending = [n for n in pending if n not in placed]
    return ordered


@contextlib.contextmanager
def read_snapshot(conn: Connection) -> Iterator[Connection]:
    """Read every table as of one moment (a read transaction: in WAL mode writers go on and
    the app's saves never wait on it). Nested use joins the outer transaction."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")


class TableReader:
    """SELECTs for one table of `tables`, with or without private rows."""

    def __init__(self, tables: Sequence[Table], include_private: bool) -> None:
        self._tables = {t.name: t for t in tables}
        self.include_private = include_private

    def count(self, conn: Connection, table: Table) -> int:
        where = self._where(table)
        sql = f"SELECT count(*) FROM {quoted(table.name)} AS t0 WHERE {where}"
        return int(conn.execute(sql).fetchone()[0])

    def left_out(self, conn: Connection, table: Table) -> int:
        """How many rows the privacy rule keeps out of the export (0 with private rows)."""
        total = int(conn.execute(f"SELECT count(*) FROM {quoted(table.name)}").fetchone()[0])
        return total - self.count(conn, table)

    def rows(self, conn: Connection, table: Table, chunk: int = 500) -> Iterator[list[tuple]]:
        """The table's rows in key order, `chunk` rows at a time, as tuples in the order of
        `table.columns`. Call inside `read_snapshot` for one consistent picture."""
        select = ", ".join(self._column_expression(table, c.name) for c in table.columns)
        order = ", ".join(f"t0.{quoted(c)}" for c in table.key_columns) or "t0.rowid"
        cursor = conn.execute(
            f"SELECT {select} FROM {quoted(table.name)} AS t0 "
            f"WHERE {self._where(table)} ORDER BY {order}"
        )
        while True:
            batch = cursor.fetchmany(chunk)
            if not batch:
                return
            yield [tuple(row) for row in batch]

    # --- the privacy rule --------------------------------------------------------------------

    def _where(self, table: Table) -> str:
        if self.include_private:
            return "1"
        hidden = self._hidden(table, "t0", 0)
        return f"NOT ({hidden})" if hidden else "1"

    def _column_expression(self, table: Table, column: str) -> str:
        plain = f"t0.{quoted(column)}"
        if self.include_private:
            return plain
        info = table.column(column)
        if info is None or info.not_null or info.primary_key:
            return plain  # a required link to a private row takes its row out (see _where)
        tests = [
            self._parent_hidden(fk, "t0", 0) for fk in table.foreign_keys if fk.column == column
        ]
        tests = [t for t in tests if t]
        if not tests:
            return plain
        return f"CASE WHEN {' OR '.join(tests)} THEN NULL ELSE {plain} END"

    def _hidden(self, table: Table, alias: str, depth: int) -> str | None:
        """An SQL test, true for rows of `table` (as `alias`) that stay out; None: none do."""
        if depth > _MAX_DEPTH:
            return None
        tests: list[str] = []
        if table.column(PRIVATE_COLUMN) is not None:
            tests.append(f"{alias}.{quoted(PRIVATE_COLUMN)} = '{PRIVATE_VALUE}'")
        for fk in table.foreign_keys:
            if fk.parent in NAME_TABLES:
                continue  # a name is shown because of its links, never the other way round
            column = table.column(fk.column)
            if column is not None and (column.not_null or column.primary_key):
                test = self._parent_hidden(fk, alias, depth)
                if test:
                    tests.append(test)
        link = NAME_TABLES.get(table.name)
        if link is not None and link[0] in self._tables:
            link_table = self._tables[link[0]]
            inner = f"l{depth}"
            link_hidden = self._hidden(link_table, inner, depth + 1)
            fk = next((f for f in link_table.foreign_keys if f.column == link[1]), None)
            if fk is not None:
                shown = f" AND NOT ({link_hidden})" if link_hidden else ""
                tests.append(
                    f"NOT EXISTS (SELECT 1 FROM {quoted(link_table.name)} AS {inner} "
                    f"WHERE {inner}.{quoted(fk.column)} = {alias}.{quoted(fk.parent_column)}"
                    f"{shown})"
                )
        return " OR ".join(f"({t})" for t in tests) if tests else None

    def _parent_hidden(self, fk: ForeignKey, alias: str, depth: int) -> str | None:
        parent = self._tables.get(fk.parent)
        if parent is None:
            return None
        inner = f"p{depth}"
        hidden = self._hidden(parent, inner, depth + 1)
        if hidden is None:
            return None
        return (
            f"EXISTS (SELECT 1 FROM {quoted(parent.name)} AS {inner} "
            f"WHERE {inner}.{quoted(fk.parent_column)} = {alias}.{quoted(fk.column)} "
            f"AND ({hidden}))"
        )
