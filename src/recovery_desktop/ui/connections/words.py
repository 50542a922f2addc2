# SPDX-License-Identifier: GPL-3.0-or-later
"""The words for roles, kinds of group, kinds of connection and dates, in one place, so People,
Today, the Journal and the log dialog say the same thing (DESIGN §5: one visual language).

Every string goes through Qt's translation under the context "ConnectionWords".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from recovery_desktop.core.models import CommunityKind, ConnectionKind, InitiatedBy, Role
from recovery_desktop.ui.widgets.dates import long_date as shared_long_date

if TYPE_CHECKING:
    from recovery_desktop.core.models import Connection


def tr(text: str, n: int = -1) -> str:
    translated = QCoreApplication.translate("ConnectionWords", text, None, n)
    if n >= 0:  # English plural when no translation is loaded (see today.card.plural)
        translated = translated.replace("(s)", "" if n == 1 else "s")
    return translated


def fill(template: str, *values: str) -> str:
    """Put `values` in for %1, %2... in one pass (a name holding "%2" stays as typed). A full
    stop right after a value that ends with one ("Dana R.") is not doubled."""

    def value(match: re.Match[str]) -> str:
        text = values[int(match.group(1)) - 1]
        return text if text.endswith(".") else text + match.group(2)

    return re.sub(r"%(\d)(\.?)", value, template)


def role_text(role: Role) -> str:
    return {
        Role.SPONSOR: tr("sponsor"),
        Role.FAMILY: tr("family"),
        Role.FRIEND: tr("friend"),
        Role.PEER: tr("peer"),
        Role.COUNSELOR: tr("counselor"),
        Role.FACILITATOR: tr("group facilitator"),
        Role.OTHER: tr("other"),
    }[Role(role)]


def community_kind_text(kind: CommunityKind) -> str:
    return {
        CommunityKind.MEETING: tr("meeting"),
        CommunityKind.SUPPORT_GROUP: tr("support group"),
        CommunityKind.ONLINE_FORUM: tr("online forum"),
        CommunityKind.FITNESS: tr("fitness group"),
        CommunityKind.HOBBY: tr("hobby group"),
        CommunityKind.VOLUNTEER: tr("volunteer role"),
        CommunityKind.OTHER: tr("other"),
    }[CommunityKind(kind)]


def kind_text(kind: ConnectionKind) -> str:
    """As in a sentence: "Logged a call with Dana"."""
    return {
        ConnectionKind.CALL: tr("a call"),
        ConnectionKind.TEXT: tr("a text"),
        ConnectionKind.IN_PERSON: tr("in person"),
        ConnectionKind.MEETING: tr("a meeting"),
        ConnectionKind.ONLINE: tr("online"),
        ConnectionKind.SERVICE: tr("service"),
    }[ConnectionKind(kind)]


def kind_label(kind: ConnectionKind) -> str:
    """On a button or at the start of a line: "Call"."""
    return {
        ConnectionKind.CALL: tr("Call"),
        ConnectionKind.TEXT: tr("Text"),
        ConnectionKind.IN_PERSON: tr("In person"),
        ConnectionKind.MEETING: tr("Meeting"),
        ConnectionKind.ONLINE: tr("Online"),
        ConnectionKind.SERVICE: tr("Service"),
    }[ConnectionKind(kind)]


def initiated_text(initiated_by: InitiatedBy) -> str:
    return {
        InitiatedBy.ME: tr("I reached out"),
        InitiatedBy.THEM: tr("they reached out"),
        InitiatedBy.BOTH: tr("we both reached out"),
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
        return tr("not yet")
    days = (today - day).days
    if days <= 0:
        return tr("today")
    if days == 1:
        return tr("yesterday")
    return tr("%n day(s) ago", days)


def last_in_touch_text(day: date | None, today: date) -> str:
    if day is None:
        return tr("not in touch here yet")
    return fill(tr("last in touch %1"), days_ago_text(day, today))


def names_text(names: list[str]) -> str:
    """ "Dana", "Dana and Sam", "Dana, Sam and Maya"."""
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return fill(tr("%1 and %2"), ", ".join(names[:-1]), names[-1])


def connections_summary(records: Sequence[Connection]) -> str:
    """ "a call with Dana and Sam" for what was just logged (here, not in the log dialog, so
    Today names what was logged without loading the dialog before it is opened)."""
    if not records:
        return ""
    names = [r.contact_name or r.community_name for r in records]
    return fill(tr("%1 with %2"), kind_text(records[0].kind), names_text(names))
