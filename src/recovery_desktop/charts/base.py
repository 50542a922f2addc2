# SPDX-License-Identifier: GPL-3.0-or-later
"""What every chart shares: a themed `Figure` (never pyplot), titles, date axes, the kind
sentence that stands in for an empty chart, and saving to PNG or SVG.

Figures are plain `matplotlib.figure.Figure` objects: no global pyplot state, so they may be
built on a worker thread and shown on the GUI thread with FigureCanvasQTAgg, or saved directly.
Nothing here changes matplotlib's global rcParams; sizes and colours are set per artist.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, timedelta
from pathlib import Path

from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, FuncFormatter

from recovery_desktop.charts.theme import ChartTheme
from recovery_desktop.core.words import Words
from recovery_desktop.insights.period import DateWords, Period

WIDTH = 8.0  # inches; the page scales the figure to its width
DPI = 100
# The narrowest a chart is shown: its column at the smallest window (960 pixels wide) is 6.9
# inches at 100 per inch; legends and tick labels are laid out to fit this, so a chart stretched
# or squeezed to its column (ui/insights/figure_width.py) never cuts a word off.
NARROWEST = 6.4
TITLE_INDENT = 0.15  # inches from the left edge: the title lines up with the words around it
KIND_HEIGHT = 1.9  # inches: a kind sentence needs no room for axes
_EPOCH = date.fromisoformat(mdates.get_epoch()[:10]).toordinal()
_BUILD_WIDTH: ContextVar[float] = ContextVar("chart_width", default=WIDTH)


@contextmanager
def built_at(width: float) -> Iterator[None]:
    """Build the figures made inside this block `width` inches wide (the page builds each
    chart at its column's width, so the calendar's squares fill it); per thread."""
    token = _BUILD_WIDTH.set(width)
    try:
        yield
    finally:
        _BUILD_WIDTH.reset(token)


class ChartWords(Words):
    """The charts' titles, axis labels, legends and kind sentences (core/words.py)."""


def day_number(day: date) -> float:
    """matplotlib's number for the start (midnight) of a day."""
    return float(day.toordinal() - _EPOCH)


def mid_day(day: date) -> float:
    """The middle of a day: a day's point sits in the middle of its own slot."""
    return day.toordinal() - _EPOCH + 0.5


def build_width() -> float:
    """The width (inches) figures are being built at (see `built_at`)."""
    return _BUILD_WIDTH.get()


def new_figure(theme: ChartTheme, height: float, width: float | None = None) -> Figure:
    """A figure `height` inches tall, as wide as `built_at` says (8 inches unless told), with
    an Agg canvas so its words can be measured while it is laid out."""
    figure = Figure(
        figsize=(width or _BUILD_WIDTH.get(), height), dpi=DPI, facecolor=theme.background
    )
    FigureCanvasAgg(figure)
    return figure


def inches_wide(figure: Figure, artist) -> float:
    """How wide `artist` (a text, a legend) is drawn, in inches."""
    renderer = figure.canvas.get_renderer()
    return artist.get_window_extent(renderer).width / figure.dpi


def inches_tall(figure: Figure, artist) -> float:
    """How tall `artist` is drawn, in inches."""
    renderer = figure.canvas.get_renderer()
    return artist.get_window_extent(renderer).height / figure.dpi


def margins(figure: Figure, left=0.9, right=0.3, top=0.95, bottom=0.55) -> None:
    """Fixed margins in inches (steadier and faster than a layout engine)."""
    width, height = figure.get_size_inches()
    figure.subplots_adjust(
        left=left / width,
        right=1 - right / width,
        top=1 - top / height,
        bottom=bottom / height,
    )


def titles(figure: Figure, theme: ChartTheme, title: str, subtitle: str = "") -> None:
    height = figure.get_size_inches()[1]
    figure.text(
        TITLE_INDENT / figure.get_size_inches()[0],
        1 - 0.18 / height,
        title,
        color=theme.text,
        fontsize=theme.font_size * 1.3,
        fontweight="bold",
        va="top",
        ha="left",
    )
    if subtitle:
        figure.text(
            TITLE_INDENT / figure.get_size_inches()[0],
            1 - 0.5 / height,
            subtitle,
            color=theme.muted,
            fontsize=theme.font_size,
            va="top",
            ha="left",
        )


def period_subtitle(period: Period, words: DateWords) -> str:
    if period.first == period.last:
        return words.day(period.first)
    return ChartWords.tr(
        "{first} to {last}", first=words.day(period.first), last=words.day(period.last)
    )


def style_axes(ax: Axes, theme: ChartTheme, *, grid_axis: str = "y") -> None:
    ax.set_facecolor(theme.background)
    for name, spine in ax.spines.items():
        spine.set_visible(name in ("left", "bottom"))
        spine.set_color(theme.muted)
    ax.tick_params(colors=theme.muted, labelcolor=theme.text, labelsize=theme.font_size * 0.9)
    if grid_axis:
        ax.grid(True, axis=grid_axis, color=theme.grid, linewidth=0.8)
        ax.set_axisbelow(True)
    ax.xaxis.label.set_color(theme.text)
    ax.yaxis.label.set_color(theme.text)
    ax.xaxis.label.set_fontsize(theme.font_size)
    ax.yaxis.label.set_fontsize(theme.font_size)


