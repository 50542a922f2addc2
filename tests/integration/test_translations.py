# SPDX-License-Identifier: GPL-3.0-or-later
"""Qt's pyside6-lupdate extracts the words of the insights and the charts (made below ui/,
without Qt) for translators, under the contexts they are looked up in at run time, with
plural forms where a count goes in."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from recovery_desktop.core import words
from recovery_desktop.storage import Vault
from tests.words_helpers import every_word, fill_vault, periods

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "recovery_desktop"
CONTEXTS_BELOW_UI = {"InsightWords", "FindingWords", "ChartWords"}


def _lupdate() -> str:
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    found = str(beside) if beside.exists() else shutil.which("pyside6-lupdate")
    assert found, "pyside6-lupdate comes with PySide6; it was not found beside Python"
    return found


@dataclass(frozen=True)
class Message:
    numerus: bool  # has plural forms for a translator
    files: frozenset[Path]  # where it was found


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Message]:
    """(context, source text) -> message, as lupdate writes them for insights/, charts/, ui/."""
    ts = tmp_path_factory.mktemp("translations") / "recovery_desktop.ts"
    folders = [str(PACKAGE / name) for name in ("insights", "charts", "ui")]
    result = subprocess.run(
        [_lupdate(), "-extensions", "py", "-locations", "absolute", *folders, "-ts", str(ts)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    messages = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            files = frozenset(
                (ts.parent / location.get("filename", "")).resolve()
                for location in message.iter("location")
            )
            messages[(name, message.findtext("source") or "")] = Message(
                message.get("numerus") == "yes", files
            )
    return messages


def test_lupdate_finds_the_findings_chart_titles_and_table_headings(extracted) -> None:
    wanted = [
        (
            "FindingWords",
            "You logged a connection on {days}. On those days your mood averaged {with_mean}, "
            "on the others {without_mean}. The two go together; this does not show that one "
            "causes the other.",
        ),
        ("FindingWords", "For “{goal}” you kept {kept} of {promises} {when}."),
        ("ChartWords", "Your mood, day by day"),
        ("ChartWords", "Who you connected with, per week"),
        ("ChartWords", "Craving (0 to 10)"),  # an axis
        ("ChartWords", "sober run"),  # a legend
        ("ChartWords", "No mood recorded {when} yet. Each day you note one fills a square here."),
        ("InsightWords", "Mood (1-5)"),  # "Show as table" headings
        ("InsightWords", "Highest craving (0-10)"),
        ("InsightWords", "Felt supported (1-5)"),
        ("InsightWords", "No mood was recorded {when}."),  # an accessible description
        ("ChartCard", "Show as table"),  # and the page's own words, as before
    ]
    assert [key for key in wanted if key not in extracted] == []
    for key in [
        ("InsightWords", "%n day(s)"),
        ("FindingWords", "%n promise(s)"),
        ("ChartWords", "Sober runs are shaded, with %n new start(s) marked."),
        ("InsightWords", "{count} of the last %n days"),
    ]:
        assert extracted[key].numerus, f"{key} has no plural forms for a translator"


def test_every_word_below_ui_is_extracted_in_the_context_it_is_looked_up_in(
    extracted, vault: Vault
) -> None:
    """Every (context, text) the insights and charts ask the translator for, over a vault with
    every kind of record and an empty period, is in the .ts file (so no word is out of a
    translator's reach), counted ones with plural forms; and lupdate files nothing from
    insights/ or charts/ under a context the code does not use."""
    asked: set[tuple[str, str, bool]] = set()

    def recording(context: str, text: str, disambiguation: str | None, n: int) -> str:
        asked.add((context, text, n >= 0))
        return text

    fill_vault(vault)
    previous = words.install(recording)
    try:
        for insights in periods(vault):
            every_word(insights)
    finally:
        words.install(previous)
    assert {context for context, _text, _counted in asked} == CONTEXTS_BELOW_UI
    missing = [(c, t) for c, t, _n in asked if (c, t) not in extracted]
    assert missing == []
    assert [(c, t) for c, t, n in asked if n and not extracted[c, t].numerus] == []

    folders = {PACKAGE / "insights", PACKAGE / "charts"}
    below_ui = {
        context
        for (context, _text), message in extracted.items()
        if any(path.parent in folders for path in message.files)
    }
    assert below_ui == CONTEXTS_BELOW_UI


def test_the_app_installs_qt_s_translator_for_the_words_below_ui(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from recovery_desktop.app import _make_application

    previous = words.install(None)
    try:
        assert _make_application() is qapp
        installed = words.install(None)
    finally:
        words.install(previous)
    assert installed == QCoreApplication.translate
    assert installed("InsightWords", "%n day(s)", None, 2) == "2 day(s)"  # Qt fills in %n
