# SPDX-License-Identifier: GPL-3.0-or-later
"""The log of every connection with a person or a community.

A connection counts for the local day it happened on (`occurred_on`, written at save time from
the computer's zone), so "last in touch" and reach-outs follow the person's calendar. A
person's history is read newest first, a page at a time, along `connection_by_contact`
(contact, day, time): one index range per page, well under a millisecond on 50,000 rows.
Records read back carry the contact's and group's current names, or the names kept as text
after they were deleted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from recovery_desktop.core.models import Connection as ConnectionRecord
from recovery_desktop.core.models import ConnectionKind, ConnectionStats, InitiatedBy
from recovery_desktop.core.reach_out import local_day
from recovery_desktop.core.validation import ValidationError, clean_text
from recovery_desktop.storage.codec import day, from_day, from_ts, ts
from recovery_desktop.storage.connection import Connection, transaction
from recovery_desktop.storage.links import resolve
from recovery_desktop.storage.sql import save_row

__all__ = ["ConnectionRepository", "local_day"]

_COLUMNS = (
    "c.id, c.occurred_at, c.contact_id, c.community_id, c.kind, c.initiated_by, "
    "c.felt_supported, c.note, c.entry_id, coalesce(p.name, c.contact_name), "
    "coalesce(g.name, c.community_name)"
)
_FROM = (
    "FROM connection c LEFT JOIN contact p ON p.id = c.contact_id "
    "LEFT JOIN community g ON g.id = c.community_id"
)
_NEWEST_FIRST = "ORDER BY c.occurred_on DESC, c.occurred_at DESC, c.id DESC"


def _who(contact_id: int | None, community_id: int | None) -> tuple[str, int]:
    if (contact_id is None) == (community_id is None):
        raise ValueError("give exactly one of contact_id and community_id")
    if contact_id is not None:
        return "c.contact_id", contact_id
    assert community_id is not None
    return "c.community_id", community_id


class ConnectionRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    # --- writing -----------------------------------------------------------------------------

    def save(self, connection: ConnectionRecord) -> ConnectionRecord:
        """Insert (id None) or update; a saved id whose row is gone is written again (undo).

        A contact or group deleted meanwhile becomes its name as text (from the record, or
        the name kept at the delete), so an undo never fails on a link."""
        if connection.felt_supported is not None and not 1 <= connection.felt_supported <= 5:
            raise ValidationError("“Felt supported” is a number from 1 to 5.")
        with transaction(self._conn):
            contact_id, contact_name = resolve(
                self._conn, "contact", connection.contact_id, connection.contact_name
            )
            community_id, community_name = resolve(
                self._conn, "community", connection.community_id, connection.community_name
            )
            if contact_id is None and community_id is None and not (contact_name or community_name):
                raise ValidationError(
                    "A connection is with a person or a group: please choose one."
                )
            connection = replace(
                connection,
                kind=ConnectionKind(connection.kind),
                initiated_by=InitiatedBy(connection.initiated_by),
                note=clean_text(connection.note, what="The note"),
                contact_id=contact_id,
                community_id=community_id,
                contact_name=contact_name,
                community_name=community_name,
            )
            connection_id = save_row(
                self._conn,
                "connection",
                connection.id,
                {
                    "occurred_at": ts(connection.occurred_at),
                    "occurred_on": day(local_day(connection.occurred_at)),
                    "contact_id": contact_id,
                    "community_id": community_id,
                    "kind": connection.kind.value,
                    "initiated_by": connection.initiated_by.value,
                    "felt_supported": connection.felt_supported,
                    "note": connection.note,
                    "entry_id": connection.entry_id,
                    "contact_name": "" if contact_id is not None else contact_name,
                    "community_name": "" if community_id is not None else community_name,
                },
            )
        return replace(connection, id=connection_id)

    def log(
        self,
        occurred_at: datetime,
        kind: ConnectionKind,
        *,
        contact_ids: Sequence[int] = (),
        community_id: int | None = None,
        initiated_by: InitiatedBy = InitiatedBy.ME,
        felt_supported: int | None = None,
        note: str = "",
        entry_id: int | None = None,
    ) -> list[ConnectionRecord]:
        """Log one moment with one or more people (a connection each, so each person's
        history and counts are their own) or with one community; all or nothing."""
        people = list(dict.fromkeys(contact_ids))
        if bool(people) == (community_id is not None):
            raise ValidationError(
                "A connection is with one or more people, or with a group: please choose."
            )
        base = ConnectionRecord(
            occurred_at=occurred_at,
            kind=kind,
            community_id=community_id,
            initiated_by=initiated_by,
            felt_supported=felt_supported,
            note=note,
            entry_id=entry_id,
        )
        with transaction(self._conn):
            if community_id is not None:
                return [self.save(base)]
            return [self.save(replace(base, contact_id=person)) for person in people]

    def log_mentions(
        self,
        entry_id: int,
        kind: ConnectionKind = ConnectionKind.IN_PERSON,
        occurred_at: datetime | None = None,
    ) -> list[ConnectionRecord]:
        """Log the people an entry mentions as connections of that entry's day, linked to it;
        people already logged from this entry are skipped, so doing it twice adds nothing.
        Without `occurred_at`: now for today's entry, else noon of its day (local time)."""
        with transaction(self._conn):
            row = self._conn.execute(
                "SELECT entry_date FROM entry WHERE id = ?", (entry_id,)
            ).fetchone()
            if row is None:
                raise ValidationError("That entry no longer exists.")
            entry_day = from_day(row[0])
            assert entry_day is not None
            if occurred_at is None:
                now = datetime.now().astimezone()
                occurred_at = (
                    now
                    if now.date() == entry_day
                    else datetime.combine(entry_day, time(12)).astimezone()
                )
            people = [
                r[0]
                for r in self._conn.execute(
                    "SELECT ep.contact_id FROM entry_person ep JOIN contact p "
                    "ON p.id = ep.contact_id WHERE ep.entry_id = ?1 AND NOT EXISTS "
                    "(SELECT 1 FROM connection c WHERE c.entry_id = ?1 "
                    "AND c.contact_id = ep.contact_id) ORDER BY p.name COLLATE NOCASE",
                    (entry_id,),
                )
            ]
            if not people:
                return []
            return self.log(occurred_at, kind, contact_ids=people, entry_id=entry_id)

    def delete(self, connection_id: int) -> ConnectionRecord | None:
        """Remove a connection; returns it (for undo via `restore`), or None if it was gone."""
        removed = self.delete_many([connection_id])
        return removed[0] if removed else None

    def delete_many(self, connection_ids: Iterable[int]) -> list[ConnectionRecord]:
        """Remove several (a moment logged with several people); returns them for `restore`."""
        removed: list[ConnectionRecord] = []
        with transaction(self._conn):
            for connection_id in connection_ids:
                record = self.get(connection_id)
                if record is not None:
                    self._conn.execute("DELETE FROM connection WHERE id=?", (connection_id,))
                    removed.append(record)
        return removed

    def restore(self, records: Iterable[ConnectionRecord]) -> list[ConnectionRecord]:
        """Put back connections removed by `delete`/`delete_many` (undo), with their ids. Ids
        are never reused, so nothing written since is overwritten."""
        with transaction(self._conn):
            return [self.save(record) for record in records]

    # --- reading -----------------------------------------------------------------------------

    def get(self, connection_id: int) -> ConnectionRecord | None:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} {_FROM} WHERE c.id=?", (connection_id,)
        ).fetchone()
        return _record(row) if row else None

    def history(
        self,
        *,
        contact_id: int | None = None,
        community_id: int | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> list[ConnectionRecord]:
        """One person's (or group's) connections, newest first, a page at a time."""
        column, value = _who(contact_id, community_id)
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} {_FROM} WHERE {column} = ? {_NEWEST_FIRST} LIMIT ? OFFSET ?",
            (value, limit, offset),
        )
        return [_record(r) for r in rows]

    def stats(
        self,
        today: date,
        *,
        contact_id: int | None = None,
        community_id: int | None = None,
    ) -> ConnectionStats:
        """Count, last in touch, the last 30 and 90 local days (today included) and the mean
        "felt supported" with how many answers it rests on; one pass over the index."""
        column, value = _who(contact_id, community_id)
        row = self._conn.execute(
            "SELECT count(*), max(c.occurred_on), "
            "coalesce(sum(c.occurred_on BETWEEN ?1 AND ?3), 0), "
            "coalesce(sum(c.occurred_on BETWEEN ?2 AND ?3), 0), "
            f"avg(c.felt_supported), count(c.felt_supported) FROM connection c WHERE {column} = ?4",
            (day(today - timedelta(days=29)), day(today - timedelta(days=89)), day(today), value),
        ).fetchone()
        return ConnectionStats(
            total=row[0],
            last_in_touch=from_day(row[1]),
            last_30_days=row[2],
            last_90_days=row[3],
            mean_felt_supported=row[4],
            felt_supported_n=row[5],
        )

    def for_contact(self, contact_id: int, limit: int = 200) -> list[ConnectionRecord]:
        return self.history(contact_id=contact_id, limit=limit)

    def for_community(self, community_id: int, limit: int = 200) -> list[ConnectionRecord]:
        return self.history(community_id=community_id, limit=limit)

    def for_entry(self, entry_id: int) -> list[ConnectionRecord]:
        """Connections logged from (linked to) an entry."""
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} {_FROM} WHERE c.entry_id = ? ORDER BY c.occurred_at, c.id",
            (entry_id,),
        )
        return [_record(r) for r in rows]

    def between(self, first: date, last: date) -> list[ConnectionRecord]:
        """Connections on the local days first..last inclusive, oldest first."""
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} {_FROM} WHERE c.occurred_on BETWEEN ? AND ? "
            "ORDER BY c.occurred_on, c.occurred_at, c.id",
            (day(first), day(last)),
        )
        return [_record(r) for r in rows]

    def last_in_touch(self) -> dict[int, date]:
        """Contact id -> the local day of the latest connection with them (one index lookup
        per contact, not a pass over the whole log)."""
        rows = self._conn.execute(
            "SELECT id, (SELECT max(occurred_on) FROM connection WHERE contact_id = contact.id) "
            "FROM contact"
        )
        return {r[0]: from_day(r[1]) for r in rows if r[1] is not None}

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM connection").fetchone()[0])


def _record(row: Sequence[object]) -> ConnectionRecord:
    return ConnectionRecord(
        id=row[0],
        occurred_at=from_ts(row[1]),
        contact_id=row[2],
        community_id=row[3],
        kind=ConnectionKind(row[4]),
        initiated_by=InitiatedBy(row[5]),
        felt_supported=row[6],
        note=row[7],
        entry_id=row[8],
        contact_name=row[9] or "",
        community_name=row[10] or "",
    )
