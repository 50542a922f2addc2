# SPDX-License-Identifier: GPL-3.0-or-later
"""A full disk: a clear message, exit code 1, and every earlier entry still there.

Uses a tiny tmpfs (needs root, as on CI); skipped where mounting is not allowed.
"""

from __future__ import annotations

import errno
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from recovery_desktop.storage import Vault
from tests.integration.cli_helpers import run_cli
from tests.integration.small_disk import fill, small_disk_at

PASS = "a long enough passphrase"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    yield from small_disk_at(tmp_path / "small", "2m")


def test_full_disk_is_explained_and_loses_nothing(small_disk: Path) -> None:
    vault_dir = small_disk / "vault"
    assert run_cli("init", "--vault", str(vault_dir), passphrase=PASS).returncode == 0
    assert (
        run_cli(
            "add", "--vault", str(vault_dir), "before the disk filled up", passphrase=PASS
        ).returncode
        == 0
    )
    filler = fill(small_disk)
    with pytest.raises(OSError) as full:
        (small_disk / "probe").write_bytes(b"x" * 65536)
    assert full.value.errno == errno.ENOSPC

    result = run_cli("add", "--vault", str(vault_dir), passphrase=PASS, stdin="words " * 100_000)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "disk is full" in result.stderr and "Traceback" not in result.stderr

    filler.unlink()
    with Vault.open(vault_dir, PASS) as vault:
        assert vault.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [s.preview for s in vault.entries.search("filled")] == ["before the disk filled up"]
        assert vault.entries.count() == 1


def test_a_write_on_a_full_disk_is_refused_whole(small_disk: Path) -> None:
    from datetime import date

    from recovery_desktop.core.models import Entry
    from recovery_desktop.storage import KdfCost
    from recovery_desktop.storage.errors import storage_failure_message

    vault, _ = Vault.create(small_disk / "vault", PASS, KdfCost.cheap())
    kept = vault.entries.save(Entry(entry_date=date(2026, 1, 1), body="kept safe"))
    filler = fill(small_disk)
    with pytest.raises(Exception) as refused:
        vault.entries.save(Entry(entry_date=date(2026, 1, 2), body="too much " * 100_000))
    assert "disk is full" in (storage_failure_message(refused.value) or repr(refused.value))
    filler.unlink()
    # The same open vault carries on once there is room: nothing half-written.
    vault.entries.save(Entry(entry_date=date(2026, 1, 3), body="after freeing space"))
    assert [s.preview for s in vault.entries.page()] == ["after freeing space", "kept safe"]
    assert vault.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert vault.entries.get(kept.id).body == "kept safe"
    vault.close()


def test_read_only_folder_is_explained(small_disk: Path) -> None:
    vault_dir = small_disk / "vault"
    assert run_cli("init", "--vault", str(vault_dir), passphrase=PASS).returncode == 0
    assert (
        run_cli("add", "--vault", str(vault_dir), "written before", passphrase=PASS).returncode == 0
    )
    before = {p.name: p.read_bytes() for p in vault_dir.iterdir() if p.is_file()}
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    try:
        result = run_cli("add", "--vault", str(vault_dir), "cannot land", passphrase=PASS)
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "read-only" in result.stderr, result.stderr
    assert {p.name: p.read_bytes() for p in vault_dir.iterdir() if p.is_file()} == before
