# SPDX-License-Identifier: GPL-3.0-or-later
"""A backup to a full or read-only drive, and a restore onto a full disk: one plain line,
nothing half-written. Uses small tmpfs mounts (needs root, as on CI); skipped elsewhere."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.backup_helpers import snapshot
from tests.integration.cli_helpers import run_cli
from tests.integration.small_disk import fill, mount_tmpfs, unmount

PASS = "a long enough passphrase"


@pytest.fixture
def mounts(tmp_path: Path) -> Iterator[list[Path]]:
    made: list[Path] = []
    yield made
    for point in made:
        unmount(point)


def _vault(folder: Path) -> Path:
    assert run_cli("init", "--vault", str(folder), passphrase=PASS).returncode == 0
    text = "a day worth keeping " * 4000
    assert run_cli("add", "--vault", str(folder), stdin=text, passphrase=PASS).returncode == 0
    return folder


def _problem(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stdout
    lines = [line for line in result.stderr.splitlines() if not line.startswith("Test-only")]
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def test_a_backup_to_a_full_drive_says_so_and_leaves_nothing(tmp_path: Path, mounts) -> None:  # type: ignore[no-untyped-def]
    vault = _vault(tmp_path / "vault")
    drive = tmp_path / "drive"
    mount_tmpfs(drive, "size=1m,mode=0700")
    mounts.append(drive)
    fill(drive)
    result = run_cli("backup", "--vault", str(vault), "--out", str(drive), passphrase=PASS)
    assert "free space" in _problem(result)
    assert sorted(os.listdir(drive)) == ["filler"]


def test_a_backup_to_a_read_only_drive_says_so(tmp_path: Path, mounts) -> None:  # type: ignore[no-untyped-def]
    vault = _vault(tmp_path / "vault")
    drive = tmp_path / "drive"
    mount_tmpfs(drive, "size=4m,mode=0700,ro")
    mounts.append(drive)
    result = run_cli("backup", "--vault", str(vault), "--out", str(drive), passphrase=PASS)
    assert "cannot be written to" in _problem(result)
    assert os.listdir(drive) == []


def test_a_restore_onto_a_full_disk_changes_nothing(tmp_path: Path, mounts) -> None:  # type: ignore[no-untyped-def]
    disk = tmp_path / "disk"
    mount_tmpfs(disk, "size=3m,mode=0700")
    mounts.append(disk)
    vault = _vault(disk / "vault")
    backup = tmp_path / "backup"
    assert run_cli("backup", "--vault", str(vault), "--out", str(backup), passphrase=PASS).returncode == 0
    filler = fill(disk)
    before = snapshot(vault)
    result = run_cli("restore", str(backup), "--vault", str(vault), passphrase=PASS)
    assert "free space" in _problem(result)
    assert snapshot(vault) == before
    filler.unlink()
