# SPDX-License-Identifier: GPL-3.0-or-later
"""The report's later pages as HTML: goals and commitments, what helps, shared entries, the
safety plan and how to read the report. No Qt."""

from __future__ import annotations

from recovery_desktop import __version__
from recovery_desktop.core.models import MOOD_LABELS, Outcome, SafetyPlan
from recovery_desktop.core.trust import DEFAULT_HALF_LIFE_DAYS
from recovery_desktop.exchange.report_content import (
    MAX_SHARED_ENTRIES,
    GoalPart,
    ReportContent,
)
from recovery_desktop.exchange.report_markdown import to_html
from recovery_desktop.exchange.report_words import (
    day_words,
    esc,
    heading,
    keep_anchor,
    paragraph,
    period_words,
    short_day,
    table,
    weekday,
)
from recovery_desktop.insights.helps import MIN_TIMES
from recovery_desktop.insights.series import HIGH_CRAVING
from recovery_desktop.insights.tables import plural

MOST_LISTED = 8  # triggers, coping notes, kinds of connection: the most frequent

# --- goals and commitments --------------------------------------------------------------------


def _percent(score: float | None) -> str:
    return "" if score is None else f"{score:.0%}"


def _outcome(row_outcome: Outcome, noted) -> str:
    if row_outcome is Outcome.PENDING:
        return "pending"
    word = "kept" if row_outcome is Outcome.KEPT else "<b>missed</b>"
    return f"{word} ({short_day(noted)})" if noted else word


def _goal(goal: GoalPart, content: ReportContent) -> str:
    about = f" · about {esc(goal.person)}" if goal.person else ""
    out = [
        heading(goal.title, new_page=False, level=3),
        paragraph(f"{goal.kind.value.capitalize()} goal{about} · {goal.status.value}", muted=True),
    ]
    resolved = goal.kept + goal.missed
    if resolved:
        score = (
            f"Promises kept: <b>{goal.kept} of {resolved}</b> ({_percent(goal.score)}) up to "
            f"{day_words(content.period.last)}; recent score {_percent(goal.recent)} "
            f"(recent promises weigh more). "
        )
    else:
        score = "No promise marked kept or missed yet. "
    out.append(
        paragraph(
            score + f"In this period: {goal.kept_in_period} kept, {goal.missed_in_period} "
            f"missed; {goal.pending} pending now. Trend: {esc(goal.trend)}."
        )
    )
    if goal.commitments:
        to_whom = any(c.to_whom for c in goal.commitments)
        out.append(
            table(
                ["Commitment", *(["To"] if to_whom else []), "Due", "Outcome"],
                [
                    [
                        esc(c.promise),
                        *([esc(c.to_whom)] if to_whom else []),
                        short_day(c.due) if c.due else "",
                        _outcome(c.outcome, c.noted_on),
                    ]
                    for c in goal.commitments
                ],
                widths=[52, 16, 12, 20] if to_whom else [64, 14, 22],
            )
        )
    if goal.earlier:
        out.append(
            paragraph(
                f"{plural(goal.earlier, 'earlier commitment')} of this period "
                f"{'is' if goal.earlier == 1 else 'are'} counted above but not listed.",
                muted=True,
                size=9,
            )
        )
    return "".join(out)


def goals_page(content: ReportContent) -> str:
    out = [heading("Goals and commitments")]
    if not content.goals:
        out.append(paragraph("No goals were active, and no commitment fell in this period."))
        return "".join(out)
    out.append(
        paragraph(
            "Each goal with its kind and the person it concerns; each commitment with its due "
            "date and whether it was kept, missed or is still pending. The trust score is the "
            "share of promises kept, of those kept or missed.",
            muted=True,
            size=9,
        )
    )
    out.extend(_goal(goal, content) for goal in content.goals)
    return "".join(out)


# --- what helps -------------------------------------------------------------------------------


def helps_page(content: ReportContent) -> str:
    helps = content.helps
    out = [
        heading("What helps", new_page=False, keep_mm=60),
        paragraph(
            "Patterns in what the client noted, in a small sample: they show what went "
            "together, not what caused what. Cravings often ease after a high day anyway, so "
            "the count over all days is given to compare with.",
            muted=True,
            size=9,
        ),
    ]
    out.append(
        heading(f"Noted before a craving of {HIGH_CRAVING} or more", new_page=False, level=3)
    )
    if helps.high_days and helps.triggers:
        out.append(
            table(
                ["Trigger noted that day or the day before", "High-craving days"],
                [
                    [esc(t.name), f"{t.high_days} of {helps.high_days}"]
                    for t in helps.triggers[:MOST_LISTED]
                ],
                widths=[70, 30],
            )
        )
    elif helps.high_days:
        out.append(
            paragraph(
                f"{plural(helps.high_days, 'day')} reached a craving of {HIGH_CRAVING} or more; "
                "no trigger was noted on them or the day before."
            )
        )
    else:
        out.append(paragraph(f"No day reached a craving of {HIGH_CRAVING} or more in this period."))
    out.append(heading("After which the craving was lower the next day", new_page=False, level=3))
    rows = [
        [f"Coping: {esc(c.name)}", f"{c.eased} of {plural(c.times, 'time')}"]
        for c in helps.coping[:MOST_LISTED]
    ] + [
        [f"Connection: {esc(c.name)}", f"{c.eased} of {plural(c.times, 'time')}"]
        for c in helps.connections[:MOST_LISTED]
    ]
    base = helps.baseline
    rows.append(
        ["<i>Any day with a craving noted</i>", f"{base.eased} of {plural(base.times, 'time')}"]
    )
    out.append(table(["What was noted", "Craving lower the next day"], rows, widths=[70, 30]))
    out.append(
        paragraph(
            f"Patterns seen fewer than {MIN_TIMES} times are listed but too few to read much into.",
            muted=True,
            size=9,
        )
    )
    return "".join(out)


