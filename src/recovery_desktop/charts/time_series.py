# SPDX-License-Identifier: GPL-3.0-or-later
"""Mood over time (sober runs shaded) and cravings over time (meetings marked).

Each day with data is a dot; the 7-day mean is a line that breaks wherever the insights give no
mean (too few days with data in the window), so a gap is never drawn over. Days with nothing
recorded are marked along the bottom.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from recovery_desktop.charts.base import (
    ChartWords,
    date_axis,
    day_number,
    kind_message,
    legend,
    margins,
    mid_day,
    new_figure,
    period_subtitle,
    scale_axis,
    style_axes,
    titles,
    top_for_legend,
)
from recovery_desktop.charts.theme import ChartTheme
from recovery_desktop.insights.period import WORDS, DateWords, Period
from recovery_desktop.insights.progress import SoberRuns
from recovery_desktop.insights.series import HIGH_CRAVING, CravingSeries, DayPoint, MoodSeries
from recovery_desktop.insights.stats import RollingPoint
from recovery_desktop.insights.tables import period_words
from recovery_desktop.insights.wording import MOOD_WORDS, mood_label

HEIGHT = 3.9
MOOD_TITLE = ChartWords.QT_TR_NOOP("Your mood, day by day")
CRAVING_TITLE = ChartWords.QT_TR_NOOP("Cravings, and the days you went to a meeting")
MIN_POINTS = 2  # fewer days than this get a kind sentence instead of a chart
MANY_MEETINGS = 120  # more meeting days than this are drawn as thin ticks, not triangles


def broken_line(points: Sequence[RollingPoint]) -> tuple[list[float], list[float]]:
    """x and y for a line that breaks (NaN) between points more than a day apart."""
    xs: list[float] = []
    ys: list[float] = []
    previous: date | None = None
    for p in points:
        if previous is not None and (p.day - previous).days > 1:
            xs.append(math.nan)
            ys.append(math.nan)
        xs.append(mid_day(p.day))
        ys.append(p.value)
        previous = p.day
    return xs, ys


def _dot_size(count: int) -> tuple[float, float]:
    """Marker size and opacity: small and light when there are years of dots."""
    if count > 400:
        return 2.5, 0.35
    if count > 120:
        return 3.5, 0.6
    return 5.0, 0.9


def _missing_days(period: Period, points: Sequence[DayPoint]) -> list[float]:
    have = {p.day for p in points}
    return [mid_day(d) for d in period.each_day() if d not in have]


def _mean_width(count: int) -> float:
    """The 7-day mean's line: thinner over years of days, where a thick one hides the dots."""
    if count > 1000:
        return 0.8
    return 2.0 if count <= 400 else 1.2


def _daily(ax, theme: ChartTheme, points, rolling, label: str, mean_label: str) -> list:
    size, alpha = _dot_size(len(points))
    ax.plot(
        [mid_day(p.day) for p in points],
        [p.value for p in points],
        linestyle="none",
        marker="o",
        markersize=size,
        color=theme.points,
        alpha=alpha,
        gid="daily",
    )
    xs, ys = broken_line(rolling)
    ax.plot(xs, ys, color=theme.line, linewidth=_mean_width(len(points)), gid="rolling")
    handles = [
        Line2D([], [], linestyle="none", marker="o", markersize=5, color=theme.points, label=label)
    ]
    if rolling:  # no line drawn (too few days in every window): none in the legend either
        handles.append(Line2D([], [], color=theme.line, linewidth=2.0, label=mean_label))
    return handles


def _gaps(ax, theme: ChartTheme, period: Period, points, y: float) -> list:
    missing = _missing_days(period, points)
    if not missing:
        return []
    many = period.days > 120  # ticks a pixel or two apart: thinner and lighter, a quiet band
    ax.plot(
        missing,
        [y] * len(missing),
        linestyle="none",
        marker="|",
        markersize=6,
        markeredgewidth=0.6 if many else 1.0,
        color=theme.muted,
        alpha=0.5 if many else 0.8,
        gid="gaps",
    )
    return [
        Line2D(
            [],
            [],
            linestyle="none",
            marker="|",
            markersize=7,
            color=theme.muted,
            label=ChartWords.tr("nothing recorded"),
        )
    ]


def _runs(ax, theme: ChartTheme, runs: SoberRuns | None) -> list:
    if runs is None or not runs.spans:
        return []
    for span in runs.spans:
        ax.axvspan(
            day_number(span.first),
            day_number(span.last + timedelta(days=1)),
            color=theme.shade,
            alpha=1.0,
            linewidth=0,
            zorder=0,
            gid="sober-run",
        )
    handles = [Patch(color=theme.shade, label=ChartWords.tr("sober run"))]
    for start in runs.new_starts:
        ax.axvline(
            day_number(start), color=theme.marker, linestyle="--", linewidth=1.2, gid="new-start"
        )
    if runs.new_starts:
        handles.append(
            Line2D(
                [],
                [],
                color=theme.marker,
                linestyle="--",
                linewidth=1.2,
                label=ChartWords.tr("new start"),
            )
        )
    return handles


