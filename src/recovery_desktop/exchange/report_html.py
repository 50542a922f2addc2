# SPDX-License-Identifier: GPL-3.0-or-later
"""The report as one HTML document for Qt's rich text (QTextDocument), in REPORT.md's order.
No Qt: `report_pdf` lays this out in pages.

Sizes are CSS pixels (1/96 inch), which Qt scales to the printer; pictures are `<img>` tags
whose SVG `report_pdf` draws as vectors. Every piece of the person's text is escaped. The words
are `ReportWords` (report_words.py); the markup stays out of them.
"""

from __future__ import annotations

from collections.abc import Sequence

from recovery_desktop.exchange.report_content import ReportContent, Section
from recovery_desktop.exchange.report_sections import (
    entries_page,
    goals_page,
    helps_page,
    how_to_read_page,
    safety_plan_page,
)
from recovery_desktop.exchange.report_svg import (
    SPARK_HEIGHT,
    SPARK_WIDTH,
    ChartPicture,
    Picture,
    sparkline,
)
from recovery_desktop.exchange.report_words import (
    INK,
    MOOD_SWATCH,
    MUTED,
    RULE,
    SHADE_BG,
    TITLE,
    ReportWords,
    count_days,
    day_words,
    esc,
    figure_rows,
    heading,
    mean_words,
    month_words,
    mood_words,
    number,
    of,
    paragraph,
    period_words,
    short_day,
    table,
    third_person,
    weekday,
)
from recovery_desktop.insights.period import Bin
from recovery_desktop.insights.series import HIGH_CRAVING
from recovery_desktop.insights.stats import TOO_FEW_FOR_TREND
from recovery_desktop.insights.wording import InsightWords

CHARTS_PER_PAGE = 2


def build_html(
    content: ReportContent, charts: Sequence[ChartPicture], body_width: float
) -> tuple[str, dict[str, Picture]]:
    """The whole report, and the pictures its `<img>` tags name. `body_width` is the width of
    the page's text area in CSS pixels."""
    pictures: dict[str, Picture] = {}
    options = content.options
    parts = [glance_page(content, pictures)]
    if options.has(Section.DAYS):
        parts.append(days_page(content))
    if options.has(Section.CHARTS) and charts:
        parts.append(charts_pages(charts, pictures, body_width))
    if options.has(Section.GOALS):
        parts.append(goals_page(content))
    if options.has(Section.HELPS):
        parts.append(helps_page(content))
    if options.has(Section.ENTRIES):
        parts.append(entries_page(content))
    if options.has(Section.SAFETY_PLAN) and content.safety_plan is not None:
        parts.append(safety_plan_page(content.safety_plan))
    parts.append(how_to_read_page(content))
    body = "".join(parts)
    return f'<html><body style="font-size: 10pt; color: {INK};">{body}</body></html>', pictures


# --- page 1: at a glance ----------------------------------------------------------------------


def glance_page(content: ReportContent, pictures: dict[str, Picture]) -> str:
    options = content.options
    period, previous = content.period, content.previous.period
    name = options.name.strip()
    out = [
        f'<p style="margin-top: 0px; margin-bottom: 2px; font-size: 18pt; font-weight: bold;">'
        f"{ReportWords.tr(TITLE)}</p>",
        paragraph(
            f'<span style="font-size: 12pt;">{period_words(period)}</span>'
            f" &nbsp;·&nbsp; {count_days(period.days)}"
        ),
        paragraph(ReportWords.tr("Client: {name}", name=f"<b>{esc(name)}</b>")) if name else "",
        paragraph(
            ReportWords.tr(
                "Shared by the client on {day}. Each figure is shown beside the same figure "
                "for the %n day(s) before ({period}).",
                None,
                previous.days,
                day=day_words(content.shared_on),
                period=period_words(previous),
            ),
            muted=True,
        ),
    ]
    talk = options.talk_about.strip()
    if talk:
        out.append(heading(ReportWords.tr("What I'd like to talk about"), new_page=False, level=2))
        out.append(
            f'<table width="100%" cellspacing="0" cellpadding="6" style="border-collapse: '
            f'collapse; border: 1px solid {RULE};"><tr><td bgcolor="{SHADE_BG}" '
            f'style="font-size: 10pt;">{esc(talk)}</td></tr></table>'
        )
    out.append(heading(ReportWords.tr("Key figures"), new_page=False, level=2))
    rows = figure_rows(content.figures, content.previous)
    out.append(
        table(
            [
                "",
                ReportWords.tr("This period")
                + f"<br/>{short_day(period.first)} – {day_words(period.last)}",
                ReportWords.tr("The %n day(s) before", None, previous.days)
                + f"<br/>{short_day(previous.first)} – {day_words(previous.last)}",
            ],
            [[esc(label), f"<b>{esc(now)}</b>", esc(before)] for label, now, before in rows],
            widths=[40, 30, 30],
            font_pt=10,
        )
    )
    out.append(heading(ReportWords.tr("Mood and craving, day by day"), new_page=False, level=2))
    out.append(_trend_lines(content, pictures))
    out.append(
        paragraph(
            ReportWords.tr(
                "Blank means not recorded; a mean comes with n, the number of days it is made "
                "of. Private entries are never included. How to read this report: last page."
            ),
            muted=True,
            size=8.5,
        )
    )
    return "".join(out)


