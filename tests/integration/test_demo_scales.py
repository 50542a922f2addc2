# SPDX-License-Identifier: GPL-3.0-or-later
"""`recovery-desktop demo --scale large` writes the benchmark vault (the small one: test_cli)."""

from __future__ import annotations

from pathlib import Path

from recovery_desktop.storage import Vault
from tests.integration.cli_helpers import run_cli


def test_demo_large(tmp_path: Path) -> None:
    folder = tmp_path / "large"
    result = run_cli(
        "demo",
        "--vault",
        str(folder),
        "--scale",
        "large",
        passphrase="demo passphrase",
    )
    assert result.returncode == 0, result.stderr
    with Vault.open(folder, "demo passphrase") as vault:
        conn = vault.connection
        assert vault.entries.count() == 20_000
        assert vault.connections.count() == 50_000
        assert len(vault.contacts.list(include_archived=True)) == 300
        mean_chars = conn.execute("SELECT avg(length(body)) FROM entry").fetchone()[0]
        assert 1200 < mean_chars < 1800
        first, last = conn.execute("SELECT min(entry_date), max(entry_date) FROM entry").fetchone()
        assert int(last[:4]) - int(first[:4]) >= 9
        assert len(vault.recovery_starts.list()) >= 3
        assert vault.entries.search("sponsor")
