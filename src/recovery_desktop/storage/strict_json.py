# SPDX-License-Identifier: GPL-3.0-or-later
"""JSON read back from files the app wrote (the key file, a backup's manifest), read strictly.

Python's `json` quietly keeps the last of two fields with the same name and accepts NaN and
Infinity. A file the app wrote never holds either, so one that does was changed by someone
else or damaged; the key file and the manifest both refuse it, in the same way, here.
"""

from __future__ import annotations

import json


def loads_strict(text: str) -> object:
    """`json.loads`, but a repeated field or NaN/Infinity is a `ValueError` (as bad JSON is)."""
    return json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=_refuse_repeats)


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number this file can hold")


def _refuse_repeats(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for name, value in pairs:
        if name in result:
            raise ValueError(f"duplicate field {name!r}")
        result[name] = value
    return result
