# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line (DESIGN §7). With no command it opens the desktop app.

Exit codes: 0 done, 1 user error (one plain line on stderr, no traceback), 2 usage.
The passphrase comes from `RECOVERY_DESKTOP_PASSPHRASE`, `--passphrase-file`, or a prompt.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from recovery_desktop import __version__

PASSPHRASE_ENV = "RECOVERY_DESKTOP_PASSPHRASE"
NEW_PASSPHRASE_ENV = "RECOVERY_DESKTOP_NEW_PASSPHRASE"
MIN_PASSPHRASE_CHARS = 8


class UserError(Exception):
    """A problem the person can fix; printed as one line, exit code 1."""


# --- arguments -------------------------------------------------------------------------------


def _shared_options(*, in_command: bool) -> argparse.ArgumentParser:
    """--vault and --passphrase-file, accepted before or after the command. After it they
    default to SUPPRESS, so they never overwrite what was given before it."""
    default = argparse.SUPPRESS if in_command else None
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument(
        "--vault", type=Path, default=default, help="the vault folder (default: your data folder)"
    )
    shared.add_argument(
        "--passphrase-file",
        type=Path,
        default=default,
        help=f"read the passphrase from this file (or set {PASSPHRASE_ENV})",
    )
    return shared


def _parser() -> argparse.ArgumentParser:
    common = _shared_options(in_command=True)
    kdf = argparse.ArgumentParser(add_help=False)
    kdf.add_argument(
        "--kdf-memory-mib", type=int, default=64, help="Argon2id memory (default 64 MiB)"
    )
    kdf.add_argument("--kdf-iterations", type=int, default=3, help="Argon2id passes (default 3)")

    parser = argparse.ArgumentParser(
        prog="recovery-desktop",
        description="A private journal and connection tracker. Without a command, opens the app.",
        parents=[_shared_options(in_command=False)],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open a throwaway demo vault in the app"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser(
        "init", parents=[common, kdf], help="create a new vault; shows the recovery code once"
    )

    add = commands.add_parser("add", parents=[common], help="add a journal entry (text or stdin)")
    add.add_argument("text", nargs="?", help="the entry; read from standard input when left out")
    add.add_argument("--title", default="")
    add.add_argument("--mood", type=int, help="1 (awful) to 5 (great)")
    add.add_argument("--craving", type=int, help="0 (none) to 10 (strongest)")
    add.add_argument("--tag", action="append", default=[], help="a tag; repeat for more")
    add.add_argument("--date", help="the entry's day, YYYY-MM-DD (default: today)")
    add.add_argument(
        "--visibility",
        choices=["private", "normal", "shared"],
        default="normal",
        help="private entries never leave the vault; shared ones may go into a counselor report",
    )

    search = commands.add_parser("search", parents=[common], help="search the journal")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=50)

    change = commands.add_parser(
        "change-passphrase", parents=[common, kdf], help="choose a new passphrase"
    )
    change.add_argument(
        "--recovery-code",
        action="store_true",
        help="open with the recovery code instead of the passphrase",
    )
    change.add_argument("--new-passphrase-file", type=Path)

    demo = commands.add_parser("demo", parents=[common, kdf], help="write a believable demo vault")
    demo.add_argument("--scale", choices=["small", "large"], default="small")
    demo.add_argument("--years", type=float, help="how many years of history (default: by scale)")
    demo.add_argument("--seed", type=int, default=7)
    return parser


# --- passphrases -----------------------------------------------------------------------------


