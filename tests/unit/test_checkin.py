# SPDX-License-Identifier: GPL-3.0-or-later
"""The pure rules behind the Today page (core.checkin): no Qt."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.core.checkin import (
    STARTER_TRIGGERS,
    MilestoneParts,
    PartOfDay,
    checkin_fields_equal,
    checkin_is_empty,
    contacts_for_connect_menu,
    merge_suggestions,
    milestone_parts,
    milestone_progress,
    on_this_day_dates,
    part_of_day,
    sober_summary,
    wants_follow_up,
)
from recovery_desktop.core.models import Contact, Entry, RecoveryStart

TODAY = date(2025, 6, 15)


def test_part_of_day_boundaries() -> None:
    assert part_of_day(3) is PartOfDay.EVENING
    assert part_of_day(4) is PartOfDay.MORNING
    assert part_of_day(11) is PartOfDay.MORNING
    assert part_of_day(12) is PartOfDay.AFTERNOON
    assert part_of_day(17) is PartOfDay.AFTERNOON
    assert part_of_day(18) is PartOfDay.EVENING
    assert part_of_day(23) is PartOfDay.EVENING


@pytest.mark.parametrize(
    ("craving", "expected"), [(None, False), (0, False), (4, False), (5, True), (10, True)]
)
def test_follow_up_from_five(craving: int | None, expected: bool) -> None:
    assert wants_follow_up(craving) is expected


def test_on_this_day_month_and_year() -> None:
    assert on_this_day_dates(TODAY) == [("month", date(2025, 5, 15)), ("year", date(2024, 6, 15))]


def test_on_this_day_in_january_looks_back_into_december() -> None:
    assert on_this_day_dates(date(2025, 1, 10))[0] == ("month", date(2024, 12, 10))


def test_on_this_day_feb_29_and_month_ends() -> None:
    assert dict(on_this_day_dates(date(2024, 2, 29)))["year"] == date(2023, 2, 28)
    assert dict(on_this_day_dates(date(2025, 3, 31)))["month"] == date(2025, 2, 28)
    assert dict(on_this_day_dates(date(2024, 3, 31)))["month"] == date(2024, 2, 29)


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(9999, 12, 31)))
def test_on_this_day_always_real_days_in_the_past(today: date) -> None:
    (_, month), (_, year) = on_this_day_dates(today)
    assert 28 <= (today - month).days <= 31
    assert 365 <= (today - year).days <= 366


def test_milestone_parts() -> None:
    assert milestone_parts("1 day") == MilestoneParts(1, "day")
    assert milestone_parts("90 days") == MilestoneParts(90, "day")
    assert milestone_parts("6 months") == MilestoneParts(6, "month")
    assert milestone_parts("1 year") == MilestoneParts(1, "year")
    assert milestone_parts("12 years") == MilestoneParts(12, "year")
    with pytest.raises(ValueError):
        milestone_parts("a while")


def test_sober_summary_without_a_start() -> None:
    summary = sober_summary([], TODAY)
    assert not summary.has_start
    assert summary.start_in_future is None
    planned = sober_summary([RecoveryStart(TODAY + timedelta(days=3))], TODAY)
    assert not planned.has_start
    assert planned.start_in_future == TODAY + timedelta(days=3)


def test_sober_summary_forty_days() -> None:
    summary = sober_summary([RecoveryStart(TODAY - timedelta(days=40))], TODAY)
    assert summary.has_start and not summary.is_new_start
    assert summary.current_days == 40
    assert summary.next_milestone == MilestoneParts(60, "day")
    assert summary.days_to_next == 20
    assert summary.recent_milestone is None  # 30 days was 10 days ago
    assert 0.3 < milestone_progress(summary) < 0.34  # 10 of the 30 days from 30 to 60


def test_sober_summary_after_a_new_start_keeps_history() -> None:
    starts = [RecoveryStart(TODAY - timedelta(days=90)), RecoveryStart(TODAY - timedelta(days=12))]
    summary = sober_summary(starts, TODAY)
    assert summary.is_new_start
    assert summary.current_days == 12
    assert summary.longest_days == 77  # 90 - 12 - 1
    assert summary.total_days == 89
    assert summary.runs == 2


def test_recent_milestone_is_celebrated_for_a_week() -> None:
    reached_today = sober_summary([RecoveryStart(TODAY - timedelta(days=7))], TODAY)
    assert reached_today.recent_milestone == MilestoneParts(7, "day")
    assert reached_today.recent_milestone_on == TODAY
    six_months = sober_summary([RecoveryStart(date(2024, 12, 10))], TODAY)
    assert six_months.recent_milestone == MilestoneParts(6, "month")
    assert six_months.next_milestone == MilestoneParts(1, "year")
    long_ago = sober_summary([RecoveryStart(TODAY - timedelta(days=38))], TODAY)
    assert long_ago.recent_milestone is None


def test_first_day_progress_is_zero() -> None:
    summary = sober_summary([RecoveryStart(TODAY)], TODAY)
    assert summary.current_days == 0
    assert summary.next_milestone == MilestoneParts(1, "day")
    assert milestone_progress(summary) == 0.0


def test_merge_suggestions_own_words_first_no_repeats() -> None:
    merged = merge_suggestions(["Payday", "my ex"], STARTER_TRIGGERS)
    assert merged[:2] == ["Payday", "my ex"]
    assert [m.casefold() for m in merged].count("payday") == 1
    assert "loneliness" in merged


def test_merge_suggestions_keeps_starters_under_a_long_personal_list() -> None:
    used = [f"word {i}" for i in range(40)]
    merged = merge_suggestions(used, STARTER_TRIGGERS, limit=16)
    assert len(merged) == 16
    assert set(STARTER_TRIGGERS) <= set(merged)


def test_checkin_empty_and_equal() -> None:
    blank = Entry(entry_date=TODAY, is_checkin=True)
    assert checkin_is_empty(blank)
    assert not checkin_is_empty(Entry(entry_date=TODAY, craving=0))
    assert not checkin_is_empty(Entry(entry_date=TODAY, gratitude="tea"))
    a = Entry(entry_date=TODAY, mood=3, triggers=("Stress",), id=4)
    assert checkin_fields_equal(a, Entry(entry_date=TODAY, mood=3, triggers=("stress",)))
    assert not checkin_fields_equal(a, Entry(entry_date=TODAY, mood=4, triggers=("stress",)))
    assert not checkin_fields_equal(a, Entry(entry_date=TODAY, mood=3))


def test_connect_menu_order_emergency_then_recent_then_name() -> None:
    contacts = [
        Contact("Zoe", id=1),
        Contact("Amir", id=2),
        Contact("Bea", id=3, emergency=True),
        Contact("Cal", id=4),
        Contact("Old", id=5, archived=True),
    ]
    last = {1: TODAY - timedelta(days=1), 4: TODAY - timedelta(days=5)}
    names = [c.name for c in contacts_for_connect_menu(contacts, last)]
    assert names == ["Bea", "Zoe", "Cal", "Amir"]
