# SPDX-License-Identifier: GPL-3.0-or-later
"""`vault.keys` read as untrusted input (issue 6, points 3 and 4): bounds, floor, versions."""

from __future__ import annotations

import base64
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from recovery_desktop.storage import KdfCost, Vault, WrongPassphraseError
from recovery_desktop.storage.errors import VaultDamagedError, VaultError
from tests.conftest import PASSPHRASE

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURE_PASSPHRASE = "fixture passphrase"
FIXTURE_CODE = "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF"
Edit = Callable[[dict], object]


def _keys(folder: Path) -> dict:
    return json.loads((folder / "vault.keys").read_text())


def _write_keys(folder: Path, data: object) -> None:
    (folder / "vault.keys").write_text(json.dumps(data))


def _set(path: list[str | int], value: object) -> Edit:
    def edit(data: dict) -> object:
        target = data
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
        return data

    return edit


def _nested(depth: int) -> Edit:
    return lambda data: "[" * depth + "]" * depth


P = ["slots", "passphrase"]
# 21 ways a key file is found damaged or edited; each gives one plain message, no traceback.
# An edit returns the new contents (or the file's text, where JSON cannot express it).
MALFORMED: dict[str, Edit] = {
    "bad base64 salt": _set([*P, "salt"], "***not base64***"),
    "short nonce": _set([*P, "nonce"], base64.b64encode(b"short").decode()),
    "long wrapped key": _set([*P, "wrapped_key"], base64.b64encode(bytes(99)).decode()),
    "salt not a string": _set([*P, "salt"], 12345),
    "cost of 0": _set([*P, "kdf", "memory_kib"], 0),
    "huge memory": _set([*P, "kdf", "memory_kib"], 2**40),
    "huge passes": _set([*P, "kdf", "iterations"], 10**9),
    "zero lanes": _set([*P, "kdf", "lanes"], 0),
    "too many lanes": _set([*P, "kdf", "lanes"], 10**6),
    "cost as text": _set([*P, "kdf", "iterations"], "3"),
    "cost as float": _set([*P, "kdf", "iterations"], 3.0),
    "cost as bool": _set([*P, "kdf", "lanes"], True),
    "unknown kdf": _set([*P, "kdf", "name"], "scrypt"),
    "format Infinity": lambda data: re.sub(
        r'"format": \d+', '"format": Infinity', json.dumps(data)
    ),
    "format as text": _set(["format"], "2"),
    "format zero": _set(["format"], 0),
    "slots a list": _set(["slots"], []),
    "missing recovery slot": lambda data: data["slots"].pop("recovery") and data,
    "top level a list": lambda data: [data],
    "deep nesting": _nested(100_000),
    "bad key id": _set(["key_id"], "not-a-key-id"),
}


def test_there_are_21_variants() -> None:
    assert len(MALFORMED) == 21


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_key_file_is_damaged_and_untouched(
    name: str, vault: Vault, vault_dir: Path
) -> None:
    vault.close()
    edited = MALFORMED[name](_keys(vault_dir))
    text = edited if isinstance(edited, str) else json.dumps(edited)
    (vault_dir / "vault.keys").write_text(text)
    before = (vault_dir / "vault.keys").read_bytes()
    with pytest.raises(VaultDamagedError) as caught:
        Vault.open(vault_dir, PASSPHRASE)
    message = str(caught.value)
    assert "damaged" in message and "Nothing was changed" in message
    assert "Error" not in message and "\n" not in message
    assert (vault_dir / "vault.keys").read_bytes() == before


