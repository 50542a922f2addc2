# SPDX-License-Identifier: GPL-3.0-or-later
"""Four command lines open a vault that needs an upgrade at the same moment (issue 6, #17).

Each child loads everything first, then waits at a gate; the test opens the gate for all four
at once, so they reach the schema check together. One upgrades, the others wait for the write
lock, see the new version, and simply carry on.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from recovery_desktop.storage import Vault
from recovery_desktop.storage.migrations import SCHEMA_VERSION, schema_version
from tests.fixtures.make_fixtures import PASSPHRASE

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
PROCESSES = 4

CHILD = """
import sys
from recovery_desktop import cli
import recovery_desktop.storage.vault  # loaded before the gate: only the race is left
print("ready", flush=True)
sys.stdin.readline()
sys.exit(cli.main(sys.argv[1:]))
"""


@pytest.mark.parametrize("schema", [1, 2])
def test_four_processes_upgrade_one_vault_together(tmp_path: Path, schema: int) -> None:
    folder = tmp_path / "vault"
    shutil.copytree(FIXTURES / f"vault-v{schema}", folder)
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECOVERY_DESKTOP_PASS")}
    env["RECOVERY_DESKTOP_PASSPHRASE"] = PASSPHRASE
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, "add", "--vault", str(folder), f"written by child {i}"],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(PROCESSES)
    ]
    for child in children:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    for child in children:  # open the gate for all of them
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    results = [(child.wait(120), *child.communicate()) for child in children]

    failures = [(code, err) for code, _out, err in results if code != 0]
    assert failures == []
    with Vault.open(folder, PASSPHRASE) as vault:
        assert schema_version(vault.connection) == SCHEMA_VERSION
        assert vault.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        bodies = {row[0] for row in vault.connection.execute("SELECT body FROM entry")}
    assert {f"written by child {i}" for i in range(PROCESSES)} <= bodies
    # One upgrade, so one copy put aside before it (its database and its key file).
    backups = sorted(p.suffix for p in (folder / "backups").iterdir())
    assert backups == [".db", ".keys"]
