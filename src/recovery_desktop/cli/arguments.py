# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line's options (DESIGN §7): never abbreviated, and never a secret.

Two rules keep secrets off the command line, where shell history and `ps` would keep them:
- `--passphrase SECRET` (or any shortening of a passphrase option, or `--recovery-code=CODE`) is
  refused before anything else, and the message never repeats what followed it.
- argparse's own "unrecognized arguments" message would echo every stray word; ours names the
  stray options and leaves their values out.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from recovery_desktop import __version__

PASSPHRASE_ENV = "RECOVERY_DESKTOP_PASSPHRASE"
NEW_PASSPHRASE_ENV = "RECOVERY_DESKTOP_NEW_PASSPHRASE"
RECOVERY_CODE_ENV = "RECOVERY_DESKTOP_RECOVERY_CODE"
# Test-only: new wraps use `KdfCost.cheap()` (DESIGN §3's exemption, asked for in code). Hidden
# from --help, said on stderr whenever it weakens a new wrap, never read from a file or a variable.
CHEAP_KDF_OPTION = "--cheap-kdf-for-tests"
OLD_BACKUPS_CHOICES = ("reencrypt", "delete", "keep")

_SECRET_FILE_OPTIONS = ("--passphrase-file", "--new-passphrase-file")
_SECRET_PREFIXES = ("--passphrase", "--new-passphrase")

ENTRY_TEXT_HELP = """\
The entry's text is best typed at the prompt (`recovery-desktop add`, then Ctrl+D on a new line
to save) or piped in (`recovery-desktop add < note.txt`). The text argument is for scripts: what
you give there is kept in your shell's history file, unencrypted, and other programs on this
computer can see it while the command runs (`ps`).

examples:
  recovery-desktop add --mood 4 --tag sponsor       # type the entry, then Ctrl+D
  recovery-desktop add --title Evening < note.txt   # from a file or a pipe
"""

REPORT_HELP = """\
The report holds your key figures beside the period before, the days (or weeks), charts, goals
and commitments, what helps, and the entries you marked "shared". Private entries never appear,
and normal ones only in the figures. Your safety plan is added only with --include-safety-plan.

examples:
  recovery-desktop report --from 2025-03-01 --to 2025-03-31 --out march.pdf
  recovery-desktop report --from 2025-03-01 --to 2025-03-31 --out march.pdf --talk-about - < agenda.txt
"""

PASSPHRASE_HELP = f"""\
The passphrase comes from a prompt, from --passphrase-file FILE, or from the variable
{PASSPHRASE_ENV} (for scripts). It is never taken on the command line, and options are
never abbreviated.
Exit codes: 0 done, 1 a problem you can fix (explained in one line), 2 a mistyped command.
"""


class SecretOnCommandLine(Exception):
    """A secret was given as an option; the message never repeats it."""


class _Parser(argparse.ArgumentParser):
    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            shown = " ".join(_masked(word) for word in extras)
            self.error(
                f"unrecognized arguments: {shown} (values are not repeated here, in case one "
                "is a secret)"
            )
        return parsed


def _masked(word: str) -> str:
    if word.startswith("-") and len(word) > 1:
        name, equals, _ = word.partition("=")
        return f"{name}=…" if equals else name
    return "…"


def refuse_secrets(argv: Sequence[str]) -> None:
    """Raise `SecretOnCommandLine` for `--passphrase ...`, any shortening of a passphrase
    option (`--pass`, `--passphrase-f`, ...) and `--recovery-code=...`. Stops at `--`."""
    for word in argv:
        if word == "--":
            return
        if not word.startswith("--"):
            continue
        name, equals, _ = word.partition("=")
        if name in _SECRET_FILE_OPTIONS:
            continue
        if name == "--recovery-code" and equals:
            raise SecretOnCommandLine(
                "A recovery code is never taken on the command line, where shell history and "
                f"`ps` would keep it. Type it at the prompt, or set {RECOVERY_CODE_ENV}. "
                "Nothing was done."
            )
        shortened = len(name) > 2 and any(o.startswith(name) for o in _SECRET_FILE_OPTIONS)
        if shortened or name.startswith(_SECRET_PREFIXES):
            raise SecretOnCommandLine(
                "A passphrase is never taken on the command line, where shell history and `ps` "
                "would keep it, and options are never shortened. Type it at the prompt, or use "
                f"--passphrase-file FILE or {PASSPHRASE_ENV}. Nothing was done."
            )


