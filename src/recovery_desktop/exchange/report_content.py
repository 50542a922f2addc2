# SPDX-License-Identifier: GPL-3.0-or-later
"""What the counselor report says: every figure, row and text, read from the vault. No Qt.

REPORT.md (beside DESIGN.md) describes the pages and the honesty rules. This module decides the
content; `report_html` words it and `report_pdf` lays it out. Everything that leaves the vault
here is chosen by these rules:

- figures, rows and charts count every entry except private ones (`include_private=False`);
- the only entry text shown is that of entries marked "shared" (never private or normal ones),
  newest last, at most `MAX_SHARED_ENTRIES` (the rest are counted, never dropped silently);
- a figure without data says so (n = 0), and never becomes a zero;
- the safety plan only when the person ticks it.

`read_report` runs on the thread that owns `sources` (a `Vault`, or `report_sources_on(conn)` on
a worker's own connection). The result is frozen and holds no connection.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo
from enum import StrEnum
from typing import Protocol

from recovery_desktop.core import sobriety, trust
from recovery_desktop.core.models import (
    Commitment,
    Entry,
    GoalKind,
    GoalStatus,
    Outcome,
    SafetyPlan,
)
from recovery_desktop.core.words import Words
from recovery_desktop.exchange.report_rows import DayRow, SpanRow, day_rows, row_bin, span_rows
from recovery_desktop.insights import Insights, Mean, Period
from recovery_desktop.insights.helps import WhatHelps
from recovery_desktop.insights.progress import GoalTrust, trust_trend_words
from recovery_desktop.insights.records import Records, RepositorySet, Sources, read_records
from recovery_desktop.insights.stats import TOO_FEW_FOR_TREND
from recovery_desktop.insights.wording import InsightWords
from recovery_desktop.storage.aggregates import AggregateRepository
from recovery_desktop.storage.connection import Connection
from recovery_desktop.storage.entries import EntryRepository
from recovery_desktop.storage.goals import GoalRepository
from recovery_desktop.storage.people import ContactRepository
from recovery_desktop.storage.recovery import RecoveryStartRepository
from recovery_desktop.storage.safety_plan import SafetyPlanRepository

MAX_SHARED_ENTRIES = 12  # a clinician reads the report in minutes; the rest are counted
MAX_COMMITMENTS_PER_GOAL = 12
TALK_ABOUT_LIMIT = 1000  # characters: the agenda and the figures share page 1
NAME_LIMIT = 60
LONGEST_PERIOD_DAYS = 3660  # ten years


class ReportWords(Words):
    """The counselor report's own words: its headings, labels, notes and figures, and what it
    says when it cannot be made (core/words.py). Here, in the report's first module, so that
    the UI's report options reach them without loading the charts; `report_words` words the
    figures with them."""


class ReportError(Exception):
    """The report cannot be made as asked; `str(error)` is a plain sentence for the person."""


class Section(StrEnum):
    """The parts the person may leave out. "At a glance" and "How to read" are always in."""

    DAYS = "days"
    CHARTS = "charts"
    GOALS = "goals"
    HELPS = "helps"
    ENTRIES = "entries"
    SAFETY_PLAN = "safety-plan"  # only when ticked


DEFAULT_SECTIONS = frozenset(
    {Section.DAYS, Section.CHARTS, Section.GOALS, Section.HELPS, Section.ENTRIES}
)


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"


@dataclass(frozen=True, slots=True)
class ReportOptions:
    period: Period
    sections: frozenset[Section] = DEFAULT_SECTIONS
    talk_about: str = ""  # "What I'd like to talk about": the person's agenda
    name: str = ""  # optional name or initials; nothing else identifies the person
    paper: Paper = Paper.A4

    def __post_init__(self) -> None:
        if len(self.talk_about) > TALK_ABOUT_LIMIT:
            raise ReportError(
                ReportWords.tr(
                    "“What I'd like to talk about” holds up to {limit} characters, so it fits "
                    "on the first page. Please shorten it a little.",
                    limit=TALK_ABOUT_LIMIT,
                )
            )
        if len(self.name) > NAME_LIMIT:
            raise ReportError(
                ReportWords.tr(
                    "The name or initials hold up to {limit} characters.", limit=NAME_LIMIT
                )
            )

    def has(self, section: Section) -> bool:
        return section in self.sections


def check_period(period: Period, today: date) -> None:
    """A report covers days that have happened, at most ten years of them."""
    if period.last > today:
        raise ReportError(
            ReportWords.tr(
                "The report can cover days up to today. Choose an end date of today or earlier."
            )
        )
    if period.days > LONGEST_PERIOD_DAYS:
        raise ReportError(
            ReportWords.tr("A report covers at most ten years. Choose a shorter period.")
        )


class ReportSources(Sources, Protocol):
    """What the report reads; a `Vault` is one."""

    entries: EntryRepository
    safety_plan: SafetyPlanRepository


@dataclass(frozen=True, slots=True)
class ReportRepositories(RepositorySet):
    entries: EntryRepository
    safety_plan: SafetyPlanRepository


def report_sources_on(conn: Connection) -> ReportRepositories:
    """`ReportSources` on a connection of the caller's own (for a worker thread)."""
    return ReportRepositories(
        AggregateRepository(conn),
        GoalRepository(conn),
        ContactRepository(conn),
        RecoveryStartRepository(conn),
        EntryRepository(conn),
        SafetyPlanRepository(conn),
    )


