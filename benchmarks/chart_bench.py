# SPDX-License-Identifier: GPL-3.0-or-later
"""Chart timings over the whole demo vault (ten years at large scale), DESIGN §8:

- the insights of the period, read and computed once per period (the page caches them);
- each chart, warm: built from those insights and drawn on an Agg canvas, as the page shows it;
  its floor is the same plot drawn from ready lists of numbers (same artists, no computing);
- the first chart in a fresh process, including the matplotlib import; its floor is importing
  matplotlib and drawing the same plot from a ready list of numbers.

Rows are (name, value in ms, target, floor in ms or None, target in ms for the verdict).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

Row = tuple[str, float, str, float | None, float]
WARM_MS = 300.0
FIRST_MS = 1500.0


def _median_ms(fn: Callable[[], object], repeat: int = 5) -> float:
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _floors(insights) -> dict[str, Callable[[], object]]:
    """The same plots from ready lists of numbers: the artists each chart draws, unstyled."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import PolyCollection
    from matplotlib.figure import Figure

    from recovery_desktop.charts.base import day_number, mid_day
    from recovery_desktop.insights.period import next_bin

    def draw(plot: Callable[[Figure], object], height: float = 3.9) -> Callable[[], object]:
        def run() -> None:
            figure = Figure(figsize=(8, height), dpi=100)
            plot(figure)
            FigureCanvasAgg(figure).draw()

        return run

    mood, cravings = insights.mood, insights.cravings
    mood_xy = ([mid_day(p.day) for p in mood.points], [p.value for p in mood.points])
    mood_mean = ([mid_day(p.day) for p in mood.rolling], [p.value for p in mood.rolling])
    crave_xy = ([mid_day(p.day) for p in cravings.points], [p.value for p in cravings.points])
    crave_mean = ([mid_day(p.day) for p in cravings.rolling], [p.value for p in cravings.rolling])

    def series(xy, mean):
        def plot(figure):
            ax = figure.add_subplot()
            ax.plot(*xy, linestyle="none", marker="o", markersize=2.5)
            ax.plot(*mean)

        return plot

    roles = insights.connections
    boxes = []
    for role in roles.roles:
        bottom = 0
        rects = []
        for b in roles.bins:
            h = b.counts.get(role, 0)
            x, w = day_number(b.start), (next_bin(b.start, roles.bin) - b.start).days * 0.85
            if h:
                rects.append(((x, bottom), (x + w, bottom), (x + w, bottom + h), (x, bottom + h)))
        boxes.append(rects)

    def bars(figure):
        ax = figure.add_subplot()
        for rects in boxes:
            ax.add_collection(PolyCollection(rects))
        ax.autoscale_view()

    values = [float(p.value) for p in mood.points]
    weeks = len(values) // 7 + 1
    calendar = [
        [values[(w * 7 + d) % len(values)] if values else 0.0 for w in range(weeks)]
        for d in range(7)
    ]

    def mesh(figure):
        figure.add_subplot().pcolormesh(calendar)

    people = insights.network.on_map

    def network(figure):
        ax = figure.add_subplot()
        for i, p in enumerate(people):
            ax.plot([0, i], [0, 1])
            ax.plot([i], [1], marker="o", markersize=5 + p.connections % 20)
            ax.text(i, 1.1, p.name, rotation=45)

    compare = insights.mood_by_connection

    def dots(figure):
        ax = figure.add_subplot()
        ax.plot(compare.with_values, [1] * len(compare.with_values), "o")
        ax.plot(compare.without_values, [0] * len(compare.without_values), "o")

    trust = insights.trust.goals

    def steps(figure):
        ax = figure.add_subplot()
        for goal in trust:
            ax.plot(
                [day_number(p.day) for p in goal.points],
                [p.score for p in goal.points],
                drawstyle="steps-post",
                marker="o",
            )

    return {
        "mood": draw(series(mood_xy, mood_mean)),
        "cravings": draw(series(crave_xy, crave_mean)),
        "connections": draw(bars, 4.6),
        "with-without": draw(dots, 3.4),
        "trust": draw(steps, 4.0),
        "calendar": draw(mesh, 6.0),
        "network": draw(network, 7.5),
    }


def bench_charts(folder: Path, passphrase: str) -> list[Row]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from recovery_desktop.charts import CHARTS, LIGHT
    from recovery_desktop.insights import Period, compute
    from recovery_desktop.storage import Vault

    rows: list[Row] = []
    with Vault.open(folder, passphrase) as vault:
        today = date.today()
        period = Period(vault.aggregates.first_day() or today, today)
        compute_ms = _median_ms(lambda: compute(vault, period, today), repeat=3)
        insights = compute(vault, period, today)
    rows.append(
        (
            f"insights of all {period.days} days (once per period)",
            compute_ms,
            "300 ms",
            None,
            WARM_MS,
        )
    )
    floors = _floors(insights)
    for chart in CHARTS:
        ms = _median_ms(lambda chart=chart: FigureCanvasAgg(chart.build(insights, LIGHT)).draw())
        floor = _median_ms(floors[chart.key])
        rows.append((f"chart '{chart.key}', warm (build + draw)", ms, "300 ms", floor, WARM_MS))
    first, first_floor = _first_chart(folder, passphrase)
    rows.append(
        ("first chart, incl. matplotlib import and insights", first, "1.5 s", first_floor, FIRST_MS)
    )
    return rows


_FIRST = """
import time
start = time.perf_counter()
from matplotlib.backends.backend_agg import FigureCanvasAgg
from recovery_desktop.charts import CHARTS_BY_KEY, LIGHT
from recovery_desktop.insights import Period, compute
from recovery_desktop.storage import Vault
from datetime import date
with Vault.open({folder!r}, {passphrase!r}) as vault:
    period = Period(vault.aggregates.first_day() or date.today(), date.today())
    insights = compute(vault, period, date.today())
FigureCanvasAgg(CHARTS_BY_KEY["mood"].build(insights, LIGHT)).draw()
print((time.perf_counter() - start) * 1000)
"""

_FIRST_FLOOR = """
import time
start = time.perf_counter()
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
xs = list(range({n})); ys = [3 + (i % 5) / 2 for i in xs]
figure = Figure(figsize=(8, 3.9)); ax = figure.add_subplot()
ax.plot(xs, ys, linestyle="none", marker="o", markersize=2.5); ax.plot(xs, ys)
FigureCanvasAgg(figure).draw()
print((time.perf_counter() - start) * 1000)
"""


def _first_chart(folder: Path, passphrase: str) -> tuple[float, float]:
    """Medians over fresh processes. The benchmark vault has the cheap KDF, so unlocking is a
    few milliseconds of the figure; the rest is the import, the insights and the drawing."""

    def run(code: str) -> float:
        out = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        )
        return float(out.stdout.strip().splitlines()[-1])

    first = statistics.median(
        run(_FIRST.format(folder=str(folder), passphrase=passphrase)) for _ in range(3)
    )
    floor = statistics.median(run(_FIRST_FLOOR.format(n=3650)) for _ in range(3))
    return first, floor
