# SPDX-License-Identifier: GPL-3.0-or-later
"""Where the command line's secrets come from, and the rule a new passphrase must meet.

Secrets come from a file (`--passphrase-file`), a variable (for scripts, as restic and borg do)
or a prompt on the terminal; never from an option's value (`arguments.refuse_secrets`). A new
passphrase meets the same rule as in the set-up wizard (`core/passphrase_strength.py`).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from recovery_desktop.cli.arguments import NEW_PASSPHRASE_ENV, PASSPHRASE_ENV, RECOVERY_CODE_ENV
from recovery_desktop.cli.session import UserError

BOM = "\ufeff"
MAX_SECRET_FILE_BYTES = 64 * 1024


def read_secret_file(path: Path) -> str:
    """The passphrase in `path`: UTF-8, one line. A leading byte-order mark (as Windows editors
    write) and the line break at the end are not part of it."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_SECRET_FILE_BYTES + 1)
    except OSError as error:
        raise UserError(
            f"Cannot read the passphrase file {path}: {error.strerror or error}."
        ) from None
    if len(raw) > MAX_SECRET_FILE_BYTES:
        raise UserError(
            f"The passphrase file {path} is far too large to hold a passphrase. Nothing was "
            "changed; please check the file name."
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(
            f"The passphrase file {path} is not plain text (UTF-8). "
            "Save it as plain text and try again."
        ) from None
    text = text.removeprefix(BOM).rstrip("\r\n")
    if not text:
        raise UserError(f"The passphrase file {path} is empty. Nothing was changed.")
    return text


def prompt_secret(prompt: str, *, confirm: bool = False, what: str = "passphrases") -> str:
    """Ask on the terminal without echo; refuse plainly where there is no terminal."""
    if not sys.stdin.isatty():
        raise UserError(
            f"No passphrase given. Set {PASSPHRASE_ENV}, use --passphrase-file, or run in a "
            "terminal."
        )
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Once more, to be sure: ") != first:
        raise UserError(f"The two {what} were not the same. Nothing was changed.")
    return first


def passphrase(
    args: argparse.Namespace, *, confirm: bool = False, prompt: str = "Passphrase: "
) -> str:
    """The passphrase from --passphrase-file, the variable, or the prompt (in that order)."""
    if getattr(args, "passphrase_file", None) is not None:
        return read_secret_file(args.passphrase_file)
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    return prompt_secret(prompt, confirm=confirm)


def recovery_code() -> str:
    code = os.environ.get(RECOVERY_CODE_ENV)
    if code:
        return code
    if not sys.stdin.isatty():
        raise UserError(f"No recovery code given. Set {RECOVERY_CODE_ENV}, or run in a terminal.")
    return getpass.getpass("Recovery code: ")


def new_passphrase(args: argparse.Namespace) -> str:
    """The new passphrase of change-passphrase and change-key, checked by `check_new`."""
    if args.new_passphrase_file is not None:
        chosen = read_secret_file(args.new_passphrase_file)
    elif os.environ.get(NEW_PASSPHRASE_ENV):
        chosen = os.environ[NEW_PASSPHRASE_ENV]
    else:
        chosen = prompt_secret("New passphrase: ", confirm=True)
    return check_new(chosen)


def check_new(chosen: str) -> str:
    """The set-up wizard's rule: long enough and not on the lists people try first."""
    from recovery_desktop.core.passphrase_strength import MIN_CHARS, Level, estimate

    level = estimate(chosen).level
    if level == Level.TOO_SHORT:
        raise UserError(
            f"Please choose a passphrase of at least {MIN_CHARS} characters; a few unrelated "
            "words work well. Nothing was changed."
        )
    if level == Level.COMMON:
        raise UserError(
            "That passphrase is on the lists people try first. Please choose something only "
            "you would think of; a few unrelated words work well. Nothing was changed."
        )
    return chosen
