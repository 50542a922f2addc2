# SPDX-License-Identifier: GPL-3.0-or-later
"""Which country's crisis lines to show, and the picker that changes it.

Three places ask: the Safety plan page and Help now (vault open: the vault's own country, chosen
once from the app settings or the system when it has none yet) and Help now on the unlock screen
(vault encrypted: the country kept in the app settings, else the system's, else the US lines
every vault starts with). A country the person
picks is kept in both the vault and the app settings, so the unlock screen shows the same lines.
The system's country comes from `QLocale()`: the system's locale unless the app set another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from recovery_desktop.core.crisis_lines import (
    COUNTRIES,
    UNKNOWN_COUNTRY,
    country_from_locale,
    has_own_lines,
    normal_country,
)
from recovery_desktop.ui.safety.wording import SafetyWords

# No country known (a "C" locale, nothing picked): the US lines every vault was seeded with,
# named as US lines, with the picker beside them and "call your local emergency number" above.
FALLBACK_COUNTRY = "US"

if TYPE_CHECKING:
    from recovery_desktop.storage import Vault
    from recovery_desktop.ui.app_settings import AppSettings


def system_country() -> str | None:
    """The country of the app's locale ("GB" for en_GB), or None when it names none ("C")."""
    locale = QLocale()
    code = QLocale.territoryToCode(locale.territory())
    if code and normal_country(code) != UNKNOWN_COUNTRY:
        return normal_country(code)
    return country_from_locale(locale.name())


def known_country(settings: AppSettings) -> str | None:
    """The country picked before (app settings), else the system's; None when neither says."""
    return settings.crisis_country() or system_country()


def country_while_locked(settings: AppSettings) -> str:
    """For the unlock screen: the country picked before, else the system's, else the lines
    every vault starts with (`FALLBACK_COUNTRY`)."""
    return normal_country(known_country(settings) or FALLBACK_COUNTRY)


def ensure_country(vault: Vault, settings: AppSettings) -> str:
    """The vault's country. A vault that never had one takes the app settings' or the
    system's now (its untouched US lines give way to that country's: `CrisisLineRepository`);
    when neither names one, it keeps the lines it started with, for `FALLBACK_COUNTRY`. When
    the vault refuses the write (a full disk), its lines stay as they were; nothing is lost."""
    chosen = vault.crisis_lines.country()
    if chosen is not None:
        return normal_country(chosen)
    code = known_country(settings)
    if code is None:
        return FALLBACK_COUNTRY
    code = normal_country(code)
    try:
        vault.crisis_lines.choose_country(code)
    except Exception as error:  # the disk refused; the lines it has stay on screen
        from recovery_desktop.storage.errors import storage_failure_message

        if storage_failure_message(error) is None:
            raise
    return code


def country_choices() -> list[tuple[str, str]]:
    """(code, name) for the picker: the countries with lines of their own, then the rest."""
    names = {
        "US": SafetyWords.tr("United States"),
        "CA": SafetyWords.tr("Canada"),
        "GB": SafetyWords.tr("United Kingdom"),
        "IE": SafetyWords.tr("Ireland"),
        "AU": SafetyWords.tr("Australia"),
        "NZ": SafetyWords.tr("New Zealand"),
    }
    choices = [(code, names.get(code, name)) for code, name in COUNTRIES]
    return [*choices, (UNKNOWN_COUNTRY, SafetyWords.tr("Another country"))]


class CountryPicker(QComboBox):
    """Countries with crisis lines of their own, and "Another country". `country_chosen(code)`
    fires only when the person picks one (not when `set_country` shows the current one)."""

    country_chosen = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(SafetyWords.tr("Country for the crisis lines"))
        self.setToolTip(SafetyWords.tr("Crisis lines are different in each country"))
        for code, label in country_choices():
            self.addItem(label, code)
        self.activated.connect(lambda index: self.country_chosen.emit(self.itemData(index)))

    def set_country(self, code: str | None) -> None:
        code = normal_country(code)
        index = self.findData(code if has_own_lines(code) else UNKNOWN_COUNTRY)
        self.setCurrentIndex(max(index, 0))

    def country(self) -> str:
        return str(self.currentData())
