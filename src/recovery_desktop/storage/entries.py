# SPDX-License-Identifier: GPL-3.0-or-later
"""Journal entries and check-ins, their tags, people, craving factors and full-text index."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime

from recovery_desktop.core.models import (
    SNIPPET_END,
    SNIPPET_START,
    Entry,
    EntryFilter,
    EntrySummary,
    Visibility,
)
from recovery_desktop.core.validation import (
    ValidationError,
    check_craving,
    check_date,
    check_mood,
    clean_text,
    normalise_tag,
)
from recovery_desktop.storage.codec import day, flag, from_day, from_flag, from_ts, now_utc, ts
from recovery_desktop.storage.connection import Connection, transaction
from recovery_desktop.storage.links import contact_names, existing_contacts
from recovery_desktop.storage.search_index import fts_query, shown_snippet, write_entry_row
from recovery_desktop.storage.sql import save_row

PREVIEW_CHARS = 160
_ENTRY_COLUMNS = (
    "id, entry_date, created_at, updated_at, title, body, mood, craving, sober_today, "
    "visibility, is_draft, is_checkin, gratitude, intention, evening_review"
)
_SUMMARY_COLUMNS = (
    "e.id, e.entry_date, e.title, substr(e.body, 1, 400), e.mood, e.craving, e.visibility, "
    "e.is_draft, e.is_checkin, e.gratitude"
)
__all__ = ["EntryRepository", "fts_query"]  # fts_query: the benchmarks run the same query


class ChangedElsewhereError(Exception):
    """Nothing was written: the entry (or the day's check-in) changed in the vault since the
    caller read it, for instance through the CLI. `stored` is the entry as it is now (None when
    it is gone), so the caller can keep both versions or merge them, never overwrite one."""

    def __init__(self, stored: Entry | None) -> None:
        super().__init__("This entry was changed somewhere else since it was opened.")
        self.stored = stored


def _preview(body: str, gratitude: str = "") -> str:
    text = " ".join((body or gratitude).split())
    return text[:PREVIEW_CHARS] + ("…" if len(text) > PREVIEW_CHARS else "")


class EntryRepository:
    """Reads and writes entries on one connection (so one thread)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    # --- writing -----------------------------------------------------------------------------

    def _validated(self, entry: Entry) -> Entry:
        check_date(entry.entry_date, what="The entry's date", latest=date(9999, 12, 31))
        check_mood(entry.mood)
        check_craving(entry.craving)
        return replace(
            entry,
            title=clean_text(entry.title, what="The title", limit=1000),
            body=clean_text(entry.body, what="This entry"),
            gratitude=clean_text(entry.gratitude, what="The gratitude line", limit=10_000),
            intention=clean_text(entry.intention, what="The intention", limit=10_000),
            evening_review=clean_text(entry.evening_review, what="The evening review"),
            visibility=Visibility(entry.visibility),
            tags=_unique(normalise_tag(t) for t in entry.tags),
            triggers=_unique(normalise_tag(t) for t in entry.triggers),
            coping=_unique(normalise_tag(t) for t in entry.coping),
            people=tuple(dict.fromkeys(entry.people)),
            people_kept=_unique(
                " ".join(clean_text(n, what="A name", limit=500).split()) for n in entry.people_kept
            ),
        )

    def save(self, entry: Entry, *, expected_updated_at: datetime | None = None) -> Entry:
        """Insert (id None) or update; returns the stored entry with id and timestamps.

        `expected_updated_at` is the `updated_at` of the entry as the caller read it (the
        editor passes it; the CLI and importers, which only add, do not). The row is then
        written only if it still has that time, checked inside the write transaction, so a
        write from another connection in between is never overwritten: `ChangedElsewhereError`
        says so and nothing is written. A row that is gone is written again (as after undo).

        Raises `ValidationError` with a plain message for input that cannot be stored.
        """
        entry = self._validated(entry)
        now = now_utc()
        entry = replace(entry, created_at=entry.created_at or now, updated_at=now)
        with transaction(self._conn):
            if entry.id is not None and expected_updated_at is not None:
                row = self._conn.execute(
                    "SELECT updated_at FROM entry WHERE id=?", (entry.id,)
                ).fetchone()
                if row is not None and row[0] != ts(expected_updated_at):
                    raise ChangedElsewhereError(self.get(entry.id))
            entry = self._write(entry)
        return entry

    def save_checkin(self, entry: Entry, *, expected_updated_at: datetime | None) -> Entry:
        """Store the check-in of `entry.entry_date`, keeping one check-in per day.

        `expected_updated_at` is the `updated_at` of that day's check-in as the caller read
        it, None when it read none. When the day's stored check-in is another one (made
        elsewhere meanwhile) or changed since, nothing is written and `ChangedElsewhereError`
        carries the stored one: the caller merges (core.checkin.merge_entry) and tries again.
        """
        entry = replace(self._validated(entry), is_checkin=True)
        now = now_utc()
        entry = replace(entry, created_at=entry.created_at or now, updated_at=now)
        with transaction(self._conn):
            row = self._conn.execute(
                "SELECT id, updated_at FROM entry WHERE is_checkin = 1 AND entry_date = ? "
                "ORDER BY id DESC LIMIT 1",
                (day(entry.entry_date),),
            ).fetchone()
            if row is not None and (
                row[0] != entry.id
                or expected_updated_at is None
                or row[1] != ts(expected_updated_at)
            ):
                raise ChangedElsewhereError(self.get(row[0]))
            entry = self._write(entry)
        return entry

    def restore(self, entry: Entry) -> Entry:
        """Put back an entry removed by `delete` (undo), keeping its id and timestamps."""
        entry = self._validated(entry)
        now = now_utc()
        entry = replace(
            entry, created_at=entry.created_at or now, updated_at=entry.updated_at or now
        )
        with transaction(self._conn):
            entry = self._write(entry)
        return entry

    def _write(self, entry: Entry) -> Entry:
        assert entry.created_at is not None and entry.updated_at is not None
        # A mentioned contact deleted since the entry was read (an undo of an entry delete, an
        # editor open meanwhile) is kept by name instead of failing on the link.
        people, kept = existing_contacts(self._conn, entry.people)
        if kept:
            entry = replace(
                entry, people=tuple(people), people_kept=_unique((*entry.people_kept, *kept))
            )
        if entry.people_kept and entry.people:
            # A kept name typed again links a contact of that name: the text is then redundant.
            linked = {name.casefold() for name in contact_names(self._conn, entry.people)}
            entry = replace(
                entry,
                people_kept=tuple(n for n in entry.people_kept if n.casefold() not in linked),
            )
        entry_id = save_row(
            self._conn,
            "entry",
            entry.id,
            {
                "entry_date": day(entry.entry_date),
                "updated_at": ts(entry.updated_at),
                "title": entry.title,
                "body": entry.body,
                "mood": entry.mood,
                "craving": entry.craving,
                "sober_today": flag(entry.sober_today),
                "visibility": entry.visibility.value,
                "is_draft": int(entry.is_draft),
                "is_checkin": int(entry.is_checkin),
                "gratitude": entry.gratitude,
                "intention": entry.intention,
                "evening_review": entry.evening_review,
            },
            insert_only={"created_at": ts(entry.created_at)},
        )
        entry = replace(entry, id=entry_id)
        self._write_links(entry)
        return entry

    def _write_links(self, entry: Entry) -> None:
        conn = self._conn
        assert entry.id is not None
        conn.execute("DELETE FROM entry_tag WHERE entry_id=?", (entry.id,))
        for tag in entry.tags:
            conn.execute("INSERT OR IGNORE INTO tag (name) VALUES (?)", (tag,))
            conn.execute(
                "INSERT OR IGNORE INTO entry_tag (entry_id, tag_id) "
                "SELECT ?, id FROM tag WHERE name = ?",
                (entry.id, tag),
            )
        conn.execute("DELETE FROM entry_person WHERE entry_id=?", (entry.id,))
        conn.executemany(
            "INSERT OR IGNORE INTO entry_person (entry_id, contact_id) VALUES (?, ?)",
            [(entry.id, person) for person in entry.people],
        )
        conn.execute("DELETE FROM entry_person_kept WHERE entry_id=?", (entry.id,))
        conn.executemany(
            "INSERT OR IGNORE INTO entry_person_kept (entry_id, name) VALUES (?, ?)",
            [(entry.id, name) for name in entry.people_kept],
        )
        conn.execute("DELETE FROM entry_factor WHERE entry_id=?", (entry.id,))
        conn.executemany(
            "INSERT OR IGNORE INTO entry_factor (entry_id, kind, name) VALUES (?, ?, ?)",
            [(entry.id, "trigger", t) for t in entry.triggers]
            + [(entry.id, "coping", c) for c in entry.coping],
        )
        write_entry_row(
            conn,
            entry.id,
            entry.title,
            (entry.body, entry.gratitude, entry.intention, entry.evening_review),
            entry.tags,
        )

    def delete(self, entry_id: int) -> Entry | None:
        """Remove an entry; returns it (for undo via `restore`) or None if it was not there."""
        with transaction(self._conn):
            entry = self.get(entry_id)
            if entry is None:
                return None
            self._conn.execute("DELETE FROM entry_fts WHERE rowid=?", (entry_id,))
            self._conn.execute("DELETE FROM entry WHERE id=?", (entry_id,))
        return entry

    # --- reading -----------------------------------------------------------------------------

    def get(self, entry_id: int) -> Entry | None:
        row = self._conn.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM entry WHERE id=?", (entry_id,)
        ).fetchone()
        if row is None:
            return None
        tags = tuple(
            r[0]
            for r in self._conn.execute(
                "SELECT t.name FROM entry_tag et JOIN tag t ON t.id = et.tag_id "
                "WHERE et.entry_id=? ORDER BY t.name",
                (entry_id,),
            )
        )
        people = tuple(
            r[0]
            for r in self._conn.execute(
                "SELECT contact_id FROM entry_person WHERE entry_id=? ORDER BY contact_id",
                (entry_id,),
            )
        )
        people_kept = tuple(
            r[0]
            for r in self._conn.execute(
                "SELECT name FROM entry_person_kept WHERE entry_id=? ORDER BY name", (entry_id,)
            )
        )
        factors = self._conn.execute(
            "SELECT kind, name FROM entry_factor WHERE entry_id=? ORDER BY name", (entry_id,)
        ).fetchall()
        return Entry(
            id=row[0],
            entry_date=from_day(row[1]),
            created_at=from_ts(row[2]),
            updated_at=from_ts(row[3]),
            title=row[4],
            body=row[5],
            mood=row[6],
            craving=row[7],
            sober_today=from_flag(row[8]),
            visibility=Visibility(row[9]),
            is_draft=bool(row[10]),
            is_checkin=bool(row[11]),
            gratitude=row[12],
            intention=row[13],
            evening_review=row[14],
            tags=tags,
            people=people,
            people_kept=people_kept,
            triggers=tuple(name for kind, name in factors if kind == "trigger"),
            coping=tuple(name for kind, name in factors if kind == "coping"),
        )

    def _where(self, flt: EntryFilter) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if flt.tag:
            clauses.append(
                "EXISTS (SELECT 1 FROM entry_tag et JOIN tag t ON t.id = et.tag_id "
                "WHERE et.entry_id = e.id AND t.name = ?)"
            )
            params.append(normalise_tag(flt.tag))
        if flt.mood is not None:
            clauses.append("e.mood = ?")
            params.append(flt.mood)
        if flt.date_from is not None:
            clauses.append("e.entry_date >= ?")
            params.append(day(flt.date_from))
        if flt.date_to is not None:
            clauses.append("e.entry_date <= ?")
            params.append(day(flt.date_to))
        if flt.person is not None:
            clauses.append(
                "EXISTS (SELECT 1 FROM entry_person ep WHERE ep.entry_id = e.id AND ep.contact_id = ?)"
            )
            params.append(flt.person)
        if not flt.include_drafts:
            clauses.append("e.is_draft = 0")
        if flt.checkins is not None:
            clauses.append("e.is_checkin = ?")
            params.append(int(flt.checkins))
        return (" AND ".join(clauses) or "1"), params

    def count(self, flt: EntryFilter = EntryFilter()) -> int:
        """How many entries match (search text included)."""
        where, params = self._where(flt)
        query = fts_query(flt.text)
        if query is None and flt.text.strip():
            return 0  # only punctuation: nothing can match it, so nothing is listed
        if query is None:
            sql = f"SELECT count(*) FROM entry e WHERE {where}"
        else:
            sql = (
                "SELECT count(*) FROM entry_fts JOIN entry e ON e.id = entry_fts.rowid "
                f"WHERE entry_fts MATCH ? AND {where}"
            )
            params = [query, *params]
        return int(self._conn.execute(sql, params).fetchone()[0])

    def page(
        self, flt: EntryFilter = EntryFilter(), offset: int = 0, limit: int = 100
    ) -> list[EntrySummary]:
        """A slice of the timeline, newest first; with search text, best matches first and a
        snippet whose matches are wrapped in SNIPPET_START / SNIPPET_END."""
        where, params = self._where(flt)
        query = fts_query(flt.text)
        if query is None and flt.text.strip():
            return []  # only punctuation: nothing can match it, so nothing is listed
        if query is None:
            sql = (
                f"SELECT {_SUMMARY_COLUMNS}, '' FROM entry e WHERE {where} "
                "ORDER BY e.entry_date DESC, e.id DESC LIMIT ? OFFSET ?"
            )
            rows = self._conn.execute(sql, [*params, limit, offset]).fetchall()
        else:
            rows = self._ranked_with_snippets(query, where, params, offset, limit)
        return [_summary(row) for row in rows]

    def _ranked_with_snippets(
        self, query: str, where: str, params: list[object], offset: int, limit: int
    ) -> list[Sequence[object]]:
        """Rank inside FTS5, then read the summaries of the chosen page only.

        SQLite evaluates every selected column for every match before sorting a join, so a
        one-query join read each matching body (10x slower for common words on 20,000
        entries). Without filters FTS5 sorts and limits on its own; with filters the ranked ids
        come from the join first and the snippets are made for that page only.
        """
        ranking = "ORDER BY bm25(entry_fts, 5.0, 1.0, 2.0), entry_fts.rowid DESC LIMIT ? OFFSET ?"
        snippet = f"snippet(entry_fts, -1, '{SNIPPET_START}', '{SNIPPET_END}', '…', 16)"
        if where == "1":
            ranked = self._conn.execute(
                f"SELECT rowid, {snippet} FROM entry_fts WHERE entry_fts MATCH ? {ranking}",
                [query, limit, offset],
            ).fetchall()
        else:
            ids = [
                r[0]
                for r in self._conn.execute(
                    "SELECT entry_fts.rowid FROM entry_fts JOIN entry e ON e.id = entry_fts.rowid "
                    f"WHERE entry_fts MATCH ? AND {where} {ranking}",
                    [query, *params, limit, offset],
                )
            ]
            snippets = dict(
                self._conn.execute(
                    f"SELECT rowid, {snippet} FROM entry_fts WHERE entry_fts MATCH ? "
                    f"AND rowid IN ({','.join('?' for _ in ids)})",
                    [query, *ids],
                ).fetchall()
            )
            ranked = [(entry_id, snippets.get(entry_id, "")) for entry_id in ids]
        if not ranked:
            return []
        marks = ",".join("?" for _ in ranked)
        summaries = {
            row[0]: row
            for row in self._conn.execute(
                f"SELECT {_SUMMARY_COLUMNS} FROM entry e WHERE e.id IN ({marks})",
                [entry_id for entry_id, _ in ranked],
            )
        }
        return [(*summaries[i], text) for i, text in ranked if i in summaries]

    def mentioning(self, contact_id: int, offset: int = 0, limit: int = 50) -> list[EntrySummary]:
        """Entries that mention a contact, newest first, a page at a time (read from the
        contact's mentions, not by scanning the journal). Count: `count(EntryFilter(person=))`."""
        rows = self._conn.execute(
            f"SELECT {_SUMMARY_COLUMNS}, '' FROM entry_person ep JOIN entry e ON e.id = ep.entry_id "
            "WHERE ep.contact_id = ? ORDER BY e.entry_date DESC, e.id DESC LIMIT ? OFFSET ?",
            (contact_id, limit, offset),
        ).fetchall()
        return [_summary(row) for row in rows]

    def linked_to_community(
        self, community_id: int, offset: int = 0, limit: int = 50
    ) -> list[EntrySummary]:
        """Entries a connection with this community was logged from, newest first."""
        rows = self._conn.execute(
            f"SELECT {_SUMMARY_COLUMNS}, '' FROM entry e WHERE e.id IN (SELECT entry_id FROM "
            "connection WHERE community_id = ? AND entry_id IS NOT NULL) "
            "ORDER BY e.entry_date DESC, e.id DESC LIMIT ? OFFSET ?",
            (community_id, limit, offset),
        ).fetchall()
        return [_summary(row) for row in rows]

    def search(self, text: str, limit: int = 50) -> list[EntrySummary]:
        return self.page(EntryFilter(text=text), 0, limit)

    def on_day(self, day_: date) -> list[EntrySummary]:
        return self.page(EntryFilter(date_from=day_, date_to=day_), 0, 1000)

    def checkin_for(self, day_: date) -> Entry | None:
        """The check-in of a day, if one was made (the latest, should there be more)."""
        row = self._conn.execute(
            "SELECT id FROM entry WHERE is_checkin = 1 AND entry_date = ? ORDER BY id DESC LIMIT 1",
            (day(day_),),
        ).fetchone()
        return self.get(row[0]) if row else None

    def shared_days(self, first: date, last: date) -> list[tuple[int, date]]:
        """Ids and days of the entries marked shared on the local days first..last, oldest
        first, drafts left out: the only entries whose words a counselor report may show."""
        rows = self._conn.execute(
            "SELECT id, entry_date FROM entry WHERE visibility = ? AND is_draft = 0 "
            "AND entry_date BETWEEN ? AND ? ORDER BY entry_date, created_at, id",
            (Visibility.SHARED.value, day(first), day(last)),
        )
        return [(int(r[0]), from_day(r[1])) for r in rows]

    def tags(self) -> list[str]:
        """Every tag in use, most used first (for completion)."""
        return [
            r[0]
            for r in self._conn.execute(
                "SELECT t.name FROM tag t JOIN entry_tag et ON et.tag_id = t.id "
                "GROUP BY t.id ORDER BY count(*) DESC, t.name"
            )
        ]

    def factors(self, kind: str) -> list[str]:
        """Trigger or coping names in use, most used first."""
        if kind not in ("trigger", "coping"):
            raise ValidationError(f"Unknown kind of craving note: {kind}")
        return [
            r[0]
            for r in self._conn.execute(
                "SELECT name FROM entry_factor WHERE kind = ? GROUP BY name COLLATE NOCASE "
                "ORDER BY count(*) DESC, name",
                (kind,),
            )
        ]


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for value in values:
        if value and value.casefold() not in seen:
            seen[value.casefold()] = value
    return tuple(seen.values())


def _summary(row: Sequence[object]) -> EntrySummary:
    return EntrySummary(
        id=row[0],
        entry_date=from_day(row[1]),
        title=row[2],
        preview=_preview(row[3], row[9]),
        mood=row[4],
        craving=row[5],
        visibility=Visibility(row[6]),
        is_draft=bool(row[7]),
        is_checkin=bool(row[8]),
        snippet=shown_snippet(row[10] or ""),
    )
