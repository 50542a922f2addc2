# SPDX-License-Identifier: GPL-3.0-or-later
"""The safety plan: ordered items per section, some linked to contacts (schema 5).

The Safety plan page edits items one at a time (`add_item`, `update_item`, `delete_item` and
`restore_item` for undo, `move_item`/`reorder`); positions stay 0..n-1 in each section. Help now
reads `help_people` (each person once). `get`/`save` keep the older whole-plan text view
(`core.models.SafetyPlan`, one line per item) for code that still reads the plan as text; a
`save` rewrites only the sections whose text changed, so links elsewhere stay.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from recovery_desktop.core.help_now import HelpPerson, help_people
from recovery_desktop.core.models import (
    PEOPLE_SECTIONS,
    Contact,
    PlanSection,
    SafetyPlan,
    SafetyPlanItem,
)
from recovery_desktop.core.validation import ValidationError, clean_text
from recovery_desktop.storage.codec import from_ts, now_utc, ts
from recovery_desktop.storage.connection import Connection, transaction
from recovery_desktop.storage.crisis_lines import CrisisLineRepository, is_blank
from recovery_desktop.storage.migration_5 import PLAN_UPDATED_SETTING
from recovery_desktop.storage.people import ContactRepository

_COLUMNS = "id, section, position, text, contact_id"
ITEM_CHARS = 2000


class SafetyPlanRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._lines = CrisisLineRepository(conn)

    # --- items ---------------------------------------------------------------------------------

    def items(self, section: PlanSection | None = None) -> list[SafetyPlanItem]:
        """The items of one section (or all, section by section), in the person's order."""
        if section is None:
            rows = self._conn.execute(f"SELECT {_COLUMNS} FROM safety_plan_item")
            found = [_item(r) for r in rows]
            order = list(PlanSection)
            return sorted(found, key=lambda i: (order.index(i.section), i.position, i.id))
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM safety_plan_item WHERE section = ? ORDER BY position, id",
            (PlanSection(section).value,),
        )
        return [_item(r) for r in rows]

    def get_item(self, item_id: int) -> SafetyPlanItem | None:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM safety_plan_item WHERE id = ?", (item_id,)
        ).fetchone()
        return _item(row) if row else None

    def add_item(
        self,
        section: PlanSection,
        text: str = "",
        contact_id: int | None = None,
        position: int | None = None,
    ) -> SafetyPlanItem:
        """Add an item at the end of its section, or at `position` (later items move down)."""
        item = self._checked(SafetyPlanItem(PlanSection(section), text, contact_id))
        with transaction(self._conn):
            ids = self._ids(item.section)
            at = len(ids) if position is None else max(0, min(position, len(ids)))
            item_id = self._insert(item)
            ids.insert(at, item_id)
            self._renumber(ids)
            self._touch()
        return replace(item, id=item_id, position=at)

    def update_item(self, item: SafetyPlanItem) -> SafetyPlanItem:
        """Change an item's words or linked contact (its place: `move_item`)."""
        if item.id is None:
            raise ValidationError("That item is not saved yet.")
        item = self._checked(item)
        with transaction(self._conn):
            stored = self.get_item(item.id)
            if stored is None:
                raise ValidationError("That item is no longer in your plan.")
            self._conn.execute(
                "UPDATE safety_plan_item SET text = ?, contact_id = ?, updated_at = ? WHERE id = ?",
                (item.text, item.contact_id, ts(now_utc()), item.id),
            )
            self._touch()
        return replace(item, section=stored.section, position=stored.position)

    def delete_item(self, item_id: int) -> SafetyPlanItem | None:
        """Remove an item; returns it (with its position) for `restore_item` (undo)."""
        with transaction(self._conn):
            item = self.get_item(item_id)
            if item is None:
                return None
            self._conn.execute("DELETE FROM safety_plan_item WHERE id = ?", (item_id,))
            self._renumber([i for i in self._ids(item.section)])
            self._touch()
        return item

    def restore_item(self, item: SafetyPlanItem) -> SafetyPlanItem:
        """Put back an item removed by `delete_item`, at its position, with its id. A contact
        deleted meanwhile becomes its name and number as the item's text."""
        item = replace(item, section=PlanSection(item.section))
        with transaction(self._conn):
            if (
                item.contact_id is not None
                and not self._conn.execute(
                    "SELECT 1 FROM contact WHERE id = ?", (item.contact_id,)
                ).fetchone()
            ):
                item = replace(item, contact_id=None, text=self._kept_text(item))
            item = self._checked(item)
            ids = self._ids(item.section)
            item_id = self._insert(item, keep_id=True)
            at = max(0, min(item.position, len(ids)))
            ids.insert(at, item_id)
            self._renumber(ids)
            self._touch()
        return replace(item, id=item_id, position=at)

    def move_item(self, item_id: int, position: int) -> list[SafetyPlanItem]:
        """Move an item within its section; returns the section in its new order."""
        with transaction(self._conn):
            item = self.get_item(item_id)
            if item is None:
                raise ValidationError("That item is no longer in your plan.")
            ids = [i for i in self._ids(item.section) if i != item_id]
            ids.insert(max(0, min(position, len(ids))), item_id)
            self._renumber(ids)
            self._touch()
        return self.items(item.section)

    def reorder(self, section: PlanSection, item_ids: Sequence[int]) -> list[SafetyPlanItem]:
        """Put a section's items in this order (each of its ids once)."""
        section = PlanSection(section)
        with transaction(self._conn):
            current = self._ids(section)
            if sorted(current) != sorted(item_ids):
                raise ValidationError("This part of the plan changed meanwhile; please try again.")
            self._renumber(list(item_ids))
            self._touch()
        return self.items(section)

    def is_empty(self) -> bool:
        """True until the person writes any item (crisis lines do not count)."""
        return (
            self._conn.execute("SELECT NOT EXISTS (SELECT 1 FROM safety_plan_item)").fetchone()[0]
            == 1
        )

    def updated_at(self) -> datetime | None:
        """When the person last changed an item (None: never)."""
        row = self._conn.execute(
            "SELECT value FROM setting WHERE key = ?", (PLAN_UPDATED_SETTING,)
        ).fetchone()
        return from_ts(json.loads(row[0])) if row else None

    def help_people(self) -> list[HelpPerson]:
        """Help now's people: the plan's people to ask and professionals, then emergency
        contacts, each person once (`core.help_now`)."""
        items = self.items(PlanSection.HELP_PEOPLE) + self.items(PlanSection.PROFESSIONALS)
        contacts = ContactRepository(self._conn)
        linked = {
            i.contact_id: contacts.get(i.contact_id) for i in items if i.contact_id is not None
        }
        found = {k: v for k, v in linked.items() if v is not None}
        return help_people(items, found, contacts.emergency())

    # --- the whole plan as text ----------------------------------------------------------------

    def get(self) -> SafetyPlan:
        """The plan as text, one line per item ("name number: note" for a linked item), with
        the crisis lines that have something to show."""
        contacts = self._linked_contacts()
        text: dict[str, list[str]] = {s.value: [] for s in PlanSection}
        for item in self.items():
            text[item.section.value].append(_shown(item, contacts))
        lines = tuple(line for line in self._lines.list() if not is_blank(line))
        values = {name: "\n".join(lines_) for name, lines_ in text.items()}
        return SafetyPlan(**values, crisis_lines=lines, updated_at=self.updated_at())

    def save(self, plan: SafetyPlan) -> SafetyPlan:
        """Write a whole plan given as text: each changed section becomes its lines as items
        (unlinked); unchanged sections keep their items and links. Crisis lines: see
        `CrisisLineRepository.replace_all`."""
        current = self.get()
        with transaction(self._conn):
            for section in PlanSection:
                wanted = clean_text(getattr(plan, section.value), what="The safety plan")
                lines = [" ".join(line.split()) for line in wanted.splitlines()]
                lines = [line for line in lines if line]
                if lines == getattr(current, section.value).splitlines():
                    continue
                self._conn.execute(
                    "DELETE FROM safety_plan_item WHERE section = ?", (section.value,)
                )
                for line in lines:
                    self._insert(self._checked(SafetyPlanItem(section, line[:ITEM_CHARS])))
                self._renumber(self._ids(section))
            self._lines.replace_all(plan.crisis_lines)
            self._touch()
        return self.get()

    # --- internals -----------------------------------------------------------------------------

    def _checked(self, item: SafetyPlanItem) -> SafetyPlanItem:
        text = " ".join(clean_text(item.text, what="The item", limit=ITEM_CHARS).split())
        if item.contact_id is not None and item.section not in PEOPLE_SECTIONS:
            raise ValidationError("Only the people parts of the plan link to contacts.")
        if not text and item.contact_id is None:
            raise ValidationError("An item needs a few words, or a contact.")
        return replace(item, text=text)

    def _kept_text(self, item: SafetyPlanItem) -> str:
        row = self._conn.execute(
            "SELECT name, phone FROM kept_name WHERE kind = 'contact' AND id = ?",
            (item.contact_id,),
        ).fetchone()
        who = " ".join(part for part in (row or ()) if part)
        return ": ".join(part for part in (who, item.text) if part)

    def _ids(self, section: PlanSection) -> list[int]:
        return [
            r[0]
            for r in self._conn.execute(
                "SELECT id FROM safety_plan_item WHERE section = ? ORDER BY position, id",
                (section.value,),
            )
        ]

    def _insert(self, item: SafetyPlanItem, keep_id: bool = False) -> int:
        now = ts(now_utc())
        cursor = self._conn.execute(
            "INSERT INTO safety_plan_item (id, section, position, text, contact_id, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                item.id if keep_id else None,
                item.section.value,
                item.position,
                item.text,
                item.contact_id,
                now,
                now,
            ),
        )
        return int(cursor.lastrowid)

    def _renumber(self, item_ids: Sequence[int]) -> None:
        self._conn.executemany(
            "UPDATE safety_plan_item SET position = ? WHERE id = ?",
            [(position, item_id) for position, item_id in enumerate(item_ids)],
        )

    def _touch(self) -> None:
        self._conn.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (PLAN_UPDATED_SETTING, json.dumps(ts(now_utc()))),
        )

    def _linked_contacts(self) -> dict[int, Contact]:
        contacts = ContactRepository(self._conn)
        ids = {
            r[0]
            for r in self._conn.execute(
                "SELECT DISTINCT contact_id FROM safety_plan_item WHERE contact_id IS NOT NULL"
            )
        }
        return {i: c for i in ids if (c := contacts.get(i)) is not None}


def _shown(item: SafetyPlanItem, contacts: dict[int, Contact]) -> str:
    contact = contacts.get(item.contact_id) if item.contact_id is not None else None
    if contact is None:
        return item.text
    who = " ".join(part for part in (contact.name, contact.phone) if part)
    return ": ".join(part for part in (who, item.text) if part)


def _item(row: Sequence[object]) -> SafetyPlanItem:
    return SafetyPlanItem(
        id=row[0],
        section=PlanSection(row[1]),
        position=row[2],
        text=row[3],
        contact_id=row[4],
    )
