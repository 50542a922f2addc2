# SPDX-License-Identifier: GPL-3.0-or-later
"""Pure calculations for issue 7: money and time regained across new starts, reach-out due
days across time zones (and on a real vault in another zone), crisis lines by country, and
Help now's people each once."""

from __future__ import annotations

import os
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.core.crisis_lines import (
    COUNTRIES,
    country_from_locale,
    crisis_lines_for,
    has_own_lines,
)
from recovery_desktop.core.help_now import HelpPerson, help_people, split_line
from recovery_desktop.core.models import (
    ConnectionKind,
    Contact,
    PlanSection,
    RecoveryStart,
    Role,
    SafetyPlanItem,
)
from recovery_desktop.core.reach_out import local_day, reach_out_due_on, reach_outs_due
from recovery_desktop.core.regained import DailyCost, daily_cost, regained
from recovery_desktop.core.sobriety import new_start_day, total_sober_days
from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage import Vault

TODAY = date(2026, 3, 14)
COST = DailyCost(Decimal("12.50"), Decimal("2.5"))

# --- money and time regained ----------------------------------------------------------------


def test_regained_counts_completed_days_and_keeps_earlier_runs() -> None:
    first = TODAY - timedelta(days=100)
    slip_then_start = TODAY - timedelta(days=30)  # a new start 30 days ago
    summary = regained([RecoveryStart(first), RecoveryStart(slip_then_start)], TODAY, COST)
    assert summary.current.days == 30
    assert summary.current.money == Decimal("375.00") and summary.current.hours == Decimal("75.0")
    # The first run counted 100 - 30 - 1 = 69 days (the day before the new start was the slip).
    assert summary.total.days == 69 + 30
    assert summary.total.money == Decimal("12.50") * 99
    # On the start day nothing is regained yet; before any start, nothing at all.
    assert regained([TODAY], TODAY, COST).current.days == 0
    assert regained([], TODAY, COST).total.money == 0
    # A new start recorded today is dated tomorrow and changes nothing until then.
    tomorrow = new_start_day(TODAY)
    with_new = regained([first, tomorrow], TODAY, COST)
    assert with_new == regained([first], TODAY, COST)


@given(
    offsets=st.lists(st.integers(min_value=0, max_value=4000), min_size=1, max_size=8),
    money=st.decimals(min_value=0, max_value=1000, places=2),
    hours=st.decimals(min_value=0, max_value=24, places=1),
    later=st.integers(min_value=0, max_value=400),
)
def test_regained_properties(
    offsets: list[int], money: Decimal, hours: Decimal, later: int
) -> None:
    starts = [TODAY - timedelta(days=o) for o in offsets]
    cost = daily_cost(money, hours)
    summary = regained(starts, TODAY, cost)
    days = total_sober_days(starts, TODAY)
    assert summary.total.days == days
    assert summary.total.money == cost.money * days and summary.total.hours == cost.hours * days
    assert 0 <= summary.current.days <= summary.total.days
    assert summary.current.money <= summary.total.money
    # Time only adds to what was regained; a new start never takes earlier days away...
    assert regained(starts, TODAY + timedelta(days=later), cost).total.days >= days
    # ...except the one slip day before it, at most.
    restarted = regained([*starts, TODAY], TODAY, cost)
    assert restarted.total.days >= days - 1


def test_daily_cost_reads_what_people_type() -> None:
    assert daily_cost("12,50", "2") == DailyCost(Decimal("12.50"), Decimal("2"))
    assert daily_cost("", "") == DailyCost() and DailyCost().is_zero
    with pytest.raises(ValidationError, match="not a number"):
        daily_cost("twelve")
    with pytest.raises(ValidationError, match="0 or more"):
        daily_cost("-3")
    with pytest.raises(ValidationError, match="0 or more"):
        daily_cost("NaN")


# --- reach-outs across time zones -----------------------------------------------------------


