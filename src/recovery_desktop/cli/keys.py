# SPDX-License-Identifier: GPL-3.0-or-later
"""`change-passphrase`, `new-recovery-code` and `change-key` (issue 6, points 1 and 2).

Each says what happened to the key copies the app manages (the backups in the vault folder),
and that copies moved elsewhere keep the passphrase and recovery code of their day.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_desktop.cli import terminal
from recovery_desktop.cli.passphrases import new_passphrase, passphrase, recovery_code
from recovery_desktop.cli.session import (
    UserError,
    existing_vault_dir,
    new_wrap_cost,
    remember,
    say_if_cheap,
)

if TYPE_CHECKING:
    from recovery_desktop.storage.key_copies import CopiesReport
    from recovery_desktop.storage.rekey import OldBackups, RekeyReport

ELSEWHERE = (
    "Copies of the vault that you moved or copied elsewhere (another folder, a drive) keep the "
    "passphrase and recovery code of the day they were made."
)


def _copies(n: int) -> str:
    return "1 backup" if n == 1 else f"{n} backups"


def _either(n: int, one: str, many: str) -> str:
    """The sentence for one copy or for `n` of them (`{n}` in `many`)."""
    return one if n == 1 else many.replace("{n}", f"{n:,}")


def print_copies_report(report: CopiesReport, backups: Path, what: str) -> None:
    """What a new passphrase or recovery code did to the managed copies in `backups`."""
    if report.updated:
        print(
            _either(
                len(report.updated),
                f"The backup in {backups} now opens with {what} too.",
                f"The {{n}} backups in {backups} now open with {what} too.",
            )
        )
    if report.other_key:
        print(
            _either(
                len(report.other_key),
                f"1 backup in {backups} was made under the vault's earlier key and was left as "
                "it was: it still opens with the passphrase and recovery code of its day. "
                "Delete it when you no longer need it.",
                f"{{n}} backups in {backups} were made under the vault's earlier key and were "
                "left as they were: they still open with the passphrase and recovery code of "
                "their day. Delete them when you no longer need them.",
            )
        )
    for copy, reason in report.failed:
        print(
            f"The backup {copy.db.name} in {backups} could not be updated ({reason}); it still "
            "opens with the old secrets. Delete it, or try again.",
        )
    print(ELSEWHERE)


def cmd_change_passphrase(args: argparse.Namespace) -> int:
    from recovery_desktop.storage import Vault

    folder = existing_vault_dir(args)
    cost = new_wrap_cost(args)
    if args.recovery_code:
        vault = Vault.open_with_recovery_code(folder, recovery_code())
    else:
        vault = Vault.open(folder, passphrase(args, prompt="Current passphrase: "))
    with remember(args, vault):
        report = vault.change_passphrase(new_passphrase(args), cost)
    say_if_cheap(args)
    print("Your passphrase has been changed. Your recovery code still works.")
    print_copies_report(report, vault.backups_dir, "the new passphrase")
    return 0


def cmd_new_recovery_code(args: argparse.Namespace) -> int:
    from recovery_desktop.storage import Vault
    from recovery_desktop.storage.keys import generate_recovery_code

    folder = existing_vault_dir(args)
    cost = new_wrap_cost(args)
    vault = Vault.open(folder, passphrase(args))
    with remember(args, vault):
        code = generate_recovery_code()
        report = vault.set_recovery_code(code, cost)
    say_if_cheap(args)
    print("Your vault has a new recovery code. The old one no longer opens it.")
    print()
    terminal.show_recovery_code(code, first_line="Your new recovery code (shown only this once):")
    print()
    print_copies_report(report, vault.backups_dir, "the new recovery code")
    return 0


# --- change-key ------------------------------------------------------------------------------


def _old_backups_choice(args: argparse.Namespace, count: int, backups: Path) -> OldBackups:
    """What to do with `count` backups under the old key: the option, else asked at a terminal;
    never decided silently."""
    from recovery_desktop.storage.rekey import OldBackups

    if count == 0:
        return OldBackups.KEEP  # nothing to decide
    if args.old_backups is not None:
        choice = OldBackups(args.old_backups)
    elif terminal.stdin_is_terminal():
        print(
            _either(
                count,
                f"1 backup in {backups} was made under the vault's current key: it opens with "
                "your current passphrase and recovery code.",
                f"{{n}} backups in {backups} were made under the vault's current key: they open "
                "with your current passphrase and recovery code.",
            )
            + "\n"
            "What should happen to them?\n"
            "  reencrypt  re-encrypt them under the new key (recommended)\n"
            "  delete     delete them: you can no longer go back to them\n"
            "  keep       keep them as they are: whoever knows your current passphrase or "
            "recovery code can still read them",
            file=sys.stderr,
        )
        choice = OldBackups(
            terminal.ask_choice("Type reencrypt, delete or keep: ", [c.value for c in OldBackups])
        )
    else:
        raise UserError(
            f"There {'is' if count == 1 else 'are'} {_copies(count)} made under the vault's "
            "current key. Say what should happen to them with --old-backups reencrypt, delete "
            "or keep. Nothing was changed."
        )
    if choice is OldBackups.KEEP:
        print(
            _either(
                count,
                "Keeping 1 backup as it is: it will still open with your current passphrase "
                "and recovery code.",
                "Keeping {n} backups as they are: they will still open with your current "
                "passphrase and recovery code.",
            ),
            file=sys.stderr,
        )
    elif choice is OldBackups.DELETE:
        print(f"Deleting {_copies(count)} made under the current key.", file=sys.stderr)
    return choice


def _print_rekey_report(report: RekeyReport, backups: Path) -> None:
    if report.reencrypted:
        print(
            _either(
                len(report.reencrypted),
                f"The backup in {backups} now uses the new key, passphrase and recovery code.",
                f"The {{n}} backups in {backups} now use the new key, passphrase and recovery "
                "code.",
            )
        )
    if report.deleted:
        print(
            _either(
                len(report.deleted),
                "The backup made under the old key was deleted.",
                "The {n} backups made under the old key were deleted.",
            )
        )
    if report.kept:
        print(
            _either(
                len(report.kept),
                f"1 backup in {backups} was kept under the old key: it still opens with your "
                "old passphrase and recovery code. Delete it when you no longer need it.",
                f"{{n}} backups in {backups} were kept under the old key: they still open with "
                "your old passphrase and recovery code. Delete them when you no longer need "
                "them.",
            )
        )
    print(ELSEWHERE)


def cmd_change_key(args: argparse.Namespace) -> int:
    """New data key, passphrase and recovery code. Refused while another window or program has
    the vault open (`VaultInUseError`); crash-safe (`storage/rekey.py`)."""
    from recovery_desktop.storage import Vault
    from recovery_desktop.storage.keys import generate_recovery_code
    from recovery_desktop.storage.layout import BACKUPS_NAME
    from recovery_desktop.storage.rekey import change_vault_key, old_key_backups

    folder = existing_vault_dir(args)
    cost = new_wrap_cost(args)
    unlocked = Vault.unlock_key(folder, passphrase(args, prompt="Current passphrase: "))
    # Open it once: the folder is checked, the journal is there and up to date. And ask for
    # the vault alone now, before anyone types a new passphrase for nothing.
    with remember(args, Vault.from_data_key(folder, unlocked)) as vault:
        vault.use_lock.upgrade_to_exclusive()
    backups = folder / BACKUPS_NAME
    choice = _old_backups_choice(args, len(old_key_backups(folder, unlocked.data_key)), backups)
    chosen = new_passphrase(args)
    code = generate_recovery_code()

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(
                f"\rChanging the key: step {done} of {total} ", end="", file=sys.stderr, flush=True
            )

    report = change_vault_key(
        folder, unlocked.data_key, chosen, code, old_backups=choice, cost=cost, progress=progress
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    say_if_cheap(args)
    print(
        "The vault's key has been changed: your journal is now encrypted under a new key, and "
        "only your new passphrase and the recovery code below open it."
    )
    print()
    terminal.show_recovery_code(code, first_line="Your new recovery code (shown only this once):")
    print()
    _print_rekey_report(report, backups)
    return 0
