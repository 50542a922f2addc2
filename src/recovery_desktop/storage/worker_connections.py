# SPDX-License-Identifier: GPL-3.0-or-later
"""Connections a worker thread opened on a vault (`Vault.open_connection`), counted per folder.

The vault's process lock (`vault_lock.py`) keeps other programs out of a key change or a
restore, but a worker of this very process may still hold a connection of its own: the search
index filling after an upgrade, a chart, an export. Such a connection keeps the old
`vault.db` open; a write through it after the file is replaced would land in the old file and
be lost, and a write during the copy would make the copy differ. So work that replaces
`vault.db` first waits here until every worker connection on that folder is closed (the GUI
cancels its workers when the session ends; they stop after their current short step).
Thread-safe; no Qt.
"""

from __future__ import annotations

import contextlib
import threading
import time
import weakref
from pathlib import Path

from recovery_desktop.storage.connection import Connection

_lock = threading.Condition()
_open: dict[int, Path] = {}  # id(connection) -> its vault folder


def _key(folder: Path) -> Path:
    return Path(folder).resolve()


def opened(conn: Connection, folder: Path) -> None:
    with _lock:
        _open[id(conn)] = _key(folder)
    # A connection dropped without `close_database` is closed by the garbage collector; it
    # must not hold a key change back for ever.
    with contextlib.suppress(TypeError):
        weakref.finalize(conn, _forget, id(conn))


def closed(conn: Connection) -> None:
    _forget(id(conn))


def _forget(conn_id: int) -> None:
    with _lock:
        if _open.pop(conn_id, None) is not None:
            _lock.notify_all()


def count(folder: Path) -> int:
    with _lock:
        key = _key(folder)
        return sum(1 for place in _open.values() if place == key)


def wait_until_closed(folder: Path, timeout: float = 30.0) -> bool:
    """True once no worker connection on `folder` is open; False after `timeout` seconds."""
    key = _key(folder)
    deadline = time.monotonic() + timeout
    with _lock:
        while any(place == key for place in _open.values()):
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            _lock.wait(left)
        return True
