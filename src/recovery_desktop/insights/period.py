# SPDX-License-Identifier: GPL-3.0-or-later
"""Periods of local days, the bins that charts group them in, and how dates are put in words.

A period is a closed range of the person's local calendar days. Long periods are grouped by
month rather than by week so that a bar stays wide enough to read; the bin is named in every
title and summary ("per week", "per month"), so nothing is hidden by the choice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from recovery_desktop.insights.wording import InsightWords

# Beyond this many days, weekly bars would be thinner than a few pixels: group by month.
WEEKS_UP_TO_DAYS = 400


class Bin(StrEnum):
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True, slots=True)
class Period:
    """The local days first..last, both included."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError("a period ends on or after its first day")

    @classmethod
    def last_days(cls, days: int, today: date) -> Period:
        """The `days` days ending today (30 means today and the 29 days before)."""
        return cls(today - timedelta(days=days - 1), today)

    @classmethod
    def year_to(cls, today: date) -> Period:
        return cls.last_days(365, today)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def each_day(self) -> Iterator[date]:
        for offset in range(self.days):
            yield self.first + timedelta(days=offset)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last

    def previous(self) -> Period:
        """The period of equal length just before this one (for "the same figure before")."""
        return Period(self.first - timedelta(days=self.days), self.first - timedelta(days=1))

    @property
    def bin(self) -> Bin:
        return Bin.WEEK if self.days <= WEEKS_UP_TO_DAYS else Bin.MONTH

    def bins(self) -> list[date]:
        """The first day of every bin that touches the period (Mondays, or 1sts of months)."""
        starts = []
        current = bin_start(self.first, self.bin)
        while current <= self.last:
            starts.append(current)
            current = next_bin(current, self.bin)
        return starts


def bin_start(day: date, kind: Bin) -> date:
    """The Monday of `day`'s week, or the first of its month."""
    if kind is Bin.WEEK:
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def next_bin(start: date, kind: Bin) -> date:
    if kind is Bin.WEEK:
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def _strip_zero(text: str) -> str:
    return text[1:] if text.startswith("0") else text


@dataclass(frozen=True, slots=True)
class DateWords:
    """How dates read in summaries, tables and chart axes.

    The defaults use the C library's month names (`strftime`), which follow the person's
    language once Qt has set the locale; the page may pass QLocale-based functions instead.
    """

    day: Callable[[date], str] = lambda d: _strip_zero(d.strftime("%d %b %Y"))
    short_day: Callable[[date], str] = lambda d: _strip_zero(d.strftime("%d %b"))
    month: Callable[[date], str] = lambda d: d.strftime("%b %Y")

    def bin(self, start: date, kind: Bin) -> str:
        """A bin's label: "week of 3 Mar 2025" or "Mar 2025"."""
        if kind is Bin.WEEK:
            return InsightWords.tr("week of {day}", day=self.day(start))
        return self.month(start)


def bin_heading(kind: Bin) -> str:
    """The heading of a table's column of bins: "Week" or "Month"."""
    return InsightWords.tr("Week") if kind is Bin.WEEK else InsightWords.tr("Month")


def bin_count(kind: Bin, n: int) -> str:
    """ "1 week", "12 weeks", "66 months"."""
    if kind is Bin.WEEK:
        return InsightWords.tr("%n week(s)", None, n)
    return InsightWords.tr("%n month(s)", None, n)


WORDS = DateWords()
