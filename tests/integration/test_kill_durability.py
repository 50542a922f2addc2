# SPDX-License-Identifier: GPL-3.0-or-later
"""SIGKILL a writer at random moments: no acknowledged write is lost, the database stays sound."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from recovery_desktop.storage import Vault
from tests.conftest import PASSPHRASE

REPO = Path(__file__).resolve().parents[2]


def _kill_once(
    vault_dir: Path, run: int, rng: random.Random, checks: list[tuple[int, int, int]]
) -> set[int]:
    """Start the writer, let it write for a random while, SIGKILL it; return acknowledged ids.

    The writer's start-up check of the file the previous kill left goes into `checks`.
    """
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.integration.kill_writer",
            str(vault_dir),
            PASSPHRASE,
            str(run),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    acked: set[int] = set()
    ready = threading.Event()
    damaged: list[str] = []

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("damaged "):
                damaged.append(line)
                ready.set()
            elif line.startswith("check "):
                pages, file_pages, from_wal = map(int, line.split()[1:])
                checks.append((pages, file_pages, from_wal))
            elif line.startswith("ready"):
                ready.set()
            elif line.startswith("ack "):
                acked.add(int(line.split()[1]))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert ready.wait(30), "writer did not start"
    assert not damaged, f"a healthy vault was called damaged after a kill: {damaged}"
    time.sleep(rng.uniform(0.0, 0.12))
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    reader.join(10)
    return acked


def _check(vault_dir: Path, acked: set[int]) -> None:
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        conn = vault.connection
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0] for row in conn.execute("SELECT id FROM entry")}
        missing = acked - stored
        assert not missing, f"acknowledged entries lost: {sorted(missing)[:10]}"
        # Each entry is whole: its tags and search row were committed with it.
        assert (
            conn.execute(
                "SELECT count(*) FROM entry e WHERE NOT EXISTS (SELECT 1 FROM entry_tag t WHERE t.entry_id = e.id)"
            ).fetchone()[0]
            == 0
        )
        assert conn.execute("SELECT count(*) FROM entry_fts").fetchone()[0] == len(stored)
        assert (
            conn.execute("INSERT INTO entry_fts(entry_fts) VALUES('integrity-check')") is not None
        )


def _run(vault_dir: Path, times: int, seed: int) -> None:
    rng = random.Random(seed)
    all_acked: set[int] = set()
    checks: list[tuple[int, int, int]] = []
    for run in range(times):
        all_acked |= _kill_once(vault_dir, run, rng, checks)
        if run % 10 == 9 or run == times - 1:
            _check(vault_dir, all_acked)
    assert len(all_acked) > times  # the writer really wrote
    # The whole-file check met the hard case, not only tidy files: a vault.db shorter than its
    # database, the rest in committed WAL frames, and it still called the vault healthy.
    assert len(checks) == times
    assert any(from_wal > 0 for _pages, _file_pages, from_wal in checks), checks


def test_sigkill_during_writes_loses_nothing_acknowledged(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    _run(vault_dir, times=50, seed=1)


@pytest.mark.slow
def test_sigkill_many_times(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    _run(vault_dir, times=400, seed=2)