def test_key_file_bigger_than_any_real_one_is_damaged(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    (vault_dir / "vault.keys").write_bytes(b" " * (1024 * 1024) + b"{}")
    with pytest.raises(VaultDamagedError):
        Vault.open(vault_dir, PASSPHRASE)


def test_a_newer_format_asks_for_an_update(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    _write_keys(vault_dir, _set(["format"], 99)(_keys(vault_dir)))
    with pytest.raises(VaultDamagedError, match="newer version"):
        Vault.open(vault_dir, PASSPHRASE)


def test_edited_cheap_cost_never_makes_the_next_wrap_cheap(tmp_path: Path) -> None:
    """The review's attack: the passphrase slot's cost is edited down to 8 KiB and one pass;
    the person, locked out, uses the recovery code and chooses a new passphrase. The new wrap
    must still cost the default, not what the file said."""
    folder = tmp_path / "vault"
    vault, code = Vault.create(folder, PASSPHRASE)  # the production cost
    vault.close()
    keys = _keys(folder)
    keys["slots"]["passphrase"]["kdf"].update(memory_kib=8, iterations=1, lanes=1)
    _write_keys(folder, keys)
    with pytest.raises(WrongPassphraseError):  # the edit broke that slot; nothing obeys it
        Vault.open(folder, PASSPHRASE)
    with Vault.open_with_recovery_code(folder, code) as recovered:
        recovered.change_passphrase("a new passphrase for a new day")
    kdf = _keys(folder)["slots"]["passphrase"]["kdf"]
    assert (kdf["memory_kib"], kdf["iterations"]) == (64 * 1024, 3)


def test_a_lower_cost_asked_for_is_raised_to_the_default(vault: Vault, vault_dir: Path) -> None:
    vault.change_passphrase("another good passphrase", KdfCost(memory_kib=1024, iterations=1))
    kdf = _keys(vault_dir)["slots"]["passphrase"]["kdf"]
    assert (kdf["memory_kib"], kdf["iterations"]) == (64 * 1024, 3)


def test_only_code_can_ask_for_the_cheap_cost() -> None:
    cheap = KdfCost.cheap()
    assert cheap.exempt_from_floor
    # Equal numbers read from a file are not exempt: the flag is not part of the value.
    from_file = KdfCost(cheap.memory_kib, cheap.iterations, cheap.lanes)
    assert from_file == cheap and not from_file.exempt_from_floor
    assert "exempt" not in json.dumps(cheap.as_json())


def test_cost_and_salt_are_bound_into_the_wrap(vault: Vault, vault_dir: Path) -> None:
    """A slot's cost or salt cannot be swapped for another slot's, even with a matching KEK."""
    from recovery_desktop.storage.keys import KeyFile, Slot

    key_file = KeyFile.load(vault_dir / "vault.keys")
    slot = key_file.current.slots["passphrase"]
    assert slot.version == 2
    other_cost = Slot(2, KdfCost(128, 1, 1), slot.salt, slot.nonce, slot.wrapped_key)
    other_salt = Slot(2, slot.cost, bytes(16), slot.nonce, slot.wrapped_key)
    aads = {s.aad("passphrase", key_file.current.key_id) for s in (slot, other_cost, other_salt)}
    assert len(aads) == 3


def _v1_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "v1"
    shutil.copytree(FIXTURES / "vault-v1", folder)
    return folder


def test_old_slots_upgrade_one_by_one_when_their_secret_is_typed(tmp_path: Path) -> None:
    folder = _v1_copy(tmp_path)
    assert _keys(folder)["format"] == 1
    with Vault.open(folder, FIXTURE_PASSPHRASE) as vault:
        upgrade = vault.slot_upgrade
        assert upgrade is not None and upgrade.needed(KdfCost.cheap())
        assert upgrade.run(KdfCost.cheap())
        assert not upgrade.needed(KdfCost.cheap())  # the secret is forgotten
    keys = _keys(folder)
    assert keys["format"] == 2 and keys["slots"]["passphrase"]["version"] == 2
    assert "version" not in keys["slots"]["recovery"]  # a mixed file: the code was not typed
    with Vault.open_with_recovery_code(folder, FIXTURE_CODE) as vault:
        assert vault.slot_upgrade is not None and vault.slot_upgrade.run(KdfCost.cheap())
    assert _keys(folder)["slots"]["recovery"]["version"] == 2
    with Vault.open(folder, FIXTURE_PASSPHRASE) as vault:
        assert vault.slot_upgrade is not None  # cheaper than the default, so still offered
        assert not vault.slot_upgrade.needed(KdfCost.cheap())  # but not below what tests use
        assert vault.entries.get(1).title == "Day one"


def test_a_cheap_slot_is_rewrapped_at_the_default(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    with Vault.open(vault_dir, PASSPHRASE) as reopened:
        assert reopened.slot_upgrade is not None and reopened.slot_upgrade.run()
    kdf = _keys(vault_dir)["slots"]["passphrase"]["kdf"]
    assert (kdf["memory_kib"], kdf["iterations"]) == (64 * 1024, 3)
    Vault.open(vault_dir, PASSPHRASE).close()


def test_damaged_errors_are_vault_errors() -> None:
    assert issubclass(VaultDamagedError, VaultError)
