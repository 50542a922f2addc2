# SPDX-License-Identifier: GPL-3.0-or-later
"""Who is due a reach-out: contacts with a rhythm ("every N days") not met lately.

Everything counts in the person's local calendar days: a connection counts for the local day
it happened on (`local_day`, kept in the vault as `occurred_on`), and a reach-out falls due
`every` days after that day, whatever the clock or the time zone says now. A snooze holds a
reminder back until a local day.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from recovery_desktop.core.models import Contact


@dataclass(frozen=True, slots=True)
class ReachOutDue:
    contact: Contact
    last_in_touch: date | None
    days_overdue: int  # 0 on the day it falls due


def local_day(moment: datetime, tz: tzinfo | None = None) -> date:
    """The calendar day of a moment in the zone `tz` (None: the computer's own zone). A naive
    moment is taken as local already."""
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(tz).date()


def reach_out_due_on(contact: Contact, last_in_touch: date | None, today: date) -> date | None:
    """The local day this contact's reach-out falls (or fell) due, snooze included; None when
    it never does (no rhythm, archived). Never in touch: due from today."""
    every = contact.reach_out_every_days
    if contact.archived or not every:
        return None
    due = today if last_in_touch is None else last_in_touch + timedelta(days=every)
    if contact.snoozed_until is not None and contact.snoozed_until > due:
        due = contact.snoozed_until
    return due


def reach_outs_due(
    contacts: Iterable[Contact],
    last_in_touch: Mapping[int, date],
    today: date,
) -> list[ReachOutDue]:
    """Contacts whose rhythm has come round, most overdue first, then by name.

    `last_in_touch` maps contact id to the day of the latest connection. A contact never in
    touch is due from today. Archived contacts and those without a rhythm are never due, and a
    snoozed one not before its `snoozed_until` day. `days_overdue` counts from the rhythm's
    day, so a snooze does not hide how long it has been.
    """
    due: list[ReachOutDue] = []
    for contact in contacts:
        if contact.id is None:
            continue
        last = last_in_touch.get(contact.id)
        due_on = reach_out_due_on(contact, last, today)
        if due_on is None or due_on > today:
            continue
        every = contact.reach_out_every_days or 0
        overdue = 0 if last is None else (today - last).days - every
        due.append(ReachOutDue(contact, last, max(0, overdue)))
    due.sort(key=lambda d: (-d.days_overdue, d.contact.name.casefold()))
    return due
