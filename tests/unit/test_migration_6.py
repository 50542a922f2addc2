# SPDX-License-Identifier: GPL-3.0-or-later
"""Schema 6 on the schema-5 fixture: every row kept, and the day-by-day figures of Insights and
the report read from covering indexes instead of whole entry and connection rows."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from recovery_desktop.storage import Vault
from recovery_desktop.storage.connection import open_database
from recovery_desktop.storage.migrations import SCHEMA_VERSION, schema_version
from tests.fixtures.make_fixtures import PASSPHRASE

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def v5(tmp_path: Path) -> Path:
    folder = tmp_path / "vault-v5"
    shutil.copytree(FIXTURES / "vault-v5", folder)
    folder.chmod(0o700)
    return folder


def _all_rows(conn) -> dict[str, list[tuple]]:  # type: ignore[no-untyped-def]
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'entry_fts%' ORDER BY name"
        )
    ]
    return {n: conn.execute(f'SELECT * FROM "{n}" ORDER BY 1').fetchall() for n in names}


def test_v5_migrates_with_every_row_kept_and_uses_the_new_indexes(v5: Path) -> None:
    key = Vault.derive_key(v5, PASSPHRASE)
    conn = open_database(v5 / "vault.db", key)
    before = _all_rows(conn)
    assert schema_version(conn) == 5
    conn.close()

    with Vault.open(v5, PASSPHRASE) as vault:
        conn = vault.connection
        assert schema_version(conn) == SCHEMA_VERSION == 6
        assert _all_rows(conn) == before
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        plans = {
            "days": conn.execute(
                "EXPLAIN QUERY PLAN SELECT entry_date, total(mood), count(mood), max(craving), "
                "count(craving), max(is_checkin), max(is_checkin = 0), min(sober_today), "
                "max(sober_today) FROM entry WHERE entry_date BETWEEN ? AND ? "
                "AND visibility != 'private' GROUP BY entry_date",
                ("2025-01-01", "2025-12-31"),
            ).fetchall(),
            "connections": conn.execute(
                "EXPLAIN QUERY PLAN SELECT occurred_on, count(*), total(kind = 'meeting') "
                "FROM connection WHERE occurred_on BETWEEN ? AND ? GROUP BY occurred_on",
                ("2025-01-01", "2025-12-31"),
            ).fetchall(),
        }
        assert "COVERING INDEX entry_day_figures" in str(plans["days"])
        assert "COVERING INDEX connection_day_figures" in str(plans["connections"])
        days = vault.aggregates.days(date(2025, 1, 1), date(2025, 1, 31))
        assert [d.day for d in days][:3] == [date(2025, 1, 2), date(2025, 1, 3), date(2025, 1, 4)]
