# SPDX-License-Identifier: GPL-3.0-or-later
"""Tests for the demo vault phrase bank (recovery_desktop.demo.phrases)."""

from __future__ import annotations

import random
import string

import pytest

from recovery_desktop.demo import phrases
from recovery_desktop.demo.phrases import (
    COMMUNITY_NAMES,
    COPING_TAGS,
    ENTRY_TAGS,
    FIRST_NAMES,
    LAST_INITIALS,
    THEMES,
    TRIGGER_TAGS,
    compose_commitment,
    compose_connection_note,
    compose_entry,
    compose_gratitude,
    compose_intention,
)

KINDS = ("call", "text", "in person", "meeting", "online", "service")


def _random_args(rng: random.Random) -> dict[str, object]:
    return {
        "mood": rng.choice((None, 1, 2, 3, 4, 5)),
        "craving": rng.choice((None, 0, 1, 3, 5, 7, 9, 10)),
        "themes": tuple(rng.sample(THEMES, rng.randint(0, 3))),
        "people": tuple(rng.sample(("Maya", "Sam", "Luis", "Priya"), rng.randint(0, 2))),
    }


def _first_sentence(body: str) -> str:
    line = body.split("\n", 1)[0]
    ends = [i for i in (line.find(". "), line.find("! "), line.find("? ")) if i >= 0]
    return line[: min(ends) + 1] if ends else line


def _sentences(body: str) -> set[str]:
    out: set[str] = set()
    for line in body.split("\n"):
        for part in line.replace("! ", ". ").replace("? ", ". ").split(". "):
            part = part.strip(" .-*")
            if part:
                out.add(part)
    return out


def _everything(seed: int) -> list[str]:
    rng = random.Random(seed)
    out: list[str] = []
    for _ in range(300):
        title, body = compose_entry(rng, target_chars=rng.choice((300, 900)), **_random_args(rng))
        out += [title, body, compose_gratitude(rng), compose_intention(rng)]
        out.append(compose_connection_note(rng, kind=rng.choice(KINDS), person="Sam"))
        out.append(compose_connection_note(rng, kind=rng.choice(KINDS), person=None))
        out.append(compose_commitment(rng, "Maya"))
    return out


# ---------------------------------------------------------------------------- determinism


def test_same_seed_gives_same_text() -> None:
    assert _everything(1234) == _everything(1234)


def test_different_seeds_give_different_text() -> None:
    assert _everything(1) != _everything(2)


def test_only_the_given_rng_is_used() -> None:
    random.seed(99)
    before = random.getstate()
    _everything(5)
    assert random.getstate() == before


# ---------------------------------------------------------------------------- entries


@pytest.mark.parametrize("target", [300, 1500])
def test_body_length_close_to_target(target: int) -> None:
    rng = random.Random(target)
    for _ in range(500):
        _, body = compose_entry(rng, target_chars=target, **_random_args(rng))
        assert 0.8 * target <= len(body) <= 1.2 * target, (target, len(body), body)


def test_bodies_have_several_paragraphs() -> None:
    rng = random.Random(3)
    for target in (300, 600, 1500):
        for _ in range(200):
            _, body = compose_entry(rng, target_chars=target, **_random_args(rng))
            paragraphs = [p for p in body.split("\n\n") if p.strip()]
            assert len(paragraphs) >= (2 if target < 1000 else 3), body
            assert "\n\n\n" not in body
            assert body == body.strip()


def test_no_unfilled_slots_or_stray_markup() -> None:
    for text in _everything(7):
        assert "{" not in text and "}" not in text, text
        assert "  " not in text, text
        assert "None" not in text, text


def test_low_mood_wording_differs_from_high_mood() -> None:
    low: set[str] = set()
    high: set[str] = set()
    for seed in range(150):
        args = {"themes": ("family", "work"), "people": ("Maya",), "target_chars": 900}
        _, body_low = compose_entry(random.Random(seed), mood=1, craving=8, **args)
        _, body_high = compose_entry(random.Random(seed), mood=5, craving=0, **args)
        assert body_low != body_high
        low |= _sentences(body_low)
        high |= _sentences(body_high)
    shared = low & high
    assert len(shared) < 0.25 * min(len(low), len(high)), sorted(shared)[:20]


def test_high_craving_entries_mention_the_craving_and_a_coping_step() -> None:
    def stems(pool: tuple[str, ...]) -> list[str]:
        return [t.split("{")[0][:24] for t in pool if t.split("{")[0]]

    craving_stems = stems(phrases._CRAVING_HIGH)
    coping_stems = stems(phrases._COPING)
    rng = random.Random(11)
    for _ in range(200):
        _, body = compose_entry(rng, mood=1, craving=9, target_chars=600)
        assert any(s in body for s in craving_stems), body
        assert any(s in body for s in coping_stems), body


def test_first_sentences_are_diverse() -> None:
    rng = random.Random(2024)
    firsts = {
        _first_sentence(compose_entry(rng, target_chars=600, **_random_args(rng))[1])
        for _ in range(2000)
    }
    assert len(firsts) >= 1900


def test_whole_bodies_are_all_distinct() -> None:
    rng = random.Random(8)
    bodies = {compose_entry(rng, target_chars=900, **_random_args(rng))[1] for _ in range(2000)}
    assert len(bodies) == 2000


def test_people_are_mentioned_by_name() -> None:
    rng = random.Random(21)
    hits = 0
    for _ in range(300):
        title, body = compose_entry(
            rng, mood=4, craving=1, people=("Zephyrine",), themes=("trust",), target_chars=900
        )
        hits += "Zephyrine" in title + body
    assert hits > 150


