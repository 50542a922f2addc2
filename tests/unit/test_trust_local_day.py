# SPDX-License-Identifier: GPL-3.0-or-later
"""Trust outcomes count on the person's local day, not the UTC one (issue 6, point 12).

The vault stores when an outcome was noted in UTC; a promise kept at 21:00 in New York is
02:00 the next day in UTC, and must still count for the evening it was kept.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from recovery_desktop.core.models import Commitment, Outcome
from recovery_desktop.core.trust import trust_over_time, weighted_trust_score

NEW_YORK_WINTER = timezone(timedelta(hours=-5))
TOKYO = timezone(timedelta(hours=9))


def _kept_at(moment: datetime) -> Commitment:
    return Commitment(goal_id=1, promise="Call Mum", outcome=Outcome.KEPT, noted_at=moment)


def test_an_evening_outcome_counts_on_the_local_day() -> None:
    evening = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # 21:00 on 1 March in New York
    points = trust_over_time([_kept_at(evening)], tz=NEW_YORK_WINTER)
    assert [p.day for p in points] == [date(2026, 3, 1)]
    points = trust_over_time([_kept_at(evening)], tz=TOKYO)  # 11:00 on 2 March in Tokyo
    assert [p.day for p in points] == [date(2026, 3, 2)]


def test_a_kept_promise_tonight_counts_as_of_tonight() -> None:
    evening = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
    missed = Commitment(goal_id=1, promise="x", outcome=Outcome.MISSED, due_date=date(2026, 1, 1))
    score = weighted_trust_score(
        [_kept_at(evening), missed], as_of=date(2026, 3, 1), tz=NEW_YORK_WINTER
    )
    assert score is not None and score > 0.5  # in UTC it would be "tomorrow" and ignored


def test_by_default_the_computers_own_zone_is_used(monkeypatch) -> None:
    import time

    monkeypatch.setenv("TZ", "EST+05")
    time.tzset()
    try:
        evening = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
        assert [p.day for p in trust_over_time([_kept_at(evening)])] == [date(2026, 3, 1)]
    finally:
        monkeypatch.undo()
        time.tzset()
