# SPDX-License-Identifier: GPL-3.0-or-later
"""Schema 5 on the schema-4 fixture: every row kept, the plan's text as items, crisis lines
marked by country, and deletes that keep names from then on."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from recovery_desktop.core.models import Contact, PlanSection, Role
from recovery_desktop.storage import Vault
from recovery_desktop.storage.connection import Connection, close_database, open_database
from recovery_desktop.storage.keys import KeyFile
from recovery_desktop.storage.migrations import SCHEMA_VERSION, schema_version
from tests.fixtures.make_fixtures import PASSPHRASE

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
_FTS_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")


@pytest.fixture
def v4(tmp_path: Path) -> Path:
    folder = tmp_path / "vault-v4"
    shutil.copytree(FIXTURES / "vault-v4", folder)
    folder.chmod(0o700)
    return folder


def _tables(conn: Connection) -> dict[str, tuple[list[str], Counter]]:
    """Every table's columns and rows (as a multiset), FTS shadow tables left out (their
    virtual tables are read instead)."""
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    found = {}
    for name in names:
        if name.startswith("entry_fts") and name.endswith(_FTS_SHADOWS):
            continue
        columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')]
        rows = (
            conn.execute(f'SELECT rowid, * FROM "{name}"').fetchall()
            if name.startswith("entry_fts")
            else conn.execute(f'SELECT * FROM "{name}"').fetchall()
        )
        if name.startswith("entry_fts"):
            columns = ["rowid", *columns]
        found[name] = (columns, Counter(rows))
    return found


def _raw(folder: Path) -> Connection:
    key = KeyFile.load(folder / "vault.keys").unwrap_with_passphrase(PASSPHRASE)
    return open_database(folder / "vault.db", key)


def test_v4_fixture_has_rows_in_every_table(v4: Path) -> None:
    conn = _raw(v4)
    try:
        assert schema_version(conn) == 4
        empty = [name for name, (_, rows) in _tables(conn).items() if not rows]
        assert empty == []
    finally:
        close_database(conn)


def test_v4_migrates_forward_with_every_row_kept(v4: Path) -> None:
    conn = _raw(v4)
    before = _tables(conn)
    plan = conn.execute("SELECT * FROM safety_plan").fetchone()
    plan_columns = [r[1] for r in conn.execute("PRAGMA table_info(safety_plan)")]
    close_database(conn)

    with Vault.open(v4, PASSPHRASE) as vault:
        conn = vault.connection
        assert schema_version(conn) == SCHEMA_VERSION  # 5, then every later step
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        after = _tables(conn)
        for name, (columns, rows) in before.items():
            if name == "safety_plan":
                assert name not in after  # its text is items now (below)
                continue
            new_columns, new_rows = after[name]
            assert set(columns) <= set(new_columns), name
            picked = [new_columns.index(c) for c in columns]
            projected = Counter(tuple(row[i] for i in picked) for row in new_rows.elements())
            assert rows - projected == Counter(), name  # every old row is there
            if name != "setting":  # which gains the plan's "updated at"
                assert projected == rows, name

        # The plan's text: one item per line, blank lines dropped, in order, nothing else lost.
        old_plan = dict(zip(plan_columns, plan, strict=True))
        for section in PlanSection:
            lines = [line.strip() for line in old_plan[section.value].splitlines()]
            items = vault.safety_plan.items(section)
            assert [i.text for i in items] == [line for line in lines if line], section
            assert [i.position for i in items] == list(range(len(items)))
        assert [i.text for i in vault.safety_plan.items(PlanSection.WARNING_SIGNS)] == [
            "Skipping meals",
            "Saying 'I'm fine' 🙂",
            "Driving past the old places",
        ]
        assert vault.safety_plan.updated_at().isoformat().startswith("2025-01-06T18:45")
        # The whole-plan text view reads the same as before.
        text_plan = vault.safety_plan.get()
        assert text_plan.help_people == "Dana (sponsor) 555-0142\nMaya 555-0178"

        # Crisis lines: as seeded (US), seeded then edited (US, edited), the person's own.
        lines = {line.phone: line for line in vault.crisis_lines.list()}
        assert (lines["988"].country, lines["988"].edited) == ("US", False)
        assert (lines["1-800-662-4357"].country, lines["1-800-662-4357"].edited) == ("US", True)
        assert (lines["555-0199"].country, lines["555-0199"].edited) == (None, True)
        assert vault.crisis_lines.country() is None  # not chosen yet: the app offers one

        # New columns start empty; the old rows read back through the repositories.
        assert all(c.snoozed_until is None for c in vault.contacts.list(include_archived=True))
        jess = vault.contacts.get(3)
        assert vault.contacts.to_complete() == [jess]
        assert [c.id for c in vault.connections.history(contact_id=1)] == [3, 1]
        assert vault.connections.get(7).contact_name == "Dr. Ellis"
        assert vault.connections.get(7).community_name == "Tuesday Night Group"
        assert vault.goals.get(1).contact_name == "Maya"
        assert vault.entries.get(6).people == (1, 2, 3)
        # The half-done search rebuild carries on after the upgrade.
        assert vault.search_index.rebuild_pending() and vault.search_index.rebuild()
        assert [s.id for s in vault.entries.search("soup 🍲")] == [6]


def test_after_the_upgrade_a_delete_keeps_every_name(v4: Path) -> None:
    with Vault.open(v4, PASSPHRASE) as vault:
        vault.contacts.delete(3)  # Jess: mentioned in entry 6, a connection on that day
        assert vault.contacts.get(3) is None
        entry = vault.entries.get(6)
        assert entry.people == (1, 2) and entry.people_kept == ("Jess",)
        kept = vault.connections.get(6)
        assert (kept.contact_id, kept.contact_name, kept.entry_id) == (None, "Jess", 6)
        vault.contacts.delete(2)  # Maya: a goal about her, a connection, two entries
        assert vault.goals.get(1).contact_id is None
        assert vault.goals.get(1).contact_name == "Maya"
        assert vault.entries.get(3).people_kept == ("Maya",)
        vault.communities.delete(1)  # the group of connections 4 and 7
        assert vault.connections.get(4).community_name == "Tuesday Night Group"
        assert vault.connections.get(7).contact_name == "Dr. Ellis"  # still linked
        assert vault.connections.count() == 7
        assert vault.connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_after_the_upgrade_ids_are_never_reused(v4: Path) -> None:
    with Vault.open(v4, PASSPHRASE) as vault:
        newest = vault.contacts.save(Contact("Newest", Role.PEER))
        vault.contacts.delete(newest.id)
        assert vault.contacts.save(Contact("After", Role.PEER)).id > newest.id
        connection = vault.connections.get(7)
        vault.connections.delete(7)
        logged = vault.connections.log(connection.occurred_at, connection.kind, contact_ids=[1])
        assert logged[0].id > 7
        assert vault.connections.restore([connection])[0].id == 7
        assert (
            vault.goals.save_commitment(
                vault.goals.get_commitment(4).__class__(
                    goal_id=2, promise="Lights out", due_date=date(2025, 2, 1)
                )
            ).id
            > 4
        )
