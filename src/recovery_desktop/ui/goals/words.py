# SPDX-License-Identifier: GPL-3.0-or-later
"""The Goals page's words for kinds, statuses and outcomes, and its date format, in one place.

The same words everywhere: an outcome is "Kept" or "Not this time" (as on Today), never
"failed"; a goal is "let go", never "abandoned". Translated in the context "GoalWords".
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QLocale

from recovery_desktop.core.models import GoalKind, GoalStatus, Outcome
from recovery_desktop.ui.widgets.dates import date_format
from recovery_desktop.ui.widgets.dates import medium_date as shared_medium_date
from recovery_desktop.ui.words import QtWords

_WEEKDAY = re.compile(r"^\s*dddd[\s,.]*|[\s,.]*dddd\s*$")


class GoalWords(QtWords):
    """The words of the Goals page and its editors (ui/words.py)."""


def kind_label(kind: GoalKind) -> str:
    return {
        GoalKind.TRUST: GoalWords.tr("Trust: a relationship"),
        GoalKind.HEALTH: GoalWords.tr("Health"),
        GoalKind.SERVICE: GoalWords.tr("Service: giving back"),
        GoalKind.PERSONAL: GoalWords.tr("Personal"),
    }[GoalKind(kind)]


def kind_short(kind: GoalKind) -> str:
    return {
        GoalKind.TRUST: GoalWords.tr("Trust"),
        GoalKind.HEALTH: GoalWords.tr("Health"),
        GoalKind.SERVICE: GoalWords.tr("Service"),
        GoalKind.PERSONAL: GoalWords.tr("Personal"),
    }[GoalKind(kind)]


def status_label(status: GoalStatus) -> str:
    return {
        GoalStatus.ACTIVE: GoalWords.tr("Active"),
        GoalStatus.ACHIEVED: GoalWords.tr("Achieved"),
        GoalStatus.PAUSED: GoalWords.tr("Paused"),
        GoalStatus.LET_GO: GoalWords.tr("Let go"),
    }[GoalStatus(status)]


def outcome_label(outcome: Outcome) -> str:
    return {
        Outcome.PENDING: GoalWords.tr("Open"),
        Outcome.KEPT: GoalWords.tr("Kept"),
        Outcome.MISSED: GoalWords.tr("Not this time"),
    }[Outcome(outcome)]


def percent(share: float) -> str:
    """0.8 -> "80%" in the locale's digits."""
    return GoalWords.tr("%1%").replace("%1", QLocale().toString(round(share * 100)))


def medium_date_format() -> str:
    """The locale's medium date format ("25 Nov 2026", "Nov 25, 2026"): the shared one."""
    return date_format()


def medium_date(day: date) -> str:
    return shared_medium_date(day)


def due_words(due: date | None, today: date) -> str:
    """ "due 25 Nov 2026", "due today", "due tomorrow", "no due date"."""
    if due is None:
        return GoalWords.tr("no due date")
    if due == today:
        return GoalWords.tr("due today")
    if due == date.fromordinal(today.toordinal() + 1):
        return GoalWords.tr("due tomorrow")
    if due == date.fromordinal(today.toordinal() - 1):
        return GoalWords.tr("due yesterday")
    return GoalWords.tr("due %1").replace("%1", medium_date(due))
