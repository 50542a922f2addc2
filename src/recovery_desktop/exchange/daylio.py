# SPDX-License-Identifier: GPL-3.0-or-later
"""Daylio's CSV export ("Export entries" in Daylio), read whole.

Layouts Daylio versions have written (columns found by their header names, so their order
does not matter; without a header, by count):
- 7 columns: `year,date,weekday,time,mood,activities,note` (early versions: the year alone, and
  the day as "18 May") or `full_date,date,weekday,time,mood,activities,note`;
- 8 columns: `full_date,date,weekday,time,mood,activities,note_title,note`;
- 9 columns: `full_date,date,weekday,time,mood,activities,scales,note_title,note`.
With or without a UTF-8 byte-order mark (recent versions write one); commas, or semicolons
and tabs when a spreadsheet saved it again. Times are 24-hour ("21:35") or 12-hour ("9:35 pm",
"9:35 PM", with a space, a no-break space or a narrow no-break space U+202F before the AM/PM).
Activities are joined with " | ", quoted or not; notes may hold HTML line breaks (`<br>`),
simple formatting and entities.

Each row becomes an entry on its own `full_date` (the day as the person lived it) with the
activities as tags, the note title as the title and the note as the text. Times carry no time
zone, so they are read in this computer's time zone. Mood names are the person's own (Daylio
lets them rename and add moods): the batch proposes a level 1-5 for each name it knows
(`PROPOSED_MOODS`) and leaves the others without one until the person chooses
(`ImportBatch.with_mood_mapping`).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path

from recovery_desktop.core.validation import ValidationError
from recovery_desktop.exchange.importing import ImportBatch
from recovery_desktop.exchange.mapping import (
    Problems,
    checked_entry,
    html_note_text,
    plain_words,
    plural,
    tag_names,
)
from recovery_desktop.exchange.progress import ImportFileError
from recovery_desktop.exchange.text_files import decode_text, read_bytes

DAYLIO_MOODS = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
# Names Daylio uses in other languages and words people often give their moods.
PROPOSED_MOODS = {
    **DAYLIO_MOODS,
    "great": 5, "super": 5, "amazing": 5, "awesome": 5, "excellent": 5, "fantastic": 5,
    "happy": 4, "gut": 4, "bien": 4, "bon": 4, "fine": 3, "okay": 3, "ok": 3, "average": 3,
    "neutral": 3, "so-so": 3, "normal": 3, "sad": 2, "down": 2, "schlecht": 2, "mal": 2,
    "terrible": 1, "horrible": 1, "lausig": 1, "miserable": 1,
}  # fmt: skip
LAYOUTS = {
    7: ("full_date", "date", "weekday", "time", "mood", "activities", "note"),
    8: ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"),
    9: (
        "full_date",
        "date",
        "weekday",
        "time",
        "mood",
        "activities",
        "scales",
        "note_title",
        "note",
    ),
}
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")
_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(?:([ap])\.?\s*m\.?)?", re.IGNORECASE)
_NUMERIC_DAY = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_ISO_DAY = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        ("january jan", "february feb", "march mar", "april apr", "may", "june jun",
         "july jul", "august aug", "september sep sept", "october oct", "november nov",
         "december dec")
    )
    for m in names.split()
}  # fmt: skip


def read_daylio(path: Path) -> ImportBatch:
    """Read a whole Daylio CSV export; raises `ImportFileError` if it is not one."""
    text, decoding = decode_text(read_bytes(path, "a Daylio export"), path.name)
    rows = _rows(text, path.name)
    if not rows:
        raise ImportFileError(f"{path.name} is empty: there are no Daylio entries in it.")
    columns, body = _columns(rows, path.name)
    problems = Problems()
    for message in decoding:
        problems.add(message)
    day_order, unsure = _day_order([_cell(row, columns, "full_date") for _, row in body])
    if unsure:
        problems.add(
            "Dates such as 03/04/2021 could be day/month or month/day; they were read as "
            "day/month/year. If the days look wrong in the preview, export again from Daylio"
        )
    entries, moods, notes = [], [], set()
    for line, row in body:
        if not any(cell.strip() for cell in row):
            continue  # a blank line
        where = f"line {line}"
        if len(row) < len(columns) or any(cell.strip() for cell in row[len(columns) :]):
            problems.add(
                f"Some rows do not have the {len(columns)} columns the header names; missing "
                "ones are read as empty and extra ones are not imported",
                where,
            )
        day = _day(row, columns, day_order)
        if day is None:
            problems.add("The date could not be read, so these rows are left out", where)
            continue
        moment = _time(_cell(row, columns, "time"))
        if moment is None:
            problems.add("The time could not be read; these entries keep their day, at noon", where)
            moment = time(12, 0)
        mood_name = " ".join(_cell(row, columns, "mood").split()) or None
        activities = [a for a in _cell(row, columns, "activities").split("|") if a.strip()]
        body_text = html_note_text(_cell(row, columns, "note"))
        scales = _SPACES.sub(" ", _cell(row, columns, "scales")).strip()
        if scales:
            body_text = f"{body_text}\n\nScales: {scales}" if body_text else f"Scales: {scales}"
            notes.add("Daylio's scales (such as energy) are kept as a last line of the text.")
        try:
            entry = checked_entry(
                day,
                title=html_note_text(_cell(row, columns, "note_title")),
                body=body_text,
                tags=tag_names(activities, problems),
                created_at=datetime.combine(day, moment),
            )
        except ValidationError as error:
            problems.add(f"{plain_words(error)}; left out", where)
            continue
        entries.append(entry)
        moods.append(mood_name)
    if not entries and not problems:
        raise ImportFileError(f"{path.name} has a Daylio header but no entries.")
    names = {name for name in moods if name}
    mapping = {name: PROPOSED_MOODS.get(name.casefold()) for name in sorted(names)}
    batch = ImportBatch(
        source="Daylio",
        path=path,
        entries=tuple(entries),
        problems=problems.as_tuple(),
        notes=_notes(entries, moods, notes),
        entry_moods=tuple(moods),
    )
    return batch.with_mood_mapping(mapping) if mapping else batch


def _rows(text: str, name: str) -> list[tuple[int, list[str]]]:
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    rows: list[tuple[int, list[str]]] = []
    try:
        start = 1
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as error:
        raise ImportFileError(f"{name} is not a readable CSV file ({error}).") from error
    return rows


def _columns(
    rows: list[tuple[int, list[str]]], name: str
) -> tuple[tuple[str, ...], list[tuple[int, list[str]]]]:
    header = tuple(
        "_".join(cell.replace("\ufeff", "").strip().strip('"').lower().split())
        for cell in rows[0][1]
    )
    if "mood" in header and ({"full_date", "date", "year"} & set(header)):
        if "full_date" not in header and "year" not in header:
            raise ImportFileError(
                f"{name} has no “full_date” (or “year”) column, so the days of its entries "
                "cannot be known."
            )
        return header, rows[1:]
    widths = {len(row) for _, row in rows if any(c.strip() for c in row)}
    first = rows[0][1][0].strip() if rows[0][1] else ""
    if len(widths) == 1 and (width := widths.pop()) in LAYOUTS and _ISO_DAY.fullmatch(first):
        return LAYOUTS[width], rows
    raise ImportFileError(
        f"{name} does not look like a Daylio export: its first line should name columns such "
        "as full_date, time, mood, activities and note."
    )


def _cell(row: Sequence[str], columns: Sequence[str], name: str) -> str:
    try:
        index = columns.index(name)
    except ValueError:
        return ""
    return row[index] if index < len(row) else ""


def _day_order(samples: list[str]) -> tuple[str, bool]:
    """'dmy' or 'mdy' for dates a spreadsheet rewrote as 14/03/2021 or 3/14/2021, and whether
    the file left it open (every day 12 or less)."""
    pairs = [
        (int(m.group(1)), int(m.group(2)))
        for sample in samples
        if (m := _NUMERIC_DAY.fullmatch(sample.strip()))
    ]
    if any(second > 12 for _, second in pairs):
        return "mdy", False
    return "dmy", bool(pairs) and not any(first > 12 for first, _ in pairs)


def _day(row: Sequence[str], columns: Sequence[str], order: str) -> date | None:
    full = _cell(row, columns, "full_date").strip()
    try:
        if match := _ISO_DAY.fullmatch(full):
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if match := _NUMERIC_DAY.fullmatch(full):
            a, b, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
            return date(year, b, a) if order == "dmy" else date(year, a, b)
        year_text = _cell(row, columns, "year").strip()
        if year_text.isdigit():
            return _day_and_month(_cell(row, columns, "date"), int(year_text))
    except ValueError:
        return None
    return None


def _day_and_month(text: str, year: int) -> date | None:
    """'18 May', 'May 18', '18. May' in a year, with English month names."""
    words = re.findall(r"[^\W\d_]+|\d+", text.lower())
    numbers = [int(w) for w in words if w.isdigit()]
    months = [_MONTHS[w] for w in words if w in _MONTHS]
    if len(numbers) == 1 and len(months) == 1:
        return date(year, months[0], numbers[0])
    return None


def _time(text: str) -> time | None:
    cleaned = _SPACES.sub(" ", text).strip()
    match = _CLOCK.fullmatch(cleaned)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    second = int(match.group(3) or 0)
    half = (match.group(4) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


def _notes(entries: list, moods: list[str | None], found: set[str]) -> tuple[str, ...]:
    notes = ["Activities become tags; a note's title becomes the entry's title."]
    notes.extend(sorted(found))
    without = sum(1 for m in moods if m is None)
    if without:
        notes.append(f"{plural(without, 'entry has', 'entries have')} no mood in the file.")
    notes.append("Times are read in this computer's time zone.")
    return tuple(notes)
