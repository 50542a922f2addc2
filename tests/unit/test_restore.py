# SPDX-License-Identifier: GPL-3.0-or-later
"""Restore (issue 9, point 4): checked first, refused while the vault is open elsewhere, the
vault as it was kept as a backup, and a bad file changes nothing, byte for byte."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import pytest

from recovery_desktop.core.models import Entry
from recovery_desktop.storage import KdfCost, Vault, WrongPassphraseError
from recovery_desktop.storage.backup_format import BackupKind, read_manifest
from recovery_desktop.storage.errors import VaultError
from recovery_desktop.storage.keys import RECOVERY_SLOT
from recovery_desktop.storage.migrations import SCHEMA_VERSION
from recovery_desktop.storage.restore import RestoreCancelledError, restore_backup
from recovery_desktop.storage.vault_lock import VaultInUseError
from tests.backup_helpers import (
    KNOWN_PHRASE,
    copy_vault,
    entry_count,
    make_demo_vault,
    snapshot,
    vault_rows,
)
from tests.conftest import PASSPHRASE
from tests.integration.lock_holder import held_elsewhere

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
NOW_PASSPHRASE = "the passphrase I use these days"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A demo vault and a backup of it taken to a drive (so it keeps the passphrase of its
    day); then the vault gets a new passphrase and more entries."""
    base = tmp_path_factory.mktemp("restore")
    folder = base / "vault"
    make_demo_vault(folder, PASSPHRASE)
    rows_then = vault_rows(folder, PASSPHRASE)
    with Vault.open(folder, PASSPHRASE) as vault:
        made = vault.make_backup()
        drive = base / "drive"
        drive.mkdir(mode=0o700)
        shutil.copytree(made.path, drive / "journal-backup")
        vault.change_passphrase(NOW_PASSPHRASE, KdfCost.cheap())
        for n in range(5):
            vault.entries.save(Entry(entry_date=date(2026, 4, 1), body=f"written later {n}"))
    return {
        "vault": folder,
        "backup": drive / "journal-backup",
        "rows_then": rows_then,
        "rows_now": vault_rows(folder, NOW_PASSPHRASE),
    }


@pytest.fixture
def case(template: dict, tmp_path: Path) -> dict:
    folder = copy_vault(template["vault"], tmp_path / "vault")
    backup = tmp_path / "drive" / "journal-backup"
    shutil.copytree(template["backup"], backup)
    return {**template, "vault": folder, "backup": backup}


def test_backup_then_restore_gives_back_every_row(case: dict) -> None:
    result = restore_backup(case["backup"], case["vault"], PASSPHRASE)
    assert result.opens_with_backup_secrets and result.key_file_changed
    assert result.opened_with == "passphrase" and not result.upgrade_pending
    assert vault_rows(case["vault"], PASSPHRASE) == case["rows_then"]
    # It opens with the backup's passphrase now, no longer with the one of today...
    with pytest.raises(WrongPassphraseError):
        Vault.derive_key(case["vault"], NOW_PASSPHRASE)
    # ...and the vault as it was is kept: its rows, its passphrase.
    assert result.kept is not None and result.kept.kind is BackupKind.BEFORE_RESTORE
    assert result.kept.path.parent == case["vault"] / "backups"
    back = restore_backup(result.kept.path, case["vault"], NOW_PASSPHRASE)
    assert vault_rows(case["vault"], NOW_PASSPHRASE) == case["rows_now"]
    assert back.kept is not None
    # Nothing plain anywhere: the vault folder, the backup, the temp folder.
    for place in (case["vault"], case["backup"], Path(tempfile.gettempdir())):
        for path in place.rglob("*"):
            if path.is_file():
                assert KNOWN_PHRASE.encode() not in path.read_bytes(), path
    names = (p.name for p in case["vault"].iterdir())
    assert sorted(n for n in names if not n.endswith(("-wal", "-shm"))) == [
        "backup-places.json", "backups", "keys.lock", "vault.db", "vault.keys", "vault.lock",
    ]  # fmt: skip


def test_the_recovery_code_of_the_backup_opens_it_too(case: dict, tmp_path: Path) -> None:
    vault, code = Vault.create(tmp_path / "coded", PASSPHRASE, KdfCost.cheap())
    with vault:
        backup = vault.make_backup().path
    result = restore_backup(backup, case["vault"], code, RECOVERY_SLOT)
    assert result.opened_with == RECOVERY_SLOT
    Vault.open_with_recovery_code(case["vault"], code).close()


def _truncate(path: Path, keep: float) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


