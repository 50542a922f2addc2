# SPDX-License-Identifier: GPL-3.0-or-later
"""Connections per week (or month) by role with "felt supported" beneath, and mood on days
with and without a connection (every day as a dot, the mean with its 95% interval and n)."""

from __future__ import annotations

from datetime import timedelta

from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from recovery_desktop.charts.base import (
    TITLE_INDENT,
    ChartWords,
    date_axis,
    day_number,
    hatch_colour,
    inches_wide,
    kind_message,
    legend,
    margins,
    new_figure,
    period_subtitle,
    scale_axis,
    style_axes,
    titles,
    top_for_legend,
)
from recovery_desktop.charts.theme import ChartTheme
from recovery_desktop.insights.connection_series import (
    ConnectionsByRole,
    MoodByConnection,
    role_words,
)
from recovery_desktop.insights.period import WORDS, Bin, DateWords, next_bin
from recovery_desktop.insights.tables import period_words
from recovery_desktop.insights.wording import MOOD_WORDS, mood_label

GOES_TOGETHER = ChartWords.QT_TR_NOOP(
    "These go together; this does not show that one causes the other."
)


def roles_title(data: ConnectionsByRole) -> str:
    if data.bin is Bin.WEEK:
        return ChartWords.tr("Who you connected with, per week")
    return ChartWords.tr("Who you connected with, per month")


def roles_chart(data: ConnectionsByRole, theme: ChartTheme, words: DateWords = WORDS) -> Figure:
    """Stacked bars per bin, one colour, hatch and legend entry per role; beneath them the
    mean "felt supported" of each bin where it was noted (a dot, never a line over a gap)."""
    figure = new_figure(theme, 4.6)
    title = roles_title(data)
    subtitle = period_subtitle(data.period, words)
    if not data.total:
        when = period_words(data.period, data.today, words)
        return kind_message(
            figure,
            theme,
            title,
            subtitle,
            ChartWords.tr(
                "No connections logged {when} yet. When you note a call, a text or a meeting, "
                "it will show here, by who it was with.",
                when=when,
            ),
        )
    titles(figure, theme, title, subtitle)
    margins(figure, left=0.9, top=1.25, bottom=0.5)
    grid = figure.add_gridspec(2, 1, height_ratios=(3.2, 1), hspace=0.12)
    bars = figure.add_subplot(grid[0])
    felt = figure.add_subplot(grid[1], sharex=bars)
    style_axes(bars, theme)
    style_axes(felt, theme)
    spans = [(next_bin(b.start, data.bin) - b.start).days for b in data.bins]
    widths = [days * (0.8 if data.bin is Bin.WEEK else 0.85) for days in spans]
    # Each bar in the middle of its week or month, over the "felt supported" dot beneath it.
    starts = [
        day_number(b.start) + (days - width) / 2
        for b, days, width in zip(data.bins, spans, widths, strict=True)
    ]
    bottoms = [0] * len(data.bins)
    handles = []
    for role in data.roles:
        style = theme.role(role)
        heights = [b.counts.get(role, 0) for b in data.bins]
        # One collection per role: a thousand separate bar patches take a second to lay out.
        boxes = PolyCollection(
            [
                ((x, y0), (x + w, y0), (x + w, y0 + h), (x, y0 + h))
                for x, w, y0, h in zip(starts, widths, bottoms, heights, strict=True)
                if h
            ],
            facecolors=style.colour,
            edgecolors=theme.background,
            linewidths=0.6,
            hatch=style.hatch if len(data.bins) <= 60 else None,
            gid=f"role:{role}",
            **hatch_colour(theme),
        )
        bars.add_collection(boxes, autolim=False)
        bottoms = [a + b for a, b in zip(bottoms, heights, strict=True)]
        handles.append(
            Patch(
                facecolor=style.colour,
                hatch=style.hatch,
                edgecolor=theme.background,
                label=f"{role_words(role)} ({data.totals[role]})",
                **hatch_colour(theme),
            )
        )
    bars.set_ylim(0, max(bottoms) * 1.05)
    bars.set_ylabel(
        ChartWords.tr("Connections\nper week")
        if data.bin is Bin.WEEK
        else ChartWords.tr("Connections\nper month")
    )
    bars.tick_params(labelbottom=False)
    box = legend(bars, theme, handles, columns=min(4, len(handles)))
    margins(figure, left=0.9, top=top_for_legend(figure, box), bottom=0.5)
    xs, ys = [], []
    for b in data.bins:
        if b.supported.value is not None:
            xs.append(day_number(b.start) + (next_bin(b.start, data.bin) - b.start).days / 2)
            ys.append(b.supported.value)
    felt.plot(
        xs,
        ys,
        linestyle="none",
        marker="o",
        markersize=3.5 if len(xs) > 60 else 5,
        color=theme.line,
        gid="felt-supported",
    )
    felt.set_ylim(0.5, 5.5)
    scale_axis(felt, range(1, 6, 2), {}, theme)
    felt.set_ylabel(ChartWords.tr("Felt\nsupported"), fontsize=theme.font_size * 0.9)
    period = data.period
    date_axis(felt, period, words)
    first_bin = data.bins[0].start if data.bins else period.first
    felt.set_xlim(
        day_number(min(first_bin, period.first)), day_number(period.last + timedelta(days=1))
    )
    return figure