# --- shared entries ---------------------------------------------------------------------------


def _entry_meta(entry) -> str:
    parts = []
    if entry.mood is not None:
        parts.append(f"mood {entry.mood} {MOOD_LABELS[entry.mood]}")
    if entry.craving is not None:
        parts.append(f"craving {entry.craving}")
    if entry.is_checkin:
        parts.append("daily check-in")
    return " · ".join(parts)


def entries_page(content: ReportContent) -> str:
    out = [heading("Shared entries")]
    total = content.shared_entries
    if not total:
        out.append(paragraph("The client marked no entry of this period as shared."))
        return "".join(out)
    note = "Only entries the client marked “shared”, oldest first."
    if content.entries_left_out:
        note += (
            f" The {MAX_SHARED_ENTRIES} most recent of the {total} shared entries of this "
            f"period are shown; {content.entries_left_out} earlier ones are left out to keep "
            "the report short (a shorter period includes them)."
        )
    out.append(paragraph(note, muted=True, size=9))
    for entry in content.entries:
        title = f" — {esc(entry.title)}" if entry.title.strip() else ""
        out.append(
            f'<p style="margin-top: 16px; margin-bottom: 2px; font-size: 11pt; '
            f'font-weight: bold;">'
            f"{keep_anchor(f'{weekday(entry.day)} {day_words(entry.day)}{title}', 30)}</p>"
        )
        meta = _entry_meta(entry)
        if meta:
            out.append(paragraph(esc(meta), muted=True, size=9))
        for label, text in (
            ("Grateful for", entry.gratitude),
            ("Today I will", entry.intention),
            ("Looking back on the day", entry.evening_review),
        ):
            if text.strip():
                out.append(paragraph(f"<i>{label}:</i> {esc(text.strip())}"))
        out.append(to_html(entry.body))
    return "".join(out)


# --- safety plan ------------------------------------------------------------------------------

PLAN_SECTIONS = (
    ("warning_signs", "Warning signs that a hard moment may be coming"),
    ("coping_strategies", "Things I can do on my own"),
    ("distractions", "People and places that take my mind off things"),
    ("help_people", "People I can ask for help"),
    ("professionals", "Professionals and services"),
    ("safe_environment", "Making my surroundings safer"),
    ("reasons", "Reasons to keep going"),
)


def safety_plan_page(plan: SafetyPlan) -> str:
    out = [heading("Safety plan"), paragraph("In the client's own words.", muted=True, size=9)]
    for field, title in PLAN_SECTIONS:
        lines = [line for line in getattr(plan, field).splitlines() if line.strip()]
        out.append(heading(title, new_page=False, level=3))
        if lines:
            out.append("<ul>" + "".join(f"<li>{esc(line)}</li>" for line in lines) + "</ul>")
        else:
            out.append(paragraph("Not written yet.", muted=True))
    if plan.crisis_lines:
        out.append(heading("Crisis lines", new_page=False, level=3))
        out.append(
            table(
                ["Line", "Call", "Text", "Notes"],
                [[esc(c.name), esc(c.phone), esc(c.text), esc(c.notes)] for c in plan.crisis_lines],
                widths=[32, 16, 14, 38],
            )
        )
    return "".join(out)


# --- how to read ------------------------------------------------------------------------------


def how_to_read_page(content: ReportContent) -> str:
    points = [
        "Mood is recorded from 1 to 5 (1 awful, 2 bad, 3 okay, 4 good, 5 great); craving from "
        "0 (none) to 10 (strongest); “felt supported” after a connection from 1 to 5.",
        "A day's mood is the mean of the moods recorded that day (usually one check-in); a "
        "day's craving is its highest.",
        "Blank means not recorded. A day without a check-in is a blank row, never a zero, and "
        "no missing day is filled in.",
        "Every mean comes with n, the number of days it is made of. A trend is shown only "
        "from 7 or more days with data; otherwise the report says “too few days to show a "
        "trend”.",
        "Sober days are counted from the start dates the client set, as the app's counter "
        "does; “sober today” in the day rows is what the client answered that day.",
        "The trust score of a goal is the share of promises kept, of those marked kept or "
        "missed. The recent score weighs each promise by how recent it is (half as much "
        f"after {DEFAULT_HALF_LIFE_DAYS:.0f} days).",
        "“What helps” and the mood with and without a connection show what went together in "
        "what the client noted, never what caused what.",
        "Private entries are never included, in any figure or text. The only entries quoted "
        "are those the client marked “shared”.",
        "This report shows what the client recorded, in their words. It does not score risk "
        "or diagnose.",
    ]
    items = "".join(f"<li>{esc(p)}</li>" for p in points)
    return (
        heading("How to read this report", new_page=False, keep_mm=105)
        + f"<ul>{items}</ul>"
        + paragraph(
            f"Made with Recovery Desktop {esc(__version__)} on {day_words(content.shared_on)}, "
            f"from the client's own records for {period_words(content.period)}.",
            muted=True,
            size=9,
        )
    )
