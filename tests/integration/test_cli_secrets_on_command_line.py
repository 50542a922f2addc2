# SPDX-License-Identifier: GPL-3.0-or-later
"""Secrets never come from the command line, and the refusal never repeats them; options are
never abbreviated; the entry's text is taught through the prompt and stdin (issue 6, point 6)."""

from __future__ import annotations

import re
from pathlib import Path

from recovery_desktop.storage import KdfCost, Vault
from tests.integration.cli_helpers import REPO, run_cli

PASS = "a long enough passphrase"
SECRET = "Sunflower-Harbour-1987"


def test_a_passphrase_option_is_refused_without_repeating_it(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    Vault.create(folder, PASS, KdfCost.cheap())[0].close()
    for words in [
        ("search", "x", "--passphrase", SECRET),
        ("search", "x", f"--passphrase={SECRET}"),
        ("search", "x", "--pass", SECRET),  # once an abbreviation of --passphrase-file
        ("--passphrase", SECRET, "search", "x"),
        ("search", "x", "--passphrase-f", SECRET),
        ("init", "--new-passphrase", SECRET),
        ("change-passphrase", f"--recovery-code={SECRET}"),
    ]:
        result = run_cli(*words, "--vault", str(folder), passphrase=PASS)
        assert result.returncode == 2, (words, result.stderr)
        assert SECRET not in result.stdout + result.stderr, words
        assert "never taken on the command line" in result.stderr, words
        assert "Traceback" not in result.stderr


def test_stray_words_are_not_echoed(tmp_path: Path) -> None:
    """`--recovery-code CODE`: the flag takes no value, and argparse would echo the code."""
    result = run_cli("change-passphrase", "--recovery-code", SECRET, "--vault", str(tmp_path))
    assert result.returncode == 2 and SECRET not in result.stderr
    assert "unrecognized arguments" in result.stderr
    typo = run_cli("search", "x", "--colour", "red", "--vault", str(tmp_path))
    assert typo.returncode == 2 and "--colour" in typo.stderr and "red" not in typo.stderr


def test_options_are_never_abbreviated(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    Vault.create(folder, PASS, KdfCost.cheap())[0].close()
    for words in [
        ("add", "some text", "--moo", "4"),
        ("search", "text", "--lim", "3"),
        ("--vau", str(folder), "search", "text"),
        ("init", "--kdf-mem", "128"),
    ]:
        result = run_cli(*words, "--vault", str(folder), passphrase=PASS)
        assert result.returncode == 2, (words, result.stderr)
    with Vault.open(folder, PASS) as vault:
        assert vault.entries.count() == 0


def test_help_and_readme_teach_the_prompt_and_stdin() -> None:
    help_text = " ".join(run_cli("add", "--help").stdout.split())
    assert "Ctrl+D" in help_text
    assert "recovery-desktop add < note.txt" in help_text
    assert "shell's history" in help_text and "(`ps`)" in help_text
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    assert "shell history" in section and "ps" in section
    # Every example that gives the entry's text as an argument says it is for scripts.
    for line in section.splitlines():
        if re.search(r"recovery-desktop add \"", line):
            assert "scripts" in line, line
