# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 6, point 11 (first half), with real processes: a second app on the same vault says so
before anyone types a passphrase, the CLI still works while the app is open, and an app that
was killed leaves no lock behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from recovery_desktop.storage import Vault
from tests.conftest import PASSPHRASE
from tests.integration.cli_helpers import run_cli

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def folder(vault: Vault, vault_dir: Path) -> Path:
    vault.close()
    return vault_dir


@pytest.fixture
def start_gui(tmp_path: Path) -> Iterator:
    started: list[subprocess.Popen[str]] = []
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg")}

    def start(folder: Path) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.integration.gui_instance_driver", str(folder)],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=30)


def test_a_second_app_on_the_same_vault_is_refused(folder: Path, start_gui) -> None:
    first = start_gui(folder)
    assert first.stdout.readline().strip() == "unlock shown"

    second = start_gui(folder)
    out, err = second.communicate(timeout=60)
    assert second.returncode == 0, err
    assert "refused: " in out and "already has this vault open" in out, out + err
    assert "unlock shown" not in out  # said before any passphrase could be typed

    # The command line may still read and write while the app is open.
    added = run_cli("add", "--vault", str(folder), stdin="from the terminal", passphrase=PASSPHRASE)
    assert added.returncode == 0, added.stderr

    first.send_signal(signal.SIGKILL)  # no clean exit: the lock must still go with it
    first.wait(timeout=30)
    third = start_gui(folder)
    assert third.stdout.readline().strip() == "unlock shown"
    third.send_signal(signal.SIGTERM)
    third.wait(timeout=30)
