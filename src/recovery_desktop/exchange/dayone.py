# SPDX-License-Identifier: GPL-3.0-or-later
"""Day One's JSON export: `Journal.json` alone, or the export zip (one `<journal>.json` per
journal beside `photos/` and the like), from the Mac, iPhone, Android and web apps.

Each entry (`{"metadata": {"version": "1.0"}, "entries": [...]}`) has `creationDate` in UTC
("2023-06-01T04:30:00Z", fractions of a second from some apps), the `timeZone` it was written
in ("Australia/Sydney"), `text` in Markdown (`richText` holds the same as JSON), `tags`,
`starred`, sometimes `isPinned`, `modifiedDate`, `location`, `weather` and media lists.

The entry's day is the calendar day where it was written: creationDate in its own time zone,
so a note made at 7 am in Sydney is on that Sydney day even though it is the evening before in
UTC. Day One escapes punctuation in its Markdown ("Hello\\."); those backslashes are taken out
where Markdown does not need them (`mapping.unescape_markdown`). Photos, audio, video and PDFs
are not imported (their links are taken out of the text) and are counted in the preview, as
are places and weather. Starred entries get the tag "starred", pinned ones "pinned"; with more
than one journal in a zip, each entry also gets its journal's name as a tag.
"""

from __future__ import annotations

import json
import re
import zipfile
import zlib
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from recovery_desktop.core.validation import ValidationError
from recovery_desktop.exchange.importing import ImportBatch
from recovery_desktop.exchange.mapping import (
    Problems,
    checked_entry,
    plain_words,
    plural,
    tag_names,
    unescape_markdown,
)
from recovery_desktop.exchange.progress import ImportFileError
from recovery_desktop.exchange.text_files import MAX_FILE_BYTES, decode_text, read_bytes

STARRED_TAG = "starred"
PINNED_TAG = "pinned"
MEDIA = {"photos": "photo", "videos": "video", "audios": "audio recording", "pdfAttachments": "PDF"}
_MEDIA_LINK = re.compile(r"!\[[^\]\n]*\]\(dayone-moment:/{1,2}[^)\s]*\)[ \t]*\n?")
_MANY_BREAKS = re.compile(r"\n{3,}")


def read_dayone(path: Path) -> ImportBatch:
    """Read a whole Day One export (.json or .zip); raises `ImportFileError` if it is not one."""
    journals = _journals(path)
    problems = Problems()
    media: Counter[str] = Counter()
    unmapped: Counter[str] = Counter()
    marks: Counter[str] = Counter()
    entries = []
    several = len(journals) > 1
    for journal, records, decoding in journals:
        for message in decoding:
            problems.add(message)
        for number, record in enumerate(records, 1):
            where = f"{journal}, entry {number}" if several else f"entry {number}"
            if not isinstance(record, dict):
                problems.add("Some entries are not in Day One's shape and are left out", where)
                continue
            created = _moment(record.get("creationDate"))
            if created is None:
                problems.add("The date could not be read, so these entries are left out", where)
                continue
            zone = _zone(record.get("timeZone"))
            if zone is None:
                problems.add(
                    "The time zone is missing or unknown; these entries are dated in this "
                    "computer's time zone",
                    where,
                )
            try:
                local = created.astimezone(zone) if zone is not None else created.astimezone()
            except (OverflowError, ValueError, OSError):
                problems.add("The date is out of range, so these entries are left out", where)
                continue
            for key, word in MEDIA.items():
                if isinstance(record.get(key), list):
                    media[word] += len(record[key])
            for key in ("location", "weather"):
                if record.get(key):
                    unmapped[key] += 1
            text = _text(record)
            body = _MANY_BREAKS.sub("\n\n", _MEDIA_LINK.sub("", unescape_markdown(text))).strip()
            raw_tags = record.get("tags") if isinstance(record.get("tags"), list) else []
            tags = [str(t) for t in raw_tags if isinstance(t, str | int | float)]
            if record.get("starred") is True:
                tags.append(STARRED_TAG)
                marks[STARRED_TAG] += 1
            if record.get("isPinned") is True:
                tags.append(PINNED_TAG)
                marks[PINNED_TAG] += 1
            if several:
                tags.append(journal)
            if not body and not raw_tags:
                problems.add(
                    "Some entries hold no text (only photos or other media), so there is "
                    "nothing to import from them",
                    where,
                )
                continue
            try:
                entries.append(
                    checked_entry(
                        local.date(),
                        body=body,
                        tags=tag_names(tags, problems),
                        created_at=created,
                        updated_at=_moment(record.get("modifiedDate")),
                    )
                )
            except ValidationError as error:
                problems.add(f"{plain_words(error)}; left out", where)
    for word, count in media.items():
        problems.add(f"{plural(count, word, word + 's')} not imported: only the text comes across")
    lost = [
        f"{what} on {plural(unmapped[key], 'entry', 'entries')}"
        for key, what in (("location", "places"), ("weather", "the weather"))
        if unmapped[key]
    ]
    if lost:
        sentence = f"{' and '.join(lost)} are not imported"
        problems.add(sentence[0].upper() + sentence[1:])
    if not entries and not problems:
        raise ImportFileError(f"{path.name} is a Day One export with no entries in it.")
    notes = ["Each entry is dated by the day where it was written, in its own time zone."]
    if marks:
        notes.append(
            ", ".join(
                f"{plural(n, 'entry gets', 'entries get')} the tag “{tag}”"
                for tag, n in marks.items()
            )
            + "."
        )
    if several:
        notes.append("Each entry gets its journal's name as a tag.")
    return ImportBatch(
        source="Day One",
        path=path,
        entries=tuple(entries),
        problems=problems.as_tuple(),
        notes=tuple(notes),
    )


