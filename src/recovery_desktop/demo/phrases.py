# SPDX-License-Identifier: GPL-3.0-or-later
"""Believable, varied journal text for the generated demo vault.

The words live in a data file, `resources/demo/phrases.json` (a phrase bank of vocabularies and
template pools), read by `phrase_bank.bank()` the first time a phrase or a vocabulary is
needed, so importing this module costs nothing. This module holds only the composition: each
call picks templates with the ``random.Random`` it is given and fills their ``{slot}`` fields
with ``str.format_map``, so output is deterministic for a given rng state (and for a given
phrase file: reordering or editing a pool changes the demo text) and cheap enough to compose
tens of thousands of entries in a second or two. Standard-library Python only, no Qt.

The vocabularies (`THEMES`, `FIRST_NAMES`, ...) are module attributes, as before the move, and
so are the pools under their old private names (`_COPING`, `_POOLS`, ...): the rule is the
file's key in upper case, with a leading underscore for the private ones.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from recovery_desktop.demo.phrase_bank import FIELDS, PHRASE_FILE, PhraseBank, Pool, bank

__all__ = [
    "COMMUNITY_NAMES",
    "COPING_TAGS",
    "ENTRY_TAGS",
    "FIRST_NAMES",
    "LAST_INITIALS",
    "THEMES",
    "TRIGGER_TAGS",
    "PHRASE_FILE",
    "PhraseBank",
    "bank",
    "compose_commitment",
    "compose_connection_note",
    "compose_entry",
    "compose_gratitude",
    "compose_intention",
]

# The public vocabularies, read from the phrase file on first use (see `__getattr__`).
THEMES: Pool
FIRST_NAMES: Pool
LAST_INITIALS: str
COMMUNITY_NAMES: tuple[tuple[str, str], ...]  # (name, kind)
TRIGGER_TAGS: Pool
COPING_TAGS: Pool
ENTRY_TAGS: Pool

# Slots that keep one value for a whole entry (so "Sam" stays Sam throughout).
_STICKY: frozenset[str] = frozenset(
    {"friend", "friend2", "name", "name2", "kid", "meeting", "craving_n", "who"}
)


def __getattr__(name: str) -> Any:
    """`THEMES`, `_COPING`...: the bank's fields under their names from before the move."""
    field = name.lstrip("_").lower()
    if name.lstrip("_").isupper() and field in FIELDS:
        return getattr(bank(), field)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Slots(dict[str, str]):
    """A ``format_map`` mapping that draws slot values lazily from ``rng``."""

    def __init__(self, rng: random.Random, people: Sequence[str], craving: int | None) -> None:
        super().__init__()
        self.rng = rng
        self.people: tuple[str, ...] = tuple(p for p in people if p)
        self.bank = bank()
        if craving is not None:
            self["craving_n"] = str(craving)

    def _person(self, key: str) -> str:
        rng = self.rng
        relations = self.bank.relations
        other = self.get("friend2" if key == "friend" else "friend")
        people = self.people
        if people and rng.random() < 0.85:
            value = rng.choice(people)
            if value != other:
                return value
            if len(people) > 1:
                return rng.choice([p for p in people if p != other])
        value = rng.choice(relations)
        if value == other:
            value = relations[(relations.index(value) + 1) % len(relations)]
        return value

    def __missing__(self, key: str) -> str:
        if key in ("friend", "friend2"):
            value = self._person(key)
        else:
            value = self.rng.choice(self.bank.pools[key])
        if key in _STICKY:
            self[key] = value
        return value


def _render(template: str, slots: _Slots) -> str:
    text = template.format_map(slots) if "{" in template else template
    first = text[:1]
    if first.islower():
        text = first.upper() + text[1:]
    return text


# --------------------------------------------------------------------------------------------
# Composition
# --------------------------------------------------------------------------------------------


def _mood_band(rng: random.Random, mood: int | None) -> str:
    if mood is None:
        roll = rng.random()
        return "low" if roll < 0.2 else ("high" if roll > 0.7 else "mid")
    if mood <= 2:
        return "low"
    if mood >= 4:
        return "high"
    return "mid"


def _craving_band(craving: int | None) -> str:
    if craving is None or craving <= 2:
        return "none"
    if craving <= 6:
        return "some"
    return "high"


