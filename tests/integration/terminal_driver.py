# SPDX-License-Identifier: GPL-3.0-or-later
"""Run the real `recovery-desktop` in a pseudo-terminal, as a person at a terminal would.

The child gets the terminal as its controlling terminal (`pty.fork`), so `getpass` prompts on it
and nothing reaches the terminal pytest runs in. `expect` waits for text to appear (a deadline
guards against a hang; it is not a timing assumption), `type` sends keys, `ctrl_d` ends input.
"""

from __future__ import annotations

import os
import pty
import select
import signal
import sys
import time
from pathlib import Path

from tests.integration.cli_helpers import REPO

DEADLINE_SECONDS = 60


class Terminal:
    def __init__(self, *args: str, env: dict[str, str] | None = None) -> None:
        child_env = {
            k: v for k, v in os.environ.items() if not k.startswith("RECOVERY_DESKTOP_PASS")
        }
        child_env.update(env or {})
        command = [sys.executable, "-m", "recovery_desktop", *args]
        pid, fd = pty.fork()
        if pid == 0:  # the child: become the program at once
            try:
                os.chdir(REPO)
                os.execve(sys.executable, command, child_env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.output = ""
        self._seen = 0  # where the next `expect` starts looking
        self.returncode: int | None = None

    def _read_some(self, until: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], max(0.0, until - time.monotonic()))
        if not ready:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            return False
        if not data:
            return False
        self.output += data.decode("utf-8", "replace").replace("\r\n", "\n")
        return True

    def expect(self, text: str) -> str:
        """Wait until `text` appears after what earlier calls saw; return the output up to it."""
        until = time.monotonic() + DEADLINE_SECONDS
        while text not in self.output[self._seen :]:
            if not self._read_some(until):
                raise AssertionError(f"never saw {text!r}; the terminal shows:\n{self.output}")
        end = self.output.index(text, self._seen) + len(text)
        shown, self._seen = self.output[self._seen : end], end
        return shown

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode("utf-8"))

    def ctrl_d(self) -> None:
        os.write(self.fd, b"\x04")

    def wait(self) -> int:
        """Read what is left, wait for the program to end and return its exit code."""
        until = time.monotonic() + DEADLINE_SECONDS
        while self._read_some(until):
            pass
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def kill(self) -> None:
        if self.returncode is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self.returncode = -9


def files_holding(folder: Path, phrase: str) -> list[Path]:
    """Every file under `folder` whose bytes hold `phrase` (UTF-8)."""
    needle = phrase.encode("utf-8")
    return [p for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]
