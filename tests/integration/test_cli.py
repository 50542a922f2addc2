# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line, run as a real process: exit codes, messages, and what reaches the disk."""

from __future__ import annotations

import re
from pathlib import Path

from recovery_desktop.storage import Vault
from tests.integration.cli_helpers import run_cli

PASS = "a long enough passphrase"
CODE = re.compile(r"\b([0-9A-Z]{5}(?:-[0-9A-Z]{5}){5})\b")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def init(vault_dir: Path) -> str:
    result = run_cli(
        "init",
        "--vault",
        str(vault_dir),
        passphrase=PASS,
    )
    assert result.returncode == 0, result.stderr
    return CODE.search(result.stdout).group(1)


def test_init_prints_recovery_code_once_and_refuses_twice(vault_dir: Path) -> None:
    code = init(vault_dir)
    assert Vault.open_with_recovery_code(vault_dir, code).close() is None
    again = run_cli("init", "--vault", str(vault_dir), passphrase=PASS)
    assert again.returncode == 1
    assert "already exists" in again.stderr and "Traceback" not in again.stderr


def test_add_and_search(vault_dir: Path, tmp_path: Path) -> None:
    init(vault_dir)
    added = run_cli(
        "add",
        "--vault",
        str(vault_dir),
        "Coffee with Dana after the meeting",
        "--mood",
        "4",
        "--craving",
        "2",
        "--tag",
        "meeting",
        "--date",
        "2026-03-01",
        passphrase=PASS,
    )
    assert added.returncode == 0, added.stderr
    piped = run_cli(
        "add",
        "--vault",
        str(vault_dir),
        "--title",
        "Evening",
        passphrase=PASS,
        stdin="A walk by the river.\nFelt steady.\n",
    )
    assert piped.returncode == 0, piped.stderr
    found = run_cli("search", "--vault", str(vault_dir), "river", passphrase=PASS)
    assert found.returncode == 0 and "[river]" in found.stdout and "Evening" in found.stdout
    found = run_cli("search", "--vault", str(vault_dir), "dana meet", passphrase=PASS)
    assert "2026-03-01" in found.stdout
    none = run_cli("search", "--vault", str(vault_dir), "zebra", passphrase=PASS)
    assert none.returncode == 0 and none.stdout == "" and "No entries found" in none.stderr


def test_passphrase_file_and_stdin_without_terminal(vault_dir: Path, tmp_path: Path) -> None:
    init(vault_dir)
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\n")
    ok = run_cli("add", "--vault", str(vault_dir), "--passphrase-file", str(secret), "from a file")
    assert ok.returncode == 0, ok.stderr
    missing = run_cli("search", "--vault", str(vault_dir), "file")
    assert missing.returncode == 1 and "No passphrase given" in missing.stderr


def test_wrong_passphrase_is_a_plain_user_error_and_changes_nothing(vault_dir: Path) -> None:
    init(vault_dir)
    run_cli("add", "--vault", str(vault_dir), "something", passphrase=PASS)
    before = snapshot(vault_dir)
    result = run_cli("search", "--vault", str(vault_dir), "something", passphrase="wrong one!")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "did not open the vault" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(vault_dir) == before


def test_user_errors_and_usage(vault_dir: Path, tmp_path: Path) -> None:
    nowhere = run_cli("search", "--vault", str(tmp_path / "none"), "x", passphrase=PASS)
    assert nowhere.returncode == 1 and "no vault" in nowhere.stderr
    init(vault_dir)
    for args, words in [
        (("add", "x", "--mood", "9"), "Mood is a number"),
        (("add", "x", "--date", "2026-02-30"), "not a real calendar day"),
        (("add", "   "), "Nothing to add"),
        (("add", "x", "--tag", "sleep, work"), "can't hold a comma"),
    ]:
        result = run_cli(*args, "--vault", str(vault_dir), passphrase=PASS)
        assert result.returncode == 1 and words in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    usage = run_cli("add", "--mood", "lots", passphrase=PASS)
    assert usage.returncode == 2
    assert run_cli("frobnicate").returncode == 2
    short = run_cli("init", "--vault", str(tmp_path / "v2"), passphrase="short")
    assert short.returncode == 1 and "at least 8" in short.stderr


