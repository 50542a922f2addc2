# SPDX-License-Identifier: GPL-3.0-or-later
"""The report's "Day by day" rows: one per day up to 92 days, one per week (or per month, past
400 days) beyond, from the same day records the insights read. No Qt.

A day with nothing recorded is a row of blanks, never zeros; a week's means carry their n and
its lowest and highest day, so a smooth mean never hides a hard day (REPORT.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from recovery_desktop.insights.period import Bin, Period, bin_start, next_bin
from recovery_desktop.insights.series import HIGH_CRAVING
from recovery_desktop.insights.stats import Mean
from recovery_desktop.storage.aggregates import DayConnections, DayRecord

DAY_ROWS_UP_TO = 92  # REPORT.md: "Over 92 days, show one row per week"
WEEK_ROWS_UP_TO = 400  # beyond this, a row per month (as the charts bin them)


def row_bin(period: Period) -> Bin | None:
    """None for one row per day; otherwise the span of each row."""
    if period.days <= DAY_ROWS_UP_TO:
        return None
    return Bin.WEEK if period.days <= WEEK_ROWS_UP_TO else Bin.MONTH


@dataclass(frozen=True, slots=True)
class DayRow:
    """One day as recorded; None (or 0 connections) means nothing was noted, shown blank."""

    day: date
    mood: float | None  # the mean of the day's moods (usually just the check-in's)
    craving: int | None  # the day's highest craving
    sober: bool | None  # as answered that day: False if any answer was no
    checked_in: bool
    connections: int
    meetings: int
    shared_entries: int

    @property
    def recorded(self) -> bool:
        return (
            self.mood is not None
            or self.craving is not None
            or self.sober is not None
            or self.checked_in
            or bool(self.connections)
            or bool(self.shared_entries)
        )


@dataclass(frozen=True, slots=True)
class SpanRow:
    """A week (or month) of days within the period: means with n, lowest and highest."""

    first: date  # the first day of the span that lies in the period
    last: date
    kind: Bin
    days: int  # days of the span in the period
    checked_in: int
    mood: Mean
    mood_low: float | None
    mood_high: float | None
    craving: Mean  # of each day's highest craving
    craving_low: int | None
    craving_high: int | None
    high_craving_days: int
    sober_yes: int  # days answered "sober today: yes"
    sober_answered: int
    connections: int
    meetings: int
    shared_entries: int


def day_rows(
    period: Period,
    days: Iterable[DayRecord],
    connections: Iterable[DayConnections],
    shared_days: Sequence[date],
) -> list[DayRow]:
    """One row for every day of the period, oldest first."""
    by_day = {d.day: d for d in days if d.day in period}
    met = {c.day: c for c in connections if c.day in period}
    shared: dict[date, int] = {}
    for day in shared_days:
        shared[day] = shared.get(day, 0) + 1
    rows = []
    for day in period.each_day():
        record = by_day.get(day)
        tally = met.get(day)
        rows.append(
            DayRow(
                day=day,
                mood=record.mood if record else None,
                craving=record.craving_max if record and record.craving_n else None,
                sober=record.sober if record else None,
                checked_in=bool(record and record.checked_in),
                connections=tally.count if tally else 0,
                meetings=tally.meetings if tally else 0,
                shared_entries=shared.get(day, 0),
            )
        )
    return rows


def span_rows(period: Period, rows: Sequence[DayRow], kind: Bin) -> list[SpanRow]:
    """Group day rows into weeks (Monday first) or months, clipped to the period."""
    groups: dict[date, list[DayRow]] = {}
    for row in rows:
        groups.setdefault(bin_start(row.day, kind), []).append(row)
    result = []
    for start in sorted(groups):
        members = groups[start]
        moods = [r.mood for r in members if r.mood is not None]
        cravings = [r.craving for r in members if r.craving is not None]
        answered = [r.sober for r in members if r.sober is not None]
        last = min(next_bin(start, kind) - timedelta(days=1), period.last)
        result.append(
            SpanRow(
                first=max(start, period.first),
                last=last,
                kind=kind,
                days=len(members),
                checked_in=sum(1 for r in members if r.checked_in),
                mood=Mean.of(moods),
                mood_low=min(moods, default=None),
                mood_high=max(moods, default=None),
                craving=Mean.of(cravings),
                craving_low=min(cravings, default=None),
                craving_high=max(cravings, default=None),
                high_craving_days=sum(1 for c in cravings if c >= HIGH_CRAVING),
                sober_yes=sum(1 for s in answered if s),
                sober_answered=len(answered),
                connections=sum(r.connections for r in members),
                meetings=sum(r.meetings for r in members),
                shared_entries=sum(r.shared_entries for r in members),
            )
        )
    return result
