# SPDX-License-Identifier: GPL-3.0-or-later
"""Backups follow the key-copies rule wherever the app put them (issues 6 and 9): a new
passphrase, a new recovery code or a re-wrap reaches them; a key change re-encrypts, deletes or
keeps them as chosen; copies moved elsewhere, and other vaults' backups, are left alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from recovery_desktop.storage import KdfCost, Vault, WrongPassphraseError
from recovery_desktop.storage.backup_places import PLACES_NAME, copy_places
from recovery_desktop.storage.errors import VaultDamagedError
from recovery_desktop.storage.key_copies import managed_copies, opens_with
from recovery_desktop.storage.keys import PASSPHRASE_SLOT, RECOVERY_SLOT, KeyFile
from recovery_desktop.storage.rekey import OldBackups, change_vault_key, old_key_backups
from recovery_desktop.storage.unlocking import SlotUpgrade
from tests.backup_helpers import all_rows, snapshot
from tests.conftest import PASSPHRASE
from tests.vault_copies import secret_opens

NEW_PASSPHRASE = "a new passphrase for a new start"
NEW_CODE = "7KQ2M-X4B9D-HHJ3P-0RT5V-WXY2Z-ABCDE"


@pytest.fixture
def spread(vault_and_code, tmp_path: Path, cheap_cost: KdfCost) -> dict:  # type: ignore[no-untyped-def]
    """Backups in backups/, in a folder chosen earlier, in the folder chosen now, and one written
    with --out; a copy of one moved to a drive by hand; another vault's backup in the shared
    folder."""
    vault, code = vault_and_code
    own = vault.make_backup().path
    earlier = tmp_path / "earlier"
    vault.set_backup_folder(earlier)
    in_earlier = vault.make_backup().path
    chosen = tmp_path / "chosen"
    vault.set_backup_folder(chosen)
    in_chosen = vault.run_automatic_backup().made.path
    out_place = tmp_path / "usb"
    out_place.mkdir()
    by_out = vault.make_backup(into=out_place, name="for-the-drawer").path
    moved = tmp_path / "moved-by-hand"
    shutil.copytree(in_chosen, moved)
    other, _ = Vault.create(tmp_path / "other", PASSPHRASE, cheap_cost)
    with other:
        other.set_backup_folder(chosen)
        theirs = other.make_backup().path
    return {
        "vault": vault,
        "code": code,
        "ours": [own, in_earlier, in_chosen, by_out],
        "moved": moved,
        "theirs": theirs,
    }


def _opens(backup: Path, slot: str, secret: str) -> bool:
    return secret_opens(backup / "vault.keys", backup / "vault.db", slot, secret)


def test_a_new_passphrase_reaches_every_backup_the_app_made(spread: dict) -> None:
    vault: Vault = spread["vault"]
    theirs_before = snapshot(spread["theirs"])
    report = vault.change_passphrase(NEW_PASSPHRASE, KdfCost.cheap())
    assert sorted(c.folder for c in report.updated) == sorted(spread["ours"])
    assert not report.failed and not report.other_key
    for backup in spread["ours"]:
        assert _opens(backup, PASSPHRASE_SLOT, NEW_PASSPHRASE), backup
        assert not _opens(backup, PASSPHRASE_SLOT, PASSPHRASE), backup
        assert _opens(backup, RECOVERY_SLOT, spread["code"]), backup
    # Moved by hand: keeps the passphrase of its day, as the screens say.
    assert _opens(spread["moved"], PASSPHRASE_SLOT, PASSPHRASE)
    assert snapshot(spread["theirs"]) == theirs_before


def test_a_new_recovery_code_reaches_every_backup_the_app_made(spread: dict) -> None:
    vault: Vault = spread["vault"]
    vault.set_recovery_code(NEW_CODE, KdfCost.cheap())
    for backup in spread["ours"]:
        assert _opens(backup, RECOVERY_SLOT, NEW_CODE), backup
        assert not _opens(backup, RECOVERY_SLOT, spread["code"]), backup
    assert _opens(spread["moved"], RECOVERY_SLOT, spread["code"])


def test_a_rewrap_at_a_higher_cost_reaches_them_too(spread: dict) -> None:
    vault: Vault = spread["vault"]
    higher = KdfCost(memory_kib=128, iterations=2, lanes=1, exempt_from_floor=True)
    upgrade = SlotUpgrade(vault.folder, PASSPHRASE_SLOT, vault._data_key, PASSPHRASE)
    assert upgrade.run(higher)
    vault_keys = (vault.folder / "vault.keys").read_bytes()
    for backup in spread["ours"]:
        assert (backup / "vault.keys").read_bytes() == vault_keys


@pytest.mark.parametrize("choice", list(OldBackups))
def test_a_key_change_treats_backups_as_it_treats_the_older_copies(
    spread: dict, choice: OldBackups
) -> None:
    vault: Vault = spread["vault"]
    folder, old_key = vault.folder, vault._data_key
    ours = spread["ours"]
    rows = {b: all_rows(b / "vault.db", old_key) for b in ours}
    assert sorted(c.folder for c in old_key_backups(folder, old_key)) == sorted(ours)
    before = {b: snapshot(b) for b in ours}
    theirs_before = snapshot(spread["theirs"])
    vault.close()
    report = change_vault_key(
        folder, old_key, NEW_PASSPHRASE, NEW_CODE, old_backups=choice, cost=KdfCost.cheap()
    )
    assert not report.failed
    new_key = Vault.derive_key(folder, NEW_PASSPHRASE)
    if choice is OldBackups.REENCRYPT:
        assert sorted(c.folder for c in report.reencrypted) == sorted(ours)
        for backup in ours:
            assert not opens_with(backup / "vault.db", old_key)
            assert all_rows(backup / "vault.db", new_key) == rows[backup]
            assert _opens(backup, PASSPHRASE_SLOT, NEW_PASSPHRASE)
            assert not _opens(backup, PASSPHRASE_SLOT, PASSPHRASE)
            assert KeyFile.load(backup / "vault.keys").pending is None
            assert sorted(p.name for p in backup.iterdir()) == [
                "manifest.json", "vault.db", "vault.keys",
            ]  # fmt: skip
    elif choice is OldBackups.DELETE:
        assert sorted(c.folder for c in report.deleted) == sorted(ours)
        for backup in ours:
            assert not backup.exists()
    else:
        assert sorted(c.folder for c in report.kept) == sorted(ours)
        for backup in ours:
            assert snapshot(backup) == before[backup]
    assert snapshot(spread["theirs"]) == theirs_before
    assert _opens(spread["moved"], PASSPHRASE_SLOT, PASSPHRASE)
    with pytest.raises(WrongPassphraseError):
        Vault.derive_key(folder, PASSPHRASE)


def test_a_linked_backup_inside_a_backup_folder_is_never_followed(
    vault: Vault, tmp_path: Path
) -> None:
    chosen = tmp_path / "chosen"
    vault.set_backup_folder(chosen)
    real = vault.make_backup().path
    target = tmp_path / "target"
    shutil.copytree(real, target)
    (chosen / "planted").symlink_to(target)
    before = snapshot(target)
    report = vault.change_passphrase(NEW_PASSPHRASE, KdfCost.cheap())
    assert [c.folder for c in report.updated] == [real]
    assert snapshot(target) == before


def test_a_damaged_list_of_places_still_looks_after_backups_and_refuses_changes(
    vault: Vault,
) -> None:
    own = vault.make_backup().path
    (vault.folder / PLACES_NAME).write_text('{"format": 1, "vault_id": 5}')
    assert managed_copies(copy_places(vault.folder))[0].folder == own
    report = vault.change_passphrase(NEW_PASSPHRASE, KdfCost.cheap())
    assert [c.folder for c in report.updated] == [own]
    with pytest.raises(VaultDamagedError, match="Nothing was changed"):
        vault.set_backup_folder(vault.folder.parent / "x")
    assert not (vault.folder.parent / "x").exists()