def _journals(path: Path) -> list[tuple[str, list, list[str]]]:
    """(journal name, entries, decoding problems) for each journal in the file."""
    raw = read_bytes(path, "a Day One export")
    if raw[:4] == b"PK\x03\x04" or path.suffix.lower() == ".zip":
        return _zip_journals(path, raw)
    records, decoding = _entries(raw, path.name)
    if records is None:
        raise ImportFileError(
            f"{path.name} is not a Day One export: it has no list of entries. In Day One, "
            "choose Export, then JSON, and pick Journal.json or the whole zip."
        )
    return [(path.stem, records, decoding)]


def _zip_journals(path: Path, raw: bytes) -> list[tuple[str, list, list[str]]]:
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = [
            info
            for info in archive.infolist()
            if info.filename.lower().endswith(".json")
            and not info.filename.startswith("__MACOSX/")
            and not PurePosixPath(info.filename).name.startswith(".")
        ]
        journals = []
        for info in sorted(members, key=lambda i: i.filename):
            if info.file_size > MAX_FILE_BYTES:
                raise ImportFileError(f"{info.filename} in {path.name} is too large to import.")
            records, decoding = _entries(archive.read(info), info.filename)
            if records is not None:
                journals.append((PurePosixPath(info.filename).stem, records, decoding))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError) as error:
        raise ImportFileError(f"{path.name} is not a readable zip file ({error}).") from error
    except (NotImplementedError, RuntimeError) as error:  # an unknown method, a password
        raise ImportFileError(
            f"{path.name} is a zip this app cannot open ({error}). Export again from Day One "
            "without a password."
        ) from error
    if not journals:
        raise ImportFileError(
            f"{path.name} has no Day One journal in it (a .json file with entries, such as "
            "Journal.json)."
        )
    return journals


def _entries(raw: bytes, name: str) -> tuple[list | None, list[str]]:
    text, decoding = decode_text(raw, name)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(
            f"{name} is not complete JSON (line {error.lineno}, column {error.colno}); it may "
            "have been cut short."
        ) from error
    except RecursionError as error:
        raise ImportFileError(f"{name} is nested too deeply to be a Day One export.") from error
    if isinstance(data, dict) and isinstance(data.get("entries"), list):
        return data["entries"], decoding
    return None, decoding


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _zone(value: object) -> ZoneInfo | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return ZoneInfo(value.strip())
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _text(record: dict) -> str:
    text = record.get("text")
    if isinstance(text, str):
        return text
    rich = record.get("richText")  # some entries carry only the rich form
    if isinstance(rich, str):
        try:
            contents = json.loads(rich).get("contents", [])
            return "".join(
                c["text"]
                for c in contents
                if isinstance(c, dict) and isinstance(c.get("text"), str)
            )
        except (ValueError, AttributeError, RecursionError):
            return ""
    return ""
