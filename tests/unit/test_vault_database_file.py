# SPDX-License-Identifier: GPL-3.0-or-later
"""A key file without its journal is never "repaired" into a new, empty journal (issue 6, #14).

Only set-up makes a database: `Vault.create`, or `create_keys` followed by `from_data_key`, and
a set-up cut short between those two still finishes on the next unlock.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from recovery_desktop.core.models import Entry
from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.storage.errors import VaultDamagedError, VaultDatabaseMissingError
from tests.conftest import PASSPHRASE


def listing(folder: Path) -> dict[str, bytes]:
    """Every file's bytes, but `-shm` (SQLite's shared index of the WAL, rebuilt by any reader)
    and the empty lock files every opening process holds (`storage/vault_lock.py`)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and not p.name.endswith("-shm")
        and not (p.name.endswith(".lock") and p.stat().st_size == 0)
    }


def journal_files(folder: Path) -> list[str]:
    """The vault's own files and SQLite's (a process lock file may sit beside them)."""
    return sorted(
        p.name for p in folder.iterdir() if p.name.startswith(("vault.db", "vault.keys", "backups"))
    )


@pytest.mark.parametrize("damage", ["missing", "empty"])
def test_a_missing_or_empty_journal_is_refused_untouched(
    vault: Vault, vault_dir: Path, damage: str
) -> None:
    vault.entries.save(Entry(entry_date=date(2026, 3, 1), body="written before"))
    vault.close()
    db = vault_dir / "vault.db"
    if damage == "missing":
        db.unlink()
    else:
        db.write_bytes(b"")
    before = listing(vault_dir)

    with pytest.raises(VaultDatabaseMissingError) as refused:
        Vault.open(vault_dir, PASSPHRASE)

    message = str(refused.value)
    assert "journal file" in message and "Nothing was changed" in message
    assert str(vault_dir / "backups") in message
    assert listing(vault_dir) == before  # no new, empty journal appeared


def test_set_up_in_two_halves_still_works(tmp_path: Path, cheap_cost: KdfCost) -> None:
    folder = tmp_path / "v"
    data_key, _code = Vault.create_keys(folder, PASSPHRASE, cheap_cost)
    with Vault.from_data_key(folder, data_key) as vault:
        vault.entries.save(Entry(entry_date=date(2026, 3, 1), body="first words"))
    with Vault.open(folder, PASSPHRASE) as vault:
        assert vault.entries.count() == 1
    assert journal_files(folder) == ["backups", "vault.db", "vault.keys"]


def test_set_up_cut_short_after_the_key_file_finishes_on_unlock(
    tmp_path: Path, cheap_cost: KdfCost
) -> None:
    """A crash after the key file was written, before the new journal was moved in place:
    the next unlock moves it in instead of refusing forever."""
    folder = tmp_path / "v"
    Vault.create_keys(folder, PASSPHRASE, cheap_cost)
    (folder / "vault.db").rename(folder / "vault.db.new")  # the state that crash leaves
    with Vault.open(folder, PASSPHRASE) as vault:
        assert vault.entries.count() == 0
        vault.entries.save(Entry(entry_date=date(2026, 3, 1), body="after the crash"))
    assert journal_files(folder) == ["backups", "vault.db", "vault.keys"]
    # From here on the journal exists, and losing it is refused like any other.
    (folder / "vault.db").unlink()
    with pytest.raises(VaultDatabaseMissingError):
        Vault.open(folder, PASSPHRASE)


def test_set_up_cut_short_before_the_key_file_starts_again(
    tmp_path: Path, cheap_cost: KdfCost
) -> None:
    """A crash before the key file existed leaves no vault: set-up simply runs again."""
    folder = tmp_path / "v"
    Vault.create_keys(folder, PASSPHRASE, cheap_cost)
    (folder / "vault.keys").unlink()
    (folder / "vault.db").rename(folder / "vault.db.new")  # never had a key file: no one's data
    data_key, _code = Vault.create_keys(folder, PASSPHRASE, cheap_cost)
    with Vault.from_data_key(folder, data_key) as vault:
        assert vault.entries.count() == 0
    assert journal_files(folder) == ["backups", "vault.db", "vault.keys"]


def test_a_new_journal_of_another_vault_is_not_moved_in(
    tmp_path: Path, cheap_cost: KdfCost
) -> None:
    folder, other = tmp_path / "v", tmp_path / "other"
    Vault.create_keys(folder, PASSPHRASE, cheap_cost)
    Vault.create_keys(other, PASSPHRASE, cheap_cost)
    (folder / "vault.db").unlink()
    (other / "vault.db").rename(folder / "vault.db.new")
    before = listing(folder)
    with pytest.raises(VaultDatabaseMissingError):
        Vault.open(folder, PASSPHRASE)
    assert listing(folder) == before


# --- damage found on open (issue 6, #15) ---------------------------------------------------------


def killed_copy(vault: Vault, target: Path) -> Path:
    """The vault's files as a SIGKILL would leave them: committed pages still in `-wal`."""
    target.mkdir()
    for name in ("vault.db", "vault.db-wal", "vault.db-shm", "vault.keys"):
        (target / name).write_bytes((vault.folder / name).read_bytes())
    (target / "backups").mkdir()
    return target


def page_count(vault: Vault) -> int:
    return vault.connection.execute("PRAGMA page_count").fetchone()[0]


def grow(vault: Vault, entries: int = 120) -> None:
    for i in range(entries):
        vault.entries.save(Entry(entry_date=date(2026, 3, 1), body=f"entry {i} " + "word " * 300))


def test_a_healthy_vault_after_a_kill_is_not_called_damaged(vault: Vault, tmp_path: Path) -> None:
    grow(vault)
    copy = killed_copy(vault, tmp_path / "killed")
    # The point of the test: the journal file alone is shorter than the database it holds.
    assert (copy / "vault.db").stat().st_size < page_count(vault) * 4096
    with Vault.open(copy, PASSPHRASE) as reopened:
        assert reopened.entries.count() == 120
        assert reopened.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_truncated_journal_is_damaged_and_left_alone(vault: Vault, vault_dir: Path) -> None:
    grow(vault)
    vault.close()
    db = vault_dir / "vault.db"
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])
    before = listing(vault_dir)
    with pytest.raises(VaultDamagedError) as refused:
        Vault.open(vault_dir, PASSPHRASE)
    assert "damaged" in str(refused.value) and str(vault_dir / "backups") in str(refused.value)
    assert listing(vault_dir) == before
    assert journal_files(vault_dir) == ["backups", "vault.db", "vault.keys"]  # no -wal, -shm


def test_a_truncated_journal_with_a_wal_is_damaged(vault: Vault, tmp_path: Path) -> None:
    grow(vault)
    copy = killed_copy(vault, tmp_path / "killed")
    db = copy / "vault.db"
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])
    before = listing(copy)
    with pytest.raises(VaultDamagedError):
        Vault.open(copy, PASSPHRASE)
    assert listing(copy) == before
