# SPDX-License-Identifier: GPL-3.0-or-later
"""What the Insights page runs on worker threads (through `ui.workers.run_in_background`).

Threading contract, the reason for this module:
- `load_charts` imports matplotlib and the chart builders (about a second the first time).
  The GUI thread imports nothing from matplotlib until it has returned.
- `read_period` opens its own vault connection, reads and computes one period, and closes it.
  (Which days a choice such as "all" means is settled on the GUI thread: one indexed lookup.)
  Its result is frozen and holds no connection: the page caches it per period.
- `draw_chart` builds a chart's `Figure` and draws it once with Agg at the size the page will
  show it, into a `QImage` (QImage, unlike QPixmap, may be made off the GUI thread). The figure
  and the picture are then handed to the GUI thread, and no worker touches that figure again:
  matplotlib's artists are not thread-safe, but a figure built on one thread and from then on
  used only on another is fine, and Agg keeps its fonts per thread.
- `save_chart` builds a fresh figure for the file, so the one on screen never leaves the GUI.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage

from recovery_desktop.insights import DateWords, Finding, Insights, Period, Table, compute
from recovery_desktop.insights.records import sources_on
from recovery_desktop.ui.insights.figure_width import WidthFit

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from recovery_desktop.charts import Chart, ChartTheme
    from recovery_desktop.storage import Vault

DPI = 100  # logical pixels per inch on screen: the charts' own figure dpi


def load_charts() -> ModuleType:
    """Import the chart builders, matplotlib's Agg and its Qt canvas; return `charts`."""
    import matplotlib.backends.backend_agg  # noqa: F401
    import matplotlib.backends.backend_qtagg  # noqa: F401

    from recovery_desktop import charts

    return charts


@dataclass(frozen=True, slots=True)
class PeriodInsights:
    """One period read and computed: what the page caches and shows at the top."""

    insights: Insights
    findings: tuple[Finding, ...]

    @property
    def period(self) -> Period:
        return self.insights.period

    @property
    def today(self) -> date:
        return self.insights.today


def read_period(vault: Vault, period: Period, today: date, words: DateWords) -> PeriodInsights:
    """Read one period on this thread's own connection (private entries included: the page
    is the person's own view)."""
    from recovery_desktop.storage.connection import close_database

    conn = vault.open_connection()
    try:
        insights = compute(sources_on(conn), period, today, include_private=True)
    finally:
        close_database(conn)
    return PeriodInsights(insights, tuple(insights.findings(words)))


@dataclass(frozen=True, slots=True)
class DrawnChart:
    """A chart ready to show: its figure (from now on the GUI thread's), the picture of it
    drawn at `width` x `height` logical pixels, its words and numbers, and `fit`, which
    keeps its margins when the canvas changes width."""

    key: str
    title: str
    summary: str
    table: Table
    figure: Figure
    picture: QImage
    width: int
    height: int
    kind_message: bool
    fit: WidthFit


def draw_chart(
    chart: Chart,
    insights: Insights,
    theme: ChartTheme,
    words: DateWords,
    width: int,
    pixel_ratio: float = 1.0,
) -> DrawnChart:
    """Build `chart` and draw it `width` logical pixels wide at its own height, for a screen
    with `pixel_ratio` physical pixels per logical one."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from recovery_desktop.charts import is_kind_message
    from recovery_desktop.charts.base import built_at

    with built_at(width / DPI):  # laid out for its column (the calendar fills it)
        figure = chart.build(insights, theme, words)
    built_width, built_height = figure.get_size_inches()
    height = max(1, round(built_height * DPI))  # whole pixels, as the canvas will have
    figure.set_size_inches(built_width, height / DPI)
    fit = WidthFit(figure)
    fit.apply(width / DPI)
    figure.set_dpi(DPI * pixel_ratio)
    agg = FigureCanvasAgg(figure)
    agg.draw()
    buffer = agg.buffer_rgba()
    rows, columns = buffer.shape[0], buffer.shape[1]
    picture = QImage(bytes(buffer), columns, rows, columns * 4, QImage.Format.Format_RGBA8888)
    picture = picture.copy()  # owns its pixels once the buffer goes
    picture.setDevicePixelRatio(pixel_ratio)
    figure.set_dpi(DPI)  # the Qt canvas scales it for the screen itself
    return DrawnChart(
        chart.key,
        chart.title(insights),
        chart.summary(insights, words),
        chart.table(insights, words),
        figure,
        picture,
        width,
        height,
        is_kind_message(figure),
        fit,
    )


def save_chart(
    chart: Chart, insights: Insights, theme: ChartTheme, words: DateWords, path: Path
) -> Path:
    """Build the chart afresh and write it as PNG or SVG (by `path`'s suffix)."""
    from recovery_desktop.charts import save

    save(chart.build(insights, theme, words), path)
    return path
