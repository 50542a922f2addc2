# SPDX-License-Identifier: GPL-3.0-or-later
"""The report's later pages as HTML: goals and commitments, what helps, shared entries, the
safety plan and how to read the report. No Qt. Words through `ReportWords` (report_words.py)."""

from __future__ import annotations

from recovery_desktop import __version__
from recovery_desktop.core.models import GoalKind, GoalStatus, Outcome, SafetyPlan
from recovery_desktop.core.trust import DEFAULT_HALF_LIFE_DAYS
from recovery_desktop.exchange.report_content import (
    MAX_SHARED_ENTRIES,
    GoalPart,
    ReportContent,
)
from recovery_desktop.exchange.report_markdown import to_html
from recovery_desktop.exchange.report_words import (
    ReportWords,
    count_times,
    day_words,
    esc,
    heading,
    keep_anchor,
    of,
    paragraph,
    period_words,
    short_day,
    table,
    weekday,
)
from recovery_desktop.insights.connection_series import kind_words
from recovery_desktop.insights.helps import MIN_TIMES
from recovery_desktop.insights.series import HIGH_CRAVING
from recovery_desktop.insights.wording import mood_label

MOST_LISTED = 8  # triggers, coping notes, kinds of connection: the most frequent

# --- goals and commitments --------------------------------------------------------------------


def _percent(score: float | None) -> str:
    return "" if score is None else f"{score:.0%}"


def _outcome(row_outcome: Outcome, noted) -> str:
    if row_outcome is Outcome.PENDING:
        return ReportWords.tr("pending")
    if row_outcome is Outcome.KEPT:
        word = ReportWords.tr("kept")
    else:
        missed = ReportWords.tr("missed")
        word = f"<b>{missed}</b>"
    if not noted:
        return word
    return ReportWords.tr("{outcome} ({day})", outcome=word, day=short_day(noted))


# The kinds and statuses of goals as the report names them ("Trust goal · active").
GOAL_KINDS = {
    GoalKind.TRUST: ReportWords.QT_TR_NOOP("Trust goal"),
    GoalKind.HEALTH: ReportWords.QT_TR_NOOP("Health goal"),
    GoalKind.SERVICE: ReportWords.QT_TR_NOOP("Service goal"),
    GoalKind.PERSONAL: ReportWords.QT_TR_NOOP("Personal goal"),
}
GOAL_STATUSES = {
    GoalStatus.ACTIVE: ReportWords.QT_TR_NOOP("active"),
    GoalStatus.ACHIEVED: ReportWords.QT_TR_NOOP("achieved"),
    GoalStatus.PAUSED: ReportWords.QT_TR_NOOP("paused"),
    GoalStatus.LET_GO: ReportWords.QT_TR_NOOP("let go"),
}


def _goal(goal: GoalPart, content: ReportContent) -> str:
    about = ""
    if goal.person:
        about = " · " + ReportWords.tr("about {person}", person=esc(goal.person))
    kind = ReportWords.tr(GOAL_KINDS[GoalKind(goal.kind)])
    status = ReportWords.tr(GOAL_STATUSES[GoalStatus(goal.status)])
    out = [
        heading(goal.title, new_page=False, level=3),
        paragraph(f"{kind}{about} · {status}", muted=True),
    ]
    resolved = goal.kept + goal.missed
    if resolved:
        score = ReportWords.tr(
            "Promises kept: {kept} ({score}) up to {day}; recent score {recent} (recent "
            "promises weigh more).",
            kept=f"<b>{of(goal.kept, resolved)}</b>",
            score=_percent(goal.score),
            day=day_words(content.period.last),
            recent=_percent(goal.recent),
        )
    else:
        score = ReportWords.tr("No promise marked kept or missed yet.")
    out.append(
        paragraph(
            score
            + " "
            + ReportWords.tr(
                "In this period: {kept} kept, {missed} missed; {pending} pending now. "
                "Trend: {trend}.",
                kept=goal.kept_in_period,
                missed=goal.missed_in_period,
                pending=goal.pending,
                trend=esc(goal.trend),
            )
        )
    )
    if goal.commitments:
        to_whom = any(c.to_whom for c in goal.commitments)
        out.append(
            table(
                [
                    ReportWords.tr("Commitment"),
                    *([ReportWords.tr("To")] if to_whom else []),
                    ReportWords.tr("Due"),
                    ReportWords.tr("Outcome"),
                ],
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
                ReportWords.tr(
                    "%n earlier commitment of this period is counted above but not listed.",
                    None,
                    goal.earlier,
                )
                if goal.earlier == 1  # English words the two apart; a translation has forms
                else ReportWords.tr(
                    "%n earlier commitments of this period are counted above but not listed.",
                    None,
                    goal.earlier,
                ),
                muted=True,
                size=9,
            )
        )
    return "".join(out)


