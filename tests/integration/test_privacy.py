# SPDX-License-Identifier: GPL-3.0-or-later
"""Nothing a person writes reaches the disk unencrypted: not the db, WAL, keys, backups or temp,
nor anything under HOME and the XDG folders (all pointed into the test's temp folder and
scanned). The scans are not allowed to pass vacuously: the backups folder holds a real copy of a
vault that had the phrases in it, and one vault is unlocked at the production KDF cost.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from recovery_desktop.core.models import Entry
from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.storage.connection import close_database, open_database, transaction
from recovery_desktop.storage.migrations import SCHEMA_VERSION, schema_version
from recovery_desktop.storage.vault_lock import LOCK_FILE_NAMES
from tests.integration.cli_helpers import run_cli

PHRASE_CLI = "Zanzibar marmalade confession"
PHRASE_API = "Quixotic lighthouse whisper"
PHRASE_OLD = "Obsidian tangerine lullaby"
PASS = "a long enough passphrase for privacy"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Point HOME and every XDG folder into `tmp_path` (child processes inherit it); return the
    folders to scan: those, and the temp folder."""
    home = tmp_path / "home"
    folders = {
        "HOME": home,
        "XDG_CONFIG_HOME": home / "config",
        "XDG_DATA_HOME": home / "data",
        "XDG_CACHE_HOME": home / "cache",
        "XDG_STATE_HOME": home / "state",
        "XDG_RUNTIME_DIR": tmp_path / "runtime",
    }
    for name, folder in folders.items():
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        monkeypatch.setenv(name, str(folder))
    return [home, folders["XDG_RUNTIME_DIR"], tmp_path / "tmp"]


def forms(phrase: str) -> list[bytes]:
    """The phrase as it could sit in a file: UTF-8, UTF-16 either way, and one word of it."""
    return [
        phrase.encode(),
        phrase.encode("utf-16-le"),
        phrase.encode("utf-16-be"),
        phrase.split()[1].encode(),
        phrase.lower().encode(),
    ]


def files_containing(folders: list[Path], phrase: str) -> list[str]:
    hits = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                if any(form in data for form in forms(phrase)):
                    hits.append(str(path))
    return hits


def scanned_files(folders: list[Path]) -> int:
    return sum(1 for folder in folders for p in folder.rglob("*") if p.is_file())


def test_known_phrases_never_reach_disk_in_plain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    around = private_home(tmp_path, monkeypatch)
    vault_dir = tmp_path / "vault"
    # The production KDF cost (Argon2id 64 MiB, t=3): every unlock below runs it.
    assert KdfCost() == KdfCost(memory_kib=64 * 1024, iterations=3)
    vault, _code = Vault.create(vault_dir, PASS, KdfCost())
    saved = vault.entries.save(
        Entry(
            entry_date=date(2026, 5, 1),
            title=PHRASE_API,
            body=PHRASE_API * 50,
            tags=(PHRASE_API.split()[1],),
        )
    )
    assert vault.entries.search(PHRASE_API.split()[1])[0].id == saved.id
    # The WAL is live while the vault is open: check it before and after closing.
    assert (vault_dir / "vault.db-wal").exists()
    assert files_containing([vault_dir, *around], PHRASE_API) == []
    vault.close()

    added = run_cli(
        "add", "--vault", str(vault_dir), "--tag", "Zanzibar", passphrase=PASS, stdin=PHRASE_CLI
    )
    assert added.returncode == 0, added.stderr
    found = run_cli("search", "--vault", str(vault_dir), "marmalade", passphrase=PASS)
    assert "[marmalade]" in found.stdout
    with Vault.open(vault_dir, PASS) as reopened:
        assert reopened.entries.count() == 2
        reopened.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for phrase in (PHRASE_CLI, PHRASE_API):
        assert files_containing([vault_dir, *around], phrase) == []
    assert {p.name for p in vault_dir.iterdir()} <= {
        "vault.db",
        "vault.db-wal",
        "vault.db-shm",
        "vault.keys",
        "backups",
        *LOCK_FILE_NAMES,  # empty: only their flocks matter
    }


def test_the_copy_put_aside_before_an_upgrade_is_encrypted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A schema-1 vault with the phrase in it is upgraded: the copy in backups/ holds it, and
    not in plain text."""
    from tests.fixtures.make_fixtures import PASSPHRASE

    around = private_home(tmp_path, monkeypatch)
    vault_dir = tmp_path / "vault"
    shutil.copytree(FIXTURES / "vault-v1", vault_dir)
    key = Vault.derive_key(vault_dir, PASSPHRASE)
    conn = open_database(vault_dir / "vault.db", key)
    assert schema_version(conn) == 1
    with transaction(conn):  # written as that release would have: schema 1's own SQL
        conn.execute(
            "INSERT INTO entry (id, entry_date, created_at, updated_at, title, body) "
            "VALUES (7, '2025-02-01', '2025-02-01T08:00:00+00:00', "
            "'2025-02-01T08:00:00+00:00', ?, ?)",
            (PHRASE_OLD, PHRASE_OLD * 40),
        )
        conn.execute(
            "INSERT INTO entry_fts (rowid, title, body, tags) VALUES (7, ?, ?, '')",
            (PHRASE_OLD, PHRASE_OLD * 40),
        )
    close_database(conn)

    found = run_cli("search", "--vault", str(vault_dir), "tangerine", passphrase=PASSPHRASE)
    assert found.returncode == 0 and "[tangerine]" in found.stdout, found.stderr
    backups = sorted((vault_dir / "backups").iterdir())
    assert [p.suffix for p in backups] == [".db", ".keys"]  # the scan has something to scan
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert schema_version(vault.connection) == SCHEMA_VERSION
    # The copy really holds the phrase: it opens on its own and finds it.
    restored = tmp_path / "restored"
    restored.mkdir()
    for copy in backups:
        shutil.copyfile(copy, restored / f"vault{copy.suffix}")
    old = open_database(restored / "vault.db", Vault.derive_key(restored, PASSPHRASE))
    assert old.execute("SELECT title FROM entry WHERE id = 7").fetchone()[0] == PHRASE_OLD
    close_database(old)
    shutil.rmtree(restored)

    assert scanned_files([vault_dir / "backups"]) == 2
    assert files_containing([vault_dir, *around], PHRASE_OLD) == []


def test_the_scan_would_see_plain_text(tmp_path: Path) -> None:
    """The scanner itself works: a plain file with the phrase is found."""
    (tmp_path / "plain.txt").write_text(PHRASE_CLI, encoding="utf-16")
    assert files_containing([tmp_path], PHRASE_CLI)


def test_no_core_dumps(tmp_path: Path) -> None:
    """A crash must not write decrypted memory to disk: the app turns core files off first."""
    import subprocess
    import sys

    code = (
        "import resource\n"
        "hard = resource.getrlimit(resource.RLIMIT_CORE)[1]\n"
        "resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))  # as generous as allowed\n"
        "from recovery_desktop import cli\n"
        f"cli.main(['search', 'x', '--vault', {str(tmp_path / 'none')!r}])\n"
        "from recovery_desktop.hardening import is_dumpable\n"
        "print(resource.getrlimit(resource.RLIMIT_CORE), is_dumpable())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() in ("(0, 0) False", "(0, 0) None"), result.stdout + result.stderr
