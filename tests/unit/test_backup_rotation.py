# SPDX-License-Identifier: GPL-3.0-or-later
"""Which automatic backups are kept: the last 7 days and 4 weeks (issue 9, point 3). Pure."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_desktop.core.backup_rotation import backup_due, backups_to_keep

START = datetime(2026, 1, 1, 9, 0)
moments = st.lists(
    st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31)),
    max_size=60,
)
counts = st.integers(min_value=0, max_value=10)


def test_six_weeks_of_daily_backups_keep_seven_days_and_four_weeks_before_them() -> None:
    made = [START + timedelta(days=n) for n in range(45)]  # Thu 1 January to Sat 14 February
    kept = sorted(made[i] for i in backups_to_keep(made))
    # The last 7 days (8 to 14 February; the 8th is a Sunday, so its ISO week counts as kept),
    # then the newest of each of the 4 weeks before: Sundays 1 February, 25, 18 and 11 January.
    assert [(m.month, m.day) for m in kept] == [
        (1, 11), (1, 18), (1, 25), (2, 1),
        (2, 8), (2, 9), (2, 10), (2, 11), (2, 12), (2, 13), (2, 14),
    ]  # fmt: skip


def test_a_week_whose_newest_backup_is_a_daily_one_is_not_counted_twice() -> None:
    made = [START + timedelta(days=n) for n in range(31)]  # 1 to 31 January
    kept = sorted(made[i].day for i in backups_to_keep(made))
    # 25 January (a Sunday) is a daily one: its week takes no weekly place; three weeks before.
    assert kept == [4, 11, 18, 25, 26, 27, 28, 29, 30, 31]


def test_someone_back_after_a_month_away_keeps_their_last_days_of_writing() -> None:
    made = [START + timedelta(days=n) for n in range(10)] + [START + timedelta(days=45)]
    kept = {made[i] for i in backups_to_keep(made)}
    assert made[-1] in kept
    assert {START + timedelta(days=n) for n in range(4, 10)} <= kept  # six days before it


def test_several_a_day_keep_the_newest_of_each_day() -> None:
    made = [START + timedelta(hours=h) for h in (0, 3, 5)]  # one day
    assert backups_to_keep(made) == {2}


@settings(max_examples=300, deadline=None)
@given(moments, counts, counts)
def test_the_rule_holds_for_any_dates(made: list[datetime], daily: int, weekly: int) -> None:
    kept = backups_to_keep(made, daily, weekly)
    assert kept <= set(range(len(made)))
    assert len(kept) <= daily + weekly
    if made and daily:
        newest = max(made)
        assert any(made[i] == newest for i in kept)  # the newest is never removed
    # Each of the `daily` most recent days with a backup keeps its newest backup.
    days = sorted({m.date() for m in made}, reverse=True)[:daily]
    for day in days:
        newest_that_day = max(m for m in made if m.date() == day)
        assert any(made[i] == newest_that_day for i in kept)
    # A kept backup is always the newest of its day (never an older one of a day kept).
    for i in kept:
        assert made[i] == max(m for m in made if m.date() == made[i].date())
    # Running the rotation again on what is left removes nothing more.
    left = [made[i] for i in sorted(kept)]
    assert len(backups_to_keep(left, daily, weekly)) == len(left)


@settings(max_examples=200, deadline=None)
@given(moments, st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31)))
def test_due_when_nothing_was_made_in_the_last_day(made: list[datetime], now: datetime) -> None:
    recent = [m for m in made if now - timedelta(days=1) < m <= now]
    assert backup_due(made, now) == (not recent and not any(
        now < m <= now + timedelta(minutes=5) for m in made
    ))


def test_due_a_day_after_the_last_and_not_before() -> None:
    last = START
    assert not backup_due([last], last + timedelta(hours=23, minutes=59))
    assert backup_due([last], last + timedelta(days=1))
    assert backup_due([], last)


def test_a_backup_dated_in_the_future_does_not_stop_backups() -> None:
    assert backup_due([START + timedelta(days=300)], START)


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError):
        backups_to_keep([START], -1, 4)
