# SPDX-License-Identifier: GPL-3.0-or-later
"""New secrets from the command line (issue 6, points 1, 2 and 3): `change-passphrase`,
`new-recovery-code` and `change-key` say what happened to the backups in the vault folder and
that copies elsewhere keep their day's secrets; old and cheap slots are upgraded after a
command's own output."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from recovery_desktop.storage import Vault, WrongPassphraseError, WrongRecoveryCodeError
from recovery_desktop.storage.key_copies import managed_copies, opens_with
from recovery_desktop.storage.keys import KeyFile
from tests.fixtures.make_fixtures import PASSPHRASE as OLD_PASS
from tests.fixtures.make_fixtures import RECOVERY_CODE as OLD_CODE
from tests.integration.cli_helpers import run_cli
from tests.integration.lock_holder import held_elsewhere
from tests.integration.terminal_driver import Terminal

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NEW_PASS = "a brand new passphrase"
CODE = re.compile(r"\b([0-9A-Z]{5}(?:-[0-9A-Z]{5}){5})\b")
ELSEWHERE = "keep the passphrase and recovery code of the day they were made"


@pytest.fixture
def upgraded(tmp_path: Path) -> Path:
    """A schema-3 vault opened once: upgraded, with its copy from before in backups/."""
    folder = tmp_path / "vault"
    shutil.copytree(FIXTURES / "vault-v3", folder)
    folder.chmod(0o700)
    Vault.open(folder, OLD_PASS).close()
    assert len(managed_copies([folder / "backups"])) == 1
    return folder


def backup_keys(folder: Path) -> KeyFile:
    (copy,) = managed_copies([folder / "backups"])
    return KeyFile.load(copy.keys)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_change_passphrase_says_what_happened_to_the_copies(upgraded: Path) -> None:
    result = run_cli(
        "change-passphrase",
        "--vault",
        str(upgraded),
        passphrase=OLD_PASS,
        env={"RECOVERY_DESKTOP_NEW_PASSPHRASE": NEW_PASS},
    )
    assert result.returncode == 0, result.stderr
    assert f"The backup in {upgraded / 'backups'} now opens with the new passphrase" in (
        result.stdout
    )
    assert ELSEWHERE in result.stdout
    with pytest.raises(WrongPassphraseError):
        backup_keys(upgraded).unwrap_with_passphrase(OLD_PASS)
    backup_keys(upgraded).unwrap_with_passphrase(NEW_PASS)


def test_new_recovery_code_is_shown_once_and_the_old_one_stops_working(upgraded: Path) -> None:
    result = run_cli("new-recovery-code", "--vault", str(upgraded), passphrase=OLD_PASS)
    assert result.returncode == 0, result.stderr
    codes = CODE.findall(result.stdout)
    assert len(codes) == 1 and codes[0] != OLD_CODE
    assert "shown only this once" in result.stdout and ELSEWHERE in result.stdout
    assert "now opens with the new recovery code" in result.stdout
    with pytest.raises(WrongRecoveryCodeError):
        Vault.open_with_recovery_code(upgraded, OLD_CODE)
    with pytest.raises(WrongRecoveryCodeError):
        backup_keys(upgraded).unwrap_with_recovery_code(OLD_CODE)
    Vault.open_with_recovery_code(upgraded, codes[0]).close()
    backup_keys(upgraded).unwrap_with_recovery_code(codes[0])
    Vault.open(upgraded, OLD_PASS).close()  # the passphrase is untouched


def change_key(folder: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return run_cli(
        "change-key",
        "--vault",
        str(folder),
        *options,
        passphrase=OLD_PASS,
        env={"RECOVERY_DESKTOP_NEW_PASSPHRASE": NEW_PASS},
    )


def test_change_key_asks_about_old_backups_and_never_decides_silently(upgraded: Path) -> None:
    before = snapshot(upgraded)
    result = change_key(upgraded)
    assert result.returncode == 1 and "--old-backups" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1
    assert snapshot(upgraded) == before


def test_change_key_reencrypts_old_backups(upgraded: Path) -> None:
    with Vault.open(upgraded, OLD_PASS) as vault:
        entries = vault.entries.count()
    result = change_key(upgraded, "--old-backups", "reencrypt")
    assert result.returncode == 0, result.stderr
    (code,) = CODE.findall(result.stdout)
    assert "now uses the new key, passphrase and recovery code" in result.stdout
    assert ELSEWHERE in result.stdout
    for secret, opens in [(OLD_PASS, Vault.open), (OLD_CODE, Vault.open_with_recovery_code)]:
        with pytest.raises((WrongPassphraseError, WrongRecoveryCodeError)):
            opens(upgraded, secret)
    with Vault.open(upgraded, NEW_PASS) as vault:
        assert vault.entries.count() == entries > 0
    Vault.open_with_recovery_code(upgraded, code).close()
    (copy,) = managed_copies([upgraded / "backups"])
    key = KeyFile.load(copy.keys).unwrap_with_passphrase(NEW_PASS)
    assert opens_with(copy.db, key)
    with pytest.raises(WrongPassphraseError):
        KeyFile.load(copy.keys).unwrap_with_passphrase(OLD_PASS)


def test_change_key_keeping_or_deleting_old_backups_warns(tmp_path: Path) -> None:
    for choice, warning in [
        ("keep", "it will still open with your current passphrase and recovery code"),
        ("delete", "Deleting 1 backup made under the current key"),
    ]:
        folder = tmp_path / choice
        shutil.copytree(FIXTURES / "vault-v3", folder)
        folder.chmod(0o700)
        Vault.open(folder, OLD_PASS).close()
        result = change_key(folder, "--old-backups", choice)
        assert result.returncode == 0, result.stderr
        assert warning in result.stderr
        copies = managed_copies([folder / "backups"])
        if choice == "keep":
            assert "was kept under the old key" in result.stdout
            KeyFile.load(copies[0].keys).unwrap_with_passphrase(OLD_PASS)  # as it warned
        else:
            assert copies == [] and "was deleted" in result.stdout


def test_change_key_is_refused_while_another_program_has_the_vault_open(upgraded: Path) -> None:
    with held_elsewhere(upgraded, "vault", OLD_PASS):
        before = snapshot(upgraded)
        result = change_key(upgraded, "--old-backups", "reencrypt")
        assert result.returncode == 1, result.stdout
        assert "open in another window or program" in result.stderr
        assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1
        assert snapshot(upgraded) == before
    Vault.open(upgraded, OLD_PASS).close()


def test_change_key_at_a_terminal_asks_what_to_do(upgraded: Path) -> None:
    terminal = Terminal("--cheap-kdf-for-tests", "change-key", "--vault", str(upgraded))
    try:
        terminal.expect("Current passphrase:")
        terminal.type(OLD_PASS + "\n")
        terminal.expect("Type reencrypt, delete or keep:")
        terminal.type("maybe\n")
        terminal.expect("Please type one of: reencrypt, delete, keep.")
        terminal.type("reencrypt\n")
        terminal.expect("New passphrase:")
        terminal.type(NEW_PASS + "\n")
        terminal.expect("Once more, to be sure:")
        terminal.type(NEW_PASS + "\n")
        terminal.expect("shown only this once")
        assert terminal.wait() == 0
    finally:
        terminal.kill()
    Vault.open(upgraded, NEW_PASS).close()


def passphrase_slot(folder: Path) -> dict[str, object]:
    data = json.loads((folder / "vault.keys").read_text())
    return data["slots"]["passphrase"]


def test_an_old_cheap_slot_is_upgraded_after_the_command(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    shutil.copytree(FIXTURES / "vault-v3", folder)
    folder.chmod(0o700)
    assert "version" not in passphrase_slot(folder)  # slot version 1, 64 KiB, one pass
    recovery_before = json.loads((folder / "vault.keys").read_text())["slots"]["recovery"]
    result = run_cli("search", "--vault", str(folder), "Dana", passphrase=OLD_PASS, cheap_kdf=False)
    assert result.returncode == 0 and "[Dana]" in result.stdout, result.stderr
    slot = passphrase_slot(folder)
    assert slot["version"] == 2
    assert (slot["kdf"]["memory_kib"], slot["kdf"]["iterations"]) == (65536, 3)
    recovery_after = json.loads((folder / "vault.keys").read_text())["slots"]["recovery"]
    assert recovery_after["kdf"] == recovery_before["kdf"]  # only the slot whose secret was typed
    Vault.open(folder, OLD_PASS).close()
    Vault.open_with_recovery_code(folder, OLD_CODE).close()
