# SPDX-License-Identifier: GPL-3.0-or-later
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from recovery_desktop.core.models import Commitment, Contact, Outcome
from recovery_desktop.core.reach_out import reach_outs_due
from recovery_desktop.core.trust import trust_over_time, trust_score, weighted_trust_score

TODAY = date(2026, 11, 24)


def _c(outcome: Outcome, days_ago: int) -> Commitment:
    noted = datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time(), UTC)
    return Commitment(goal_id=1, promise="p", outcome=outcome, noted_at=noted)


def test_trust_score_is_kept_over_resolved() -> None:
    items = [
        _c(Outcome.KEPT, 1),
        _c(Outcome.KEPT, 2),
        _c(Outcome.MISSED, 3),
        _c(Outcome.PENDING, 0),
    ]
    assert trust_score(items) == pytest.approx(2 / 3)
    assert trust_score([_c(Outcome.PENDING, 0)]) is None
    assert trust_score([]) is None


def test_weighted_score_favours_recent_promises() -> None:
    old_misses_recent_kept = [_c(Outcome.MISSED, 300)] * 3 + [_c(Outcome.KEPT, 1)] * 3
    plain = trust_score(old_misses_recent_kept)
    weighted = weighted_trust_score(old_misses_recent_kept, TODAY, half_life_days=60)
    assert plain == pytest.approx(0.5)
    assert weighted is not None and weighted > 0.9
    assert weighted_trust_score([], TODAY) is None
    with pytest.raises(ValueError):
        weighted_trust_score(old_misses_recent_kept, TODAY, half_life_days=0)


def test_trust_over_time_is_running_score_per_day() -> None:
    points = trust_over_time([_c(Outcome.MISSED, 5), _c(Outcome.KEPT, 3), _c(Outcome.KEPT, 3)])
    assert [(p.score, p.kept, p.missed) for p in points] == [
        (0.0, 0, 1),
        (pytest.approx(2 / 3), 2, 1),
    ]


def test_reach_outs_due_most_overdue_first() -> None:
    contacts = [
        Contact("Dana", reach_out_every_days=3, id=1),
        Contact("Mom", reach_out_every_days=7, id=2),
        Contact("New friend", reach_out_every_days=7, id=3),
        Contact("No rhythm", id=4),
        Contact("Archived", reach_out_every_days=1, archived=True, id=5),
        Contact("Recent", reach_out_every_days=7, id=6),
    ]
    last = {
        1: TODAY - timedelta(days=10),
        2: TODAY - timedelta(days=7),
        6: TODAY - timedelta(days=2),
    }
    due = reach_outs_due(contacts, last, TODAY)
    assert [(d.contact.name, d.days_overdue) for d in due] == [
        ("Dana", 7),
        ("Mom", 0),
        ("New friend", 0),
    ]
    assert due[2].last_in_touch is None


def test_trust_summary_holds_the_same_scores_and_the_outcomes_in_order() -> None:
    from recovery_desktop.core.trust import trust_summary

    items = [
        _c(Outcome.KEPT, 1),
        _c(Outcome.MISSED, 40),
        _c(Outcome.KEPT, 10),
        _c(Outcome.PENDING, 0),
        _c(Outcome.KEPT, -3),  # noted after the day asked: in the plain score only
    ]
    summary = trust_summary(items, TODAY)
    assert (summary.kept, summary.missed, summary.pending) == (3, 1, 1)
    assert summary.score == trust_score(items)
    assert summary.recent == weighted_trust_score(items, TODAY)
    assert summary.recent_n == 3
    assert summary.outcomes == (Outcome.MISSED, Outcome.KEPT, Outcome.KEPT, Outcome.KEPT)
    empty = trust_summary([], TODAY)
    assert (empty.score, empty.recent, empty.recent_n, empty.outcomes) == (None, None, 0, ())
