# SPDX-License-Identifier: GPL-3.0-or-later
"""Every released schema's fixture vault opens at the latest version, data intact."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from recovery_desktop.core.models import Entry, Visibility
from recovery_desktop.storage import Vault
from recovery_desktop.storage.connection import open_database
from recovery_desktop.storage.errors import VaultTooNewError
from recovery_desktop.storage.migrations import SCHEMA_VERSION, schema_version
from tests.fixtures.make_fixtures import PASSPHRASE, RECOVERY_CODE

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    target = tmp_path / "vault-v1"
    shutil.copytree(FIXTURES / "vault-v1", target)
    target.chmod(0o700)  # a checkout made under umask 002 is group-writable: the vault refuses
    return target


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5])
def test_every_fixture_migrates_with_links_intact(tmp_path: Path, version: int) -> None:
    folder = tmp_path / f"vault-v{version}"
    shutil.copytree(FIXTURES / f"vault-v{version}", folder)
    folder.chmod(0o700)
    with Vault.open(folder, PASSPHRASE) as vault:
        conn = vault.connection
        assert schema_version(conn) == SCHEMA_VERSION
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        first = vault.entries.get(1)
        assert first.tags == ("meeting",) and first.people == (1,)  # links survived rebuilds
        # Schema 4: the search index is rebuilt after the upgrade, then finds every entry.
        assert vault.search_index.rebuild_pending()
        assert vault.search_index.rebuild(batch_size=1)
        entry_ids = conn.execute("SELECT id FROM entry ORDER BY id").fetchall()
        assert conn.execute("SELECT rowid FROM entry_fts ORDER BY rowid").fetchall() == entry_ids
        assert [s.id for s in vault.entries.search("scared 🙂")] == [1]
        assert 1 in {s.id for s in vault.entries.search("meeting")}
        if version >= 2:
            assert 2 in {s.id for s in vault.entries.search("noon meet")}
        if version >= 3:
            assert [s.id for s in vault.entries.search("😀")] == [3]
            assert [s.id for s in vault.entries.search("🎉")] == [3]
            assert [s.id for s in vault.entries.search("🙏")] == [4]
        if version >= 2:
            checkin = vault.entries.checkin_for(date(2025, 1, 3))
            assert checkin.triggers == ("stress",) and checkin.coping == ("walk",)
            assert checkin.gratitude == "My sister called"
            assert vault.templates.list()[0][1] == "Evening"
        # Schema 3: a deleted entry's id is never handed out again.
        newest = vault.entries.save(Entry(entry_date=date(2025, 2, 1), body="newest"))
        vault.entries.delete(newest.id)
        after = vault.entries.save(Entry(entry_date=date(2025, 2, 2), body="after"))
        assert after.id > newest.id


def test_v1_vault_migrates_to_latest(v1_copy: Path) -> None:
    with Vault.open(v1_copy, PASSPHRASE) as vault:
        assert schema_version(vault.connection) == SCHEMA_VERSION
        entry = vault.entries.get(1)
        assert entry.title == "Day one" and entry.body.endswith("🙂")
        assert (entry.mood, entry.craving, entry.sober_today) == (3, 6, True)
        assert entry.visibility is Visibility.SHARED and entry.tags == ("meeting",)
        assert entry.people == (1,) and not entry.is_checkin and entry.gratitude == ""
        vault.search_index.rebuild()
        assert vault.entries.search("scared")[0].id == 1
        assert vault.contacts.get(1).emergency
        assert vault.recovery_starts.list()[0].start_date == date(2025, 1, 2).replace(day=1)
        # New features work on a migrated vault.
        vault.entries.save(
            Entry(entry_date=date(2025, 1, 3), is_checkin=True, triggers=("stress",))
        )
        assert vault.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # An encrypted copy (database and key file) was put aside before migrating, and it opens.
    backups = sorted(p.name for p in (v1_copy / "backups").iterdir())
    assert len(backups) == 2 and backups[0].startswith("before-schema-2")  # .db and .keys
    restored = v1_copy.parent / "restored"
    restored.mkdir()
    for name in backups:
        shutil.copyfile(v1_copy / "backups" / name, restored / ("vault" + Path(name).suffix))
    key = Vault.derive_key(restored, PASSPHRASE)
    conn = open_database(restored / "vault.db", key)
    assert schema_version(conn) == 1
    conn.close()
    # Opening again does not migrate (or back up) twice; the recovery code still works.
    Vault.open_with_recovery_code(v1_copy, RECOVERY_CODE).close()
    assert len(list((v1_copy / "backups").iterdir())) == 2


def test_v3_vault_keeps_emoji_people_and_used_ids(tmp_path: Path) -> None:
    folder = tmp_path / "vault-v3"
    shutil.copytree(FIXTURES / "vault-v3", folder)
    with Vault.open(folder, PASSPHRASE) as vault:
        assert schema_version(vault.connection) == SCHEMA_VERSION
        coffee = vault.entries.get(3)
        assert coffee.title == "Coffee ☕ with Dana" and coffee.body.startswith("😀good")
        assert "👨\u200d👩\u200d👧" in coffee.body and "❤️" in coffee.body
        assert coffee.tags == ("family", "🎉 wins") and coffee.people == (1, 2)
        checkin = vault.entries.checkin_for(date(2025, 1, 4))
        assert checkin.id == 4 and checkin.gratitude == "Sunshine ☀️ on the walk"
        assert checkin.coping == ("walk",) and checkin.evening_review == "Calm evening 🙏"
        # Entry 5 was deleted in that release: its id stays used.
        assert vault.entries.get(5) is None
        assert vault.entries.save(Entry(entry_date=date(2025, 2, 1), body="next")).id == 6


def test_newer_vault_is_refused_untouched(vault: Vault, vault_dir: Path) -> None:
    vault.connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    vault.close()
    before = (vault_dir / "vault.db").read_bytes()
    with pytest.raises(VaultTooNewError, match="newer version"):
        Vault.open(vault_dir, "correct horse battery staple")
    assert (vault_dir / "vault.db").read_bytes() == before


def test_too_little_room_for_the_upgrade_copy_changes_nothing(
    v1_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The free space is checked before a byte is copied (the disk itself is faked here; the
    real full disk is in tests/integration/test_upgrade_full_disk.py)."""
    import shutil as real_shutil

    from recovery_desktop.storage import upgrade_backup
    from recovery_desktop.storage.errors import UpgradeNeedsRoomError

    usage = real_shutil.disk_usage(v1_copy)
    monkeypatch.setattr(upgrade_backup.shutil, "disk_usage", lambda _p: usage._replace(free=50_000))
    before = (v1_copy / "vault.db").read_bytes()
    with pytest.raises(UpgradeNeedsRoomError, match=r"needs about \d+\.\d MB"):
        Vault.open(v1_copy, PASSPHRASE)
    assert list((v1_copy / "backups").iterdir()) == []
    assert (v1_copy / "vault.db").read_bytes() == before
    monkeypatch.undo()
    with Vault.open(v1_copy, PASSPHRASE) as vault:
        assert schema_version(vault.connection) == SCHEMA_VERSION


def test_a_copy_cut_short_by_a_kill_is_swept_up(v1_copy: Path) -> None:
    stale = v1_copy / "backups" / "before-schema-2-20250101T000000Z.db.partial"
    stale.parent.mkdir(exist_ok=True)
    stale.write_bytes(b"half a copy")
    Vault.open(v1_copy, PASSPHRASE).close()
    names = sorted(p.name for p in (v1_copy / "backups").iterdir())
    assert len(names) == 2 and not any(n.endswith(".partial") for n in names)
