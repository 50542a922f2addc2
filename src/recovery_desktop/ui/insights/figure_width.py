# SPDX-License-Identifier: GPL-3.0-or-later
"""Showing a chart wider or narrower than it was built, with its margins kept in inches.

The chart builders lay a figure out for 8 inches, in fractions of its width. Stretched to a
page column as it is, the left margin and the title's indent would grow with the column
(1.25 inches at 10 wide). `WidthFit` notes, at the width the figure was built, how far each
axes, figure text and figure legend sits from the edge it hangs from, in inches, and puts them
back there at any other width: the plot area stretches, the words stay where they were.
Squares stay square (the calendar and the network map keep their equal aspect).

No matplotlib import here: it works on the figure it is given, on whichever thread owns it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend
    from matplotlib.text import Text

# matplotlib's legend location codes, by the side the legend hangs from.
_LEFT_CODES = {2, 3, 6}
_RIGHT_CODES = {1, 4, 5, 7}


@dataclass(frozen=True, slots=True)
class _AxesPlace:
    axes: Axes
    left: float  # inches from the figure's left edge
    right: float  # inches from its right edge
    bottom: float  # fraction (heights do not change)
    height: float


@dataclass(frozen=True, slots=True)
class _TextPlace:
    text: Text
    inches: float  # from the edge named by `side`
    side: str  # "left", "right" or "centre" (a fraction then, kept as it was)
    y: float


@dataclass(frozen=True, slots=True)
class _LegendPlace:
    legend: Legend
    inches: float
    side: str
    y: float


def _from_edge(fraction: float, side: str, width: float) -> float:
    if side == "left":
        return fraction * width
    if side == "right":
        return (1 - fraction) * width
    return fraction


def _to_fraction(inches: float, side: str, width: float) -> float:
    if side == "left":
        return inches / width
    if side == "right":
        return 1 - inches / width
    return inches


class WidthFit:
    """Made right after a figure is built; `apply(width)` sets the figure `width` inches wide
    with its margins as built."""

    def __init__(self, figure: Figure) -> None:
        self.figure = figure
        built = float(figure.get_size_inches()[0])
        self.built_width = built
        self._axes = []
        for ax in figure.axes:
            box = ax.get_position(original=True)
            self._axes.append(
                _AxesPlace(ax, box.x0 * built, (1 - box.x1) * built, box.y0, box.height)
            )
        self._texts = []
        for text in figure.texts:
            if text.get_transform() != figure.transFigure:
                continue
            x, y = text.get_position()
            align = text.get_horizontalalignment()
            side = {"left": "left", "right": "right"}.get(align, "centre")
            self._texts.append(_TextPlace(text, _from_edge(x, side, built), side, y))
        self._legends = []
        figure_width_px = figure.bbox.width
        for legend in figure.legends:
            anchor = legend.get_bbox_to_anchor()
            code = getattr(legend, "_loc", 0)  # matplotlib keeps the location code there
            code = code if isinstance(code, int) else 0
            side = "left" if code in _LEFT_CODES else "right" if code in _RIGHT_CODES else "centre"
            x = (anchor.x1 if side == "right" else anchor.x0) / figure_width_px
            y = anchor.y0 / figure.bbox.height
            self._legends.append(_LegendPlace(legend, _from_edge(x, side, built), side, y))

    def apply(self, width: float) -> None:
        """Make the figure `width` inches wide (its height unchanged), margins as built."""
        figure = self.figure
        height = float(figure.get_size_inches()[1])
        figure.set_size_inches(width, height, forward=False)
        for place in self._axes:
            plot = max(0.1, width - place.left - place.right)
            place.axes.set_position(
                (place.left / width, place.bottom, plot / width, place.height), which="both"
            )
        for text in self._texts:
            text.text.set_x(_to_fraction(text.inches, text.side, width))
        for legend in self._legends:
            legend.legend.set_bbox_to_anchor(
                (_to_fraction(legend.inches, legend.side, width), legend.y),
                transform=figure.transFigure,
            )
