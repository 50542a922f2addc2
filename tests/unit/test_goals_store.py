# SPDX-License-Identifier: GPL-3.0-or-later
"""Goals and promises on a real vault: to whom, overdue, counts, status, delete and undo; and
recovery starts: a new start dated tomorrow, corrections, the daily cost."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from recovery_desktop.core.models import (
    Commitment,
    Contact,
    Goal,
    GoalKind,
    GoalStatus,
    Outcome,
    OutcomeCounts,
    RecoveryStart,
    Role,
)
from recovery_desktop.core.regained import DailyCost, regained
from recovery_desktop.core.sobriety import current_run, planned_start
from recovery_desktop.core.trust import trust_score
from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage import Vault

TODAY = date(2026, 3, 14)


def test_goal_with_promises_to_whom_and_counts(vault: Vault) -> None:
    maya = vault.contacts.save(Contact("Maya", Role.FAMILY))
    leo = vault.contacts.save(Contact("Leo", Role.FAMILY))
    goal = vault.goals.save(
        Goal("Rebuild trust with Maya", GoalKind.TRUST, why="She counts on me", contact_id=maya.id)
    )
    assert goal.contact_name == "Maya" and vault.goals.get(goal.id) == goal
    kept = vault.goals.save_commitment(
        Commitment(
            goal.id, "Call on Sunday", due_date=TODAY - timedelta(days=6), contact_id=maya.id
        )
    )
    missed = vault.goals.save_commitment(
        Commitment(goal.id, "Pick Leo up", due_date=TODAY - timedelta(days=4), contact_id=leo.id)
    )
    overdue = vault.goals.save_commitment(
        Commitment(goal.id, "Return the pot", due_date=TODAY - timedelta(days=1), note="soup")
    )
    vault.goals.save_commitment(Commitment(goal.id, "Dinner", due_date=TODAY))
    vault.goals.mark(kept.id, Outcome.KEPT)
    vault.goals.mark(missed.id, Outcome.MISSED, note="Overslept; told her")
    stored = vault.goals.commitments(goal.id)
    assert [(c.promise, c.contact_name) for c in stored] == [
        ("Call on Sunday", "Maya"),
        ("Pick Leo up", "Leo"),
        ("Return the pot", ""),
        ("Dinner", ""),
    ]
    assert stored[1].note == "Overslept; told her" and stored[1].noted_at is not None
    assert trust_score(stored) == pytest.approx(0.5)
    assert vault.goals.outcome_counts() == {goal.id: OutcomeCounts(kept=1, missed=1, pending=2)}
    assert [c.id for c in vault.goals.overdue(TODAY)] == [overdue.id]
    assert [c.promise for c in vault.goals.commitments_due(TODAY, TODAY)] == ["Dinner"]
    # A paused goal's promises wait: Today does not ask about them.
    vault.goals.set_status(goal.id, GoalStatus.PAUSED)
    assert vault.goals.overdue(TODAY) == []
    assert vault.goals.set_status(goal.id, GoalStatus.LET_GO).status is GoalStatus.LET_GO
    assert [g.id for g in vault.goals.list(GoalStatus.LET_GO)] == [goal.id]
    with pytest.raises(ValidationError, match="no longer exists"):
        vault.goals.save_commitment(Commitment(10_000, "Nowhere"))


def test_deleting_the_person_keeps_the_name_on_goals_and_promises(vault: Vault) -> None:
    maya = vault.contacts.save(Contact("Maya", Role.FAMILY))
    goal = vault.goals.save(Goal("Trust with Maya", contact_id=maya.id))
    promise = vault.goals.save_commitment(Commitment(goal.id, "Call", contact_id=maya.id))
    vault.contacts.delete(maya.id)
    assert (vault.goals.get(goal.id).contact_id, vault.goals.get(goal.id).contact_name) == (
        None,
        "Maya",
    )
    kept = vault.goals.get_commitment(promise.id)
    assert (kept.contact_id, kept.contact_name) == (None, "Maya")
    # Editing it later keeps the name.
    vault.goals.save_commitment(replace(kept, note="still promised"))
    assert vault.goals.get_commitment(promise.id).contact_name == "Maya"


def test_goal_and_promise_delete_with_undo(vault: Vault) -> None:
    goal = vault.goals.save(Goal("Sleep before midnight", GoalKind.HEALTH))
    first = vault.goals.save_commitment(Commitment(goal.id, "Phone off at 11", due_date=TODAY))
    second = vault.goals.mark(
        vault.goals.save_commitment(Commitment(goal.id, "No coffee after 3")).id, Outcome.KEPT
    )
    removed = vault.goals.delete_commitment(first.id)
    assert removed == first and [c.id for c in vault.goals.commitments(goal.id)] == [second.id]
    newer = vault.goals.save_commitment(Commitment(goal.id, "Read instead"))
    assert newer.id > first.id  # ids never reused
    assert vault.goals.restore_commitment(removed) == first
    deleted = vault.goals.delete(goal.id)
    assert deleted is not None and vault.goals.get(goal.id) is None
    assert vault.goals.commitments(goal.id) == []
    again = vault.goals.restore(*deleted)
    assert again == goal
    assert [c.outcome for c in vault.goals.commitments(goal.id)] == [
        Outcome.PENDING,
        Outcome.KEPT,
        Outcome.PENDING,
    ]
    assert vault.goals.delete(10_000) is None


def test_a_new_start_is_dated_tomorrow_and_history_is_kept(vault: Vault) -> None:
    first = vault.recovery_starts.add(
        RecoveryStart(TODAY - timedelta(days=40), "The day I decided.")
    )
    start = vault.recovery_starts.add_new_start(TODAY, note="Told Dana right away.")
    assert start.start_date == TODAY + timedelta(days=1)
    assert vault.recovery_starts.add_new_start(TODAY) == start  # asking twice records it once
    starts = vault.recovery_starts.list()
    assert [s.start_date for s in starts] == [first.start_date, start.start_date]
    # Today still counts the run that ends (today is the slip day); tomorrow it starts again.
    assert current_run(starts, TODAY) == 40
    assert planned_start(starts, TODAY) == TODAY + timedelta(days=1)
    assert current_run(starts, TODAY + timedelta(days=1)) == 0
    corrected = vault.recovery_starts.update(replace(first, start_date=TODAY - timedelta(days=45)))
    assert vault.recovery_starts.list()[0] == corrected
    vault.recovery_starts.delete(first.id)
    with pytest.raises(ValidationError, match="no longer"):
        vault.recovery_starts.update(first)


def test_daily_cost_is_kept_exactly(vault: Vault) -> None:
    assert vault.recovery_starts.daily_cost() is None
    vault.recovery_starts.set_daily_cost(DailyCost(Decimal("12.50"), Decimal("2.5")))
    cost = vault.recovery_starts.daily_cost()
    assert cost == DailyCost(Decimal("12.50"), Decimal("2.5"))
    vault.recovery_starts.add(RecoveryStart(TODAY - timedelta(days=10)))
    summary = regained(vault.recovery_starts.list(), TODAY, cost)
    assert (summary.current.money, summary.current.hours) == (Decimal("125.00"), Decimal("25.0"))
    with pytest.raises(ValidationError, match="0 or more"):
        vault.recovery_starts.set_daily_cost(DailyCost(Decimal("-1"), Decimal(0)))
    with pytest.raises(ValidationError, match="at most 24"):
        vault.recovery_starts.set_daily_cost(DailyCost(Decimal(0), Decimal(25)))
    assert vault.recovery_starts.daily_cost() == cost
    vault.recovery_starts.set_daily_cost(None)
    assert vault.recovery_starts.daily_cost() is None
