# SPDX-License-Identifier: GPL-3.0-or-later
"""The Qt-light parts of the Insights page: what a period choice means on a given day, and
a chart shown wider or narrower than built keeping its margins in inches."""

from __future__ import annotations

from datetime import date

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from recovery_desktop.charts import CHARTS_BY_KEY, LIGHT
from recovery_desktop.insights import Insights, Period
from recovery_desktop.ui.insights.figure_width import WidthFit
from recovery_desktop.ui.insights.period_choice import PeriodChoice
from tests.unit.test_charts import synthetic

TODAY = date(2025, 6, 30)


def test_a_choice_means_different_days_on_different_days():
    def first_day() -> date:
        return date(2024, 2, 29)

    assert PeriodChoice.last_days(30).resolve(TODAY, first_day) == Period(date(2025, 6, 1), TODAY)
    assert PeriodChoice.last_days(30).resolve(date(2025, 7, 1), first_day).first == date(2025, 6, 2)
    assert PeriodChoice.all_days().resolve(TODAY, first_day) == Period(date(2024, 2, 29), TODAY)
    assert PeriodChoice.all_days().resolve(TODAY, lambda: None) == Period(TODAY, TODAY)
    # An entry dated ahead of today does not make "all" end before it starts.
    assert PeriodChoice.all_days().resolve(TODAY, lambda: date(2025, 8, 1)) == Period(TODAY, TODAY)
    # Dates typed the wrong way round still make a period.
    backwards = PeriodChoice.custom(date(2025, 5, 31), date(2025, 5, 1))
    assert backwards.resolve(TODAY, first_day) == Period(date(2025, 5, 1), date(2025, 5, 31))
    called = []
    PeriodChoice.last_days(90).resolve(TODAY, lambda: called.append(1))
    assert called == []  # the vault is asked for its first day only for "all"


@pytest.mark.parametrize("key", ["mood", "calendar", "with-without"])
def test_a_wider_chart_keeps_its_margins_and_words_in_inches(key: str):
    figure = CHARTS_BY_KEY[key].build(Insights.from_records(synthetic(60)), LIGHT)
    built = figure.get_size_inches()[0]
    fit = WidthFit(figure)

    def places() -> tuple[list[float], list[float], list[float]]:
        width = figure.get_size_inches()[0]
        axes = []
        for ax in figure.axes:
            box = ax.get_position(original=True)
            axes += [box.x0 * width, (1 - box.x1) * width]
        texts = [t.get_position()[0] * width for t in figure.texts if t.get_ha() == "left"]
        FigureCanvasAgg(figure).draw()
        legends = [lg.get_window_extent().x0 / figure.dpi for lg in figure.legends]
        return axes, texts, legends

    axes, texts, legends = places()
    assert axes and texts
    for width in (11.0, 6.5, built):
        fit.apply(width)
        assert figure.get_size_inches()[0] == pytest.approx(width)
        now_axes, now_texts, now_legends = places()
        assert now_axes == pytest.approx(axes)  # left and right margins, in inches
        assert now_texts == pytest.approx(texts)  # the title and subtitle stay indented
        assert now_legends == pytest.approx(legends, abs=0.02)
