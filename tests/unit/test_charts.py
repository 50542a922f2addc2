# SPDX-License-Identifier: GPL-3.0-or-later
"""Every chart renders to PNG and SVG without a warning, for empty, sparse, ordinary and
10-year data, in light, dark and print; the tests read the artists' data, not pixels."""

from __future__ import annotations

import math
import random
import warnings
from datetime import UTC, date, datetime, time, timedelta

import pytest
from matplotlib.collections import PolyCollection, QuadMesh
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from recovery_desktop.charts import CHARTS, CHARTS_BY_KEY, DARK, LIGHT, PRINT, is_kind_message, save
from recovery_desktop.charts.base import day_number, mid_day, to_bytes
from recovery_desktop.core.models import Commitment, Goal, Outcome, RecoveryStart
from recovery_desktop.insights import Insights, Period, Records
from recovery_desktop.insights.period import Bin, bin_start, next_bin
from recovery_desktop.insights.records import GoalRecords
from recovery_desktop.storage.aggregates import (
    GROUP,
    DayConnections,
    DayRecord,
    PersonTally,
    RoleTally,
)

TODAY = date(2025, 6, 30)
ROLES = ("sponsor", "family", "friend", "peer", "counselor", "group facilitator", "other", GROUP)


def _day(d: date, mood: float | None, craving: int | None) -> DayRecord:
    return DayRecord(
        d, mood or 0.0, int(mood is not None), craving, int(craving is not None), True, False, True
    )