def test_reach_out_due_day_follows_the_local_day_of_the_connection() -> None:
    # 03:30 UTC on the 14th is 23:30 on the 13th in New York and 12:30 on the 14th in Tokyo.
    moment = datetime(2026, 3, 14, 3, 30, tzinfo=UTC)
    new_york, tokyo = ZoneInfo("America/New_York"), ZoneInfo("Asia/Tokyo")
    assert local_day(moment, new_york) == date(2026, 3, 13)
    assert local_day(moment, tokyo) == date(2026, 3, 14)
    dana = Contact("Dana", reach_out_every_days=3, id=1)
    assert reach_out_due_on(dana, local_day(moment, new_york), TODAY) == date(2026, 3, 16)
    assert reach_out_due_on(dana, local_day(moment, tokyo), TODAY) == date(2026, 3, 17)
    # Across the spring-forward night (8 March 2026 in New York) a day is still a day.
    before_dst = datetime(
        2026, 3, 8, 6, 59, tzinfo=UTC
    )  # 01:59 EST, a minute before the clocks jump
    last = local_day(before_dst, new_york)
    assert last == date(2026, 3, 8)
    assert reach_out_due_on(dana, last, TODAY) == date(2026, 3, 11)
    assert [d.days_overdue for d in reach_outs_due([dana], {1: last}, TODAY)] == [3]
    # A naive moment is already local.
    assert local_day(datetime(2026, 3, 14, 23, 59)) == date(2026, 3, 14)


@given(
    minutes=st.integers(min_value=0, max_value=60 * 24 * 365 * 3),
    zone=st.sampled_from(
        [
            "UTC",
            "America/New_York",
            "Asia/Kolkata",
            "Pacific/Auckland",
            "Pacific/Kiritimati",
            "America/St_Johns",
        ]
    ),
    every=st.integers(min_value=1, max_value=60),
)
def test_due_day_is_always_every_days_after_the_local_day(
    minutes: int, zone: str, every: int
) -> None:
    moment = datetime(2024, 1, 1, tzinfo=UTC) + timedelta(minutes=minutes)
    last = local_day(moment, ZoneInfo(zone))
    contact = Contact("X", reach_out_every_days=every, id=1)
    due_on = reach_out_due_on(contact, last, last)
    assert due_on == last + timedelta(days=every)
    # Due exactly from that day, not a day before, in any zone.
    assert reach_outs_due([contact], {1: last}, due_on - timedelta(days=1)) == []
    assert reach_outs_due([contact], {1: last}, due_on)[0].days_overdue == 0


def test_snooze_and_archive_in_due_days() -> None:
    last = TODAY - timedelta(days=10)
    contact = Contact("Dana", reach_out_every_days=3, id=1, snoozed_until=TODAY + timedelta(days=2))
    assert reach_out_due_on(contact, last, TODAY) == TODAY + timedelta(days=2)
    due = reach_outs_due([contact], {1: last}, TODAY + timedelta(days=2))
    assert due[0].days_overdue == 9  # the snooze does not hide how long it has been
    assert (
        reach_out_due_on(Contact("A", reach_out_every_days=3, archived=True), last, TODAY) is None
    )
    assert reach_out_due_on(Contact("B"), last, TODAY) is None
    assert reach_out_due_on(Contact("C", reach_out_every_days=7), None, TODAY) == TODAY


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch):
    """Run in another time zone (the process's own, as the app sees it), then come back."""

    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


