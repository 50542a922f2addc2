# SPDX-License-Identifier: GPL-3.0-or-later
"""Changing the vault's key (issue 6, point 2): a new data key, passphrase and recovery code;
the old secrets open nothing; every row survives; the old backups go as the person chose."""

from __future__ import annotations

from pathlib import Path

import pytest

from recovery_desktop.storage import (
    KdfCost,
    Vault,
    WrongPassphraseError,
    WrongRecoveryCodeError,
)
from recovery_desktop.storage.errors import VaultError
from recovery_desktop.storage.key_copies import managed_copies, opens_with
from recovery_desktop.storage.keys import (
    PASSPHRASE_SLOT,
    RECOVERY_SLOT,
    KeyChangePendingError,
    KeyFile,
    generate_recovery_code,
    wrap_key_set,
)
from recovery_desktop.storage.rekey import OldBackups, change_vault_key, old_key_backups
from recovery_desktop.storage.vault_lock import VaultInUseError
from tests.conftest import PASSPHRASE
from tests.integration.lock_holder import held_elsewhere
from tests.vault_copies import (
    FIRST_BODY,
    backup_entry_count,
    build_vault_with_backups,
    rekey_leftovers,
    secret_opens,
    table_counts,
)

NEW_PASSPHRASE = "someone may know the old one"


@pytest.fixture
def built(vault_dir: Path, cheap_cost: KdfCost) -> dict[str, object]:
    info = build_vault_with_backups(vault_dir, PASSPHRASE, cheap_cost)
    info["key"] = Vault.derive_key(vault_dir, PASSPHRASE)
    return info


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _change(folder: Path, key: bytes, choice: OldBackups, **kwargs: object) -> tuple[object, str]:
    code = generate_recovery_code()
    report = change_vault_key(
        folder, key, NEW_PASSPHRASE, code, old_backups=choice, cost=KdfCost.cheap(), **kwargs
    )
    return report, code


@pytest.mark.parametrize("choice", list(OldBackups))
def test_after_a_key_change_the_old_secrets_open_nothing_and_every_row_is_there(
    vault_dir: Path, built: dict, choice: OldBackups
) -> None:
    old_key, old_code = built["key"], built["code"]
    ours = old_key_backups(vault_dir, old_key)
    assert sorted(c.db.stem for c in ours) == sorted(built["backups"])
    kept_bytes = {c.keys: (c.keys.read_bytes(), c.db.read_bytes()) for c in ours}
    foreign = built["foreign"]
    foreign_bytes = (foreign.keys.read_bytes(), foreign.db.read_bytes())
    steps: list[tuple[int, int]] = []

    report, new_code = _change(vault_dir, old_key, choice, progress=lambda *s: steps.append(s))

    assert steps == [(n, 5) for n in range(6)]
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_dir, PASSPHRASE)
    with pytest.raises(WrongRecoveryCodeError):
        Vault.open_with_recovery_code(vault_dir, old_code)
    with Vault.open(vault_dir, NEW_PASSPHRASE) as vault:
        assert vault.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert table_counts(vault.connection) == built["counts"]
        assert vault.entries.get(1).body == FIRST_BODY
        assert [e.id for e in vault.entries.search("sponsor")] == [1]
        new_key = vault._data_key
    Vault.open_with_recovery_code(vault_dir, new_code).close()
    assert new_key != old_key and not opens_with(vault_dir / "vault.db", old_key)
    assert KeyFile.load(vault_dir / "vault.keys").pending is None
    assert not rekey_leftovers(vault_dir)

    by_name = {c.db.stem: c for c in managed_copies([vault_dir / "backups"])}
    if choice is OldBackups.REENCRYPT:
        assert sorted(c.db.stem for c in report.reencrypted) == sorted(built["backups"])
        for name, entries in built["backups"].items():
            copy = by_name[name]
            assert backup_entry_count(copy, new_key) == entries
            assert not opens_with(copy.db, old_key)
            assert secret_opens(copy.keys, copy.db, PASSPHRASE_SLOT, NEW_PASSPHRASE)
            assert secret_opens(copy.keys, copy.db, RECOVERY_SLOT, new_code)
            assert not secret_opens(copy.keys, copy.db, PASSPHRASE_SLOT, PASSPHRASE)
            assert not secret_opens(copy.keys, copy.db, RECOVERY_SLOT, old_code)
            assert KeyFile.load(copy.keys).pending is None
    elif choice is OldBackups.DELETE:
        assert sorted(c.db.stem for c in report.deleted) == sorted(built["backups"])
        assert set(by_name) == {"another-key"}
        assert sorted(p.name for p in (vault_dir / "backups").iterdir()) == [
            "another-key.db",
            "another-key.keys",
        ]
    else:  # kept as they were: under the old key and secrets, which the screens warn about
        assert sorted(c.db.stem for c in report.kept) == sorted(built["backups"])
        assert {c.keys: (c.keys.read_bytes(), c.db.read_bytes()) for c in ours} == kept_bytes
    assert not report.failed
    # A copy under another data key is never touched.
    assert (foreign.keys.read_bytes(), foreign.db.read_bytes()) == foreign_bytes