def _trend_lines(content: ReportContent, pictures: dict[str, Picture]) -> str:
    insights = content.insights
    cells = []
    for name, label, series, low, high in (
        ("spark-mood", ReportWords.tr("Mood (1 awful – 5 great)"), insights.mood, 1, 5),
        (
            "spark-craving",
            ReportWords.tr("Highest craving of the day (0–10)"),
            insights.cravings,
            0,
            10,
        ),
    ):
        svg = sparkline(content.period, series.points, series.rolling, low, high)
        pictures[name] = Picture(name, svg, SPARK_WIDTH, SPARK_HEIGHT)
        if series.trend is None:
            words = (
                InsightWords.tr(TOO_FEW_FOR_TREND)
                if series.points
                else ReportWords.tr("not recorded in this period")
            )
        else:
            words = ReportWords.tr("7-day mean {trend}", trend=series.trend.words())
        caption = ReportWords.tr(
            "Dots: each day; line: 7-day mean. Mean {mean}; {trend}.",
            mean=esc(mean_words(series.mean)),
            trend=esc(words),
        )
        cells.append(
            f'<td width="50%" valign="top"><b>{label}</b><br/>'
            f'<img src="{name}" width="{SPARK_WIDTH:g}" height="{SPARK_HEIGHT:g}"/><br/>'
            f'<span style="color: {MUTED}; font-size: 8.5pt;">{caption}</span></td>'
        )
    return f'<table width="100%" cellspacing="0" cellpadding="2"><tr>{"".join(cells)}</tr></table>'


# --- day by day -------------------------------------------------------------------------------


def days_page(content: ReportContent) -> str:
    if content.spans:
        return _spans_page(content)
    out = [
        heading(ReportWords.tr("Day by day")),
        paragraph(
            ReportWords.tr(
                "One row per day. A blank row means nothing was recorded that day; it is never "
                "a zero. Mood is the day's mean, craving its highest; {high} or more is in bold.",
                high=HIGH_CRAVING,
            ),
            muted=True,
            size=9,
        ),
    ]
    rows, swatches = [], []
    yes, no = ReportWords.tr("yes"), ReportWords.tr("no")
    for r in content.days:
        craving = number(r.craving)
        if r.craving is not None and r.craving >= HIGH_CRAVING:
            craving = f"<b>{craving}</b>"
        sober = {True: yes, False: f"<b>{no}</b>", None: ""}[r.sober]
        rows.append(
            [
                short_day(r.day),
                weekday(r.day),
                mood_words(r.mood),
                craving,
                sober,
                str(r.connections) if r.connections else "",
                (yes if r.meetings == 1 else str(r.meetings)) if r.meetings else "",
                "✓" if r.shared_entries else "",
            ]
        )
        swatches.append(MOOD_SWATCH[min(5, max(1, int(r.mood + 0.5)))] if r.mood else None)
    out.append(
        table(
            [
                ReportWords.tr("Date"),
                ReportWords.tr("Day"),
                ReportWords.tr("Mood"),
                ReportWords.tr("Craving"),
                ReportWords.tr("Sober today"),
                ReportWords.tr("Connections"),
                ReportWords.tr("Meeting"),
                ReportWords.tr("Shared entry"),
            ],
            rows,
            widths=[12, 8, 16, 10, 12, 14, 12, 14],
            align=["left", "left", "left", "center", "center", "center", "center", "center"],
            swatches=swatches,
        )
    )
    return "".join(out)


