# SPDX-License-Identifier: GPL-3.0-or-later
"""A key change on a full disk is refused before anything is written, in plain words.

Uses a tiny tmpfs (needs root, as on CI); skipped where mounting is not allowed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.storage.rekey import KeyChangeNeedsRoomError, OldBackups, change_vault_key
from recovery_desktop.storage.vault_lock import LOCK_FILE_NAMES
from tests.conftest import PASSPHRASE
from tests.integration.small_disk import fill, small_disk_at
from tests.vault_copies import build_vault_with_backups


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    yield from small_disk_at(tmp_path / "small", "8m")


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes but the empty lock files (`storage/vault_lock.py`)."""
    return {
        str(p): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in LOCK_FILE_NAMES
    }


def test_a_full_disk_refuses_the_key_change_and_changes_nothing(small_disk: Path) -> None:
    folder = small_disk / "vault"
    build_vault_with_backups(folder, PASSPHRASE, KdfCost.cheap(), entries=120, copies=1)
    key = Vault.derive_key(folder, PASSPHRASE)
    filler = fill(small_disk)
    os.truncate(filler, filler.stat().st_size - 64 * 1024)  # room for a key file, not a copy
    before = _snapshot(folder)
    with pytest.raises(KeyChangeNeedsRoomError, match="Nothing was changed") as caught:
        change_vault_key(
            folder,
            key,
            "a new passphrase",
            "7KQ2M-X4B9D-HHJ3P-0RT5V-WXY2Z-ABCDE",
            old_backups=OldBackups.REENCRYPT,
            cost=KdfCost.cheap(),
        )
    assert "MB of free space" in str(caught.value)
    assert _snapshot(folder) == before
    filler.unlink()
    with Vault.open(folder, PASSPHRASE) as vault:
        assert vault.entries.count() == 120
