# SPDX-License-Identifier: GPL-3.0-or-later
"""Promises kept per goal over time (the trust score), and a calendar of mood: a year in
pixels, one strip of weeks per year, a blank square where no mood was recorded."""

from __future__ import annotations

import math
from datetime import date, timedelta

from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter

from recovery_desktop.charts.base import (
    TITLE_INDENT,
    ChartWords,
    build_width,
    date_axis,
    day_number,
    fitted,
    inches_tall,
    kind_message,
    legend,
    margins,
    new_figure,
    period_subtitle,
    style_axes,
    titles,
    top_for_legend,
)
from recovery_desktop.charts.theme import ChartTheme
from recovery_desktop.insights.period import WORDS, DateWords, Period
from recovery_desktop.insights.progress import TrustByGoal
from recovery_desktop.insights.series import MoodSeries
from recovery_desktop.insights.tables import period_words
from recovery_desktop.insights.wording import MOOD_WORDS, mood_label

TRUST_TITLE = ChartWords.QT_TR_NOOP("Promises kept, per goal")
CALENDAR_TITLE = ChartWords.QT_TR_NOOP("Mood by day, as a calendar")
CALENDAR_ONE_STRIP_DAYS = 400  # longer periods get one strip per calendar year
MONTH_ROOM = 0.24  # inches above a strip of weeks for its month names


def _short(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def trust_chart(data: TrustByGoal, theme: ChartTheme, words: DateWords = WORDS) -> Figure:
    """Each goal's running share of promises kept, as steps: the score holds between the days
    an outcome was noted (a marker each: filled when kept, hollow when missed)."""
    figure = new_figure(theme, 4.0)
    subtitle = period_subtitle(data.period, words)
    shown = [g for g in data.goals if g.points or g.carried_in]
    if not shown:
        when = period_words(data.period, data.today, words)
        return kind_message(
            figure,
            theme,
            ChartWords.tr(TRUST_TITLE),
            subtitle,
            ChartWords.tr(
                "No promise was marked kept or missed {when}. When you mark one on the Goals "
                "page, how often you keep your word will show here.",
                when=when,
            ),
        )
    titles(figure, theme, ChartWords.tr(TRUST_TITLE), subtitle)
    margins(figure, left=0.9, top=1.25)
    ax = figure.add_subplot()
    style_axes(ax, theme)
    end = day_number(data.period.last + timedelta(days=1))
    handles = []
    for index, goal in enumerate(shown):
        style = theme.series[index % len(theme.series)]
        xs, ys = [], []
        if goal.carried_in is not None:
            xs.append(day_number(data.period.first))
            ys.append(goal.carried_in.score)
        previous = goal.carried_in
        kept_x, kept_y, missed_x, missed_y = [], [], [], []
        for point in goal.points:
            xs.append(day_number(point.day) + 0.5)
            ys.append(point.score)
            missed_now = point.missed - (previous.missed if previous else 0)
            (missed_x if missed_now else kept_x).append(day_number(point.day) + 0.5)
            (missed_y if missed_now else kept_y).append(point.score)
            previous = point
        xs.append(end)
        ys.append(ys[-1])
        ax.plot(
            xs,
            ys,
            drawstyle="steps-post",
            color=style.colour,
            linestyle=style.hatch,
            linewidth=2,
            gid=f"goal:{goal.goal_id}",
        )
        ax.plot(
            kept_x,
            kept_y,
            linestyle="none",
            marker=style.marker,
            markersize=6 if len(goal.points) <= 20 else 4,
            color=style.colour,
        )
        ax.plot(
            missed_x,
            missed_y,
            linestyle="none",
            marker=style.marker,
            markersize=6 if len(goal.points) <= 20 else 4,
            markerfacecolor=theme.background,
            markeredgecolor=style.colour,
        )
        handles.append(
            Line2D(
                [],
                [],
                color=style.colour,
                linestyle=style.hatch,
                linewidth=2,
                marker=style.marker,
                label=_short(goal.title),
            )
        )
    handles.append(
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            markerfacecolor=theme.background,
            markeredgecolor=theme.muted,
            label=ChartWords.tr("a missed day"),
        )
    )
    ax.set_ylim(-0.05, 1.08)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_ylabel(ChartWords.tr("Share of promises kept"))
    date_axis(ax, data.period, words)
    box = legend(ax, theme, handles, columns=2)
    margins(figure, left=0.9, top=top_for_legend(figure, box))
    return figure


def _strips(period: Period) -> list[tuple[str, date, date]]:
    """(label, first Monday, last day) of each strip of weeks."""
    if period.days <= CALENDAR_ONE_STRIP_DAYS:
        monday = period.first - timedelta(days=period.first.weekday())
        return [("", monday, period.last)]
    strips = []
    for year in range(period.first.year, period.last.year + 1):
        first = max(period.first, date(year, 1, 1))
        last = min(period.last, date(year, 12, 31))
        strips.append((str(year), first - timedelta(days=first.weekday()), last))
    return strips


