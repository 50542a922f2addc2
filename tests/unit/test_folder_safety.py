# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 6, point 7: the vault folder, its temp files and `backups/` with real links and modes.

A folder others can write, a planted link, a leftover temp file: each is either refused with a
sentence that says how to fix it, or cleaned up, and nothing is ever written through a link.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from recovery_desktop.storage import KdfCost, Vault, VaultExistsError
from recovery_desktop.storage.atomic import make_private_dir, write_atomically
from recovery_desktop.storage.folder import (
    FolderNotEmptyError,
    UnsafeFolderError,
    check_vault_folder,
    remove_stale_temp_files,
)
from tests.conftest import PASSPHRASE


@pytest.fixture
def closed_vault(vault: Vault, vault_dir: Path) -> Path:
    vault.close()
    return vault_dir


# --- temp files ------------------------------------------------------------------------------


def test_write_atomically_never_follows_a_planted_link(tmp_path: Path) -> None:
    """The old code wrote `.vault.keys.tmp-<pid>`: a link planted under that name was followed
    and the file it points to overwritten."""
    folder = tmp_path / "v"
    folder.mkdir(mode=0o700)
    victim = tmp_path / "victim.txt"
    victim.write_text("someone else's file")
    planted = folder / f".vault.keys.tmp-{os.getpid()}"
    planted.symlink_to(victim)

    write_atomically(folder / "vault.keys", b"new contents")

    assert victim.read_text() == "someone else's file"
    assert (folder / "vault.keys").read_bytes() == b"new contents"
    assert stat.S_IMODE((folder / "vault.keys").stat().st_mode) == 0o600


def test_write_atomically_uses_an_unpredictable_temp_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def spy(src: object, dst: object) -> None:
        seen.append(Path(str(src)).name)
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", spy)
    for _ in range(2):
        write_atomically(tmp_path / "vault.keys", b"x")
    assert len(set(seen)) == 2
    assert all(name.startswith(".vault.keys.") and name.endswith(".tmp") for name in seen)
    assert f"{os.getpid()}" not in seen[0]


def test_stale_temp_files_are_removed_on_open(closed_vault: Path) -> None:
    old = time.time() - 3600
    stale = [closed_vault / ".vault.keys.abcd1234.tmp", closed_vault / ".vault.keys.tmp-4242"]
    for path in stale:
        path.write_bytes(b"an old wrapped key")
        os.utime(path, (old, old))
    fresh = closed_vault / ".vault.keys.zzzz9999.tmp"  # another process writing right now
    fresh.write_bytes(b"being written")
    unrelated = closed_vault / "notes.tmp"
    unrelated.write_bytes(b"not ours")
    os.utime(unrelated, (old, old))

    Vault.open(closed_vault, PASSPHRASE).close()

    assert not any(path.exists() for path in stale)
    assert fresh.exists() and unrelated.exists()


def test_stale_temp_link_is_removed_not_followed(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    folder.mkdir(mode=0o700)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = folder / ".vault.keys.abcd1234.tmp"
    link.symlink_to(victim)
    old = time.time() - 3600
    os.utime(link, (old, old), follow_symlinks=False)
    remove_stale_temp_files(folder)
    assert not link.is_symlink() and victim.read_text() == "keep me"


# --- the folder's owner and mode -------------------------------------------------------------


@pytest.mark.parametrize("mode", [0o770, 0o707, 0o777, 0o1777])
def test_open_refuses_a_folder_others_can_write(closed_vault: Path, mode: int) -> None:
    os.chmod(closed_vault, mode)
    before = sorted(p.name for p in closed_vault.iterdir())
    with pytest.raises(UnsafeFolderError) as caught:
        Vault.open(closed_vault, PASSPHRASE)
    message = str(caught.value)
    assert f"chmod 700 {closed_vault}" in message
    assert "Nothing was changed" in message
    assert sorted(p.name for p in closed_vault.iterdir()) == before  # no lock file made there
    os.chmod(closed_vault, 0o700)
    Vault.open(closed_vault, PASSPHRASE).close()


def test_open_accepts_a_folder_others_can_only_read(closed_vault: Path) -> None:
    os.chmod(closed_vault, 0o755)
    Vault.open(closed_vault, PASSPHRASE).close()


def test_folder_of_another_user_is_refused(
    closed_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests cannot chown without root: the check compares with the effective user id."""
    monkeypatch.setattr(os, "geteuid", lambda: os.getuid() + 1)
    with pytest.raises(UnsafeFolderError, match="belongs to another user"):
        check_vault_folder(closed_vault)


def test_create_tightens_an_empty_folder_of_ones_own(tmp_path: Path, cheap_cost: KdfCost) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chmod(folder, 0o777)
    vault, _ = Vault.create(folder, PASSPHRASE, cheap_cost)
    vault.close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


# --- backups/ ----------------------------------------------------------------------------------


def test_open_refuses_a_linked_backups_folder(closed_vault: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (closed_vault / "backups").rmdir()
    (closed_vault / "backups").symlink_to(elsewhere)
    with pytest.raises(UnsafeFolderError) as caught:
        Vault.open(closed_vault, PASSPHRASE)
    assert "link" in str(caught.value) and "mkdir" in str(caught.value)
    assert list(elsewhere.iterdir()) == []


def test_make_private_dir_never_chmods_through_a_link(tmp_path: Path) -> None:
    target = tmp_path / "target"
    target.mkdir(mode=0o755)
    link = tmp_path / "backups"
    link.symlink_to(target)
    with pytest.raises(UnsafeFolderError):
        make_private_dir(link)
    assert stat.S_IMODE(target.stat().st_mode) == 0o755


# --- creating in a folder that is not empty -------------------------------------------------------


def test_create_refuses_a_folder_with_other_files(tmp_path: Path, cheap_cost: KdfCost) -> None:
    folder = tmp_path / "Documents"
    folder.mkdir()
    (folder / "taxes.pdf").write_bytes(b"%PDF")
    with pytest.raises(FolderNotEmptyError) as caught:
        Vault.create(folder, PASSPHRASE, cheap_cost)
    assert "Nothing was changed" in str(caught.value)
    assert sorted(p.name for p in folder.iterdir()) == ["taxes.pdf"]


def test_create_accepts_an_empty_or_missing_folder(tmp_path: Path, cheap_cost: KdfCost) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    for folder in (empty, tmp_path / "missing" / "deeper"):
        vault, _ = Vault.create(folder, PASSPHRASE, cheap_cost)
        vault.close()


def test_create_still_says_a_vault_exists(closed_vault: Path, cheap_cost: KdfCost) -> None:
    with pytest.raises(VaultExistsError):
        Vault.create(closed_vault, PASSPHRASE, cheap_cost)