@pytest.mark.parametrize("how", ["shared", "vault"])
def test_refused_while_another_process_has_the_vault_open(
    vault_dir: Path, built: dict, how: str
) -> None:
    with held_elsewhere(vault_dir, how, PASSPHRASE):
        before = snapshot(vault_dir)
        with pytest.raises(VaultInUseError, match="Nothing was changed"):
            _change(vault_dir, built["key"], OldBackups.DELETE)
        assert snapshot(vault_dir) == before
    Vault.open(vault_dir, PASSPHRASE).close()


def test_refused_while_this_process_has_it_open(vault: Vault, vault_dir: Path) -> None:
    with pytest.raises(VaultInUseError):
        _change(vault_dir, vault._data_key, OldBackups.KEEP)
    assert vault.entries.count() == 0  # still open and usable


@pytest.mark.parametrize("failing_step", [1, 2])
def test_an_error_before_the_switch_changes_nothing(
    vault_dir: Path, built: dict, failing_step: int
) -> None:
    """Anything that stops the change before vault.db is switched (here the caller's progress
    callback; in life a full disk or a copy that does not check out) puts the old key file
    back, so "nothing was changed" is true and the old passphrase still opens the vault."""
    keys_before = (vault_dir / "vault.keys").read_bytes()
    backups_before = snapshot(vault_dir / "backups")

    def progress(done: int, total: int) -> None:
        if done == failing_step:
            raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        _change(vault_dir, built["key"], OldBackups.DELETE, progress=progress)
    assert (vault_dir / "vault.keys").read_bytes() == keys_before
    assert snapshot(vault_dir / "backups") == backups_before
    assert not rekey_leftovers(vault_dir)
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert table_counts(vault.connection) == built["counts"]


def test_an_error_after_the_switch_keeps_the_new_key(vault_dir: Path, built: dict) -> None:
    """Once vault.db is under the new key the old key file must never come back (it would
    lock the person out of their journal): the next unlock finishes the change instead."""

    def progress(done: int, total: int) -> None:
        if done == 3:
            raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        _change(vault_dir, built["key"], OldBackups.DELETE, progress=progress)
    assert KeyFile.load(vault_dir / "vault.keys").pending is not None
    unlocked = Vault.unlock_key(vault_dir, NEW_PASSPHRASE)
    assert unlocked.finished_key_change is not None
    assert sorted(c.db.stem for c in unlocked.finished_key_change.deleted) == sorted(
        built["backups"]
    )
    with Vault.from_data_key(vault_dir, unlocked) as vault:
        assert table_counts(vault.connection) == built["counts"]
    assert KeyFile.load(vault_dir / "vault.keys").pending is None


def _pending_state(folder: Path, old_key: bytes, choice: OldBackups) -> tuple[bytes, str]:
    """vault.keys as step 1 of a key change leaves it (a kill right after): both keys under the
    new secrets, vault.db still under the old key."""
    from recovery_desktop.storage.keys import new_data_key

    new_key, code = new_data_key(), generate_recovery_code()
    current, pending = wrap_key_set(
        [old_key, new_key],
        {PASSPHRASE_SLOT: NEW_PASSPHRASE, RECOVERY_SLOT: code},
        KdfCost.cheap(),
    )
    KeyFile(current=current, pending=pending, pending_old_backups=choice.value).save(
        folder / "vault.keys"
    )
    return new_key, code


