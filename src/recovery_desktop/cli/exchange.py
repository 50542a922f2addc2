# SPDX-License-Identifier: GPL-3.0-or-later
"""`export` and `import`: the same code paths as the Export & backup page (`exchange`).

`export --format json|csv --out PATH [--include-private]` writes everything in the vault, whole
or not at all (a `.zip` PATH with csv makes a zip, any other a new folder). `import KIND FILE`
reads the whole file first (no passphrase is asked for a file that cannot be read), prints the
preview, and writes only after a yes: asked on a terminal, `--yes` for scripts. For Daylio,
`--mood-map NAME=N` (repeatable) matches the person's own mood names to 1-5 (or `none`).
Errors are one plain line on stderr and exit code 1; Ctrl+C leaves nothing half-written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_desktop.cli import terminal
from recovery_desktop.cli.session import UserError, existing_vault_dir, open_vault

if TYPE_CHECKING:
    from recovery_desktop.exchange.importing import ImportPreview

MAX_LISTED = 50
MOOD_WORDS = {1: "awful", 2: "bad", 3: "okay", 4: "good", 5: "great"}
SOURCES = {
    "daylio": "Daylio",
    "jrnl": "jrnl",
    "dayone": "Day One",
    "vcard": "vCard",
    "json": "Recovery Desktop export",
}


class _Progress:
    """A one-line percentage on stderr, only when stderr is a terminal."""

    def __init__(self, what: str) -> None:
        self._what = what
        self._shown = -1
        self._on = sys.stderr is not None and sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        if self._on and percent != self._shown:
            self._shown = percent
            print(f"\r{self._what}… {percent}%", end="", file=sys.stderr, flush=True)

    def end(self) -> None:
        if self._on and self._shown >= 0:
            print(file=sys.stderr, flush=True)


def cmd_export(args: argparse.Namespace) -> int:
    from recovery_desktop.exchange.data_export import export_csv, export_json
    from recovery_desktop.exchange.files import refuse_inside_vault
    from recovery_desktop.exchange.progress import Cancelled, ExportError

    out = Path(terminal.check_utf8(str(args.out), "The --out path")).expanduser()
    folder = existing_vault_dir(args)
    try:
        refuse_inside_vault(out, folder)
    except ExportError as error:
        raise UserError(str(error)) from None
    write = export_json if args.format == "json" else export_csv
    with open_vault(args) as vault:
        progress = _Progress("Exporting")
        try:
            summary = write(
                vault.connection, out, include_private=args.include_private, progress=progress
            )
        except (ExportError, Cancelled) as error:
            raise UserError(str(error)) from None
        finally:
            progress.end()
    entries = summary.rows.get("entry", 0)
    shape = {"json": "one JSON file", "csv folder": "CSV files in a new folder"}.get(
        summary.kind, "CSV files in a zip"
    )
    print(f"Exported {entries:,} {'entry' if entries == 1 else 'entries'} and everything else "
          f"in the vault to {summary.path} ({shape}).")  # fmt: skip
    left_out = summary.private_entries_left_out
    if summary.include_private:
        print("Private entries are included: keep the export somewhere only you can open.")
    elif left_out:
        print(f"{left_out:,} private {'entry was' if left_out == 1 else 'entries were'} left "
              "out; add --include-private to include them.")  # fmt: skip
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from recovery_desktop.exchange.importing import preview_import, read_import, write_import
    from recovery_desktop.exchange.progress import Cancelled, ImportFileError

    path = Path(terminal.check_utf8(str(args.file), "The file name")).expanduser()
    if args.mood_map and args.kind != "daylio":
        raise UserError("--mood-map is for Daylio files, whose moods have names. Nothing was imported.")  # fmt: skip
    existing_vault_dir(args)  # before the file is read and a passphrase asked
    try:
        batch = read_import(args.kind, path)
    except ImportFileError as error:
        raise UserError(str(error)) from None
    if args.mood_map:
        batch = batch.with_mood_mapping(_mood_mapping(batch.mood_names, args.mood_map))
    with open_vault(args) as vault:
        try:
            preview = preview_import(vault.connection, batch)
        except ImportFileError as error:
            raise UserError(str(error)) from None
        print_preview(preview, args.kind, path)
        if preview.blocked is not None:
            raise UserError(preview.blocked)
        if not preview.can_write:
            print("Nothing to import: everything in this file is already in the vault.")
            return 0
        if not _confirmed(args):
            print("Nothing was imported.")
            return 0
        progress = _Progress("Importing")
        try:
            result = write_import(vault.connection, preview, progress=progress)
        except (ImportFileError, Cancelled) as error:
            raise UserError(str(error)) from None
        finally:
            progress.end()
    print(f"Imported {counted(result.added) or 'nothing new'}.")
    if not result.search_complete:
        print("Search finishes preparing the new entries the next time the vault is opened.")
    return 0


def _mood_mapping(names: dict[str, int], pairs: list[tuple[str, int | None]]) -> dict:
    """`--mood-map` pairs keyed by the file's own spelling of each name (any case matches)."""
    by_fold: dict[str, list[str]] = {}
    for name in names:
        by_fold.setdefault(name.casefold(), []).append(name)
    mapping: dict[str, int | None] = {}
    for given, level in pairs:
        if given in names:
            mapping[given] = level
            continue
        found = by_fold.get(given.casefold(), [])
        if len(found) != 1:
            known = ", ".join(f"“{n}”" for n in names) or "none"
            raise UserError(f"The file has no mood called “{given}” (its moods: {known}). Nothing was imported.")  # fmt: skip
        mapping[found[0]] = level
    return mapping


