# SPDX-License-Identifier: GPL-3.0-or-later
"""The words for roles, kinds of group, kinds of connection and dates, in one place, so People,
Today, the Journal and the log dialog say the same thing (DESIGN §5: one visual language).

Every string goes through Qt's translation under the context "ConnectionWords" (ui/words.py),
as do the words of People and the log dialog that use them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QTime

from recovery_desktop.core.models import CommunityKind, ConnectionKind, InitiatedBy, Role
from recovery_desktop.ui.widgets.dates import long_date as shared_long_date
from recovery_desktop.ui.words import QtWords

if TYPE_CHECKING:
    from recovery_desktop.core.models import Connection


class ConnectionWords(QtWords):
    """The words of connections, roles and groups, shared by People, Today and the Journal."""


def fill(template: str, *values: str) -> str:
    """Put `values` in for %1, %2... in one pass (a name holding "%2" stays as typed). A full
    stop right after a value that ends with one ("Dana R.") is not doubled."""

    def value(match: re.Match[str]) -> str:
        text = values[int(match.group(1)) - 1]
        return text if text.endswith(".") else text + match.group(2)

    return re.sub(r"%(\d)(\.?)", value, template)


def role_text(role: Role) -> str:
    return {
        Role.SPONSOR: ConnectionWords.tr("sponsor"),
        Role.FAMILY: ConnectionWords.tr("family"),
        Role.FRIEND: ConnectionWords.tr("friend"),
        Role.PEER: ConnectionWords.tr("peer"),
        Role.COUNSELOR: ConnectionWords.tr("counselor"),
        Role.FACILITATOR: ConnectionWords.tr("group facilitator"),
        Role.OTHER: ConnectionWords.tr("other"),
    }[Role(role)]


def community_kind_text(kind: CommunityKind) -> str:
    return {
        CommunityKind.MEETING: ConnectionWords.tr("meeting"),
        CommunityKind.SUPPORT_GROUP: ConnectionWords.tr("support group"),
        CommunityKind.ONLINE_FORUM: ConnectionWords.tr("online forum"),
        CommunityKind.FITNESS: ConnectionWords.tr("fitness group"),
        CommunityKind.HOBBY: ConnectionWords.tr("hobby group"),
        CommunityKind.VOLUNTEER: ConnectionWords.tr("volunteer role"),
        CommunityKind.OTHER: ConnectionWords.tr("other"),
    }[CommunityKind(kind)]


def kind_text(kind: ConnectionKind) -> str:
    """As in a sentence: "Logged a call with Dana"."""
    return {
        ConnectionKind.CALL: ConnectionWords.tr("a call"),
        ConnectionKind.TEXT: ConnectionWords.tr("a text"),
        ConnectionKind.IN_PERSON: ConnectionWords.tr("in person"),
        ConnectionKind.MEETING: ConnectionWords.tr("a meeting"),
        ConnectionKind.ONLINE: ConnectionWords.tr("online"),
        ConnectionKind.SERVICE: ConnectionWords.tr("service"),
    }[ConnectionKind(kind)]


def kind_label(kind: ConnectionKind) -> str:
    """On a button or at the start of a line: "Call"."""
    return {
        ConnectionKind.CALL: ConnectionWords.tr("Call"),
        ConnectionKind.TEXT: ConnectionWords.tr("Text"),
        ConnectionKind.IN_PERSON: ConnectionWords.tr("In person"),
        ConnectionKind.MEETING: ConnectionWords.tr("Meeting"),
        ConnectionKind.ONLINE: ConnectionWords.tr("Online"),
        ConnectionKind.SERVICE: ConnectionWords.tr("Service"),
    }[ConnectionKind(kind)]


def initiated_text(initiated_by: InitiatedBy) -> str:
    return {
        InitiatedBy.ME: ConnectionWords.tr("I reached out"),
        InitiatedBy.THEM: ConnectionWords.tr("they reached out"),
        InitiatedBy.BOTH: ConnectionWords.tr("we both reached out"),
    }[InitiatedBy(initiated_by)]


def short_date(day: date) -> str:
    """A day in the locale's short words with the weekday: "Tue 3 May 2026" in English."""
    qdate = QDate(day.year, day.month, day.day)
    return QLocale().toString(qdate, "ddd d MMM yyyy")


def long_date(day: date) -> str:
    return shared_long_date(day)


def time_text(moment: datetime) -> str:
    local = moment.astimezone()
    return QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


def days_ago_text(day: date | None, today: date) -> str:
    """ "today", "yesterday", "3 days ago", or "not yet" for never."""
    if day is None:
        return ConnectionWords.tr("not yet")
    days = (today - day).days
    if days <= 0:
        return ConnectionWords.tr("today")
    if days == 1:
        return ConnectionWords.tr("yesterday")
    return ConnectionWords.tr("%n day(s) ago", None, days)


def last_in_touch_text(day: date | None, today: date) -> str:
    if day is None:
        return ConnectionWords.tr("not in touch here yet")
    return fill(ConnectionWords.tr("last in touch %1"), days_ago_text(day, today))


def names_text(names: list[str]) -> str:
    """ "Dana", "Dana and Sam", "Dana, Sam and Maya"."""
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return fill(ConnectionWords.tr("%1 and %2"), ", ".join(names[:-1]), names[-1])


def connections_summary(records: Sequence[Connection]) -> str:
    """ "a call with Dana and Sam" for what was just logged (here, not in the log dialog, so
    Today names what was logged without loading the dialog before it is opened)."""
    if not records:
        return ""
    names = [r.contact_name or r.community_name for r in records]
    return fill(ConnectionWords.tr("%1 with %2"), kind_text(records[0].kind), names_text(names))