def synthetic(days: int, seed: int = 3, gap_every: int = 9) -> Records:
    """`days` days ending TODAY: a mood and craving most days, connections, goals, two starts."""
    rng = random.Random(seed)
    period = Period.last_days(days, TODAY)
    lead = period.first - timedelta(days=6)
    records, connections, roles = [], [], {}
    for n in range(days + 6):
        d = lead + timedelta(days=n)
        if n % gap_every == 4:
            continue  # a day with nothing recorded
        records.append(_day(d, float(rng.randint(1, 5)), rng.randint(0, 10)))
        if d >= period.first and rng.random() < 0.6:
            meetings = int(rng.random() < 0.4)
            role = ROLES[rng.randrange(len(ROLES))]
            connections.append(
                DayConnections(
                    d, 1 + meetings, meetings, 0, frozenset({"call", *(["meeting"] * meetings)})
                )
            )
            key = (bin_start(d, period.bin), role)
            count, total, n_supported = roles.get(key, (0, 0, 0))
            roles[key] = (count + 1, total + 4, n_supported + 1)
    people = tuple(
        PersonTally(
            i,
            None,
            f"Person {i}",
            ROLES[i % len(ROLES)],
            30 - i,
            TODAY - timedelta(days=i * 5),
            False,
        )
        for i in range(min(30, days))
    )
    goal = Goal("Rebuild trust with Maya", id=1)
    commitments = tuple(
        Commitment(
            1,
            f"promise {i}",
            outcome=Outcome.KEPT if i % 3 else Outcome.MISSED,
            noted_at=datetime.combine(period.first + timedelta(days=i * 3), time(12), UTC),
        )
        for i in range(min(40, days // 3))
    )
    return Records(
        period=period,
        today=TODAY,
        days=tuple(records),
        connections=tuple(connections),
        roles=tuple(RoleTally(start, role, *v) for (start, role), v in sorted(roles.items())),
        people=people,
        goals=(GoalRecords(goal, commitments, "Maya"),),
        starts=(
            RecoveryStart(period.first - timedelta(days=40)),
            RecoveryStart(period.first + timedelta(days=days // 2)),
        ),
    )


EMPTY = Records(Period.last_days(30, TODAY), TODAY)
SPARSE = Records(Period.last_days(30, TODAY), TODAY, days=(_day(TODAY, 4.0, 3),))
DATASETS = {
    "empty": lambda: Insights.from_records(EMPTY),
    "sparse": lambda: Insights.from_records(SPARSE),
    "ordinary": lambda: Insights.from_records(synthetic(60)),
    "ten-years": lambda: Insights.from_records(synthetic(3652)),
}
_cache: dict[str, Insights] = {}


def insights(name: str) -> Insights:
    if name not in _cache:
        _cache[name] = DATASETS[name]()
    return _cache[name]


def render(figure: Figure) -> None:
    """PNG and SVG, with any warning (a missing glyph, a layout that failed) an error."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert to_bytes(figure, "png").startswith(b"\x89PNG")
        assert b"<svg" in to_bytes(figure, "svg")[:400]


@pytest.mark.parametrize("theme", [LIGHT, DARK, PRINT], ids=lambda t: t.name)
@pytest.mark.parametrize("data", list(DATASETS))
def test_every_chart_renders_without_warnings(data: str, theme) -> None:
    for chart in CHARTS:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            figure = chart.build(insights(data), theme)
        assert isinstance(figure, Figure)
        render(figure)
        assert chart.summary(insights(data)).endswith(".")
        assert chart.table(insights(data)).columns


@pytest.mark.parametrize("data", ["empty", "sparse"])
def test_empty_and_sparse_periods_get_a_kind_sentence_not_an_empty_axis(data: str) -> None:
    for key in ("mood", "cravings", "with-without"):
        figure = CHARTS_BY_KEY[key].build(insights(data), LIGHT)
        assert is_kind_message(figure) and figure.axes == []
        sentence = figure.texts[-1].get_text()
        assert "show here" in sentence.replace("\n", " ")
    if data == "empty":
        for key in ("connections", "trust", "calendar", "network"):
            figure = CHARTS_BY_KEY[key].build(insights(data), LIGHT)
            assert is_kind_message(figure) and figure.axes == []


def _line(figure: Figure, gid: str) -> Line2D:
    (line,) = [a for ax in figure.axes for a in ax.lines if a.get_gid() == gid]
    return line


def test_mood_chart_draws_each_day_and_breaks_the_mean_at_gaps() -> None:
    data = insights("ordinary")
    figure = CHARTS_BY_KEY["mood"].build(data, LIGHT)
    daily = _line(figure, "daily")
    assert list(daily.get_xdata()) == [mid_day(p.day) for p in data.mood.points]
    assert list(daily.get_ydata()) == [p.value for p in data.mood.points]
    rolling = _line(figure, "rolling")
    ys = list(rolling.get_ydata())
    assert [y for y in ys if not math.isnan(y)] == [p.value for p in data.mood.rolling]
    assert any(math.isnan(y) for y in ys)  # the gaps stay gaps
    spans = [p for p in figure.axes[0].patches if p.get_gid() == "sober-run"]
    assert len(spans) == len(data.runs.spans) == 2
    new_start = _line(figure, "new-start")
    assert new_start.get_xdata()[0] == day_number(data.runs.new_starts[0])
    gaps = _line(figure, "gaps")
    assert len(gaps.get_xdata()) == data.mood.days_without


def test_craving_chart_marks_meetings() -> None:
    data = insights("ordinary")
    figure = CHARTS_BY_KEY["cravings"].build(data, DARK)
    meetings = _line(figure, "meetings")
    assert list(meetings.get_xdata()) == [mid_day(d) for d in data.cravings.meeting_days]
    assert list(_line(figure, "daily").get_ydata()) == [p.value for p in data.cravings.points]


def _bar_heights(figure: Figure, role: str) -> dict[float, float]:
    (boxes,) = [c for c in figure.axes[0].collections if c.get_gid() == f"role:{role}"]
    assert isinstance(boxes, PolyCollection)
    heights = {}
    for path in boxes.get_paths():
        xs, ys = path.vertices[:, 0], path.vertices[:, 1]
        heights[round(float(xs.min() + xs.max()) / 2, 6)] = float(ys.max() - ys.min())
    return heights  # by the bar's middle


@pytest.mark.parametrize("data", ["ordinary", "ten-years"])
def test_connections_bars_are_the_counts_per_bin_and_role(data: str) -> None:
    by_role = insights(data).connections
    assert by_role.bin is (Bin.WEEK if data == "ordinary" else Bin.MONTH)
    figure = CHARTS_BY_KEY["connections"].build(insights(data), LIGHT)

    def middle(b) -> float:
        return round(day_number(b.start) + (next_bin(b.start, by_role.bin) - b.start).days / 2, 6)

    for role in by_role.roles:
        expected = {middle(b): b.counts[role] for b in by_role.bins if b.counts.get(role)}
        assert _bar_heights(figure, role) == pytest.approx(expected)
    felt = _line(figure, "felt-supported")
    assert list(felt.get_ydata()) == [b.supported.value for b in by_role.bins if b.supported.n]
    # Each "felt supported" dot sits under the middle of its bar (they were half a day apart).
    assert list(felt.get_xdata()) == pytest.approx(
        [middle(b) for b in by_role.bins if b.supported.n]
    )


def test_with_and_without_shows_both_means_their_intervals_and_counts() -> None:
    data = insights("ordinary")
    compare = data.mood_by_connection
    figure = CHARTS_BY_KEY["with-without"].build(data, LIGHT)
    assert list(_line(figure, "mean:1").get_xdata()) == [compare.with_mean.value]
    assert list(_line(figure, "mean:0").get_xdata()) == [compare.without_mean.value]
    low, high = _line(figure, "interval:1").get_xdata()
    assert (low, high) == (compare.with_interval.low, compare.with_interval.high)
    texts = [t.get_text() for t in figure.axes[0].texts]
    assert f"(n = {compare.with_mean.n} days)" in " ".join(texts)
    assert "does not show that one causes the other" in figure.texts[-1].get_text()


def test_trust_chart_steps_through_the_running_score() -> None:
    data = insights("ordinary")
    (goal,) = data.trust.goals
    figure = CHARTS_BY_KEY["trust"].build(data, PRINT)
    line = _line(figure, f"goal:{goal.goal_id}")
    ys = list(line.get_ydata())
    assert ys[: len(goal.points)] == [p.score for p in goal.points]
    assert ys[-1] == goal.points[-1].score and line.get_drawstyle() == "steps-post"


def test_calendar_squares_hold_the_rounded_mood_and_blank_days() -> None:
    data = insights("ordinary")
    figure = CHARTS_BY_KEY["calendar"].build(data, LIGHT)
    (mesh,) = [c for c in figure.axes[0].collections if isinstance(c, QuadMesh)]
    values = [v for v in mesh.get_array().compressed().tolist()]
    assert values.count(0) == data.mood.days_without  # not recorded: its own square
    assert sorted(v for v in values if v) == sorted(
        min(5, max(1, int(p.value + 0.5))) for p in data.mood.points
    )


def test_ten_years_of_calendar_is_one_strip_per_year() -> None:
    figure = CHARTS_BY_KEY["calendar"].build(insights("ten-years"), DARK)
    years = {t.get_text() for t in figure.axes[0].texts if t.get_text().isdigit()}
    period = insights("ten-years").period
    assert years == {str(y) for y in range(period.first.year, period.last.year + 1)}


def test_network_map_sizes_people_by_their_connections() -> None:
    data = insights("ordinary")
    figure = CHARTS_BY_KEY["network"].build(data, LIGHT)
    people = {
        line.get_gid().removeprefix("person:"): line.get_markersize()
        for line in figure.axes[0].lines
        if (line.get_gid() or "").startswith("person:")
    }
    assert len(people) == len(data.network.on_map) == 24  # the rest are in the table
    ordered = sorted(data.network.on_map, key=lambda p: p.connections)
    sizes = [people[p.name] for p in ordered]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]
    assert "the 6 others are in the table" in figure.texts[1].get_text()


def test_save_writes_png_and_svg_and_refuses_other_files(tmp_path) -> None:
    figure = CHARTS_BY_KEY["mood"].build(insights("ordinary"), LIGHT)
    save(figure, tmp_path / "mood.png")
    save(figure, tmp_path / "mood.svg")
    assert (tmp_path / "mood.png").read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in (tmp_path / "mood.svg").read_bytes()[:400]
    with pytest.raises(ValueError):
        save(figure, tmp_path / "mood.pdf")


def test_report_charts_are_the_four_of_report_md() -> None:
    assert [c.key for c in CHARTS if c.in_report] == [
        "mood",
        "cravings",
        "connections",
        "with-without",
    ]