def _confirmed(args: argparse.Namespace) -> bool:
    if args.yes:
        return True
    if not terminal.stdin_is_terminal():
        raise UserError(
            "Standard input is not a terminal, so there is no one to ask: add --yes to import "
            "without a question. Nothing was imported."
        )
    return terminal.ask_choice("Import this? [yes/no] ", ("yes", "no")) == "yes"


def print_preview(preview: ImportPreview, kind: str, path: Path) -> None:
    """The preview as the page shows it, in plain lines."""
    print(f"{SOURCES.get(kind, kind)} file: {path}")
    if preview.blocked is None:  # a blocked file's reason is the error line, said once
        print(summary_line(preview))
    mapping = preview.mood_mapping
    if preview.mood_names:
        print("Moods (change with --mood-map NAME=1..5 or NAME=none):")
        for name, count in preview.mood_names.items():
            level = mapping.get(name)
            chosen = f"{MOOD_WORDS[level]} ({level})" if level is not None else "no mood"
            print(f"  “{name}” ({count:,} {'entry' if count == 1 else 'entries'}) → {chosen}")
    _listed("How it comes in:", [n for n in preview.notes if n])
    _listed("What cannot come in as it is:", list(preview.problems))


def summary_line(preview: ImportPreview) -> str:
    """What would be added, on which days, and what is there already."""
    line = f"To add: {counted(preview.counts) or 'nothing new'}"
    if preview.first_day is not None and preview.last_day is not None:
        if preview.first_day == preview.last_day:
            line += f", on {preview.first_day.isoformat()}"
        else:
            line += f", from {preview.first_day.isoformat()} to {preview.last_day.isoformat()}"
    line += "."
    if preview.duplicates:
        line += f" {preview.duplicates:,} already in the vault stay as they are."
    return line


def counted(counts: dict[str, int]) -> str:
    """{"entries": 2, "contacts": 1} as "2 entries, 1 contact", entries first."""
    first = ("entries", "contacts", "groups", "connections", "goals", "commitments")
    names = sorted(counts, key=lambda name: first.index(name) if name in first else len(first))
    return ", ".join(_noun(counts[name], name) for name in names if counts[name])


def _noun(count: int, name: str) -> str:
    """`count` with `name` (as `exchange` words it: plural, or singular for a few)."""
    singular = {
        "entries": "entry",
        "recovery starts": "recovery start",
        "crisis lines": "crisis line",
    }.get(name, name[:-1] if name.endswith("s") else name)
    plural = name if name.endswith("s") else name + "s"
    return f"{count:,} {singular if count == 1 else plural}"


def _listed(title: str, lines: list[str]) -> None:
    if not lines:
        return
    print(title)
    for line in lines[:MAX_LISTED]:
        print(f"  - {line}")
    if len(lines) > MAX_LISTED:
        print(f"  …and {len(lines) - MAX_LISTED:,} more")
