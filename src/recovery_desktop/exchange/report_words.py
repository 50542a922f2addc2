# SPDX-License-Identifier: GPL-3.0-or-later
"""How the report puts its figures in words, and the small HTML pieces its pages share. No Qt.

The words are the clinician's: plain, with every mean's n and every count's "out of", and a
blank where nothing was recorded. Dates read as "3 Mar 2025" everywhere.

Every word of the report goes through `ReportWords` (core/words.py), so a translated app makes
the report in the person's language: its own words here and in `report_html`,
`report_sections`, `report_svg`, `report_content` and `report_pdf`, with the insights' and
charts' words in theirs. `third_person` turns the charts' "you" into "the client" in English
only; a translation's summaries keep the words the app says to the person.
"""

from __future__ import annotations

import html
import re
from datetime import date

from recovery_desktop.charts.theme import MOOD_SCALE
from recovery_desktop.exchange.report_content import Figures, ReportWords
from recovery_desktop.insights import WORDS, Mean, Period
from recovery_desktop.insights.series import HIGH_CRAVING
from recovery_desktop.insights.wording import mood_label

TITLE = ReportWords.QT_TR_NOOP("Recovery report")  # translated where shown
SHARED_BY = ReportWords.QT_TR_NOOP("Shared by the client")
NOT_RECORDED = ""

# Print-friendly colours: text, muted text, header and shaded rows, rules.
INK = "#1a1a1a"
MUTED = "#4a4a4a"
HEADER_BG = "#e4e4df"
SHADE_BG = "#f3f3ef"
RULE = "#9a9a94"
# Mood 1..5 as the charts colour it: lightness rises with the mood, so grey print keeps it.
MOOD_SWATCH = dict(enumerate(MOOD_SCALE, start=1))


_YOU = re.compile(r"\b(You|you|Your|your)\b")
_CLIENT = {"You": "The client", "you": "the client", "Your": "The client's", "your": "the client's"}


def third_person(text: str) -> str:
    """A sentence the app says to the person ("You logged 19 connections"), said about them
    for the counselor ("The client logged 19 connections")."""
    return _YOU.sub(lambda m: _CLIENT[m.group(1)], text)


def esc(text: str) -> str:
    """Escape the person's text for HTML, keeping their line breaks."""
    return html.escape(text, quote=True).replace("\n", "<br/>")


def day_words(day: date) -> str:
    return WORDS.day(day)


def short_day(day: date) -> str:
    return WORDS.short_day(day)


def weekday(day: date) -> str:
    return day.strftime("%a")


def period_words(period: Period) -> str:
    """Like "3 Mar 2025 to 1 Apr 2025"."""
    if period.first == period.last:
        return day_words(period.first)
    return ReportWords.tr(
        "{first} to {last}", first=day_words(period.first), last=day_words(period.last)
    )


def month_words(day: date) -> str:
    return WORDS.month(day)


def number(value: float | None, digits: int = 1) -> str:
    if value is None:
        return NOT_RECORDED
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.{digits}f}"


def mood_words(value: float | None) -> str:
    """ "4 good", "3.5 good" (the nearest word, as the app says it), or blank."""
    if value is None:
        return NOT_RECORDED
    return ReportWords.tr(
        "{value} {mood}", value=number(value), mood=mood_label(min(5, max(1, int(value + 0.5))))
    )


def count_days(n: int) -> str:
    """ "1 day", "30 days"."""
    return ReportWords.tr("%n day(s)", None, n)


def count_times(n: int) -> str:
    """ "1 time", "3 times"."""
    return ReportWords.tr("%n time(s)", None, n)


def of(count: int, total: int) -> str:
    """ "3 of 5"."""
    return ReportWords.tr("{count} of {total}", count=count, total=total)


def mean_words(mean: Mean) -> str:
    """ "3.6 (n = 24 days)"; "not recorded (n = 0)" when there is nothing to average."""
    if mean.value is None:
        return ReportWords.tr("not recorded (n = 0)")
    return ReportWords.tr("{mean} (n = %n day(s))", None, mean.n, mean=f"{mean.value:.1f}")


