# SPDX-License-Identifier: GPL-3.0-or-later
"""Qt's pyside6-lupdate extracts the app's words for translators under the contexts they are
looked up in at run time, with plural forms where a count goes in: the insights and the charts
(made below ui/, without Qt), and every message under src/recovery_desktop has a context that
the code looks it up in (a module-level `tr()` wrapper is filed under an empty one)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from recovery_desktop.core import words
from recovery_desktop.storage import Vault
from tests.words_helpers import PACKAGE, Message, every_word, extract_messages, fill_vault, periods

CONTEXTS_BELOW_UI = {"InsightWords", "FindingWords", "ChartWords"}
# Filed under the name of a variable, not of the class looked up at run time, in modules
# outside this change's reach (the start-up work): `progress.tr(...)` in app.py and
# `window.tr(...)` in ui/lock.py. Fix there, then empty this.
NOT_YET_FIXED: dict[str, Path] = {}  # context -> file, for a stray being worked on


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Message]:
    """(context, source text) -> message, as lupdate writes them for the whole app."""
    return extract_messages(tmp_path_factory.mktemp("translations"), [PACKAGE])


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


def _defined_names() -> set[str]:
    """The names a lookup can be made under at run time: every class of the app (a Qt class's
    `self.tr()`, a `Words` context) and every literal context given to
    QCoreApplication.translate or QT_TRANSLATE_NOOP."""
    names = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Call) and node.args:
                called = node.func.attr if isinstance(node.func, ast.Attribute) else None
                called = node.func.id if isinstance(node.func, ast.Name) else called
                first = node.args[0]
                if called in ("translate", "QT_TRANSLATE_NOOP") and isinstance(first, ast.Constant):
                    names.add(first.value)
    return names


def test_no_message_is_filed_under_an_empty_context(extracted) -> None:
    """A module-level `def tr(text): return QCoreApplication.translate("Words", text)` is
    filed with no context at all, where no translation can match what the code looks up."""
    unnamed: dict[str, int] = {}
    for (context, _text), message in extracted.items():
        if not context:
            for path in message.files:
                where = str(path.relative_to(PACKAGE))
                unnamed[where] = unnamed.get(where, 0) + 1
    assert unnamed == {}


def test_every_context_is_one_the_code_looks_words_up_in(extracted) -> None:
    """lupdate files `editor.tr("Title")` under "editor"; Qt looks it up under the editor's
    class. Every context must be a class of the app or a literal context."""
    known = _defined_names()
    strays: dict[str, set[Path]] = {}
    for (context, _text), message in extracted.items():
        if context not in known:
            strays.setdefault(context, set()).update(message.files)
    left = {c: files - {NOT_YET_FIXED.get(c)} for c, files in strays.items()}
    assert {c: sorted(map(str, files)) for c, files in left.items() if files} == {}


def test_every_words_context_reaches_translators(extracted) -> None:
    """Each `Words` context (core/words.py, ui/words.py) has its words in the .ts: none is
    only ever called through an alias or with words that were not marked."""
    import importlib
    import pkgutil

    import recovery_desktop
    from recovery_desktop.core.words import Words
    from recovery_desktop.ui.words import QtWords

    for module in pkgutil.walk_packages(recovery_desktop.__path__, "recovery_desktop."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    contexts, found = set(), [Words]
    while found:
        for subclass in found.pop().__subclasses__():
            found.append(subclass)
            if subclass.__module__.startswith("recovery_desktop.") and subclass is not QtWords:
                contexts.add(subclass.__name__)
    assert len(contexts) > 15
    assert sorted(contexts - {context for context, _text in extracted}) == []
