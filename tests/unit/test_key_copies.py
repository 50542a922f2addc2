# SPDX-License-Identifier: GPL-3.0-or-later
"""One rule for every key copy the app manages (issue 6, point 1): after a passphrase change or
a new recovery code, the old secret opens nothing in the vault folder. Copies under another data
key are left alone and reported; links are never followed."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from recovery_desktop.core.models import Entry
from recovery_desktop.storage import KdfCost, Vault, WrongRecoveryCodeError
from recovery_desktop.storage.key_copies import managed_copies, opens_with
from recovery_desktop.storage.keys import (
    PASSPHRASE_SLOT,
    RECOVERY_SLOT,
    EmptySecretError,
    generate_recovery_code,
)
from tests.conftest import PASSPHRASE
from tests.vault_copies import copy_into_backups, secret_opens, vault_copies

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURE_PASSPHRASE = "fixture passphrase"
FIXTURE_CODE = "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF"
NEW_PASSPHRASE = "a new passphrase for a new start"


@pytest.fixture
def upgraded(tmp_path: Path) -> Path:
    """A first-release vault, opened once: the upgrade left a copy (database and key file) in
    backups/, as it does on people's machines. Then one more copy, made the same way later."""
    folder = tmp_path / "upgraded"
    shutil.copytree(FIXTURES / "vault-v1", folder)
    folder.chmod(0o700)
    with Vault.open(folder, FIXTURE_PASSPHRASE) as vault:
        vault.entries.save(Entry(entry_date=date(2026, 2, 1), body="after the upgrade"))
    assert len(managed_copies([folder / "backups"])) == 1
    copy_into_backups(folder, "later-copy")
    return folder


@pytest.fixture
def foreign(tmp_path: Path, upgraded: Path, cheap_cost: KdfCost) -> Path:
    """A copy under another data key in backups/ (another vault's files, same passphrase)."""
    other = tmp_path / "other-vault"
    Vault.create(other, FIXTURE_PASSPHRASE, cheap_cost)[0].close()
    copy_into_backups(upgraded, "another-key", source=other)
    return upgraded / "backups" / "another-key.keys"


def _same_key_copies(folder: Path) -> list:
    with Vault.open(folder, NEW_PASSPHRASE) as vault:
        key = vault._data_key
    return [c for c in vault_copies(folder) if opens_with(c.db, key)]


def test_new_passphrase_rewraps_every_copy_and_the_old_one_opens_nothing(
    upgraded: Path, foreign: Path
) -> None:
    foreign_before = foreign.read_bytes()
    with Vault.open(upgraded, FIXTURE_PASSPHRASE) as vault:
        report = vault.change_passphrase(NEW_PASSPHRASE, KdfCost.cheap())
    assert sorted(c.keys.name for c in report.updated) == sorted(
        p.name for p in (upgraded / "backups").glob("*.keys") if p != foreign
    )
    assert [c.keys for c in report.other_key] == [foreign] and not report.failed
    copies = _same_key_copies(upgraded)
    assert len(copies) == 3  # vault.keys, the upgrade's copy, the later copy
    for copy in copies:
        assert not secret_opens(copy.keys, copy.db, PASSPHRASE_SLOT, FIXTURE_PASSPHRASE), copy
        assert secret_opens(copy.keys, copy.db, PASSPHRASE_SLOT, NEW_PASSPHRASE), copy
        assert secret_opens(copy.keys, copy.db, RECOVERY_SLOT, FIXTURE_CODE), copy
    # Not this vault's key: left as it was, and it still opens with its own passphrase.
    assert foreign.read_bytes() == foreign_before
    assert secret_opens(foreign, foreign.with_suffix(".db"), PASSPHRASE_SLOT, FIXTURE_PASSPHRASE)


def test_new_recovery_code_replaces_the_old_one_in_every_copy(
    upgraded: Path, foreign: Path
) -> None:
    foreign_before = foreign.read_bytes()
    new_code = generate_recovery_code()
    with Vault.open(upgraded, FIXTURE_PASSPHRASE) as vault:
        vault.change_passphrase(NEW_PASSPHRASE, KdfCost.cheap())
        report = vault.set_recovery_code(new_code, KdfCost.cheap())
    assert len(report.updated) == 2 and [c.keys for c in report.other_key] == [foreign]
    for copy in _same_key_copies(upgraded):
        assert not secret_opens(copy.keys, copy.db, RECOVERY_SLOT, FIXTURE_CODE), copy
        assert secret_opens(copy.keys, copy.db, RECOVERY_SLOT, new_code), copy
        assert secret_opens(copy.keys, copy.db, PASSPHRASE_SLOT, NEW_PASSPHRASE), copy
    assert foreign.read_bytes() == foreign_before
    with pytest.raises(WrongRecoveryCodeError):
        Vault.open_with_recovery_code(upgraded, FIXTURE_CODE)
    Vault.open_with_recovery_code(upgraded, new_code).close()


