# SPDX-License-Identifier: GPL-3.0-or-later
"""Day-by-day and person-by-person tallies for the insights and the report.

Each query groups inside SQLite and returns small frozen rows, so ten years of entries and
connections reach Python as a few thousand rows. Days are the person's local calendar days:
`entry.entry_date` and `connection.occurred_on` are stored that way. The SQL reads only columns
of schema 4 and tolerates a connection with no contact (a group, or a name kept as text).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from recovery_desktop.storage.codec import day, from_day
from recovery_desktop.storage.connection import Connection

# The role bucket of a connection with a group rather than a person.
GROUP = "group"
# The first day of a connection's week (Monday) or month, in SQL.
_BIN_START = {
    "week": "date(c.occurred_on, '-6 days', 'weekday 1')",
    "month": "substr(c.occurred_on, 1, 8) || '01'",
}


@dataclass(frozen=True, slots=True)
class DayRecord:
    """What was recorded on one day, over all of that day's entries and its check-in.

    A day with nothing recorded has no row: absence is never a zero.
    """

    day: date
    mood_sum: float  # sum of the moods recorded (1..5), for a mean with its n
    mood_n: int
    craving_max: int | None  # the highest craving recorded that day (0..10)
    craving_n: int
    checked_in: bool
    journaled: bool  # an entry other than the check-in
    sober: bool | None  # False if any entry said not sober, True if one said sober, else None

    @property
    def mood(self) -> float | None:
        """The day's mood: the mean of the moods recorded that day."""
        return self.mood_sum / self.mood_n if self.mood_n else None


@dataclass(frozen=True, slots=True)
class DayConnections:
    """The connections of one day: how many, how many meetings and service, which kinds."""

    day: date
    count: int
    meetings: int
    service: int
    kinds: frozenset[str]


@dataclass(frozen=True, slots=True)
class RoleTally:
    """Connections in one week or month with one role (or `GROUP`), and "felt supported"."""

    start: date  # the Monday of the week, or the first of the month
    role: str  # a contact's role, GROUP for a community, "other" for a name without a contact
    count: int
    supported_sum: int
    supported_n: int


@dataclass(frozen=True, slots=True)
class PersonTally:
    """One contact or group and their connections up to the end of a period."""

    contact_id: int | None
    community_id: int | None
    name: str
    role: str  # as in ConnectionTally
    in_period: int  # connections in the period
    last_day: date  # the latest connection on or before the period's last day
    archived: bool


@dataclass(frozen=True, slots=True)
class FactorRecord:
    """A trigger or coping note recorded with an entry of a day."""

    day: date
    kind: str  # "trigger" or "coping"
    name: str