# --- key figures ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Figures:
    """The key figures of one period, each traceable to the vault (a test recomputes them)."""

    period: Period
    checked_in: int  # days with a check-in
    mood: Mean  # mean of each day's mood, n = days with a mood
    craving_days: int  # days with a craving noted
    high_craving_days: int  # days whose highest craving was 7 or more
    sober_days: int | None  # days of the period inside a sober run; None: no start date yet
    run_at_end: int | None  # the run's length on the period's last day, in completed days
    new_starts: tuple[date, ...]
    connections: int
    people: int  # different contacts connected with
    groups: int  # different groups and meetings
    meetings: int
    service: int


def figures_of(insights: Insights, records: Records) -> Figures:
    period = insights.period
    run_at_end = sobriety.current_run(records.starts, period.last)
    sober_days = None
    if run_at_end is not None:
        sober_days = sum((s.last - s.first).days + 1 for s in insights.runs.spans)
    return Figures(
        period=insights.period,
        checked_in=insights.habits.checked_in,
        mood=insights.mood.mean,
        craving_days=len(insights.cravings.points),
        high_craving_days=insights.cravings.high_days,
        sober_days=sober_days,
        run_at_end=run_at_end,
        new_starts=insights.runs.new_starts,
        connections=insights.connections.total,
        people=sum(1 for p in records.people if p.contact_id is not None),
        groups=sum(1 for p in records.people if p.community_id is not None),
        meetings=insights.meetings.meetings,
        service=insights.meetings.service,
    )


# --- goals and commitments --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CommitmentRow:
    promise: str
    to_whom: str
    due: date | None
    outcome: Outcome
    noted_on: date | None  # the local day the outcome was noted


@dataclass(frozen=True, slots=True)
class GoalPart:
    title: str
    kind: GoalKind
    person: str  # whom the goal concerns, or ""
    status: GoalStatus
    kept: int  # outcomes noted up to the period's last day
    missed: int
    score: float | None  # kept / (kept + missed), as of the period's last day
    recent: float | None  # the recency-weighted score (core/trust.py) on that day
    kept_in_period: int
    missed_in_period: int
    pending: int  # still open now
    trend: str  # the score's trend in the period, in words
    commitments: tuple[CommitmentRow, ...]  # of the period, newest last
    earlier: int  # commitments of the period not listed (older ones), counted here


def _noted_on(commitment: Commitment, tz: tzinfo | None) -> date | None:
    noted = commitment.noted_at
    if noted is None or commitment.outcome is Outcome.PENDING:
        return None
    return (noted.astimezone(tz) if noted.tzinfo is not None else noted).date()


def _belongs(row: CommitmentRow, period: Period) -> bool:
    """Due, or answered, in the period; or still open by its end."""
    if row.due in period or row.noted_on in period:
        return True
    return row.outcome is Outcome.PENDING and (row.due is None or row.due <= period.last)