def _spans_page(content: ReportContent) -> str:
    kind = content.spans[0].kind
    if kind is Bin.WEEK:
        title = ReportWords.tr("Week by week")
        rows_are = ReportWords.tr("One row per week (Monday to Sunday)")
    else:
        title = ReportWords.tr("Month by month")
        rows_are = ReportWords.tr("One row per month (calendar month)")
    out = [
        heading(title),
        paragraph(
            ReportWords.tr(
                "{rows_are}, since the period is longer than 92 days; the first and last may "
                "be partial. Means come with n, the days they are made of, and the range from "
                "the lowest to the highest day beside them; a blank means nothing was recorded.",
                rows_are=rows_are,
            ),
            muted=True,
            size=9,
        ),
    ]

    def spread(low: float | None, high: float | None) -> str:
        if low is None or high is None:
            return ""
        return number(low) if low == high else f"{number(low)}–{number(high)}"

    def mean(m) -> str:
        if m.value is None:
            return ""
        return ReportWords.tr("{mean} (n={count})", mean=f"{m.value:.1f}", count=m.n)

    rows = []
    for s in content.spans:
        rows.append(
            [
                day_words(s.first) if kind is Bin.WEEK else month_words(s.first),
                of(s.checked_in, s.days),
                mean(s.mood),
                spread(s.mood_low, s.mood_high),
                mean(s.craving),
                spread(s.craving_low, s.craving_high),
                str(s.high_craving_days) if s.craving.n else "",
                of(s.sober_yes, s.sober_answered) if s.sober_answered else "",
                str(s.connections) if s.connections else "",
                str(s.meetings) if s.meetings else "",
                str(s.shared_entries) if s.shared_entries else "",
            ]
        )
    out.append(
        table(
            [
                ReportWords.tr("Week of") if kind is Bin.WEEK else ReportWords.tr("Month"),
                ReportWords.tr("Checked in"),
                ReportWords.tr("Mood mean (n)"),
                ReportWords.tr("Mood range"),
                ReportWords.tr("Craving mean (n)"),
                ReportWords.tr("Craving range"),
                ReportWords.tr("Days craving {high}+", high=HIGH_CRAVING),
                #: "<br/>" breaks the narrow column's heading where it suits the language.
                ReportWords.tr("Sober: yes of<br/>answered"),
                ReportWords.tr("Connec-<br/>tions"),
                ReportWords.tr("Meet-<br/>ings"),
                ReportWords.tr("Shared entries"),
            ],
            rows,
            widths=[12] + [9] * 8 + [8, 8],
            align=["left"] + ["center"] * 10,
            font_pt=8,
            header_pt=7,
            nowrap=True,
        )
    )
    return "".join(out)


# --- charts -----------------------------------------------------------------------------------


def charts_pages(
    charts: Sequence[ChartPicture], pictures: dict[str, Picture], body_width: float
) -> str:
    out = []
    for index, chart in enumerate(charts):
        if index % CHARTS_PER_PAGE == 0:
            out.append(
                heading(
                    ReportWords.tr("Charts") if index == 0 else ReportWords.tr("Charts, continued")
                )
            )
        if not chart.svg:
            out.append(heading(chart.title, new_page=False, level=3, keep_mm=20))
            out.append(paragraph(esc(third_person(chart.summary))))
            continue
        name = f"chart-{chart.key}"
        width = body_width
        height = width * chart.aspect
        pictures[name] = Picture(name, chart.svg, width, height)
        out.append(
            f'<p style="margin-top: 4px; margin-bottom: 0px;"><img src="{name}" '
            f'width="{width:.1f}" height="{height:.1f}"/></p>'
        )
        out.append(paragraph(esc(third_person(chart.summary)), muted=True, size=9))
    return "".join(out)
