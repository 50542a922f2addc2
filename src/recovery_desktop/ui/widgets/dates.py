# SPDX-License-Identifier: GPL-3.0-or-later
"""Dates and times as the person's locale writes them: the one place screens format them.

Qt's locale has a long form ("Wednesday, 25 November 2026") and a short one ("11/25/26" in the
US, "25 11 2026" in the C locale), nothing between. Rows and date fields use a medium form made
from the locale's long one with the month (and weekday) abbreviated: "Wed, Nov 25, 2026" in the
US, "Mi., 25. Nov. 2026" in Germany, "25 Nov 2026" in the C locale. So every screen shows the
same day the same way, in the order the person's locale reads it, with the year in full.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit

# The weekday with what separates it from the rest, at either end of a long date format.
_WEEKDAY = re.compile(r"^\s*dddd[\s,.]*|[\s,.]*dddd\s*$")


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _long_format() -> str:
    return QLocale().dateFormat(QLocale.FormatType.LongFormat)


def _abbreviated(pattern: str) -> str:
    """MMMM -> MMM and dddd -> ddd, leaving quoted literals alone."""
    parts = pattern.split("'")
    for i in range(0, len(parts), 2):  # the even parts are outside quotes
        parts[i] = parts[i].replace("MMMM", "MMM").replace("dddd", "ddd")
    return "'".join(parts)


def date_format(*, weekday: bool = False) -> str:
    """The medium date format of the current locale, for `QDate.toString` or a date field."""
    pattern = _long_format()
    if not weekday:
        pattern = _WEEKDAY.sub("", pattern) or pattern
    return _abbreviated(pattern)


def long_date(day: date) -> str:
    """A day as a person reads it in a sentence: "Wednesday, 25 November 2026"."""
    return QLocale().toString(qdate(day), QLocale.FormatType.LongFormat)


def medium_date(day: date, *, weekday: bool = False) -> str:
    """A day in a row or a field: "25 Nov 2026", with `weekday` "Wed, 25 Nov 2026"."""
    return QLocale().toString(qdate(day), date_format(weekday=weekday))


def short_time(moment: datetime) -> str:
    """A time of day in the locale's way ("14:02", "2:02 PM"), in local time."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


def use_locale_date_time_format(field: QDateTimeEdit) -> None:
    """A date and a time in one field ("25 Nov 2026  14:02"): the medium date and the
    locale's short time."""
    field.setDisplayFormat(
        f"{date_format()}  {QLocale().timeFormat(QLocale.FormatType.ShortFormat)}"
    )


def use_locale_format(field: QDateEdit) -> None:
    """Show a date field's day in the locale's medium format (as rows show it)."""
    field.setDisplayFormat(date_format())
