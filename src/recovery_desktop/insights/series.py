# SPDX-License-Identifier: GPL-3.0-or-later
"""Day-by-day series: mood, craving, and the days journaled and checked in.

A day's mood is the mean of the moods recorded that day (its check-in and any entries); a day's
craving is the highest craving recorded that day, since a craving is a peak and the report
counts "days with craving 7 or more". Days with nothing recorded have no point at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from recovery_desktop.insights.period import WORDS, DateWords, Period
from recovery_desktop.insights.records import Records
from recovery_desktop.insights.stats import (
    Mean,
    RollingPoint,
    Trend,
    rolling_mean,
    too_few_for_trend,
    trend,
)
from recovery_desktop.insights.tables import (
    NOT_RECORDED,
    Table,
    mood_word,
    number,
    of_days,
    period_words,
)
from recovery_desktop.insights.wording import InsightWords, count_days

HIGH_CRAVING = 7  # REPORT.md: "days with craving 7 or more"


@dataclass(frozen=True, slots=True)
class DayPoint:
    day: date
    value: float
    n: int  # how many values were recorded that day


def _rolling_by_day(rolling: Sequence[RollingPoint], period: Period) -> dict[date, RollingPoint]:
    return {p.day: p for p in rolling if p.day in period}


@dataclass(frozen=True, slots=True)
class MoodSeries:
    """Daily mood (1..5) and its 7-day mean over days with data."""

    period: Period
    today: date
    points: tuple[DayPoint, ...]  # only days with a mood, in the period
    rolling: tuple[RollingPoint, ...]  # only days with a mood and enough days around
    mean: Mean  # over days, n = days with a mood
    trend: Trend | None

    @property
    def days_without(self) -> int:
        return self.period.days - len(self.points)

    def summary(self, words: DateWords = WORDS) -> str:
        when = period_words(self.period, self.today, words)
        if not self.points:
            return InsightWords.tr("No mood was recorded {when}.", when=when)
        return InsightWords.tr(
            "Mood was recorded on {days}, averaging {mean} on a scale from 1 (awful) to 5 "
            "(great); it {trend}.",
            days=of_days(len(self.points), self.period, self.today, words),
            mean=self.mean.words(),
            trend=self.trend.words() if self.trend else too_few_for_trend(),
        )

    def table(self, words: DateWords = WORDS) -> Table:
        points = {p.day: p for p in self.points}
        rolling = _rolling_by_day(self.rolling, self.period)
        rows = []
        for day in self.period.each_day():
            point = points.get(day)
            mean = rolling.get(day)
            rows.append(
                (
                    words.day(day),
                    number(point.value if point else None),
                    mood_word(point.value if point else None),
                    str(point.n) if point else NOT_RECORDED,
                    number(mean.value if mean else None, 2),
                    str(mean.n) if mean else NOT_RECORDED,
                )
            )
        return Table(
            (
                InsightWords.tr("Day"),
                InsightWords.tr("Mood (1-5)"),
                InsightWords.tr("In words"),
                InsightWords.tr("Moods recorded"),
                InsightWords.tr("7-day mean"),
                InsightWords.tr("Days in the mean"),
            ),
            tuple(rows),
        )


@dataclass(frozen=True, slots=True)
class CravingSeries:
    """The highest craving of each day (0..10), its 7-day mean, and the days with a meeting."""

    period: Period
    today: date
    points: tuple[DayPoint, ...]
    rolling: tuple[RollingPoint, ...]
    meeting_days: tuple[date, ...]
    mean: Mean
    trend: Trend | None

    @property
    def high_days(self) -> int:
        return sum(1 for p in self.points if p.value >= HIGH_CRAVING)

    def summary(self, words: DateWords = WORDS) -> str:
        when = period_words(self.period, self.today, words)
        meetings = InsightWords.tr(
            "You went to a meeting on {days}.", days=count_days(len(self.meeting_days))
        )
        if not self.points:
            return InsightWords.tr(
                "No craving was recorded {when}. {meetings}", when=when, meetings=meetings
            )
        return InsightWords.tr(
            "A craving was noted on {days}; the day's highest averaged {mean} on a scale from 0 "
            "to 10, and {high_days} reached {high} or more. {meetings} Cravings {trend}.",
            days=of_days(len(self.points), self.period, self.today, words),
            mean=self.mean.words(),
            high_days=count_days(self.high_days),
            high=HIGH_CRAVING,
            meetings=meetings,
            trend=self.trend.words() if self.trend else too_few_for_trend(),
        )

    def table(self, words: DateWords = WORDS) -> Table:
        points = {p.day: p for p in self.points}
        rolling = _rolling_by_day(self.rolling, self.period)
        meetings = set(self.meeting_days)
        rows = []
        for day in self.period.each_day():
            point = points.get(day)
            mean = rolling.get(day)
            rows.append(
                (
                    words.day(day),
                    number(point.value if point else None),
                    number(mean.value if mean else None, 2),
                    str(mean.n) if mean else NOT_RECORDED,
                    InsightWords.tr("meeting") if day in meetings else NOT_RECORDED,
                )
            )
        return Table(
            (
                InsightWords.tr("Day"),
                InsightWords.tr("Highest craving (0-10)"),
                InsightWords.tr("7-day mean"),
                InsightWords.tr("Days in the mean"),
                InsightWords.tr("Meeting"),
            ),
            tuple(rows),
        )


def _daily(records: Records, value_of) -> tuple[list[DayPoint], list[RollingPoint]]:
    everything = []
    for record in records.days:
        value, n = value_of(record)
        if n:
            everything.append(DayPoint(record.day, float(value), n))
    rolling = rolling_mean([(p.day, p.value) for p in everything])
    first = records.period.first  # every record ends within the period; some start before it
    return [p for p in everything if p.day >= first], [r for r in rolling if r.day >= first]


def mood_series(records: Records) -> MoodSeries:
    points, rolling = _daily(records, lambda r: (r.mood, r.mood_n))
    pairs = [(p.day, p.value) for p in points]
    return MoodSeries(
        records.period,
        records.today,
        tuple(points),
        tuple(rolling),
        Mean.of([v for _, v in pairs]),
        trend(pairs),
    )


def meeting_days(records: Records) -> list[date]:
    """Days in the period with at least one meeting logged."""
    return [c.day for c in records.connections if c.meetings]


def craving_series(records: Records) -> CravingSeries:
    points, rolling = _daily(records, lambda r: (r.craving_max, r.craving_n))
    pairs = [(p.day, p.value) for p in points]
    return CravingSeries(
        records.period,
        records.today,
        tuple(points),
        tuple(rolling),
        tuple(meeting_days(records)),
        Mean.of([v for _, v in pairs]),
        trend(pairs),
    )


@dataclass(frozen=True, slots=True)
class Habits:
    """How many days of the period have a check-in, a journal entry, or anything at all."""

    period: Period
    today: date
    checked_in: int
    journaled: int
    any_record: int
    days: int

    def summary(self, words: DateWords = WORDS) -> str:
        return InsightWords.tr(
            "You checked in on {checked_in} and wrote in your journal on {journaled}.",
            checked_in=of_days(self.checked_in, self.period, self.today, words),
            journaled=count_days(self.journaled),
        )

    def table(self, words: DateWords = WORDS) -> Table:
        return Table(
            (InsightWords.tr("What"), InsightWords.tr("Days"), InsightWords.tr("Out of")),
            (
                (InsightWords.tr("Checked in"), str(self.checked_in), str(self.days)),
                (InsightWords.tr("Wrote in the journal"), str(self.journaled), str(self.days)),
                (InsightWords.tr("Recorded anything"), str(self.any_record), str(self.days)),
            ),
        )


def habits(records: Records) -> Habits:
    days = [d for d in records.days if d.day >= records.period.first]
    return Habits(
        records.period,
        records.today,
        sum(1 for d in days if d.checked_in),
        sum(1 for d in days if d.journaled),
        len(days),
        records.period.days,
    )
