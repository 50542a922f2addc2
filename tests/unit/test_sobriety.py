# SPDX-License-Identifier: GPL-3.0-or-later
from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.core.models import RecoveryStart
from recovery_desktop.core.sobriety import (
    add_months,
    current_run,
    last_milestone,
    longest_run,
    milestones,
    next_milestone,
    runs,
    total_sober_days,
)

TODAY = date(2026, 11, 24)


def test_no_start_means_no_count() -> None:
    assert current_run([], TODAY) is None
    assert longest_run([], TODAY) == 0
    assert total_sober_days([], TODAY) == 0


def test_single_run_counts_completed_days() -> None:
    assert current_run([TODAY], TODAY) == 0
    assert current_run([TODAY - timedelta(days=40)], TODAY) == 40


def test_new_start_keeps_history() -> None:
    first = TODAY - timedelta(days=100)
    second = TODAY - timedelta(days=12)
    starts = [RecoveryStart(second), RecoveryStart(first)]  # order does not matter
    assert current_run(starts, TODAY) == 12
    # The day before the new start is taken as the slip: 100 - 12 - 1 sober days before it.
    assert longest_run(starts, TODAY) == 87
    assert total_sober_days(starts, TODAY) == 99
    assert [r.end for r in runs(starts, TODAY)] == [second - timedelta(days=1), None]


def test_future_starts_are_ignored() -> None:
    assert current_run([TODAY + timedelta(days=3)], TODAY) is None


def test_milestones_in_order() -> None:
    start = date(2024, 1, 31)
    labels = [(m.label, m.reached_on) for m, _ in zip(milestones(start), range(9), strict=False)]
    assert labels[:6] == [
        ("1 day", date(2024, 2, 1)),
        ("7 days", date(2024, 2, 7)),
        ("30 days", date(2024, 3, 1)),
        ("60 days", date(2024, 3, 31)),
        ("90 days", date(2024, 4, 30)),
        ("6 months", date(2024, 7, 31)),
    ]
    assert labels[6] == ("1 year", date(2025, 1, 31))
    assert labels[7] == ("2 years", date(2026, 1, 31))


def test_next_and_last_milestone() -> None:
    start = TODAY - timedelta(days=40)
    assert next_milestone(start, TODAY).label == "60 days"
    assert last_milestone(start, TODAY).label == "30 days"
    assert last_milestone(TODAY, TODAY) is None
    assert next_milestone(TODAY, TODAY).label == "1 day"


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2024, 8, 31), 6) == date(2025, 2, 28)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)


@given(st.lists(st.dates(min_value=date(1950, 1, 1), max_value=TODAY), min_size=1, max_size=20))
def test_runs_never_exceed_calendar(starts: list[date]) -> None:
    total = total_sober_days(starts, TODAY)
    assert 0 <= longest_run(starts, TODAY) <= total <= (TODAY - min(starts)).days
    assert current_run(starts, TODAY) == (TODAY - max(starts)).days