def _flip(path: Path, at: float) -> None:
    data = bytearray(path.read_bytes())
    data[int(len(data) * at)] ^= 0xFF
    path.write_bytes(bytes(data))


def _edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text().replace(old, new))


def _zip_of(backup: Path) -> Path:
    target = backup.parent / "backup.zip"
    with zipfile.ZipFile(target, "w") as archive:
        for path in backup.iterdir():
            archive.write(path, path.name)
    return target


DAMAGE = {
    "database cut to half": lambda b: _truncate(b / "vault.db", 0.5),
    "database cut to one page": lambda b: _truncate(b / "vault.db", 4096 / (b / "vault.db").stat().st_size),
    "database cut mid-page": lambda b: _truncate(b / "vault.db", 0.97),
    "database empty": lambda b: _truncate(b / "vault.db", 0),
    "a byte changed in the database": lambda b: _flip(b / "vault.db", 0.6),
    "a byte changed on page 1": lambda b: _flip(b / "vault.db", 0.001),
    "key file cut short": lambda b: _truncate(b / "vault.keys", 0.5),
    "key file missing": lambda b: (b / "vault.keys").unlink(),
    "database missing": lambda b: (b / "vault.db").unlink(),
    "manifest cut short": lambda b: _truncate(b / "manifest.json", 0.5),
    "manifest missing": lambda b: (b / "manifest.json").unlink(),
    "manifest of a newer version": lambda b: _edit(b / "manifest.json", '"version": 1', '"version": 9'),
    "another vault's key file": lambda b: shutil.copyfile(
        FIXTURES / "vault-v4" / "vault.keys", b / "vault.keys"
    ),
    "a foreign file": lambda b: b.parent / "notes.pdf",
    "a zip of the backup": _zip_of,
    "random bytes named .db": lambda b: b.parent / "x.db",
    "the vault itself": lambda b: None,
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_truncated_or_foreign_backup_changes_nothing(case: dict, damage: str) -> None:
    backup: Path = case["backup"]
    (backup.parent / "notes.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(5000))
    (backup.parent / "x.db").write_bytes(os.urandom(8192))
    (backup.parent / "x.keys").write_bytes(b'{"format": 2}')
    target = DAMAGE[damage](backup)
    if damage == "the vault itself":
        target = case["vault"] / "vault.db"
    before = snapshot(case["vault"])
    with pytest.raises(VaultError) as caught:
        restore_backup(target or backup, case["vault"], PASSPHRASE)
    message = str(caught.value)
    assert "Nothing was changed" in message and "Traceback" not in message, message
    assert "\n" not in message
    assert snapshot(case["vault"]) == before
    assert vault_rows(case["vault"], NOW_PASSPHRASE) == case["rows_now"]


def test_a_wrong_passphrase_changes_nothing(case: dict) -> None:
    before = snapshot(case["vault"])
    with pytest.raises(VaultError, match="does not open this backup"):
        restore_backup(case["backup"], case["vault"], NOW_PASSPHRASE)
    assert snapshot(case["vault"]) == before


def test_a_cancel_before_the_switch_changes_nothing(case: dict) -> None:
    before = snapshot(case["vault"])
    asked = 0

    def counting() -> bool:
        nonlocal asked
        asked += 1
        return False

    probe = copy_vault(case["vault"], case["vault"].parent / "probe")
    restore_backup(case["backup"], probe, PASSPHRASE, cancelled=counting)
    assert asked >= 2
    for stop_at in range(1, asked + 1):
        seen = 0

        def cancelled(stop_at: int = stop_at) -> bool:
            nonlocal seen
            seen += 1
            return seen >= stop_at

        with pytest.raises(RestoreCancelledError):
            restore_backup(case["backup"], case["vault"], PASSPHRASE, cancelled=cancelled)
        assert snapshot(case["vault"]) == before, stop_at


@pytest.mark.parametrize("how", ["vault", "shared"])
def test_refused_while_another_process_has_the_vault_open(case: dict, how: str) -> None:
    with held_elsewhere(case["vault"], how, NOW_PASSPHRASE):
        before = snapshot(case["vault"])
        with pytest.raises(VaultInUseError, match="Close it there"):
            restore_backup(case["backup"], case["vault"], PASSPHRASE)
        assert snapshot(case["vault"]) == before
    restore_backup(case["backup"], case["vault"], PASSPHRASE)  # once it is closed


def test_refused_while_this_process_has_it_open(case: dict) -> None:
    with Vault.open(case["vault"], NOW_PASSPHRASE), pytest.raises(VaultInUseError):
        restore_backup(case["backup"], case["vault"], PASSPHRASE)


def test_an_older_schema_is_upgraded_after_the_restore(case: dict, tmp_path: Path) -> None:
    """A copy taken before an upgrade (the older pair form) restores, and migrates on open."""
    old = tmp_path / "v4"
    shutil.copytree(FIXTURES / "vault-v4", old)
    old.chmod(0o700)
    Vault.open(old, "fixture passphrase").close()  # upgrades, leaving its copy in backups/
    (pair_db,) = (old / "backups").glob("before-schema-5-*.db")
    result = restore_backup(pair_db, case["vault"], "fixture passphrase")
    assert result.schema_version == 4 and result.upgrade_pending
    with Vault.open(case["vault"], "fixture passphrase") as vault:
        assert vault.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert any(p.name.startswith("before-schema-5-") for p in (case["vault"] / "backups").iterdir())


def test_a_backup_of_a_newer_version_is_refused(case: dict, tmp_path: Path) -> None:
    import sqlcipher3

    newer = tmp_path / "newer"
    shutil.copytree(case["backup"], newer)
    key = Vault.derive_key(case["vault"], NOW_PASSPHRASE)
    conn = sqlcipher3.connect(str(newer / "vault.db"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = snapshot(case["vault"])
    with pytest.raises(VaultError, match="newer version"):
        restore_backup(newer, case["vault"], PASSPHRASE)
    assert snapshot(case["vault"]) == before


def test_restore_into_a_new_folder_makes_the_vault(case: dict, tmp_path: Path) -> None:
    target = tmp_path / "new computer" / "vault"
    result = restore_backup(case["backup"], target, PASSPHRASE)
    assert result.kept is None
    assert vault_rows(target, PASSPHRASE) == case["rows_then"]
    assert (target.stat().st_mode & 0o777) == 0o700
    assert read_manifest(case["backup"]).vault_id in (target / "backup-places.json").read_text()


def test_a_failed_restore_into_a_new_folder_leaves_no_folder(case: dict, tmp_path: Path) -> None:
    target = tmp_path / "new"
    with pytest.raises(VaultError):
        restore_backup(case["backup"], target, "not the passphrase")
    assert not target.exists()


def test_a_folder_with_other_files_is_refused(case: dict, tmp_path: Path) -> None:
    target = tmp_path / "documents"
    target.mkdir(mode=0o700)
    (target / "letter.txt").write_text("dear")
    with pytest.raises(VaultError, match="Nothing was changed"):
        restore_backup(case["backup"], target, PASSPHRASE)
    assert sorted(os.listdir(target)) == ["letter.txt"]


def test_a_file_inside_the_backup_folder_names_the_backup(case: dict) -> None:
    restore_backup(case["backup"] / "vault.keys", case["vault"], PASSPHRASE)
    assert entry_count(case["vault"], PASSPHRASE) == len(case["rows_then"]["entry"])


def test_a_kept_vault_with_a_crash_left_wal_restores_whole(case: dict, tmp_path: Path) -> None:
    """The last program to use the vault was killed with changes still in vault.db-wal: the
    kept copy holds the WAL too, and restoring it gives those changes back."""
    writer = subprocess.run(
        [sys.executable, "-c", _KILLED_WRITER, str(case["vault"]), NOW_PASSPHRASE],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert writer.returncode == -9, writer.stderr
    assert (case["vault"] / "vault.db-wal").stat().st_size > 0
    rows_with_wal = vault_rows(case["vault"], NOW_PASSPHRASE)
    assert any("in the WAL only" in str(r) for r in rows_with_wal["entry"])  # type: ignore[union-attr]
    result = restore_backup(case["backup"], case["vault"], PASSPHRASE)
    assert result.kept is not None and (result.kept.path / "vault.db-wal").exists()
    restore_backup(result.kept.path, case["vault"], NOW_PASSPHRASE)
    assert vault_rows(case["vault"], NOW_PASSPHRASE) == rows_with_wal


_KILLED_WRITER = """
import os, signal, sys
from datetime import date
from pathlib import Path
from recovery_desktop.core.models import Entry
from recovery_desktop.storage import Vault
vault = Vault.open(Path(sys.argv[1]), sys.argv[2])
vault.connection.execute("PRAGMA wal_autocheckpoint = 0")
vault.entries.save(Entry(entry_date=date(2026, 5, 1), body="in the WAL only"))
os.kill(os.getpid(), signal.SIGKILL)
"""