def test_requested_themes_show_up() -> None:
    rng = random.Random(22)
    hits = sum(
        "sponsor" in compose_entry(rng, mood=3, craving=2, themes=("sponsor",))[1].lower()
        for _ in range(300)
    )
    assert hits > 250


def test_unknown_themes_and_missing_mood_are_tolerated() -> None:
    rng = random.Random(23)
    for _ in range(100):
        title, body = compose_entry(rng, mood=None, craving=None, themes=("not a theme",))
        assert body
        assert isinstance(title, str)


def test_titles_are_short_and_sometimes_empty() -> None:
    rng = random.Random(31)
    titles = [compose_entry(rng, target_chars=300, **_random_args(rng))[0] for _ in range(2000)]
    empty = titles.count("")
    assert 0.08 * len(titles) <= empty <= 0.22 * len(titles)
    filled = [t for t in titles if t]
    assert all(len(t) <= 60 and "\n" not in t and t[0].isupper() for t in filled)
    assert len(set(filled)) >= 150


def test_light_markdown_appears_sometimes() -> None:
    rng = random.Random(41)
    bodies = [compose_entry(rng, mood=5, craving=0, target_chars=1500)[1] for _ in range(300)]
    assert any("\n- " in b for b in bodies)
    assert any("*" in b for b in bodies)


def test_nothing_graphic_or_shaming() -> None:
    banned = (
        "suicid",
        "overdos",
        "self-harm",
        "kill myself",
        "needle",
        "syringe",
        "junkie",
        "addict",
        "worthless",
        "disgusting",
        "relapse",
    )
    for text in _everything(13):
        lowered = text.lower()
        assert not any(b in lowered for b in banned), text


# ---------------------------------------------------------------------------- short lines


def test_gratitude_is_one_short_line() -> None:
    rng = random.Random(51)
    lines = {compose_gratitude(rng) for _ in range(500)}
    assert len(lines) > 60
    for line in lines:
        assert "\n" not in line and 3 <= len(line) <= 120
        assert line[0].isupper() and line[-1] in ".!"


def test_intention_has_no_prefix() -> None:
    rng = random.Random(52)
    lines = {compose_intention(rng) for _ in range(500)}
    assert len(lines) > 40
    for line in lines:
        assert "\n" not in line and line[0].isupper()
        assert not line.lower().startswith(("today i will", "i will"))


@pytest.mark.parametrize("kind", KINDS)
def test_connection_notes(kind: str) -> None:
    rng = random.Random(53)
    with_person = [compose_connection_note(rng, kind=kind, person="Tamsin") for _ in range(100)]
    without = [compose_connection_note(rng, kind=kind, person=None) for _ in range(100)]
    assert sum("Tamsin" in n for n in with_person) > 40
    assert not any("Tamsin" in n for n in without)
    for note in with_person + without:
        assert note and "\n" not in note and len(note) <= 160


def test_connection_note_for_unknown_kind() -> None:
    assert compose_connection_note(random.Random(1), kind="carrier pigeon", person="Sam")


def test_commitments_name_the_person() -> None:
    rng = random.Random(54)
    lines = {compose_commitment(rng, "Maya") for _ in range(300)}
    assert len(lines) > 60
    for line in lines:
        assert "Maya" in line and "\n" not in line and line[0].isupper()


# ---------------------------------------------------------------------------- vocabularies


def test_first_names() -> None:
    assert len(set(FIRST_NAMES)) == len(FIRST_NAMES) >= 350
    assert all(name and name[0].isupper() and " " not in name for name in FIRST_NAMES)


def test_vocabularies() -> None:
    assert THEMES == (
        "trust",
        "belonging",
        "giving back",
        "gratitude",
        "a hard moment",
        "meetings",
        "family",
        "work",
        "health",
        "cravings",
        "sleep",
        "sponsor",
    )
    assert LAST_INITIALS and all(c in string.ascii_uppercase for c in LAST_INITIALS)
    kinds = {"meeting", "support group", "online forum", "fitness", "hobby", "volunteer"}
    assert len(COMMUNITY_NAMES) >= 15
    assert {kind for _, kind in COMMUNITY_NAMES} == kinds
    assert len({name for name, _ in COMMUNITY_NAMES}) == len(COMMUNITY_NAMES)
    for tags in (TRIGGER_TAGS, COPING_TAGS, ENTRY_TAGS):
        assert len(set(tags)) == len(tags) >= 8
        assert all(t == t.strip() and t for t in tags)
    assert 20 <= len(ENTRY_TAGS) <= 30


def test_template_bank_is_large_and_well_formed() -> None:
    formatter = string.Formatter()
    sentence_pools = [
        phrases._MOOD,
        phrases._EVENT_OPENERS,
        phrases._THEME_TEXT,
        phrases._CLOSINGS,
        phrases._REACH_OUT,
        phrases._CONNECT,
        phrases._CRAVING_SOME,
        phrases._CRAVING_HIGH,
        phrases._COPING,
        phrases._COPING_TAIL,
        phrases._GRATITUDE_ITEMS,
    ]
    templates: set[str] = set()

    def collect(obj: object) -> None:
        if isinstance(obj, str):
            templates.add(obj)
        elif isinstance(obj, dict):
            for value in obj.values():
                collect(value)
        elif isinstance(obj, tuple | list):
            for value in obj:
                collect(value)

    for pool in sentence_pools:
        collect(pool)
    assert len(templates) >= 300
    known = set(phrases._POOLS) | {"friend", "friend2"}
    for template in templates:
        fields = {f for _, f, _, _ in formatter.parse(template) if f is not None}
        assert fields <= known, (template, fields - known)