def kind_message(
    figure: Figure, theme: ChartTheme, title: str, subtitle: str, sentence: str
) -> Figure:
    """Stand in for an empty or too sparse chart: its title and a kind sentence, no axes, in
    a figure only as tall as they need (an empty chart-sized box looks like a broken chart)."""
    lines = textwrap.fill(sentence, 70)
    height = KIND_HEIGHT + 0.22 * max(0, lines.count("\n") - 1)
    figure.set_size_inches(figure.get_size_inches()[0], height)
    titles(figure, theme, title, subtitle)
    figure.text(
        0.5,
        (height - 0.8) / 2 / height,
        lines,
        color=theme.text,
        fontsize=theme.font_size * 1.1,
        ha="center",
        va="center",
        linespacing=1.5,
    )
    figure.set_gid("kind-message")  # tests and the page can tell it from a chart
    return figure


def is_kind_message(figure: Figure) -> bool:
    return figure.get_gid() == "kind-message"


def date_axis(ax: Axes, period: Period, words: DateWords) -> None:
    """Days along x from the first to the last day of the period, labelled in words."""
    start, end = day_number(period.first), day_number(period.last + timedelta(days=1))
    ax.set_xlim(start, end)
    days = period.days
    if days <= 62:
        locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
        label = words.short_day
    elif days <= 800:
        locator = mdates.MonthLocator(bymonthday=1, interval=max(1, round(days / 30 / 8)))
        label = words.month
    else:
        locator = mdates.YearLocator(base=max(1, round(days / 365 / 10)))
        label = lambda d: str(d.year)  # noqa: E731
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(
        FuncFormatter(lambda value, _pos: label(date.fromordinal(int(value) + _EPOCH)))
    )


def scale_axis(ax: Axes, values: range, labels: dict[int, str], theme: ChartTheme) -> None:
    """Fixed ticks on a scale (mood 1-5, craving 0-10) with words where there are some."""
    ax.yaxis.set_major_locator(FixedLocator(list(values)))
    ax.yaxis.set_major_formatter(
        FuncFormatter(lambda v, _pos: labels.get(int(round(v)), str(int(round(v)))))
    )


def legend(
    ax: Axes, theme: ChartTheme, handles, *, columns: int, anchor=(0.0, 1.02)
) -> Legend | None:
    """A frameless legend above the plot, left-aligned with it, with at most `columns`
    columns: fewer when its row would run past the figure's right edge at the narrowest
    width the chart is shown (`NARROWEST`). `top_for_legend` says how much room it needs."""
    if not handles:
        return None

    def make(ncol: int) -> Legend:
        box = ax.legend(
            handles=handles,
            loc="lower left",
            bbox_to_anchor=anchor,
            ncol=ncol,
            frameon=False,
            fontsize=theme.font_size * 0.85,
            handlelength=1.6,
            columnspacing=1.2,
            borderaxespad=0.1,
        )
        for text in box.get_texts():
            text.set_color(theme.text)
        return box

    return fitted(make, ax.figure, _inches_from_left(ax, anchor[0]), columns, len(handles))


def _inches_from_left(ax: Axes, x: float) -> float:
    width = ax.figure.get_size_inches()[0]
    box = ax.get_position()
    return (box.x0 + x * box.width) * width


def fitted(
    make: Callable[[int], Legend], figure: Figure, left: float, columns: int, count: int
) -> Legend:
    """The legend `make(columns)` makes, made again with a column fewer while it is wider
    than the room from `left` inches (where it starts) to the right edge at `NARROWEST`
    inches. (A legend lays out its columns when made: changing `ncols` later moves nothing.)
    `left` is 0 for a legend centred on the figure."""
    room = min(NARROWEST, figure.get_size_inches()[0]) - left - 0.1
    columns = max(1, min(columns, count))
    box = make(columns)
    while columns > 1 and inches_wide(figure, box) > room:
        box.remove()
        columns -= 1
        box = make(columns)
    return box


def top_for_legend(figure: Figure, box: Legend | None, *, least: float = 0.78) -> float:
    """The top margin (inches) that leaves room for the title, the subtitle and `box` above
    the plot: the legend's own height over the subtitle's foot (at `least` inches)."""
    if box is None:
        return least
    return least + inches_tall(figure, box) + 0.08


def hatch_colour(theme: ChartTheme) -> dict[str, object]:
    """Hatches in the text colour, half strong, so they show on any bar colour and in grey
    print (matplotlib 3.10 and later; older ones draw them in the edge colour)."""
    if not hasattr(Patch, "set_hatchcolor"):
        return {}
    return {"hatchcolor": to_rgba(theme.text, 0.55)}


def to_bytes(figure: Figure, fmt: str) -> bytes:
    """The figure as PNG or SVG (fonts as paths in SVG, so it looks the same anywhere)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, facecolor=figure.get_facecolor(), dpi=DPI * 1.5)
    return buffer.getvalue()


def save(figure: Figure, path: Path) -> None:
    """Save as PNG or SVG, by the file's suffix (what the person chose to export)."""
    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise ValueError("Charts are saved as .png or .svg files.")
    Path(path).write_bytes(to_bytes(figure, fmt))