def goals_page(content: ReportContent) -> str:
    out = [heading(ReportWords.tr("Goals and commitments"))]
    if not content.goals:
        out.append(
            paragraph(
                ReportWords.tr("No goals were active, and no commitment fell in this period.")
            )
        )
        return "".join(out)
    out.append(
        paragraph(
            ReportWords.tr(
                "Each goal with its kind and the person it concerns; each commitment with its "
                "due date and whether it was kept, missed or is still pending. The trust score "
                "is the share of promises kept, of those kept or missed."
            ),
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
        heading(ReportWords.tr("What helps"), new_page=False, keep_mm=60),
        paragraph(
            ReportWords.tr(
                "Patterns in what the client noted, in a small sample: they show what went "
                "together, not what caused what. Cravings often ease after a high day anyway, "
                "so the count over all days is given to compare with."
            ),
            muted=True,
            size=9,
        ),
    ]
    out.append(
        heading(
            ReportWords.tr("Noted before a craving of {high} or more", high=HIGH_CRAVING),
            new_page=False,
            level=3,
        )
    )
    if helps.high_days and helps.triggers:
        out.append(
            table(
                [
                    ReportWords.tr("Trigger noted that day or the day before"),
                    ReportWords.tr("High-craving days"),
                ],
                [
                    [esc(t.name), of(t.high_days, helps.high_days)]
                    for t in helps.triggers[:MOST_LISTED]
                ],
                widths=[70, 30],
            )
        )
    elif helps.high_days:
        out.append(
            paragraph(
                ReportWords.tr(
                    "%n day(s) reached a craving of {high} or more; no trigger was noted on "
                    "them or the day before.",
                    None,
                    helps.high_days,
                    high=HIGH_CRAVING,
                )
            )
        )
    else:
        out.append(
            paragraph(
                ReportWords.tr(
                    "No day reached a craving of {high} or more in this period.", high=HIGH_CRAVING
                )
            )
        )
    out.append(
        heading(
            ReportWords.tr("After which the craving was lower the next day"),
            new_page=False,
            level=3,
        )
    )

    def eased(eased: int, times: int) -> str:
        return ReportWords.tr("{count} of {times}", count=eased, times=count_times(times))

    rows = [
        [ReportWords.tr("Coping: {name}", name=esc(c.name)), eased(c.eased, c.times)]
        for c in helps.coping[:MOST_LISTED]
    ] + [
        [
            ReportWords.tr("Connection: {name}", name=esc(kind_words(c.name))),
            eased(c.eased, c.times),
        ]
        for c in helps.connections[:MOST_LISTED]
    ]
    base = helps.baseline
    any_day = ReportWords.tr("Any day with a craving noted")
    rows.append([f"<i>{any_day}</i>", eased(base.eased, base.times)])
    header = [ReportWords.tr("What was noted"), ReportWords.tr("Craving lower the next day")]
    out.append(table(header, rows, widths=[70, 30]))
    out.append(
        paragraph(
            ReportWords.tr(
                "Patterns seen fewer than {times} times are listed but too few to read much into.",
                times=MIN_TIMES,
            ),
            muted=True,
            size=9,
        )
    )
    return "".join(out)


# --- shared entries ---------------------------------------------------------------------------


def _entry_meta(entry) -> str:
    parts = []
    if entry.mood is not None:
        parts.append(
            ReportWords.tr("mood {value} {mood}", value=entry.mood, mood=mood_label(entry.mood))
        )
    if entry.craving is not None:
        parts.append(ReportWords.tr("craving {value}", value=entry.craving))
    if entry.is_checkin:
        parts.append(ReportWords.tr("daily check-in"))
    return " · ".join(parts)


def entries_page(content: ReportContent) -> str:
    out = [heading(ReportWords.tr("Shared entries"))]
    total = content.shared_entries
    if not total:
        out.append(
            paragraph(ReportWords.tr("The client marked no entry of this period as shared."))
        )
        return "".join(out)
    note = ReportWords.tr("Only entries the client marked “shared”, oldest first.")
    if content.entries_left_out:
        note += " " + ReportWords.tr(
            "The {shown} most recent of the {total} shared entries of this period are shown; "
            "{left_out} earlier ones are left out to keep the report short (a shorter period "
            "includes them).",
            shown=MAX_SHARED_ENTRIES,
            total=total,
            left_out=content.entries_left_out,
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
            (ReportWords.tr("Grateful for"), entry.gratitude),
            (ReportWords.tr("Today I will"), entry.intention),
            (ReportWords.tr("Looking back on the day"), entry.evening_review),
        ):
            if text.strip():
                out.append(paragraph(f"<i>{label}:</i> {esc(text.strip())}"))
        out.append(to_html(entry.body))
    return "".join(out)


# --- safety plan ------------------------------------------------------------------------------

PLAN_SECTIONS = (  # titles translated where shown
    ("warning_signs", ReportWords.QT_TR_NOOP("Warning signs that a hard moment may be coming")),
    ("coping_strategies", ReportWords.QT_TR_NOOP("Things I can do on my own")),
    ("distractions", ReportWords.QT_TR_NOOP("People and places that take my mind off things")),
    ("help_people", ReportWords.QT_TR_NOOP("People I can ask for help")),
    ("professionals", ReportWords.QT_TR_NOOP("Professionals and services")),
    ("safe_environment", ReportWords.QT_TR_NOOP("Making my surroundings safer")),
    ("reasons", ReportWords.QT_TR_NOOP("Reasons to keep going")),
)


def safety_plan_page(plan: SafetyPlan) -> str:
    out = [
        heading(ReportWords.tr("Safety plan")),
        paragraph(ReportWords.tr("In the client's own words."), muted=True, size=9),
    ]
    for field, title in PLAN_SECTIONS:
        lines = [line for line in getattr(plan, field).splitlines() if line.strip()]
        out.append(heading(ReportWords.tr(title), new_page=False, level=3))
        if lines:
            out.append("<ul>" + "".join(f"<li>{esc(line)}</li>" for line in lines) + "</ul>")
        else:
            out.append(paragraph(ReportWords.tr("Not written yet."), muted=True))
    if plan.crisis_lines:
        out.append(heading(ReportWords.tr("Crisis lines"), new_page=False, level=3))
        out.append(
            table(
                [
                    ReportWords.tr("Line"),
                    ReportWords.tr("Call"),
                    ReportWords.tr("Text"),
                    ReportWords.tr("Notes"),
                ],
                [[esc(c.name), esc(c.phone), esc(c.text), esc(c.notes)] for c in plan.crisis_lines],
                widths=[32, 16, 14, 38],
            )
        )
    return "".join(out)


# --- how to read ------------------------------------------------------------------------------


def how_to_read_page(content: ReportContent) -> str:
    points = [
        ReportWords.tr(
            "Mood is recorded from 1 to 5 (1 awful, 2 bad, 3 okay, 4 good, 5 great); craving "
            "from 0 (none) to 10 (strongest); “felt supported” after a connection from 1 to 5."
        ),
        ReportWords.tr(
            "A day's mood is the mean of the moods recorded that day (usually one check-in); a "
            "day's craving is its highest."
        ),
        ReportWords.tr(
            "Blank means not recorded. A day without a check-in is a blank row, never a zero, "
            "and no missing day is filled in."
        ),
        #: The quoted words are those the report uses (InsightWords: "too few days to show a
        #: trend").
        ReportWords.tr(
            "Every mean comes with n, the number of days it is made of. A trend is shown only "
            "from 7 or more days with data; otherwise the report says “too few days to show a "
            "trend”."
        ),
        ReportWords.tr(
            "Sober days are counted from the start dates the client set, as the app's counter "
            "does; “sober today” in the day rows is what the client answered that day."
        ),
        ReportWords.tr(
            "The trust score of a goal is the share of promises kept, of those marked kept or "
            "missed. The recent score weighs each promise by how recent it is (half as much "
            "after {days} days).",
            days=f"{DEFAULT_HALF_LIFE_DAYS:.0f}",
        ),
        ReportWords.tr(
            "“What helps” and the mood with and without a connection show what went together "
            "in what the client noted, never what caused what."
        ),
        ReportWords.tr(
            "Private entries are never included, in any figure or text. The only entries "
            "quoted are those the client marked “shared”."
        ),
        ReportWords.tr(
            "This report shows what the client recorded, in their words. It does not score "
            "risk or diagnose."
        ),
    ]
    items = "".join(f"<li>{esc(p)}</li>" for p in points)
    return (
        heading(ReportWords.tr("How to read this report"), new_page=False, keep_mm=105)
        + f"<ul>{items}</ul>"
        + paragraph(
            ReportWords.tr(
                "Made with Recovery Desktop {version} on {day}, from the client's own records "
                "for {period}.",
                version=esc(__version__),
                day=day_words(content.shared_on),
                period=period_words(content.period),
            ),
            muted=True,
            size=9,
        )
    )
