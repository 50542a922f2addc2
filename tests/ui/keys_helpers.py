# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers for the key-management screen tests: a real vault that has a backup copy in
`backups/` (the v1 fixture, upgraded once), and what a secret opens, file by file."""

from __future__ import annotations

import shutil
from pathlib import Path

from recovery_desktop.storage import Vault
from recovery_desktop.storage.key_copies import managed_copies
from recovery_desktop.storage.keys import PASSPHRASE_SLOT, RECOVERY_SLOT, KeyFile
from tests.fixtures.make_fixtures import PASSPHRASE as FIXTURE_PASSPHRASE
from tests.fixtures.make_fixtures import RECOVERY_CODE as FIXTURE_CODE

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

__all__ = ["FIXTURE_CODE", "FIXTURE_PASSPHRASE", "key_files", "opens", "type_back"]


def vault_with_backup(tmp_path: Path, name: str = "vault") -> Path:
    """A copy of the schema-1 fixture, opened once: the upgrade leaves an encrypted copy of
    the database and its key file (wrapped under the fixture's secrets) in `backups/`."""
    folder = tmp_path / name
    shutil.copytree(FIXTURES / "vault-v1", folder)
    folder.chmod(0o700)
    Vault.open(folder, FIXTURE_PASSPHRASE).close()
    assert len(managed_copies([folder / "backups"])) == 1
    return folder


def key_files(folder: Path) -> list[Path]:
    """vault.keys and every key file in backups/."""
    return [folder / "vault.keys"] + [c.keys for c in managed_copies([folder / "backups"])]


def opens(keys: Path, secret: str, *, code: bool = False) -> bytes | None:
    """The data key `secret` opens in the key file `keys` (current or pending), or None."""
    opened = KeyFile.load(keys).unwrap(RECOVERY_SLOT if code else PASSPHRASE_SLOT, secret)
    return opened.current or opened.pending


def type_back(qtbot, check, code: str) -> None:
    """Type the groups a `RecoveryCodeCheck` asks for."""
    groups = code.split("-")
    for field, index in zip(check.fields, check.requested_groups, strict=True):
        field.clear()
        qtbot.keyClicks(field, groups[index])
