# SPDX-License-Identifier: GPL-3.0-or-later
"""SVG for the report, as text: the charts' hatches made plain, and the small trend lines of
page 1. No Qt, no matplotlib.

QtSvg (6.11) draws an SVG `<pattern>` by painting its tile into an image for every shape that
uses it: in a PDF, a page-resolution bitmap per bar (megabytes, and seconds to write); and it
ignores `clip-path`. The charts hatch their bars so black-and-white print still tells roles
apart, so each hatched rectangle here becomes its plain colour, the hatch's lines cut to the
rectangle (and its dots kept where they lie inside), then its edge: the same picture, all
vectors. A hatched shape that is not a rectangle keeps its plain colour only. The trend line's
one sentence is the insights' (InsightWords), so it follows the app's language.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from recovery_desktop.insights.period import Period
from recovery_desktop.insights.series import DayPoint
from recovery_desktop.insights.stats import MIN_TREND_POINTS, TOO_FEW_FOR_TREND, RollingPoint
from recovery_desktop.insights.wording import InsightWords

_PATTERN = re.compile(
    r'<pattern id="(?P<id>[^"]+)" patternUnits="userSpaceOnUse" x="0" y="0" '
    r'width="(?P<w>[\d.]+)" height="(?P<h>[\d.]+)">\s*'
    r'<rect [^>]*?fill="(?P<fill>#[0-9a-fA-F]{6})"\s*/>\s*'
    r'<path d="(?P<d>[^"]*)" style="(?P<style>[^"]*)"\s*/>\s*</pattern>',
    re.S,
)
_PATH = re.compile(r"<path\b(?P<attrs>[^>]*?)/>", re.S)
_ATTR = re.compile(r'([\w:-]+)="([^"]*)"', re.S)
_FILL_URL = re.compile(r"fill:\s*url\(#([^)]+)\)")
_CLIP_RECT = re.compile(
    r'<clipPath id="(?P<id>[^"]+)">\s*<rect x="(?P<x>[-\d.]+)" y="(?P<y>[-\d.]+)" '
    r'width="(?P<w>[\d.]+)" height="(?P<h>[\d.]+)"\s*/>\s*</clipPath>'
)
_CLIP_URL = re.compile(r"url\(#([^)]+)\)")
_TOKEN = re.compile(r"[MLCZmlcz]|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")

Point = tuple[float, float]
Rect = tuple[float, float, float, float]  # x0, y0, x1, y1


def _style(text: str) -> dict[str, str]:
    pairs = (part.split(":", 1) for part in text.split(";") if ":" in part)
    return {k.strip(): v.strip() for k, v in pairs}


def _style_text(style: dict[str, str]) -> str:
    return "; ".join(f"{k}: {v}" for k, v in style.items())


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _blend(colour: str, opacity: str | None, background: str) -> str:
    """`colour` at `opacity` over `background`, as one opaque colour (so overlaps don't add)."""
    if not colour.startswith("#") or len(colour) != 7:
        return colour
    a = float(opacity) if opacity else 1.0
    fg, bg = _rgb(colour), _rgb(background)
    mixed = (round(f * a + b * (1 - a)) for f, b in zip(fg, bg, strict=True))
    return "#" + "".join(f"{c:02x}" for c in mixed)


def _hatch_style(style_text: str, background: str) -> str:
    style = _style(style_text)
    for paint, opacity in (("stroke", "stroke-opacity"), ("fill", "fill-opacity")):
        if paint in style:
            style[paint] = _blend(style[paint], style.pop(opacity, None), background)
    return _style_text(style)


def subpaths(d: str) -> list[tuple[bool, list[Point]]]:
    """A path of absolute M, L, C and Z commands as (has curves, points) per subpath."""
    result: list[tuple[bool, list[Point]]] = []
    tokens = _TOKEN.findall(d)
    command = ""
    numbers: list[float] = []

    def flush() -> None:
        if command in "MLC" and command and numbers:
            points = list(zip(numbers[0::2], numbers[1::2], strict=False))
            if command == "M" or not result:
                result.append((False, points))
            else:
                curved, existing = result[-1]
                result[-1] = (curved or command == "C", existing + points)

    for token in tokens:
        if token.isalpha():
            flush()
            command, numbers = token.upper(), []
        else:
            numbers.append(float(token))
    flush()
    return result


def _rectangle(d: str) -> Rect | None:
    """The rectangle a path draws, if it is one (matplotlib's bars and legend boxes)."""
    parts = subpaths(d)
    if len(parts) != 1 or parts[0][0]:
        return None
    points = parts[0][1]
    if points and points[-1] == points[0]:
        points = points[:-1]
    xs, ys = sorted({p[0] for p in points}), sorted({p[1] for p in points})
    if len(points) != 4 or len(xs) != 2 or len(ys) != 2:
        return None
    return xs[0], ys[0], xs[1], ys[1]


def _clip(a: Point, b: Point, rect: Rect) -> tuple[Point, Point] | None:
    """The part of segment a-b inside `rect` (Liang-Barsky), or None."""
    x0, y0, x1, y1 = rect
    dx, dy = b[0] - a[0], b[1] - a[1]
    low, high = 0.0, 1.0
    for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return None
    return (a[0] + low * dx, a[1] + low * dy), (a[0] + high * dx, a[1] + high * dy)


@dataclass(frozen=True, slots=True)
class _Tile:
    """A hatch tile parsed once: each subpath with its bounds, and the bounds of them all."""

    width: float
    height: float
    parts: tuple[tuple[bool, tuple[Point, ...], Rect], ...]
    bounds: Rect


def _tile(d: str, width: float, height: float) -> _Tile:
    parts = []
    for curved, points in subpaths(d):
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        parts.append((curved, tuple(points), (min(xs), min(ys), max(xs), max(ys))))
    bounds = (
        min((b[0] for *_, b in parts), default=0.0),
        min((b[1] for *_, b in parts), default=0.0),
        max((b[2] for *_, b in parts), default=0.0),
        max((b[3] for *_, b in parts), default=0.0),
    )
    return _Tile(width, height, tuple(parts), bounds)


def _hatch_in(rect: Rect, tile: _Tile) -> str:
    """The tile's lines and dots repeated over `rect` and cut to it, as path data."""
    out: list[str] = []
    x0, y0, x1, y1 = rect
    bx0, by0, bx1, by1 = tile.bounds
    w, h = tile.width, tile.height
    for i in range(math.floor((x0 - bx1) / w), math.floor((x1 - bx0) / w) + 1):
        for j in range(math.floor((y0 - by1) / h), math.floor((y1 - by0) / h) + 1):
            ox, oy = i * w, j * h
            for curved, points, (px0, py0, px1, py1) in tile.parts:
                if px1 + ox < x0 or px0 + ox > x1 or py1 + oy < y0 or py0 + oy > y1:
                    continue
                if curved:  # a dot: kept whole when it lies inside
                    if x0 <= px0 + ox and px1 + ox <= x1 and y0 <= py0 + oy and py1 + oy <= y1:
                        out.append(_curve_data([(x + ox, y + oy) for x, y in points]))
                    continue
                moved = [(x + ox, y + oy) for x, y in points]
                for a, b in zip(moved, moved[1:], strict=False):
                    cut = _clip(a, b, rect)
                    if cut and cut[0] != cut[1]:
                        (ax, ay), (bx, by) = cut
                        out.append(f"M {ax:.3f} {ay:.3f} L {bx:.3f} {by:.3f}")
    # Tiles overlap by design; the same line twice would only be drawn twice.
    return " ".join(dict.fromkeys(out))


def _curve_data(points: list[Point]) -> str:
    first, rest = points[0], points[1:]
    curves = " ".join(
        "C " + " ".join(f"{x:.3f} {y:.3f}" for x, y in rest[k : k + 3])
        for k in range(0, len(rest) - len(rest) % 3, 3)
    )
    return f"M {first[0]:.3f} {first[1]:.3f} {curves} Z"


def _rect_data(rect: Rect) -> str:
    x0, y0, x1, y1 = rect
    return f"M {x0:g} {y0:g} L {x1:g} {y0:g} L {x1:g} {y1:g} L {x0:g} {y1:g} z"


def _clipped(d: str, clip: Rect | None) -> tuple[str, Rect | None]:
    """A rectangle cut to its axes' clip rectangle (QtSvg ignores `clip-path`), else as is."""
    rect = _rectangle(d)
    if rect is None or clip is None:
        return d, rect
    cut = (
        max(rect[0], clip[0]),
        max(rect[1], clip[1]),
        min(rect[2], clip[2]),
        min(rect[3], clip[3]),
    )
    if cut[0] >= cut[2] or cut[1] >= cut[3]:
        return "", None
    return (d, rect) if cut == rect else (_rect_data(cut), cut)


def flatten_hatches(svg: str) -> str:
    """Replace every hatch `<pattern>` fill of matplotlib's SVG by plain vector shapes, and cut
    rectangles to the clip rectangle they name."""
    patterns = {m.group("id"): m for m in _PATTERN.finditer(svg)}
    tiles = {
        pid: _tile(m.group("d"), float(m.group("w")), float(m.group("h")))
        for pid, m in patterns.items()
    }
    clips = {
        m.group("id"): (
            float(m.group("x")),
            float(m.group("y")),
            float(m.group("x")) + float(m.group("w")),
            float(m.group("y")) + float(m.group("h")),
        )
        for m in _CLIP_RECT.finditer(svg)
    }

    def replace(match: re.Match[str]) -> str:
        attrs = dict(_ATTR.findall(match.group("attrs")))
        named = _CLIP_URL.search(attrs.get("clip-path", ""))
        d, rect = _clipped(attrs.get("d", ""), clips.get(named.group(1)) if named else None)
        if not d:
            return ""
        found = _FILL_URL.search(attrs.get("style", ""))
        pattern = patterns.get(found.group(1)) if found else None
        if pattern is None:
            if d == attrs.get("d", ""):
                return match.group(0)
            rest = "".join(f' {k}="{v}"' for k, v in attrs.items() if k != "d")
            return f'<path d="{d}"{rest}/>'
        style = _style(attrs.get("style", ""))
        style.pop("fill", None)
        background = pattern.group("fill")
        shapes = [f'<path d="{d}" style="{_style_text({"fill": background, "stroke": "none"})}"/>']
        if rect is not None:
            hatch = _hatch_in(rect, tiles[found.group(1)])  # type: ignore[union-attr]
            if hatch:
                shapes.append(
                    f'<path d="{hatch}" style="{_hatch_style(pattern.group("style"), background)}"/>'
                )
        shapes.append(f'<path d="{d}" style="{_style_text({**style, "fill": "none"})}"/>')
        return "<g>" + "".join(shapes) + "</g>"

    return _PATH.sub(replace, _PATTERN.sub("", svg) if patterns else svg)


# --- the small trend lines of page 1 ----------------------------------------------------------

SPARK_WIDTH = 300.0  # CSS pixels (1/96 inch): about 8 cm
SPARK_HEIGHT = 64.0
_LEFT, _RIGHT, _TOP, _BOTTOM = 22.0, 4.0, 6.0, 6.0
FONT = "DejaVu Sans"


def sparkline(
    period: Period,
    points: Sequence[DayPoint],
    rolling: Sequence[RollingPoint],
    low: int,
    high: int,
) -> str:
    """Each day's value as a small dot and the 7-day mean as a line that breaks at gaps; on
    fewer than 7 days with data, only the words "too few days to show a trend"."""
    w, h = SPARK_WIDTH, SPARK_HEIGHT
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{w:g}" '
        f'height="{h:g}" viewBox="0 0 {w:g} {h:g}">'
    ]
    plot_w, plot_h = w - _LEFT - _RIGHT, h - _TOP - _BOTTOM

    def x(day: date) -> float:
        return _LEFT + plot_w * ((day - period.first).days + 0.5) / period.days

    def y(value: float) -> float:
        return _TOP + plot_h * (1 - (value - low) / (high - low))

    for value in (low, high):
        parts.append(
            f'<line x1="{_LEFT:g}" y1="{y(value):.2f}" x2="{w - _RIGHT:g}" y2="{y(value):.2f}" '
            'stroke="#bbbbbb" stroke-width="0.6"/>'
            f'<text x="{_LEFT - 4:g}" y="{y(value) + 3:.2f}" font-family="{FONT}" '
            f'font-size="8" fill="#444444" text-anchor="end">{value}</text>'
        )
    if len(points) < MIN_TREND_POINTS:
        parts.append(
            f'<text x="{_LEFT + plot_w / 2:.2f}" y="{_TOP + plot_h / 2 + 3:.2f}" '
            f'font-family="{FONT}" font-size="9" fill="#333333" text-anchor="middle">'
            f"{html.escape(_first_upper(InsightWords.tr(TOO_FEW_FOR_TREND)))}</text>"
        )
    else:
        for p in points:
            parts.append(
                f'<circle cx="{x(p.day):.2f}" cy="{y(p.value):.2f}" r="1.3" fill="#888888"/>'
            )
        for segment in _segments(rolling):
            coords = " ".join(f"{x(p.day):.2f},{y(p.value):.2f}" for p in segment)
            parts.append(
                f'<polyline points="{coords}" fill="none" stroke="#000000" '
                'stroke-width="1.4" stroke-linejoin="round"/>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _first_upper(text: str) -> str:
    """ "Too few days…": the first letter a capital, the others as the language has them."""
    return text[:1].upper() + text[1:]


def _segments(points: Sequence[RollingPoint]) -> list[list[RollingPoint]]:
    """Runs of consecutive days: a line never crosses a day without a mean."""
    segments: list[list[RollingPoint]] = []
    for p in points:
        if segments and (p.day - segments[-1][-1].day).days == 1:
            segments[-1].append(p)
        else:
            segments.append([p])
    return [s for s in segments if len(s) > 1]  # a lone mean is a point, and its dot shows


@dataclass(frozen=True, slots=True)
class Picture:
    """An SVG placed in the report: its name (the `<img src>`) and size in CSS pixels."""

    name: str
    svg: str
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class ChartPicture:
    """One of the report's charts as SVG text, with its caption (the chart's summary)."""

    key: str
    svg: str  # empty when there is too little to draw: the summary says so
    aspect: float  # height / width
    summary: str
    title: str = ""
