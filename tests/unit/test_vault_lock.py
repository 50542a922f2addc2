# SPDX-License-Identifier: GPL-3.0-or-later
"""The vault's process locks, within one process (issue 6, points 2 and 11).

Two `VaultUseLock`s in one process are two holders (flock belongs to the open file, not the
process), so these tests see the same conflicts two programs would. Child processes are in
tests/integration/test_vault_lock_processes.py.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from recovery_desktop.storage import Vault
from recovery_desktop.storage.errors import VaultError
from recovery_desktop.storage.folder import UnsafeFolderError
from recovery_desktop.storage.vault_lock import (
    GUI_LOCK_NAME,
    USE_LOCK_NAME,
    AppAlreadyOpenError,
    GuiInstanceLock,
    VaultInUseError,
    VaultUseLock,
    exclusive_vault_lock,
)
from tests.conftest import PASSPHRASE


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "v"
    path.mkdir(mode=0o700)
    return path


def test_errors_are_vault_errors_with_plain_words() -> None:
    assert issubclass(VaultInUseError, VaultError)
    assert issubclass(AppAlreadyOpenError, VaultError)
    assert str(VaultInUseError()) == (
        "The vault is open in another window or program. Close it there and try again. "
        "Nothing was changed."
    )
    assert "already has this vault open in another window" in str(AppAlreadyOpenError())


def test_shared_locks_coexist_and_block_exclusive(folder: Path) -> None:
    first = VaultUseLock.acquire_shared(folder)
    second = VaultUseLock.acquire_shared(folder)
    with pytest.raises(VaultInUseError):
        first.upgrade_to_exclusive()
    # A failed upgrade keeps the shared lock: an exclusive taker is still refused.
    second.release()
    with pytest.raises(VaultInUseError), exclusive_vault_lock(folder):
        pass
    first.upgrade_to_exclusive()
    assert first.is_exclusive
    with pytest.raises(VaultInUseError):
        VaultUseLock.acquire_shared(folder)
    first.downgrade_to_shared()
    assert not first.is_exclusive
    VaultUseLock.acquire_shared(folder).release()
    first.release()
    first.release()  # safe twice
    with exclusive_vault_lock(folder):
        with pytest.raises(VaultInUseError) as caught:
            VaultUseLock.acquire_shared(folder)
        assert "Nothing was changed" in str(caught.value)
    VaultUseLock.acquire_shared(folder).release()


def test_upgrade_and_downgrade_are_idempotent(folder: Path) -> None:
    lock = VaultUseLock.acquire_shared(folder)
    lock.upgrade_to_exclusive()
    lock.upgrade_to_exclusive()
    lock.downgrade_to_shared()
    lock.downgrade_to_shared()
    lock.release()
    with pytest.raises(VaultError):
        lock.upgrade_to_exclusive()  # a released lock cannot be upgraded


def test_lock_files_are_private_and_never_follow_links(folder: Path, tmp_path: Path) -> None:
    VaultUseLock.acquire_shared(folder).release()
    GuiInstanceLock.acquire(folder).release()
    for name in (USE_LOCK_NAME, GUI_LOCK_NAME):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600

    other = tmp_path / "other"
    other.mkdir(mode=0o700)
    victim = tmp_path / "victim"
    victim.write_text("not a lock")
    os.chmod(victim, 0o644)
    (other / USE_LOCK_NAME).symlink_to(victim)
    (other / GUI_LOCK_NAME).symlink_to(victim)
    with pytest.raises(UnsafeFolderError):
        VaultUseLock.acquire_shared(other)
    with pytest.raises(UnsafeFolderError):
        GuiInstanceLock.acquire(other)
    assert victim.read_text() == "not a lock"
    assert stat.S_IMODE(victim.stat().st_mode) == 0o644


def test_an_existing_lock_file_is_never_truncated(folder: Path) -> None:
    (folder / USE_LOCK_NAME).write_bytes(b"left by someone")
    os.chmod(folder / USE_LOCK_NAME, 0o644)
    VaultUseLock.acquire_shared(folder).release()
    assert (folder / USE_LOCK_NAME).read_bytes() == b"left by someone"
    assert stat.S_IMODE((folder / USE_LOCK_NAME).stat().st_mode) == 0o600


def test_one_gui_per_vault(folder: Path) -> None:
    gui = GuiInstanceLock.acquire(folder)
    with pytest.raises(AppAlreadyOpenError):
        GuiInstanceLock.acquire(folder)
    # The GUI lock does not stand in the way of the CLI's shared use of the vault.
    VaultUseLock.acquire_shared(folder).release()
    gui.release()
    gui.release()
    GuiInstanceLock.acquire(folder).release()


def test_vault_holds_a_shared_lock_while_open(vault: Vault, vault_dir: Path) -> None:
    assert isinstance(vault.use_lock, VaultUseLock)
    second = Vault.open(vault_dir, PASSPHRASE)  # the CLI while the GUI is open: allowed
    with pytest.raises(VaultInUseError):
        vault.use_lock.upgrade_to_exclusive()
    second.close()
    vault.use_lock.upgrade_to_exclusive()
    with pytest.raises(VaultInUseError):
        Vault.open(vault_dir, PASSPHRASE)  # a key change is running
    vault.use_lock.downgrade_to_shared()
    vault.close()
    vault.close()
    with exclusive_vault_lock(vault_dir):  # closing released it
        pass


def test_a_failed_open_releases_the_lock(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    with pytest.raises(VaultError):
        Vault.from_data_key(vault_dir, b"\x00" * 32)  # the wrong key: the database refuses
    with exclusive_vault_lock(vault_dir):
        pass
