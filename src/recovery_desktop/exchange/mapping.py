# SPDX-License-Identifier: GPL-3.0-or-later
"""Turning another app's records into ours: checked entries, tags, HTML notes, Markdown, and
problems listed in plain words (never dropped silently)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime

from recovery_desktop.core.models import Entry
from recovery_desktop.core.validation import (
    ValidationError,
    check_date,
    clean_text,
    normalise_tag,
)

TITLE_LIMIT = 1000  # as EntryRepository checks it
TAG_LIMIT = 200
LATEST_DAY = date(9999, 12, 31)


class Problems:
    """Problems found while reading a file, grouped by kind, with where they were."""

    def __init__(self) -> None:
        self._places: dict[str, list[str]] = {}

    def add(self, message: str, where: str | None = None) -> None:
        places = self._places.setdefault(message, [])
        if where is not None:
            places.append(where)

    def __bool__(self) -> bool:
        return bool(self._places)

    def as_tuple(self) -> tuple[str, ...]:
        return tuple(_with_places(message, places) for message, places in self._places.items())


def _with_places(message: str, places: list[str]) -> str:
    if not places:
        return message
    shown = places[:3]
    more = len(places) - len(shown)
    if more:
        where = f"{', '.join(shown)} and {more:,} more"
    elif len(shown) > 1:
        where = f"{', '.join(shown[:-1])} and {shown[-1]}"
    else:
        where = shown[0]
    return f"{message} ({where})"


def plural(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def tag_names(raw: Iterable[str], problems: Problems | None = None) -> tuple[str, ...]:
    """Tags as the vault keeps them: spaces collapsed, one per name whatever its case."""
    seen: dict[str, str] = {}
    for name in raw:
        tag = normalise_tag(str(name)[: TAG_LIMIT * 4])
        if not tag:
            continue
        if len(tag) > TAG_LIMIT:
            if problems is not None:
                problems.add(f"A tag longer than {TAG_LIMIT} characters was left out")
            continue
        seen.setdefault(tag.casefold(), tag)
    return tuple(seen.values())


def checked_entry(
    entry_date: date,
    *,
    title: str = "",
    body: str = "",
    tags: Iterable[str] = (),
    mood: int | None = None,
    created_at: datetime | None = None,
    updated_at: datetime | None = None,
) -> Entry:
    """An entry the vault will accept as it is; raises `ValidationError` (plain words).

    A title too long for a title is kept whole at the top of the text instead.
    """
    check_date(entry_date, what="The entry's date", latest=LATEST_DAY)
    title = clean_text(title, what="The title", limit=len(title) + 1)
    body = clean_text(body, what="This entry")
    if len(title) > TITLE_LIMIT or "\n" in title:
        body = f"{title}\n\n{body}" if body else title
        title = ""
    clean_text(body, what="This entry")  # the limit, now the title may have joined it
    return Entry(
        entry_date=entry_date,
        title=title.strip(),
        body=body,
        tags=tuple(tags),
        mood=mood,
        created_at=_utc(created_at),
        updated_at=_utc(updated_at or created_at),
    )


def _utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    try:
        if moment.tzinfo is None:
            moment = moment.astimezone()  # the computer's own time zone, as the app uses
        return moment.astimezone(UTC)
    except (OverflowError, ValueError, OSError) as error:
        raise ValidationError("The moment it was written is out of range") from error


# --- HTML notes (Daylio) ---------------------------------------------------------------------

_BREAK = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)
_BLOCK_END = re.compile(r"<\s*/\s*(?:p|div|h[1-6]|ul|ol)\s*>", re.IGNORECASE)
_ITEM = re.compile(r"<\s*li\b[^>]*>", re.IGNORECASE)
_STRONG = re.compile(r"<\s*(b|strong)\s*>(.*?)<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)
_EMPHASIS = re.compile(r"<\s*(i|em)\s*>(.*?)<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)
_KNOWN_TAG = re.compile(
    r"<\s*/?\s*(?:p|div|span|font|u|s|strike|del|ul|ol|li|b|strong|i|em|h[1-6]|a)\b[^<>]*>",
    re.IGNORECASE,
)
_MANY_BREAKS = re.compile(r"\n{3,}")


def html_note_text(note: str) -> str:
    """A note with HTML line breaks and simple formatting, as Markdown text.

    Only known tag names are touched, so "I <3 this" or "a < b" stay as written; entities
    (&amp;, &nbsp;) become their characters after the tags are gone.
    """
    if "<" not in note and "&" not in note:
        return note.strip()
    text = _BREAK.sub("\n", note)
    text = _ITEM.sub("\n- ", text)
    text = _BLOCK_END.sub("\n", text)
    text = _STRONG.sub(lambda m: f"**{m.group(2)}**" if m.group(2).strip() else m.group(2), text)
    text = _EMPHASIS.sub(lambda m: f"*{m.group(2)}*" if m.group(2).strip() else m.group(2), text)
    text = _KNOWN_TAG.sub("", text)
    text = html.unescape(text).replace("\u00a0", " ")
    return _MANY_BREAKS.sub("\n\n", text).strip()


# --- Markdown written by Day One -------------------------------------------------------------

# Day One puts a backslash before punctuation that needs none ("Hello\.", "\(see\)"). These
# escapes go; those that keep Markdown from reading text as emphasis, code, links or HTML
# stay, and so do those at the start of a line, where they stop a heading or a list.
_KEEP_ESCAPED = frozenset("\\*_`[]<>")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_LIST_NUMBER = re.compile(r"[ \t]*[0-9]+")


def unescape_markdown(text: str) -> str:
    """Day One's Markdown with its needless backslashes taken out."""
    if "\\" not in text:
        return text

    def unescaped(match: re.Match[str]) -> str:
        char = match.group(1)
        if char in _KEEP_ESCAPED:
            return match.group(0)
        before = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
        if char in "#>+-" and not before.strip(" \t"):
            return match.group(0)  # "\# not a heading", "\- not a list"
        if char in ".)" and _LIST_NUMBER.fullmatch(before):
            return match.group(0)  # "1\. not a numbered list"
        return char

    return _ESCAPE.sub(unescaped, text)


def plain_words(error: ValidationError) -> str:
    """A validation message without its closing full stop, to go inside a longer sentence."""
    return str(error).rstrip(". ")
