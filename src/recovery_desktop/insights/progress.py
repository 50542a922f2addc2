# SPDX-License-Identifier: GPL-3.0-or-later
"""Sober runs (from core/sobriety.py) and promises kept per goal (from core/trust.py), within a
period. Both reuse the core's own counting, so every screen says the same numbers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

from recovery_desktop.core import sobriety, trust
from recovery_desktop.core.models import GoalKind, Outcome
from recovery_desktop.insights.period import WORDS, DateWords, Period
from recovery_desktop.insights.records import Records
from recovery_desktop.insights.stats import TOO_FEW_FOR_TREND, Trend, trend
from recovery_desktop.insights.tables import Table, period_words
from recovery_desktop.insights.wording import InsightWords, count_days


@dataclass(frozen=True, slots=True)
class RunSpan:
    """The part of one sober run that falls in the period.

    `first`..`last` are the sober days shown (the slip day before a new start is not one);
    `days` is the run's whole length as core/sobriety.py counts it.
    """

    start: date  # the run's start, possibly before the period
    first: date
    last: date
    days: int
    current: bool


@dataclass(frozen=True, slots=True)
class SoberRuns:
    period: Period
    today: date
    spans: tuple[RunSpan, ...]
    new_starts: tuple[date, ...]  # new starts within the period (not the very first start)
    current: int | None
    longest: int
    total: int  # sober days over the whole history

    def summary(self, words: DateWords = WORDS) -> str:
        if self.current is None:
            return InsightWords.tr(
                "No recovery start date has been set, so there are no sober runs to show."
            )
        when = period_words(self.period, self.today, words)
        runs = InsightWords.tr(
            "Your current run is {current}, your longest {longest}, {total} in all.",
            current=count_days(self.current),
            longest=count_days(self.longest),
            total=InsightWords.tr("%n sober day(s)", None, self.total),
        )
        if not self.new_starts:
            starts = InsightWords.tr("No new start {when}.", when=when)
        else:
            starts = InsightWords.tr(
                "{new_starts} {when} ({days}); the days before still count.",
                new_starts=InsightWords.tr("%n new start(s)", None, len(self.new_starts)),
                when=when,
                days=", ".join(words.day(d) for d in self.new_starts),
            )
        return f"{runs} {starts}"

    def table(self, words: DateWords = WORDS) -> Table:
        return Table(
            (
                InsightWords.tr("Run started"),
                InsightWords.tr("First day shown"),
                InsightWords.tr("Last day shown"),
                InsightWords.tr("Days in the run"),
                InsightWords.tr("Now"),
            ),
            tuple(
                (
                    words.day(s.start),
                    words.day(s.first),
                    words.day(s.last),
                    str(s.days),
                    InsightWords.tr("current run") if s.current else "",
                )
                for s in self.spans
            ),
        )


def sober_runs(records: Records) -> SoberRuns:
    period, today = records.period, records.today
    runs = sobriety.runs(records.starts, today)
    spans = []
    for run in runs:
        # An earlier run's `end` is the slip day (the day before the next start): not sober.
        last_sober = today if run.end is None else run.end - timedelta(days=1)
        first, last = max(run.start, period.first), min(last_sober, period.last)
        if first <= last:
            spans.append(RunSpan(run.start, first, last, run.days, run.end is None))
    first_start = min((s.start_date for s in records.starts), default=None)
    new_starts = sorted(
        {s.start_date for s in records.starts if s.start_date in period}
        - ({first_start} if first_start else set())
    )
    return SoberRuns(
        period,
        today,
        tuple(spans),
        tuple(d for d in new_starts if d <= today),
        runs[-1].days if runs else None,
        max((r.days for r in runs), default=0),
        sum(r.days for r in runs),
    )


@dataclass(frozen=True, slots=True)
class GoalTrust:
    """One goal's running trust score (kept / kept + missed) on each day an outcome was noted.

    `points` are the days in the period; `carried_in` is the score as it stood when the period
    began (the same running score, not an estimate), or None when no outcome came before.
    """

    goal_id: int
    title: str
    kind: GoalKind
    person: str
    points: tuple[trust.TrustPoint, ...]
    carried_in: trust.TrustPoint | None
    kept: int  # in the period
    missed: int
    pending: int  # all pending commitments of the goal
    weighted: float | None  # core's recency-weighted score as of the period's last day
    trend: Trend | None


@dataclass(frozen=True, slots=True)
class TrustByGoal:
    period: Period
    today: date
    goals: tuple[GoalTrust, ...]

    def summary(self, words: DateWords = WORDS) -> str:
        when = period_words(self.period, self.today, words)
        active = [g for g in self.goals if g.points]
        if not active:
            return InsightWords.tr("No promise was marked kept or missed {when}.", when=when)
        parts = []
        for g in active:
            latest = g.points[-1]
            parts.append(
                InsightWords.tr(
                    "“{goal}”, {kept} kept and {missed} missed ({kept_in_all} of {marked} kept "
                    "in all, {score})",
                    goal=g.title,
                    kept=g.kept,
                    missed=g.missed,
                    kept_in_all=latest.kept,
                    marked=latest.kept + latest.missed,
                    score=f"{latest.score:.0%}",
                )
            )
        return InsightWords.tr(
            "Promises marked {when}: {goals}.",
            when=when,
            goals="; ".join(parts),
        )

    def table(self, words: DateWords = WORDS) -> Table:
        rows = []
        for g in self.goals:
            if g.carried_in:
                c = g.carried_in
                rows.append(
                    (
                        g.title,
                        InsightWords.tr("before {day}", day=words.day(self.period.first)),
                        str(c.kept),
                        str(c.missed),
                        f"{c.score:.0%}",
                    )
                )
            rows.extend(
                (g.title, words.day(p.day), str(p.kept), str(p.missed), f"{p.score:.0%}")
                for p in g.points
            )
        return Table(
            (
                InsightWords.tr("Goal"),
                InsightWords.tr("Day"),
                InsightWords.tr("Kept so far"),
                InsightWords.tr("Missed so far"),
                InsightWords.tr("Trust score"),
            ),
            tuple(rows),
        )


def trust_by_goal(records: Records, tz: tzinfo | None = None) -> TrustByGoal:
    period = records.period
    goals = []
    for record in records.goals:
        history = trust.trust_over_time(record.commitments, tz)
        before = [p for p in history if p.day < period.first]
        inside = tuple(p for p in history if p.day in period)
        if not history:
            continue
        previous = before[-1] if before else None
        kept = inside[-1].kept - (previous.kept if previous else 0) if inside else 0
        missed = inside[-1].missed - (previous.missed if previous else 0) if inside else 0
        goals.append(
            GoalTrust(
                record.goal.id or 0,
                record.goal.title,
                record.goal.kind,
                record.person,
                inside,
                previous,
                kept,
                missed,
                sum(1 for c in record.commitments if c.outcome is Outcome.PENDING),
                trust.weighted_trust_score(record.commitments, period.last, tz=tz),
                trend([(p.day, p.score) for p in inside]),
            )
        )
    return TrustByGoal(period, records.today, tuple(goals))


def trust_trend_words(goal: GoalTrust) -> str:
    """The trend of a goal's score in words, or that there are too few days for one."""
    if goal.trend is None:
        return InsightWords.tr(TOO_FEW_FOR_TREND)
    trend_words = goal.trend.words(
        level=0.05,
        amount=lambda v: InsightWords.tr("{points} percentage points", points=f"{v * 100:.0f}"),
    )
    return InsightWords.tr("the score {trend}", trend=trend_words)
