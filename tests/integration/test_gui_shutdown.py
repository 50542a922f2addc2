# SPDX-License-Identifier: GPL-3.0-or-later
"""Logout or `kill` (SIGTERM) right after typing: the app saves before it exits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from recovery_desktop.storage import Vault
from tests.conftest import PASSPHRASE

REPO = Path(__file__).resolve().parents[2]


def test_sigterm_saves_what_was_typed(vault: Vault, vault_dir: Path, tmp_path: Path) -> None:
    vault.close()
    text = "typed a moment before the computer shut down"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.integration.gui_sigterm_driver",
            str(vault_dir),
            PASSPHRASE,
            text,
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "typed" in result.stdout, result.stdout + result.stderr
    assert result.returncode == 0, result.stderr
    with Vault.open(vault_dir, PASSPHRASE) as reopened:
        assert [s.preview for s in reopened.entries.search("shut down")] == [text]