def _sparse_sentence(
    mood: bool,
    points: Sequence[DayPoint],
    period: Period,
    today: date,
    words: DateWords,
    value_words,
) -> str:
    """The kind sentence of the mood chart (`mood`) or the craving chart with 0 or 1 days."""
    when = period_words(period, today, words)
    if not points:
        if mood:
            return ChartWords.tr(
                "No mood recorded {when} yet. With a check-in now and then, your mood will "
                "show here.",
                when=when,
            )
        return ChartWords.tr(
            "No craving recorded {when} yet. With a check-in now and then, your craving will "
            "show here.",
            when=when,
        )
    p = points[0]
    values = {"when": when, "value": value_words(p.value), "day": words.day(p.day)}
    if mood:
        return ChartWords.tr(
            "So far there is one day with a mood {when}: {value} on {day}. After a few more "
            "days, a chart will show here.",
            **values,
        )
    return ChartWords.tr(
        "So far there is one day with a craving {when}: {value} on {day}. After a few more "
        "days, a chart will show here.",
        **values,
    )


def mood_chart(
    mood: MoodSeries, runs: SoberRuns | None, theme: ChartTheme, words: DateWords = WORDS
) -> Figure:
    """Daily mood (dots), its 7-day mean (line), sober runs (shaded), new starts (dashed)."""
    figure = new_figure(theme, HEIGHT)
    subtitle = period_subtitle(mood.period, words)
    if len(mood.points) < MIN_POINTS:
        sentence = _sparse_sentence(
            True,
            mood.points,
            mood.period,
            mood.today,
            words,
            lambda v: mood_label(round(v)),
        )
        return kind_message(figure, theme, ChartWords.tr(MOOD_TITLE), subtitle, sentence)
    titles(figure, theme, ChartWords.tr(MOOD_TITLE), subtitle)
    margins(figure, left=1.0, top=1.05)
    ax = figure.add_subplot()
    style_axes(ax, theme)
    handles = _daily(
        ax,
        theme,
        mood.points,
        mood.rolling,
        ChartWords.tr("mood that day"),
        ChartWords.tr("7-day mean (days with a mood only)"),
    )
    handles += _gaps(ax, theme, mood.period, mood.points, 0.7)
    handles += _runs(ax, theme, runs)
    ax.set_ylim(0.5, 5.5)
    scale_axis(ax, range(1, 6), {k: f"{k} {mood_label(k)}" for k in MOOD_WORDS}, theme)
    ax.set_ylabel(ChartWords.tr("Mood"))
    date_axis(ax, mood.period, words)
    box = legend(ax, theme, handles, columns=len(handles) if len(handles) <= 4 else 3)
    margins(figure, left=1.0, top=top_for_legend(figure, box))
    return figure


def craving_chart(cravings: CravingSeries, theme: ChartTheme, words: DateWords = WORDS) -> Figure:
    """The day's highest craving (dots), its 7-day mean (line), meetings (triangles on top)."""
    figure = new_figure(theme, HEIGHT)
    subtitle = period_subtitle(cravings.period, words)
    if len(cravings.points) < MIN_POINTS:
        sentence = _sparse_sentence(
            False,
            cravings.points,
            cravings.period,
            cravings.today,
            words,
            lambda v: ChartWords.tr("{craving} out of 10", craving=f"{v:.0f}"),
        )
        return kind_message(figure, theme, ChartWords.tr(CRAVING_TITLE), subtitle, sentence)
    titles(figure, theme, ChartWords.tr(CRAVING_TITLE), subtitle)
    margins(figure, left=1.0, top=1.05)
    ax = figure.add_subplot()
    style_axes(ax, theme)
    handles = _daily(
        ax,
        theme,
        cravings.points,
        cravings.rolling,
        ChartWords.tr("highest craving that day"),
        ChartWords.tr("7-day mean"),
    )
    handles += _gaps(ax, theme, cravings.period, cravings.points, -0.6)
    ax.axhline(HIGH_CRAVING, color=theme.muted, linestyle=":", linewidth=1.0, gid="high")
    ax.text(
        day_number(cravings.period.first),
        HIGH_CRAVING + 0.15,
        " " + ChartWords.tr("{high} or more: high", high=HIGH_CRAVING),
        color=theme.muted,
        fontsize=theme.font_size * 0.8,
        va="bottom",
    )
    if cravings.meeting_days:
        # Triangles, or over many days thin ticks: years of triangles merge into a heavy bar.
        many = len(cravings.meeting_days) > MANY_MEETINGS
        marker = {"marker": "|", "markeredgewidth": 0.6} if many else {"marker": "v"}
        ax.plot(
            [mid_day(d) for d in cravings.meeting_days],
            [10.9] * len(cravings.meeting_days),
            linestyle="none",
            markersize=5,
            color=theme.marker,
            alpha=0.6 if many else 1.0,
            gid="meetings",
            **marker,
        )
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                markersize=7 if many else 6,
                color=theme.marker,
                label=ChartWords.tr("meeting"),
                **({"marker": "|", "markeredgewidth": 1.2} if many else marker),
            )
        )
    ax.set_ylim(-1.1, 11.4)
    #: The ends of the craving scale, 0 to 10, on the chart's axis.
    ends = {0: ChartWords.tr("0 none"), 10: ChartWords.tr("10 most")}
    scale_axis(ax, range(0, 11, 2), ends, theme)
    ax.set_ylabel(ChartWords.tr("Craving (0 to 10)"))
    date_axis(ax, cravings.period, words)
    box = legend(ax, theme, handles, columns=len(handles) if len(handles) <= 4 else 3)
    margins(figure, left=1.0, top=top_for_legend(figure, box))
    return figure
