# SPDX-License-Identifier: GPL-3.0-or-later
"""Process settings that keep what a person wrote out of crash output.

A crash dump (core file) holds the process's memory: decrypted entries and the vault key. Like
password managers do, we switch core dumps off for this process before anything is decrypted:
the core-size limit (honoured by the kernel's own dumps) and, on Linux, the "dumpable" flag
(honoured by crash collectors such as systemd-coredump and apport, which ignore the limit).
"""

from __future__ import annotations

import contextlib
import ctypes
import sys

PR_GET_DUMPABLE = 3
PR_SET_DUMPABLE = 4


def disable_core_dumps() -> None:
    """Set the core-file size limit to zero (POSIX); a no-op where that is not possible."""
    try:
        import resource
    except ImportError:  # Windows: no core files in this sense
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def is_dumpable() -> bool | None:
    """Linux only: whether crash collectors may dump this process (None elsewhere)."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(None, use_errno=True)
    return bool(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
