# SPDX-License-Identifier: GPL-3.0-or-later
"""Contacts and communities: the person's support network."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from recovery_desktop.core.models import Community, CommunityKind, Contact, Role
from recovery_desktop.core.validation import ValidationError, clean_text
from recovery_desktop.storage.codec import now_utc, ts
from recovery_desktop.storage.connection import Connection, transaction
from recovery_desktop.storage.sql import save_row

_CONTACT_COLUMNS = "id, name, role, phone, email, notes, reach_out_every_days, emergency, archived"
_COMMUNITY_COLUMNS = "id, name, kind, schedule, place, notes, archived"


def _name(text: str, what: str) -> str:
    name = " ".join(clean_text(text, what=what, limit=500).split())
    if not name:
        raise ValidationError(f"{what} needs a name.")
    return name


class ContactRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

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

    def emergency(self) -> list[Contact]:
        return [c for c in self.list() if c.emergency]

    def delete(self, contact_id: int) -> None:
        """Delete a contact and their connection log. The UI offers archiving first."""
        with transaction(self._conn):
            self._conn.execute("DELETE FROM contact WHERE id=?", (contact_id,))


class CommunityRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

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

    def delete(self, community_id: int) -> None:
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
