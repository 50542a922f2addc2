# SPDX-License-Identifier: GPL-3.0-or-later
"""The writes of an import from another app (Daylio, jrnl, Day One, vCard), and what an
import compares against to find what is already in the vault.

Everything here runs inside the caller's one transaction (`connection.transaction`), so a
failed or cancelled import leaves nothing behind. Entries go in without their search-index
rows: the index is filled afterwards in short batches (`mark_search_pending`, then
`SearchIndex.rebuild`), so the app's own saves never wait long on an import.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from recovery_desktop.core.models import Contact, Entry
from recovery_desktop.storage.codec import day, flag, from_day, now_utc, ts
from recovery_desktop.storage.connection import Connection

CHUNK = 500


@dataclass(frozen=True, slots=True)
class StoredText:
    """What an imported entry is compared by: its day, words and tags."""

    entry_date: date
    title: str
    body: str
    tags: tuple[str, ...]


def entry_texts_between(conn: Connection, first: date, last: date) -> list[StoredText]:
    """Entries (never check-ins, which no import writes) on the days first..last."""
    rows = conn.execute(
        "SELECT id, entry_date, title, body FROM entry "
        "WHERE is_checkin = 0 AND entry_date BETWEEN ? AND ? ORDER BY id",
        (day(first), day(last)),
    ).fetchall()
    tags: dict[int, list[str]] = {}
    for entry_id, name in conn.execute(
        "SELECT et.entry_id, t.name FROM entry_tag et JOIN tag t ON t.id = et.tag_id "
        "JOIN entry e ON e.id = et.entry_id "
        "WHERE e.is_checkin = 0 AND e.entry_date BETWEEN ? AND ?",
        (day(first), day(last)),
    ):
        tags.setdefault(entry_id, []).append(name)
    return [StoredText(from_day(r[1]), r[2], r[3], tuple(tags.get(r[0], ()))) for r in rows]


def contact_names(conn: Connection) -> list[str]:
    """Every contact's name, archived ones too."""
    return [r[0] for r in conn.execute("SELECT name FROM contact")]


def insert_entries(
    conn: Connection, entries: Sequence[Entry], on_chunk: Callable[[int], None]
) -> int | None:
    """Add `entries` (validated by the caller) with their tags; return the first new id.

    `created_at` and `updated_at` are kept as given (an imported entry keeps the moment it was
    written in the other app). `on_chunk(n)` is called after every few hundred entries and
    may raise to stop: the caller's transaction then rolls everything back.
    """
    first_id: int | None = None
    now = now_utc()
    for start in range(0, len(entries), CHUNK):
        for entry in entries[start : start + CHUNK]:
            cursor = conn.execute(
                "INSERT INTO entry (entry_date, created_at, updated_at, title, body, mood, "
                "craving, sober_today, visibility, is_draft, is_checkin, gratitude, intention, "
                "evening_review) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                (
                    day(entry.entry_date),
                    ts(entry.created_at or now),
                    ts(entry.updated_at or entry.created_at or now),
                    entry.title,
                    entry.body,
                    entry.mood,
                    entry.craving,
                    flag(entry.sober_today),
                    entry.visibility.value,
                    int(entry.is_draft),
                    entry.gratitude,
                    entry.intention,
                    entry.evening_review,
                ),
            )
            entry_id = int(cursor.lastrowid)
            first_id = entry_id if first_id is None else first_id
            for tag in entry.tags:
                conn.execute("INSERT OR IGNORE INTO tag (name) VALUES (?)", (tag,))
                conn.execute(
                    "INSERT OR IGNORE INTO entry_tag (entry_id, tag_id) "
                    "SELECT ?, id FROM tag WHERE name = ?",
                    (entry_id, tag),
                )
        on_chunk(min(CHUNK, len(entries) - start))
    return first_id


def insert_contacts(
    conn: Connection, contacts: Sequence[Contact], on_chunk: Callable[[int], None]
) -> None:
    """Add `contacts` (validated by the caller)."""
    created = ts(now_utc())
    for start in range(0, len(contacts), CHUNK):
        conn.executemany(
            "INSERT INTO contact (name, role, phone, email, notes, reach_out_every_days, "
            "emergency, archived, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    c.name,
                    c.role.value,
                    c.phone,
                    c.email,
                    c.notes,
                    c.reach_out_every_days,
                    int(c.emergency),
                    int(c.archived),
                    created,
                )
                for c in contacts[start : start + CHUNK]
            ],
        )
        on_chunk(min(CHUNK, len(contacts) - start))


def mark_search_pending(conn: Connection, first_id: int) -> None:
    """Have `SearchIndex.rebuild` index the entries from `first_id` on (the new ones)."""
    row = conn.execute("SELECT next_id FROM search_rebuild").fetchone()
    if row is None:
        conn.execute("INSERT INTO search_rebuild (next_id) VALUES (?)", (first_id,))
    elif first_id < int(row[0]):
        conn.execute("UPDATE search_rebuild SET next_id = ?", (first_id,))
