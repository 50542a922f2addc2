# SPDX-License-Identifier: GPL-3.0-or-later
"""Recovery starts (sober-day count history), the safety plan, settings and templates."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from recovery_desktop.core.models import CrisisLine, RecoveryStart, SafetyPlan
from recovery_desktop.core.validation import ValidationError, check_date, clean_text
from recovery_desktop.storage.codec import day, from_day, from_ts, now_utc, ts
from recovery_desktop.storage.connection import Connection, transaction


class RecoveryStartRepository:
    """Start dates are only ever added or corrected, never silently dropped: history is kept."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(self, start: RecoveryStart) -> RecoveryStart:
        check_date(start.start_date, what="The start date", latest=date(9999, 12, 31))
        note = clean_text(start.note, what="The note", limit=10_000)
        with transaction(self._conn):
            cursor = self._conn.execute(
                "INSERT INTO recovery_start (start_date, note, created_at) VALUES (?, ?, ?)",
                (day(start.start_date), note, ts(now_utc())),
            )
        return replace(start, id=cursor.lastrowid, note=note)

    def list(self) -> list[RecoveryStart]:
        rows = self._conn.execute(
            "SELECT id, start_date, note FROM recovery_start ORDER BY start_date, id"
        )
        return [RecoveryStart(id=r[0], start_date=from_day(r[1]), note=r[2]) for r in rows]

    def delete(self, start_id: int) -> None:
        """For correcting a mistaken entry only; the UI asks first."""
        with transaction(self._conn):
            self._conn.execute("DELETE FROM recovery_start WHERE id=?", (start_id,))


class SafetyPlanRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self) -> SafetyPlan:
        """The plan; an empty one (with the default crisis lines) until the person writes it."""
        row = self._conn.execute(
            f"SELECT {', '.join(SafetyPlan.FIELDS)}, updated_at FROM safety_plan WHERE id = 1"
        ).fetchone()
        lines = tuple(
            CrisisLine(id=r[0], name=r[1], phone=r[2], text=r[3], notes=r[4])
            for r in self._conn.execute(
                "SELECT id, name, phone, text, notes FROM crisis_line ORDER BY position, id"
            )
        )
        if row is None:
            return SafetyPlan(crisis_lines=lines)
        values = dict(zip(SafetyPlan.FIELDS, row[:-1], strict=True))
        return SafetyPlan(**values, crisis_lines=lines, updated_at=from_ts(row[-1]))

    def save(self, plan: SafetyPlan) -> SafetyPlan:
        values = [clean_text(getattr(plan, f), what="The safety plan") for f in SafetyPlan.FIELDS]
        for line in plan.crisis_lines:
            if not line.name.strip():
                raise ValidationError("Each crisis line needs a name.")
        now = now_utc()
        columns = ", ".join(SafetyPlan.FIELDS)
        with transaction(self._conn):
            self._conn.execute(
                f"INSERT OR REPLACE INTO safety_plan (id, {columns}, updated_at) "
                f"VALUES (1, {', '.join('?' for _ in SafetyPlan.FIELDS)}, ?)",
                (*values, ts(now)),
            )
            self._conn.execute("DELETE FROM crisis_line")
            self._conn.executemany(
                "INSERT INTO crisis_line (position, name, phone, text, notes) VALUES (?,?,?,?,?)",
                [
                    (i, line.name.strip(), line.phone.strip(), line.text.strip(), line.notes)
                    for i, line in enumerate(plan.crisis_lines)
                ],
            )
        return self.get()


class SettingsRepository:
    """Settings that belong to the person (inside the vault), stored as JSON values."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, key: str, default: object = None) -> object:
        row = self._conn.execute("SELECT value FROM setting WHERE key=?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set(self, key: str, value: object) -> None:
        with transaction(self._conn):
            self._conn.execute(
                "INSERT INTO setting (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value)),
            )


class TemplateRepository:
    """The person's own writing templates (built-in prompts live in code)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def list(self) -> list[tuple[int, str, str]]:
        return [
            (r[0], r[1], r[2])
            for r in self._conn.execute(
                "SELECT id, title, body FROM writing_template ORDER BY title"
            )
        ]

    def add(self, title: str, body: str) -> int:
        title = " ".join(clean_text(title, what="The template's name", limit=200).split())
        if not title:
            raise ValidationError("A template needs a name.")
        with transaction(self._conn):
            cursor = self._conn.execute(
                "INSERT INTO writing_template (title, body, created_at) VALUES (?, ?, ?)",
                (title, clean_text(body, what="The template"), ts(now_utc())),
            )
        return int(cursor.lastrowid)

    def delete(self, template_id: int) -> None:
        with transaction(self._conn):
            self._conn.execute("DELETE FROM writing_template WHERE id=?", (template_id,))
