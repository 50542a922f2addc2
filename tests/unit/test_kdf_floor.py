# SPDX-License-Identifier: GPL-3.0-or-later
"""The KDF floor (issue 6, point 3): every new wrap costs at least 64 MiB and 3 passes, whatever
the key file says, and only code can ask for less."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.storage.errors import VaultDamagedError
from recovery_desktop.storage.keys import (
    DEFAULT_COST,
    RECOVERY_SLOT,
    KeyFile,
    cost_for_new_wrap,
    generate_recovery_code,
)
from tests.conftest import PASSPHRASE

# What an edited (or very old) key file may say: the smallest cost its bounds let through.
TINY = {"memory_kib": 8, "iterations": 1, "lanes": 1}


def _costs(folder: Path) -> dict[str, tuple[int, int]]:
    slots = json.loads((folder / "vault.keys").read_text())["slots"]
    return {name: (s["kdf"]["memory_kib"], s["kdf"]["iterations"]) for name, s in slots.items()}


@pytest.fixture
def tiny_vault(tmp_path: Path) -> tuple[Path, str]:
    """A vault whose key file says 8 KiB and one pass for both slots, and really is wrapped so:
    its secrets open it (not a broken edit that nothing opens)."""
    folder = tmp_path / "tiny"
    vault, code = Vault.create(folder, PASSPHRASE, KdfCost(**TINY, exempt_from_floor=True))
    vault.close()
    assert _costs(folder) == {"passphrase": (8, 1), "recovery": (8, 1)}
    assert (DEFAULT_COST.memory_kib, DEFAULT_COST.iterations) == (64 * 1024, 3)
    return folder, code


def test_wraps_after_a_recovery_code_unlock_use_the_default(
    tiny_vault: tuple[Path, str],
) -> None:
    folder, code = tiny_vault
    default = (DEFAULT_COST.memory_kib, DEFAULT_COST.iterations)
    with Vault.open_with_recovery_code(folder, code) as vault:
        key_file = KeyFile.load(folder / "vault.keys")
        from_file = key_file.slot_cost(RECOVERY_SLOT)
        assert (from_file.memory_kib, from_file.iterations) == (8, 1)
        # The slot the code opened is re-wrapped at the default (after Today, on a worker).
        assert vault.slot_upgrade is not None and vault.slot_upgrade.run()
        assert _costs(folder)["recovery"] == default
        # The forced new passphrase: at the default with no cost asked for, and also when a
        # caller passes on the cost it read from the file.
        vault.change_passphrase("a new passphrase after recovery", from_file)
        assert _costs(folder)["passphrase"] == default
        vault.set_recovery_code(generate_recovery_code(), key_file.passphrase_cost())
        assert _costs(folder) == {"passphrase": default, "recovery": default}


def test_a_cost_read_from_a_file_is_never_exempt(tiny_vault: tuple[Path, str]) -> None:
    folder, _ = tiny_vault
    read = KeyFile.load(folder / "vault.keys").passphrase_cost()
    assert not read.exempt_from_floor
    floored = cost_for_new_wrap(read)
    assert (floored.memory_kib, floored.iterations) == (64 * 1024, 3)
    # The same numbers asked for by code, with the exemption, are obeyed (tests, the demo).
    asked = KdfCost(**TINY, exempt_from_floor=True)
    assert cost_for_new_wrap(asked) is asked


def test_a_file_cannot_ask_for_the_exemption(tiny_vault: tuple[Path, str]) -> None:
    folder, _ = tiny_vault
    keys = json.loads((folder / "vault.keys").read_text())
    keys["slots"]["passphrase"]["kdf"]["exempt_from_floor"] = True
    (folder / "vault.keys").write_text(json.dumps(keys))
    with pytest.raises(VaultDamagedError):
        Vault.open(folder, PASSPHRASE)


def test_the_exemption_is_not_written_to_the_file(tiny_vault: tuple[Path, str]) -> None:
    folder, _ = tiny_vault
    assert "exempt" not in (folder / "vault.keys").read_text()
