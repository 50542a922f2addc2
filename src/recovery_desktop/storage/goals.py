# SPDX-License-Identifier: GPL-3.0-or-later
"""Trust-rebuilding goals and the commitments made within them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from recovery_desktop.core.models import Commitment, Goal, GoalKind, GoalStatus, Outcome
from recovery_desktop.core.validation import ValidationError, clean_text
from recovery_desktop.storage.codec import day, from_day, from_ts, now_utc, ts
from recovery_desktop.storage.connection import Connection, transaction
from recovery_desktop.storage.sql import save_row

_GOAL_COLUMNS = "id, title, why, kind, contact_id, target_date, status, created_at"
_COMMITMENT_COLUMNS = "id, goal_id, promise, due_date, outcome, noted_at, note"


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
            goal_id = save_row(
                self._conn,
                "goal",
                goal.id,
                {
                    "title": goal.title,
                    "why": goal.why,
                    "kind": goal.kind.value,
                    "contact_id": goal.contact_id,
                    "target_date": day(goal.target_date),
                    "status": goal.status.value,
                },
                insert_only={"created_at": ts(goal.created_at)},
            )
        goal = replace(goal, id=goal_id)
        return goal

    def get(self, goal_id: int) -> Goal | None:
        row = self._conn.execute(
            f"SELECT {_GOAL_COLUMNS} FROM goal WHERE id=?", (goal_id,)
        ).fetchone()
        return _goal(row) if row else None

    def list(self, status: GoalStatus | None = None) -> list[Goal]:
        if status is None:
            rows = self._conn.execute(f"SELECT {_GOAL_COLUMNS} FROM goal ORDER BY created_at")
        else:
            rows = self._conn.execute(
                f"SELECT {_GOAL_COLUMNS} FROM goal WHERE status=? ORDER BY created_at",
                (status.value,),
            )
        return [_goal(r) for r in rows]

    def delete(self, goal_id: int) -> None:
        with transaction(self._conn):
            self._conn.execute("DELETE FROM goal WHERE id=?", (goal_id,))

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
            f"SELECT {_COMMITMENT_COLUMNS} FROM commitment WHERE id=?", (commitment_id,)
        ).fetchone()
        return _commitment(row) if row else None

    def commitments(self, goal_id: int) -> list[Commitment]:
        rows = self._conn.execute(
            f"SELECT {_COMMITMENT_COLUMNS} FROM commitment WHERE goal_id=? "
            "ORDER BY due_date IS NULL, due_date, id",
            (goal_id,),
        )
        return [_commitment(r) for r in rows]

    def commitments_due(self, first: date, last: date) -> list[Commitment]:
        """Pending commitments due on days first..last inclusive (dates)."""
        rows = self._conn.execute(
            f"SELECT {_COMMITMENT_COLUMNS} FROM commitment WHERE outcome='pending' "
            "AND due_date BETWEEN ? AND ? ORDER BY due_date, id",
            (day(first), day(last)),
        )
        return [_commitment(r) for r in rows]

    def delete_commitment(self, commitment_id: int) -> None:
        with transaction(self._conn):
            self._conn.execute("DELETE FROM commitment WHERE id=?", (commitment_id,))


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
    )
