# SPDX-License-Identifier: GPL-3.0-or-later
"""The vault's own, editable crisis lines and the country they were chosen for.

Every vault was seeded with the US lines (schema 1). A line seeded for a country and never
edited may give way to another country's lines when the person (or, on first use, the app from
the system's country) picks one; lines the person wrote or changed are never replaced. The
chosen country is a vault setting; the unlock screen, which cannot read the vault, uses
`core.crisis_lines` with a country from the system or the app's settings.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import replace

from recovery_desktop.core.crisis_lines import crisis_lines_for, normal_country
from recovery_desktop.core.models import CrisisLine
from recovery_desktop.core.validation import ValidationError, clean_text
from recovery_desktop.storage.connection import Connection, transaction

COUNTRY_SETTING = "crisis_lines_country"
_COLUMNS = "id, name, phone, text, notes, country, edited"


def _cleaned(line: CrisisLine) -> CrisisLine:
    return replace(
        line,
        name=" ".join(clean_text(line.name, what="The line's name", limit=500).split()),
        phone=clean_text(line.phone, what="The number", limit=200).strip(),
        text=clean_text(line.text, what="The text option", limit=500).strip(),
        notes=clean_text(line.notes, what="The notes", limit=10_000).strip(),
    )


def is_blank(line: CrisisLine) -> bool:
    """A line with nothing to call or read yet (the empty line left to fill in)."""
    return not (line.name.strip() or line.phone.strip() or line.text.strip())


class CrisisLineRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def list(self) -> list[CrisisLine]:
        """Every line in the person's order, blank ones to fill in included."""
        return [
            _line(r)
            for r in self._conn.execute(f"SELECT {_COLUMNS} FROM crisis_line ORDER BY position, id")
        ]

    def country(self) -> str | None:
        """The country chosen for the lines, or None when none was chosen yet (the app then
        offers the system's country through `choose_country`)."""
        row = self._conn.execute(
            "SELECT value FROM setting WHERE key = ?", (COUNTRY_SETTING,)
        ).fetchone()
        return json.loads(row[0]) if row else None

    def choose_country(self, country: str | None) -> list[CrisisLine]:
        """Make `country` the chosen one: lines seeded for another country and never edited
        give way to this country's defaults, placed first; the person's own and edited lines
        stay, in their order. A country whose lines are already there is not seeded twice."""
        code = normal_country(country)
        with transaction(self._conn):
            self._conn.execute(
                "DELETE FROM crisis_line WHERE country IS NOT NULL AND edited = 0 AND country <> ?",
                (code,),
            )
            kept = [line.id for line in self.list()]
            has_own = self._conn.execute(
                "SELECT 1 FROM crisis_line WHERE country = ?", (code,)
            ).fetchone()
            new_ids = [] if has_own else [self._insert(line, 0) for line in crisis_lines_for(code)]
            self._renumber([*new_ids, *kept])
            self._conn.execute(
                "INSERT INTO setting (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (COUNTRY_SETTING, json.dumps(code)),
            )
        return self.list()

    def save(self, line: CrisisLine) -> CrisisLine:
        """Add a line of the person's own (id None: at the end) or change one. A changed line
        is marked edited, so no change of country replaces it."""
        line = _cleaned(line)
        if is_blank(line):
            raise ValidationError("A crisis line needs a name or a number.")
        with transaction(self._conn):
            if line.id is None:
                end = self._conn.execute(
                    "SELECT coalesce(max(position) + 1, 0) FROM crisis_line"
                ).fetchone()[0]
                line_id = self._insert(replace(line, edited=True), end)
                return replace(line, id=line_id, edited=True)
            stored = self.get(line.id)
            if stored is None:
                raise ValidationError("That crisis line is no longer there.")
            fields = (line.name, line.phone, line.text, line.notes)
            edited = stored.edited or fields != (
                stored.name,
                stored.phone,
                stored.text,
                stored.notes,
            )
            self._conn.execute(
                "UPDATE crisis_line SET name = ?, phone = ?, text = ?, notes = ?, edited = ? "
                "WHERE id = ?",
                (*fields, int(edited), line.id),
            )
        return replace(line, country=stored.country, edited=edited)

    def get(self, line_id: int) -> CrisisLine | None:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM crisis_line WHERE id = ?", (line_id,)
        ).fetchone()
        return _line(row) if row else None

    def delete(self, line_id: int) -> tuple[CrisisLine, int] | None:
        """Remove a line; returns it and its position for `restore` (undo)."""
        with transaction(self._conn):
            ids = [line.id for line in self.list()]
            if line_id not in ids:
                return None
            line = self.get(line_id)
            assert line is not None
            self._conn.execute("DELETE FROM crisis_line WHERE id = ?", (line_id,))
            self._renumber([i for i in ids if i != line_id])
        return line, ids.index(line_id)

    def restore(self, line: CrisisLine, position: int) -> CrisisLine:
        """Put back a line removed by `delete`, at its position, as it was (flags too)."""
        with transaction(self._conn):
            ids = [existing.id for existing in self.list()]
            # Crisis-line ids may be reused (schema 1): a taken id gets a new one.
            line_id = self._insert(line, 0, keep_id=line.id not in ids)
            ids.insert(max(0, min(position, len(ids))), line_id)
            self._renumber(ids)
        return replace(line, id=line_id)

    def reorder(self, line_ids: Sequence[int]) -> list[CrisisLine]:
        """Put the lines in this order (every line's id, each once)."""
        with transaction(self._conn):
            current = {line.id for line in self.list()}
            if set(line_ids) != current or len(line_ids) != len(current):
                raise ValidationError("The crisis lines changed meanwhile; please try again.")
            self._renumber(list(line_ids))
        return self.list()

    def replace_all(self, lines: Iterable[CrisisLine]) -> list[CrisisLine]:
        """Write the whole list (the whole-plan `SafetyPlan` save). Lines equal to a stored
        one keep its country and flags; any other line is the person's own."""
        stored = self.list()
        wanted = [_cleaned(line) for line in lines]
        with transaction(self._conn):
            self._conn.execute("DELETE FROM crisis_line")
            for position, line in enumerate(wanted):
                same = next(
                    (
                        s
                        for s in stored
                        if (s.name, s.phone, s.text, s.notes)
                        == (line.name, line.phone, line.text, line.notes)
                    ),
                    None,
                )
                if same is not None:
                    stored.remove(same)
                    line = replace(line, country=same.country, edited=same.edited)
                elif not line.name:
                    raise ValidationError("Each crisis line needs a name.")
                else:
                    line = replace(line, edited=True)
                self._insert(line, position)
        return self.list()

    # --- internals -----------------------------------------------------------------------------

    def _insert(self, line: CrisisLine, position: int, keep_id: bool = False) -> int:
        cursor = self._conn.execute(
            "INSERT INTO crisis_line (id, position, name, phone, text, notes, country, edited) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                line.id if keep_id else None,
                position,
                line.name,
                line.phone,
                line.text,
                line.notes,
                line.country,
                int(line.edited),
            ),
        )
        return int(cursor.lastrowid)

    def _renumber(self, line_ids: Sequence[int | None]) -> None:
        self._conn.executemany(
            "UPDATE crisis_line SET position = ? WHERE id = ?",
            [(position, line_id) for position, line_id in enumerate(line_ids)],
        )


def _line(row: Sequence[object]) -> CrisisLine:
    return CrisisLine(
        id=row[0],
        name=row[1],
        phone=row[2],
        text=row[3],
        notes=row[4],
        country=row[5],
        edited=bool(row[6]),
    )
