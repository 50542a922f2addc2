# SPDX-License-Identifier: GPL-3.0-or-later
"""Connections over time: per week (or month) by role, meetings and service, "felt supported",
and mood on days with and without a connection.

The comparison says "goes together with", never "causes": the days differ in many ways.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from recovery_desktop.core.models import ConnectionKind, Role
from recovery_desktop.insights.period import (
    WORDS,
    Bin,
    DateWords,
    Period,
    bin_count,
    bin_heading,
    bin_start,
)
from recovery_desktop.insights.records import Records
from recovery_desktop.insights.stats import Interval, Mean, difference_interval, mean_interval
from recovery_desktop.insights.tables import NOT_RECORDED, Table, number, period_words
from recovery_desktop.insights.wording import InsightWords, count_times
from recovery_desktop.storage.aggregates import GROUP

# Stacking order, and the words for each role in charts and tables (translated where shown:
# `role_words`, `role_heading`).
ROLES: tuple[str, ...] = (*(r.value for r in Role), GROUP)
ROLE_WORDS: dict[str, str] = {
    Role.SPONSOR.value: InsightWords.QT_TR_NOOP("sponsor"),
    Role.FAMILY.value: InsightWords.QT_TR_NOOP("family"),
    Role.FRIEND.value: InsightWords.QT_TR_NOOP("friends"),
    Role.PEER.value: InsightWords.QT_TR_NOOP("peers"),
    Role.COUNSELOR.value: InsightWords.QT_TR_NOOP("counselor"),
    Role.FACILITATOR.value: InsightWords.QT_TR_NOOP("group facilitators"),
    Role.OTHER.value: InsightWords.QT_TR_NOOP("others"),
    GROUP: InsightWords.QT_TR_NOOP("groups and meetings"),
}
_ROLE_HEADINGS: dict[str, str] = {
    Role.SPONSOR.value: InsightWords.QT_TR_NOOP("Sponsor"),
    Role.FAMILY.value: InsightWords.QT_TR_NOOP("Family"),
    Role.FRIEND.value: InsightWords.QT_TR_NOOP("Friends"),
    Role.PEER.value: InsightWords.QT_TR_NOOP("Peers"),
    Role.COUNSELOR.value: InsightWords.QT_TR_NOOP("Counselor"),
    Role.FACILITATOR.value: InsightWords.QT_TR_NOOP("Group facilitators"),
    Role.OTHER.value: InsightWords.QT_TR_NOOP("Others"),
    GROUP: InsightWords.QT_TR_NOOP("Groups and meetings"),
}
# The kinds of connection (core.models.ConnectionKind) as "What helps me" names them.
_KIND_WORDS: dict[str, str] = {
    ConnectionKind.CALL.value: InsightWords.QT_TR_NOOP("call"),
    ConnectionKind.TEXT.value: InsightWords.QT_TR_NOOP("text"),
    ConnectionKind.IN_PERSON.value: InsightWords.QT_TR_NOOP("in person"),
    ConnectionKind.MEETING.value: InsightWords.QT_TR_NOOP("meeting"),
    ConnectionKind.ONLINE.value: InsightWords.QT_TR_NOOP("online"),
    ConnectionKind.SERVICE.value: InsightWords.QT_TR_NOOP("service"),
}


def role_words(role: str) -> str:
    """ "sponsor", "friends", "groups and meetings"; an unknown role as it is stored."""
    return InsightWords.tr(ROLE_WORDS[role]) if role in ROLE_WORDS else role


def role_heading(role: str) -> str:
    """A role as a table's column heading: "Sponsor", "Groups and meetings"."""
    return InsightWords.tr(_ROLE_HEADINGS[role])


def kind_words(kind: str) -> str:
    """ "call", "in person"; an unknown kind as it is stored."""
    return InsightWords.tr(_KIND_WORDS[kind]) if kind in _KIND_WORDS else kind


