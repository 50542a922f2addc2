# SPDX-License-Identifier: GPL-3.0-or-later
"""Money and time regained: what using used to cost each day, times the sober days since.

As I Am Sober and Nomo show it: the person says what a day of using cost them (money, hours)
and Today shows what the sober days have given back. Days are the completed sober days of
`core.sobriety` (day 0 on a start date, the day before a new start is the slip day), so the
figures follow the counter exactly. Across new starts, `total` adds up every run: nothing
regained before a slip is taken away.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from recovery_desktop.core.models import RecoveryStart
from recovery_desktop.core.sobriety import runs
from recovery_desktop.core.validation import ValidationError

MAX_MONEY_PER_DAY = Decimal("1000000")
HOURS_PER_DAY = Decimal("24")


@dataclass(frozen=True, slots=True)
class DailyCost:
    """What one day of using used to cost: money (in the person's currency) and hours."""

    money: Decimal = Decimal(0)
    hours: Decimal = Decimal(0)

    @property
    def is_zero(self) -> bool:
        return not self.money and not self.hours


@dataclass(frozen=True, slots=True)
class Regained:
    days: int
    money: Decimal
    hours: Decimal


@dataclass(frozen=True, slots=True)
class RegainedSummary:
    current: Regained  # the current run (zero before any start)
    total: Regained  # every run, across new starts


def parse_amount(text: str | Decimal | float | int, *, what: str, most: Decimal) -> Decimal:
    """A non-negative amount as typed ("12.50", "12,50", "2"), with a plain message if not."""
    raw = str(text).strip().replace(",", ".") if not isinstance(text, Decimal) else text
    try:
        value = Decimal(raw) if raw != "" else Decimal(0)
    except InvalidOperation:
        raise ValidationError(
            f"{what} “{text}” is not a number. Please write it like 12.50."
        ) from None
    if not value.is_finite() or value < 0:
        raise ValidationError(f"{what} is a number of 0 or more.")
    if value > most:
        raise ValidationError(f"{what} can be at most {most}.")
    return value


def daily_cost(
    money: str | Decimal | float | int = 0, hours: str | Decimal | float | int = 0
) -> DailyCost:
    """A checked `DailyCost`: money from 0 to a million, hours from 0 to 24."""
    return DailyCost(
        parse_amount(money, what="The money it cost each day", most=MAX_MONEY_PER_DAY),
        parse_amount(hours, what="The hours it took each day", most=HOURS_PER_DAY),
    )


def _times(days: int, cost: DailyCost) -> Regained:
    return Regained(days, cost.money * days, cost.hours * days)


def regained(
    starts: Sequence[RecoveryStart] | Sequence[date], today: date, cost: DailyCost
) -> RegainedSummary:
    """Money and hours regained in the current run and across every run up to `today`."""
    all_runs = runs(starts, today)
    current = all_runs[-1].days if all_runs else 0
    total = sum(r.days for r in all_runs)
    return RegainedSummary(_times(current, cost), _times(total, cost))
