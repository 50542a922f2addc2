# SPDX-License-Identifier: GPL-3.0-or-later
"""The vault's locks between real processes: shared with shared is fine, an exclusive lock waits
for nobody and is refused while anyone else has the vault open, and a killed holder frees the
lock at once (flock dies with the process: no stale lock file to clean up)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from recovery_desktop.storage import Vault
from recovery_desktop.storage.vault_lock import (
    AppAlreadyOpenError,
    GuiInstanceLock,
    VaultInUseError,
    VaultUseLock,
    exclusive_vault_lock,
)
from tests.conftest import PASSPHRASE

REPO = Path(__file__).resolve().parents[2]


class Holder:
    """A child process holding one lock; `line` is what it said ("held" or an error name)."""

    def __init__(self, folder: Path, how: str, *extra: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.integration.lock_holder", str(folder), how, *extra],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        self.line = self.process.stdout.readline().strip()

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            self.process.wait(timeout=30)


@pytest.fixture
def holders() -> Iterator[list[Holder]]:
    made: list[Holder] = []
    yield made
    for holder in made:
        if holder.process.poll() is None:
            holder.kill()
        for stream in (holder.process.stdin, holder.process.stdout, holder.process.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def folder(vault: Vault, vault_dir: Path) -> Path:
    vault.close()
    return vault_dir


def hold(holders: list[Holder], folder: Path, how: str, *extra: str) -> Holder:
    holder = Holder(folder, how, *extra)
    holders.append(holder)
    return holder


def test_shared_with_shared_is_fine(folder: Path, holders: list[Holder]) -> None:
    assert hold(holders, folder, "shared").line == "held"
    assert hold(holders, folder, "shared").line == "held"
    mine = VaultUseLock.acquire_shared(folder)
    mine.release()


def test_exclusive_is_refused_while_another_process_has_the_vault_open(
    folder: Path, holders: list[Holder]
) -> None:
    other = hold(holders, folder, "vault", PASSPHRASE)  # the CLI, or another program
    assert other.line == "held"
    with Vault.open(folder, PASSPHRASE) as mine:
        with pytest.raises(VaultInUseError):
            mine.use_lock.upgrade_to_exclusive()
        other.stop()
        mine.use_lock.upgrade_to_exclusive()  # the key change may run now
        assert hold(holders, folder, "shared").line == "VaultInUseError"
        assert hold(holders, folder, "vault", PASSPHRASE).line == "VaultInUseError"
        mine.use_lock.downgrade_to_shared()
        assert hold(holders, folder, "shared").line == "held"


def test_a_child_cannot_upgrade_while_we_hold_shared(folder: Path, holders: list[Holder]) -> None:
    mine = VaultUseLock.acquire_shared(folder)
    assert hold(holders, folder, "upgrade").line == "VaultInUseError"
    assert hold(holders, folder, "exclusive").line == "VaultInUseError"
    mine.release()
    assert hold(holders, folder, "exclusive").line == "held"
    with pytest.raises(VaultInUseError):
        VaultUseLock.acquire_shared(folder)


def test_a_killed_holder_frees_the_lock(folder: Path, holders: list[Holder]) -> None:
    exclusive = hold(holders, folder, "upgrade")
    assert exclusive.line == "held"
    with pytest.raises(VaultInUseError):
        Vault.open(folder, PASSPHRASE)
    exclusive.kill()  # a key change killed half way: no stale lock
    with Vault.open(folder, PASSPHRASE):
        pass

    shared = hold(holders, folder, "vault", PASSPHRASE)
    assert shared.line == "held"
    with pytest.raises(VaultInUseError), exclusive_vault_lock(folder):
        pass
    shared.kill()
    with exclusive_vault_lock(folder):
        pass


def test_gui_lock_between_processes(folder: Path, holders: list[Holder]) -> None:
    gui = hold(holders, folder, "gui")
    assert gui.line == "held"
    with pytest.raises(AppAlreadyOpenError):
        GuiInstanceLock.acquire(folder)
    assert hold(holders, folder, "gui").line == "AppAlreadyOpenError"
    # The CLI may still use the vault while the GUI is open.
    with Vault.open(folder, PASSPHRASE):
        pass
    gui.kill()
    GuiInstanceLock.acquire(folder).release()
    assert os.path.exists(folder / "gui.lock")  # the file stays; only the flock mattered