def calendar_chart(mood: MoodSeries, theme: ChartTheme, words: DateWords = WORDS) -> Figure:
    """Weeks across, Monday to Sunday down; a square per day coloured by that day's mood
    (rounded to the nearest word), a plain square where none was recorded.

    All strips share one axes and one mesh (ten years are 3,650 squares: one artist draws
    them in a few milliseconds, eleven axes took a third of a second).
    """
    period = mood.period
    strips = _strips(period)
    many = len(strips) > 1
    weeks_max = max(((last - monday).days // 7 + 1) for _, monday, last in strips)
    left, right = (1.0 if many else 0.7), 0.3
    width = build_width()
    cell = min(0.32, (width - left - right) / weeks_max)  # inches: as big as the width allows
    # Whole rows above each strip for its month names, the same above every strip.
    gap = max(1, math.ceil(MONTH_ROOM / cell))
    stride = 7 + gap
    rows_total = len(strips) * stride
    figure = new_figure(theme, 1.3 + cell * rows_total, width)  # 0.5 for the legend, if a row
    subtitle = period_subtitle(period, words)
    if not mood.points:
        when = period_words(period, mood.today, words)
        return kind_message(
            figure,
            theme,
            ChartWords.tr(CALENDAR_TITLE),
            subtitle,
            ChartWords.tr(
                "No mood recorded {when} yet. Each day you note one fills a square here.",
                when=when,
            ),
        )
    bottom = _calendar_legend(figure, theme)
    titles(figure, theme, ChartWords.tr(CALENDAR_TITLE), subtitle)
    margins(figure, left=left, top=0.75, bottom=bottom, right=right)
    ax = figure.add_subplot()
    ax.set_facecolor(theme.background)
    ax.set_axis_off()
    values = {p.day: p.value for p in mood.points}
    cells = [[math.nan] * weeks_max for _ in range(rows_total)]
    label_size = theme.font_size * 0.8
    for index, (label, monday, last) in enumerate(strips):
        row0 = index * stride + gap
        weeks = (last - monday).days // 7 + 1
        for offset in range((last - monday).days + 1):
            day = monday + timedelta(days=offset)
            if day < period.first or (many and day.year != int(label)):
                continue
            value = values.get(day)
            cells[row0 + day.weekday()][offset // 7] = (
                0 if value is None else min(5, max(1, int(value + 0.5)))
            )
        previous = -10.0
        for offset in range(0, weeks * 7, 7):
            sunday = monday + timedelta(days=offset + 6)
            if sunday.day <= 7 and sunday.replace(day=1) <= last:  # the week of a month's 1st
                x = offset // 7
                if x - previous >= 3:
                    ax.text(
                        x,
                        row0 - 0.2,
                        words.month(sunday.replace(day=1)).split()[0],
                        fontsize=label_size,
                        color=theme.text,
                        va="bottom",
                        ha="left",
                    )
                    previous = x
        for weekday in (0, 2, 4, 6):
            ax.text(
                -0.4,
                row0 + weekday + 0.5,
                (date(2024, 1, 1) + timedelta(days=weekday)).strftime("%a"),
                fontsize=label_size,
                color=theme.text,
                va="center",
                ha="right",
            )
        if label:
            ax.text(
                -3.2,
                row0 + 3.5,
                label,
                fontsize=theme.font_size,
                color=theme.text,
                fontweight="bold",
                va="center",
                ha="right",
            )
        if weeks <= 15 and not many:
            for week in range(weeks):
                for weekday in range(7):
                    value = cells[row0 + weekday][week]
                    if value and not math.isnan(value):
                        ax.text(
                            week + 0.5,
                            row0 + weekday + 0.5,
                            str(value),
                            ha="center",
                            va="center",
                            fontsize=label_size,
                            color="#ffffff" if value <= 3 else "#1a1a1a",
                        )
    cmap = ListedColormap([theme.empty_cell, *theme.moods])
    norm = BoundaryNorm([-0.5, 0.5, 1.5, 2.5, 3.5, 4.5, 5.5], cmap.N)
    ax.pcolormesh(
        cells,
        cmap=cmap,
        norm=norm,
        edgecolors=theme.background,
        linewidth=0.4 if weeks_max > 30 else 1.5,
        gid="calendar",
    )
    ax.set_xlim(0, weeks_max)
    ax.set_ylim(len(cells), 0)
    ax.set_aspect("equal", anchor="NW")
    return figure


def _calendar_legend(figure: Figure, theme: ChartTheme) -> float:
    """The moods' legend along the foot of the figure, made taller when its words need a
    second row; returns the bottom margin (inches) that holds it."""
    handles = [
        Patch(facecolor=c, edgecolor=theme.muted, linewidth=0.5, label=f"{k} {mood_label(k)}")
        for k, c in zip(MOOD_WORDS, theme.moods, strict=True)
    ]
    handles.append(
        Patch(
            facecolor=theme.empty_cell,
            edgecolor=theme.muted,
            linewidth=0.5,
            label=ChartWords.tr("not recorded"),
        )
    )
    width, height = figure.get_size_inches()

    def make(ncol: int) -> Legend:
        box = figure.legend(
            handles=handles,
            loc="lower left",
            ncol=ncol,
            frameon=False,
            bbox_to_anchor=(TITLE_INDENT / width, 0.0),
            fontsize=theme.font_size * 0.85,
            handlelength=1.2,
            columnspacing=1.0,
        )
        for text in box.get_texts():
            text.set_color(theme.text)
        return box

    box = fitted(make, figure, TITLE_INDENT, len(handles), len(handles))
    bottom = inches_tall(figure, box) + 0.15
    figure.set_size_inches(width, height + bottom - 0.5)
    return bottom
