# SPDX-License-Identifier: GPL-3.0-or-later
"""A child process that SIGKILLs itself at a chosen moment, from both sides.

The key-change and restore kill tests (`test_rekey_kill.py`, `test_restore_kill.py`) run their
work in a child (`rekey_child.py`, `restore_child.py`) that dies as at a power cut: no clean-up,
no `finally`. The moments they die at and the way the parent starts, reads and kills them are
the same, so they live here once; what runs and what is checked after stays with each test.

The child's side: `FileOperations` counts the file operations the work makes and dies just
before the chosen one; `die()` for a moment of the child's own (a progress step). The child
prints `started` before the work begins and `done` after it. The parent's side: `start_child`, `run_child` (to its
end or its own kill) and `kill_at_random`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
CHILD_SECONDS = 60  # a child that has neither ended nor died by then has hung


# --- the child's side ---------------------------------------------------------------------------


def die() -> None:
    """SIGKILL this process now."""
    os.kill(os.getpid(), signal.SIGKILL)


class FileOperations:
    """Counts every call of the `os` functions named (each rename, unlink…, also those of
    atomic writes) and, when `kill_at` is given, dies just before the `kill_at`-th: so every
    file-level moment of the work is a kill point."""

    def __init__(self, names: Iterable[str], kill_at: int | None) -> None:
        self.count = 0
        self._kill_at = kill_at
        for name in names:
            setattr(os, name, self._counted(getattr(os, name)))

    def _counted(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            self.count += 1
            if self.count == self._kill_at:
                die()
            return real(*args, **kwargs)

        return call


# --- the parent's side --------------------------------------------------------------------------


def start_child(module: str, *args: str) -> subprocess.Popen[str]:
    """`python -m tests.integration.<module> ARGS` from the repository, its output unbuffered
    (each line is there as soon as it is printed) and piped."""
    return subprocess.Popen(
        [sys.executable, "-m", f"tests.integration.{module}", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def run_child(module: str, *args: str) -> str:
    """Run the child until it kills itself or ends, having printed `done` (anything else
    fails the test, with its error output); what it printed."""
    child = start_child(module, *args)
    out, err = child.communicate(timeout=CHILD_SECONDS)
    assert child.returncode in (0, -signal.SIGKILL), err
    if child.returncode == 0:
        assert "done" in out
    return out


def kill_at_random(child: subprocess.Popen[str], seconds: float) -> str:
    """SIGKILL the child `seconds` after it said `started`, wherever its work is then (inside
    a copy, a check, a sync); what it printed after `started`."""
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "started"
    time.sleep(seconds)
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate(timeout=CHILD_SECONDS)
    return out
