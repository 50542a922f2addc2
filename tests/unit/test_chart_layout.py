# SPDX-License-Identifier: GPL-3.0-or-later
"""The charts' words fit, at every width the page shows them: from the narrowest column (a
960-pixel window) to the widest, built at that width or stretched to it later. Read from the
artists' drawn extents, not from pixels: no word runs off the figure, no legend covers the
title, the subtitle or the plot's tick labels, tick labels do not run into each other, the
calendar's strips are evenly spaced with their month names clear of the squares, and a kind
sentence takes a compact figure rather than a chart-sized empty box."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import QuadMesh
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from recovery_desktop.charts import CHARTS, CHARTS_BY_KEY, DARK, LIGHT, is_kind_message
from recovery_desktop.charts.base import NARROWEST, WIDTH, built_at
from recovery_desktop.core.models import Commitment, Goal, Outcome
from recovery_desktop.insights import Insights, Period, Records
from recovery_desktop.insights.records import GoalRecords
from recovery_desktop.ui.insights.figure_width import WidthFit
from tests.unit.test_charts import SPARSE, TODAY, _day, synthetic

WIDEST = 11.0  # a chart column is at most 1100 logical pixels (ui/insights/page.py)


def many_goals() -> Records:
    """Sixty days, and five goals with long titles: a legend of three rows."""
    records = synthetic(60)
    goals = tuple(
        GoalRecords(
            Goal(f"Goal number {n} with a title long enough to be cut", id=n),
            tuple(
                Commitment(
                    n,
                    f"promise {i}",
                    outcome=Outcome.KEPT if (i + n) % 3 else Outcome.MISSED,
                    noted_at=datetime.combine(
                        records.period.first + timedelta(days=i * 4 + n), time(12), UTC
                    ),
                )
                for i in range(12)
            ),
            None,
        )
        for n in range(1, 6)
    )
    return replace(records, goals=goals)


DATASETS = {
    "ordinary": lambda: Insights.from_records(synthetic(60)),
    "ten-years": lambda: Insights.from_records(synthetic(3652)),
    "many-goals": lambda: Insights.from_records(many_goals()),
}
_cache: dict[str, Insights] = {}


def insights(name: str) -> Insights:
    if name not in _cache:
        _cache[name] = DATASETS[name]()
    return _cache[name]


def drawn(figure: Figure):
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    return canvas.get_renderer()


def visible_texts(figure: Figure, renderer) -> list[Text]:
    """The words drawn: figure and axes texts, axis labels, legend entries and the tick
    labels inside the axes' limits (matplotlib keeps others it does not draw)."""
    ticks = {
        id(t)
        for ax in figure.axes
        for a in (ax.xaxis, ax.yaxis)
        for t in a.get_ticklabels(which="both")
    }
    texts = [
        t
        for t in figure.findobj(Text)
        if t.get_visible() and t.get_text().strip() and id(t) not in ticks
    ]
    del renderer
    return texts


def tick_labels(figure: Figure, renderer) -> list[list[Bbox]]:
    """The drawn tick labels of each axis, as extents, in order along it."""
    out = []
    for ax in figure.axes:
        if not ax.axison:
            continue  # drawn without axes (the calendar, the map)
        for axis in (ax.xaxis, ax.yaxis):
            boxes = []
            for tick in axis.get_major_ticks():
                label = tick.label1
                if tick.get_visible() and label.get_visible() and label.get_text().strip():
                    lo, hi = axis.get_view_interval()
                    if min(lo, hi) - 1e-9 <= tick.get_loc() <= max(lo, hi) + 1e-9:
                        boxes.append(label.get_window_extent(renderer))
            out.append(boxes)
    return out


def drawn_ticks(figure: Figure) -> list[Text]:
    out = []
    for ax in figure.axes:
        if not ax.axison:
            continue
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks():
                label = tick.label1
                if label.get_visible() and label.get_text().strip() and lo <= tick.get_loc() <= hi:
                    out.append(label)
    return out


def legends(figure: Figure):
    found = list(figure.legends)
    for ax in figure.axes:
        if ax.get_legend() is not None:
            found.append(ax.get_legend())
    return found


def overlap(a: Bbox, b: Bbox, slack: float = 1.0) -> bool:
    return (
        a.x0 + slack < b.x1 and b.x0 + slack < a.x1 and a.y0 + slack < b.y1 and b.y0 + slack < a.y1
    )


def shown_at(key: str, data: str, width: float, built: float) -> Figure:
    """The chart as the page would show it: built `built` inches wide, shown `width` wide."""
    with built_at(built):
        figure = CHARTS_BY_KEY[key].build(insights(data), LIGHT)
    WidthFit(figure).apply(width)
    return figure


SIZES = [
    (NARROWEST, NARROWEST),  # drawn for the narrowest column
    (NARROWEST, WIDTH),  # built for a file, squeezed into the narrowest column
    (WIDEST, WIDTH),  # and stretched to the widest
    (WIDTH, WIDEST),  # built wide, then the window made narrower
]