class AggregateRepository:
    """Read-only tallies over a range of local days, first..last inclusive."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def days(self, first: date, last: date, *, include_private: bool = True) -> list[DayRecord]:
        """One row per day with at least one entry, oldest first.

        `include_private=False` leaves out private entries (for anything that leaves the vault).
        """
        private = "" if include_private else " AND visibility != 'private'"
        rows = self._conn.execute(
            "SELECT entry_date, total(mood), count(mood), max(craving), count(craving), "
            "max(is_checkin), max(is_checkin = 0), min(sober_today), max(sober_today) "
            f"FROM entry WHERE entry_date BETWEEN ? AND ?{private} "
            "GROUP BY entry_date ORDER BY entry_date",
            (day(first), day(last)),
        )
        return [
            DayRecord(
                day=from_day(r[0]),
                mood_sum=float(r[1]),
                mood_n=int(r[2]),
                craving_max=r[3],
                craving_n=int(r[4]),
                checked_in=bool(r[5]),
                journaled=bool(r[6]),
                sober=None if r[7] is None else bool(r[7]),
            )
            for r in rows
        ]

    def connection_days(self, first: date, last: date) -> list[DayConnections]:
        """One row per day with at least one connection, oldest first."""
        rows = self._conn.execute(
            "SELECT occurred_on, count(*), total(kind = 'meeting'), total(kind = 'service'), "
            "group_concat(DISTINCT kind) FROM connection WHERE occurred_on BETWEEN ? AND ? "
            "GROUP BY occurred_on ORDER BY occurred_on",
            (day(first), day(last)),
        )
        return [
            DayConnections(
                from_day(r[0]), int(r[1]), int(r[2]), int(r[3]), frozenset(r[4].split(","))
            )
            for r in rows
        ]

    def role_tallies(self, first: date, last: date, by: str) -> list[RoleTally]:
        """Connections per week (`by="week"`, weeks start on Monday) or month and role."""
        if by not in _BIN_START:
            raise ValueError(f"unknown bin: {by}")
        rows = self._conn.execute(
            f"SELECT {_BIN_START[by]} AS start, "
            f"coalesce(p.role, CASE WHEN c.community_id IS NOT NULL THEN '{GROUP}' "
            "ELSE 'other' END) AS bucket, count(*), total(c.felt_supported), "
            "count(c.felt_supported) "
            "FROM connection c LEFT JOIN contact p ON p.id = c.contact_id "
            "WHERE c.occurred_on BETWEEN ? AND ? GROUP BY start, bucket ORDER BY start",
            (day(first), day(last)),
        )
        return [RoleTally(from_day(r[0]), r[1], int(r[2]), int(r[3]), int(r[4])) for r in rows]

    def people(self, first: date, last: date) -> list[PersonTally]:
        """Contacts and groups with a connection in the period, most connected first.

        Each is counted on its own covering index, then named (a connection with both a
        person and a group counts for both).
        """
        params = (day(first), day(last))

        def tallied(column: str, table: str, fields: str) -> list[tuple]:
            return self._conn.execute(
                f"SELECT {fields}, t.n, t.last FROM (SELECT {column} AS id, "
                "count(CASE WHEN occurred_on >= ? THEN 1 END) AS n, max(occurred_on) AS last "
                f"FROM connection WHERE {column} IS NOT NULL AND occurred_on <= ? "
                f"GROUP BY {column}) t JOIN {table} x ON x.id = t.id WHERE t.n > 0",
                params,
            ).fetchall()

        tallies = [
            PersonTally(r[0], None, r[1], r[2], int(r[4]), from_day(r[5]), bool(r[3]))
            for r in tallied("contact_id", "contact", "x.id, x.name, x.role, x.archived")
        ] + [
            PersonTally(None, r[0], r[1], GROUP, int(r[3]), from_day(r[4]), bool(r[2]))
            for r in tallied("community_id", "community", "x.id, x.name, x.archived")
        ]
        tallies.sort(key=lambda t: (-t.in_period, t.name.casefold()))
        return tallies

    def factors(
        self, first: date, last: date, *, include_private: bool = True
    ) -> list[FactorRecord]:
        """Triggers and coping notes with the day of their entry, oldest first."""
        private = "" if include_private else " AND e.visibility != 'private'"
        rows = self._conn.execute(
            "SELECT e.entry_date, f.kind, f.name FROM entry e "
            "JOIN entry_factor f ON f.entry_id = e.id "
            f"WHERE e.entry_date BETWEEN ? AND ?{private} ORDER BY e.entry_date, f.kind, f.name",
            (day(first), day(last)),
        )
        return [FactorRecord(from_day(r[0]), r[1], r[2]) for r in rows]

    def first_day(self) -> date | None:
        """The earliest day with an entry or a connection (the start of "all")."""
        row = self._conn.execute(
            "SELECT min(d) FROM (SELECT min(entry_date) AS d FROM entry "
            "UNION ALL SELECT min(occurred_on) FROM connection)"
        ).fetchone()
        return from_day(row[0]) if row and row[0] else None

    def change_mark(self) -> tuple[int, int]:
        """A cheap mark of the vault's contents: it differs after any write since it was read,
        by this connection (its count of changed rows) or by another one, in this process or
        another (SQLite's `data_version`). Equal marks mean the tallies above are unchanged;
        a write that changed nothing they read may still change the mark (a cache refills)."""
        version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        return int(self._conn.total_changes), int(version)
