# SPDX-License-Identifier: GPL-3.0-or-later
"""Dates in the person's locale for the insights' sentences, tables and chart axes.

Qt's locale has a long date ("Wednesday, 25 November 2026") and a short one ("11/25/26"),
nothing between; the charts want "25 Nov 2026", "25 Nov" and "Nov 2026" in the locale's order.
So the medium form is the locale's long format with the weekday dropped and the month
abbreviated ("Nov 25, 2026" in the US, "25. Nov. 2026" in Germany), and the short day is that
without the year. The functions make a fresh `QLocale()` on each call, so workers may call
them (a QLocale is reentrant, not shared).
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QLocale

from recovery_desktop.insights import DateWords
from recovery_desktop.ui.widgets.dates import date_format

_WEEKDAY = re.compile(r"^\s*dddd[\s,.]*|[\s,.]*dddd\s*$")
_YEAR = re.compile(r"^\s*y+[^dMy']*|[^dMy']*y+[^dMy']*$")


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _outside_quotes(pattern: str, change) -> str:
    parts = pattern.split("'")
    for i in range(0, len(parts), 2):  # the even parts are outside quoted literals
        parts[i] = change(parts[i])
    return "'".join(parts)


def medium_format() -> str:
    """The locale's medium date format (the app's one, `ui/widgets/dates.py`)."""
    return date_format()


def short_day_format() -> str:
    """The medium format without its year, for axis labels: "25 Nov", "Nov 25"."""
    medium = medium_format()
    without = _YEAR.sub("", medium)
    return without if "d" in without and "M" in without else "d MMM"


def medium_day(day: date) -> str:
    return QLocale().toString(qdate(day), medium_format())


def short_day(day: date) -> str:
    return QLocale().toString(qdate(day), short_day_format())


def month(day: date) -> str:
    locale = QLocale()
    return f"{locale.monthName(day.month, QLocale.FormatType.ShortFormat)} {day.year}"


def locale_words() -> DateWords:
    """`DateWords` in the current locale, for `insights` and `charts`."""
    return DateWords(day=medium_day, short_day=short_day, month=month)
