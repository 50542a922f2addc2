# SPDX-License-Identifier: GPL-3.0-or-later
"""Small, honest statistics: every mean carries its n, intervals widen for small samples, and
no trend is drawn from fewer than `MIN_TREND_POINTS` points.

Pure Python on purpose: ten years of days are a few thousand numbers, and importing numpy would
cost more than the sums.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from recovery_desktop.insights.wording import InsightWords

MIN_TREND_POINTS = 7  # REPORT.md: no trend on fewer than 7 data points
ROLLING_DAYS = 7
ROLLING_MIN_DAYS = 4  # a 7-day mean needs at least 4 days with data in its window
BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 20240607  # fixed: the same data always gives the same interval
BOOTSTRAP_UP_TO = 500  # larger samples use the normal approximation the bootstrap tends to
Z95 = 1.959963984540054


@dataclass(frozen=True, slots=True)
class Mean:
    """A mean and how many values it is made of; `value` is None when n is 0."""

    value: float | None
    n: int

    @classmethod
    def of(cls, values: Sequence[float]) -> Mean:
        return cls(sum(values) / len(values) if values else None, len(values))

    def words(self, digits: int = 1) -> str:
        """Like "3.9 (n = 18)", or "no data (n = 0)"."""
        if self.value is None:
            return InsightWords.tr("no data (n = 0)")
        return InsightWords.tr(
            "{mean} (n = {count})", mean=f"{self.value:.{digits}f}", count=self.n
        )


@dataclass(frozen=True, slots=True)
class Interval:
    """A 95% interval; `method` says how it was made ("bootstrap" or "normal")."""

    low: float
    high: float
    method: str

    def words(self, digits: int = 1) -> str:
        return InsightWords.tr(
            "{low} to {high}", low=f"{self.low:.{digits}f}", high=f"{self.high:.{digits}f}"
        )


def _normal_interval(values: Sequence[float]) -> Interval:
    n = len(values)
    mean = sum(values) / n
    var = sum((v - mean) ** 2 for v in values) / (n - 1)
    half = Z95 * math.sqrt(var / n)
    return Interval(mean - half, mean + half, "normal")


def _percentiles(samples: list[float]) -> tuple[float, float]:
    samples.sort()
    last = len(samples) - 1
    return samples[round(0.025 * last)], samples[round(0.975 * last)]


def mean_interval(values: Sequence[float], seed: int = BOOTSTRAP_SEED) -> Interval | None:
    """A 95% interval for the mean: bootstrap percentiles (fixed seed) for up to
    `BOOTSTRAP_UP_TO` values, the normal approximation above; None for fewer than 2 values."""
    n = len(values)
    if n < 2:
        return None
    if n > BOOTSTRAP_UP_TO:
        return _normal_interval(values)
    rng = random.Random(seed)
    choices = rng.choices
    means = [sum(choices(values, k=n)) / n for _ in range(BOOTSTRAP_RESAMPLES)]
    low, high = _percentiles(means)
    return Interval(low, high, "bootstrap")


def difference_interval(
    first: Sequence[float], second: Sequence[float], seed: int = BOOTSTRAP_SEED
) -> Interval | None:
    """A 95% interval for mean(first) - mean(second), as `mean_interval` does it."""
    n1, n2 = len(first), len(second)
    if n1 < 2 or n2 < 2:
        return None
    if max(n1, n2) > BOOTSTRAP_UP_TO:
        a, b = _normal_interval(first), _normal_interval(second)
        m1, m2 = sum(first) / n1, sum(second) / n2
        half = math.hypot((a.high - a.low) / 2, (b.high - b.low) / 2)
        return Interval(m1 - m2 - half, m1 - m2 + half, "normal")
    rng = random.Random(seed)
    choices = rng.choices
    diffs = [
        sum(choices(first, k=n1)) / n1 - sum(choices(second, k=n2)) / n2
        for _ in range(BOOTSTRAP_RESAMPLES)
    ]
    low, high = _percentiles(diffs)
    return Interval(low, high, "bootstrap")


@dataclass(frozen=True, slots=True)
class RollingPoint:
    day: date
    value: float
    n: int  # days with data in the window


def rolling_mean(
    points: Sequence[tuple[date, float]],
    window: int = ROLLING_DAYS,
    min_days: int = ROLLING_MIN_DAYS,
) -> list[RollingPoint]:
    """The mean of the days *with data* among the `window` days ending on each day.

    Points are (day, value) in date order, one per day. A mean is given only for a day with
    data whose window holds at least `min_days` days with data, so a gap stays a gap: nothing
    is drawn through days with no record, and nothing is made up for them.
    """
    result: list[RollingPoint] = []
    start = 0
    total = 0.0
    for end, (day, value) in enumerate(points):
        total += value
        while (day - points[start][0]).days >= window:
            total -= points[start][1]
            start += 1
        n = end - start + 1
        if n >= min_days:
            result.append(RollingPoint(day, total / n, n))
    return result


@dataclass(frozen=True, slots=True)
class Trend:
    """A least-squares line through daily values: change per 30 days, and over the span."""

    per_month: float
    over_span: float
    n: int
    first: date
    last: date

    def words(
        self, level: float = 0.25, amount: Callable[[float], str] = lambda v: f"{v:.1f}"
    ) -> str:
        """Like "went up by about 0.4 over these days", or "stayed about level" for a change
        smaller than `level` (in the series' own units)."""
        change = self.over_span
        if abs(change) < level:
            return InsightWords.tr("stayed about level")
        if change > 0:
            return InsightWords.tr(
                "went up by about {amount} over these days", amount=amount(abs(change))
            )
        return InsightWords.tr(
            "went down by about {amount} over these days", amount=amount(abs(change))
        )


def trend(points: Sequence[tuple[date, float]]) -> Trend | None:
    """None for fewer than `MIN_TREND_POINTS` points (REPORT.md: too few to show a trend)."""
    n = len(points)
    if n < MIN_TREND_POINTS:
        return None
    origin = points[0][0]
    xs = [(d - origin).days for d, _ in points]
    ys = [v for _, v in points]
    mean_x = sum(xs) / n
    mean_y = sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    if sxx == 0:
        return None
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sxx
    span = xs[-1] - xs[0]
    return Trend(slope * 30, slope * span, n, points[0][0], points[-1][0])


TOO_FEW_FOR_TREND = InsightWords.QT_TR_NOOP("too few days to show a trend")


def too_few_for_trend() -> str:
    """ "had too few days to show a trend", after "it" or "Cravings"."""
    return InsightWords.tr("had too few days to show a trend")
