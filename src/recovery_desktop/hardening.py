# SPDX-License-Identifier: GPL-3.0-or-later
"""Process settings that keep what a person wrote out of crash output.

A crash dump (core file) holds the process's memory: decrypted entries and the vault key. Like
password managers do, we switch core dumps off for this process before anything is decrypted.
"""

from __future__ import annotations

import contextlib


def disable_core_dumps() -> None:
    """Set the core-file size limit to zero (POSIX); a no-op where that is not possible."""
    try:
        import resource
    except ImportError:  # Windows: no core files in this sense
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
