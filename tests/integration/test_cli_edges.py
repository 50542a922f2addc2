# SPDX-License-Identifier: GPL-3.0-or-later
"""Output and input edges of the command line (issue 6, point 18): each gives a plain line or
quiet success, never a traceback, and nothing half-made is left behind."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from recovery_desktop.storage import KdfCost, Vault
from tests.integration.cli_helpers import REPO, run_cli

PASS = "a long enough passphrase"
# A console that can show only ASCII: Python keeps the C locale's encoding as it is.
ASCII_CONSOLE = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
UTF8_CONSOLE = {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    vault, _code = Vault.create(folder, PASS, KdfCost.cheap())
    with vault:
        from datetime import date

        from recovery_desktop.core.models import Entry

        vault.entries.save(Entry(entry_date=date(2026, 1, 5), body="Sunrise walk 😀 felt good"))
    return folder


def one_plain_line(result: subprocess.CompletedProcess[str]) -> bool:
    return "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_output_into_a_closed_pipe_ends_quietly(folder: Path) -> None:
    """`search ... | head -1`: the reader has gone before the results are written."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECOVERY_DESKTOP_PASS")}
    env["RECOVERY_DESKTOP_PASSPHRASE"] = PASS
    child = subprocess.Popen(
        [sys.executable, "-m", "recovery_desktop", "search", "--vault", str(folder), "walk"],
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    child.stdout.close()  # as `head -1` does once it has its line: every write now fails
    _, stderr = child.communicate(timeout=120)
    assert stderr.decode() == ""
    assert child.returncode == 0
    shell = subprocess.run(
        f"{sys.executable} -m recovery_desktop search --vault '{folder}' walk | head -1",
        shell=True,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shell.stdout.startswith("2026-01-05 #1") and shell.stderr == ""


def test_what_an_ascii_console_cannot_show_is_replaced(folder: Path) -> None:
    result = run_cli(
        "search", "--vault", str(folder), "sunrise", passphrase=PASS, env=ASCII_CONSOLE
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("2026-01-05 #1 [Sunrise] walk ? felt good")
    assert result.stderr == ""


@pytest.mark.parametrize("console", [ASCII_CONSOLE, UTF8_CONSOLE], ids=["C", "UTF-8"])
def test_stdin_that_is_not_utf8_is_refused_and_nothing_saved(folder: Path, console) -> None:
    result = run_cli(
        "add", "--vault", str(folder), passphrase=PASS, stdin=b"Caf\xe9 with Dana\n", env=console
    )
    assert result.returncode == 1 and one_plain_line(result), result.stderr
    assert "not UTF-8" in result.stderr
    with Vault.open(folder, PASS) as vault:
        assert vault.entries.count() == 1


def test_numbers_out_of_range_are_plain_errors(folder: Path, tmp_path: Path) -> None:
    limit = run_cli(
        "search", "--vault", str(folder), "walk", "--limit", "99999999999999999999", passphrase=PASS
    )
    assert limit.returncode == 1 and one_plain_line(limit) and "--limit" in limit.stderr
    new = tmp_path / "new"
    memory = run_cli(
        "init", "--vault", str(new), "--kdf-memory-mib", "4194304", passphrase=PASS, cheap_kdf=False
    )
    assert memory.returncode == 1 and one_plain_line(memory) and "--kdf-memory-mib" in memory.stderr
    assert not new.exists()
    years = run_cli("demo", "--vault", str(new), "--years", "nan", passphrase=PASS)
    assert years.returncode == 1 and one_plain_line(years) and not new.exists()


def test_a_passphrase_file_with_a_byte_order_mark_works(folder: Path, tmp_path: Path) -> None:
    """Windows editors start UTF-8 files with U+FEFF; it is not part of the passphrase."""
    secret = tmp_path / "pass.txt"
    secret.write_bytes(b"\xef\xbb\xbf" + PASS.encode() + b"\r\n")
    found = run_cli("search", "--vault", str(folder), "--passphrase-file", str(secret), "walk")
    assert found.returncode == 0, found.stderr
    made = tmp_path / "made-with-bom"
    assert run_cli("init", "--vault", str(made), "--passphrase-file", str(secret)).returncode == 0
    with Vault.open(made, PASS):  # the passphrase without the mark opens it
        pass
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"\xef\xbb\xbf\n")
    refused = run_cli("search", "--vault", str(folder), "--passphrase-file", str(empty), "walk")
    assert refused.returncode == 1 and "is empty" in refused.stderr


def test_an_empty_date_is_an_error_not_today(folder: Path) -> None:
    result = run_cli("add", "--vault", str(folder), "x", "--date", "", passphrase=PASS)
    assert result.returncode == 1 and one_plain_line(result), result.stderr
    assert "not a real calendar day" in result.stderr
    with Vault.open(folder, PASS) as vault:
        assert vault.entries.count() == 1


def _short_of_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # 1 GiB of address space


@pytest.mark.parametrize("command", ["init", "demo"])
def test_a_set_up_that_fails_leaves_no_folder_behind(tmp_path: Path, command: str) -> None:
    """Argon2id asked for 2 GiB with 1 GiB allowed: the set-up fails after making its folders."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECOVERY_DESKTOP_PASS")}
    env["RECOVERY_DESKTOP_PASSPHRASE"] = PASS
    new = tmp_path / "new" / "vault"
    existing = tmp_path / "existing"
    existing.mkdir(mode=0o700)
    for target in (new, existing):
        result = subprocess.run(
            [sys.executable, "-m", "recovery_desktop", command, "--vault", str(target),
             "--kdf-memory-mib", "2048"],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            preexec_fn=_short_of_memory,
        )  # fmt: skip
        assert result.returncode == 1 and one_plain_line(result), result.stderr
        assert "not enough memory" in result.stderr
    assert not (tmp_path / "new").exists()  # made by the set-up, so removed
    assert existing.is_dir() and list(existing.iterdir()) == []  # there before: kept, emptied
