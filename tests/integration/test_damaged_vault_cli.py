# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line meets a missing, truncated or scribbled-on journal (issue 6, #14 and #15):
one plain message, the backups folder named, no library log lines, and not one byte written."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.integration.cli_helpers import run_cli

PASS = "a long enough passphrase for tests"


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def written_vault(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    assert run_cli("init", "--vault", str(folder), passphrase=PASS).returncode == 0
    rng = random.Random(6)
    for i in range(12):
        words = " ".join(
            rng.choice(["calm", "walk", "meeting", "call", "tired"]) for _ in range(900)
        )
        added = run_cli("add", "--vault", str(folder), passphrase=PASS, stdin=f"day {i} {words}")
        assert added.returncode == 0, added.stderr
    assert (folder / "vault.db").stat().st_size > 40 * 4096
    return folder


def assert_plain_refusal(result, *words: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "ERROR CORE" not in result.stderr and "hmac" not in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


@pytest.mark.parametrize("damage", ["missing", "empty"])
def test_add_refuses_a_missing_journal(written_vault: Path, damage: str) -> None:
    db = written_vault / "vault.db"
    db.unlink() if damage == "missing" else db.write_bytes(b"")
    before = files(written_vault)
    added = run_cli("add", "--vault", str(written_vault), "into the void", passphrase=PASS)
    assert_plain_refusal(added, "missing", str(written_vault / "backups"))
    assert files(written_vault) == before


def test_a_truncated_journal_refuses_writes_and_keeps_its_bytes(written_vault: Path) -> None:
    db = written_vault / "vault.db"
    db.write_bytes(db.read_bytes()[: db.stat().st_size * 2 // 3])
    before = files(written_vault)
    for command in (["add", "one more day"], ["search", "walk"]):
        result = run_cli(command[0], "--vault", str(written_vault), *command[1:], passphrase=PASS)
        assert_plain_refusal(result, "damaged", str(written_vault / "backups"))
    assert files(written_vault) == before


def test_a_scribbled_journal_speaks_plainly_without_library_logs(written_vault: Path) -> None:
    db = written_vault / "vault.db"
    data = bytearray(db.read_bytes())
    rng = random.Random(15)
    for page in range(1, len(data) // 4096):  # every page but the first
        start = page * 4096 + 64
        data[start : start + 32] = rng.randbytes(32)
    db.write_bytes(bytes(data))
    before = files(written_vault)
    searched = run_cli("search", "--vault", str(written_vault), "walk", passphrase=PASS)
    assert_plain_refusal(searched, "damaged")
    added = run_cli("add", "--vault", str(written_vault), "one more day", passphrase=PASS)
    assert_plain_refusal(added, "damaged")
    assert files(written_vault) == before
