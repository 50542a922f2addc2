# SPDX-License-Identifier: GPL-3.0-or-later
"""The insights' translation context and the counted phrases their sentences share.

Every word the insights give the person (summaries, findings, table headings) goes through
`InsightWords.tr` or `FindingWords.tr` (core/words.py explains the spelling pyside6-lupdate
needs). English is the source language: with no translation loaded the words are as written.
"""

from __future__ import annotations

from recovery_desktop.core.words import Words


class InsightWords(Words):
    """Summaries, tables, periods and counts of the insights (the charts' accessible text)."""


class FindingWords(Words):
    """The findings at the top of the Insights page."""


# The mood words of core.models.MOOD_LABELS (the same on every screen), marked for lupdate.
MOOD_WORDS: dict[int, str] = {
    1: InsightWords.QT_TR_NOOP("awful"),
    2: InsightWords.QT_TR_NOOP("bad"),
    3: InsightWords.QT_TR_NOOP("okay"),
    4: InsightWords.QT_TR_NOOP("good"),
    5: InsightWords.QT_TR_NOOP("great"),
}


def mood_label(mood: int) -> str:
    """The word for a mood 1..5: "awful" .. "great"."""
    return InsightWords.tr(MOOD_WORDS[mood])


def count_days(n: int) -> str:
    """ "1 day", "3 days"."""
    return InsightWords.tr("%n day(s)", None, n)


def count_times(n: int) -> str:
    """ "1 time", "3 times"."""
    return InsightWords.tr("%n time(s)", None, n)