def test_a_missing_journal_never_makes_the_unlock_drop_the_old_key(
    vault_dir: Path, built: dict, tmp_path: Path
) -> None:
    """During a pending change, an empty vault.db (moved away by a sync tool, say) must not pass
    for the database under the new key: dropping the old key then would leave the real one,
    put back, unreadable forever."""
    new_key, _ = _pending_state(vault_dir, built["key"], OldBackups.KEEP)
    (vault_dir / "vault.db").rename(tmp_path / "moved-away.db")
    (vault_dir / "vault.db").write_bytes(b"")
    with pytest.raises(VaultError, match="missing or empty"):
        Vault.open(vault_dir, NEW_PASSPHRASE)
    assert KeyFile.load(vault_dir / "vault.keys").pending is not None
    (tmp_path / "moved-away.db").replace(vault_dir / "vault.db")
    with Vault.open(vault_dir, NEW_PASSPHRASE) as vault:
        assert table_counts(vault.connection) == built["counts"]
    assert opens_with(vault_dir / "vault.db", new_key)
    assert KeyFile.load(vault_dir / "vault.keys").pending is None


def test_the_next_unlock_finishes_as_chosen(vault_dir: Path, built: dict) -> None:
    """The choice for the old backups is kept in vault.keys while the change is pending, so a
    change cut short still deletes them: never silently left under the old secrets."""
    _, new_code = _pending_state(vault_dir, built["key"], OldBackups.DELETE)
    (vault_dir / ".vault.db.rekey-abcd1234").write_bytes(b"half a copy")
    (vault_dir / "backups" / ".vault.db.rekey-efgh5678").write_bytes(b"half a backup")
    with Vault.open_with_recovery_code(vault_dir, new_code) as vault:
        assert table_counts(vault.connection) == built["counts"]
    assert not rekey_leftovers(vault_dir)
    assert [c.db.stem for c in managed_copies([vault_dir / "backups"])] == ["another-key"]
    assert not opens_with(vault_dir / "vault.db", built["key"])


def test_secrets_cannot_change_while_a_key_change_is_pending(vault_dir: Path, built: dict) -> None:
    """Another process has the vault open, so unlocking could not finish the change: the
    vault opens as it is, and a passphrase change is refused in plain words."""
    _pending_state(vault_dir, built["key"], OldBackups.KEEP)
    with held_elsewhere(vault_dir, "shared"), Vault.open(vault_dir, NEW_PASSPHRASE) as vault:
        assert table_counts(vault.connection) == built["counts"]
        before = (vault_dir / "vault.keys").read_bytes()
        with pytest.raises(KeyChangePendingError, match="Nothing was changed"):
            vault.change_passphrase("yet another passphrase", KdfCost.cheap())
        assert (vault_dir / "vault.keys").read_bytes() == before
    Vault.open(vault_dir, NEW_PASSPHRASE).close()  # now it finishes
    assert KeyFile.load(vault_dir / "vault.keys").pending is None


def test_stale_copies_are_removed_on_open(vault_dir: Path, built: dict) -> None:
    (vault_dir / ".vault.db.rekey-abcd1234").write_bytes(b"half a copy")
    (vault_dir / "backups" / ".vault.db.rekey-abcd1234-wal").write_bytes(b"its log")
    Vault.open(vault_dir, PASSPHRASE).close()
    assert not rekey_leftovers(vault_dir)


def test_a_key_change_while_the_old_search_index_is_half_cleared(tmp_path: Path) -> None:
    """Found by the GUI test under load: after an upgrade the old search index is emptied in
    batches, unreadable in between, and the key change's copy stopped on it ("fts5:
    corruption found"). It is dropped instead of copied; search still finds everything."""
    import shutil

    from recovery_desktop.storage.search_index import OLD_INDEX, SearchIndex
    from tests.fixtures.make_fixtures import PASSPHRASE as FIXTURE_PASSPHRASE

    folder = tmp_path / "v1"
    shutil.copytree(Path(__file__).resolve().parents[1] / "fixtures" / "vault-v1", folder)
    folder.chmod(0o700)
    with Vault.open(folder, FIXTURE_PASSPHRASE) as vault:
        index = SearchIndex(vault.connection)
        while not index.complete():
            index._index_batch(100)
        index._clear_old_batch()  # one batch: the old index is now half emptied
        assert index._old_index_exists()
        key = Vault.derive_key(folder, FIXTURE_PASSPHRASE)
    change_vault_key(
        folder, key, NEW_PASSPHRASE, generate_recovery_code(), old_backups=OldBackups.KEEP, cost=KdfCost.cheap()
    )
    with Vault.open(folder, NEW_PASSPHRASE) as vault:
        names = {r[0] for r in vault.connection.execute("SELECT name FROM sqlite_master")}
        assert OLD_INDEX not in names
        assert [s.id for s in vault.entries.search("meeting")] == [1]
