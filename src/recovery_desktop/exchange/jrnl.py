# SPDX-License-Identifier: GPL-3.0-or-later
"""jrnl's JSON export (`jrnl --export json`, or `jrnl --format json --file FILE`), read whole.

Its shape (jrnl 2 to 4, `plugins/json_exporter.py`)::

    {"tags": {"@work": 2},
     "entries": [{"title": "...", "body": "...", "date": "2020-01-31", "time": "09:00",
                  "tags": ["@work"], "starred": false,
                  "uuid": "...", "creator": {...}}]}     # uuid and creator: Day One journals

`jrnl --export json -o FOLDER/` writes one entry per file, without the outer object; such a
file is read too. Dates and times are the journal's own wall clock with no time zone: the day
is kept as written and the time is read in this computer's time zone. Tags lose their symbol
("@work" becomes "work"); starred entries get the tag "starred".
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time
from pathlib import Path

from recovery_desktop.core.validation import ValidationError
from recovery_desktop.exchange.importing import ImportBatch
from recovery_desktop.exchange.mapping import Problems, checked_entry, plain_words, tag_names
from recovery_desktop.exchange.progress import ImportFileError
from recovery_desktop.exchange.text_files import decode_text, read_bytes

STARRED_TAG = "starred"
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
_TAG_SYMBOLS = "@#+"


def read_jrnl(path: Path) -> ImportBatch:
    """Read a whole jrnl JSON export; raises `ImportFileError` if it is not one."""
    text, decoding = decode_text(read_bytes(path, "a jrnl export"), path.name)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(
            f"{path.name} is not complete JSON (line {error.lineno}, column {error.colno}). "
            "Make it again with: jrnl --export json > journal.json"
        ) from error
    if isinstance(data, dict) and isinstance(data.get("entries"), list):
        records = data["entries"]
    elif isinstance(data, dict) and "date" in data and ("body" in data or "title" in data):
        records = [data]  # one entry per file (jrnl --export json -o FOLDER/)
    else:
        raise ImportFileError(
            f"{path.name} is not a jrnl export: it has no list of entries. Make it with: "
            "jrnl --export json > journal.json"
        )
    problems = Problems()
    for message in decoding:
        problems.add(message)
    entries = []
    starred = 0
    for number, record in enumerate(records, 1):
        where = f"entry {number}"
        if not isinstance(record, dict):
            problems.add("Some entries are not in jrnl's shape and are left out", where)
            continue
        day = _day(record.get("date"))
        if day is None:
            problems.add("The date could not be read, so these entries are left out", where)
            continue
        moment = _time(record.get("time"))
        if moment is None:
            problems.add("The time could not be read; these entries keep their day, at noon", where)
            moment = time(12, 0)
        raw_tags = record.get("tags") if isinstance(record.get("tags"), list) else []
        tags = [str(t).lstrip(_TAG_SYMBOLS) if isinstance(t, str) else str(t) for t in raw_tags]
        if record.get("starred") is True:
            tags.append(STARRED_TAG)
            starred += 1
        try:
            entries.append(
                checked_entry(
                    day,
                    title=_text(record.get("title")),
                    body=_text(record.get("body")),
                    tags=tag_names(tags, problems),
                    created_at=datetime.combine(day, moment),
                )
            )
        except ValidationError as error:
            problems.add(f"{plain_words(error)}; left out", where)
    if not entries and not problems:
        raise ImportFileError(f"{path.name} is a jrnl export with no entries in it.")
    notes = ["Tags lose their @ sign; times are read in this computer's time zone."]
    if starred:
        notes.append(f"Starred entries get the tag “{STARRED_TAG}”.")
    return ImportBatch(
        source="jrnl",
        path=path,
        entries=tuple(entries),
        problems=problems.as_tuple(),
        notes=tuple(notes),
    )


def _text(value: object) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _day(value: object) -> date | None:
    if not isinstance(value, str) or not (match := _DAY.fullmatch(value.strip())):
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _time(value: object) -> time | None:
    if not isinstance(value, str) or not (match := _TIME.fullmatch(value.strip())):
        return None
    try:
        return time(int(match.group(1)), int(match.group(2)), int(match.group(3) or 0))
    except ValueError:
        return None
