# SPDX-License-Identifier: GPL-3.0-or-later
from __future__ import annotations

from datetime import date

import pytest

from recovery_desktop.core.validation import (
    ValidationError,
    check_craving,
    check_mood,
    clean_text,
    normalise_tag,
    parse_date,
)


def test_clean_text_keeps_everything_encodable() -> None:
    text = "NUL\x00 emoji 🙂 RTL שלום e\u0301"
    assert clean_text(text) == text


def test_clean_text_replaces_lone_surrogates() -> None:
    assert clean_text("a\ud800b") == "a?b"


def test_huge_text_gets_a_plain_message() -> None:
    with pytest.raises(ValidationError, match="very long"):
        clean_text("x" * 11, what="This entry", limit=10)


@pytest.mark.parametrize("text", ["2024-02-30", "yesterday", "2024-13-01", ""])
def test_impossible_dates_are_explained(text: str) -> None:
    with pytest.raises(ValidationError, match="not a real calendar day"):
        parse_date(text)


def test_dates_before_1900_are_refused() -> None:
    with pytest.raises(ValidationError, match="before 1900"):
        parse_date("1899-12-31")
    assert parse_date(" 2024-02-29 ") == date(2024, 2, 29)


def test_mood_and_craving_ranges() -> None:
    assert check_mood(None) is None and check_mood(5) == 5
    assert check_craving(0) == 0
    with pytest.raises(ValidationError, match="1 \\(awful\\) to 5"):
        check_mood(6)
    with pytest.raises(ValidationError, match="0 \\(none\\) to 10"):
        check_craving(11)


def test_tags_are_tidied() -> None:
    assert normalise_tag("  step   work ") == "step work"
