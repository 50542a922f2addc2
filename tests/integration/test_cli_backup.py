# SPDX-License-Identifier: GPL-3.0-or-later
"""`backup` and `restore` on the command line (DESIGN §7, issue 9 point 6): the same code as
the app, exit codes 0/1/2, one plain line on a problem, never a traceback or a secret."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from recovery_desktop.storage import Vault
from tests.backup_helpers import snapshot, vault_rows
from tests.integration.cli_helpers import run_cli
from tests.integration.lock_holder import held_elsewhere

PASS = "a long enough passphrase"
LATER_PASS = "another long passphrase"


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    assert run_cli("init", "--vault", str(folder), passphrase=PASS).returncode == 0
    for text in ("first day", "second day"):
        assert run_cli("add", "--vault", str(folder), stdin=text, passphrase=PASS).returncode == 0
    return folder


def _one_line_problem(result: subprocess.CompletedProcess[str], *secrets: str) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = [line for line in result.stderr.splitlines() if not line.startswith("Test-only")]
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for secret in secrets:
        assert secret not in result.stdout + result.stderr
    return lines[0]


def test_backup_then_restore_on_the_command_line(vault_dir: Path, tmp_path: Path) -> None:
    rows = vault_rows(vault_dir, PASS)
    drive = tmp_path / "drive"
    drive.mkdir(mode=0o700)
    made = run_cli("backup", "--vault", str(vault_dir), "--out", str(drive / "mine"), passphrase=PASS)
    assert made.returncode == 0, made.stderr
    assert f"backed up in {drive / 'mine'}" in made.stdout
    assert PASS not in made.stdout + made.stderr
    assert sorted(os.listdir(drive / "mine")) == ["manifest.json", "vault.db", "vault.keys"]
    assert run_cli("add", "--vault", str(vault_dir), stdin="after", passphrase=PASS).returncode == 0

    restored = run_cli("restore", str(drive / "mine"), "--vault", str(vault_dir), passphrase=PASS)
    assert restored.returncode == 0, restored.stderr
    assert "restored from the backup made on" in restored.stdout
    assert "kept in" in restored.stdout and PASS not in restored.stdout + restored.stderr
    assert vault_rows(vault_dir, PASS) == rows


def test_backup_goes_to_the_backup_folder_by_default(vault_dir: Path) -> None:
    made = run_cli("backup", "--vault", str(vault_dir), passphrase=PASS)
    assert made.returncode == 0, made.stderr
    (backup,) = (vault_dir / "backups").iterdir()
    assert backup.name.startswith("backup-")


def test_a_restored_backup_of_an_older_passphrase_says_which_opens_it(
    vault_dir: Path, tmp_path: Path
) -> None:
    import shutil

    assert run_cli("backup", "--vault", str(vault_dir), passphrase=PASS).returncode == 0
    (backup,) = (vault_dir / "backups").iterdir()
    moved = tmp_path / "moved"
    shutil.copytree(backup, moved)  # moved by hand: keeps the passphrase of its day
    changed = run_cli(
        "change-passphrase", "--vault", str(vault_dir), passphrase=PASS,
        env={"RECOVERY_DESKTOP_NEW_PASSPHRASE": LATER_PASS},
    )  # fmt: skip
    assert changed.returncode == 0, changed.stderr
    wrong = run_cli("restore", str(moved), "--vault", str(vault_dir), passphrase=LATER_PASS)
    assert "does not open this backup" in _one_line_problem(wrong, LATER_PASS)
    restored = run_cli("restore", str(moved), "--vault", str(vault_dir), passphrase=PASS)
    assert restored.returncode == 0, restored.stderr
    assert "now opens with the passphrase and recovery code that backup had" in restored.stdout
    assert "recovery-desktop change-passphrase --vault" in restored.stdout
    Vault.open(vault_dir, PASS).close()


@pytest.mark.parametrize("what", ["a text file", "a missing file", "an empty folder"])
def test_restoring_what_is_no_backup_is_one_line_and_changes_nothing(
    vault_dir: Path, tmp_path: Path, what: str
) -> None:
    target = tmp_path / "thing"
    if what == "a text file":
        target.write_text("hello")
    elif what == "an empty folder":
        target.mkdir()
    before = snapshot(vault_dir)
    # No passphrase given and no terminal: had it asked, it would say so instead.
    result = run_cli("restore", str(target), "--vault", str(vault_dir))
    line = _one_line_problem(result)
    assert "Nothing was changed" in line and "passphrase" not in line.lower()
    assert snapshot(vault_dir) == before


def test_restore_is_refused_while_the_vault_is_open_elsewhere(
    vault_dir: Path, tmp_path: Path
) -> None:
    assert run_cli("backup", "--vault", str(vault_dir), passphrase=PASS).returncode == 0
    (backup,) = (vault_dir / "backups").iterdir()
    with held_elsewhere(vault_dir, "vault", PASS):
        before = snapshot(vault_dir)
        # Refused before any passphrase is asked for (none is given here).
        result = run_cli("restore", str(backup), "--vault", str(vault_dir))
        assert "open in another window or program" in _one_line_problem(result)
        assert snapshot(vault_dir) == before


def test_backup_out_refuses_an_existing_backup_and_a_missing_folder(
    vault_dir: Path, tmp_path: Path
) -> None:
    assert run_cli("backup", "--vault", str(vault_dir), "--out", str(tmp_path / "b"), passphrase=PASS).returncode == 0
    again = run_cli("backup", "--vault", str(vault_dir), "--out", str(tmp_path / "b"))
    assert "already exists" in _one_line_problem(again)
    missing = run_cli("backup", "--vault", str(vault_dir), "--out", str(tmp_path / "no" / "b"))
    assert "does not exist" in _one_line_problem(missing)


def test_usage_mistakes_exit_2_and_secrets_are_refused(vault_dir: Path) -> None:
    assert run_cli("restore", "--vault", str(vault_dir)).returncode == 2  # no FILE
    secret = run_cli("restore", "x", "--recovery-code=ABCDE-SECRET")
    assert secret.returncode == 2 and "ABCDE-SECRET" not in secret.stderr
    abbreviated = run_cli("backup", "--ou", "x")
    assert abbreviated.returncode == 2
