# SPDX-License-Identifier: GPL-3.0-or-later
"""matplotlib figure builders for the Insights page and the counselor report. No Qt, no pyplot.

    from recovery_desktop.charts import CHARTS, DARK, build_chart, save
    for chart in CHARTS:
        figure = chart.build(insights, DARK)          # a matplotlib.figure.Figure
        chart.summary(insights)                        # its accessible description
        chart.table(insights)                          # the numbers behind it
    save(build_chart("mood", insights, LIGHT), Path("mood.png"))

Importing this package imports matplotlib (about a second the first time): do it off the GUI
thread, when the charts are first needed. Titles, labels and sentences go through the
translation hook (`base.ChartWords`, core/words.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from matplotlib.figure import Figure

from recovery_desktop.charts.base import ChartWords, is_kind_message, save, to_bytes
from recovery_desktop.charts.connection_charts import (
    COMPARE_TITLE,
    compare_chart,
    roles_chart,
    roles_title,
)
from recovery_desktop.charts.goals_calendar import (
    CALENDAR_TITLE,
    TRUST_TITLE,
    calendar_chart,
    trust_chart,
)
from recovery_desktop.charts.network_chart import NETWORK_TITLE, network_chart
from recovery_desktop.charts.theme import DARK, LIGHT, PRINT, THEMES, ChartTheme
from recovery_desktop.charts.time_series import (
    CRAVING_TITLE,
    MOOD_TITLE,
    craving_chart,
    mood_chart,
)
from recovery_desktop.insights import WORDS, DateWords, Insights, Table
from recovery_desktop.insights.tables import period_words
from recovery_desktop.insights.wording import count_days, mood_label


@dataclass(frozen=True, slots=True)
class Chart:
    """One chart of the Insights page: its key (for file names and settings), title, and how
    to build it, describe it in a sentence, and show it as a table."""

    key: str
    title: Callable[[Insights], str]
    _build: Callable[[Insights, ChartTheme, DateWords], Figure]
    _summary: Callable[[Insights, DateWords], str]
    _table: Callable[[Insights, DateWords], Table]
    in_report: bool = False  # REPORT.md's charts

    def build(
        self, insights: Insights, theme: ChartTheme = LIGHT, words: DateWords = WORDS
    ) -> Figure:
        return self._build(insights, theme, words)

    def summary(self, insights: Insights, words: DateWords = WORDS) -> str:
        return self._summary(insights, words)

    def table(self, insights: Insights, words: DateWords = WORDS) -> Table:
        return self._table(insights, words)


def _mood_summary(insights: Insights, words: DateWords) -> str:
    runs = insights.runs
    summary = insights.mood.summary(words)
    if not runs.spans:
        return summary
    if runs.new_starts:
        shaded = ChartWords.tr(
            "Sober runs are shaded, with %n new start(s) marked.", None, len(runs.new_starts)
        )
    else:
        shaded = ChartWords.tr("Sober runs are shaded.")
    return f"{summary} {shaded}"


def _calendar_summary(insights: Insights, words: DateWords) -> str:
    mood = insights.mood
    when = period_words(mood.period, mood.today, words)
    if not mood.points:
        return ChartWords.tr("A calendar of mood with no days recorded {when}.", when=when)
    counts: dict[int, int] = {}
    for p in mood.points:
        word = min(5, max(1, int(p.value + 0.5)))
        counts[word] = counts.get(word, 0) + 1
    common = max(counts, key=lambda k: (counts[k], k))
    return ChartWords.tr(
        "A calendar of mood {when}: {days} coloured by mood and {blank} left blank; the most "
        "common was {mood} ({common_days}).",
        when=when,
        days=count_days(len(mood.points)),
        blank=mood.days_without,
        mood=mood_label(common),
        common_days=count_days(counts[common]),
    )


CHARTS: tuple[Chart, ...] = (
    Chart(
        "mood",
        lambda _i: ChartWords.tr(MOOD_TITLE),
        lambda i, t, w: mood_chart(i.mood, i.runs, t, w),
        _mood_summary,
        lambda i, w: i.mood.table(w),
        in_report=True,
    ),
    Chart(
        "cravings",
        lambda _i: ChartWords.tr(CRAVING_TITLE),
        lambda i, t, w: craving_chart(i.cravings, t, w),
        lambda i, w: i.cravings.summary(w),
        lambda i, w: i.cravings.table(w),
        in_report=True,
    ),
    Chart(
        "connections",
        lambda i: roles_title(i.connections),
        lambda i, t, w: roles_chart(i.connections, t, w),
        lambda i, w: i.connections.summary(w),
        lambda i, w: i.connections.table(w),
        in_report=True,
    ),
    Chart(
        "with-without",
        lambda _i: ChartWords.tr(COMPARE_TITLE),
        lambda i, t, w: compare_chart(i.mood_by_connection, t, w),
        lambda i, w: i.mood_by_connection.summary(w),
        lambda i, w: i.mood_by_connection.table(w),
        in_report=True,
    ),
    Chart(
        "trust",
        lambda _i: ChartWords.tr(TRUST_TITLE),
        lambda i, t, w: trust_chart(i.trust, t, w),
        lambda i, w: i.trust.summary(w),
        lambda i, w: i.trust.table(w),
    ),
    Chart(
        "calendar",
        lambda _i: ChartWords.tr(CALENDAR_TITLE),
        lambda i, t, w: calendar_chart(i.mood, t, w),
        _calendar_summary,
        lambda i, w: i.mood.table(w),
    ),
    Chart(
        "network",
        lambda _i: ChartWords.tr(NETWORK_TITLE),
        lambda i, t, w: network_chart(i.network, t, w),
        lambda i, w: i.network.summary(w),
        lambda i, w: i.network.table(w),
    ),
)
CHARTS_BY_KEY = {chart.key: chart for chart in CHARTS}


def build_chart(
    key: str, insights: Insights, theme: ChartTheme = LIGHT, words: DateWords = WORDS
) -> Figure:
    return CHARTS_BY_KEY[key].build(insights, theme, words)


__all__ = [
    "CHARTS",
    "CHARTS_BY_KEY",
    "DARK",
    "LIGHT",
    "PRINT",
    "THEMES",
    "Chart",
    "ChartTheme",
    "ChartWords",
    "build_chart",
    "calendar_chart",
    "compare_chart",
    "craving_chart",
    "is_kind_message",
    "mood_chart",
    "network_chart",
    "roles_chart",
    "save",
    "to_bytes",
    "trust_chart",
]
