# SPDX-License-Identifier: GPL-3.0-or-later
"""The small statistics and periods under the insights, and the aggregate queries' bins."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from recovery_desktop.core.models import Community, Connection, ConnectionKind, Contact, Role
from recovery_desktop.insights.period import Bin, Period, bin_start
from recovery_desktop.insights.stats import (
    BOOTSTRAP_UP_TO,
    Mean,
    difference_interval,
    mean_interval,
    rolling_mean,
    trend,
)
from recovery_desktop.storage import Vault
from recovery_desktop.storage.aggregates import GROUP

D = date(2025, 3, 3)  # a Monday


def test_every_mean_has_its_n() -> None:
    assert Mean.of([]) == Mean(None, 0) and Mean.of([]).words() == "no data (n = 0)"
    assert Mean.of([3, 4]).words() == "3.5 (n = 2)"


def test_small_samples_get_wide_intervals_and_the_same_ones_every_time() -> None:
    assert mean_interval([4.0]) is None
    small = mean_interval([1.0, 5.0, 3.0])
    large = mean_interval([1.0, 5.0, 3.0] * 100)
    assert small is not None and large is not None and small.method == "bootstrap"
    assert small.high - small.low > 3 * (large.high - large.low)
    assert mean_interval([1.0, 5.0, 3.0]) == small  # fixed seed
    big = mean_interval([1.0, 5.0] * BOOTSTRAP_UP_TO)
    assert big is not None and big.method == "normal" and big.low < 3 < big.high
    assert difference_interval([1.0], [2.0, 3.0]) is None
    diff = difference_interval([4.0, 5.0, 4.0], [2.0, 2.0, 3.0])
    assert diff is not None and diff.low > 0


def test_rolling_mean_never_reaches_over_a_gap_longer_than_its_window() -> None:
    days = [D + timedelta(days=n) for n in (0, 1, 2, 3, 20, 21)]
    points = list(zip(days, [1.0, 2.0, 3.0, 4.0, 5.0, 5.0], strict=True))
    rolling = rolling_mean(points)
    assert [(p.day, p.value, p.n) for p in rolling] == [(days[3], 2.5, 4)]


def test_trend_needs_seven_points() -> None:
    points = [(D + timedelta(days=n), float(n)) for n in range(6)]
    assert trend(points) is None
    line = trend([*points, (D + timedelta(days=6), 6.0)])
    assert line is not None and line.per_month == pytest.approx(30) and line.n == 7
    assert line.words().startswith("went up by about 6.0")


def test_periods_and_their_bins() -> None:
    period = Period.last_days(30, date(2025, 3, 30))
    assert period.first == date(2025, 3, 1) and period.days == 30 and period.bin is Bin.WEEK
    assert period.bins()[0] == date(2025, 2, 24) and all(d.weekday() == 0 for d in period.bins())
    assert period.previous() == Period(date(2025, 1, 30), date(2025, 2, 28))
    years = Period(date(2016, 1, 15), date(2025, 12, 31))
    assert years.bin is Bin.MONTH and len(years.bins()) == 120
    with pytest.raises(ValueError):
        Period(D, D - timedelta(days=1))


def test_the_databases_week_is_the_same_as_pythons(vault: Vault) -> None:
    dana = vault.contacts.save(Contact("Dana", Role.SPONSOR))
    group = vault.communities.save(Community("Tuesday group"))
    for n in range(15):
        moment = datetime.combine(D + timedelta(days=n), time(12)).astimezone()
        vault.connections.save(Connection(moment, ConnectionKind.CALL, contact_id=dana.id))
    vault.connections.save(
        Connection(
            datetime.combine(D, time(19)).astimezone(),
            ConnectionKind.MEETING,
            community_id=group.id,
            felt_supported=4,
        )
    )
    last = D + timedelta(days=14)
    weeks = vault.aggregates.role_tallies(D, last, "week")
    assert {(t.start, t.role): t.count for t in weeks} == {
        (D, "sponsor"): 7,
        (D, GROUP): 1,
        (D + timedelta(days=7), "sponsor"): 7,
        (D + timedelta(days=14), "sponsor"): 1,
    }
    assert {t.start for t in weeks} == {
        bin_start(D + timedelta(days=n), Bin.WEEK) for n in range(15)
    }
    months = vault.aggregates.role_tallies(D, last, "month")
    assert {(t.start, t.role, t.supported_n) for t in months} == {
        (date(2025, 3, 1), "sponsor", 0),
        (date(2025, 3, 1), GROUP, 1),
    }
    with pytest.raises(ValueError):
        vault.aggregates.role_tallies(D, last, "fortnight")
    assert vault.aggregates.first_day() == D
