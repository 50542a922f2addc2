# SPDX-License-Identifier: GPL-3.0-or-later
"""Sober runs and milestones, derived from the list of recovery starts.

A recovery start is the first sober day of a run. A later start ("a new start") ends the run
before it; we take the day before a new start as the day of the slip, so a run that began on
d1 and was followed by a start on d2 counted `d2 - d1 - 1` sober days. Runs are counted in
completed days: on its first day a run is at 0, the next morning at 1. Nothing is ever erased:
the longest run and total sober days keep every earlier run.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from recovery_desktop.core.models import RecoveryStart


@dataclass(frozen=True, slots=True)
class Run:
    start: date
    end: date | None  # the last sober day of an earlier run; None for the current run
    days: int


def runs(starts: Sequence[RecoveryStart] | Sequence[date], today: date) -> list[Run]:
    """Every sober run in date order, the current (open) one last. Starts after today are ignored."""
    days_sorted = sorted({s.start_date if isinstance(s, RecoveryStart) else s for s in starts})
    days_sorted = [d for d in days_sorted if d <= today]
    result: list[Run] = []
    for i, start in enumerate(days_sorted):
        if i + 1 < len(days_sorted):
            next_start = days_sorted[i + 1]
            length = max(0, (next_start - start).days - 1)
            result.append(Run(start, next_start - timedelta(days=1), length))
        else:
            result.append(Run(start, None, (today - start).days))
    return result


def current_run(starts: Sequence[RecoveryStart] | Sequence[date], today: date) -> int | None:
    """Days in the current run, or None when no start has been recorded."""
    all_runs = runs(starts, today)
    return all_runs[-1].days if all_runs else None


def longest_run(starts: Sequence[RecoveryStart] | Sequence[date], today: date) -> int:
    return max((r.days for r in runs(starts, today)), default=0)


def total_sober_days(starts: Sequence[RecoveryStart] | Sequence[date], today: date) -> int:
    return sum(r.days for r in runs(starts, today))


@dataclass(frozen=True, slots=True)
class Milestone:
    label: str  # "1 day", "6 months", "2 years"
    reached_on: date


def add_months(day: date, months: int) -> date:
    """Same day `months` later; the 31st becomes the month's last day where needed."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def milestones(start: date) -> Iterator[Milestone]:
    """1, 7, 30, 60, 90 days, 6 months, 1 year, then every year, counted from `start`."""
    for n, label in (
        (1, "1 day"),
        (7, "7 days"),
        (30, "30 days"),
        (60, "60 days"),
        (90, "90 days"),
    ):
        yield Milestone(label, start + timedelta(days=n))
    yield Milestone("6 months", add_months(start, 6))
    years = 1
    while start.year + years <= 9999:
        yield Milestone("1 year" if years == 1 else f"{years} years", add_months(start, 12 * years))
        years += 1


def next_milestone(start: date, today: date) -> Milestone | None:
    """The first milestone not yet reached (reached means today is on or after its day)."""
    for milestone in milestones(start):
        if milestone.reached_on > today:
            return milestone
    return None


def last_milestone(start: date, today: date) -> Milestone | None:
    """The most recent milestone reached, if any."""
    reached = None
    for milestone in milestones(start):
        if milestone.reached_on > today:
            break
        reached = milestone
    return reached


def new_start_day(today: date) -> date:
    """The day a new start recorded today is dated: tomorrow. Today, the day of the slip, is
    the day before the start, so the run that ends keeps every sober day it had."""
    return today + timedelta(days=1)


def planned_start(starts: Sequence[RecoveryStart] | Sequence[date], today: date) -> date | None:
    """The earliest start recorded for a day after today (a new start dated tomorrow), if any:
    Today says kindly that the count begins again then."""
    later = [s.start_date if isinstance(s, RecoveryStart) else s for s in starts]
    later = [d for d in later if d > today]
    return min(later) if later else None
