# SPDX-License-Identifier: GPL-3.0-or-later
"""Nothing a person writes reaches the disk unencrypted: not the db, WAL, keys, backups or temp."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from recovery_desktop.core.models import Entry
from recovery_desktop.storage import Vault
from tests.conftest import PASSPHRASE
from tests.integration.cli_helpers import run_cli

PHRASE_CLI = "Zanzibar marmalade confession"
PHRASE_API = "Quixotic lighthouse whisper"


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


def test_known_phrases_never_reach_disk_in_plain(
    vault: Vault, vault_dir: Path, tmp_path: Path
) -> None:
    temp = tmp_path / "tmp"  # TMPDIR of this test and of the child process
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
    assert files_containing([vault_dir, temp], PHRASE_API) == []
    vault.close()

    added = run_cli(
        "add",
        "--vault",
        str(vault_dir),
        PHRASE_CLI,
        "--tag",
        "Zanzibar",
        passphrase=PASSPHRASE,
        tmpdir=temp,
    )
    assert added.returncode == 0, added.stderr
    found = run_cli(
        "search", "--vault", str(vault_dir), "marmalade", passphrase=PASSPHRASE, tmpdir=temp
    )
    assert "[marmalade]" in found.stdout
    # Back up before a migration step and reopen, so backups/ holds a file too.
    with Vault.open(vault_dir, PASSPHRASE) as reopened:
        assert reopened.entries.count() == 2
        reopened.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for phrase in (PHRASE_CLI, PHRASE_API):
        assert files_containing([vault_dir, temp], phrase) == []
    assert {p.name for p in vault_dir.iterdir()} <= {
        "vault.db",
        "vault.db-wal",
        "vault.db-shm",
        "vault.keys",
        "backups",
        "vault.lock",  # empty: only its flock matters
        "gui.lock",
    }


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