def figure_rows(now: Figures, before: Figures) -> list[tuple[str, str, str]]:
    """The key figures as (what, this period, the period before), in REPORT.md's order."""

    def of_days(count: int, days: int) -> str:
        return ReportWords.tr("{count} of %n day(s)", None, days, count=count)

    def checked(f: Figures) -> str:
        return of_days(f.checked_in, f.period.days)

    def craving(f: Figures) -> str:
        if not f.craving_days:
            return ReportWords.tr("no craving noted")
        return ReportWords.tr(
            "{count} of %n day(s) noted", None, f.craving_days, count=f.high_craving_days
        )

    def sober(f: Figures) -> str:
        if f.sober_days is None:
            return ReportWords.tr("no start date set yet")
        return of_days(f.sober_days, f.period.days)

    def run(f: Figures) -> str:
        if f.run_at_end is None:
            return ReportWords.tr("no start date set yet")
        return count_days(f.run_at_end)

    def starts(f: Figures) -> str:
        if not f.new_starts:
            return ReportWords.tr("none")
        days = ", ".join(short_day(d) for d in f.new_starts)
        return ReportWords.tr("{count} ({which})", count=len(f.new_starts), which=days)

    def connections(f: Figures) -> str:
        if not f.connections:
            return ReportWords.tr("none logged")
        who = []
        if f.people == 1:  # English words the two apart; a translation has plural forms
            who.append(ReportWords.tr("%n person", None, f.people))
        elif f.people:
            who.append(ReportWords.tr("%n people", None, f.people))
        if f.groups:
            who.append(ReportWords.tr("%n group(s)", None, f.groups))
        if not who:
            return str(f.connections)
        return ReportWords.tr("{count} ({which})", count=f.connections, which=", ".join(who))

    def meetings(f: Figures) -> str:
        if not f.meetings:
            return ReportWords.tr("none logged")
        return ReportWords.tr("%n meeting(s)", None, f.meetings)

    def service(f: Figures) -> str:
        return count_times(f.service) if f.service else ReportWords.tr("none logged")

    rows = [
        (ReportWords.tr("Days checked in"), checked),
        (ReportWords.tr("Mood, mean of the days (1–5)"), lambda f: mean_words(f.mood)),
        (
            ReportWords.tr("Days with craving {high} or more, of days noted", high=HIGH_CRAVING),
            craving,
        ),
        (ReportWords.tr("Sober days, from the start dates"), sober),
        (ReportWords.tr("Sober run on the period's last day"), run),
        (ReportWords.tr("New starts in the period"), starts),
        (ReportWords.tr("Connections (with how many people, groups)"), connections),
        (ReportWords.tr("Meetings attended"), meetings),
        (ReportWords.tr("Service"), service),
    ]
    return [(label, words(now), words(before)) for label, words in rows]


def table(
    header: list[str],
    rows: list[list[str]],
    *,
    widths: list[int] | None = None,
    align: list[str] | None = None,
    font_pt: float = 9.0,
    swatches: list[str | None] | None = None,
    header_pt: float | None = None,
    nowrap: bool = False,
) -> str:
    """A table with a header row (repeated on every page) and light shading on every other
    row. Cells are HTML already. `swatches` gives a row's colour for a narrow first column."""
    widths = widths or [0] * len(header)
    align = align or ["left"] * len(header)

    def cells(values: list[str], tag: str) -> str:
        extra = ""
        if tag == "th" and header_pt:
            extra = f' style="font-size: {header_pt}pt;"'
        elif tag == "td" and nowrap:
            extra = " nowrap"
        return "".join(
            f'<{tag} align="{a}"' + (f' width="{w}%"' if w else "") + f"{extra}>{v}</{tag}>"
            for v, w, a in zip(values, widths, align, strict=True)
        )

    lead = '<th width="2%"></th>' if swatches is not None else ""
    out = [
        f'<table width="100%" cellspacing="0" cellpadding="3" '
        f'style="border-collapse: collapse; font-size: {font_pt}pt;">'
        f'<thead><tr bgcolor="{HEADER_BG}">{lead}{cells(header, "th")}</tr></thead>'
    ]
    for index, row in enumerate(rows):
        shade = f' bgcolor="{SHADE_BG}"' if index % 2 else ""
        swatch = ""
        if swatches is not None:
            colour = swatches[index]
            swatch = f'<td bgcolor="{colour}"></td>' if colour else "<td></td>"
        out.append(f"<tr{shade}>{swatch}{cells(row, 'td')}</tr>")
    out.append("</table>")
    return "".join(out)


KEEP_WITH_NEXT = "keep-with-next-"  # an anchor name, followed by the millimetres to keep


def keep_anchor(text_html: str, keep_mm: int) -> str:
    """Text the layout keeps with the `keep_mm` millimetres after it: with less room left on
    the page, the block starts the next page (see `report_pdf.keep_headings_with_text`)."""
    return f'<a name="{KEEP_WITH_NEXT}{keep_mm}">{text_html}</a>'


def heading(text: str, *, new_page: bool = True, level: int = 1, keep_mm: int = 32) -> str:
    """A section heading, starting a new page unless told otherwise; a heading within a page
    never stays alone at the bottom of one (it keeps `keep_mm` below it)."""
    size = {1: 15, 2: 12, 3: 11}[level]
    brk = "page-break-before: always; " if new_page else ""
    text_html = esc(text) if new_page else keep_anchor(esc(text), keep_mm)
    top = 0 if new_page else {1: 22, 2: 14, 3: 14}[level]
    return (
        f'<p style="{brk}margin-top: {top}px; margin-bottom: 6px; '
        f'font-size: {size}pt; font-weight: bold;">{text_html}</p>'
    )


def paragraph(text_html: str, *, muted: bool = False, size: float | None = None) -> str:
    style = f"color: {MUTED}; " if muted else ""
    if size:
        style += f"font-size: {size}pt; "
    return f'<p style="{style}margin-top: 0px; margin-bottom: 6px;">{text_html}</p>'
