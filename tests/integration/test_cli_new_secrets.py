# SPDX-License-Identifier: GPL-3.0-or-later
"""A passphrase chosen at the command line meets the set-up wizard's rule, and its KDF cost is
never below the default (issue 6, point 5). The test-only cheap cost is explicit and said."""

from __future__ import annotations

import json
from pathlib import Path

from recovery_desktop.storage import KdfCost, Vault
from tests.integration.cli_helpers import CHEAP_KDF, run_cli

PASS = "a long enough passphrase"


def slot_costs(folder: Path) -> dict[str, tuple[int, int]]:
    data = json.loads((folder / "vault.keys").read_text())
    return {
        name: (slot["kdf"]["memory_kib"], slot["kdf"]["iterations"])
        for name, slot in data["slots"].items()
    }


def test_init_and_demo_refuse_what_the_set_up_wizard_refuses(tmp_path: Path) -> None:
    for command, weak, words in [
        ("init", "password", "lists people try first"),
        ("init", "Password123!", "lists people try first"),
        ("demo", "password1", "lists people try first"),
        ("demo", "short", "at least 8 characters"),
    ]:
        folder = tmp_path / f"{command}-{weak}"
        result = run_cli(command, "--vault", str(folder), passphrase=weak)
        assert result.returncode == 1, (command, weak, result.stderr)
        assert words in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.splitlines()) == 1
        assert not folder.exists()


def test_change_passphrase_refuses_a_common_new_one(tmp_path: Path, cheap_cost: KdfCost) -> None:
    folder = tmp_path / "vault"
    Vault.create(folder, PASS, cheap_cost)[0].close()
    before = (folder / "vault.keys").read_bytes()
    result = run_cli(
        "change-passphrase",
        "--vault",
        str(folder),
        passphrase=PASS,
        env={"RECOVERY_DESKTOP_NEW_PASSPHRASE": "qwerty123"},
    )
    assert result.returncode == 1 and "lists people try first" in result.stderr
    assert (folder / "vault.keys").read_bytes() == before


def test_kdf_options_raise_the_cost_and_never_lower_it(tmp_path: Path) -> None:
    for option, value in [
        ("--kdf-memory-mib", "8"),
        ("--kdf-memory-mib", "1"),
        ("--kdf-iterations", "1"),
        ("--kdf-memory-mib", "0"),
    ]:
        folder = tmp_path / f"low{option}{value}"
        result = run_cli(
            "init", "--vault", str(folder), option, value, passphrase=PASS, cheap_kdf=False
        )
        assert result.returncode == 1, (option, value, result.stdout)
        assert "never lower" in result.stderr and "Traceback" not in result.stderr
        assert not folder.exists()

    default = tmp_path / "default"
    assert (
        run_cli("init", "--vault", str(default), passphrase=PASS, cheap_kdf=False).returncode == 0
    )
    assert slot_costs(default) == {"passphrase": (65536, 3), "recovery": (65536, 3)}

    raised = tmp_path / "raised"
    result = run_cli(
        "init",
        "--vault",
        str(raised),
        "--kdf-memory-mib",
        "96",
        "--kdf-iterations",
        "4",
        passphrase=PASS,
        cheap_kdf=False,
    )
    assert result.returncode == 0, result.stderr
    assert slot_costs(raised) == {"passphrase": (98304, 4), "recovery": (98304, 4)}


def test_the_cheap_test_cost_is_explicit_hidden_and_said(tmp_path: Path) -> None:
    folder = tmp_path / "cheap"
    result = run_cli("init", "--vault", str(folder), passphrase=PASS)  # run_cli adds CHEAP_KDF
    assert result.returncode == 0, result.stderr
    assert "Test-only cheap key derivation" in result.stderr
    assert slot_costs(folder) == {"passphrase": (64, 1), "recovery": (64, 1)}
    assert CHEAP_KDF not in run_cli("--help").stdout
    assert CHEAP_KDF not in run_cli("init", "--help").stdout
    both = run_cli(
        "init", "--vault", str(tmp_path / "both"), "--kdf-memory-mib", "128", passphrase=PASS
    )
    assert both.returncode == 1 and "do not go together" in both.stderr
    # A vault made at the cheap cost is upgraded to the default the first time it is used
    # without the test option: the option is what exempts, never the file.
    run_cli("search", "--vault", str(folder), "x", passphrase=PASS, cheap_kdf=False)
    assert slot_costs(folder)["passphrase"] == (65536, 3)
