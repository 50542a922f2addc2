# SPDX-License-Identifier: GPL-3.0-or-later
"""Who Help now lists: the plan's people to ask and professionals, then the emergency
contacts, each person once (issue 7, point 7).

A person may be in the plan as a linked contact, as a typed line with their number
("Dana (sponsor) 555-0142", as plans written before schema 5 are), and among the emergency
contacts. They are one person when they share a contact, a phone number or a name; the first
place they appear sets their position, and a contact's own name and number win over a typed
line's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from recovery_desktop.core.models import Contact, PlanSection, SafetyPlanItem

PHONE = re.compile(r"\+?\d[\d\s().\-]{1,}\d")
HELP_SECTIONS = (PlanSection.HELP_PEOPLE, PlanSection.PROFESSIONALS)


@dataclass(frozen=True, slots=True)
class HelpPerson:
    name: str
    phone: str = ""
    detail: str = ""  # the plan item's note, or the contact's role
    contact_id: int | None = None


def phone_in(text: str) -> str:
    """The first phone-like number in a line ("Dana (sponsor) 555-0142" -> "555-0142")."""
    match = PHONE.search(text)
    return match.group(0).strip() if match else ""


def split_line(text: str) -> tuple[str, str]:
    """A typed line as (name, phone): the first number taken out of the words around it."""
    phone = phone_in(text)
    if not phone:
        return " ".join(text.split()), ""
    name = text.replace(phone, " ", 1)
    name = " ".join(name.split()).strip(" ,;:-–—·")
    return name or phone, phone


def _digits(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit())
    return digits if len(digits) >= 3 else ""


def _folded(name: str) -> str:
    return " ".join(name.split()).casefold()


def help_people(
    items: Iterable[SafetyPlanItem],
    contacts: Mapping[int, Contact],
    emergency: Sequence[Contact] = (),
) -> list[HelpPerson]:
    """Each person once: plan items of the help sections in plan order, then emergency
    contacts not listed yet. `contacts` maps id to contact for the linked items."""
    people: list[HelpPerson] = []
    by_key: dict[tuple[str, object], int] = {}

    def keys(person: HelpPerson) -> list[tuple[str, object]]:
        found: list[tuple[str, object]] = [("name", _folded(person.name))]
        if person.contact_id is not None:
            found.append(("contact", person.contact_id))
        if digits := _digits(person.phone):
            found.append(("phone", digits))
        return found

    def add(person: HelpPerson) -> None:
        index = next((by_key[k] for k in keys(person) if k in by_key), None)
        if index is None:
            index = len(people)
            people.append(person)
        elif person.contact_id is not None and people[index].contact_id is None:
            first = people[index]
            people[index] = HelpPerson(
                person.name,
                person.phone or first.phone,
                first.detail or person.detail,
                person.contact_id,
            )
        for key in keys(people[index]) + keys(person):
            by_key.setdefault(key, index)

    ordered = sorted(
        (i for i in items if i.section in HELP_SECTIONS),
        key=lambda i: (HELP_SECTIONS.index(i.section), i.position),
    )
    for item in ordered:
        contact = contacts.get(item.contact_id) if item.contact_id is not None else None
        if contact is not None:
            add(HelpPerson(contact.name, contact.phone, item.text.strip(), contact.id))
        elif item.text.strip():
            name, phone = split_line(item.text)
            add(HelpPerson(name, phone))
    for contact in emergency:
        if not contact.archived:
            add(HelpPerson(contact.name, contact.phone, str(contact.role).capitalize(), contact.id))
    return people
