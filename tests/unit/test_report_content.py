# SPDX-License-Identifier: GPL-3.0-or-later
"""The counselor report's content (REPORT.md), without Qt: every key figure recomputed from the
vault's tables, blank days kept blank, weeks with their n, only shared entries' words, and the
small pieces (Markdown, hatches, words) that carry the honesty rules."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from recovery_desktop.core.models import Entry, RecoveryStart, Visibility
from recovery_desktop.exchange import report_content
from recovery_desktop.exchange.report_content import (
    DEFAULT_SECTIONS,
    ReportError,
    ReportOptions,
    Section,
    read_report,
)
from recovery_desktop.exchange.report_markdown import to_html
from recovery_desktop.exchange.report_rows import row_bin
from recovery_desktop.exchange.report_words import figure_rows, third_person
from recovery_desktop.insights import Period
from recovery_desktop.insights.period import Bin
from recovery_desktop.storage import Vault
from tests.report_helpers import (
    NORMAL_PHRASE,
    PASSPHRASE,
    PRIVATE_PHRASE,
    SHARED_PHRASE,
    TODAY,
    expected_figures,
    make_demo,
)


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("report-content") / "demo")


@pytest.fixture
def demo(demo_folder: Path):
    with Vault.open(demo_folder, PASSPHRASE) as vault:
        yield vault


@pytest.mark.parametrize("days", [30, 120])
def test_every_key_figure_is_recomputed_from_the_vault(demo: Vault, days: int) -> None:
    period = Period.last_days(days, TODAY)
    content = read_report(demo, ReportOptions(period), TODAY)
    for figures, span in ((content.figures, period), (content.previous, period.previous())):
        want = expected_figures(demo, span.first, span.last)
        assert figures.period == span
        assert figures.checked_in == want.checked_in
        assert figures.mood.n == want.mood_days
        assert figures.mood.value == pytest.approx(want.mood_mean)
        assert figures.craving_days == want.craving_days
        assert figures.high_craving_days == want.high_craving_days
        assert figures.sober_days == want.sober_days
        assert figures.run_at_end == want.run_at_end
        assert list(figures.new_starts) == want.new_starts
        assert figures.connections == want.connections
        assert (figures.people, figures.groups) == (want.people, want.groups)
        assert (figures.meetings, figures.service) == (want.meetings, want.service)
    # The demo is believable: the figures are not all zero, and the private entry (mood 1,
    # craving 10, three days ago) is in none of them.
    assert content.figures.checked_in > days // 2 and content.figures.connections > 0
    assert (
        content.figures.high_craving_days
        == expected_figures(demo, period.first, period.last).high_craving_days
    )


def test_a_new_start_in_the_period_is_counted_and_the_slip_day_is_not_sober(vault: Vault) -> None:
    first = date(2025, 3, 1)
    vault.recovery_starts.add(RecoveryStart(first))
    vault.recovery_starts.add(RecoveryStart(first + timedelta(days=10)))  # slip on day 9
    period = Period(first, first + timedelta(days=19))
    content = read_report(vault, ReportOptions(period), period.last)
    want = expected_figures(vault, period.first, period.last)
    assert content.figures.sober_days == want.sober_days == 19
    assert content.figures.new_starts == (first + timedelta(days=10),)
    assert content.figures.run_at_end == want.run_at_end == 9
    rows = dict(
        (label, now) for label, now, _before in figure_rows(content.figures, content.previous)
    )
    assert rows["New starts in the period"] == "1 (11 Mar)"
    assert rows["Sober days, from the start dates"] == "19 of 20 days"


def test_a_day_without_a_check_in_is_a_blank_row_never_a_zero(vault: Vault) -> None:
    first = date(2025, 3, 3)
    for offset, mood, craving in ((0, 4, 2), (2, 2, 8)):
        vault.entries.save(
            Entry(
                entry_date=first + timedelta(days=offset),
                is_checkin=True,
                mood=mood,
                craving=craving,
            )
        )
    content = read_report(
        vault, ReportOptions(Period(first, first + timedelta(days=3))), date(2025, 4, 1)
    )
    assert [r.recorded for r in content.days] == [True, False, True, False]
    blank = content.days[1]
    assert (blank.mood, blank.craving, blank.sober, blank.connections) == (None, None, None, 0)
    assert content.days[2].craving == 8 and content.spans == ()
    assert content.figures.high_craving_days == 1 and content.figures.craving_days == 2


def test_long_periods_have_a_row_per_week_with_n_and_the_range(demo: Vault) -> None:
    period = Period.last_days(120, TODAY)
    content = read_report(demo, ReportOptions(period), TODAY)
    assert row_bin(period) is Bin.WEEK and row_bin(Period.last_days(92, TODAY)) is None
    assert row_bin(Period.last_days(500, TODAY)) is Bin.MONTH
    assert content.spans[0].first == period.first and content.spans[-1].last == period.last
    assert sum(s.days for s in content.spans) == 120
    for span in content.spans:
        days = [r for r in content.days if span.first <= r.day <= span.last]
        moods = [r.mood for r in days if r.mood is not None]
        assert span.mood.n == len(moods)
        if moods:
            assert span.mood.value == pytest.approx(sum(moods) / len(moods))
            assert (span.mood_low, span.mood_high) == (min(moods), max(moods))
        assert span.checked_in == sum(1 for r in days if r.checked_in)


def test_only_shared_entries_are_read_and_only_when_asked(demo: Vault) -> None:
    period = Period.last_days(30, TODAY)
    content = read_report(demo, ReportOptions(period), TODAY)
    bodies = " ".join(e.body for e in content.entries)
    assert SHARED_PHRASE in bodies
    assert PRIVATE_PHRASE not in bodies and NORMAL_PHRASE not in bodies
    shared = demo.connection.execute(
        "SELECT count(*) FROM entry WHERE visibility = 'shared' AND is_draft = 0 "
        "AND entry_date BETWEEN ? AND ?",
        (period.first.isoformat(), period.last.isoformat()),
    ).fetchone()[0]
    assert content.shared_entries == shared
    assert [r.shared_entries for r in content.days].count(0) < len(content.days)
    assert sum(r.shared_entries for r in content.days) == shared
    left_out = read_report(demo, ReportOptions(period, DEFAULT_SECTIONS - {Section.ENTRIES}), TODAY)
    assert left_out.entries == () and left_out.safety_plan is None
    with_plan = read_report(
        demo, ReportOptions(period, DEFAULT_SECTIONS | {Section.SAFETY_PLAN}), TODAY
    )
    assert with_plan.safety_plan is not None and with_plan.safety_plan.warning_signs


def test_more_shared_entries_than_shown_are_counted_not_dropped(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report_content, "MAX_SHARED_ENTRIES", 3)
    first = date(2025, 3, 1)
    for n in range(5):
        vault.entries.save(
            Entry(
                entry_date=first + timedelta(days=n), body=f"day {n}", visibility=Visibility.SHARED
            )
        )
    content = read_report(
        vault, ReportOptions(Period(first, first + timedelta(days=9))), date(2025, 4, 1)
    )
    assert [e.body for e in content.entries] == ["day 2", "day 3", "day 4"]  # newest last
    assert content.entries_left_out == 2 and content.shared_entries == 5


def test_a_report_covers_days_that_have_happened(vault: Vault) -> None:
    with pytest.raises(ReportError, match="up to today"):
        read_report(vault, ReportOptions(Period.last_days(30, TODAY + timedelta(days=1))), TODAY)
    limit = report_content.TALK_ABOUT_LIMIT
    with pytest.raises(ReportError, match=f"{limit} characters"):
        ReportOptions(Period.last_days(30, TODAY), talk_about="x" * (limit + 1))


def test_markdown_is_rendered_simply_and_never_becomes_markup() -> None:
    html = to_html(
        "# Day one\nI said <b>no</b> & meant it. **Proud** and *calm*.\n\n- one\n- two\n\n"
        "> a quote\n\n![photo](file:///etc/passwd) [link](https://example.org)"
    )
    assert "<h4>Day one</h4>" in html
    assert "&lt;b&gt;no&lt;/b&gt; &amp; meant" in html
    assert "<b>Proud</b>" in html and "<i>calm</i>" in html
    assert "<ul><li>one</li><li>two</li></ul>" in html and "<blockquote>" in html
    assert "<img" not in html and "<a " not in html  # no picture or link is ever loaded
    assert "photo (file:///etc/passwd)" in html and "link (https://example.org)" in html
    assert to_html("snake_case_name and 2*3*4") == "<p>snake_case_name and 2*3*4</p>"


def test_sentences_for_the_person_are_said_about_them_for_the_counselor() -> None:
    assert third_person("You logged 3 connections; your mood averaged 4. Cravings went up.") == (
        "The client logged 3 connections; the client's mood averaged 4. Cravings went up."
    )
