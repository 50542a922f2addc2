# SPDX-License-Identifier: GPL-3.0-or-later
"""Fail the moment this process makes or uses a socket: an audit hook (PEP 578).

The hook sees every `socket.*` audit event Python raises (`socket.__new__`, `socket.connect`,
`socket.bind`, `socket.getaddrinfo`, `socket.sendto`...). While a watch is on, it records the
event with where it came from and raises, so the code that asked for a socket fails on the spot;
the watch also fails the test at its end, in case that code swallowed the error (a Qt slot, a
library's fallback). Audit hooks cannot be removed: the hook is installed once per process and
does nothing while no watch is on, so it is inert after the test.

Sockets opened from C (a library Qt loads) raise no audit event; `print_service_watch` catches
the one such library known to ask unasked, libcups, behind Qt's printing.
"""

from __future__ import annotations

import contextlib
import ctypes
import shutil
import socket
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


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


# --- the system's print service, asked from C --------------------------------------------------

# A child process that accepts connections on the listening socket it inherits, says so on its
# standard output, and hangs up at once (so the client fails fast instead of waiting for CUPS).
_ANSWERER = """
import socket, sys
listener = socket.socket(fileno=int(sys.argv[1]))
while True:
    conn, _ = listener.accept()
    print("asked", flush=True)
    conn.close()
"""


@dataclass
class PrintServiceWatch:
    asked: int = 0  # connections libcups made while the watch was on
    watched: bool = False  # False when this system has no libcups (nothing to ask it with)


@contextlib.contextmanager
def print_service_watch() -> Iterator[PrintServiceWatch]:
    """Count the times this process asks the system's print service (CUPS) anything.

    Python's audit hook cannot see these: libcups opens its sockets from C, for instance when
    Qt makes a `QPrinter` and looks up the default printer. So libcups is pointed (for this
    thread, as Qt's printing calls it from the GUI thread) at a socket of the test's own, which
    a child process answers and counts; `asked` is known once the block has ended. Open this
    watch before a `no_sockets()` block (its own socket is made here) and around it.
    """
    result = PrintServiceWatch()
    try:
        cups = ctypes.CDLL("libcups.so.2")
    except OSError:  # no libcups: Qt's CUPS support cannot load, so it asks nothing
        yield result
        return
    folder = Path(tempfile.mkdtemp(prefix="print-watch-"))  # short: a socket's path is
    path = folder / "cups.sock"  # limited to about 100 characters
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    listener.listen(16)
    answerer = subprocess.Popen(
        [sys.executable, "-c", _ANSWERER, str(listener.fileno())],
        pass_fds=[listener.fileno()],
        stdout=subprocess.PIPE,
        text=True,
    )
    cups.cupsSetServer.argtypes = [ctypes.c_char_p]
    cups.cupsSetServer(str(path).encode())
    result.watched = True
    try:
        yield result
    finally:
        cups.cupsSetServer(None)  # back to the usual server (environment, client.conf)
        answerer.terminate()
        output, _ = answerer.communicate()
        listener.close()
        shutil.rmtree(folder, ignore_errors=True)
        result.asked = output.count("asked")
