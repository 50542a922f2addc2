# SPDX-License-Identifier: GPL-3.0-or-later
"""The vault's keys and files: creation, unlocking, passphrase change, recovery code."""

from __future__ import annotations

import json
import stat
from datetime import date
from pathlib import Path

import pytest

from recovery_desktop.core.models import Entry
from recovery_desktop.storage import (
    KdfCost,
    Vault,
    VaultExistsError,
    VaultNotFoundError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
)
from recovery_desktop.storage.errors import VaultDamagedError
from recovery_desktop.storage.keys import KeyFile, normalise_recovery_code
from tests.conftest import PASSPHRASE


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_create_makes_private_folder_and_files(vault: Vault, vault_dir: Path) -> None:
    assert stat.S_IMODE(vault_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((vault_dir / "backups").stat().st_mode) == 0o700
    for name in ("vault.db", "vault.keys"):
        assert stat.S_IMODE((vault_dir / name).stat().st_mode) == 0o600
    assert not (vault_dir / "vault.db").read_bytes().startswith(b"SQLite format 3")


def test_default_kdf_cost_is_recorded(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE)
    vault.close()
    keys = json.loads((tmp_path / "v" / "vault.keys").read_text())
    for slot in ("passphrase", "recovery"):
        kdf = keys["slots"][slot]["kdf"]
        assert kdf["name"] == "argon2id"
        assert kdf["memory_kib"] >= 64 * 1024 and kdf["iterations"] >= 3


def test_recovery_code_format(vault_and_code: tuple[Vault, str]) -> None:
    code = vault_and_code[1]
    groups = code.split("-")
    assert len(groups) == 6 and all(len(g) == 5 for g in groups)
    assert not set(code) & set("ILOU")


def test_create_refuses_existing_vault(vault: Vault, vault_dir: Path, cheap_cost: KdfCost) -> None:
    before = snapshot(vault_dir)
    with pytest.raises(VaultExistsError):
        Vault.create(vault_dir, "another passphrase", cheap_cost)
    assert snapshot(vault_dir) == before


def test_open_missing_vault(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFoundError, match="no vault"):
        Vault.open(tmp_path / "nowhere", PASSPHRASE)


def test_wrong_passphrase_leaves_every_byte(vault: Vault, vault_dir: Path) -> None:
    vault.entries.save(Entry(entry_date=date(2026, 1, 1), body="something"))
    vault.close()
    before = snapshot(vault_dir)
    with pytest.raises(WrongPassphraseError) as caught:
        Vault.open(vault_dir, "not the passphrase")
    assert "did not open the vault" in str(caught.value)
    assert snapshot(vault_dir) == before


def test_passphrase_change_then_recovery_code(
    vault_and_code: tuple[Vault, str], vault_dir: Path
) -> None:
    vault, code = vault_and_code
    vault.entries.save(Entry(entry_date=date(2026, 1, 1), body="kept safe"))
    db_files = ("vault.db", "vault.db-wal")
    db_before = [(vault_dir / name).read_bytes() for name in db_files]
    vault.change_passphrase("a brand new passphrase")
    assert [(vault_dir / name).read_bytes() for name in db_files] == db_before  # rewrap only
    vault.close()
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_dir, PASSPHRASE)
    with Vault.open(vault_dir, "a brand new passphrase") as reopened:
        assert reopened.entries.search("safe")[0].preview == "kept safe"
    with Vault.open_with_recovery_code(vault_dir, code.lower().replace("-", " ")) as recovered:
        assert recovered.must_change_passphrase
        recovered.change_passphrase("third passphrase here")
        assert not recovered.must_change_passphrase
    with Vault.open(vault_dir, "third passphrase here") as again:
        assert again.entries.count() == 1
    # The recovery code survives passphrase changes.
    Vault.open_with_recovery_code(vault_dir, code).close()


def test_wrong_recovery_code(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    before = snapshot(vault_dir)
    for bad in ("", "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA"):
        with pytest.raises(WrongRecoveryCodeError):
            Vault.open_with_recovery_code(vault_dir, bad)
    assert snapshot(vault_dir) == before


def test_recovery_code_normalisation() -> None:
    assert normalise_recovery_code("ab0o1-il ") == "AB00111"


def test_kdf_cost_can_be_raised_on_change(vault: Vault, vault_dir: Path) -> None:
    stronger = KdfCost(memory_kib=64 * 1024, iterations=4, lanes=4)
    vault.change_passphrase("new passphrase", stronger)
    assert KeyFile.load(vault_dir / "vault.keys").passphrase_cost() == stronger


def test_damaged_key_file_is_reported_not_overwritten(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    (vault_dir / "vault.keys").write_text("{ not json")
    before = snapshot(vault_dir)
    with pytest.raises(VaultDamagedError, match="is damaged"):
        Vault.open(vault_dir, PASSPHRASE)
    assert snapshot(vault_dir) == before


def test_key_file_swap_between_slots_is_detected(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    raw = json.loads((vault_dir / "vault.keys").read_text())
    raw["slots"]["passphrase"], raw["slots"]["recovery"] = (
        raw["slots"]["recovery"],
        raw["slots"]["passphrase"],
    )
    (vault_dir / "vault.keys").write_text(json.dumps(raw))
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_dir, PASSPHRASE)


def test_pragmas(vault: Vault) -> None:
    conn = vault.connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA cipher_memory_security").fetchone()[0] in (0, "0")
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY


def test_damaged_database_is_reported_and_never_overwritten(vault: Vault, vault_dir: Path) -> None:
    vault.entries.save(Entry(entry_date=date(2026, 1, 1), body="precious"))
    vault.close()
    db = vault_dir / "vault.db"
    data = bytearray(db.read_bytes())
    data[100:140] = bytes(40)  # scribble over the first page
    db.write_bytes(bytes(data))
    before = snapshot(vault_dir)
    with pytest.raises(VaultDamagedError, match="restore it from a backup"):
        Vault.open(vault_dir, PASSPHRASE)
    assert snapshot(vault_dir) == before
