# SPDX-License-Identifier: GPL-3.0-or-later
"""Links to contacts and groups that survive their deletion (schema 5).

A row that names a contact or group (a connection, a goal, a promise) stores its id while the
contact exists, and the name as plain text once it is deleted. Writing such a row again (an
edit, or an undo putting it back) goes through `resolve`: an id that is gone becomes its name,
from the record itself or from `kept_name`, which the delete triggers fill (`migration_5`).
"""

from __future__ import annotations

from collections.abc import Sequence

from recovery_desktop.core.validation import clean_text
from recovery_desktop.storage.connection import Connection

_TABLES = {"contact": "contact", "community": "community"}


def resolve(conn: Connection, kind: str, row_id: int | None, name: str) -> tuple[int | None, str]:
    """(id, current name) when the contact/community exists; (None, name kept as text)
    otherwise: `name` as given, else the name kept when that id was deleted, else ''."""
    table = _TABLES[kind]
    name = " ".join(clean_text(name or "", what="The name", limit=500).split())
    if row_id is None:
        return None, name
    row = conn.execute(f"SELECT name FROM {table} WHERE id = ?", (row_id,)).fetchone()
    if row is not None:
        return row_id, row[0]
    if not name:
        kept = conn.execute(
            "SELECT name FROM kept_name WHERE kind = ? AND id = ?", (kind, row_id)
        ).fetchone()
        name = kept[0] if kept else ""
    return None, name


def existing_contacts(conn: Connection, ids: Sequence[int]) -> tuple[list[int], list[str]]:
    """Split contact ids into those that exist (in the given order) and the kept names of
    those deleted since (an id deleted before schema 5 has none and is dropped)."""
    if not ids:
        return [], []
    marks = ",".join("?" for _ in ids)
    found = {r[0] for r in conn.execute(f"SELECT id FROM contact WHERE id IN ({marks})", ids)}
    missing = [i for i in ids if i not in found]
    names: list[str] = []
    if missing:
        kept = dict(
            conn.execute(
                f"SELECT id, name FROM kept_name WHERE kind = 'contact' "
                f"AND id IN ({','.join('?' for _ in missing)})",
                missing,
            ).fetchall()
        )
        names = [kept[i] for i in missing if i in kept]
    return [i for i in ids if i in found], names


def contact_names(conn: Connection, ids: Sequence[int]) -> list[str]:
    """The current names of these contacts (those that exist)."""
    if not ids:
        return []
    marks = ",".join("?" for _ in ids)
    return [r[0] for r in conn.execute(f"SELECT name FROM contact WHERE id IN ({marks})", ids)]


def register_casefold(conn: Connection) -> None:
    """`casefold(text)` in SQL, for searching names in any script without regard to case
    (SQLite's own lower() and LIKE fold ASCII only)."""
    conn.create_function(
        "casefold",
        1,
        lambda text: text.casefold() if isinstance(text, str) else text,
        deterministic=True,
    )
