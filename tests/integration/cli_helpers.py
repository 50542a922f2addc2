# SPDX-License-Identifier: GPL-3.0-or-later
"""Run the real `recovery-desktop` command in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_cli(
    *args: str,
    passphrase: str | None = None,
    stdin: str | None = None,
    tmpdir: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    child_env = {k: v for k, v in os.environ.items() if not k.startswith("RECOVERY_DESKTOP_PASS")}
    if passphrase is not None:
        child_env["RECOVERY_DESKTOP_PASSPHRASE"] = passphrase
    if tmpdir is not None:
        child_env["TMPDIR"] = str(tmpdir)
    child_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "recovery_desktop", *args],
        cwd=REPO,
        env=child_env,
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        timeout=120,
    )
