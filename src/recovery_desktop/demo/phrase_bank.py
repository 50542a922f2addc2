# SPDX-License-Identifier: GPL-3.0-or-later
"""The demo's phrase bank: `resources/demo/phrases.json`, read once, when first needed.

The file holds the vocabularies and template pools as JSON lists (one template per string);
`bank()` turns them into tuples and adds what composition derives from them (clock times, the
mood-banded theme pools). `phrases.py` composes text from it. Standard library only, no Qt.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, fields
from functools import cache
from typing import Any

from recovery_desktop.config import resource_path

PHRASE_FILE = ("demo", "phrases.json")  # under resources/

Pool = tuple[str, ...]
ByBand = dict[str, Pool]  # "low" / "mid" / "high" (or "any") -> templates


def _clock_times(hours: Sequence[int]) -> Pool:
    return tuple(f"{h}:{m:02d}" for h in hours for m in range(0, 60, 5))


@dataclass(frozen=True, slots=True)
class PhraseBank:
    """The phrase file, as tuples, with the pools composition derives from it.

    Every field but the derived ones at the end is a key of the file (the file's "about" key
    only explains it); a missing or unknown key fails loudly when the bank is read.
    """

    themes: Pool
    first_names: Pool
    last_initials: str
    community_names: tuple[tuple[str, str], ...]
    trigger_tags: Pool
    coping_tags: Pool
    entry_tags: Pool
    relations: Pool
    pools: dict[str, Pool]  # slot name -> values; with clock times, names and intentions added
    intentions: Pool
    leads: Pool
    clause_leadins: Pool
    joiners: Pool
    clauses: ByBand
    event_openers: ByBand
    mood: ByBand
    reach_out: Pool
    connect: Pool
    theme_text: dict[str, ByBand]
    craving_some: Pool
    craving_high: Pool
    coping: Pool
    coping_tail: Pool
    craving_none: Pool
    gratitude_items: Pool
    gratitude_leads: Pool
    closings: ByBand
    fillers: ByBand
    titles: ByBand
    title_starts_up: Pool
    title_starts: Pool
    title_ends: ByBand
    theme_titles: dict[str, Pool]
    people_titles: Pool
    craving_titles: Pool
    connection_notes: dict[str, tuple[Pool, Pool]]  # kind -> (mentioning {who}, not)
    connection_generic: tuple[Pool, Pool]
    who_generic: dict[str, Pool]
    commitments: Pool
    # Derived, not in the file:
    theme_pools: dict[str, ByBand]  # theme -> mood band -> sentences
    craving_theme_pools: ByBand  # the cravings theme follows the craving number, not the mood
    pool_theme: dict[int, str]  # id() of a pool above -> its theme (for titles)


_DERIVED = ("theme_pools", "craving_theme_pools", "pool_theme")
FIELDS = frozenset(f.name for f in fields(PhraseBank))


def _tuples(value: Any) -> Any:
    """JSON lists as tuples, all the way down (pools are compared and used as prefixes)."""
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    if isinstance(value, dict):
        return {k: _tuples(v) for k, v in value.items()}
    return value


@cache
def bank() -> PhraseBank:
    """The phrase bank, read from the phrase file once per process."""
    text = resource_path(*PHRASE_FILE).read_text(encoding="utf-8")
    data = {k: _tuples(v) for k, v in json.loads(text).items() if k != "about"}
    expected = FIELDS - set(_DERIVED)
    if set(data) != expected:
        raise ValueError(
            f"{'/'.join(PHRASE_FILE)}: missing {sorted(expected - set(data))}, "
            f"unknown {sorted(set(data) - expected)}"
        )
    data["pools"] = {
        "clock_am": _clock_times(range(5, 10)),
        "clock_pm": _clock_times(range(6, 12)),
        "clock_late": _clock_times((10, 11, 12, 1, 2)),
        "clock_eve": _clock_times(range(6, 10)),
        "name": data["first_names"],
        "name2": data["first_names"],
        **data["pools"],
        "intention": data["intentions"],
    }
    theme_pools = {
        theme: {
            "low": parts["any"] + parts["low"],
            "mid": parts["any"] + parts["any"] + parts["low"] + parts["high"],
            "high": parts["any"] + parts["high"],
        }
        for theme, parts in data["theme_text"].items()
    }
    cravings = data["theme_text"]["cravings"]
    craving_theme_pools = {
        "none": cravings["any"] + cravings["high"],
        "some": cravings["any"],
        "high": cravings["any"] + cravings["low"],
    }
    # Pools are built once per process and never rebuilt, so their identity names their theme.
    pool_theme = {id(p): theme for theme, bands in theme_pools.items() for p in bands.values()}
    pool_theme.update({id(p): "cravings" for p in craving_theme_pools.values()})
    return PhraseBank(
        **data,
        theme_pools=theme_pools,
        craving_theme_pools=craving_theme_pools,
        pool_theme=pool_theme,
    )
