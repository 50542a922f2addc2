# SPDX-License-Identifier: GPL-3.0-or-later
"""Contacts and communities: the person's support network.

The People page reads `overview` (search, sort, last in touch, emergency contacts pinned) and
`to_complete`; deleting a contact asks first when `usage` shows them anywhere. A delete keeps
the name as plain text wherever the contact appeared (`migration_5`'s triggers), so no history
is lost; archiving hides them and keeps every link.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from recovery_desktop.core.models import (
    Community,
    CommunityKind,
    CommunityListItem,
    Contact,
    ContactListItem,
    ContactUsage,
    PeopleSort,
    Role,
)
from recovery_desktop.core.validation import ValidationError, check_date, clean_text
from recovery_desktop.storage.codec import day, from_day, now_utc, ts
from recovery_desktop.storage.connection import Connection, transaction
from recovery_desktop.storage.links import register_casefold
from recovery_desktop.storage.sql import save_row

_CONTACT_COLUMNS = (
    "id, name, role, phone, email, notes, reach_out_every_days, emergency, archived, snoozed_until"
)
_COMMUNITY_COLUMNS = "id, name, kind, schedule, place, notes, archived"
_ROLE_ORDER = (
    "CASE role " + " ".join(f"WHEN '{r.value}' THEN {i}" for i, r in enumerate(Role)) + " END"
)
_KIND_ORDER = (
    "CASE kind "
    + " ".join(f"WHEN '{k.value}' THEN {i}" for i, k in enumerate(CommunityKind))
    + " END"
)
_LAST_CONTACT = "(SELECT max(occurred_on) FROM connection WHERE contact_id = contact.id)"
_LAST_COMMUNITY = "(SELECT max(occurred_on) FROM connection WHERE community_id = community.id)"


def _name(text: str, what: str) -> str:
    name = " ".join(clean_text(text, what=what, limit=500).split())
    if not name:
        raise ValidationError(f"{what} needs a name.")
    return name


def _search_clause(search: str, columns: Sequence[str]) -> tuple[str, list[object]]:
    """Every word typed must appear in one of `columns`, in any case."""
    words = search.casefold().split()
    haystack = " || ' ' || ".join(columns)
    return (
        " AND ".join(f"instr(casefold({haystack}), ?) > 0" for _ in words) or "1",
        list(words),
    )


def _order(sort: PeopleSort, by_kind: str) -> str:
    sort = PeopleSort(sort)
    if sort is PeopleSort.ROLE:
        return f"{by_kind}, name COLLATE NOCASE, id"
    if sort is PeopleSort.LAST_IN_TOUCH:
        return "last IS NULL, last DESC, name COLLATE NOCASE, id"
    return "name COLLATE NOCASE, id"


class ContactRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        register_casefold(conn)

    def save(self, contact: Contact) -> Contact:
        contact = replace(
            contact,
            name=_name(contact.name, "A contact"),
            role=Role(contact.role),
            phone=clean_text(contact.phone, limit=200).strip(),
            email=clean_text(contact.email, limit=500).strip(),
            notes=clean_text(contact.notes, what="The notes"),
        )
        if contact.reach_out_every_days is not None and contact.reach_out_every_days < 1:
            raise ValidationError("“Reach out every” is a number of days, 1 or more.")
        if contact.snoozed_until is not None:
            check_date(contact.snoozed_until, what="The snooze", latest=date(9999, 12, 31))
        with transaction(self._conn):
            contact_id = save_row(
                self._conn,
                "contact",
                contact.id,
                {
                    "name": contact.name,
                    "role": contact.role.value,
                    "phone": contact.phone,
                    "email": contact.email,
                    "notes": contact.notes,
                    "reach_out_every_days": contact.reach_out_every_days,
                    "emergency": int(contact.emergency),
                    "archived": int(contact.archived),
                    "snoozed_until": day(contact.snoozed_until),
                },
                insert_only={"created_at": ts(now_utc())},
            )
        contact = replace(contact, id=contact_id)
        return contact

    def get(self, contact_id: int) -> Contact | None:
        row = self._conn.execute(
            f"SELECT {_CONTACT_COLUMNS} FROM contact WHERE id=?", (contact_id,)
        ).fetchone()
        return _contact(row) if row else None

    def list(self, include_archived: bool = False) -> list[Contact]:
        """Emergency contacts first, then by name."""
        where = "" if include_archived else "WHERE archived = 0"
        rows = self._conn.execute(
            f"SELECT {_CONTACT_COLUMNS} FROM contact {where} "
            "ORDER BY emergency DESC, name COLLATE NOCASE"
        )
        return [_contact(r) for r in rows]

    def overview(
        self,
        search: str = "",
        sort: PeopleSort = PeopleSort.NAME,
        include_archived: bool = False,
    ) -> list[ContactListItem]:
        """The People page's contact list: emergency contacts pinned on top, then in `sort`
        order; `search` words match name, role, phone, email or notes (any case). Each row
        carries the local day last in touch (one index lookup per contact)."""
        where, params = _search_clause(search, ("name", "role", "phone", "email", "notes"))
        if not include_archived:
            where += " AND archived = 0"
        rows = self._conn.execute(
            f"SELECT {_CONTACT_COLUMNS}, {_LAST_CONTACT} AS last FROM contact WHERE {where} "
            f"ORDER BY emergency DESC, {_order(sort, _ROLE_ORDER)}",
            params,
        )
        return [ContactListItem(_contact(r), from_day(r[-1])) for r in rows]

    def emergency(self) -> list[Contact]:
        """Emergency contacts who are not archived, by name."""
        rows = self._conn.execute(
            f"SELECT {_CONTACT_COLUMNS} FROM contact WHERE emergency = 1 AND archived = 0 "
            "ORDER BY name COLLATE NOCASE"
        )
        return [_contact(r) for r in rows]

    def to_complete(self) -> list[Contact]:
        """Contacts with a name only (role "other", no number, email, notes, rhythm or
        emergency flag): those an entry's People field made, for the person to complete.
        They leave the list as soon as anything is added, or when archived."""
        rows = self._conn.execute(
            f"SELECT {_CONTACT_COLUMNS} FROM contact WHERE role = 'other' AND phone = '' "
            "AND email = '' AND notes = '' AND reach_out_every_days IS NULL AND emergency = 0 "
            "AND archived = 0 ORDER BY name COLLATE NOCASE, id"
        )
        return [_contact(r) for r in rows]

    def usage(self, contact_id: int) -> ContactUsage:
        """Where the contact appears; `anywhere` False means a delete loses nothing."""
        counts = self._conn.execute(
            "SELECT (SELECT count(*) FROM entry_person WHERE contact_id = ?1), "
            "(SELECT count(*) FROM connection WHERE contact_id = ?1), "
            "(SELECT count(*) FROM goal WHERE contact_id = ?1), "
            "(SELECT count(*) FROM commitment WHERE contact_id = ?1), "
            "(SELECT count(*) FROM safety_plan_item WHERE contact_id = ?1)",
            (contact_id,),
        ).fetchone()
        return ContactUsage(*counts)

    def archive(self, contact_id: int, archived: bool = True) -> Contact | None:
        """Hide a contact from lists and reminders (or bring them back); every link stays."""
        with transaction(self._conn):
            self._conn.execute(
                "UPDATE contact SET archived = ? WHERE id = ?", (int(archived), contact_id)
            )
        return self.get(contact_id)

    def snooze(self, contact_id: int, until: date | None) -> Contact | None:
        """No reach-out reminder for this contact before the local day `until` (None: now)."""
        if until is not None:
            check_date(until, what="The snooze", latest=date(9999, 12, 31))
        with transaction(self._conn):
            self._conn.execute(
                "UPDATE contact SET snoozed_until = ? WHERE id = ?", (day(until), contact_id)
            )
        return self.get(contact_id)

    def delete(self, contact_id: int) -> None:
        """Delete a contact. Their connections, mentions, goals and promises stay, with the
        name kept as plain text; a linked safety-plan item keeps the name and number as its
        text. The UI offers archiving first when `usage(contact_id).anywhere`."""
        with transaction(self._conn):
            self._conn.execute("DELETE FROM contact WHERE id=?", (contact_id,))


class CommunityRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        register_casefold(conn)

    def save(self, community: Community) -> Community:
        community = replace(
            community,
            name=_name(community.name, "A group"),
            kind=CommunityKind(community.kind),
            schedule=clean_text(community.schedule, limit=1000).strip(),
            place=clean_text(community.place, limit=1000).strip(),
            notes=clean_text(community.notes, what="The notes"),
        )
        with transaction(self._conn):
            community_id = save_row(
                self._conn,
                "community",
                community.id,
                {
                    "name": community.name,
                    "kind": community.kind.value,
                    "schedule": community.schedule,
                    "place": community.place,
                    "notes": community.notes,
                    "archived": int(community.archived),
                },
                insert_only={"created_at": ts(now_utc())},
            )
        community = replace(community, id=community_id)
        return community

    def get(self, community_id: int) -> Community | None:
        row = self._conn.execute(
            f"SELECT {_COMMUNITY_COLUMNS} FROM community WHERE id=?", (community_id,)
        ).fetchone()
        return _community(row) if row else None

    def list(self, include_archived: bool = False) -> list[Community]:
        where = "" if include_archived else "WHERE archived = 0"
        rows = self._conn.execute(
            f"SELECT {_COMMUNITY_COLUMNS} FROM community {where} ORDER BY name COLLATE NOCASE"
        )
        return [_community(r) for r in rows]

    def overview(
        self,
        search: str = "",
        sort: PeopleSort = PeopleSort.NAME,
        include_archived: bool = False,
    ) -> list[CommunityListItem]:
        """The People page's community list; `PeopleSort.ROLE` orders by kind. `search` words
        match name, kind, schedule, place or notes."""
        where, params = _search_clause(search, ("name", "kind", "schedule", "place", "notes"))
        if not include_archived:
            where += " AND archived = 0"
        rows = self._conn.execute(
            f"SELECT {_COMMUNITY_COLUMNS}, {_LAST_COMMUNITY} AS last FROM community "
            f"WHERE {where} ORDER BY {_order(sort, _KIND_ORDER)}",
            params,
        )
        return [CommunityListItem(_community(r), from_day(r[-1])) for r in rows]

    def archive(self, community_id: int, archived: bool = True) -> Community | None:
        with transaction(self._conn):
            self._conn.execute(
                "UPDATE community SET archived = ? WHERE id = ?", (int(archived), community_id)
            )
        return self.get(community_id)

    def delete(self, community_id: int) -> None:
        """Delete a group; its connections stay, with the group's name kept as text."""
        with transaction(self._conn):
            self._conn.execute("DELETE FROM community WHERE id=?", (community_id,))


def _contact(row: Sequence[object]) -> Contact:
    return Contact(
        id=row[0],
        name=row[1],
        role=Role(row[2]),
        phone=row[3],
        email=row[4],
        notes=row[5],
        reach_out_every_days=row[6],
        emergency=bool(row[7]),
        archived=bool(row[8]),
        snoozed_until=from_day(row[9]),
    )


def _community(row: Sequence[object]) -> Community:
    return Community(
        id=row[0],
        name=row[1],
        kind=CommunityKind(row[2]),
        schedule=row[3],
        place=row[4],
        notes=row[5],
        archived=bool(row[6]),
    )