def _shared_options(*, in_command: bool) -> argparse.ArgumentParser:
    """--vault and --passphrase-file, accepted before or after the command. After it they
    default to SUPPRESS, so they never overwrite what was given before it."""
    default = argparse.SUPPRESS if in_command else None
    shared = _Parser(add_help=False, allow_abbrev=False)
    shared.add_argument(
        "--vault", type=Path, default=default, help="the vault folder (default: your data folder)"
    )
    shared.add_argument(
        "--passphrase-file",
        type=Path,
        default=default,
        metavar="FILE",
        help=f"read the passphrase from this file (UTF-8), or set {PASSPHRASE_ENV}",
    )
    shared.add_argument(
        CHEAP_KDF_OPTION,
        action="store_true",
        default=argparse.SUPPRESS if in_command else False,
        help=argparse.SUPPRESS,
    )
    return shared


def _kdf_options() -> argparse.ArgumentParser:
    kdf = _Parser(add_help=False, allow_abbrev=False)
    kdf.add_argument(
        "--kdf-memory-mib",
        type=int,
        metavar="MIB",
        help="Argon2id memory for the new passphrase: 64 MiB (the default) up to 4096",
    )
    kdf.add_argument(
        "--kdf-iterations",
        type=int,
        metavar="N",
        help="Argon2id passes: 3 (the default) up to 64; the cost can be raised, never lowered",
    )
    return kdf


def _new_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--new-passphrase-file",
        type=Path,
        metavar="FILE",
        help=f"read the new passphrase from this file, or set {NEW_PASSPHRASE_ENV}",
    )


def mood_pair(text: str) -> tuple[str, int | None]:
    """`--mood-map NAME=N`: a Daylio mood name and 1-5, or `none` for no mood."""
    name, equals, value = text.rpartition("=")
    level = {"none": None, **{str(n): n for n in range(1, 6)}}
    if not equals or not name.strip() or value.strip().lower() not in level:
        raise argparse.ArgumentTypeError(
            "give NAME=N, where N is 1 (awful) to 5 (great) or none, for example tired=2"
        )
    return name.strip(), level[value.strip().lower()]


