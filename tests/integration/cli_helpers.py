# SPDX-License-Identifier: GPL-3.0-or-later
"""Run the real `recovery-desktop` command in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


# The CLI's test-only exemption from the KDF floor: an explicit, hidden option (never a variable
# or anything read from the vault), the same `KdfCost.cheap()` the unit tests use.
CHEAP_KDF = "--cheap-kdf-for-tests"


def run_cli(
    *args: str,
    passphrase: str | None = None,
    stdin: str | bytes | None = None,
    tmpdir: Path | None = None,
    env: dict[str, str] | None = None,
    cheap_kdf: bool = True,
) -> subprocess.CompletedProcess[str]:
    """Run `recovery-desktop ARGS` with `passphrase` in its variable and `stdin` as input.

    `cheap_kdf` puts `--cheap-kdf-for-tests` first, so new passphrases and recovery codes are
    wrapped at the cheap test cost and slots at that cost are not upgraded; pass False to see
    what a person gets (the 64 MiB, t=3 floor).
    """
    child_env = {k: v for k, v in os.environ.items() if not k.startswith("RECOVERY_DESKTOP_PASS")}
    if passphrase is not None:
        child_env["RECOVERY_DESKTOP_PASSPHRASE"] = passphrase
    if tmpdir is not None:
        child_env["TMPDIR"] = str(tmpdir)
    child_env.update(env or {})
    command = [sys.executable, "-m", "recovery_desktop", *([CHEAP_KDF] if cheap_kdf else []), *args]
    if isinstance(stdin, bytes):
        raw = subprocess.run(
            command, cwd=REPO, env=child_env, input=stdin, capture_output=True, timeout=120
        )
        return subprocess.CompletedProcess(
            raw.args,
            raw.returncode,
            raw.stdout.decode("utf-8", "replace"),
            raw.stderr.decode("utf-8", "replace"),
        )
    return subprocess.run(
        command,
        cwd=REPO,
        env=child_env,
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        timeout=120,
    )