def goal_parts(records: Records, insights: Insights, tz: tzinfo | None = None) -> list[GoalPart]:
    """Active and paused goals, and any other goal with a commitment in the period."""
    period = records.period
    trends: dict[int, GoalTrust] = {g.goal_id: g for g in insights.trust.goals}
    parts = []
    for record in records.goals:
        goal = record.goal
        rows = [
            CommitmentRow(c.promise, c.contact_name, c.due_date, c.outcome, _noted_on(c, tz))
            for c in record.commitments
        ]
        mine = [r for r in rows if _belongs(r, period)]
        if goal.status not in (GoalStatus.ACTIVE, GoalStatus.PAUSED) and not mine:
            continue
        mine.sort(key=lambda r: (r.due or r.noted_on or period.last, r.promise))
        history = [p for p in trust.trust_over_time(record.commitments, tz) if p.day <= period.last]
        at_end = history[-1] if history else None
        in_period = trends.get(goal.id or 0)
        shown = mine[-MAX_COMMITMENTS_PER_GOAL:]
        parts.append(
            GoalPart(
                title=goal.title,
                kind=goal.kind,
                person=record.person or goal.contact_name,
                status=goal.status,
                kept=at_end.kept if at_end else 0,
                missed=at_end.missed if at_end else 0,
                score=at_end.score if at_end else None,
                recent=trust.weighted_trust_score(record.commitments, period.last, tz=tz),
                kept_in_period=in_period.kept if in_period else 0,
                missed_in_period=in_period.missed if in_period else 0,
                pending=sum(1 for c in record.commitments if c.outcome is Outcome.PENDING),
                trend=(
                    trust_trend_words(in_period)
                    if in_period
                    else InsightWords.tr(TOO_FEW_FOR_TREND)
                ),
                commitments=tuple(shown),
                earlier=len(mine) - len(shown),
            )
        )
    return parts


# --- shared entries ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SharedEntry:
    day: date
    title: str
    body: str  # Markdown, rendered simply
    mood: int | None
    craving: int | None
    is_checkin: bool
    gratitude: str
    intention: str
    evening_review: str


def _shared(entry: Entry) -> SharedEntry:
    return SharedEntry(
        entry.entry_date,
        entry.title,
        entry.body,
        entry.mood,
        entry.craving,
        entry.is_checkin,
        entry.gratitude,
        entry.intention,
        entry.evening_review,
    )


# --- the whole report -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReportContent:
    options: ReportOptions
    shared_on: date  # the day the report was made ("Shared by the client on ...")
    figures: Figures
    previous: Figures  # the period of equal length just before
    insights: Insights  # for the charts and the trend lines
    days: tuple[DayRow, ...]  # every day of the period
    spans: tuple[SpanRow, ...]  # weeks or months, when the period is longer than 92 days
    goals: tuple[GoalPart, ...]
    helps: WhatHelps
    entries: tuple[SharedEntry, ...]  # newest last
    entries_left_out: int  # shared entries of the period not shown (the oldest)
    safety_plan: SafetyPlan | None

    @property
    def period(self) -> Period:
        return self.options.period

    @property
    def shared_entries(self) -> int:
        return len(self.entries) + self.entries_left_out


def read_report(
    sources: ReportSources,
    options: ReportOptions,
    today: date | None = None,
    *,
    tz: tzinfo | None = None,
) -> ReportContent:
    """Read and compute everything the report shows for `options.period`.

    Figures are as of the period's last day (a past period shows its run as it was then);
    the words of the charts' summaries are relative to `today`. Call on the thread that owns
    `sources`.
    """
    today = today or date.today()
    period = options.period
    check_period(period, today)
    records = read_records(sources, period, today, include_private=False)
    insights = Insights.from_records(records, tz)
    previous_period = period.previous()
    before = read_records(sources, previous_period, today, include_private=False)
    previous = figures_of(Insights.from_records(before, tz), before)

    shared = sources.entries.shared_days(period.first, period.last)
    rows = day_rows(
        period,
        (d for d in records.days if d.day >= period.first),
        records.connections,
        [d for _, d in shared],
    )
    kind = row_bin(period)
    entries: list[SharedEntry] = []
    left_out = 0
    if options.has(Section.ENTRIES):
        chosen = shared[-MAX_SHARED_ENTRIES:]
        left_out = len(shared) - len(chosen)
        for entry_id, _day in chosen:
            entry = sources.entries.get(entry_id)
            if entry is not None and entry.visibility.value == "shared":
                entries.append(_shared(entry))
    return ReportContent(
        options=options,
        shared_on=today,
        figures=figures_of(insights, records),
        previous=previous,
        insights=insights,
        days=tuple(rows),
        spans=tuple(span_rows(period, rows, kind)) if kind else (),
        goals=tuple(goal_parts(records, insights, tz)),
        helps=insights.helps,
        entries=tuple(entries),
        entries_left_out=left_out,
        safety_plan=sources.safety_plan.get() if options.has(Section.SAFETY_PLAN) else None,
    )
