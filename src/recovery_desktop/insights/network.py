# SPDX-License-Identifier: GPL-3.0-or-later
"""The support network of a period: the people and groups connected with, by role, how often,
and how long ago the last connection was."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from recovery_desktop.insights.connection_series import ROLES, role_words
from recovery_desktop.insights.period import WORDS, DateWords, Period
from recovery_desktop.insights.records import Records
from recovery_desktop.insights.tables import Table, period_words
from recovery_desktop.insights.wording import InsightWords, count_times

MAP_PEOPLE = 24  # the map shows this many; the table lists everyone


@dataclass(frozen=True, slots=True)
class NetworkPerson:
    name: str
    role: str  # a contact role, or GROUP
    connections: int  # in the period
    last_day: date
    days_since: int  # from the last connection to the period's last day


@dataclass(frozen=True, slots=True)
class SupportNetwork:
    period: Period
    today: date
    people: tuple[NetworkPerson, ...]  # everyone connected with in the period, most first

    @property
    def on_map(self) -> tuple[NetworkPerson, ...]:
        """The most connected, grouped by role in `ROLES` order (the map's sectors)."""
        chosen = self.people[:MAP_PEOPLE]
        order = {role: i for i, role in enumerate(ROLES)}
        return tuple(sorted(chosen, key=lambda p: (order.get(p.role, len(order)), -p.connections)))

    @property
    def left_off(self) -> int:
        return max(0, len(self.people) - MAP_PEOPLE)

    def summary(self, words: DateWords = WORDS) -> str:
        when = period_words(self.period, self.today, words)
        if not self.people:
            return InsightWords.tr(
                "No connections with people or groups were logged {when}.", when=when
            )
        count = len(self.people)
        roles = len({p.role for p in self.people})
        top = self.people[0]
        if count == 1:  # English has other words for one than for many: both are counted
            people = InsightWords.tr("%n person or group", None, count)
        else:
            people = InsightWords.tr("%n people and groups", None, count)
        return InsightWords.tr(
            "You connected with {people} across {roles} {when}; most often with {name} ({times}).",
            people=people,
            roles=InsightWords.tr("%n role(s)", None, roles),
            when=when,
            name=top.name,
            times=count_times(top.connections),
        )

    def table(self, words: DateWords = WORDS) -> Table:
        return Table(
            (
                InsightWords.tr("Name"),
                InsightWords.tr("Role"),
                InsightWords.tr("Connections"),
                InsightWords.tr("Last connection"),
                InsightWords.tr("Days since"),
            ),
            tuple(
                (
                    p.name,
                    role_words(p.role),
                    str(p.connections),
                    words.day(p.last_day),
                    str(p.days_since),
                )
                for p in self.people
            ),
        )


def support_network(records: Records) -> SupportNetwork:
    last = records.period.last
    return SupportNetwork(
        records.period,
        records.today,
        tuple(
            NetworkPerson(t.name, t.role, t.in_period, t.last_day, (last - t.last_day).days)
            for t in records.people
        ),
    )