def test_a_vault_counts_connections_on_the_local_day_where_they_were_logged(
    vault: Vault, zone
) -> None:
    dana = vault.contacts.save(Contact("Dana", Role.SPONSOR, reach_out_every_days=3))
    moment = datetime(2026, 3, 14, 3, 30, tzinfo=UTC)
    zone("America/New_York")
    vault.connections.log(moment, ConnectionKind.CALL, contact_ids=[dana.id])
    assert vault.connections.last_in_touch() == {dana.id: date(2026, 3, 13)}
    due = reach_outs_due(
        vault.contacts.list(), vault.connections.last_in_touch(), date(2026, 3, 16)
    )
    assert [d.contact.name for d in due] == ["Dana"]
    zone("Asia/Tokyo")  # the same moment logged in Tokyo counts for the 14th
    other = vault.contacts.save(Contact("Kenji", reach_out_every_days=3))
    vault.connections.log(moment, ConnectionKind.CALL, contact_ids=[other.id])
    last = vault.connections.last_in_touch()
    assert last[other.id] == date(2026, 3, 14) and last[dana.id] == date(2026, 3, 13)
    due = reach_outs_due(vault.contacts.list(), last, date(2026, 3, 16))
    assert [d.contact.name for d in due] == ["Dana"]
    assert os.environ["TZ"] == "Asia/Tokyo"


# --- crisis lines by country -----------------------------------------------------------------


def test_crisis_lines_for_every_country_of_the_issue() -> None:
    def phones(country: str | None) -> list[str]:
        return [line.phone for line in crisis_lines_for(country)]

    assert phones("US") == ["988", "1-800-662-4357"]
    assert phones("ca") == ["988"]
    assert phones("GB") == phones("IE") == ["116 123"]
    assert phones("AU") == ["13 11 14"]
    assert phones("NZ") == ["1737"]
    elsewhere = crisis_lines_for("FR")
    assert [line.name for line in elsewhere] == ["Your local emergency number", ""]
    assert phones("FR") == ["", ""] and all(line.country == "FR" for line in elsewhere)
    assert crisis_lines_for(None)[0].country == "ZZ"
    assert all(has_own_lines(code) for code, _ in COUNTRIES) and not has_own_lines("FR")
    assert all(not line.edited for line in crisis_lines_for("US"))


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("en_US.UTF-8", "US"),
        ("en_GB", "GB"),
        ("de_DE@euro", "DE"),
        ("fr-CA", "CA"),
        ("zh_Hant_TW.UTF-8", "TW"),
        ("C", None),
        ("POSIX", None),
        ("en", None),
        ("", None),
        (None, None),
    ],
)
def test_country_from_a_locale_name(name: str | None, country: str | None) -> None:
    assert country_from_locale(name) == country


# --- Help now: each person once -------------------------------------------------------------


def test_help_now_lists_each_person_once() -> None:
    dana = Contact("Dana R.", Role.SPONSOR, phone="555-0142", emergency=True, id=1)
    maya = Contact("Maya (sister)", Role.FAMILY, phone="555-0178", emergency=True, id=2)
    ellis = Contact("Dr. Ellis", Role.COUNSELOR, phone="555-0101", id=3)
    items = [
        # A plan written before schema 5: names typed with the number.
        SafetyPlanItem(PlanSection.HELP_PEOPLE, "Dana (sponsor) 555-0142", position=0),
        SafetyPlanItem(PlanSection.HELP_PEOPLE, "Maya 555-0178", position=1),
        SafetyPlanItem(PlanSection.PROFESSIONALS, "Thursdays", contact_id=3, position=0),
        SafetyPlanItem(PlanSection.PROFESSIONALS, "The clinic's after-hours line", position=1),
        SafetyPlanItem(PlanSection.REASONS, "Leo", position=0),  # not a person to call
    ]
    people = help_people(items, {3: ellis}, [dana, maya])
    assert people == [
        HelpPerson("Dana R.", "555-0142", "Sponsor", 1),  # the contact's name and number win
        HelpPerson("Maya (sister)", "555-0178", "Family", 2),
        HelpPerson("Dr. Ellis", "555-0101", "Thursdays", 3),
        HelpPerson("The clinic's after-hours line", ""),
    ]
    assert help_people([], {}, [dana])[0] == HelpPerson("Dana R.", "555-0142", "Sponsor", 1)
    assert split_line("Dana (sponsor) 555-0142") == ("Dana (sponsor)", "555-0142")
    assert split_line("Sam: +44 20 7946 0958") == ("Sam", "+44 20 7946 0958")
    assert split_line("just words") == ("just words", "")
