# SPDX-License-Identifier: GPL-3.0-or-later
"""The log of every connection with a person or a community."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from recovery_desktop.core.models import Connection as ConnectionRecord
from recovery_desktop.core.models import ConnectionKind, InitiatedBy
from recovery_desktop.core.validation import ValidationError, clean_text
from recovery_desktop.storage.codec import day, from_day, from_ts, ts
from recovery_desktop.storage.connection import Connection, transaction
from recovery_desktop.storage.sql import save_row

_COLUMNS = (
    "id, occurred_at, contact_id, community_id, kind, initiated_by, felt_supported, note, entry_id"
)


def local_day(moment: datetime) -> date:
    """The calendar day of a moment in the person's local time zone."""
    return (moment if moment.tzinfo is None else moment.astimezone()).date()


class ConnectionRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def save(self, connection: ConnectionRecord) -> ConnectionRecord:
        if connection.contact_id is None and connection.community_id is None:
            raise ValidationError("A connection is with a person or a group: please choose one.")
        if connection.felt_supported is not None and not 1 <= connection.felt_supported <= 5:
            raise ValidationError("“Felt supported” is a number from 1 to 5.")
        connection = replace(
            connection,
            kind=ConnectionKind(connection.kind),
            initiated_by=InitiatedBy(connection.initiated_by),
            note=clean_text(connection.note, what="The note"),
        )
        with transaction(self._conn):
            connection_id = save_row(
                self._conn,
                "connection",
                connection.id,
                {
                    "occurred_at": ts(connection.occurred_at),
                    "occurred_on": day(local_day(connection.occurred_at)),
                    "contact_id": connection.contact_id,
                    "community_id": connection.community_id,
                    "kind": connection.kind.value,
                    "initiated_by": connection.initiated_by.value,
                    "felt_supported": connection.felt_supported,
                    "note": connection.note,
                    "entry_id": connection.entry_id,
                },
            )
        connection = replace(connection, id=connection_id)
        return connection

    def get(self, connection_id: int) -> ConnectionRecord | None:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM connection WHERE id=?", (connection_id,)
        ).fetchone()
        return _record(row) if row else None

    def delete(self, connection_id: int) -> None:
        with transaction(self._conn):
            self._conn.execute("DELETE FROM connection WHERE id=?", (connection_id,))

    def for_contact(self, contact_id: int, limit: int = 200) -> list[ConnectionRecord]:
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM connection WHERE contact_id=? "
            "ORDER BY occurred_at DESC LIMIT ?",
            (contact_id, limit),
        )
        return [_record(r) for r in rows]

    def for_community(self, community_id: int, limit: int = 200) -> list[ConnectionRecord]:
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM connection WHERE community_id=? "
            "ORDER BY occurred_at DESC LIMIT ?",
            (community_id, limit),
        )
        return [_record(r) for r in rows]

    def between(self, first: date, last: date) -> list[ConnectionRecord]:
        """Connections on the local days first..last inclusive, oldest first."""
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM connection WHERE occurred_on BETWEEN ? AND ? "
            "ORDER BY occurred_at",
            (day(first), day(last)),
        )
        return [_record(r) for r in rows]

    def last_in_touch(self) -> dict[int, date]:
        """Contact id -> the local day of the latest connection with them."""
        rows = self._conn.execute(
            "SELECT contact_id, max(occurred_on) FROM connection "
            "WHERE contact_id IS NOT NULL GROUP BY contact_id"
        )
        return {r[0]: from_day(r[1]) for r in rows}

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
    )
