# SPDX-License-Identifier: GPL-3.0-or-later
"""No code path of the command line opens a socket (an audit hook sees every socket made)."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

from recovery_desktop import cli

_events: list[str] = []
_watching = False


def _hook(event: str, args: tuple) -> None:
    if _watching and event.startswith("socket."):
        _events.append(event)


sys.addaudithook(_hook)  # audit hooks cannot be removed; it only records while watching


@pytest.fixture
def socket_watch():
    global _watching
    _events.clear()
    _watching = True
    yield _events
    _watching = False


def test_the_watch_sees_a_socket(socket_watch: list[str]) -> None:
    socket.socket().close()
    assert "socket.__new__" in socket_watch


def test_every_cli_command_stays_offline(
    socket_watch: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = tmp_path / "v"
    monkeypatch.setenv("RECOVERY_DESKTOP_PASSPHRASE", "offline passphrase")
    monkeypatch.setenv("RECOVERY_DESKTOP_NEW_PASSPHRASE", "another offline passphrase")
    fast = ["--kdf-memory-mib", "1", "--kdf-iterations", "1"]
    assert cli.main(["init", "--vault", str(vault), *fast]) == 0
    assert cli.main(["add", "--vault", str(vault), "hello", "--tag", "t"]) == 0
    assert cli.main(["search", "--vault", str(vault), "hello"]) == 0
    assert cli.main(["search", "--vault", str(vault), "nothing-like-it"]) == 0
    assert cli.main(["change-passphrase", "--vault", str(vault)]) == 0
    monkeypatch.setenv("RECOVERY_DESKTOP_PASSPHRASE", "another offline passphrase")
    assert cli.main(["add", "--vault", str(vault), "x", "--mood", "7"]) == 1
    assert cli.main(["demo", "--vault", str(tmp_path / "demo"), *fast]) == 0
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert socket_watch == []