@dataclass(frozen=True, slots=True)
class RoleBin:
    start: date
    counts: dict[str, int]  # role -> connections
    supported: Mean  # mean "felt supported" (1..5) over connections where it was noted

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True, slots=True)
class ConnectionsByRole:
    period: Period
    today: date
    bin: Bin
    bins: tuple[RoleBin, ...]
    supported: Mean  # over the whole period

    @property
    def totals(self) -> dict[str, int]:
        totals = dict.fromkeys(ROLES, 0)
        for b in self.bins:
            for role, count in b.counts.items():
                totals[role] += count
        return totals

    @property
    def roles(self) -> tuple[str, ...]:
        """Roles with at least one connection, in stacking order."""
        totals = self.totals
        return tuple(r for r in ROLES if totals[r])

    @property
    def total(self) -> int:
        return sum(self.totals.values())

    def summary(self, words: DateWords = WORDS) -> str:
        when = period_words(self.period, self.today, words)
        if not self.total:
            return InsightWords.tr("No connections were logged {when}.", when=when)
        totals = self.totals
        top = max(self.roles, key=lambda r: totals[r])
        values = {
            "connections": InsightWords.tr("%n connection(s)", None, self.total),
            "when": when,
            "rate": f"{self.total / len(self.bins):.1f}",
            "role": role_words(top),
            "count": totals[top],
        }
        if self.bin is Bin.WEEK:
            text = InsightWords.tr(
                "You logged {connections} {when}, about {rate} a week, most often with {role} "
                "({count}).",
                **values,
            )
        else:
            text = InsightWords.tr(
                "You logged {connections} {when}, about {rate} a month, most often with {role} "
                "({count}).",
                **values,
            )
        if not self.supported.n:
            return text
        return " ".join(
            (
                text,
                InsightWords.tr(
                    "You felt supported {mean} out of 5, over the connections where you noted it.",
                    mean=self.supported.words(),
                ),
            )
        )

    def table(self, words: DateWords = WORDS) -> Table:
        roles = self.roles
        rows = tuple(
            (
                words.bin(b.start, self.bin),
                *(str(b.counts.get(r, 0)) for r in roles),
                str(b.total),
                number(b.supported.value, 1),
                str(b.supported.n) if b.supported.n else NOT_RECORDED,
            )
            for b in self.bins
        )
        return Table(
            (
                bin_heading(self.bin),
                *(role_heading(r) for r in roles),
                InsightWords.tr("Total"),
                InsightWords.tr("Felt supported (1-5)"),
                InsightWords.tr("Noted for"),
            ),
            rows,
        )


def connections_by_role(records: Records) -> ConnectionsByRole:
    period = records.period
    counts: dict[date, dict[str, int]] = {start: {} for start in period.bins()}
    sums: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for t in records.roles:
        role = t.role if t.role in ROLE_WORDS else Role.OTHER.value
        bucket = counts.setdefault(t.start, {})
        bucket[role] = bucket.get(role, 0) + t.count
        sums[t.start][0] += t.supported_sum
        sums[t.start][1] += t.supported_n
    bins = tuple(
        RoleBin(
            start,
            counts[start],
            Mean(sums[start][0] / sums[start][1] if sums[start][1] else None, sums[start][1]),
        )
        for start in sorted(counts)
    )
    total, n = (sum(s[i] for s in sums.values()) for i in (0, 1))
    return ConnectionsByRole(
        period, records.today, period.bin, bins, Mean(total / n if n else None, n)
    )


@dataclass(frozen=True, slots=True)
class ActivityBin:
    start: date
    meetings: int
    service: int


@dataclass(frozen=True, slots=True)
class MeetingsAndService:
    period: Period
    today: date
    bin: Bin
    bins: tuple[ActivityBin, ...]

    @property
    def meetings(self) -> int:
        return sum(b.meetings for b in self.bins)

    @property
    def service(self) -> int:
        return sum(b.service for b in self.bins)

    def summary(self, words: DateWords = WORDS) -> str:
        when = period_words(self.period, self.today, words)
        meetings = InsightWords.tr("%n meeting(s)", None, self.meetings)
        bins = bin_count(self.bin, len(self.bins))
        if self.service and not self.meetings:
            return InsightWords.tr(
                "You did service {service} {when}, over {bins}.",
                service=count_times(self.service),
                when=when,
                bins=bins,
            )
        if not self.service:  # "did service 0 times" would read like a reproach
            return InsightWords.tr(
                "You went to {meetings} {when}, over {bins}.", meetings=meetings, when=when, bins=bins
            )
        return InsightWords.tr(
            "You went to {meetings} and did service {service} {when}, over {bins}.",
            meetings=meetings,
            service=count_times(self.service),
            when=when,
            bins=bins,
        )

    def table(self, words: DateWords = WORDS) -> Table:
        return Table(
            (bin_heading(self.bin), InsightWords.tr("Meetings"), InsightWords.tr("Service")),
            tuple(
                (words.bin(b.start, self.bin), str(b.meetings), str(b.service)) for b in self.bins
            ),
        )


