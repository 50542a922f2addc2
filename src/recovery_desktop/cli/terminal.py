# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line's edges: what it prints, what it reads, and the terminal itself.

- Output that the console cannot show (an emoji on an ASCII console) is replaced, never a
  traceback; output into a pipe that closed early (`search ... | head -1`) ends quietly.
- Entry text from standard input is UTF-8; anything else is refused in one plain line, under
  every locale, and nothing is saved.
- Text typed at the prompt that could not be saved is shown again on the terminal, never
  written to a file.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from recovery_desktop.cli.session import UserError

BOM = "\ufeff"


def prepare_streams() -> None:
    """Replace what the console's encoding cannot show, instead of failing on it."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def flush_stdout() -> None:
    """Flush now, so a closed pipe is noticed here (BrokenPipeError) and not at exit."""
    if sys.stdout is not None:
        sys.stdout.flush()


def silence_stdout() -> None:
    """After the reader of our output went away: send the rest nowhere, so the interpreter's
    last flush cannot complain on stderr."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def read_entry_text(*, interactive: bool) -> str:
    """All of standard input as UTF-8 (a leading byte-order mark dropped). At a terminal it
    first says how to finish; Ctrl+D on a new line ends the entry."""
    if interactive:
        print(
            "Write your entry. When you are done, press Enter and then Ctrl+D to save it "
            "(Ctrl+C stops without saving).",
            file=sys.stderr,
            flush=True,
        )
    raw = sys.stdin.buffer.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        if interactive:  # typed by hand: show it again, as far as it can be read
            give_back(raw.decode("utf-8", "replace"))
        raise UserError(
            "The entry's text is not UTF-8 text, so nothing was saved. Please save it as "
            "UTF-8 (plain text) and try again."
        ) from None
    return text.removeprefix(BOM)


def check_utf8(text: str, what: str) -> str:
    """Refuse text that came from bytes that were not UTF-8 (as on the command line under a
    C locale): storing it would silently change it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise UserError(
            f"{what} is not UTF-8 text, so nothing was saved. Please check your terminal's "
            "language settings and try again."
        ) from None
    return text


def _terminal_stream() -> tuple[TextIO | None, bool]:
    """A stream that reaches the person's terminal (never a file), and whether we opened it."""
    for stream in (sys.stderr, sys.stdout):
        if stream is not None and stream.isatty():
            return stream, False
    try:
        return open("/dev/tty", "w", encoding="utf-8", errors="replace"), True  # noqa: SIM115
    except OSError:
        return None, False


def give_back(text: str) -> None:
    """Show typed text that could not be saved on the terminal, so the person can copy it.
    Only ever to a terminal: a redirected output could be a file, and that file would hold the
    entry unencrypted."""
    stream, opened = _terminal_stream()
    if stream is None:
        print(
            "Your entry was not saved, and it cannot be shown here because no terminal is "
            "attached.",
            file=sys.stderr,
        )
        return
    try:
        stream.write(
            "\nYour entry was not saved. Here it is, so you can copy it and try again later:\n"
            "----\n"
        )
        stream.write(text if text.endswith("\n") else text + "\n")
        stream.write("----\n")
        stream.flush()
    finally:
        if opened:
            stream.close()


def ask_choice(question: str, choices: Sequence[str]) -> str:
    """Ask on the terminal until one of `choices` (or its first letter) is typed."""
    while True:
        print(question, end="", file=sys.stderr, flush=True)
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        answer = line.strip().lower()
        for choice in choices:
            if answer and (answer == choice or answer == choice[0]):
                return choice
        print(f"Please type one of: {', '.join(choices)}.", file=sys.stderr)


def show_recovery_code(code: str, *, first_line: str) -> None:
    """Print the code that is shown only once; if the output closed before it could be shown,
    say so (a `UserError`: the command's work is done, but the person lacks the code)."""
    try:
        print(first_line)
        print()
        print(f"    {code}")
        print()
        print("Write it down and keep it somewhere safe. It opens the vault if you forget your")
        print("passphrase. Anyone who has it can read your journal, so keep it private.")
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        raise UserError(
            "The recovery code could not be shown: the output closed before it was written. "
            "Your passphrase opens the vault; make a new code with "
            "`recovery-desktop new-recovery-code`."
        ) from None
