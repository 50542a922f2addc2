# SPDX-License-Identifier: GPL-3.0-or-later
"""Crisis lines by country (DESIGN §4), for the safety plan and for the unlock screen.

Pure data and lookups: the unlock screen shows these while the vault is still locked (the
country then comes from the system or the app's settings), and the vault seeds its own editable
copy from them (`storage/crisis_lines.py`). Nothing here dials or sends anything.
"""

from __future__ import annotations

from dataclasses import replace

from recovery_desktop.core.models import DEFAULT_CRISIS_LINES, CrisisLine

UNKNOWN_COUNTRY = "ZZ"  # ISO 3166 "unknown": no country chosen or found

# Countries with lines of their own, in the order a picker lists them (then "elsewhere").
COUNTRIES: tuple[tuple[str, str], ...] = (
    ("US", "United States"),
    ("CA", "Canada"),
    ("GB", "United Kingdom"),
    ("IE", "Ireland"),
    ("AU", "Australia"),
    ("NZ", "New Zealand"),
)

_SAMARITANS = CrisisLine(
    name="Samaritans",
    phone="116 123",
    notes="Free, 24/7, whatever you're going through.",
)
_LINES: dict[str, tuple[CrisisLine, ...]] = {
    "US": DEFAULT_CRISIS_LINES,
    "CA": (
        CrisisLine(
            name="9-8-8 Suicide Crisis Helpline (Canada)",
            phone="988",
            text="Text 988",
            notes="Free, 24/7. Call or text.",
        ),
    ),
    "GB": (_SAMARITANS,),
    "IE": (_SAMARITANS,),
    "AU": (
        CrisisLine(
            name="Lifeline (Australia)",
            phone="13 11 14",
            notes="Free crisis support, 24/7.",
        ),
    ),
    "NZ": (
        CrisisLine(
            name="Need to talk? (New Zealand)",
            phone="1737",
            text="Text 1737",
            notes="Free, 24/7. Call or text to talk with a trained counsellor.",
        ),
    ),
}
_ELSEWHERE = (
    CrisisLine(
        name="Your local emergency number",
        notes="Add the number where you live (for example 112, 911 or 999).",
    ),
    CrisisLine(name=""),  # an empty line, to fill in with a crisis line near you
)


def normal_country(country: str | None) -> str:
    """An upper-case two-letter code, or `UNKNOWN_COUNTRY` for anything else."""
    code = (country or "").strip().upper()
    return code if len(code) == 2 and code.isascii() and code.isalpha() else UNKNOWN_COUNTRY


def has_own_lines(country: str | None) -> bool:
    return normal_country(country) in _LINES


def crisis_lines_for(country: str | None) -> tuple[CrisisLine, ...]:
    """The default lines of a country, each marked as seeded for it (`country` set, not
    edited). Countries without lines of their own get "your local emergency number" with its
    number to fill in, and an empty line for a crisis line near the person."""
    code = normal_country(country)
    lines = _LINES.get(code, _ELSEWHERE)
    return tuple(replace(line, country=code, edited=False, id=None) for line in lines)


def country_from_locale(name: str | None) -> str | None:
    """The country of a locale name as the system gives it ("en_US.UTF-8", "de_DE@euro",
    "fr-CA"), or None when it names none ("C", "POSIX", "en")."""
    if not name:
        return None
    base = name.split(".")[0].split("@")[0].replace("-", "_")
    parts = base.split("_")
    if len(parts) < 2:
        return None
    code = normal_country(parts[-1])
    return None if code == UNKNOWN_COUNTRY else code
