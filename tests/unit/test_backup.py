# SPDX-License-Identifier: GPL-3.0-or-later
"""Back up now, and automatic backups (issue 9, point 3): one encrypted backup that opens with
the passphrase or recovery code of the day, whole or absent, never plain."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_desktop.core.backup_rotation import backups_to_keep
from recovery_desktop.core.models import Entry
from recovery_desktop.storage import Vault
from recovery_desktop.storage.backup import (
    BackupCancelledError,
    automatic_backups,
    list_backups,
    make_backup,
)
from recovery_desktop.storage.backup_format import (
    BackupKind,
    Manifest,
    NotABackupError,
    read_manifest,
)
from recovery_desktop.storage.backup_places import load_places
from recovery_desktop.storage.errors import VaultDamagedError
from recovery_desktop.storage.key_copies import opens_with
from recovery_desktop.storage.keys import PASSPHRASE_SLOT, RECOVERY_SLOT
from recovery_desktop.storage.migrations import SCHEMA_VERSION
from recovery_desktop.storage.vault_lock import VaultInUseError, exclusive_vault_lock
from tests.backup_helpers import KNOWN_PHRASE, all_rows, copy_vault, make_demo_vault, snapshot
from tests.conftest import PASSPHRASE
from tests.vault_copies import secret_opens


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("backup-demo") / "vault"
    make_demo_vault(folder, PASSPHRASE)
    return folder


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    return copy_vault(demo_template, tmp_path / "vault")


def _key(folder: Path) -> bytes:
    return Vault.derive_key(folder, PASSPHRASE)


def test_a_backup_holds_every_row_and_opens_with_the_passphrase(demo: Path) -> None:
    key = _key(demo)
    with Vault.from_data_key(demo, key) as vault:
        info = vault.make_backup()
    assert info.path.parent == demo / "backups" and info.kind is BackupKind.MANUAL
    assert sorted(os.listdir(info.path)) == ["manifest.json", "vault.db", "vault.keys"]
    assert all_rows(info.path / "vault.db", key) == all_rows(demo / "vault.db", key)
    assert secret_opens(info.path / "vault.keys", info.path / "vault.db", PASSPHRASE_SLOT, PASSPHRASE)
    # Private: the folder 0700, its files 0600; no word of the journal in any of them.
    assert stat.S_IMODE(info.path.stat().st_mode) == 0o700
    for path in info.path.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert KNOWN_PHRASE.encode() not in path.read_bytes()
    manifest = json.loads((info.path / "manifest.json").read_text())
    assert manifest["format"] == "recovery-desktop-backup" and manifest["schema_version"] == SCHEMA_VERSION
    assert set(manifest) == {
        "format", "version", "vault_id", "kind", "created_at", "schema_version", "app_version",
    }  # fmt: skip


def test_the_recovery_code_of_the_day_opens_it_too(vault_and_code, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    vault, code = vault_and_code
    info = vault.make_backup()
    assert secret_opens(info.path / "vault.keys", info.path / "vault.db", RECOVERY_SLOT, code)


def test_saves_during_a_backup_neither_restart_it_nor_land_half_in_it(vault: Vault) -> None:
    for n in range(300):
        vault.entries.save(Entry(entry_date=date(2026, 1, 1), body=f"entry {n} " * 100))
    calls = 0

    def progress(done: int, total: int) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:  # mid-copy: the app saves on its own connection
            vault.entries.save(Entry(entry_date=date(2026, 1, 2), body="written meanwhile"))

    info = make_backup(vault.folder, vault._data_key, progress=progress)
    assert calls > 3  # the copy went in steps
    rows = all_rows(info.path / "vault.db", vault._data_key)
    assert len(rows["entry"]) == 300  # the snapshot it started from, whole  # type: ignore[arg-type]
    assert vault.connection.execute("SELECT count(*) FROM entry").fetchone()[0] == 301


def test_a_backup_cancelled_at_any_moment_leaves_nothing_behind(vault: Vault) -> None:
    for n in range(300):
        vault.entries.save(Entry(entry_date=date(2026, 1, 1), body=f"entry {n} " * 500))
    asked = 0

    def counting() -> bool:
        nonlocal asked
        asked += 1
        return False

    make_backup(vault.folder, vault._data_key, cancelled=counting)  # how often it asks
    moments = asked
    assert moments >= 4  # the copy's steps, the check, before the rename
    before = sorted(os.listdir(vault.backups_dir))
    for stop_at in range(1, moments + 1):
        asked = 0

        def cancelled(stop_at: int = stop_at) -> bool:
            nonlocal asked
            asked += 1
            return asked >= stop_at

        with pytest.raises(BackupCancelledError):
            make_backup(vault.folder, vault._data_key, cancelled=cancelled)
        assert sorted(os.listdir(vault.backups_dir)) == before, stop_at


def test_a_folder_that_cannot_be_written_gives_plain_words_and_no_partial(
    vault: Vault, tmp_path: Path
) -> None:
    place = tmp_path / "read-only"
    place.mkdir(mode=0o700)
    place.chmod(0o500)
    try:
        if os.access(place, os.W_OK):
            pytest.skip("running as a user who may write anywhere")
        with pytest.raises(Exception) as caught:
            make_backup(vault.folder, vault._data_key, into=place)
        assert "cannot be written to" in str(caught.value)
        assert os.listdir(place) == []
    finally:
        place.chmod(0o700)


def test_refused_while_a_key_change_or_restore_holds_the_vault(
    vault: Vault, vault_dir: Path
) -> None:
    key = vault._data_key
    vault.close()
    with exclusive_vault_lock(vault_dir), pytest.raises(VaultInUseError):
        make_backup(vault_dir, key)
    assert [p for p in os.listdir(vault_dir / "backups")] == []


# --- where backups go ------------------------------------------------------------------------


def test_backups_go_to_the_chosen_folder_made_private(vault: Vault, tmp_path: Path) -> None:
    chosen = tmp_path / "elsewhere" / "journal backups"
    assert vault.set_backup_folder(chosen) == chosen
    assert stat.S_IMODE(chosen.stat().st_mode) == 0o700
    info = vault.make_backup()
    assert info.path.parent == chosen
    assert vault.backup_folder == chosen
    assert [b.path for b in vault.list_backups()] == [info.path]
    assert vault.set_backup_folder(None) == vault.backups_dir


@pytest.mark.parametrize("how", ["link", "others-write", "vault-folder", "inside-vault", "file"])
def test_an_unsafe_folder_for_backups_is_refused(vault: Vault, tmp_path: Path, how: str) -> None:
    place = tmp_path / "place"
    if how == "link":
        (tmp_path / "real").mkdir()
        place.symlink_to(tmp_path / "real")
    elif how == "others-write":
        place.mkdir()
        place.chmod(0o777)
    elif how == "vault-folder":
        place = vault.folder
    elif how == "inside-vault":
        place = vault.folder / "mine"
    else:
        place.write_text("not a folder")
    before = snapshot(vault.folder)
    with pytest.raises(Exception) as caught:
        vault.set_backup_folder(place)
    assert "Nothing was changed" in str(caught.value)
    assert vault.backup_folder == vault.backups_dir
    after = snapshot(vault.folder)
    after.pop("backup-places.json", None)  # the vault's id may have been written first
    before.pop("backup-places.json", None)
    assert after == before


# --- automatic backups -----------------------------------------------------------------------


def _at(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 1, 1, hour, tzinfo=UTC) + timedelta(days=day)


def test_automatic_backups_rotate_to_seven_days_and_four_weeks(
    vault: Vault, tmp_path: Path
) -> None:
    """A real run over 60 unlocks: twice a day some days, gaps others; manual backups, and
    backups under another key or of another vault in the same folder, are never touched."""
    chosen = tmp_path / "backups-here"
    vault.set_backup_folder(chosen)
    manual = vault.make_backup(now=_at(0, 8))
    made: list[datetime] = []
    for day in range(60):
        if day % 9 == 4:
            continue  # the app was not opened that day
        for hour in (8, 20) if day % 5 == 0 else (9,):
            vault.entries.save(Entry(entry_date=date(2026, 1, 1), body=f"day {day}"))
            result = vault.run_automatic_backup(now=_at(day, hour))
            if result.made is not None:
                made.append(_at(day, hour))
    # One a day at most: the evening unlock 12 hours after the morning one made none.
    assert len(made) == len({m.date() for m in made})
    expected = {made[i] for i in backups_to_keep([m.astimezone() for m in made])}
    left = automatic_backups(vault.folder, vault._data_key)
    assert {manifest.created_at for _, manifest in left} == expected
    assert len(left) == 11
    assert manual.path.is_dir()
    assert sorted(p.name for p in chosen.iterdir() if p.name.startswith(".")) == []
    for backup, _ in left:
        assert opens_with(backup / "vault.db", vault._data_key)


def test_no_automatic_backup_within_a_day_of_the_last(vault: Vault) -> None:
    first = vault.run_automatic_backup(now=_at(0))
    assert first.made is not None
    assert vault.run_automatic_backup(now=_at(0, 23)).made is None
    assert vault.run_automatic_backup(now=_at(1, 10)).made is not None


def test_rotation_never_removes_another_vaults_backups(
    vault: Vault, tmp_path: Path, cheap_cost
) -> None:  # type: ignore[no-untyped-def]
    shared = tmp_path / "shared"
    vault.set_backup_folder(shared)
    other, _ = Vault.create(tmp_path / "other", PASSPHRASE, cheap_cost)
    with other:
        other.set_backup_folder(shared)
        for day in range(12):
            other.run_automatic_backup(now=_at(day))
        theirs = snapshot(shared)
    for day in range(20, 70):
        vault.run_automatic_backup(now=_at(day))
    after = snapshot(shared)
    assert {k: v for k, v in after.items() if k in theirs} == theirs
    assert len(list_backups(vault.folder)) == 11


def test_a_backup_appears_whole_or_not_at_all(vault: Vault) -> None:
    info = vault.make_backup()
    manifest = read_manifest(info.path)
    assert manifest.kind is BackupKind.MANUAL
    assert not [p for p in vault.backups_dir.iterdir() if p.name.startswith(".partial-")]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=300), st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=8),
    max_leaves=20,
).map(lambda value: json.dumps(value).encode())))
def test_any_manifest_is_read_or_refused_in_plain_words(raw: bytes) -> None:
    try:
        Manifest.parse(raw, Path("/some/backup"))
    except NotABackupError as error:
        assert "Nothing was changed" in str(error)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_list_of_places_is_read_or_refused_in_plain_words(raw: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "backup-places.json").write_bytes(raw)
        try:
            load_places(Path(folder))
        except VaultDamagedError as error:
            assert "Nothing was changed" in str(error)
