# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks on what a person types or imports, with messages in plain words.

Every error here is a `ValidationError` whose text can be shown to the user as it is.
"""

from __future__ import annotations

from datetime import date

from recovery_desktop.core.models import CRAVING_RANGE, MOOD_RANGE

MAX_TEXT_CHARS = 1_000_000  # about 500 printed pages: far above any real entry
EARLIEST_DATE = date(1900, 1, 1)


class ValidationError(ValueError):
    """Input that cannot be stored as given. `str(error)` is a plain sentence for the user."""


def clean_text(text: str, *, what: str = "This text", limit: int = MAX_TEXT_CHARS) -> str:
    """Return `text` safe to store as UTF-8.

    Lone surrogates (which can come from broken imports or the clipboard) cannot be encoded and
    become U+FFFD; everything else, NUL and emoji included, is kept exactly.
    """
    if len(text) > limit:
        raise ValidationError(
            f"{what} is very long ({len(text):,} characters). The most it can hold is "
            f"{limit:,} characters; try splitting it into parts."
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text


def check_mood(mood: int | None) -> int | None:
    if mood is not None and mood not in MOOD_RANGE:
        raise ValidationError(f"Mood is a number from 1 (awful) to 5 (great), not {mood}.")
    return mood


def check_craving(craving: int | None) -> int | None:
    if craving is not None and craving not in CRAVING_RANGE:
        raise ValidationError(
            f"Craving is a number from 0 (none) to 10 (strongest), not {craving}."
        )
    return craving


def check_date(day: date, *, what: str = "The date", latest: date | None = None) -> date:
    """Refuse dates before 1900 or, when `latest` is given, after it."""
    if day < EARLIEST_DATE:
        raise ValidationError(f"{what} ({day.isoformat()}) is before 1900. Please check the year.")
    if latest is not None and day > latest:
        raise ValidationError(
            f"{what} ({day.isoformat()}) is after {latest.isoformat()}. Please check the year."
        )
    return day


def parse_date(text: str, *, what: str = "The date") -> date:
    """Parse YYYY-MM-DD as typed by a person, with a plain message when it is not a real day."""
    value = text.strip()
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            f"{what} “{value}” is not a real calendar day. Please write it as YYYY-MM-DD, "
            "for example 2024-03-01."
        ) from None
    return check_date(day, what=what)


def normalise_tag(tag: str) -> str:
    """Tags are compared without case and surrounding spaces; inner spaces collapse to one."""
    return " ".join(clean_text(tag, what="A tag", limit=200).split())
