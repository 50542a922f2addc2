# SPDX-License-Identifier: GPL-3.0-or-later
"""Everything the insights need for one period, read from the repositories in one go.

`read_records` is the only function in this package that touches the vault; the rest are pure
functions of a `Records`. It runs on whichever thread owns the repositories: a worker builds
its own with `sources_on(connection)` on a connection it opened itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from recovery_desktop.core.models import Commitment, Goal, RecoveryStart
from recovery_desktop.insights.period import Period
from recovery_desktop.insights.stats import ROLLING_DAYS
from recovery_desktop.storage.aggregates import (
    AggregateRepository,
    DayConnections,
    DayRecord,
    FactorRecord,
    PersonTally,
    RoleTally,
)
from recovery_desktop.storage.connection import Connection
from recovery_desktop.storage.goals import GoalRepository
from recovery_desktop.storage.people import ContactRepository
from recovery_desktop.storage.recovery import RecoveryStartRepository


class Sources(Protocol):
    """The repositories the insights read; a `Vault` is one."""

    aggregates: AggregateRepository
    goals: GoalRepository
    contacts: ContactRepository
    recovery_starts: RecoveryStartRepository


@dataclass(frozen=True, slots=True)
class RepositorySet:
    """`Sources` on a connection of the caller's own (for a worker thread)."""

    aggregates: AggregateRepository
    goals: GoalRepository
    contacts: ContactRepository
    recovery_starts: RecoveryStartRepository


def sources_on(conn: Connection) -> RepositorySet:
    return RepositorySet(
        AggregateRepository(conn),
        GoalRepository(conn),
        ContactRepository(conn),
        RecoveryStartRepository(conn),
    )


@dataclass(frozen=True, slots=True)
class GoalRecords:
    goal: Goal
    commitments: tuple[Commitment, ...]
    person: str  # the name of the contact the goal concerns, or ""


@dataclass(frozen=True, slots=True)
class Records:
    """The raw material of one period. `days` starts `ROLLING_DAYS - 1` days before the
    period, so a 7-day mean is whole on its first day; the series keep only the period's own
    days for everything else. `roles` are binned by `period.bin`."""

    period: Period
    today: date
    days: tuple[DayRecord, ...] = ()
    connections: tuple[DayConnections, ...] = ()
    roles: tuple[RoleTally, ...] = ()
    people: tuple[PersonTally, ...] = ()
    factors: tuple[FactorRecord, ...] = ()
    goals: tuple[GoalRecords, ...] = ()
    starts: tuple[RecoveryStart, ...] = ()

    @property
    def lead_in(self) -> date:
        return self.period.first - timedelta(days=ROLLING_DAYS - 1)


def read_records(
    sources: Sources, period: Period, today: date, *, include_private: bool = True
) -> Records:
    """Read one period's records. `include_private=False` for anything that leaves the vault."""
    lead_in = period.first - timedelta(days=ROLLING_DAYS - 1)
    aggregates = sources.aggregates
    names = {c.id: c.name for c in sources.contacts.list(include_archived=True)}
    goals = tuple(
        GoalRecords(goal, tuple(sources.goals.commitments(goal.id)), names.get(goal.contact_id, ""))
        for goal in sources.goals.list()
        if goal.id is not None
    )
    return Records(
        period=period,
        today=today,
        days=tuple(aggregates.days(lead_in, period.last, include_private=include_private)),
        connections=tuple(aggregates.connection_days(period.first, period.last)),
        roles=tuple(aggregates.role_tallies(period.first, period.last, period.bin.value)),
        people=tuple(aggregates.people(period.first, period.last)),
        factors=tuple(
            aggregates.factors(period.first, period.last, include_private=include_private)
        ),
        goals=goals,
        starts=tuple(sources.recovery_starts.list()),
    )
