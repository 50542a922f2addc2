# SPDX-License-Identifier: GPL-3.0-or-later
"""`backup` and `restore` (DESIGN §7, issue 9 point 3): the same code as the app's Export &
backup page (`storage/backup.py`, `storage/restore.py`).

Both check what they can before asking for a secret: where the backup goes (or that the file
is a backup), and that no other window or program has the vault open (restore). Ctrl+C leaves
no partial backup, and a restore stopped before its switch leaves the vault as it was.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from recovery_desktop.cli.passphrases import passphrase, recovery_code
from recovery_desktop.cli.session import UserError, open_vault, vault_dir

TOGETHER = (
    "It is a folder of three files: keep them together, and copy the whole folder to take it "
    "elsewhere."
)


def _progress(what: str) -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\r{what}: {100 * done // max(total, 1)}% ", end="", file=sys.stderr, flush=True)

    return show


def _end_progress() -> None:
    if sys.stderr.isatty():
        print(file=sys.stderr)


def _when(moment: datetime | None) -> str:
    if moment is None:
        return "on a day it does not say"
    return moment.astimezone().strftime("on %Y-%m-%d at %H:%M")


def _destination(out: Path | None) -> tuple[Path | None, str | None]:
    """(folder to write into, name) for --out: an existing folder takes the backup inside it;
    a new name becomes the backup. Checked before any passphrase is asked for."""
    from recovery_desktop.storage.backup_format import manifest_of

    if out is None:
        return None, None
    out = out.expanduser()
    if out.is_dir() and not out.is_symlink() and manifest_of(out) is None:
        return out, None
    if out.exists() or out.is_symlink():
        raise UserError(
            f"{out} already exists. Give a new name for the backup, or an existing folder to "
            "put it in. Nothing was written."
        )
    if not out.parent.is_dir():
        raise UserError(
            f"The folder {out.parent} does not exist. Make it first, or choose another place. "
            "Nothing was written."
        )
    return out.parent, out.name


def cmd_backup(args: argparse.Namespace) -> int:
    into, name = _destination(args.out)
    with open_vault(args) as vault:
        try:
            info = vault.make_backup(into=into, name=name, progress=_progress("Backing up"))
        finally:
            _end_progress()
        looked_after = info.path.parent
    print(f"Your journal is backed up in {info.path}")
    print(TOGETHER)
    print(
        "It opens with your passphrase or recovery code. While it stays in "
        f"{looked_after}, it follows when you change them; a copy you move elsewhere keeps "
        "today's."
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from recovery_desktop.storage.backup_check import locate_backup
    from recovery_desktop.storage.folder import check_vault_folder
    from recovery_desktop.storage.keys import PASSPHRASE_SLOT, RECOVERY_SLOT
    from recovery_desktop.storage.layout import vault_exists
    from recovery_desktop.storage.restore import restore_backup
    from recovery_desktop.storage.vault_lock import exclusive_vault_lock

    folder = vault_dir(args)
    locate_backup(args.backup)  # a file that is no backup is refused before any prompt
    if vault_exists(folder):
        check_vault_folder(folder)
        with exclusive_vault_lock(folder):
            pass  # refused now, while open elsewhere, before anyone types a passphrase
    if args.recovery_code:
        slot, secret = RECOVERY_SLOT, recovery_code()
    else:
        slot = PASSPHRASE_SLOT
        secret = passphrase(args, prompt="Passphrase of the backup: ")
    try:
        result = restore_backup(args.backup, folder, secret, slot, progress=_progress("Restoring"))
    finally:
        _end_progress()
    print(f"Your journal was restored from the backup made {_when(result.created_at)}.")
    what = "passphrase" if slot == PASSPHRASE_SLOT else "recovery code"
    if result.key_file_changed:
        print(
            "The vault now opens with the passphrase and recovery code that backup had "
            f"(the {what} you just typed works)."
        )
    else:
        print("The vault opens with the same passphrase and recovery code as before.")
    command = "recovery-desktop change-passphrase"
    if args.vault is not None:
        command += f" --vault {shlex.quote(str(folder))}"
    if slot == RECOVERY_SLOT:
        command += " --recovery-code"
    print(f"To choose a new passphrase now, run: {command}")
    if result.kept is not None:
        print(
            f"The vault as it was before is kept in {result.kept.path}; you can restore it "
            "the same way. Delete it when you no longer need it."
        )
    if result.upgrade_pending:
        print("The backup was made by an earlier version: the vault is upgraded when it is next opened.")
    return 0
