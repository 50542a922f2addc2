# SPDX-License-Identifier: GPL-3.0-or-later
"""Money, hours and days as the counter says them, in the person's locale.

Amounts are grouped in every locale ("2,257", "2.257", "2 257"), even in one such as C that
leaves grouping out by default: a long figure without it is hard to read. Money carries the
locale's currency symbol where the locale has one ("$2,257", "2.257 €"); where it has none
(the C locale) it is a plain grouped number, never a symbol we made up. Whole amounts show no
cents ("$2,257"); others show them ("$2,257.50").
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QLocale

from recovery_desktop.ui.widgets.dates import long_date as shared_long_date
from recovery_desktop.ui.words import QtWords


class CounterWords(QtWords):
    """The words of the sober-day counter's dialogs and extras (ui/words.py)."""


def _grouped() -> QLocale:
    """The person's locale, with its digit grouping on (the C locale turns it off)."""
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    return locale


def _decimals(amount: Decimal) -> int:
    return 0 if amount == amount.to_integral_value() else 2


def money(amount: Decimal) -> str:
    """In the locale's currency: "$2,257", "2.257,50 €"; "2,257" where the locale names none."""
    locale = _grouped()
    # The symbol is passed on purpose: an empty one makes Qt write the ISO code ("USD").
    return locale.toCurrencyString(float(amount), locale.currencySymbol(), _decimals(amount))


def money_in_words(amount: Decimal) -> str:
    """Money inside a sentence: "$2,257"; where the locale has no symbol, "2,257 in money",
    so "2,257 and 366 hours" never reads as two numbers of hours."""
    if currency_symbol():
        return money(amount)
    return CounterWords.tr("%1 in money").replace("%1", money(amount))


def currency_symbol() -> str:
    """The locale's currency symbol ("$", "€"), else its code ("CHF"), else "" (the C
    locale), as `money` writes it."""
    locale = QLocale()
    return locale.currencySymbol() or locale.currencySymbol(
        QLocale.CurrencySymbolFormat.CurrencyIsoCode
    )


def amount_for_editing(amount: Decimal) -> str:
    """An amount as it was typed, with the locale's decimal mark: no grouping and no symbol
    ("18.50", "18,50", "2,5", "3")."""
    return f"{amount:f}".replace(".", QLocale().decimalPoint())


def amount_as_typed(text: str) -> str:
    """What a person typed, read in their locale first ("1,234.50" in English, "1.234,50" in
    German), else as written ("12,50" or "12.50" anywhere): a plain "1234.50" for
    `core.regained.daily_cost`, which explains in words what it cannot read."""
    text = text.strip()
    locale = QLocale()
    _value, ok = locale.toDouble(text)
    if ok and text:  # taken apart as typed, not through a float: "0.1" stays exactly 0.1
        return text.replace(locale.groupSeparator(), "").replace(locale.decimalPoint(), ".")
    return text


def hours(amount: Decimal) -> str:
    """ "1 hour", "2.5 hours"; from two days on, the days too: "120 hours (5 whole days)".

    Said as whole days of time, so it never reads as the number of sober days it took."""
    whole = amount == amount.to_integral_value()
    if whole:  # %Ln: the count in the locale's digits, as QLocale().toString writes it
        text = CounterWords.tr("%Ln hour(s)", None, int(amount))
    else:
        number = _grouped().toString(float(amount), "f", 1)
        #: A number of hours with one decimal, such as 2.5.
        text = CounterWords.tr("%1 hours").replace("%1", number)
    days = int(amount // 24)
    if days >= 2:
        text += CounterWords.tr(" (%Ln whole day(s))", None, days)
    return text


def long_date(day: date) -> str:
    return shared_long_date(day)
