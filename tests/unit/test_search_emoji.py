# SPDX-License-Identifier: GPL-3.0-or-later
"""Emoji and symbols are words of their own, for the index and for the query alike."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_desktop.core.models import SNIPPET_END, SNIPPET_START, Entry, EntryFilter
from recovery_desktop.storage import Vault
from recovery_desktop.storage.search_index import fts_query

DAY = date(2025, 3, 1)
FAMILY = "👨\u200d👩\u200d👧"


@pytest.fixture
def ids(vault: Vault) -> dict[str, int]:
    bodies = {
        "glued": "😀good talk with my sponsor",
        "thumb_tone": "Finished step four 👍🏽",
        "thumb_plain": "Made the call 👍",
        "heart_vs": "Grateful ❤️ today",
        "heart_bare": "Love ❤ this",
        "family": f"Dinner together {FAMILY} at last",
        "plain": "good morning walk",
        "flag": "Holiday 🇮🇪 trip",
    }
    return {
        name: vault.entries.save(Entry(entry_date=DAY, body=body)).id
        for name, body in bodies.items()
    }


def found(vault: Vault, text: str) -> set[int]:
    return {s.id for s in vault.entries.search(text)}


def test_an_emoji_glued_to_a_word_is_found_by_either(vault: Vault, ids: dict[str, int]) -> None:
    assert found(vault, "good") == {ids["glued"], ids["plain"]}
    assert found(vault, "😀") == {ids["glued"]}
    assert found(vault, "😀good") == {ids["glued"]}
    assert found(vault, "😀 sponsor") == {ids["glued"]}


def test_a_skin_tone_is_found_by_the_plain_emoji(vault: Vault, ids: dict[str, int]) -> None:
    assert found(vault, "👍") == {ids["thumb_tone"], ids["thumb_plain"]}
    assert found(vault, "👍🏽") == {ids["thumb_tone"]}


def test_variation_selectors_and_joined_emoji_match(vault: Vault, ids: dict[str, int]) -> None:
    hearts = {ids["heart_vs"], ids["heart_bare"]}
    assert found(vault, "❤️") == hearts and found(vault, "❤") == hearts
    assert found(vault, FAMILY) == {ids["family"]}
    assert found(vault, "👩") == {ids["family"]}
    assert found(vault, "dinner 👧") == {ids["family"]}
    assert found(vault, "🇮🇪") == {ids["flag"]}
    assert found(vault, "🎉") == set()


def test_snippets_mark_emoji_and_show_no_hidden_separators(
    vault: Vault, ids: dict[str, int]
) -> None:
    (glued,) = vault.entries.search("😀")
    assert glued.snippet == f"{SNIPPET_START}😀{SNIPPET_END}good talk with my sponsor"
    (tone,) = vault.entries.search("step 👍🏽")
    assert f"{SNIPPET_START}👍🏽{SNIPPET_END}" in tone.snippet
    # The mark takes in the skin tone, so the emoji is drawn whole.
    toned = {s.id: s.snippet for s in vault.entries.search("👍")}[ids["thumb_tone"]]
    assert toned == f"Finished step four {SNIPPET_START}👍🏽{SNIPPET_END}"
    (family,) = vault.entries.search("👩")
    assert family.snippet.replace(SNIPPET_START, "").replace(SNIPPET_END, "") == (
        f"Dinner together {FAMILY} at last"
    )
    assert "\u200b" not in family.snippet and family.preview == f"Dinner together {FAMILY} at last"
    for summary in vault.entries.search("good"):
        assert "\u200b" not in summary.snippet + summary.preview + summary.title


def test_titles_and_tags_with_emoji_are_found(vault: Vault) -> None:
    saved = vault.entries.save(
        Entry(entry_date=DAY, title="Coffee ☕", body="plain", tags=("🎉 wins",))
    )
    assert found(vault, "☕") == {saved.id}
    assert found(vault, "🎉") == {saved.id}
    assert vault.entries.search("☕")[0].title == "Coffee ☕"


def test_symbols_and_punctuation_alone_stay_harmless(vault: Vault, ids: dict[str, int]) -> None:
    assert vault.entries.search("!!!") == [] and vault.entries.count(EntryFilter(text="!!!")) == 0
    for odd in ('"😀"', "😀*", "^👍", "👍 OR good", "\u200b", "\ufe0f", "\U0001f3fd", FAMILY[1]):
        vault.entries.search(odd)


PIECES = st.sampled_from(
    [
        "good",
        "Café",
        "e\u0301",
        "😀",
        "👍",
        "🏽",
        "\u200d",
        "\ufe0f",
        "❤",
        "🇮",
        "🇪",
        "$",
        "+",
        "-",
        "'",
        ".",
        "日本",
        "٣",
        "\u200b",
        "\ue000",
        "\U0001fae8",
        "\x00",
        "_",
    ]
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(st.lists(PIECES, min_size=1, max_size=5).map("".join), min_size=1, max_size=6)
)
def test_every_word_of_an_entry_finds_it(vault: Vault, words: list[str]) -> None:
    """The index and the query split text by one rule: any word typed as written finds the
    entry it came from."""
    saved = vault.entries.save(Entry(entry_date=DAY, body=" ".join(words)))
    try:
        for word in words:
            if fts_query(word) is not None:
                assert saved.id in found(vault, word), word
    finally:
        vault.entries.delete(saved.id)
