# SPDX-License-Identifier: GPL-3.0-or-later
"""The numbers behind a chart as a plain table ("Show as table", and the report).

Cells are text, already in words; an empty cell means "not recorded", never zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from recovery_desktop.insights.period import DateWords, Period
from recovery_desktop.insights.wording import InsightWords, mood_label

NOT_RECORDED = ""


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def column(self, name: str) -> list[str]:
        index = self.columns.index(name)
        return [row[index] for row in self.rows]


def number(value: float | None, digits: int = 1) -> str:
    """A figure for a cell: "4", "3.5", or blank when there is none."""
    if value is None:
        return NOT_RECORDED
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.{digits}f}"


def mood_word(value: float | None) -> str:
    """The word of the nearest mood ("good" for 3.6); blank when none."""
    if value is None:
        return NOT_RECORDED
    return mood_label(min(5, max(1, int(value + 0.5))))


def plural(count: int, one: str, many: str | None = None) -> str:
    """Like "1 day" or "3 days", in English only: the report's words (not translated yet).
    Words on screen use a counted phrase instead, as `wording.days`."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _last_days(period: Period, today: date) -> bool:
    return period.last == today and period.days in (7, 30, 90)


def _last_year(period: Period, today: date) -> bool:
    return period.last == today and period.days in (365, 366)


def period_words(period: Period, today: date, words: DateWords) -> str:
    """How a period reads after a verb: "in the last 30 days", "in the last year", "on 3 Mar
    2025", or "from 3 Mar 2025 to 1 Apr 2025"."""
    if _last_days(period, today):
        #: Put in sentences such as "No mood was recorded in the last 30 days."
        return InsightWords.tr("in the last %n days", None, period.days)
    if _last_year(period, today):
        return InsightWords.tr("in the last year")
    if period.first == period.last:
        return InsightWords.tr("on {day}", day=words.day(period.first))
    return InsightWords.tr(
        "from {first} to {last}", first=words.day(period.first), last=words.day(period.last)
    )


def of_days(count: int, period: Period, today: date, words: DateWords) -> str:
    """Like "18 of the last 30 days", "200 of the 365 days of the last year", "5 of the 45 days
    from 3 Mar 2025 to 16 Apr 2025"."""
    if _last_days(period, today):
        #: Put in sentences such as "You checked in on 18 of the last 30 days."
        return InsightWords.tr("{count} of the last %n days", None, period.days, count=count)
    if _last_year(period, today):
        return InsightWords.tr(
            "{count} of the %n days of the last year", None, period.days, count=count
        )
    if period.first == period.last:
        return InsightWords.tr("{count} of 1 day ({day})", count=count, day=words.day(period.first))
    return InsightWords.tr(
        "{count} of the %n days from {first} to {last}",
        None,
        period.days,
        count=count,
        first=words.day(period.first),
        last=words.day(period.last),
    )
