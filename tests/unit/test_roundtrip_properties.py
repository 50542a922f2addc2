# SPDX-License-Identifier: GPL-3.0-or-later
"""Hypothesis round trips: whatever a person writes comes back exactly."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_desktop.core.models import Entry, Visibility
from recovery_desktop.storage import Vault
from recovery_desktop.storage.codec import from_day, from_ts, ts

# Any Unicode Python can encode: emoji, RTL, combining marks, control characters and NUL.
texts = st.text(st.characters(codec="utf-8"), max_size=400)
tags = st.lists(
    st.text(
        st.characters(codec="utf-8", exclude_categories=("Cc", "Zs", "Zl", "Zp")),
        min_size=1,
        max_size=20,
    ),
    max_size=5,
)
days = st.dates(min_value=date(1900, 1, 1), max_value=date(9999, 12, 31))
SLOW = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SLOW
@given(
    body=texts,
    title=texts,
    day=days,
    mood=st.none() | st.integers(1, 5),
    craving=st.none() | st.integers(0, 10),
    visibility=st.sampled_from(Visibility),
    sober=st.none() | st.booleans(),
)
def test_entry_round_trip(
    vault: Vault,
    body: str,
    title: str,
    day: date,
    mood: int | None,
    craving: int | None,
    visibility: Visibility,
    sober: bool | None,
) -> None:
    saved = vault.entries.save(
        Entry(
            entry_date=day,
            title=title,
            body=body,
            mood=mood,
            craving=craving,
            visibility=visibility,
            sober_today=sober,
        )
    )
    assert vault.entries.get(saved.id) == saved
    assert (saved.body, saved.title, saved.entry_date) == (body, title, day)


@SLOW
@given(names=tags)
def test_tags_round_trip(vault: Vault, names: list[str]) -> None:
    # Tags are shared across the vault without regard to case, and hypothesis runs every
    # example on the same vault: a tag first written "N" comes back as "N" when later typed "n".
    def folded(tags: tuple[str, ...]) -> list[str]:
        return sorted(t.casefold() for t in tags)

    saved = vault.entries.save(Entry(entry_date=date(2026, 1, 1), tags=tuple(names)))
    assert folded(vault.entries.get(saved.id).tags) == folded(saved.tags)
    again = vault.entries.save(replace(saved, tags=saved.tags))
    assert folded(vault.entries.get(again.id).tags) == folded(saved.tags)


@given(day=days)
def test_day_codec_round_trip(day: date) -> None:
    assert from_day(day.isoformat()) == day


@given(
    moment=st.datetimes(
        min_value=datetime(1901, 1, 1),
        max_value=datetime(9998, 12, 31),
        timezones=st.timezones(),
        allow_imaginary=False,
    )
)
def test_timestamp_codec_round_trip(moment: datetime) -> None:
    # The same instant (PEP 495: `==` across zones is False for times in a DST fold).
    assert from_ts(ts(moment)).timestamp() == moment.timestamp()


@SLOW
@given(body=texts)
def test_search_never_fails(vault: Vault, body: str) -> None:
    vault.entries.search(body)
