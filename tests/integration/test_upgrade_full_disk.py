# SPDX-License-Identifier: GPL-3.0-or-later
"""An upgrade meets a full disk (issue 6, #16): the copy put aside before it is never left
half-written, the person is told how much room it needs, and the upgrade works once there is.

Uses the tiny tmpfs of test_full_disk.py (needs root, as on CI); skipped where not allowed.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from recovery_desktop.storage import Vault
from recovery_desktop.storage.migrations import SCHEMA_VERSION, schema_version
from tests.fixtures.make_fixtures import PASSPHRASE
from tests.integration.cli_helpers import run_cli
from tests.integration.small_disk import fill
from tests.integration.test_full_disk import small_disk  # noqa: F401 - a fixture

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def files(folder: Path) -> dict[str, bytes]:
    """Every file's bytes; not SQLite's own empty `-wal` and its `-shm` index, which it may
    fail to remove when the disk has no room at all (they hold no data and are reused), nor
    the empty lock files every opening process holds (`storage/vault_lock.py`)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and not p.name.endswith("-shm")
        and not (p.name.endswith("-wal") and p.stat().st_size == 0)
        and not (p.name.endswith(".lock") and p.stat().st_size == 0)
    }


@pytest.mark.parametrize("room", ["none", "half a copy"])
def test_an_upgrade_on_a_full_disk_leaves_no_half_copy(small_disk: Path, room: str) -> None:  # noqa: F811
    folder = small_disk / "vault"
    shutil.copytree(FIXTURES / "vault-v1", folder)
    db_size = (folder / "vault.db").stat().st_size
    filler = fill(small_disk)
    if room == "half a copy":
        os.truncate(filler, filler.stat().st_size - db_size // 2)
    before = files(folder)

    for _attempt in range(2):  # every try, not only the first
        result = run_cli("search", "--vault", str(folder), "meeting", passphrase=PASSPHRASE)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "Traceback" not in result.stderr
        message = result.stderr.strip()
        if room == "none":  # too full even to read the vault (SQLite cannot make its index)
            assert "disk is full" in message, message
        else:
            assert re.search(r"needs about \d+(\.\d)? MB", message), message
        assert "Nothing was changed" in message, message
        assert files(folder) == before  # no partial copy in backups/, the journal untouched

    filler.unlink()
    with Vault.open(folder, PASSPHRASE) as vault:
        assert schema_version(vault.connection) == SCHEMA_VERSION
        vault.search_index.rebuild()  # an upgraded vault fills its new index after unlocking
        assert vault.entries.search("meeting")[0].id == 1
    assert sorted(p.suffix for p in (folder / "backups").iterdir()) == [".db", ".keys"]
