# SPDX-License-Identifier: GPL-3.0-or-later
"""What the period picker holds, apart from the days it means on a given day (no Qt).

"The last 30 days" is a different period tomorrow and "all" grows with the vault, so the page
keeps the person's choice and resolves it to a `Period` when it reads the vault.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from recovery_desktop.insights import Period


@dataclass(frozen=True, slots=True)
class PeriodChoice:
    """The last `days` days, everything (`everything`), or the days `first`..`last`."""

    days: int | None = None
    everything: bool = False
    first: date | None = None
    last: date | None = None

    @classmethod
    def last_days(cls, days: int) -> PeriodChoice:
        return cls(days=days)

    @classmethod
    def all_days(cls) -> PeriodChoice:
        return cls(everything=True)

    @classmethod
    def custom(cls, first: date, last: date) -> PeriodChoice:
        return cls(first=min(first, last), last=max(first, last))

    @property
    def is_custom(self) -> bool:
        return self.first is not None

    def resolve(self, today: date, first_day: Callable[[], date | None]) -> Period:
        """The days meant on `today`. `first_day` gives the vault's earliest day (for "all"),
        and is called only for "all"; an empty vault's "all" is today alone."""
        if self.first is not None and self.last is not None:
            return Period(self.first, self.last)
        if self.everything:
            start = first_day() or today
            return Period(min(start, today), today)
        return Period.last_days(self.days or 30, today)
