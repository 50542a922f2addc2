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

from recovery_desktop.insights.period import WORDS, DateWords, Period
from recovery_desktop.insights.records import Records
from recovery_desktop.insights.series import HIGH_CRAVING
from recovery_desktop.insights.tables import Table, period_words, plural

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
        return f"{self.eased} of {plural(self.times, 'time')}"


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
                f"On {top.high_days} of the {plural(self.high_days, 'day')} with a craving of "
                f"{HIGH_CRAVING} or more {when}, you had noted “{top.name}” that day or the "
                "day before."
            )
        helped = [c for c in (*self.coping, *self.connections) if c.times >= MIN_TIMES]
        if helped:
            best = max(helped, key=lambda c: (c.share, c.times))
            parts.append(
                f"After “{best.name}”, the craving was lower the next day {best.words()}; "
                f"over all days it was lower {self.baseline.words()}."
            )
        if not parts:
            return f"There are not enough cravings noted {when} to see what helps yet."
        return " ".join(parts) + " These are patterns in what you noted, not proof."

    def table(self, words: DateWords = WORDS) -> Table:
        rows = [
            ("Trigger before a high craving", t.name, f"{t.high_days} of {self.high_days} days")
            for t in self.triggers
        ]
        rows += [("Coping, craving lower next day", c.name, c.words()) for c in self.coping]
        rows += [
            ("Connection, craving lower next day", c.name, c.words()) for c in self.connections
        ]
        rows.append(("Any day, craving lower next day", "all days", self.baseline.words()))
        return Table(("What", "Name", "Count"), tuple(rows))


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
