# SPDX-License-Identifier: GPL-3.0-or-later
"""Text typed at the terminal is never lost (issue 6, point 10): `add` checks its options and
opens the vault before the text is typed; a refusal after it was typed asks for the passphrase
to try again, and giving up shows the text again on the terminal, never in a file."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from recovery_desktop.storage import KdfCost, Vault
from tests.integration.cli_helpers import REPO
from tests.integration.terminal_driver import Terminal, files_holding

PASS = "a long enough passphrase"
TYPED = "A quiet evening by the river, the heron came back"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    Vault.create(folder, PASS, KdfCost.cheap())[0].close()
    return folder


@pytest.fixture
def terminals() -> Iterator[list[Terminal]]:
    started: list[Terminal] = []
    yield started
    for terminal in started:
        terminal.kill()


@pytest.fixture
def busy_writer(folder: Path) -> Iterator[subprocess.Popen[str]]:
    """Another program in the middle of a long write to the vault (until it is told to stop)."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.busy_writer", str(folder), PASS],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    yield child
    child.kill()
    child.wait()


def start(terminals: list[Terminal], *args: str) -> Terminal:
    terminal = Terminal(*args)
    terminals.append(terminal)
    return terminal


def test_a_wrong_option_is_said_before_any_text_is_typed(folder: Path, terminals) -> None:
    terminal = start(terminals, "add", "--vault", str(folder), "--mood", "7")
    terminal.expect("Mood is a number from 1 (awful) to 5 (great), not 7.")
    assert terminal.wait() == 1
    assert "Passphrase" not in terminal.output and "Ctrl+D" not in terminal.output


def test_the_passphrase_is_checked_before_any_text_is_typed(folder: Path, terminals) -> None:
    terminal = start(terminals, "add", "--vault", str(folder), "--tag", "evening")
    terminal.expect("Passphrase:")
    terminal.type("not my passphrase\n")
    terminal.expect("did not open the vault")
    assert terminal.wait() == 1
    assert "Ctrl+D" not in terminal.output


def test_a_refusal_after_typing_asks_again_and_saves(
    folder: Path, tmp_path: Path, terminals, busy_writer
) -> None:
    terminal = start(terminals, "add", "--vault", str(folder), "--tag", "evening")
    terminal.expect("Passphrase:")
    terminal.type(PASS + "\n")
    terminal.expect("Ctrl+D to save")
    assert busy_writer.stdout.readline().strip() == "busy"  # a write elsewhere begins now
    terminal.type(TYPED + "\n")
    terminal.ctrl_d()
    terminal.expect("The vault is busy in another window or program")
    terminal.expect("To try again, type your passphrase (1 of 3")
    terminal.type("a mistyped passphrase\n")  # a wrong one counts as a try, nothing more
    terminal.expect("did not open the vault")
    terminal.expect("To try again, type your passphrase (2 of 3")
    busy_writer.stdin.write("done\n")
    busy_writer.stdin.flush()
    assert busy_writer.stdout.readline().strip() == "free"
    terminal.type(PASS + "\n")
    terminal.expect("Saved entry 1 for")
    assert terminal.wait() == 0
    with Vault.open(folder, PASS) as vault:
        assert vault.entries.get(1).body == TYPED
    assert [p.name for p in files_holding(tmp_path, TYPED)] == []  # only encrypted copies


def test_giving_up_shows_the_text_on_the_terminal_and_writes_it_nowhere(
    folder: Path, tmp_path: Path, terminals, busy_writer
) -> None:
    terminal = start(terminals, "add", "--vault", str(folder))
    terminal.expect("Passphrase:")
    terminal.type(PASS + "\n")
    terminal.expect("Ctrl+D to save")
    assert busy_writer.stdout.readline().strip() == "busy"
    terminal.type(TYPED + "\n")
    terminal.ctrl_d()
    terminal.expect("The vault is busy in another window or program")
    for attempt in (1, 2, 3):
        terminal.expect(f"To try again, type your passphrase ({attempt} of 3")
        terminal.type("a wrong passphrase\n")
        terminal.expect("did not open the vault")
    shown = terminal.expect("----\n" + TYPED + "\n----")
    assert "Your entry was not saved. Here it is" in shown
    assert terminal.wait() == 1
    busy_writer.stdin.close()
    busy_writer.wait()
    with Vault.open(folder, PASS) as vault:
        assert vault.entries.count() == 0
    assert files_holding(tmp_path, TYPED) == []
