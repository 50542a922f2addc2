# SPDX-License-Identifier: GPL-3.0-or-later
"""Money, hours and days as the counter says them, in the person's locale."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QLocale

from recovery_desktop.ui.widgets.dates import long_date as shared_long_date
from recovery_desktop.ui.words import QtWords


class CounterWords(QtWords):
    """The words of the sober-day counter's dialogs and extras (ui/words.py)."""


def money(amount: Decimal) -> str:
    """In the locale's currency ("$1,234.50"; "1234.50" where the locale names none)."""
    return QLocale().toCurrencyString(float(amount))


def hours(amount: Decimal) -> str:
    """ "1 hour", "2.5 hours"; from two days on, the days too: "120 hours, 5 whole days".

    Said as whole days of time, so it never reads as the number of sober days it took."""
    whole = amount == amount.to_integral_value()
    if whole:  # %Ln: the count in the locale's digits, as QLocale().toString writes it
        text = CounterWords.tr("%Ln hour(s)", None, int(amount))
    else:
        number = QLocale().toString(float(amount), "f", 1)
        #: A number of hours with one decimal, such as 2.5.
        text = CounterWords.tr("%1 hours").replace("%1", number)
    days = int(amount // 24)
    if days >= 2:
        text += CounterWords.tr(", %Ln whole day(s)", None, days)
    return text


def long_date(day: date) -> str:
    return shared_long_date(day)
