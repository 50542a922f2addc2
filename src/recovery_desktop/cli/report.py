# SPDX-License-Identifier: GPL-3.0-or-later
"""`report`: the counselor report as a PDF, with no display needed.

It draws the pages with Qt on the "offscreen" platform (set here, for this command only), so it
runs over SSH or in a script and opens no window and no socket. The options are checked and the
vault opened before "What I'd like to talk about" is read from a file or standard input (text
given as an option would land in shell history). The file appears whole or not at all.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from recovery_desktop.cli import terminal
from recovery_desktop.cli.session import UserError, open_vault

LEAVE_OUT = ("days", "charts", "goals", "helps", "entries")


def _day(text: str, option: str) -> date:
    from recovery_desktop.core.validation import parse_date

    return parse_date(terminal.check_utf8(text, option), what=option)


def _options(args: argparse.Namespace, talk_about: str = ""):
    from recovery_desktop.exchange.report_content import (
        DEFAULT_SECTIONS,
        Paper,
        ReportError,
        ReportOptions,
        Section,
        check_period,
    )
    from recovery_desktop.insights import Period

    first, last = _day(args.first, "--from"), _day(args.last, "--to")
    if last < first:
        raise UserError("--to is the last day of the report: the same day as --from, or later.")
    sections = set(DEFAULT_SECTIONS) - {Section(name) for name in args.leave_out}
    if args.include_safety_plan:
        sections.add(Section.SAFETY_PLAN)
    try:
        period = Period(first, last)
        check_period(period, date.today())
        return ReportOptions(
            period,
            frozenset(sections),
            talk_about=talk_about,
            name=terminal.check_utf8(args.name, "The name"),
            paper=Paper(args.paper) if args.paper else _default_paper(),
        )
    except ReportError as error:
        raise UserError(str(error)) from None


def _default_paper():
    from recovery_desktop.exchange.report_pdf import default_paper

    return default_paper()


def _talk_about(source: str | None) -> str:
    if source is None:
        return ""
    if source == "-":
        return terminal.read_entry_text(interactive=terminal.stdin_is_terminal()).strip()
    try:
        raw = Path(source).expanduser().read_bytes()
    except OSError as error:
        raise UserError(f"Could not read {source}: {error.strerror or error}.") from None
    try:
        return raw.decode("utf-8").lstrip("\ufeff").strip()
    except UnicodeDecodeError:
        raise UserError(f"{source} is not UTF-8 text. Nothing was made.") from None


def cmd_report(args: argparse.Namespace) -> int:
    _options(args)  # every option checked before the passphrase is asked for
    out = Path(args.out).expanduser()
    if out.is_dir():
        raise UserError(f"{out} is a folder. Give the report a file name, such as report.pdf.")
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no display, no window, no socket
    from PySide6.QtGui import QGuiApplication

    from recovery_desktop.exchange.progress import Cancelled, ExportError
    from recovery_desktop.exchange.report_pdf import write_report

    app = QGuiApplication.instance() or QGuiApplication(["recovery-desktop"])
    with open_vault(args) as vault:
        options = _options(args, _talk_about(args.talk_about))

        def progress(done: int, total: int) -> None:
            if sys.stderr.isatty() and total:
                print(f"\rMaking the report: {done * 100 // total}%  ", end="", file=sys.stderr)

        try:
            summary = write_report(vault, options, out, date.today(), progress=progress)
        except (ExportError, Cancelled) as error:
            raise UserError(str(error)) from None
        finally:
            if sys.stderr.isatty():
                print(file=sys.stderr)
    del app
    print(f"Report for {summary.period} written to {summary.path} ({summary.pages} pages).")
    return 0
