# SPDX-License-Identifier: GPL-3.0-or-later
"""A few findings in plain words for the top of the Insights page, each with its counts.

A finding is said only when its counts can carry it; a link between two things is said as
"go together", never as a cause.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from recovery_desktop.insights.helps import MIN_TIMES
from recovery_desktop.insights.period import WORDS, DateWords
from recovery_desktop.insights.series import HIGH_CRAVING
from recovery_desktop.insights.tables import of_days, period_words, plural

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
        interval = f"; difference {compare.difference.words(2)} (95%)" if compare.difference else ""
        result.append(
            Finding(
                f"You logged a connection on {of_days(compare.connection_days, period, today, words)}"
                ". On those days your mood averaged "
                f"{w.value:.1f}, on the others {wo.value:.1f}. The two go together; this does "
                "not show that one causes the other.",
                f"{compare.connection_days} of {plural(period.days, 'day')} with a connection; "
                f"mood recorded on {w.n} of them and on {wo.n} days without{interval}",
            )
        )

    habits = insights.habits
    if habits.checked_in or habits.journaled:
        what = (
            f"checked in on {of_days(habits.checked_in, period, today, words)}"
            if habits.checked_in
            else f"wrote in your journal on {of_days(habits.journaled, period, today, words)}"
        )
        result.append(
            Finding(
                f"You {what}.",
                f"{habits.checked_in} check-in days, {habits.journaled} journal days, "
                f"out of {period.days}",
            )
        )

    cravings = insights.cravings
    if cravings.points:
        noted = len(cravings.points)
        result.append(
            Finding(
                f"On {cravings.high_days} of the {plural(noted, 'day')} you noted a craving, it "
                f"reached {HIGH_CRAVING} or more."
                if cravings.high_days
                else f"Your craving stayed below {HIGH_CRAVING} on "
                f"{'the one day' if noted == 1 else f'all {noted} days'} you noted one.",
                f"{cravings.high_days} of {len(cravings.points)} days with a craving noted reached "
                f"{HIGH_CRAVING} or more; mean of the day's highest {cravings.mean.words()}",
            )
        )

    helps = insights.helps
    helped = [c for c in helps.coping if c.times >= MIN_TIMES]
    if helped and helps.baseline.times:
        best = max(helped, key=lambda c: (c.share, c.times))
        result.append(
            Finding(
                f"After you noted “{best.name}”, your craving was lower the next day "
                f"{best.words()}; over all days it was lower {helps.baseline.words()}. A "
                "pattern in a small sample, worth watching.",
                f"{best.eased} of {best.times} days after “{best.name}”; "
                f"{helps.baseline.eased} of {helps.baseline.times} days in all",
            )
        )

    activity = insights.meetings
    if activity.meetings or activity.service:
        result.append(
            Finding(
                f"You went to {plural(activity.meetings, 'meeting')} and did service "
                f"{plural(activity.service, 'time')} {when}.",
                f"{activity.meetings} meetings, {activity.service} service, "
                f"over {plural(len(activity.bins), activity.bin.value)}",
            )
        )

    for goal in insights.trust.goals:
        if goal.kept + goal.missed >= MIN_TIMES:
            result.append(
                Finding(
                    f"For “{goal.title}” you kept {goal.kept} of "
                    f"{plural(goal.kept + goal.missed, 'promise')} {when}.",
                    f"{goal.kept} kept, {goal.missed} missed, {goal.pending} still open",
                )
            )
    return result
