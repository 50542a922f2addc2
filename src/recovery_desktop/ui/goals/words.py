# SPDX-License-Identifier: GPL-3.0-or-later
"""The Goals page's words for kinds, statuses and outcomes, and its date format, in one place.

The same words everywhere: an outcome is "Kept" or "Not this time" (as on Today), never
"failed"; a goal is "let go", never "abandoned". Translated in the context "GoalWords".
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from recovery_desktop.core.models import GoalKind, GoalStatus, Outcome
from recovery_desktop.ui.widgets.dates import date_format
from recovery_desktop.ui.widgets.dates import medium_date as shared_medium_date

_CONTEXT = "GoalWords"
_WEEKDAY = re.compile(r"^\s*dddd[\s,.]*|[\s,.]*dddd\s*$")


def tr(text: str, n: int = -1) -> str:
    """Translate in the Goals page's context; with `n`, Qt fills in `%n` (pass the result
    through `ui.today.card.plural` for the English "(s)")."""
    return QCoreApplication.translate(_CONTEXT, text, None, n)


def kind_label(kind: GoalKind) -> str:
    return {
        GoalKind.TRUST: tr("Trust: a relationship"),
        GoalKind.HEALTH: tr("Health"),
        GoalKind.SERVICE: tr("Service: giving back"),
        GoalKind.PERSONAL: tr("Personal"),
    }[GoalKind(kind)]


def kind_short(kind: GoalKind) -> str:
    return {
        GoalKind.TRUST: tr("Trust"),
        GoalKind.HEALTH: tr("Health"),
        GoalKind.SERVICE: tr("Service"),
        GoalKind.PERSONAL: tr("Personal"),
    }[GoalKind(kind)]


def status_label(status: GoalStatus) -> str:
    return {
        GoalStatus.ACTIVE: tr("Active"),
        GoalStatus.ACHIEVED: tr("Achieved"),
        GoalStatus.PAUSED: tr("Paused"),
        GoalStatus.LET_GO: tr("Let go"),
    }[GoalStatus(status)]


def outcome_label(outcome: Outcome) -> str:
    return {
        Outcome.PENDING: tr("Open"),
        Outcome.KEPT: tr("Kept"),
        Outcome.MISSED: tr("Not this time"),
    }[Outcome(outcome)]


def percent(share: float) -> str:
    """0.8 -> "80%" in the locale's digits."""
    return tr("%1%").replace("%1", QLocale().toString(round(share * 100)))


def medium_date_format() -> str:
    """The locale's medium date format ("25 Nov 2026", "Nov 25, 2026"): the shared one."""
    return date_format()


def medium_date(day: date) -> str:
    return shared_medium_date(day)


def due_words(due: date | None, today: date) -> str:
    """ "due 25 Nov 2026", "due today", "due tomorrow", "no due date"."""
    if due is None:
        return tr("no due date")
    if due == today:
        return tr("due today")
    if due == date.fromordinal(today.toordinal() + 1):
        return tr("due tomorrow")
    if due == date.fromordinal(today.toordinal() - 1):
        return tr("due yesterday")
    return tr("due %1").replace("%1", medium_date(due))
