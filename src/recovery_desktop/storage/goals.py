# SPDX-License-Identifier: GPL-3.0-or-later
"""Trust-rebuilding goals and the commitments made within them.

A goal may be about a person and a promise may be made to one (`contact_id`); when that contact
is deleted the name stays as text (`contact_name`). Deletes return what they removed, so the
Goals page can undo them with `restore` / `restore_commitment`: ids are never reused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from recovery_desktop.core.models import (
    Commitment,
    Goal,
    GoalKind,
    GoalStatus,
    Outcome,
    OutcomeCounts,
)
from recovery_desktop.core.validation import ValidationError, clean_text
from recovery_desktop.storage.codec import day, from_day, from_ts, now_utc, ts
from recovery_desktop.storage.connection import Connection, transaction
from recovery_desktop.storage.links import resolve
from recovery_desktop.storage.sql import save_row

_GOAL_COLUMNS = (
    "g.id, g.title, g.why, g.kind, g.contact_id, g.target_date, g.status, g.created_at, "
    "coalesce(p.name, g.contact_name)"
)
_GOAL_FROM = "FROM goal g LEFT JOIN contact p ON p.id = g.contact_id"
_COMMITMENT_COLUMNS = (
    "c.id, c.goal_id, c.promise, c.due_date, c.outcome, c.noted_at, c.note, c.contact_id, "
    "coalesce(p.name, c.contact_name)"
)
_COMMITMENT_FROM = "FROM commitment c LEFT JOIN contact p ON p.id = c.contact_id"


class GoalRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def save(self, goal: Goal) -> Goal:
        title = " ".join(clean_text(goal.title, what="The goal", limit=1000).split())
        if not title:
            raise ValidationError("A goal needs a few words to say what it is.")
        goal = replace(
            goal,
            title=title,
            why=clean_text(goal.why, what="The reason"),
            kind=GoalKind(goal.kind),
            status=GoalStatus(goal.status),
        )
        goal = replace(goal, created_at=goal.created_at or now_utc())
        with transaction(self._conn):
            contact_id, contact_name = resolve(
                self._conn, "contact", goal.contact_id, goal.contact_name
            )
            goal = replace(goal, contact_id=contact_id, contact_name=contact_name)
            goal_id = save_row(
                self._conn,
                "goal",
                goal.id,
                {
                    "title": goal.title,
                    "why": goal.why,
                    "kind": goal.kind.value,
                    "contact_id": contact_id,
                    "target_date": day(goal.target_date),
                    "status": goal.status.value,
                    "contact_name": "" if contact_id is not None else contact_name,
                },
                insert_only={"created_at": ts(goal.created_at)},
            )
        goal = replace(goal, id=goal_id)
        return goal

    def set_status(self, goal_id: int, status: GoalStatus) -> Goal | None:
        """Active, achieved, paused or let go: every status keeps the goal and its history."""
        with transaction(self._conn):
            self._conn.execute(
                "UPDATE goal SET status = ? WHERE id = ?", (GoalStatus(status).value, goal_id)
            )
        return self.get(goal_id)

    def get(self, goal_id: int) -> Goal | None:
        row = self._conn.execute(
            f"SELECT {_GOAL_COLUMNS} {_GOAL_FROM} WHERE g.id=?", (goal_id,)
        ).fetchone()
        return _goal(row) if row else None

    def list(self, status: GoalStatus | None = None) -> list[Goal]:
        """Goals in the order they were set (all, or those of one status)."""
        if status is None:
            rows = self._conn.execute(
                f"SELECT {_GOAL_COLUMNS} {_GOAL_FROM} ORDER BY g.created_at, g.id"
            )
        else:
            rows = self._conn.execute(
                f"SELECT {_GOAL_COLUMNS} {_GOAL_FROM} WHERE g.status=? ORDER BY g.created_at, g.id",
                (GoalStatus(status).value,),
            )
        return [_goal(r) for r in rows]

    def outcome_counts(self) -> dict[int, OutcomeCounts]:
        """Goal id -> how many of its promises were kept, missed and are pending (goals
        without promises are absent): the Goals list's figures in one query."""
        rows = self._conn.execute(
            "SELECT goal_id, sum(outcome = 'kept'), sum(outcome = 'missed'), "
            "sum(outcome = 'pending') FROM commitment GROUP BY goal_id"
        )
        return {r[0]: OutcomeCounts(r[1], r[2], r[3]) for r in rows}

    def delete(self, goal_id: int) -> tuple[Goal, list[Commitment]] | None:
        """Delete a goal and its promises; returns both for `restore` (undo)."""
        with transaction(self._conn):
            goal = self.get(goal_id)
            if goal is None:
                return None
            commitments = self.commitments(goal_id)
            self._conn.execute("DELETE FROM goal WHERE id=?", (goal_id,))
        return goal, commitments

    def restore(self, goal: Goal, commitments: Sequence[Commitment] = ()) -> Goal:
        """Put back a goal removed by `delete`, with its id and promises."""
        with transaction(self._conn):
            restored = self.save(goal)
            for commitment in commitments:
                self.save_commitment(commitment)
        return restored

    # --- commitments -------------------------------------------------------------------------

    def save_commitment(self, commitment: Commitment) -> Commitment:
        promise = " ".join(clean_text(commitment.promise, what="The promise", limit=2000).split())
        if not promise:
            raise ValidationError("A commitment needs a few words to say what was promised.")
        commitment = replace(
            commitment,
            promise=promise,
            outcome=Outcome(commitment.outcome),
            note=clean_text(commitment.note, what="The note"),
        )
        if commitment.outcome is not Outcome.PENDING and commitment.noted_at is None:
            commitment = replace(commitment, noted_at=now_utc())
        with transaction(self._conn):
            if not self._conn.execute(
                "SELECT 1 FROM goal WHERE id = ?", (commitment.goal_id,)
            ).fetchone():
                raise ValidationError("That goal no longer exists.")
            contact_id, contact_name = resolve(
                self._conn, "contact", commitment.contact_id, commitment.contact_name
            )
            commitment = replace(commitment, contact_id=contact_id, contact_name=contact_name)
            commitment_id = save_row(
                self._conn,
                "commitment",
                commitment.id,
                {
                    "goal_id": commitment.goal_id,
                    "promise": commitment.promise,
                    "due_date": day(commitment.due_date),
                    "outcome": commitment.outcome.value,
                    "noted_at": ts(commitment.noted_at) if commitment.noted_at else None,
                    "note": commitment.note,
                    "contact_id": contact_id,
                    "contact_name": "" if contact_id is not None else contact_name,
                },
            )
        commitment = replace(commitment, id=commitment_id)
        return commitment

    def mark(self, commitment_id: int, outcome: Outcome, note: str = "") -> Commitment:
        """Record that a commitment was kept or missed (or set it back to pending)."""
        current = self.get_commitment(commitment_id)
        if current is None:
            raise ValidationError("That commitment no longer exists.")
        noted = None if outcome is Outcome.PENDING else now_utc()
        return self.save_commitment(
            replace(current, outcome=outcome, noted_at=noted, note=note or current.note)
        )

    def get_commitment(self, commitment_id: int) -> Commitment | None:
        row = self._conn.execute(
            f"SELECT {_COMMITMENT_COLUMNS} {_COMMITMENT_FROM} WHERE c.id=?", (commitment_id,)
        ).fetchone()
        return _commitment(row) if row else None

    def commitments(self, goal_id: int) -> list[Commitment]:
        """A goal's promises by due date (undated last)."""
        rows = self._conn.execute(
            f"SELECT {_COMMITMENT_COLUMNS} {_COMMITMENT_FROM} WHERE c.goal_id=? "
            "ORDER BY c.due_date IS NULL, c.due_date, c.id",
            (goal_id,),
        )
        return [_commitment(r) for r in rows]

    def commitments_due(self, first: date, last: date) -> list[Commitment]:
        """Pending commitments due on days first..last inclusive (dates)."""
        rows = self._conn.execute(
            f"SELECT {_COMMITMENT_COLUMNS} {_COMMITMENT_FROM} WHERE c.outcome='pending' "
            "AND c.due_date BETWEEN ? AND ? ORDER BY c.due_date, c.id",
            (day(first), day(last)),
        )
        return [_commitment(r) for r in rows]

    def overdue(self, today: date) -> list[Commitment]:
        """Pending promises whose due day has passed (before `today`), oldest first: Today
        asks for an honest answer on each. Those of paused or let-go goals are left out."""
        rows = self._conn.execute(
            f"SELECT {_COMMITMENT_COLUMNS} {_COMMITMENT_FROM} JOIN goal g ON g.id = c.goal_id "
            "WHERE c.outcome = 'pending' AND c.due_date < ? "
            "AND g.status IN ('active', 'achieved') ORDER BY c.due_date, c.id",
            (day(today),),
        )
        return [_commitment(r) for r in rows]

    def delete_commitment(self, commitment_id: int) -> Commitment | None:
        """Remove a promise; returns it for `restore_commitment` (undo)."""
        with transaction(self._conn):
            commitment = self.get_commitment(commitment_id)
            self._conn.execute("DELETE FROM commitment WHERE id=?", (commitment_id,))
        return commitment

    def restore_commitment(self, commitment: Commitment) -> Commitment:
        """Put back a promise removed by `delete_commitment`, with its id and outcome."""
        return self.save_commitment(commitment)


def _goal(row: Sequence[object]) -> Goal:
    return Goal(
        id=row[0],
        title=row[1],
        why=row[2],
        kind=GoalKind(row[3]),
        contact_id=row[4],
        target_date=from_day(row[5]),
        status=GoalStatus(row[6]),
        created_at=from_ts(row[7]),
        contact_name=row[8] or "",
    )


def _commitment(row: Sequence[object]) -> Commitment:
    return Commitment(
        id=row[0],
        goal_id=row[1],
        promise=row[2],
        due_date=from_day(row[3]),
        outcome=Outcome(row[4]),
        noted_at=from_ts(row[5]),
        note=row[6],
        contact_id=row[7],
        contact_name=row[8] or "",
    )