def _opener(rng: random.Random, band: str, slots: _Slots) -> str:
    b = bank()
    if rng.random() < 0.2:
        return _render(rng.choice(b.event_openers[band]), slots)
    lead = _render(rng.choice(b.leads), slots)
    clause = rng.choice(b.clauses[band])
    if "{" in clause:
        clause = clause.format_map(slots)
    joiner = rng.choice(b.joiners)
    leadin = rng.choice(b.clause_leadins)
    if leadin and "honest" in clause:
        leadin = ""
    return f"{lead}{joiner}{leadin}{clause}."


def _gratitude_block(rng: random.Random, slots: _Slots, count: int) -> str:
    b = bank()
    lines = [rng.choice(b.gratitude_leads)]
    seen: set[str] = set()
    while len(seen) < count:
        template = rng.choice(b.gratitude_items)
        if template in seen:
            continue
        seen.add(template)
        lines.append("- " + _render(template, slots))
    return "\n".join(lines)


def _title(rng: random.Random, band: str, cband: str, themes: Sequence[str], slots: _Slots) -> str:
    b = bank()
    roll = rng.random()
    if roll < 0.15:
        return ""
    if slots.get("friend") in slots.people and rng.random() < 0.4:
        template = rng.choice(b.people_titles)
    elif cband == "high" and rng.random() < 0.35:
        template = rng.choice(b.craving_titles)
    elif themes and rng.random() < 0.35:
        template = rng.choice(b.theme_titles[rng.choice(themes)])
    elif rng.random() < 0.3:
        starts = b.title_starts_up if band == "high" else b.title_starts
        return f"{rng.choice(starts)}, {rng.choice(b.title_ends[band])}"
    else:
        template = rng.choice(b.titles[band])
    return _render(template, slots)


