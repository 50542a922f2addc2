# SPDX-License-Identifier: GPL-3.0-or-later
"""Insights over a real vault, against small fixtures computed by hand (issue 8, point 1).

Empty, a single day, gaps, a time-zone boundary, a new start in the middle of the period, and
one connection only. Every expected number below is worked out in the comments.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from recovery_desktop.core.models import (
    Commitment,
    Community,
    CommunityKind,
    Connection,
    ConnectionKind,
    Contact,
    Entry,
    Goal,
    Outcome,
    RecoveryStart,
    Role,
)
from recovery_desktop.insights import Period, compute
from recovery_desktop.insights.series import DayPoint
from recovery_desktop.insights.stats import RollingPoint
from recovery_desktop.storage import Vault

D = date(2025, 3, 3)  # a Monday


def day(n: int) -> date:
    return D + timedelta(days=n)


def checkin(vault: Vault, on: date, mood: int | None, craving: int | None = None, **more) -> None:
    vault.entries.save(Entry(entry_date=on, is_checkin=True, mood=mood, craving=craving, **more))


def at(on: date, hour: int = 12) -> datetime:
    return datetime(on.year, on.month, on.day, hour, tzinfo=UTC).astimezone()


def test_an_empty_vault_says_so_kindly_and_draws_nothing(vault: Vault) -> None:
    today = day(40)
    insights = compute(vault, Period.last_days(30, today), today)
    assert insights.mood.points == () and insights.mood.rolling == ()
    assert insights.mood.mean.n == 0 and insights.mood.trend is None
    assert insights.mood.summary() == "No mood was recorded in the last 30 days."
    table = insights.mood.table()
    assert len(table.rows) == 30 and set(table.column("Mood (1-5)")) == {""}  # blank, never 0
    assert insights.connections.total == 0 and len(insights.connections.bins) == 5
    assert not insights.mood_by_connection.comparable
    assert insights.runs.current is None and insights.runs.spans == ()
    assert insights.network.people == () and insights.trust.goals == ()
    assert insights.helps.baseline.times == 0
    assert insights.findings() == []
    for part in (insights.cravings, insights.meetings, insights.habits, insights.helps):
        assert part.summary()  # always a sentence


def test_a_single_day(vault: Vault) -> None:
    checkin(vault, D, 4, 6)
    insights = compute(vault, Period(D, D), D)
    assert insights.mood.points == (DayPoint(D, 4.0, 1),)
    assert insights.mood.rolling == ()  # a 7-day mean needs 4 days with data
    assert insights.mood.trend is None
    assert insights.mood.summary() == (
        f"Mood was recorded on 1 of 1 day ({insights_day(D)}), averaging 4.0 (n = 1) on a "
        "scale from 1 (awful) to 5 (great); it had too few days to show a trend."
    )
    assert insights.cravings.points == (DayPoint(D, 6.0, 1),)
    assert insights.habits.checked_in == 1 and insights.habits.days == 1


def insights_day(d: date) -> str:
    from recovery_desktop.insights import WORDS

    return WORDS.day(d)


def test_gaps_stay_gaps_and_the_7_day_mean_uses_only_days_with_data(vault: Vault) -> None:
    # Days 0..5; nothing on day 3. Day 1 has a check-in (3) and an entry (5): mood 4, n = 2;
    # its craving is the day's highest, 8.
    checkin(vault, day(0), 2, 1)
    checkin(vault, day(1), 3, 3)
    vault.entries.save(Entry(entry_date=day(1), body="later", mood=5, craving=8))
    checkin(vault, day(2), 4, 2)
    checkin(vault, day(4), 5, 1)
    checkin(vault, day(5), 1, 0)
    insights = compute(vault, Period(day(0), day(5)), day(5))
    mood = insights.mood
    assert [(p.day, p.value, p.n) for p in mood.points] == [
        (day(0), 2.0, 1),
        (day(1), 4.0, 2),
        (day(2), 4.0, 1),
        (day(4), 5.0, 1),
        (day(5), 1.0, 1),
    ]
    # Day 4: the window holds days 0, 1, 2, 4 -> (2 + 4 + 4 + 5) / 4 = 3.75 over 4 days.
    # Day 5: (2 + 4 + 4 + 5 + 1) / 5 = 3.2 over 5 days. Day 3 has no point and no mean.
    assert mood.rolling == (RollingPoint(day(4), 3.75, 4), RollingPoint(day(5), 3.2, 5))
    assert mood.mean.n == 5 and mood.mean.value == pytest.approx(16 / 5)
    assert mood.days_without == 1
    assert [p.value for p in insights.cravings.points] == [1, 8, 2, 1, 0]
    assert insights.cravings.high_days == 1
    rows = {row[0]: row for row in mood.table().rows}
    assert rows[insights_day(day(3))][1:] == ("", "", "", "", "")
    assert rows[insights_day(day(4))][1:] == ("5", "great", "1", "3.75", "4")
    assert insights.habits.checked_in == 5 and insights.habits.journaled == 1


def test_the_7_day_mean_at_the_start_of_a_period_counts_the_days_before_it(vault: Vault) -> None:
    for n in range(-6, 1):
        checkin(vault, day(n), 3 if n < 0 else 5)
    insights = compute(vault, Period(day(0), day(0)), day(0))
    # Six days of 3 before the period and a 5 on its only day: (6 * 3 + 5) / 7.
    assert insights.mood.rolling == (RollingPoint(day(0), 23 / 7, 7),)
    assert insights.mood.points == (DayPoint(day(0), 5.0, 1),)


def test_no_trend_on_fewer_than_7_points(vault: Vault) -> None:
    for n in range(6):
        checkin(vault, day(n), 1 + n % 5)
    insights = compute(vault, Period(day(0), day(9)), day(9))
    assert insights.mood.trend is None and "too few days to show a trend" in insights.mood.summary()
    checkin(vault, day(6), 5)
    assert compute(vault, Period(day(0), day(9)), day(9)).mood.trend is not None


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield ZoneInfo("America/New_York")
    monkeypatch.undo()
    time.tzset()


def test_a_late_evening_counts_on_its_local_day(vault: Vault, new_york) -> None:
    # 23:30 on 10 March in New York (summer time) is 03:30 on 11 March in UTC.
    evening = datetime(2025, 3, 10, 23, 30, tzinfo=new_york)
    assert evening.astimezone(UTC) == datetime(2025, 3, 11, 3, 30, tzinfo=UTC)
    dana = vault.contacts.save(Contact("Dana", Role.SPONSOR))
    vault.connections.save(Connection(evening, ConnectionKind.CALL, contact_id=dana.id))
    for n, mood in ((10, 4), (11, 2), (12, 2), (9, 5)):
        checkin(vault, date(2025, 3, n), mood)
    goal = vault.goals.save(Goal("Call Mum on Sundays"))
    vault.goals.save_commitment(
        Commitment(goal.id, "Call", outcome=Outcome.KEPT, noted_at=evening.astimezone(UTC))
    )
    period = Period(date(2025, 3, 9), date(2025, 3, 12))
    insights = compute(vault, period, period.last, tz=new_york)
    compare = insights.mood_by_connection
    assert compare.with_values == (4.0,) and compare.without_values == (5.0, 2.0, 2.0)
    assert compare.connection_days == 1
    assert [p.day for p in insights.trust.goals[0].points] == [date(2025, 3, 10)]
    assert insights.network.people[0].last_day == date(2025, 3, 10)


def test_a_new_start_in_the_middle_of_the_period(vault: Vault) -> None:
    vault.recovery_starts.add(RecoveryStart(day(0)))
    vault.recovery_starts.add(RecoveryStart(day(10)))  # day 9 was the slip day
    insights = compute(vault, Period(day(5), day(20)), day(20))
    runs = insights.runs
    # First run: days 0..8 sober, 9 days (10 - 0 - 1); shown from the period's first day.
    # Current run: from day 10, 10 completed days by day 20.
    assert [(s.start, s.first, s.last, s.days, s.current) for s in runs.spans] == [
        (day(0), day(5), day(8), 9, False),
        (day(10), day(10), day(20), 10, True),
    ]
    assert runs.new_starts == (day(10),)
    assert (runs.current, runs.longest, runs.total) == (10, 10, 19)
    assert "1 new start" in runs.summary() and "the days before still count" in runs.summary()


def test_one_connection_only(vault: Vault) -> None:
    dana = vault.contacts.save(Contact("Dana R.", Role.SPONSOR))
    vault.connections.save(
        Connection(at(day(0)), ConnectionKind.CALL, contact_id=dana.id, felt_supported=5)
    )
    for n, mood in ((0, 4), (1, 2), (2, 3)):
        checkin(vault, day(n), mood)
    insights = compute(vault, Period(day(0), day(2)), day(2))
    by_role = insights.connections
    assert by_role.totals["sponsor"] == 1 and by_role.total == 1 and by_role.roles == ("sponsor",)
    assert by_role.supported.value == 5 and by_role.supported.n == 1
    compare = insights.mood_by_connection
    assert compare.with_values == (4.0,) and compare.without_values == (2.0, 3.0)
    assert not compare.comparable and compare.with_interval is None and compare.difference is None
    assert "too few days" in compare.summary()
    (person,) = insights.network.people
    assert (person.name, person.role, person.connections, person.days_since) == (
        "Dana R.",
        "sponsor",
        1,
        2,
    )
    texts = [f.text for f in insights.findings()]
    assert not any("go together" in t for t in texts)  # one day cannot carry a comparison


def test_mood_with_and_without_a_connection_with_counts_and_an_interval(vault: Vault) -> None:
    meeting = vault.communities.save(Community("Tuesday group", CommunityKind.MEETING))
    # Connection days 0, 2, 4 (moods 4, 5, 4); days without: 1, 3, 5 (moods 2, 3, 2).
    for n in range(6):
        checkin(vault, day(n), (4, 2, 5, 3, 4, 2)[n])
        if n % 2 == 0:
            vault.connections.save(
                Connection(at(day(n)), ConnectionKind.MEETING, community_id=meeting.id)
            )
    insights = compute(vault, Period(day(0), day(5)), day(5))
    compare = insights.mood_by_connection
    assert compare.with_mean.value == pytest.approx(13 / 3) and compare.with_mean.n == 3
    assert compare.without_mean.value == pytest.approx(7 / 3) and compare.without_mean.n == 3
    interval = compare.difference
    assert interval is not None and interval.method == "bootstrap"
    assert interval.low <= 2.0 <= interval.high and interval.high - interval.low >= 1.0
    assert compute(vault, Period(day(0), day(5)), day(5)).mood_by_connection == compare
    (finding, *_) = insights.findings()
    assert finding.text.startswith("You logged a connection on 3 of the 6 days from")
    assert "mood averaged 4.3, on the others 2.3" in finding.text
    assert "does not show that one causes the other" in finding.text
    assert "mood recorded on 3 of them and on 3 days without" in finding.counts
    assert insights.connections.roles == ("group",)
    assert insights.cravings.meeting_days == (day(0), day(2), day(4))
    assert insights.meetings.meetings == 3 and insights.meetings.bins[0].meetings == 3
    # Meetings without service: said without "did service 0 times".
    activity = next(f.text for f in insights.findings() if "meetings" in f.text)
    assert activity.startswith("You went to 3 meetings ") and "service" not in activity
    assert "service" not in insights.meetings.summary()


def test_what_helps_counts_by_hand(vault: Vault) -> None:
    # Cravings 8, 4, 9, 9 on days 0..3 (7 or more: days 0, 2, 3).
    checkin(vault, day(0), 3, 8, triggers=("payday",), coping=("walk",))
    checkin(vault, day(1), 3, 4, triggers=("tired",))
    checkin(vault, day(2), 3, 9, coping=("walk",))
    checkin(vault, day(3), 3, 9)
    helps = compute(vault, Period(day(0), day(3)), day(3)).helps
    assert helps.high_days == 3
    # "payday" on day 0 (a high day); "tired" on day 1, the day before high day 2.
    assert [(t.name, t.high_days) for t in helps.triggers] == [("payday", 1), ("tired", 1)]
    # "walk" on day 0 (8 -> 4: lower) and day 2 (9 -> 9: not): 1 of 2.
    assert [(c.name, c.eased, c.times) for c in helps.coping] == [("walk", 1, 2)]
    # Every pair: 8 -> 4, 4 -> 9, 9 -> 9: lower once in 3.
    assert (helps.baseline.eased, helps.baseline.times) == (1, 3)
    assert helps.table().rows[-1] == ("Any day, craving lower next day", "all days", "1 of 3 times")


def test_trust_per_goal_uses_the_core_score_and_carries_the_score_in(vault: Vault) -> None:
    goal = vault.goals.save(Goal("Rebuild trust with Maya"))
    for n, outcome in ((0, Outcome.KEPT), (1, Outcome.MISSED), (5, Outcome.KEPT)):
        vault.goals.save_commitment(
            Commitment(goal.id, f"promise {n}", outcome=outcome, noted_at=at(day(n)))
        )
    vault.goals.save_commitment(Commitment(goal.id, "later", due_date=day(9)))
    (trust,) = compute(vault, Period(day(3), day(6)), day(6)).trust.goals
    assert trust.carried_in is not None and trust.carried_in.score == 0.5
    assert [(p.day, p.score) for p in trust.points] == [(day(5), 2 / 3)]
    assert (trust.kept, trust.missed, trust.pending) == (1, 0, 1)


def test_private_entries_can_be_left_out(vault: Vault) -> None:
    from recovery_desktop.core.models import Visibility

    checkin(vault, D, 4)
    vault.entries.save(Entry(entry_date=D, body="mine", mood=1, visibility=Visibility.PRIVATE))
    assert compute(vault, Period(D, D), D).mood.points[0].value == 2.5
    assert compute(vault, Period(D, D), D, include_private=False).mood.points[0].value == 4.0


def test_a_cravings_finding_says_what_its_counts_count(vault: Vault) -> None:
    """Seen on the demo: "stayed below 7 on all 30 days" over "0 of 30 days with a craving
    noted", which read as if no craving had been noted at all."""
    for n, craving in enumerate((2, 3, 8)):
        checkin(vault, day(n), 3, craving)
    (finding,) = [
        f for f in compute(vault, Period(day(0), day(2)), day(2)).findings() if "craving" in f.text
    ]
    assert finding.text == "On 1 of the 3 days you noted a craving, it reached 7 or more."
    assert finding.counts.startswith("1 of 3 days with a craving noted reached 7 or more;")
