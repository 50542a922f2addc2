# SPDX-License-Identifier: GPL-3.0-or-later
"""`search` on an upgraded vault prepares the index first, then finds emoji."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.fixtures.make_fixtures import PASSPHRASE
from tests.integration.cli_helpers import run_cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_search_prepares_the_index_once_then_finds_emoji(tmp_path: Path) -> None:
    folder = tmp_path / "vault-v3"
    shutil.copytree(FIXTURES / "vault-v3", folder)
    first = run_cli("search", "--vault", str(folder), "👍", passphrase=PASSPHRASE)
    assert first.returncode == 0, first.stderr
    assert first.stderr.splitlines() == ["Preparing search for the first time…"]
    assert first.stdout.startswith("2025-01-04 #3 Coffee ☕ with Dana —")
    assert "[👍🏽]" in first.stdout and "\u200b" not in first.stdout
    again = run_cli("search", "--vault", str(folder), "sunshine ☀", passphrase=PASSPHRASE)
    assert again.returncode == 0 and again.stderr == ""
    assert again.stdout.startswith("2025-01-04 #4 [Sunshine] [☀️] on the walk")
