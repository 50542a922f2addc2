# SPDX-License-Identifier: GPL-3.0-or-later
"""Who is due a reach-out: contacts with a rhythm ("every N days") not met lately."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from recovery_desktop.core.models import Contact


@dataclass(frozen=True, slots=True)
class ReachOutDue:
    contact: Contact
    last_in_touch: date | None
    days_overdue: int  # 0 on the day it falls due


def reach_outs_due(
    contacts: Iterable[Contact],
    last_in_touch: Mapping[int, date],
    today: date,
) -> list[ReachOutDue]:
    """Contacts whose rhythm has come round, most overdue first, then by name.

    `last_in_touch` maps contact id to the day of the latest connection. A contact never in
    touch is due from today. Archived contacts and those without a rhythm are never due.
    """
    due: list[ReachOutDue] = []
    for contact in contacts:
        every = contact.reach_out_every_days
        if contact.archived or not every or contact.id is None:
            continue
        last = last_in_touch.get(contact.id)
        if last is None:
            due.append(ReachOutDue(contact, None, 0))
            continue
        overdue = (today - last).days - every
        if overdue >= 0:
            due.append(ReachOutDue(contact, last, overdue))
    due.sort(key=lambda d: (-d.days_overdue, d.contact.name.casefold()))
    return due
