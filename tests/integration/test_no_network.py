# SPDX-License-Identifier: GPL-3.0-or-later
"""No code path of the command line opens a socket: an audit hook fails the first one made."""

from __future__ import annotations

import contextlib
import socket
from pathlib import Path

import pytest

from recovery_desktop import cli
from tests.socket_watch import SocketUsedError, no_sockets, watching


def test_the_watch_stops_a_socket_on_the_spot() -> None:
    with watching() as seen, pytest.raises(SocketUsedError):
        socket.socket()
    assert [event for event, _where in seen] == ["socket.__new__"]
    with watching() as seen, pytest.raises(SocketUsedError):
        socket.getaddrinfo("localhost", 80)
    assert [event for event, _where in seen] == ["socket.getaddrinfo"]
    socket.socket().close()  # and it is inert once the watch is over


def test_the_watch_fails_even_when_the_error_is_swallowed() -> None:
    # The code under watch swallows the error, as a library's fallback or a Qt slot would.
    with (
        pytest.raises(AssertionError, match="socket.__new__"),
        no_sockets(),
        contextlib.suppress(SocketUsedError),
    ):
        socket.socket()


def test_every_cli_command_stays_offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vault = tmp_path / "v"
    monkeypatch.setenv("RECOVERY_DESKTOP_PASSPHRASE", "offline passphrase")
    monkeypatch.setenv("RECOVERY_DESKTOP_NEW_PASSPHRASE", "another offline passphrase")
    fast = ["--cheap-kdf-for-tests"]
    with no_sockets():
        assert cli.main([*fast, "init", "--vault", str(vault)]) == 0
        assert cli.main([*fast, "add", "--vault", str(vault), "hello", "--tag", "t"]) == 0
        assert cli.main([*fast, "search", "--vault", str(vault), "hello"]) == 0
        assert cli.main([*fast, "search", "--vault", str(vault), "nothing-like-it"]) == 0
        assert cli.main([*fast, "change-passphrase", "--vault", str(vault)]) == 0
        monkeypatch.setenv("RECOVERY_DESKTOP_PASSPHRASE", "another offline passphrase")
        assert cli.main([*fast, "add", "--vault", str(vault), "x", "--mood", "7"]) == 1
        assert cli.main([*fast, "new-recovery-code", "--vault", str(vault)]) == 0
        monkeypatch.setenv("RECOVERY_DESKTOP_NEW_PASSPHRASE", "a third offline passphrase")
        assert cli.main([*fast, "change-key", "--vault", str(vault)]) == 0
        assert cli.main([*fast, "demo", "--vault", str(tmp_path / "demo")]) == 0
        with pytest.raises(SystemExit):
            cli.main(["--help"])
