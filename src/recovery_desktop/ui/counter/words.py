# SPDX-License-Identifier: GPL-3.0-or-later
"""Money, hours and days as the counter says them, in the person's locale."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from recovery_desktop.ui.widgets.dates import long_date as shared_long_date

_CONTEXT = "CounterWords"


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(_CONTEXT, text, None, n)


def money(amount: Decimal) -> str:
    """In the locale's currency ("$1,234.50"; "1234.50" where the locale names none)."""
    return QLocale().toCurrencyString(float(amount))


def hours(amount: Decimal) -> str:
    """ "1 hour", "2.5 hours"; from two days on, the days too: "120 hours, 5 whole days".

    Said as whole days of time, so it never reads as the number of sober days it took."""
    whole = amount == amount.to_integral_value()
    number = QLocale().toString(float(amount), "f", 0 if whole else 1)
    text = tr("1 hour") if amount == 1 else tr("%1 hours").replace("%1", number)
    days = int(amount // 24)
    if days >= 2:
        text += tr(", %1 whole days").replace("%1", QLocale().toString(days))
    return text


def long_date(day: date) -> str:
    return shared_long_date(day)