@pytest.mark.parametrize(("width", "built"), SIZES, ids=lambda v: f"{v:g}in")
@pytest.mark.parametrize("data", list(DATASETS))
def test_every_word_fits_and_no_legend_covers_words(data: str, width: float, built: float):
    for chart in CHARTS:
        figure = shown_at(chart.key, data, width, built)
        renderer = drawn(figure)
        frame = figure.bbox
        for text in visible_texts(figure, renderer) + drawn_ticks(figure):
            box = text.get_window_extent(renderer)
            inside = (
                box.x0 >= frame.x0 - 1
                and box.x1 <= frame.x1 + 1
                and box.y0 >= frame.y0 - 1
                and box.y1 <= frame.y1 + 1
            )
            assert inside, f"{chart.key}: {text.get_text()!r} runs off the figure ({box})"
        words = [t.get_window_extent(renderer) for t in figure.texts]
        ticks = [b for boxes in tick_labels(figure, renderer) for b in boxes]
        for legend in legends(figure):
            box = legend.get_window_extent(renderer)
            assert frame.x0 - 1 <= box.x0 and box.x1 <= frame.x1 + 1, f"{chart.key}: legend cut"
            for other in words + ticks:
                assert not overlap(box, other), f"{chart.key}: the legend covers words"
        for boxes in tick_labels(figure, renderer):
            for a, b in zip(boxes, boxes[1:], strict=False):
                assert not overlap(a, b, slack=-2.0), f"{chart.key}: tick labels run together"


def _calendar_rows(figure: Figure) -> tuple[list[list[float]], list[Text]]:
    (ax,) = figure.axes
    (mesh,) = [c for c in ax.collections if isinstance(c, QuadMesh)]
    cells = mesh.get_array()
    rows = [list(row) for row in cells.filled(math.nan)]
    return rows, [t for t in ax.texts if t.get_va() == "bottom"]  # the month names


@pytest.mark.parametrize("width", [NARROWEST, WIDTH, WIDEST])
@pytest.mark.parametrize("data", ["ordinary", "ten-years"])
def test_calendar_strips_are_evenly_spaced_and_month_names_clear_the_squares(data, width):
    with built_at(width):
        figure = CHARTS_BY_KEY["calendar"].build(insights(data), LIGHT)
    renderer = drawn(figure)
    rows, months = _calendar_rows(figure)
    filled = [i for i, row in enumerate(rows) if any(not math.isnan(v) for v in row)]
    # Strips: runs of filled rows; their first rows are the same distance apart.
    firsts = [r for r in filled if r - 1 not in filled]
    assert len({b - a for a, b in zip(firsts, firsts[1:], strict=False)}) <= 1
    # No empty band between the subtitle and the first month names (it was half an inch).
    subtitle = figure.texts[1].get_window_extent(renderer)
    highest = max(month.get_window_extent(renderer).y1 for month in months)
    assert subtitle.y0 - highest < 0.36 * figure.dpi
    ax = figure.axes[0]
    to_data = ax.transData.inverted()
    for month in months:
        box = month.get_window_extent(renderer)
        (x0, y_low), (x1, y_high) = to_data.transform([(box.x0, box.y1), (box.x1, box.y0)])
        for row in range(max(0, math.floor(y_low)), min(len(rows), math.ceil(y_high))):
            for col in range(max(0, math.floor(x0)), min(len(rows[0]), math.ceil(x1))):
                assert math.isnan(rows[row][col]), (
                    f"{month.get_text()} sits on a square (row {row}, week {col})"
                )


def test_a_kind_sentence_takes_a_compact_figure():
    sparse = Insights.from_records(SPARSE)
    for chart in CHARTS:
        full = chart.build(insights("ordinary"), LIGHT)
        figure = chart.build(sparse, LIGHT)
        if not is_kind_message(figure):
            continue
        height = figure.get_size_inches()[1]
        assert height < 2.5 < full.get_size_inches()[1], chart.key
        renderer = drawn(figure)
        sentence = figure.texts[-1].get_window_extent(renderer)
        subtitle = figure.texts[1].get_window_extent(renderer)
        assert sentence.y1 < subtitle.y0 and sentence.y0 > 0, chart.key


def test_mood_chart_names_no_line_it_did_not_draw():
    month = Period.last_days(30, TODAY)
    every_third = tuple(_day(month.first + timedelta(days=n), 3.0, 2) for n in range(0, 30, 3))
    sparse = Insights.from_records(Records(month, TODAY, days=every_third))
    assert sparse.mood.points and not sparse.mood.rolling  # never 4 days in a week: no mean
    figure = CHARTS_BY_KEY["mood"].build(sparse, LIGHT)
    labels = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert not any("mean" in label for label in labels), labels


def _luminance(colour: str) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in to_rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    low, high = sorted((_luminance(a), _luminance(b)))
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=lambda t: t.name)
def test_every_mood_square_stands_out_and_the_scale_reads_in_grey(theme):
    """In dark, viridis' deep purple for "awful" was as dark as the background (contrast 1.0):
    an awful day vanished from the calendar."""
    lightness = [_luminance(c) for c in theme.moods]
    assert lightness == sorted(lightness)  # awful darkest, great lightest: grey keeps the order
    if theme is DARK:
        for colour in theme.moods:
            assert _contrast(colour, theme.background) >= 2.0, colour
        assert _contrast(theme.moods[0], theme.empty_cell) >= 1.5  # awful is not "not recorded"


def test_network_neighbours_do_not_overlap():
    figure = CHARTS_BY_KEY["network"].build(insights("ten-years"), LIGHT)
    renderer = drawn(figure)
    people = [line for line in figure.axes[0].lines if (line.get_gid() or "").startswith("person:")]
    boxes = [line.get_window_extent(renderer) for line in people]
    for a, b in zip(boxes, boxes[1:] + boxes[:1], strict=True):
        assert not overlap(a, b, slack=0.5)