def test_a_rewrap_at_a_higher_cost_reaches_the_copies_too(upgraded: Path) -> None:
    with Vault.open(upgraded, FIXTURE_PASSPHRASE) as vault:
        assert vault.slot_upgrade is not None
        higher = KdfCost(memory_kib=128, iterations=2, lanes=1, exempt_from_floor=True)
        assert vault.slot_upgrade.run(higher)
    vault_keys = (upgraded / "vault.keys").read_bytes()
    for copy in managed_copies([upgraded / "backups"]):
        assert copy.keys.read_bytes() == vault_keys


def test_a_linked_backups_folder_is_never_followed(
    vault: Vault, vault_dir: Path, tmp_path: Path
) -> None:
    """backups/ swapped for a link after the vault was opened: the copies it points to (another
    place, maybe another person's) are not written, even under the same key."""
    vault.close()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    copy_into_backups(vault_dir, "copy")
    shutil.move(vault_dir / "backups" / "copy.db", elsewhere / "copy.db")
    shutil.move(vault_dir / "backups" / "copy.keys", elsewhere / "copy.keys")
    before = (elsewhere / "copy.keys").read_bytes()
    with Vault.open(vault_dir, PASSPHRASE) as reopened:
        (vault_dir / "backups").rmdir()
        (vault_dir / "backups").symlink_to(elsewhere, target_is_directory=True)
        report = reopened.change_passphrase(NEW_PASSPHRASE, KdfCost.cheap())
    assert not report.updated and not report.other_key and not report.failed
    assert (elsewhere / "copy.keys").read_bytes() == before


def test_linked_copies_are_never_followed(vault: Vault, vault_dir: Path, tmp_path: Path) -> None:
    """A key copy that is a link is not written through (its target keeps its bytes), and a
    database that is a link is not read to decide anything."""
    vault.close()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    copy_into_backups(vault_dir, "keys-link")
    keys_link = vault_dir / "backups" / "keys-link.keys"
    shutil.move(keys_link, elsewhere / "target.keys")
    keys_link.symlink_to(elsewhere / "target.keys")
    copy_into_backups(vault_dir, "db-link")
    db_link = vault_dir / "backups" / "db-link.db"
    shutil.move(db_link, elsewhere / "target.db")
    db_link.symlink_to(elsewhere / "target.db")
    real = copy_into_backups(vault_dir, "real")
    targets = {p: p.read_bytes() for p in elsewhere.iterdir()}
    db_link_keys = (vault_dir / "backups" / "db-link.keys").read_bytes()
    with Vault.open(vault_dir, PASSPHRASE) as reopened:
        report = reopened.change_passphrase(NEW_PASSPHRASE, KdfCost.cheap())
    assert [c.keys for c in report.updated] == [real.keys]
    assert {p: p.read_bytes() for p in elsewhere.iterdir()} == targets
    assert keys_link.is_symlink() and (vault_dir / "backups" / "db-link.db").is_symlink()
    assert (vault_dir / "backups" / "db-link.keys").read_bytes() == db_link_keys
    assert not secret_opens(real.keys, real.db, PASSPHRASE_SLOT, PASSPHRASE)


def test_an_empty_file_is_no_copy_under_any_key(tmp_path: Path) -> None:
    """SQLite reads an empty file as a new, empty database that every key "opens"."""
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert not opens_with(empty, os.urandom(32))
    assert not opens_with(tmp_path / "missing.db", os.urandom(32))


@pytest.mark.parametrize("secret", ["", " - - "])
def test_an_empty_secret_is_never_wrapped(vault: Vault, vault_dir: Path, secret: str) -> None:
    """Unlocking refuses an empty passphrase or code, so a slot wrapped under one could never be
    opened again: refused, with the key file untouched."""
    before = (vault_dir / "vault.keys").read_bytes()
    with pytest.raises(EmptySecretError, match="cannot be empty"):
        vault.set_recovery_code(secret, KdfCost.cheap())
    if not secret:
        with pytest.raises(EmptySecretError):
            vault.change_passphrase(secret, KdfCost.cheap())
    assert (vault_dir / "vault.keys").read_bytes() == before
