# SPDX-License-Identifier: GPL-3.0-or-later
"""`init` and `demo`: a new vault, with the set-up wizard's passphrase rule and the KDF floor.

A set-up that fails (not enough memory, a full disk, Ctrl+C) leaves nothing behind: the folders
it made are removed, and in a folder that was already there only what it added. Nothing that was
there before is ever touched.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

from recovery_desktop.cli.passphrases import check_new, passphrase
from recovery_desktop.cli.session import (
    UserError,
    new_wrap_cost,
    say_if_cheap,
    vault_dir,
)
from recovery_desktop.cli.terminal import show_recovery_code

MAX_DEMO_YEARS = 50


@contextlib.contextmanager
def undone_on_failure(folder: Path) -> Iterator[None]:
    """On any failure inside, remove what this set-up added: the first missing folder of
    `folder`'s path (and all under it), or, where `folder` already existed, only the names that
    were not in it before."""
    created: Path | None = None
    path = Path(os.path.abspath(folder))
    while not os.path.lexists(path) and path.parent != path:
        created, path = path, path.parent
    before = set(os.listdir(folder)) if created is None and Path(folder).is_dir() else None
    try:
        yield
    except BaseException:
        if created is not None:
            if created.is_dir() and not created.is_symlink():
                shutil.rmtree(created, ignore_errors=True)
        elif before is not None:
            for name in set(os.listdir(folder)) - before:
                _remove(Path(folder) / name)
        raise


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink()


def cmd_init(args: argparse.Namespace) -> int:
    from recovery_desktop.storage import Vault

    folder = vault_dir(args)
    cost = new_wrap_cost(args)
    chosen = check_new(passphrase(args, confirm=True, prompt="Choose a passphrase: "))
    with undone_on_failure(folder):
        vault, code = Vault.create(folder, chosen, cost)
        vault.close()
    say_if_cheap(args)
    print(f"Your vault is ready in {folder}.")
    print()
    show_recovery_code(code, first_line="Your recovery code (shown only this once):")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from recovery_desktop.demo.generator import generate_demo_vault

    if args.years is not None and not 0 < args.years <= MAX_DEMO_YEARS:
        raise UserError(
            f"--years is how many years of history: more than 0, at most {MAX_DEMO_YEARS}."
        )
    folder = vault_dir(args)
    cost = new_wrap_cost(args)
    chosen = check_new(passphrase(args, confirm=True, prompt="Choose a passphrase: "))

    def progress(done: int, total: int, what: str) -> None:
        if sys.stderr.isatty():
            print(f"\r{what}: {done:,}/{total:,}   ", end="", file=sys.stderr, flush=True)

    with undone_on_failure(folder):
        summary = generate_demo_vault(
            folder,
            chosen,
            scale=args.scale,
            years=args.years,
            seed=args.seed,
            cost=cost,
            progress=progress,
        )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    say_if_cheap(args)
    print(f"Demo vault written to {folder}: {summary}.")
    return 0
