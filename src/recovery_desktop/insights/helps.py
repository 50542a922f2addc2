# SPDX-License-Identifier: GPL-3.0-or-later
"""What helps me: the triggers noted around high cravings, and the coping and kinds of
connection after which the craving was lower the next day, each with its counts.

These are patterns in a small sample, and cravings tend to ease after a high day anyway; so the
same count over all days (`baseline`) is given beside them, to compare with.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from recovery_desktop.insights.connection_series import kind_words
from recovery_desktop.insights.period import WORDS, DateWords, Period
from recovery_desktop.insights.records import Records
from recovery_desktop.insights.series import HIGH_CRAVING
from recovery_desktop.insights.tables import Table, period_words
from recovery_desktop.insights.wording import InsightWords, count_days, count_times

MIN_TIMES = 3  # a pattern seen fewer times is listed in the table but not put in words


@dataclass(frozen=True, slots=True)
class TriggerCount:
    name: str
    high_days: int  # high-craving days on which (or the day before) it was noted


@dataclass(frozen=True, slots=True)
class EasedCount:
    """After `name`, the next day's craving was lower `eased` times out of `times`."""

    name: str
    eased: int
    times: int

    @property
    def share(self) -> float:
        return self.eased / self.times if self.times else 0.0

    def words(self) -> str:
        """ "3 of 5 times"."""
        return InsightWords.tr(
            "{eased} of {times}", eased=self.eased, times=count_times(self.times)
        )


@dataclass(frozen=True, slots=True)
class WhatHelps:
    period: Period
    today: date
    high_days: int  # days in the period with a craving of HIGH_CRAVING or more
    triggers: tuple[TriggerCount, ...]
    coping: tuple[EasedCount, ...]
    connections: tuple[EasedCount, ...]  # by kind of connection
    baseline: EasedCount  # every day with a craving above 0 and one noted the next day

    def summary(self, words: DateWords = WORDS) -> str:
        when = period_words(self.period, self.today, words)
        parts = []
        if self.high_days and self.triggers:
            top = self.triggers[0]
            parts.append(
                InsightWords.tr(
                    "On {count} of the {days} with a craving of {high} or more {when}, you had "
                    "noted “{name}” that day or the day before.",
                    count=top.high_days,
                    days=count_days(self.high_days),
                    high=HIGH_CRAVING,
                    when=when,
                    name=top.name,
                )
            )
        helped = [(c, c.name) for c in self.coping if c.times >= MIN_TIMES]
        helped += [(c, kind_words(c.name)) for c in self.connections if c.times >= MIN_TIMES]
        if helped:
            best, name = max(helped, key=lambda pair: (pair[0].share, pair[0].times))
            parts.append(
                InsightWords.tr(
                    "After “{name}”, the craving was lower the next day {best}; over all days "
                    "it was lower {baseline}.",
                    name=name,
                    best=best.words(),
                    baseline=self.baseline.words(),
                )
            )
        if not parts:
            return InsightWords.tr(
                "There are not enough cravings noted {when} to see what helps yet.", when=when
            )
        parts.append(InsightWords.tr("These are patterns in what you noted, not proof."))
        return " ".join(parts)

    def table(self, words: DateWords = WORDS) -> Table:
        trigger = InsightWords.tr("Trigger before a high craving")
        rows = [
            (
                trigger,
                t.name,
                InsightWords.tr(
                    "{count} of {high_days} days", count=t.high_days, high_days=self.high_days
                ),
            )
            for t in self.triggers
        ]
        coping = InsightWords.tr("Coping, craving lower next day")
        rows += [(coping, c.name, c.words()) for c in self.coping]
        connection = InsightWords.tr("Connection, craving lower next day")
        rows += [(connection, kind_words(c.name), c.words()) for c in self.connections]
        rows.append(
            (
                InsightWords.tr("Any day, craving lower next day"),
                InsightWords.tr("all days"),
                self.baseline.words(),
            )
        )
        return Table(
            (InsightWords.tr("What"), InsightWords.tr("Name"), InsightWords.tr("Count")),
            tuple(rows),
        )


def what_helps(records: Records) -> WhatHelps:
    period = records.period
    craving = {d.day: d.craving_max for d in records.days if d.craving_n}
    high = sorted(
        d for d, c in craving.items() if c is not None and c >= HIGH_CRAVING and d in period
    )
    noted: dict[tuple[str, str], set[date]] = defaultdict(set)
    names: dict[tuple[str, str], str] = {}
    for f in records.factors:
        key = (f.kind, f.name.casefold())
        noted[key].add(f.day)
        names.setdefault(key, f.name)

    one_day = timedelta(days=1)
    first, last = period.first, period.last - one_day  # both days of a pair in the period

    def eased(days: set[date]) -> tuple[int, int]:
        fell = times = 0
        for d in days:
            if not first <= d <= last:
                continue
            that_day, next_day = craving.get(d), craving.get(d + one_day)
            if that_day and next_day is not None:
                times += 1
                fell += next_day < that_day
        return fell, times

    triggers = []
    coping = []
    for key, days in noted.items():
        if key[0] == "trigger":
            count = sum(1 for d in high if d in days or d - one_day in days)
            if count:
                triggers.append(TriggerCount(names[key], count))
        else:
            fell, times = eased(days)
            if times:
                coping.append(EasedCount(names[key], fell, times))
    by_kind: dict[str, set[date]] = defaultdict(set)
    for c in records.connections:
        for kind in c.kinds:
            by_kind[kind].add(c.day)
    connections = []
    for kind, days in by_kind.items():
        fell, times = eased(days)
        if times:
            connections.append(EasedCount(kind, fell, times))
    fell, times = eased(set(craving))

    def order(c: EasedCount) -> tuple[float, int, str]:
        return (-c.times, -c.share, c.name)

    return WhatHelps(
        period,
        records.today,
        len(high),
        tuple(sorted(triggers, key=lambda t: (-t.high_days, t.name))),
        tuple(sorted(coping, key=order)),
        tuple(sorted(connections, key=order)),
        EasedCount("all days", fell, times),
    )
