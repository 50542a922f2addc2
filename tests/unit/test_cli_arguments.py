# SPDX-License-Identifier: GPL-3.0-or-later
"""Opening the app reads its few options without building the full parser (start-up speed);
that reading must give exactly what the full parser gives, and leave everything else to it."""

from __future__ import annotations

import pytest

from recovery_desktop.cli import arguments

OPENING_THE_APP = [
    [],
    ["--demo"],
    ["--vault", "/home/sam/journal"],
    ["--vault=/home/sam/journal", "--demo"],
    ["--demo", "--vault", "relative folder with spaces"],
    ["--vault", "/a", "--vault", "/b"],  # the last one wins, as in argparse
    ["--cheap-kdf-for-tests", "--vault", "/x", "--passphrase-file", "secret.txt"],
    ["--passphrase-file=secret.txt"],
    ["--vault", "/tmp/été 🌱"],
]


@pytest.mark.parametrize("argv", OPENING_THE_APP)
def test_opening_the_app_reads_as_the_full_parser_does(argv: list[str]) -> None:
    quick = arguments._opening_the_app(argv)
    assert quick is not None
    assert vars(quick) == vars(arguments.build_parser().parse_args(argv))
    assert vars(arguments.parse(argv)) == vars(quick)


@pytest.mark.parametrize(
    "argv",
    [
        ["init"],
        ["--demo", "add"],
        ["--help"],
        ["-h"],
        ["--version"],
        ["--vault"],  # a value is missing: the full parser says so
        ["--vault="],
        ["--vault", "--demo"],
        ["--vau", "/x"],  # options are never shortened
        ["--unknown"],
        ["--", "--demo"],
    ],
)
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert arguments._opening_the_app(argv) is None


def test_a_command_still_parses_in_full() -> None:
    args = arguments.parse(["--vault", "/x", "search", "walk"])
    assert args.command == "search" and str(args.vault) == "/x"