def compose_entry(
    rng: random.Random,
    *,
    mood: int | None,
    craving: int | None,
    themes: Sequence[str] = (),
    people: Sequence[str] = (),
    target_chars: int = 600,
) -> tuple[str, str]:
    """Return (title, body_markdown). Body length close to target_chars (within ~20%), made of
    several paragraphs; mood 1..5 (1 awful .. 5 great) and craving 0..10 colour the wording;
    `themes` picks topics from b.themes; `people` (first names of contacts) may be mentioned by
    name.

    ``None`` for mood means "not recorded" (the tone is drawn at random, mostly middling);
    ``None`` for craving means no craving paragraph. Unknown theme names are ignored; with no
    usable theme, one to three are drawn at random. The body is kept within about 10% of
    ``target_chars`` for targets of roughly 250 characters and up (a very small target still
    gets an opening line and a closing line). The title is "" for about 15% of entries.
    """
    b = bank()
    band = _mood_band(rng, mood)
    cband = _craving_band(craving)
    slots = _Slots(rng, people, craving)

    chosen = [t for t in themes if t in b.theme_pools]
    if not chosen:
        chosen = rng.sample(b.themes, rng.randint(1, 3))
        if cband == "high" and "cravings" not in chosen and rng.random() < 0.4:
            chosen.append("cravings")
        elif band == "low" and "a hard moment" not in chosen and rng.random() < 0.3:
            chosen.append("a hard moment")
    # Extra themes only pad long entries; the cravings theme is never added as padding.
    extra = [t for t in b.themes if t not in chosen and t != "cravings"]
    rng.shuffle(extra)

    # Plan: a list of paragraphs, each a list of sentence pools (or None for a gratitude list).
    mood_pool = b.mood[band]
    plan: list[list[tuple[str, ...] | None]] = [[mood_pool] * rng.randint(0, 2)]
    side: list[list[tuple[str, ...] | None]] = []
    if cband == "high":
        para: list[tuple[str, ...] | None] = [b.craving_high, b.coping]
        if rng.random() < 0.6:
            para.append(b.coping_tail)
        side.append(para)
    elif cband == "some":
        side.append([b.craving_some, b.coping] if rng.random() < 0.6 else [b.craving_some])
    elif craving is not None and rng.random() < 0.12:
        side.append([b.craving_none])
    if band == "low" and rng.random() < 0.65:
        side.append([b.reach_out])
    elif band == "high" and rng.random() < 0.55:
        side.append([b.connect])
    gratitude_odds = {"low": 0.06, "mid": 0.14, "high": 0.3}[band]
    if rng.random() < gratitude_odds:
        side.append([None])

    theme_paras = [
        [b.craving_theme_pools[cband] if theme == "cravings" else b.theme_pools[theme][band]]
        * rng.randint(2, 4)
        for theme in chosen + extra
    ]
    urgent = cband == "high" or (bool(side) and rng.random() < 0.5)
    if urgent and side:
        plan.append(side.pop(0))
    plan.append(theme_paras.pop(0))
    for para in side:
        plan.insert(rng.randint(2, len(plan)), para)
    plan.extend(theme_paras)
    plan.append([mood_pool] * 3)
    for _ in range(target_chars // 2500):  # very long entries revisit the themes
        plan.extend([b.theme_pools[t][band]] * 4 for t in extra)

    closing = _render(rng.choice(b.closings[band]), slots)
    goal = target_chars * 0.93 - len(closing) - 2
    ceiling = target_chars * 1.08 - len(closing) - 2

    opener = _opener(rng, band, slots)
    paragraphs: list[list[str]] = [[opener]]
    total = len(opener)
    used: set[str] = set()
    mentioned: list[str] = []
    for index, para in enumerate(plan):
        if total >= goal:
            break
        current = paragraphs[0] if index == 0 else []
        for pool in para:
            if total >= goal:
                break
            sep = 1 if current else 2
            if pool is None:
                text = _gratitude_block(rng, slots, rng.randint(2, 4))
                if total + sep + len(text) > ceiling:
                    continue
                current.append(text)
                total += sep + len(text)
                break
            for _ in range(4):
                template = rng.choice(pool)
                if template in used:
                    continue
                text = _render(template, slots)
                if total + sep + len(text) <= ceiling:
                    used.add(template)
                    current.append(text)
                    total += sep + len(text)
                    theme = b.pool_theme.get(id(pool))
                    if theme is not None and theme not in mentioned:
                        mentioned.append(theme)
                    break
        if current and index:
            paragraphs.append(current)

    fillers = b.fillers[band]
    for _ in range(6):
        if total >= goal:
            break
        text = rng.choice(fillers)
        if text in used or total + 1 + len(text) > ceiling:
            continue
        used.add(text)
        if paragraphs[-1][-1].startswith(b.gratitude_leads):
            paragraphs.append([text])
        else:
            paragraphs[-1].append(text)
        total += 1 + len(text)

    if (
        len(paragraphs) > 1
        and rng.random() < 0.5
        and not paragraphs[-1][-1].startswith(b.gratitude_leads)
    ):
        paragraphs[-1].append(closing)
    else:
        paragraphs.append([closing])

    body = "\n\n".join(" ".join(p) for p in paragraphs)
    return _title(rng, band, cband, mentioned, slots), body


def compose_gratitude(rng: random.Random) -> str:
    """One short gratitude line, e.g. "My sister called just to check in."."""
    b = bank()
    return _render(rng.choice(b.gratitude_items), _Slots(rng, (), None))


def compose_intention(rng: random.Random) -> str:
    """A "today I will..." line without the prefix, e.g. "Call my sponsor before lunch"."""
    b = bank()
    first = rng.choice(b.intentions)
    if rng.random() < 0.2:
        second = rng.choice(b.intentions)
        if second != first:
            first = f"{first} and {second}"
    return first[0].upper() + first[1:]


def compose_connection_note(rng: random.Random, *, kind: str, person: str | None) -> str:
    """A short note for a logged connection (call, text, in person, meeting, online,
    service). ``person`` is mentioned by name when given."""
    b = bank()
    key = kind.strip().lower().replace("-", " ")
    with_who, without_who = b.connection_notes.get(key, b.connection_generic)
    slots = _Slots(rng, (), None)
    if person:
        slots["who"] = person
        pool = with_who if rng.random() < 0.75 else without_who
    else:
        slots["who"] = rng.choice(b.who_generic.get(key, ("a friend",)))
        pool = without_who if rng.random() < 0.7 else with_who
    return _render(rng.choice(pool), slots)


def compose_commitment(rng: random.Random, person: str) -> str:
    """A promise made to rebuild trust, e.g. "Be on time to pick up Maya from school on
    Friday"."""
    b = bank()
    slots = _Slots(rng, (), None)
    slots["p"] = person
    return _render(rng.choice(b.commitments), slots)
