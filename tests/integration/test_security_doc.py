# SPDX-License-Identifier: GPL-3.0-or-later
"""SECURITY.md's way out of the app works as written (issue 6, point 9): its Python prints the
data key in a real terminal, its lines open vault.db in a SQLCipher 4 shell, and the plain copy
they make is a standard SQLite file.

The shell part needs a `sqlcipher` of version 4 on PATH and is skipped cleanly without one
(Debian 12's own package is SQLCipher 3.4.1, which cannot read these files; its backports have
4.6.1). Nothing here installs anything.
"""

from __future__ import annotations

import os
import re
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.storage.key_copies import opens_with
from recovery_desktop.storage.keys import KeyFile
from tests.conftest import PASSPHRASE
from tests.vault_copies import FIRST_BODY, build_vault_with_backups

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "SECURITY.md"
PLACEHOLDER = "PASTE-THE-64-HEX-DIGITS-HERE"


def doc_block(name: str) -> str:
    """The fenced block that follows `<!-- tested by ...: NAME -->` in SECURITY.md."""
    pattern = (
        rf"<!-- tested by tests/integration/test_security_doc\.py: {name} -->\n```\w*\n(.*?)```"
    )
    found = re.search(pattern, DOC.read_text(encoding="utf-8"), re.DOTALL)
    assert found, f"SECURITY.md has no block {name!r}"
    return found.group(1)


def print_key_script() -> tuple[str, str]:
    """The Python of the print-key block, and the command line that runs it."""
    block = doc_block("print-key")
    command, rest = block.split("\n", 1)
    assert command.startswith(".venv/bin/python - ") and command.endswith("<<'EOF'")
    script, after = rest.split("\nEOF\n", 1)
    assert not after.strip()
    return script, command


def run_in_terminal(script: str, folder: Path, typed: str) -> tuple[int, str]:
    """Run `python -c script folder` with a pseudo-terminal as its only terminal, type `typed`
    when it asks, and return its exit code and everything it showed."""
    master, slave = os.openpty()
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(folder)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=REPO,
        start_new_session=True,  # no other terminal: getpass reads this one, echo off
    )
    os.close(slave)
    shown, answered = b"", False
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 30)
            assert ready, f"the script stopped answering: {shown!r}"
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal closed: the script has ended
                break
            if not chunk:
                break
            shown += chunk
            if not answered and b"Passphrase: " in shown:
                os.write(master, typed.encode() + b"\n")
                answered = True
        return child.wait(30), shown.decode(errors="replace")
    finally:
        os.close(master)
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            child.wait(10)


@pytest.fixture
def closed_vault(vault_dir: Path, cheap_cost: KdfCost) -> Path:
    build_vault_with_backups(vault_dir, PASSPHRASE, cheap_cost, entries=12, copies=1)
    return vault_dir


def test_the_documented_script_prints_the_key_and_keeps_the_passphrase_off_screen(
    closed_vault: Path,
) -> None:
    script, _ = print_key_script()
    before = {p: p.read_bytes() for p in closed_vault.rglob("*") if p.is_file()}
    code, shown = run_in_terminal(script, closed_vault, PASSPHRASE)
    assert code == 0, shown
    assert PASSPHRASE not in shown  # getpass turned echo off
    key_hex = re.findall(r"\b[0-9a-f]{64}\b", shown)
    assert key_hex == [Vault.derive_key(closed_vault, PASSPHRASE).hex()]
    assert {p: p.read_bytes() for p in closed_vault.rglob("*") if p.is_file()} == before
    code, shown = run_in_terminal(script, closed_vault, "not the passphrase")
    assert code == 1 and "does not open this vault" in shown


def test_the_script_finds_the_right_key_during_an_interrupted_key_change(
    closed_vault: Path,
) -> None:
    """Killed right after step 1: vault.keys holds two keys; vault.db opens with the old one."""
    child = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.integration.rekey_child",
            str(closed_vault),
            PASSPHRASE,
            "the new passphrase",
            "7KQ2M-X4B9D-HHJ3P-0RT5V-WXY2Z-ABCDE",
            "keep",
            "step",
            "1",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert KeyFile.load(closed_vault / "vault.keys").pending is not None
    code, shown = run_in_terminal(print_key_script()[0], closed_vault, "the new passphrase")
    assert code == 0, shown
    (key_hex,) = re.findall(r"\b[0-9a-f]{64}\b", shown)
    assert opens_with(closed_vault / "vault.db", bytes.fromhex(key_hex))


def sqlcipher4() -> str:
    """The path of a SQLCipher 4 shell on PATH, or skip."""
    shell = shutil.which("sqlcipher")
    if shell is None:
        pytest.skip("no sqlcipher shell on PATH (it must be SQLCipher 4: see SECURITY.md)")
    version = subprocess.run(
        [shell, ":memory:"], input="PRAGMA cipher_version;\n", capture_output=True, text=True
    ).stdout.strip()
    if not version.startswith("4."):
        pytest.skip(f"the sqlcipher on PATH is SQLCipher {version or '?'}; these files need 4")
    return shell


def test_the_documented_shell_lines_open_the_vault(closed_vault: Path, tmp_path: Path) -> None:
    shell = sqlcipher4()
    key = Vault.derive_key(closed_vault, PASSPHRASE)
    with Vault.open(closed_vault, PASSPHRASE) as vault:
        newest = vault.connection.execute(
            "SELECT body FROM entry ORDER BY entry_date DESC LIMIT 1"
        ).fetchone()[0]
    lines = doc_block("shell").replace(PLACEHOLDER, key.hex()) + doc_block("plain-copy")
    work = tmp_path / "work"
    work.mkdir()
    result = subprocess.run(
        [shell, str(closed_vault / "vault.db")],
        input=lines,
        capture_output=True,
        text=True,
        cwd=work,
        timeout=60,
    )
    assert result.returncode == 0 and not result.stderr, result.stderr
    out = result.stdout.splitlines()
    assert any(line.startswith("4.") for line in out), out  # PRAGMA cipher_version
    assert "12" in out  # SELECT count(*) FROM entry
    assert any(newest in line for line in out), out
    # The plain copy is a standard SQLite file that Python's own sqlite3 reads.
    plain = sqlite3.connect(work / "journal-plain.db")
    try:
        assert plain.execute("SELECT body FROM entry WHERE id = 1").fetchone()[0] == FIRST_BODY
    finally:
        plain.close()