def meetings_and_service(records: Records) -> MeetingsAndService:
    period = records.period
    kind = period.bin
    tally: dict[date, list[int]] = {start: [0, 0] for start in period.bins()}
    for day_connections in records.connections:
        counts = tally[bin_start(day_connections.day, kind)]
        counts[0] += day_connections.meetings
        counts[1] += day_connections.service
    return MeetingsAndService(
        period,
        records.today,
        kind,
        tuple(ActivityBin(start, m, s) for start, (m, s) in tally.items()),
    )


@dataclass(frozen=True, slots=True)
class MoodByConnection:
    """Mood on days with at least one connection and on days with none (days with a mood)."""

    period: Period
    today: date
    with_values: tuple[float, ...]
    without_values: tuple[float, ...]
    connection_days: int  # days in the period with a connection, mood recorded or not
    with_interval: Interval | None
    without_interval: Interval | None
    difference: Interval | None  # with minus without

    @property
    def with_mean(self) -> Mean:
        return Mean.of(self.with_values)

    @property
    def without_mean(self) -> Mean:
        return Mean.of(self.without_values)

    @property
    def comparable(self) -> bool:
        """Both groups have at least two days: otherwise there is nothing to compare."""
        return len(self.with_values) >= 2 and len(self.without_values) >= 2

    def summary(self, words: DateWords = WORDS) -> str:
        when = period_words(self.period, self.today, words)
        if not self.comparable or self.difference is None:
            return InsightWords.tr(
                "There are too few days with a mood {when} to compare days with and without a "
                "connection ({with_days} with, {without_days} without).",
                when=when,
                with_days=len(self.with_values),
                without_days=len(self.without_values),
            )
        return InsightWords.tr(
            "On days with a connection your mood averaged {with_mean}, on days without "
            "{without_mean}; the difference of {difference} is likely between {low} and {high}. "
            "The two go together; this does not show that one causes the other.",
            with_mean=self.with_mean.words(),
            without_mean=self.without_mean.words(),
            difference=f"{self.with_mean.value - self.without_mean.value:.1f}",
            low=f"{self.difference.low:.1f}",
            high=f"{self.difference.high:.1f}",
        )

    def table(self, words: DateWords = WORDS) -> Table:
        rows = []
        for label, mean, interval in (
            (InsightWords.tr("Days with a connection"), self.with_mean, self.with_interval),
            (
                InsightWords.tr("Days without a connection"),
                self.without_mean,
                self.without_interval,
            ),
        ):
            rows.append(
                (
                    label,
                    number(mean.value, 2),
                    str(mean.n),
                    interval.words(2) if interval else InsightWords.tr("too few days"),
                )
            )
        if self.difference:
            rows.append(
                (
                    InsightWords.tr("Difference (with minus without)"),
                    number(self.with_mean.value - self.without_mean.value, 2),
                    "",
                    self.difference.words(2),
                )
            )
        return Table(
            (
                InsightWords.tr("Days"),
                InsightWords.tr("Mean mood (1-5)"),
                InsightWords.tr("Days with a mood (n)"),
                InsightWords.tr("95% interval"),
            ),
            tuple(rows),
        )


def mood_by_connection(records: Records) -> MoodByConnection:
    period = records.period
    connected = {c.day for c in records.connections}
    with_values: list[float] = []
    without_values: list[float] = []
    first = period.first
    for record in records.days:
        mood = record.mood
        if mood is None or record.day < first:
            continue
        (with_values if record.day in connected else without_values).append(mood)
    return MoodByConnection(
        period,
        records.today,
        tuple(with_values),
        tuple(without_values),
        len(connected),
        mean_interval(with_values),
        mean_interval(without_values),
        difference_interval(with_values, without_values),
    )
