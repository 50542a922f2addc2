# SPDX-License-Identifier: GPL-3.0-or-later
"""Fail the moment this process makes or uses a socket: an audit hook (PEP 578).

The hook sees every `socket.*` audit event Python raises (`socket.__new__`, `socket.connect`,
`socket.bind`, `socket.getaddrinfo`, `socket.sendto`...). While a watch is on, it records the
event with where it came from and raises, so the code that asked for a socket fails on the spot;
the watch also fails the test at its end, in case that code swallowed the error (a Qt slot, a
library's fallback). Audit hooks cannot be removed: the hook is installed once per process and
does nothing while no watch is on, so it is inert after the test.
"""

from __future__ import annotations

import contextlib
import sys
import traceback
from collections.abc import Iterator


class SocketUsedError(RuntimeError):
    """Raised inside the code that touched a socket while a watch was on."""


_watching = False
_seen: list[tuple[str, str]] = []


def _hook(event: str, _args: tuple) -> None:
    if _watching and event.startswith("socket."):
        _seen.append((event, "".join(traceback.format_stack(limit=15)[:-1])))
        raise SocketUsedError(f"a socket was used ({event}); the app must stay offline")


sys.addaudithook(_hook)


@contextlib.contextmanager
def no_sockets() -> Iterator[list[tuple[str, str]]]:
    """Watch for sockets inside the block; fail at its end if any was touched."""
    global _watching
    _seen.clear()
    _watching = True
    try:
        yield _seen
    finally:
        _watching = False
    if _seen:
        event, where = _seen[0]
        raise AssertionError(f"{len(_seen)} socket event(s); the first, {event}, from:\n{where}")


@contextlib.contextmanager
def watching() -> Iterator[list[tuple[str, str]]]:
    """As `no_sockets`, without the check at the end (to test the watch itself)."""
    global _watching
    _seen.clear()
    _watching = True
    try:
        yield _seen
    finally:
        _watching = False
