# SPDX-License-Identifier: GPL-3.0-or-later
"""The translation hook of the layers below ui/ (core/words.py): English as written until a
translator is installed, and then every word of the insights and charts goes through it."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from recovery_desktop.charts import CHARTS
from recovery_desktop.core import words
from recovery_desktop.core.words import Words, fill, translate
from recovery_desktop.storage import Vault
from tests.words_helpers import WEEKDAYS, every_word, fill_vault, periods, shout


@pytest.fixture
def translator() -> Iterator[None]:
    """Whatever a test installs is taken out again after it."""
    previous = words.install(None)
    yield
    words.install(previous)


class Sample(Words):
    """A context for these tests."""


def test_without_a_translator_the_words_are_as_written(translator) -> None:
    assert translate("Sample", "Your mood, day by day") == "Your mood, day by day"
    assert [translate("Sample", "%n day(s)", None, n) for n in (0, 1, 2)] == [
        "0 days",
        "1 day",
        "2 days",
    ]
    assert Sample.tr("{count} of the last %n days", None, 30, count=18) == "18 of the last 30 days"


def test_the_class_name_is_the_context_and_the_template_is_translated_before_filling(
    translator,
) -> None:
    asked: list[tuple[str, str, str | None, int]] = []

    def recording(context: str, text: str, disambiguation: str | None, n: int) -> str:
        asked.append((context, text, disambiguation, n))
        return text

    assert words.install(recording) is None
    assert Sample.tr("On {day}", day="3 Mar") == "On 3 Mar"
    assert Sample.tr("%n new start(s)", None, 2) == "2 new starts"
    assert asked == [("Sample", "On {day}", None, -1), ("Sample", "%n new start(s)", None, 2)]
    assert words.install(None) is recording  # handed back, so a test can restore it


def test_filling_keeps_the_values_as_typed_and_a_misspelt_field_visible() -> None:
    assert fill("For “{goal}” you kept {kept}", goal="Pay back {Sam}", kept=3) == (
        "For “Pay back {Sam}” you kept 3"
    )
    assert fill("On {dya}", day="3 Mar") == "On {dya}"


def test_a_translator_installed_through_the_hook_changes_every_word(
    translator, vault: Vault
) -> None:
    """With a translation into capitals, every finding, chart title, summary, table heading,
    axis label, legend and kind sentence comes out in capitals: the English words exactly, in
    capitals, and no lowercase letter left over (the vault's own data is in capitals already)."""
    fill_vault(vault)
    for insights in periods(vault):
        words.install(None)
        english = every_word(insights)
        words.install(shout)
        shouted = every_word(insights)
        assert len(shouted) == len(english)
        pairs = [(e, s) for e, s in zip(english, shouted, strict=True) if e not in WEEKDAYS]
        assert [s for e, s in pairs if s != e.upper()] == []
        assert [s for _e, s in pairs if re.search("[a-z]", s)] == []

    insights = next(periods(vault))
    assert insights.findings()[0].text.startswith(
        "YOU LOGGED A CONNECTION ON 19 OF THE LAST 30 DAYS. ON THOSE DAYS YOUR MOOD AVERAGED"
    )
    assert CHARTS[0].title(insights) == "YOUR MOOD, DAY BY DAY"
    words.install(None)
    assert insights.findings()[0].text.startswith("You logged a connection on 19 of the last 30")
    assert CHARTS[0].title(insights) == "Your mood, day by day"


def test_the_insights_mood_words_are_the_app_s_mood_words() -> None:
    """Marked for translators in insights/wording.py; the same words as every other screen."""
    from recovery_desktop.core.models import MOOD_LABELS
    from recovery_desktop.insights.wording import MOOD_WORDS

    assert MOOD_WORDS == MOOD_LABELS
