# SPDX-License-Identifier: GPL-3.0-or-later
"""All of a period's insights together: what the Insights page and the report ask for.

`compute` reads the vault once (`read_records`) and derives every series from those records;
`Insights.from_records` is the pure half. Both run off the GUI thread; the result is frozen and
holds no connection, so it may be cached per period and handed to the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo

from recovery_desktop.insights.connection_series import (
    ConnectionsByRole,
    MeetingsAndService,
    MoodByConnection,
    connections_by_role,
    meetings_and_service,
    mood_by_connection,
)
from recovery_desktop.insights.findings import Finding, findings
from recovery_desktop.insights.helps import WhatHelps, what_helps
from recovery_desktop.insights.network import SupportNetwork, support_network
from recovery_desktop.insights.period import WORDS, DateWords, Period
from recovery_desktop.insights.progress import SoberRuns, TrustByGoal, sober_runs, trust_by_goal
from recovery_desktop.insights.records import Records, Sources, read_records
from recovery_desktop.insights.series import (
    CravingSeries,
    Habits,
    MoodSeries,
    craving_series,
    habits,
    mood_series,
)


@dataclass(frozen=True, slots=True)
class Insights:
    period: Period
    today: date
    mood: MoodSeries
    cravings: CravingSeries
    meetings: MeetingsAndService
    connections: ConnectionsByRole
    mood_by_connection: MoodByConnection
    trust: TrustByGoal
    runs: SoberRuns
    habits: Habits
    helps: WhatHelps
    network: SupportNetwork

    @classmethod
    def from_records(cls, records: Records, tz: tzinfo | None = None) -> Insights:
        return cls(
            records.period,
            records.today,
            mood_series(records),
            craving_series(records),
            meetings_and_service(records),
            connections_by_role(records),
            mood_by_connection(records),
            trust_by_goal(records, tz),
            sober_runs(records),
            habits(records),
            what_helps(records),
            support_network(records),
        )

    def findings(self, words: DateWords = WORDS) -> list[Finding]:
        return findings(self, words)


def compute(
    sources: Sources,
    period: Period,
    today: date | None = None,
    *,
    include_private: bool = True,
    tz: tzinfo | None = None,
) -> Insights:
    """Read and compute one period. `sources` is a Vault, or `sources_on(conn)` on a worker's
    own connection; call it on the thread that owns them."""
    today = today or date.today()
    records = read_records(sources, period, today, include_private=include_private)
    return Insights.from_records(records, tz)