def _app_parser() -> argparse.ArgumentParser:
    """The options before any command: all that opening the app needs."""
    parser = _Parser(
        prog="recovery-desktop",
        description="A private journal and connection tracker. Without a command, opens the app.",
        epilog=PASSPHRASE_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[_shared_options(in_command=False)],
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open a throwaway demo vault in the app"
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    common = _shared_options(in_command=True)
    kdf = _kdf_options()
    parser = _app_parser()
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help: str, *, kdf_options: bool = False, **kwargs: object):
        parents = [common, kdf] if kdf_options else [common]
        return commands.add_parser(name, parents=parents, help=help, allow_abbrev=False, **kwargs)

    command("init", "create a new vault; shows the recovery code once", kdf_options=True)

    add = command(
        "add",
        "add a journal entry: type it at the prompt or pipe it in",
        description="Add a journal entry.",
        epilog=ENTRY_TEXT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add.add_argument(
        "text",
        nargs="?",
        help="for scripts only: the entry's text (kept in shell history and visible in ps); "
        "leave it out to type the entry or pipe it in",
    )
    add.add_argument("--title", default="", help="a title (optional)")
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

    search = command("search", "search the journal")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=50, help="how many results (default 50)")

    export = command(
        "export",
        "write everything in the vault to a JSON file or CSV files (not encrypted)",
        description="Export the vault. The file is not encrypted: anyone who has it can read it.",
    )
    export.add_argument("--format", choices=["json", "csv"], required=True)
    export.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="PATH",
        help="json: the file (replaced whole); csv: a zip when PATH ends in .zip, otherwise a "
        "new or empty folder",
    )
    export.add_argument(
        "--include-private",
        action="store_true",
        help="also export entries marked private (left out unless you ask)",
    )

    import_ = command(
        "import",
        "bring in entries or contacts from another app; shows what would come in first",
        description="Import a file. Nothing is written before you say yes (or give --yes).",
    )
    import_.add_argument("kind", choices=["daylio", "jrnl", "dayone", "vcard", "json"])
    import_.add_argument("file", type=Path)
    import_.add_argument("--yes", action="store_true", help="import without asking")
    import_.add_argument(
        "--mood-map",
        type=mood_pair,
        action="append",
        default=[],
        metavar="NAME=N",
        help="Daylio: the mood NAME becomes 1 (awful) to 5 (great), or none; repeat for more",
    )

    change = command("change-passphrase", "choose a new passphrase", kdf_options=True)
    change.add_argument(
        "--recovery-code",
        action="store_true",
        help=f"open with the recovery code (prompt, or {RECOVERY_CODE_ENV}) instead",
    )
    _new_passphrase_option(change)

    command(
        "new-recovery-code",
        "make a new recovery code, shown once; the old one stops working",
        kdf_options=True,
    )

    change_key = command(
        "change-key",
        "give the vault a new key, passphrase and recovery code (if someone may know yours)",
        kdf_options=True,
    )
    _new_passphrase_option(change_key)
    change_key.add_argument(
        "--old-backups",
        choices=OLD_BACKUPS_CHOICES,
        help="what to do with backups made under the old key (asked when left out in a "
        "terminal): re-encrypt them under the new key, delete them, or keep them as they are",
    )

    backup = command(
        "backup",
        "write an encrypted backup of the vault (a folder of three files)",
        description="Write an encrypted backup: it opens with your passphrase or recovery code.",
    )
    backup.add_argument(
        "--out",
        type=Path,
        metavar="PATH",
        help="a new folder to write the backup as, or an existing folder to put it in "
        "(default: the vault's folder for backups)",
    )

    restore = command(
        "restore",
        "put a backup in place of the vault; the vault as it was is kept as a backup",
        description="Restore a backup. It is checked first; the vault as it was is kept in "
        "its backups folder. Afterwards the vault opens with the backup's passphrase and "
        "recovery code.",
    )
    restore.add_argument(
        "backup",
        type=Path,
        metavar="FILE",
        help="the backup: its folder (or a file in it), or a copy taken before an upgrade "
        "(NAME.db, with NAME.keys beside it)",
    )
    restore.add_argument(
        "--recovery-code",
        action="store_true",
        help=f"open the backup with its recovery code (prompt, or {RECOVERY_CODE_ENV}) instead",
    )

    report = command(
        "report",
        "make the counselor report (PDF) for a period; needs no display",
        description="Make the counselor report: a PDF of the period you choose, to share.",
        epilog=REPORT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    report.add_argument(
        "--from", dest="first", required=True, metavar="DATE", help="the first day, YYYY-MM-DD"
    )
    report.add_argument(
        "--to",
        dest="last",
        required=True,
        metavar="DATE",
        help="the last day, YYYY-MM-DD (today at the latest)",
    )
    report.add_argument(
        "--out", type=Path, required=True, metavar="FILE.pdf", help="where to save the PDF"
    )
    report.add_argument(
        "--include-safety-plan",
        action="store_true",
        help="add your safety plan (left out unless asked)",
    )
    report.add_argument(
        "--talk-about",
        metavar="FILE",
        help="“What I'd like to talk about” from this UTF-8 file, or - for standard input",
    )
    report.add_argument(
        "--name", default="", help="a name or initials for the first page (optional)"
    )
    report.add_argument(
        "--paper",
        choices=["a4", "letter"],
        help="the paper size (default: the usual one where you live)",
    )
    report.add_argument(
        "--leave-out",
        action="append",
        default=[],
        choices=["days", "charts", "goals", "helps", "entries"],
        help="leave a part out: days, charts, goals, helps (what helps) or entries (shared "
        "entries); repeat for more",
    )

    demo = command("demo", "write a believable demo vault", kdf_options=True)
    demo.add_argument("--scale", choices=["small", "large"], default="small")
    demo.add_argument("--years", type=float, help="how many years of history (default: by scale)")
    demo.add_argument("--seed", type=int, default=7)
    return parser


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse `argv` (default: `sys.argv[1:]`); refuses secrets first (exit 2, value unsaid)."""
    words = list(sys.argv[1:] if argv is None else argv)
    try:
        refuse_secrets(words)
    except SecretOnCommandLine as refusal:
        print(f"recovery-desktop: {refusal}", file=sys.stderr)
        raise SystemExit(2) from None
    opening = _opening_the_app(words)
    if opening is not None:  # the app's own start: its window comes up ~5 ms sooner
        return opening
    return build_parser().parse_args(words)


_APP_FLAGS = {"--demo": "demo", CHEAP_KDF_OPTION: "cheap_kdf_for_tests"}
_APP_OPTIONS = {"--vault": "vault", "--passphrase-file": "passphrase_file"}


def _opening_the_app(words: Sequence[str]) -> argparse.Namespace | None:
    """What the full parser would return for `words` that only open the app (`--demo`,
    `--vault DIR`, ...), read without building it; None for anything else (a command, help,
    a mistake), which the full parser reads and explains. Building argparse's parsers, the
    sub-commands' above all, is most of the time before the unlock window can show;
    `test_cli_arguments.py` holds the two readings equal."""
    found = argparse.Namespace(
        command=None, vault=None, passphrase_file=None, cheap_kdf_for_tests=False, demo=False
    )
    rest = list(words)
    while rest:
        word = rest.pop(0)
        name, equals, value = word.partition("=")
        if word in _APP_FLAGS:
            setattr(found, _APP_FLAGS[word], True)
        elif name in _APP_OPTIONS and equals and value:
            setattr(found, _APP_OPTIONS[name], Path(value))
        elif word in _APP_OPTIONS and rest and rest[0] and not rest[0].startswith("-"):
            setattr(found, _APP_OPTIONS[word], Path(rest.pop(0)))
        else:
            return None
    return found
