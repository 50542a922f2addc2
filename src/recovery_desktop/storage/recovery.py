# SPDX-License-Identifier: GPL-3.0-or-later
"""Recovery starts (sober-day count history), what using cost each day, settings and templates.

The safety plan and crisis lines live in `safety_plan.py` and `crisis_lines.py`.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from recovery_desktop.core.models import RecoveryStart
from recovery_desktop.core.regained import DailyCost, daily_cost
from recovery_desktop.core.sobriety import new_start_day
from recovery_desktop.core.validation import ValidationError, check_date, clean_text
from recovery_desktop.storage.codec import day, from_day, now_utc, ts
from recovery_desktop.storage.connection import Connection, transaction

DAILY_COST_SETTING = "daily_cost"


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

    def add_new_start(self, today: date, note: str = "") -> RecoveryStart:
        """Record "a new start" after a slip today: dated tomorrow (`core.sobriety`), so today
        counts as the slip day and the run that ends keeps its days. Asking twice records it
        once (the start already there is returned)."""
        start_day = new_start_day(today)
        for start in self.list():
            if start.start_date == start_day:
                return start
        return self.add(RecoveryStart(start_day, note))

    def update(self, start: RecoveryStart) -> RecoveryStart:
        """Correct a start's date or note (Settings: "set the start date")."""
        if start.id is None:
            raise ValidationError("That start is not saved yet.")
        check_date(start.start_date, what="The start date", latest=date(9999, 12, 31))
        note = clean_text(start.note, what="The note", limit=10_000)
        with transaction(self._conn):
            cursor = self._conn.execute(
                "UPDATE recovery_start SET start_date = ?, note = ? WHERE id = ?",
                (day(start.start_date), note, start.id),
            )
            if cursor.rowcount == 0:
                raise ValidationError("That start is no longer in your history.")
        return replace(start, note=note)

    def list(self) -> list[RecoveryStart]:
        """Every start, oldest first: the history of starts."""
        rows = self._conn.execute(
            "SELECT id, start_date, note FROM recovery_start ORDER BY start_date, id"
        )
        return [RecoveryStart(id=r[0], start_date=from_day(r[1]), note=r[2]) for r in rows]

    def delete(self, start_id: int) -> None:
        """For correcting a mistaken entry only; the UI asks first."""
        with transaction(self._conn):
            self._conn.execute("DELETE FROM recovery_start WHERE id=?", (start_id,))

    def daily_cost(self) -> DailyCost | None:
        """What a day of using used to cost (money, hours), or None when never said."""
        row = self._conn.execute(
            "SELECT value FROM setting WHERE key = ?", (DAILY_COST_SETTING,)
        ).fetchone()
        if row is None:
            return None
        value = json.loads(row[0])
        return daily_cost(value.get("money", "0"), value.get("hours", "0"))

    def set_daily_cost(self, cost: DailyCost | None) -> None:
        """Keep the daily cost (as exact decimal strings), or forget it with None."""
        with transaction(self._conn):
            if cost is None:
                self._conn.execute("DELETE FROM setting WHERE key = ?", (DAILY_COST_SETTING,))
                return
            checked = daily_cost(cost.money, cost.hours)
            value = {"money": str(checked.money), "hours": str(checked.hours)}
            self._conn.execute(
                "INSERT INTO setting (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (DAILY_COST_SETTING, json.dumps(value)),
            )


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
