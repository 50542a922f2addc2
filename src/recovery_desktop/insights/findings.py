# SPDX-License-Identifier: GPL-3.0-or-later
"""A few findings in plain words for the top of the Insights page, each with its counts.

A finding is said only when its counts can carry it; a link between two things is said as
"go together", never as a cause.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from recovery_desktop.insights.helps import MIN_TIMES
from recovery_desktop.insights.period import WORDS, DateWords, bin_count
from recovery_desktop.insights.series import HIGH_CRAVING
from recovery_desktop.insights.tables import of_days, period_words
from recovery_desktop.insights.wording import FindingWords

if TYPE_CHECKING:
    from recovery_desktop.insights.bundle import Insights

MIN_DAYS_TO_COMPARE = 3  # each side of a comparison needs this many days with a mood


@dataclass(frozen=True, slots=True)
class Finding:
    text: str
    counts: str  # the numbers the sentence rests on, in words


def findings(insights: Insights, words: DateWords = WORDS) -> list[Finding]:
    """The findings the period's data supports, most useful first (possibly none)."""
    period, today = insights.period, insights.today
    when = period_words(period, today, words)
    result: list[Finding] = []

    compare = insights.mood_by_connection
    w, wo = compare.with_mean, compare.without_mean
    if w.n >= MIN_DAYS_TO_COMPARE and wo.n >= MIN_DAYS_TO_COMPARE:
        assert w.value is not None and wo.value is not None
        counts = {
            "connection_days": compare.connection_days,
            "days": FindingWords.tr("%n day(s)", None, period.days),
            "with_n": w.n,
            "without_n": wo.n,
        }
        result.append(
            Finding(
                FindingWords.tr(
                    "You logged a connection on {days}. On those days your mood averaged "
                    "{with_mean}, on the others {without_mean}. The two go together; this does "
                    "not show that one causes the other.",
                    days=of_days(compare.connection_days, period, today, words),
                    with_mean=f"{w.value:.1f}",
                    without_mean=f"{wo.value:.1f}",
                ),
                FindingWords.tr(
                    "{connection_days} of {days} with a connection; mood recorded on {with_n} "
                    "of them and on {without_n} days without; difference {interval} (95%)",
                    interval=compare.difference.words(2),
                    **counts,
                )
                if compare.difference
                else FindingWords.tr(
                    "{connection_days} of {days} with a connection; mood recorded on {with_n} "
                    "of them and on {without_n} days without",
                    **counts,
                ),
            )
        )

    habits = insights.habits
    if habits.checked_in or habits.journaled:
        result.append(
            Finding(
                FindingWords.tr(
                    "You checked in on {days}.",
                    days=of_days(habits.checked_in, period, today, words),
                )
                if habits.checked_in
                else FindingWords.tr(
                    "You wrote in your journal on {days}.",
                    days=of_days(habits.journaled, period, today, words),
                ),
                FindingWords.tr(
                    "{checked_in} check-in days, {journaled} journal days, out of {days}",
                    checked_in=habits.checked_in,
                    journaled=habits.journaled,
                    days=period.days,
                ),
            )
        )

    cravings = insights.cravings
    if cravings.points:
        noted = len(cravings.points)
        if cravings.high_days:
            text = FindingWords.tr(
                "On {high_days} of the {days} you noted a craving, it reached {high} or more.",
                high_days=cravings.high_days,
                days=FindingWords.tr("%n day(s)", None, noted),
                high=HIGH_CRAVING,
            )
        elif noted == 1:
            text = FindingWords.tr(
                "Your craving stayed below {high} on the one day you noted one.", high=HIGH_CRAVING
            )
        else:
            text = FindingWords.tr(
                "Your craving stayed below {high} on all %n days you noted one.",
                None,
                noted,
                high=HIGH_CRAVING,
            )
        result.append(
            Finding(
                text,
                FindingWords.tr(
                    "{high_days} of {noted} days with a craving noted reached {high} or more; "
                    "mean of the day's highest {mean}",
                    high_days=cravings.high_days,
                    noted=noted,
                    high=HIGH_CRAVING,
                    mean=cravings.mean.words(),
                ),
            )
        )

    helps = insights.helps
    helped = [c for c in helps.coping if c.times >= MIN_TIMES]
    if helped and helps.baseline.times:
        best = max(helped, key=lambda c: (c.share, c.times))
        result.append(
            Finding(
                FindingWords.tr(
                    "After you noted “{name}”, your craving was lower the next day {best}; over "
                    "all days it was lower {baseline}. A pattern in a small sample, worth "
                    "watching.",
                    name=best.name,
                    best=best.words(),
                    baseline=helps.baseline.words(),
                ),
                FindingWords.tr(
                    "{eased} of {times} days after “{name}”; {all_eased} of {all_times} days in "
                    "all",
                    eased=best.eased,
                    times=best.times,
                    name=best.name,
                    all_eased=helps.baseline.eased,
                    all_times=helps.baseline.times,
                ),
            )
        )

    activity = insights.meetings
    if activity.meetings or activity.service:
        result.append(
            Finding(
                _activity_sentence(
                    FindingWords.tr("%n meeting(s)", None, activity.meetings),
                    FindingWords.tr("%n time(s)", None, activity.service),
                    activity.meetings,
                    activity.service,
                    when,
                ),
                FindingWords.tr(
                    "{meetings} meetings, {service} service, over {bins}",
                    meetings=activity.meetings,
                    service=activity.service,
                    bins=bin_count(activity.bin, len(activity.bins)),
                ),
            )
        )

    for goal in insights.trust.goals:
        if goal.kept + goal.missed >= MIN_TIMES:
            result.append(
                Finding(
                    FindingWords.tr(
                        "For “{goal}” you kept {kept} of {promises} {when}.",
                        goal=goal.title,
                        kept=goal.kept,
                        promises=FindingWords.tr("%n promise(s)", None, goal.kept + goal.missed),
                        when=when,
                    ),
                    FindingWords.tr(
                        "{kept} kept, {missed} missed, {pending} still open",
                        kept=goal.kept,
                        missed=goal.missed,
                        pending=goal.pending,
                    ),
                )
            )
    return result


def _activity_sentence(
    meetings: str, service: str, meeting_count: int, service_count: int, when: str
) -> str:
    """Meetings and service, naming only what there was: "You went to 10 meetings in the last
    30 days." rather than "... and did service 0 times", which reads like a reproach."""
    if not service_count:
        return FindingWords.tr("You went to {meetings} {when}.", meetings=meetings, when=when)
    if not meeting_count:
        return FindingWords.tr("You did service {service} {when}.", service=service, when=when)
    return FindingWords.tr(
        "You went to {meetings} and did service {service} {when}.",
        meetings=meetings,
        service=service,
        when=when,
    )
