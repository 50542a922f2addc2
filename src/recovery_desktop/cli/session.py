# SPDX-License-Identifier: GPL-3.0-or-later
"""What every command shares: the vault folder, opening it, the KDF cost of a new wrap, the
slot upgrades that wait until the command's own work is done, and plain words for errors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_desktop.cli.arguments import CHEAP_KDF_OPTION

if TYPE_CHECKING:
    from recovery_desktop.storage import KdfCost, Vault


class UserError(Exception):
    """A problem the person can fix; printed as one line, exit code 1."""


def vault_dir(args: argparse.Namespace) -> Path:
    if args.vault is not None:
        return args.vault.expanduser()
    from recovery_desktop.config import default_vault_dir

    return default_vault_dir()


def existing_vault_dir(args: argparse.Namespace) -> Path:
    """The vault folder, or `VaultNotFoundError` before anyone is asked for a secret."""
    from recovery_desktop.storage import VaultNotFoundError
    from recovery_desktop.storage.layout import vault_exists

    folder = vault_dir(args)
    if not vault_exists(folder):
        raise VaultNotFoundError(folder)
    return folder


def remember(args: argparse.Namespace, vault: Vault) -> Vault:
    """Keep the slot upgrade this unlock found, to run once the command is done."""
    if vault.slot_upgrade is not None:
        args.slot_upgrades.append(vault.slot_upgrade)
    return vault


def open_vault(args: argparse.Namespace, secret: str | None = None) -> Vault:
    """Open with the passphrase (`secret`, else from the file, the variable or the prompt)."""
    from recovery_desktop.cli.passphrases import passphrase
    from recovery_desktop.storage import Vault

    folder = existing_vault_dir(args)
    return remember(args, Vault.open(folder, secret if secret is not None else passphrase(args)))


# --- the cost of new wraps -------------------------------------------------------------------


def new_wrap_cost(args: argparse.Namespace) -> KdfCost | None:
    """The cost for a new passphrase or recovery code: None (the default, 64 MiB, t=3), a
    higher one from --kdf-*, or the test-only cheap one (`say_if_cheap` says so once it is
    used). Never lower than the default otherwise."""
    from recovery_desktop.storage.keys import (
        DEFAULT_COST,
        MEMORY_KIB_BOUNDS,
        PASSES_BOUNDS,
        KdfCost,
        check_cost_bounds,
    )

    memory_mib = getattr(args, "kdf_memory_mib", None)
    passes = getattr(args, "kdf_iterations", None)
    if args.cheap_kdf_for_tests:
        if memory_mib is not None or passes is not None:
            raise UserError(f"{CHEAP_KDF_OPTION} and the --kdf-* options do not go together.")
        return KdfCost.cheap()
    if memory_mib is None and passes is None:
        return None
    lowest_mib, highest_mib = DEFAULT_COST.memory_kib // 1024, MEMORY_KIB_BOUNDS[1] // 1024
    if memory_mib is not None and not lowest_mib <= memory_mib <= highest_mib:
        raise UserError(
            f"--kdf-memory-mib can raise the key-derivation memory from the default {lowest_mib} "
            f"up to {highest_mib} (4 GiB), never lower it. Nothing was changed."
        )
    lowest, highest = DEFAULT_COST.iterations, PASSES_BOUNDS[1]
    if passes is not None and not lowest <= passes <= highest:
        raise UserError(
            f"--kdf-iterations can raise the key-derivation passes from the default {lowest} up "
            f"to {highest}, never lower them. Nothing was changed."
        )
    cost = KdfCost(
        memory_kib=(memory_mib or lowest_mib) * 1024,
        iterations=passes or lowest,
        lanes=DEFAULT_COST.lanes,
    )
    check_cost_bounds(cost)
    return cost


def say_if_cheap(args: argparse.Namespace) -> None:
    """After a new wrap at the test-only cost: say so, so it is never silent."""
    if args.cheap_kdf_for_tests:
        print(
            f"Test-only cheap key derivation ({CHEAP_KDF_OPTION}): this secret is quick to "
            "guess from the vault's files. Never use it for a real journal.",
            file=sys.stderr,
        )


def upgrade_target(args: argparse.Namespace) -> KdfCost | None:
    """The cost a slot is upgraded to after an unlock: the cost a new wrap would get."""
    from recovery_desktop.storage.keys import KdfCost

    return KdfCost.cheap() if args.cheap_kdf_for_tests else new_wrap_cost(args)


def run_slot_upgrades(args: argparse.Namespace) -> None:
    """Re-wrap, at today's cost, the slots this command unlocked that were older or cheaper
    (DESIGN §3). Runs after the command's output; quiet, and retried at the next unlock if the
    disk refuses now. Each upgrade forgets its secret either way."""
    from recovery_desktop.storage.errors import VaultError

    target = upgrade_target(args)
    for upgrade in args.slot_upgrades:
        try:
            upgrade.run(target)
        except (VaultError, OSError):
            pass
        finally:
            upgrade.forget()
    args.slot_upgrades.clear()


# --- errors ----------------------------------------------------------------------------------


def explain(error: BaseException, args: argparse.Namespace | None = None) -> str | None:
    """A plain sentence for errors a person can act on; None for real bugs."""
    from recovery_desktop.core.validation import ValidationError
    from recovery_desktop.storage.errors import storage_failure_message

    if isinstance(error, UserError | ValidationError):
        return str(error)
    if isinstance(error, MemoryError):
        hint = ""
        if args is not None and getattr(args, "kdf_memory_mib", None) is not None:
            hint = " Choose a smaller --kdf-memory-mib (the default is 64)."
        return f"There was not enough memory to finish this. Nothing was changed.{hint}"
    return storage_failure_message(error)
