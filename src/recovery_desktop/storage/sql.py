# SPDX-License-Identifier: GPL-3.0-or-later
"""The write shapes every repository shares: insert a new row or update a saved one; run a
migration's script inside its transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import sqlcipher3

from recovery_desktop.storage.connection import Connection


def save_row(
    conn: Connection,
    table: str,
    row_id: int | None,
    values: Mapping[str, object],
    *,
    insert_only: Mapping[str, object] | None = None,
) -> int:
    """Insert `values` as a new row (`row_id` None) or write them over row `row_id`; returns
    the row's id. A saved id whose row is gone (an undo after a delete) is inserted again.

    `insert_only` columns (such as `created_at`) are written when the row is made and never
    changed afterwards. Table and column names come from code, never from input.
    """
    columns: Sequence[str] = [*values, *(insert_only or {})]
    params = [*values.values(), *(insert_only or {}).values()]
    marks = ", ".join("?" for _ in columns)
    if row_id is None:
        cursor = conn.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", params
        )
        return int(cursor.lastrowid)
    updates = ", ".join(f"{name} = excluded.{name}" for name in values)
    conn.execute(
        f"INSERT INTO {table} (id, {', '.join(columns)}) VALUES (?, {marks}) "
        f"ON CONFLICT (id) DO UPDATE SET {updates}",
        [row_id, *params],
    )
    return row_id


def run_script(conn: Connection, script: str) -> None:
    """Run statements one by one: `executescript` would COMMIT the step's open transaction."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlcipher3.complete_statement(pending):
            conn.execute(pending)
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement in migration: {pending!r}")
