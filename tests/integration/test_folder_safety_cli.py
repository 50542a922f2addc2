# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 6, point 7 through the real command: unsafe folders are refused in one plain line that
says how to fix them, `init` keeps out of folders that hold other files, and a migration never
writes its safety copy through a linked `backups/`."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.fixtures.make_fixtures import PASSPHRASE as FIXTURE_PASSPHRASE
from tests.integration.cli_helpers import run_cli

PASS = "a long enough passphrase"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def init(folder: Path):  # noqa: ANN201
    return run_cli(
        "init",
        "--vault",
        str(folder),
        passphrase=PASS,
    )


def test_init_refuses_a_folder_with_other_files(tmp_path: Path) -> None:
    folder = tmp_path / "Documents"
    folder.mkdir()
    (folder / "letter.txt").write_text("dear ...")
    result = init(folder)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Nothing was changed" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["letter.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert init(empty).returncode == 0


def test_a_folder_others_can_write_is_refused_with_the_fix(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    assert init(folder).returncode == 0
    os.chmod(folder, 0o777)
    result = run_cli("search", "--vault", str(folder), "anything", passphrase=PASS)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"chmod 700 {folder}" in result.stderr
    os.chmod(folder, 0o700)
    assert run_cli("search", "--vault", str(folder), "x", passphrase=PASS).returncode == 0


def test_migration_never_writes_through_a_linked_backups_folder(tmp_path: Path) -> None:
    folder = tmp_path / "vault-v1"
    shutil.copytree(FIXTURES / "vault-v1", folder)
    folder.chmod(0o700)
    elsewhere = tmp_path / "someone-elses"
    elsewhere.mkdir()
    (folder / "backups").symlink_to(elsewhere)
    before = (folder / "vault.db").read_bytes()

    result = run_cli("search", "--vault", str(folder), "x", passphrase=FIXTURE_PASSPHRASE)

    assert result.returncode == 1 and "link" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert list(elsewhere.iterdir()) == []
    assert (folder / "vault.db").read_bytes() == before  # not migrated either