COMPARE_TITLE = ChartWords.QT_TR_NOOP("Mood on days with and without a connection")


def _too_few_to_compare(with_n: int, without_n: int, when: str) -> str:
    counts = ChartWords.tr(
        "({with_days} with a connection, {without_days} without)",
        with_days=with_n,
        without_days=without_n,
    )
    if with_n >= 2 and without_n < 2:
        return ChartWords.tr(
            "Nearly every day with a mood {when} also had a connection {counts}, so there are "
            "too few days without one to compare.",
            when=when,
            counts=counts,
        )
    return ChartWords.tr(
        "To compare, this needs at least two days with a mood on each side {counts}. As days "
        "with and without a connection add up, it will show here.",
        counts=counts,
    )


def compare_chart(data: MoodByConnection, theme: ChartTheme, words: DateWords = WORDS) -> Figure:
    """Two rows: every day's mood as a dot, the mean as a diamond with its 95% interval, and
    the mean and n in words beside it; the caption says "go together", never "causes"."""
    figure = new_figure(theme, 3.4)
    subtitle = period_subtitle(data.period, words)
    if not data.comparable:
        when = period_words(data.period, data.today, words)
        return kind_message(
            figure,
            theme,
            ChartWords.tr(COMPARE_TITLE),
            subtitle,
            _too_few_to_compare(len(data.with_values), len(data.without_values), when),
        )
    titles(figure, theme, ChartWords.tr(COMPARE_TITLE), subtitle)
    margins(figure, left=2.2, right=2.0, top=1.0, bottom=0.95)  # until the words are measured
    ax = figure.add_subplot()
    style_axes(ax, theme, grid_axis="x")
    rows = (
        (1, "with a connection", data.with_values, data.with_mean, data.with_interval),
        (0, "without", data.without_values, data.without_mean, data.without_interval),
    )
    notes = []
    for y, _label, values, mean, interval in rows:
        count = len(values)
        xs = list(values)
        # Spread the dots up and down a little (the same way every time) so days stay visible.
        ys = [y + 0.28 * (((i * 0.618034) % 1.0) - 0.5) for i in range(count)]
        ax.plot(
            xs,
            ys,
            linestyle="none",
            marker="o",
            markersize=4 if count < 200 else 2.5,
            alpha=0.5 if count < 200 else 0.15,
            color=theme.points,
            gid=f"days:{y}",
        )
        if interval is not None:
            ax.plot(
                [interval.low, interval.high],
                [y, y],
                color=theme.line,
                linewidth=2.5,
                solid_capstyle="butt",
                gid=f"interval:{y}",
            )
            for end in (interval.low, interval.high):
                ax.plot([end, end], [y - 0.12, y + 0.12], color=theme.line, linewidth=1.5)
        ax.plot(
            [mean.value],
            [y],
            linestyle="none",
            marker="D",
            markersize=9,
            color=theme.line,
            markeredgecolor=theme.background,
            gid=f"mean:{y}",
        )
        note = ax.annotate(
            ChartWords.tr("{mean} (n = {count} days)", mean=f"{mean.value:.1f}", count=mean.n),
            xy=(1.0, y),
            xycoords=("axes fraction", "data"),
            xytext=(8, 0),
            textcoords="offset points",
            va="center",
            color=theme.text,
            fontsize=theme.font_size,
        )
        notes.append(note)
    ax.set_yticks([1, 0], [ChartWords.tr("Days with\na connection"), ChartWords.tr("Days without")])
    ax.set_ylim(-0.6, 1.6)
    ax.set_xlim(0.7, 5.3)
    ax.set_xticks(range(1, 6), [f"{k} {mood_label(k)}" for k in MOOD_WORDS])
    ax.set_xlabel(ChartWords.tr("Mood"))
    # Margins as wide as the words beside the plot, so the plot keeps the rest: at the
    # narrowest width, fixed wide margins left the mood words on the x axis crowding.
    row_words = max(inches_wide(figure, t) for t in ax.get_yticklabels())
    note_words = max(inches_wide(figure, n) for n in notes)
    margins(
        figure,
        left=max(TITLE_INDENT + row_words + 0.15, 1.0),
        right=note_words + 0.25,
        top=1.0,
        bottom=0.95,
    )
    diff = data.difference
    caption = (
        ChartWords.tr(
            "Diamond: the mean; bar: where it likely lies (95%). Difference {difference}, "
            "likely {low} to {high}. {goes_together}",
            difference=f"{data.with_mean.value - data.without_mean.value:+.1f}",
            low=f"{diff.low:+.1f}",
            high=f"{diff.high:+.1f}",
            goes_together=ChartWords.tr(GOES_TOGETHER),
        )
        if diff and data.with_mean.value is not None and data.without_mean.value is not None
        else ChartWords.tr(GOES_TOGETHER)
    )
    figure.text(
        TITLE_INDENT / figure.get_size_inches()[0],
        0.12 / 3.4,
        caption,
        color=theme.muted,
        fontsize=theme.font_size * 0.85,
        wrap=True,
    )
    legend(
        ax,
        theme,
        [
            Line2D(
                [],
                [],
                linestyle="none",
                marker="o",
                color=theme.points,
                label=ChartWords.tr("one day"),
            ),
            Line2D(
                [], [], linestyle="none", marker="D", color=theme.line, label=ChartWords.tr("mean")
            ),
        ],
        columns=2,
    )
    return figure
