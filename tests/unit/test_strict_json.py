# SPDX-License-Identifier: GPL-3.0-or-later
"""Files the app wrote and reads back (a backup's manifest, the key file) refuse JSON it never
writes: a field given twice (plain `json` would keep the second quietly) and NaN/Infinity."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from recovery_desktop.storage import Vault
from recovery_desktop.storage.backup_format import BackupKind, Manifest, NotABackupError
from recovery_desktop.storage.errors import VaultDamagedError
from recovery_desktop.storage.strict_json import loads_strict
from tests.conftest import PASSPHRASE


@pytest.mark.parametrize("text", ['{"a": 1, "a": 2}', '{"a": NaN}', '[Infinity]', "[-Infinity]"])
def test_what_the_app_never_writes_is_refused(text: str) -> None:
    json.loads(text)  # plain json takes it
    with pytest.raises(ValueError):
        loads_strict(text)


def test_what_the_app_writes_reads_back() -> None:
    assert loads_strict('{"a": [1, 2.5, "x", null, true], "b": {}}') == {
        "a": [1, 2.5, "x", None, True],
        "b": {},
    }


def _manifest() -> str:
    made = Manifest("0" * 32, BackupKind.MANUAL, datetime(2026, 1, 2, tzinfo=UTC), 6, "1.0")
    return made.to_json().decode()


def test_a_manifest_with_a_field_twice_is_not_a_backup(tmp_path: Path) -> None:
    text = _manifest()
    assert Manifest.parse(text.encode(), tmp_path).kind is BackupKind.MANUAL
    twice = text.replace('"kind": "manual"', '"kind": "before-restore", "kind": "manual"')
    with pytest.raises(NotABackupError):
        Manifest.parse(twice.encode(), tmp_path)
    with pytest.raises(NotABackupError):
        Manifest.parse(text.replace('"schema_version": 6', '"schema_version": NaN').encode(), tmp_path)


def test_a_key_file_with_a_field_twice_is_damaged(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    keys = vault_dir / "vault.keys"
    text = keys.read_text()
    assert text.count('"format": ') == 1
    keys.write_text(text.replace('"format": ', '"format": 1, "format": ', 1))
    with pytest.raises(VaultDamagedError):
        Vault.open(vault_dir, PASSPHRASE)
