# SPDX-License-Identifier: GPL-3.0-or-later
"""`add` and `search`.

`add` never loses what was typed (issue 6, point 10): it checks its options and opens the vault
first, and only then reads the text. If the vault still refuses after text was typed at the
prompt, it says why and asks for the passphrase to try again (three tries); giving up, it shows
the text again on the terminal (never in a file) and exits 1.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from recovery_desktop.cli import terminal
from recovery_desktop.cli.session import UserError, explain, open_vault

if TYPE_CHECKING:
    from recovery_desktop.core.models import Entry
    from recovery_desktop.storage import Vault

RETRIES_AFTER_TYPING = 3
MAX_LIMIT = 100_000


def _draft(args: argparse.Namespace) -> Entry:
    """The entry without its text, every option checked as the vault would check it."""
    from recovery_desktop.core.models import Entry, Visibility
    from recovery_desktop.core.validation import (
        check_craving,
        check_date,
        check_mood,
        clean_text,
        normalise_tag,
        parse_date,
    )

    check_mood(args.mood)
    check_craving(args.craving)
    # As in the app: an entry may be dated up to a week ahead (plans, a trip), not years.
    latest = date.today() + timedelta(days=7)
    day = date.today()
    if args.date is not None:  # `--date ""` is a mistake, not "today"
        day = check_date(parse_date(args.date, what="The date"), what="The date", latest=latest)
    title = terminal.check_utf8(args.title, "The title")
    clean_text(title, what="The title", limit=1000)
    tags = tuple(terminal.check_utf8(tag, "A tag") for tag in args.tag)
    for tag in tags:
        normalise_tag(tag)
        if "," in tag:  # the app's Tags field separates tags with commas (issue 6, point 13)
            raise UserError(
                f"A tag can't hold a comma (“{tag}”): the app would read it as two tags. "
                "Give each tag its own --tag, for example --tag sleep --tag work. Nothing was "
                "saved."
            )
    return Entry(
        entry_date=day,
        title=title,
        mood=args.mood,
        craving=args.craving,
        tags=tags,
        visibility=Visibility(args.visibility),
    )


def cmd_add(args: argparse.Namespace) -> int:
    draft = _draft(args)
    interactive = args.text is None and terminal.stdin_is_terminal()
    vault = open_vault(args)
    try:
        if args.text is not None:
            text = terminal.check_utf8(args.text, "The entry's text")
        else:
            text = terminal.read_entry_text(interactive=interactive)
    except BaseException:
        vault.close()
        raise
    if not text.strip() and not draft.title.strip():
        vault.close()
        raise UserError(
            "Nothing to add: type the entry at the prompt, or give its text on standard input."
        )
    entry = replace(draft, body=text.rstrip("\n"))
    if not interactive:
        with vault:
            saved = vault.entries.save(entry)
    else:
        saved = _save_typed(args, vault, entry, text)
        if saved is None:
            return 1
    print(f"Saved entry {saved.id} for {saved.entry_date.isoformat()}.")
    return 0


def _save_typed(args: argparse.Namespace, vault: Vault | None, entry: Entry, text: str):
    """Save text typed at the prompt; on a refusal, say why and ask for the passphrase to try
    again. Returns the saved entry, or None after giving the text back."""
    from recovery_desktop.cli.passphrases import prompt_secret
    from recovery_desktop.core.validation import ValidationError

    tries = 0
    while True:
        if vault is not None:
            try:
                with vault:
                    return vault.entries.save(entry)
            except Exception as error:
                message = explain(error, args)
                if message is None:  # a bug: still, the text comes first
                    terminal.give_back(text)
                    raise
                print(message, file=sys.stderr)
                if isinstance(error, ValidationError):  # trying again would not help
                    terminal.give_back(text)
                    return None
            except KeyboardInterrupt:
                terminal.give_back(text)
                raise
        if tries == RETRIES_AFTER_TYPING:
            terminal.give_back(text)
            return None
        tries += 1
        vault = None
        try:
            secret = prompt_secret(
                f"To try again, type your passphrase ({tries} of {RETRIES_AFTER_TYPING}; "
                "Ctrl+D to stop): "
            )
            vault = open_vault(args, secret)
        except (EOFError, KeyboardInterrupt):
            print(file=sys.stderr)
            terminal.give_back(text)
            return None
        except Exception as error:
            message = explain(error, args)
            if message is None:
                terminal.give_back(text)
                raise
            print(message, file=sys.stderr)


def cmd_search(args: argparse.Namespace) -> int:
    from recovery_desktop.core.models import SNIPPET_END, SNIPPET_START

    if not 1 <= args.limit <= MAX_LIMIT:
        raise UserError(
            f"--limit is the number of results to show: a whole number from 1 to {MAX_LIMIT:,}."
        )
    query = terminal.check_utf8(args.query, "The search")
    with open_vault(args) as vault:
        if vault.search_index.rebuild_pending():  # once, after an upgrade
            print("Preparing search for the first time…", file=sys.stderr, flush=True)
            vault.search_index.rebuild()
        results = vault.entries.search(query, limit=args.limit)
    if not results:
        print(f"No entries found for “{query}”.", file=sys.stderr)
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
