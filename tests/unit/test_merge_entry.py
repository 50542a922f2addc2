# SPDX-License-Identifier: GPL-3.0-or-later
"""Merging a check-in changed in two places (core.checkin.merge_entry): no Qt, no vault."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.core.checkin import BOTH_TEXTS_BETWEEN, merge_entry
from recovery_desktop.core.models import Entry

DAY = date(2026, 3, 14)
BASE = Entry(entry_date=DAY, is_checkin=True, mood=3, gratitude="Sun", triggers=("stress",), id=7)


def test_each_side_keeps_what_only_it_changed() -> None:
    mine = replace(BASE, sober_today=True, triggers=("stress", "payday"))
    theirs = replace(BASE, mood=4, intention="Call Dana", triggers=())
    merged = merge_entry(BASE, mine, theirs)
    assert merged.entry.mood == 4 and merged.entry.intention == "Call Dana"
    assert merged.entry.sober_today is True
    assert merged.entry.triggers == ("payday",)  # theirs removed stress, mine added payday
    assert merged.both_texts == () and merged.mine_chosen == ()


def test_a_text_changed_on_both_sides_keeps_both() -> None:
    mine = replace(BASE, gratitude="Tea", evening_review="Calm")
    theirs = replace(BASE, gratitude="Rain", evening_review="Hard")
    merged = merge_entry(BASE, mine, theirs)
    assert merged.entry.gratitude == "Rain / Tea"  # one line: kept on one line
    assert merged.entry.evening_review == "Hard" + BOTH_TEXTS_BETWEEN + "Calm"
    assert merged.both_texts == ("gratitude", "evening_review")


def test_a_value_changed_on_both_sides_takes_this_window() -> None:
    mine = replace(BASE, mood=1)
    theirs = replace(BASE, mood=5)
    merged = merge_entry(BASE, mine, theirs)
    assert merged.entry.mood == 1 and merged.mine_chosen == ("mood",)


def test_nothing_loaded_means_every_blank_field_takes_the_stored_answer() -> None:
    mine = Entry(entry_date=DAY, is_checkin=True, craving=3)
    theirs = Entry(entry_date=DAY, is_checkin=True, mood=2, gratitude="A call", id=9)
    merged = merge_entry(None, mine, theirs)
    assert (merged.entry.id, merged.entry.mood, merged.entry.craving) == (9, 2, 3)
    assert merged.entry.gratitude == "A call"


@given(
    mood=st.sampled_from([None, 1, 2, 3, 4, 5]),
    gratitude=st.text(max_size=20),
    other_mood=st.sampled_from([None, 1, 2, 3, 4, 5]),
    other_gratitude=st.text(max_size=20),
)
def test_merging_is_the_other_side_when_nothing_changed_here(
    mood, gratitude, other_mood, other_gratitude
) -> None:
    base = Entry(entry_date=DAY, is_checkin=True, mood=mood, gratitude=gratitude, id=1)
    theirs = Entry(
        entry_date=DAY, is_checkin=True, mood=other_mood, gratitude=other_gratitude, id=1
    )
    assert merge_entry(base, base, theirs).entry == theirs