def test_change_passphrase_and_recovery_code(vault_dir: Path) -> None:
    code = init(vault_dir)
    run_cli("add", "--vault", str(vault_dir), "still here", passphrase=PASS)
    changed = run_cli(
        "change-passphrase",
        "--vault",
        str(vault_dir),
        passphrase=PASS,
        env={"RECOVERY_DESKTOP_NEW_PASSPHRASE": "second passphrase"},
    )
    assert changed.returncode == 0, changed.stderr
    assert run_cli("search", "--vault", str(vault_dir), "still", passphrase=PASS).returncode == 1
    found = run_cli("search", "--vault", str(vault_dir), "still", passphrase="second passphrase")
    assert "[still]" in found.stdout
    recovered = run_cli(
        "change-passphrase",
        "--vault",
        str(vault_dir),
        "--recovery-code",
        env={
            "RECOVERY_DESKTOP_RECOVERY_CODE": code,
            "RECOVERY_DESKTOP_NEW_PASSPHRASE": "third passphrase",
        },
    )
    assert recovered.returncode == 0, recovered.stderr
    assert (
        "[still]"
        in run_cli(
            "search", "--vault", str(vault_dir), "still", passphrase="third passphrase"
        ).stdout
    )


def test_demo_small(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    result = run_cli("demo", "--vault", str(folder), "--scale", "small", passphrase=PASS)
    assert result.returncode == 0, result.stderr
    with Vault.open(folder, PASS) as vault:
        assert 150 < vault.entries.count() < 400
        assert len(vault.recovery_starts.list()) >= 2
        roles = {c.role for c in vault.contacts.list(include_archived=True)}
        assert len(roles) == 7
        assert vault.goals.list() and vault.safety_plan.get().reasons
        assert vault.connections.count() > 50


def test_shared_options_work_before_the_command(vault_dir: Path, tmp_path: Path) -> None:
    init(vault_dir)
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS)
    added = run_cli("--vault", str(vault_dir), "--passphrase-file", str(secret), "add", "orchard")
    assert added.returncode == 0, added.stderr
    found = run_cli("--vault", str(vault_dir), "search", "orchard", passphrase=PASS)
    assert "[orchard]" in found.stdout


def test_demo_writes_the_day_before_a_new_start_honestly(tmp_path: Path) -> None:
    from datetime import timedelta

    folder = tmp_path / "demo"
    assert run_cli("demo", "--vault", str(folder), passphrase=PASS).returncode == 0
    with Vault.open(folder, PASS) as vault:
        new_start = vault.recovery_starts.list()[-1].start_date
        slip_day = new_start - timedelta(days=1)
        entries = [vault.entries.get(s.id) for s in vault.entries.on_day(slip_day)]
        journal = [e for e in entries if not e.is_checkin]
        assert journal and all("still sober" not in e.body for e in journal)
        assert all(e.sober_today is not True for e in entries)


def test_more_user_errors_are_plain(vault_dir: Path, tmp_path: Path) -> None:
    init(vault_dir)
    binary = tmp_path / "pass.bin"
    binary.write_bytes(PASS.encode() + b"\xff")
    result = run_cli("search", "--vault", str(vault_dir), "--passphrase-file", str(binary), "x")
    assert result.returncode == 1 and "not plain text" in result.stderr
    assert "Traceback" not in result.stderr
    future = run_cli("add", "--vault", str(vault_dir), "x", "--date", "9999-12-31", passphrase=PASS)
    assert future.returncode == 1 and "Please check the year" in future.stderr
    nothing = run_cli("search", "--vault", str(vault_dir), "!!!", passphrase=PASS)
    assert nothing.returncode == 0 and nothing.stdout == ""