def _read_secret_file(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise UserError(
            f"Cannot read the passphrase file {path}: {error.strerror or error}."
        ) from None
    except UnicodeDecodeError:
        raise UserError(
            f"The passphrase file {path} is not plain text (UTF-8). "
            "Save it as plain text and try again."
        ) from None
    return text.rstrip("\r\n")


def _passphrase(
    args: argparse.Namespace, *, confirm: bool = False, prompt: str = "Passphrase: "
) -> str:
    if args.passphrase_file is not None:
        return _read_secret_file(args.passphrase_file)
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    return _prompt(prompt, confirm=confirm)


def _prompt(prompt: str, *, confirm: bool) -> str:
    if not sys.stdin.isatty():
        raise UserError(
            f"No passphrase given. Set {PASSPHRASE_ENV}, use --passphrase-file, or run in a terminal."
        )
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Once more, to be sure: ") != first:
        raise UserError("The two passphrases were not the same. Nothing was changed.")
    return first


def _check_new_passphrase(passphrase: str) -> str:
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise UserError(
            f"Please choose a passphrase of at least {MIN_PASSPHRASE_CHARS} characters; "
            "a few unrelated words work well."
        )
    return passphrase


def _vault_dir(args: argparse.Namespace) -> Path:
    if args.vault is not None:
        return args.vault.expanduser()
    from recovery_desktop.config import default_vault_dir

    return default_vault_dir()


def _kdf_cost(args: argparse.Namespace):  # -> KdfCost
    from recovery_desktop.storage import KdfCost

    if args.kdf_memory_mib < 1 or args.kdf_iterations < 1:
        raise UserError("The key-derivation cost must be at least 1 MiB and 1 pass.")
    return KdfCost(memory_kib=args.kdf_memory_mib * 1024, iterations=args.kdf_iterations)


# --- commands --------------------------------------------------------------------------------


def _open(args: argparse.Namespace):  # -> Vault
    from recovery_desktop.storage import Vault, VaultNotFoundError
    from recovery_desktop.storage.vault import vault_exists

    folder = _vault_dir(args)
    if not vault_exists(folder):
        raise VaultNotFoundError(folder)
    return Vault.open(folder, _passphrase(args))


def cmd_init(args: argparse.Namespace) -> int:
    from recovery_desktop.storage import Vault

    folder = _vault_dir(args)
    passphrase = _check_new_passphrase(
        _passphrase(args, confirm=True, prompt="Choose a passphrase: ")
    )
    vault, code = Vault.create(folder, passphrase, _kdf_cost(args))
    vault.close()
    print(f"Your vault is ready in {folder}.")
    print()
    print("Your recovery code (shown only this once):")
    print()
    print(f"    {code}")
    print()
    print("Write it down and keep it somewhere safe. It opens the vault if you forget your")
    print("passphrase. Anyone who has it can read your journal, so keep it private.")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from recovery_desktop.core.models import Entry, Visibility
    from recovery_desktop.core.validation import check_date, parse_date

    text = args.text if args.text is not None else sys.stdin.read()
    if not text.strip() and not args.title.strip():
        raise UserError(
            "Nothing to add: give the entry's text as an argument or on standard input."
        )
    # As in the app: an entry may be dated up to a week ahead (plans, a trip), not years.
    latest = date.today() + timedelta(days=7)
    day = (
        check_date(parse_date(args.date, what="The date"), what="The date", latest=latest)
        if args.date
        else date.today()
    )
    with _open(args) as vault:
        entry = vault.entries.save(
            Entry(
                entry_date=day,
                title=args.title,
                body=text.rstrip("\n"),
                mood=args.mood,
                craving=args.craving,
                tags=tuple(args.tag),
                visibility=Visibility(args.visibility),
            )
        )
    print(f"Saved entry {entry.id} for {day.isoformat()}.")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from recovery_desktop.core.models import SNIPPET_END, SNIPPET_START

    if args.limit < 1:
        raise UserError("--limit is the number of results to show, 1 or more.")
    with _open(args) as vault:
        if vault.search_index.rebuild_pending():  # once, after an upgrade
            print("Preparing search for the first time…", file=sys.stderr, flush=True)
            vault.search_index.rebuild()
        results = vault.entries.search(args.query, limit=args.limit)
    if not results:
        print(f"No entries found for “{args.query}”.", file=sys.stderr)
        return 0
    bold, plain = ("\x1b[1m", "\x1b[0m") if sys.stdout.isatty() else ("[", "]")
    for result in results:
        snippet = (
            " ".join(result.snippet.split())
            .replace(SNIPPET_START, bold)
            .replace(SNIPPET_END, plain)
        )
        title = f" {result.title} —" if result.title else ""
        print(f"{result.entry_date.isoformat()} #{result.id}{title} {snippet}")
    return 0


def cmd_change_passphrase(args: argparse.Namespace) -> int:
    from recovery_desktop.storage import Vault, VaultNotFoundError
    from recovery_desktop.storage.vault import vault_exists

    folder = _vault_dir(args)
    if not vault_exists(folder):
        raise VaultNotFoundError(folder)
    if args.recovery_code:
        code = os.environ.get("RECOVERY_DESKTOP_RECOVERY_CODE") or _prompt(
            "Recovery code: ", confirm=False
        )
        vault = Vault.open_with_recovery_code(folder, code)
    else:
        vault = Vault.open(folder, _passphrase(args, prompt="Current passphrase: "))
    with vault:
        if args.new_passphrase_file is not None:
            new = _read_secret_file(args.new_passphrase_file)
        elif os.environ.get(NEW_PASSPHRASE_ENV):
            new = os.environ[NEW_PASSPHRASE_ENV]
        else:
            new = _prompt("New passphrase: ", confirm=True)
        cost = None
        if (args.kdf_memory_mib, args.kdf_iterations) != (64, 3):
            cost = _kdf_cost(args)
        vault.change_passphrase(_check_new_passphrase(new), cost)
    print("Your passphrase has been changed. Your recovery code still works.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from recovery_desktop.demo.generator import generate_demo_vault

    folder = _vault_dir(args)
    passphrase = _check_new_passphrase(
        _passphrase(args, confirm=True, prompt="Choose a passphrase: ")
    )

    def progress(done: int, total: int, what: str) -> None:
        if sys.stderr.isatty():
            print(f"\r{what}: {done:,}/{total:,}   ", end="", file=sys.stderr, flush=True)

    summary = generate_demo_vault(
        folder,
        passphrase,
        scale=args.scale,
        years=args.years,
        seed=args.seed,
        cost=_kdf_cost(args),
        progress=progress,
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"Demo vault written to {folder}: {summary}.")
    return 0


COMMANDS = {
    "init": cmd_init,
    "add": cmd_add,
    "search": cmd_search,
    "change-passphrase": cmd_change_passphrase,
    "demo": cmd_demo,
}


def _explain(error: BaseException) -> str | None:
    """A plain sentence for errors a person can act on; None for real bugs."""
    from recovery_desktop.core.validation import ValidationError
    from recovery_desktop.storage.errors import storage_failure_message

    if isinstance(error, UserError | ValidationError):
        return str(error)
    return storage_failure_message(error)


def main(argv: Sequence[str] | None = None) -> int:
    from recovery_desktop.hardening import disable_core_dumps

    disable_core_dumps()  # before anything is decrypted: no plain text in crash output
    args = _parser().parse_args(argv)
    if args.command is None:
        from recovery_desktop.app import run_gui

        return run_gui(args.vault, demo=args.demo)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print("Stopped. Nothing was half-written.", file=sys.stderr)
        return 1
    except Exception as error:
        message = _explain(error)
        if message is None:
            raise
        print(message, file=sys.stderr)
        return 1
