# SPDX-License-Identifier: GPL-3.0-or-later
"""Imports, in three steps the page and the CLI share (issue 9, point 4):

    batch = read_import("daylio", path)          # the whole file, parsed; nothing written
    preview = preview_import(conn, batch)        # counts, days, problems, duplicates
    batch = batch.with_mood_mapping({...})       # Daylio only: the person's own mood names,
    preview = preview_import(conn, batch)        #   then a new preview
    result = write_import(conn, preview, progress=..., cancelled=...)

`read_import` needs no vault and may run on any thread; `preview_import` and `write_import`
use `conn` on its own thread (a worker opens one with `vault.open_connection()`).

`read_import` raises `ImportFileError` (one plain sentence) for a file it cannot read; anything
in a readable file that cannot be mapped is listed in `problems`, never dropped silently.
`write_import` adds everything in one short transaction (nothing is left behind on an error or
a cancel), then fills the search index for the new entries in batches.

Duplicates: an entry counts as already in the vault when an entry (not a check-in) on the same
day has the same title, text and tags, compared without case and with spaces collapsed; a
contact when one has the same name. Identical items are counted, not merged: a file with two
identical entries adds two the first time and none the next. No schema change is needed; an
imported entry that was edited in the app afterwards no longer matches, so a second import of
the same file would add it again (the preview shows this as new entries, before anything is
written).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from importlib import import_module
from pathlib import Path

from recovery_desktop.core.models import MOOD_LABELS, Contact, Entry
from recovery_desktop.core.validation import ValidationError
from recovery_desktop.exchange.progress import (
    CancelCheck,
    ImportFileError,
    Meter,
    Progress,
    cancel_check,
)
from recovery_desktop.storage.bulk_import import (
    contact_names,
    entry_texts_between,
    insert_contacts,
    insert_entries,
    mark_search_pending,
)
from recovery_desktop.storage.connection import Connection, transaction
from recovery_desktop.storage.search_index import SearchIndex

IMPORT_KINDS = ("daylio", "jrnl", "dayone", "vcard", "json")


@dataclass(frozen=True, slots=True)
class ImportBatch:
    """A file from another app, read whole and mapped to entries or contacts.

    `entry_moods` runs beside `entries`: the mood name each had in the file (Daylio), so the
    mapping can be changed (`with_mood_mapping`) before anything is written.
    """

    source: str  # the app, as the person knows it: "Daylio", "jrnl", "Day One", "vCard"
    path: Path
    entries: tuple[Entry, ...] = ()
    contacts: tuple[Contact, ...] = ()
    problems: tuple[str, ...] = ()  # what could not be read or mapped, in plain words
    notes: tuple[str, ...] = ()  # how things were mapped, in plain words
    entry_moods: tuple[str | None, ...] = ()
    mood_mapping: Mapping[str, int | None] = field(default_factory=dict)

    @property
    def mood_names(self) -> dict[str, int]:
        """Each mood name in the file and how many entries have it, most used first."""
        counts = Counter(name for name in self.entry_moods if name)
        return dict(counts.most_common())

    def with_mood_mapping(self, mapping: Mapping[str, int | None]) -> ImportBatch:
        """The same batch with moods from `mapping` (name -> 1..5, or None for no mood).
        Names left out of `mapping` keep their current level."""
        if not self.entry_moods:
            if mapping:
                raise ValidationError("This file has no mood names to match.")
            return self
        merged = {**self.mood_mapping}
        known = set(self.entry_moods)
        for name, level in mapping.items():
            if name not in known:
                raise ValidationError(f"The file has no mood called “{name}”.")
            if level is not None and level not in MOOD_LABELS:
                raise ValidationError(f"A mood is a level from 1 to 5, not {level}.")
            merged[name] = level
        entries = tuple(
            replace(entry, mood=merged.get(name) if name else entry.mood)
            for entry, name in zip(self.entries, self.entry_moods, strict=True)
        )
        return replace(self, entries=entries, mood_mapping=merged)


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What an import would do, before anything is written."""

    batch: object  # an ImportBatch, or a json_import.ExportFile
    counts: dict[str, int]  # what will be added: {"entries": 120, "contacts": 4, ...}
    duplicates: int  # items already in the vault, which are left as they are
    first_day: date | None
    last_day: date | None
    problems: tuple[str, ...]
    notes: tuple[str, ...] = ()
    blocked: str | None = None  # why this file cannot be imported into this vault at all
    new_entries: tuple[Entry, ...] = ()
    new_contacts: tuple[Contact, ...] = ()

    @property
    def mood_names(self) -> dict[str, int]:
        """Daylio: each mood name in the file and how many entries have it ({} otherwise)."""
        return self.batch.mood_names if isinstance(self.batch, ImportBatch) else {}

    @property
    def mood_mapping(self) -> dict[str, int | None]:
        """Daylio: the level (1-5, or None) each mood name comes in with ({} otherwise)."""
        return dict(self.batch.mood_mapping) if isinstance(self.batch, ImportBatch) else {}

    @property
    def can_write(self) -> bool:
        return self.blocked is None and any(self.counts.values())

    def summary(self) -> str:
        """One plain sentence of what would be added (the CLI prints it; the page words its
        own with tr())."""
        if self.blocked is not None:
            return self.blocked
        added = ", ".join(f"{n:,} {name}" for name, n in self.counts.items() if n) or "nothing new"
        days = ""
        if self.first_day is not None and self.last_day is not None:
            days = f" (from {self.first_day.isoformat()} to {self.last_day.isoformat()})"
        already = (
            f"; {self.duplicates:,} already in the vault, left as they are"
            if self.duplicates
            else ""
        )
        return f"To add: {added}{days}{already}."


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import wrote."""

    added: dict[str, int]
    duplicates: int
    search_complete: bool  # False: search finishes preparing the new entries later


def read_import(kind: str, path: Path) -> object:
    """Read a whole file of `kind` (one of IMPORT_KINDS); raises `ImportFileError`."""
    readers = {
        "daylio": "daylio.read_daylio",
        "jrnl": "jrnl.read_jrnl",
        "dayone": "dayone.read_dayone",
        "vcard": "vcard.read_vcard",
        "json": "json_import.read_export",
    }
    if kind not in readers:
        raise ImportFileError(
            f"Unknown kind of import “{kind}”: choose one of {', '.join(IMPORT_KINDS)}."
        )
    module, function = readers[kind].split(".")
    reader: Callable[[Path], object] = getattr(
        import_module(f"recovery_desktop.exchange.{module}"), function
    )
    try:
        return reader(Path(path))
    except (ImportFileError, MemoryError):
        raise
    except RecursionError as error:
        raise ImportFileError(f"{Path(path).name} is nested too deeply to be read.") from error
    except Exception as error:  # a reader's bug must still reach the person as a plain line
        raise ImportFileError(
            f"{Path(path).name} could not be read ({type(error).__name__}). Nothing was "
            "imported; please report this with the kind of file you chose."
        ) from error


def preview_import(conn: Connection, batch: object) -> ImportPreview:
    """Compare `batch` with the vault: what is new, what is there already, what is wrong."""
    from recovery_desktop.exchange.json_import import ExportFile, preview_export

    if isinstance(batch, ExportFile):
        return preview_export(conn, batch)
    assert isinstance(batch, ImportBatch)
    new_entries, duplicate_entries = _new_entries(conn, batch.entries)
    new_contacts, duplicate_contacts = _new_contacts(conn, batch.contacts)
    days = [e.entry_date for e in batch.entries]
    counts = {}
    if batch.entries or not batch.contacts:
        counts["entries"] = len(new_entries)
    if batch.contacts:
        counts["contacts"] = len(new_contacts)
    return ImportPreview(
        batch=batch,
        counts=counts,
        duplicates=duplicate_entries + duplicate_contacts,
        first_day=min(days, default=None),
        last_day=max(days, default=None),
        problems=batch.problems + _mood_problems(batch),
        notes=batch.notes,
        new_entries=new_entries,
        new_contacts=new_contacts,
    )


def write_import(
    conn: Connection,
    preview: ImportPreview,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck = None,
) -> ImportResult:
    """Add what `preview` found new, in one transaction, then index it for search.

    Duplicates are looked for again inside the transaction, so an import that ran meanwhile
    (or twice at once) never doubles anything. A cancel before the commit raises `Cancelled`
    and leaves the vault as it was; a cancel while search is prepared leaves the import done
    and `search_complete` False (the app finishes the index later).
    """
    from recovery_desktop.exchange.json_import import ExportFile, write_export

    if preview.blocked is not None:
        raise ImportFileError(preview.blocked)
    if isinstance(preview.batch, ExportFile):
        return write_export(conn, preview, progress=progress, cancelled=cancelled)
    batch = preview.batch
    assert isinstance(batch, ImportBatch)
    meter = Meter(2 * len(batch.entries) + len(batch.contacts), progress, cancelled)
    meter.check()
    with transaction(conn):
        entries, duplicate_entries = _new_entries(conn, batch.entries)
        contacts, duplicate_contacts = _new_contacts(conn, batch.contacts)
        meter.advance(2 * duplicate_entries + duplicate_contacts)
        first_id = insert_entries(conn, entries, meter.advance)
        insert_contacts(conn, contacts, meter.advance)
        if first_id is not None:
            mark_search_pending(conn, first_id)
    complete = True
    if entries:
        complete = SearchIndex(conn).rebuild(
            progress=meter.following(),
            cancelled=cancel_check(cancelled),
        )
    if complete:
        meter.finish()
    added = {"entries": len(entries)} if batch.entries or not batch.contacts else {}
    if batch.contacts:
        added["contacts"] = len(contacts)
    return ImportResult(added, duplicate_entries + duplicate_contacts, complete)


# --- duplicates ------------------------------------------------------------------------------


def normalised(text: str) -> str:
    """Text as duplicates are compared: one Unicode form, no case, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def entry_fingerprint(day: date, title: str, body: str, tags: Iterable[str]) -> tuple:
    return (day, normalised(title), normalised(body), tuple(sorted(normalised(t) for t in tags)))


def _new_entries(conn: Connection, entries: Sequence[Entry]) -> tuple[tuple[Entry, ...], int]:
    if not entries:
        return (), 0
    days = [e.entry_date for e in entries]
    stored = Counter(
        entry_fingerprint(s.entry_date, s.title, s.body, s.tags)
        for s in entry_texts_between(conn, min(days), max(days))
    )
    new: list[Entry] = []
    for entry in entries:
        key = entry_fingerprint(entry.entry_date, entry.title, entry.body, entry.tags)
        if stored[key] > 0:
            stored[key] -= 1
        else:
            new.append(entry)
    return tuple(new), len(entries) - len(new)


def _new_contacts(conn: Connection, contacts: Sequence[Contact]) -> tuple[tuple[Contact, ...], int]:
    if not contacts:
        return (), 0
    stored = Counter(normalised(name) for name in contact_names(conn))
    new: list[Contact] = []
    for contact in contacts:
        key = normalised(contact.name)
        if stored[key] > 0:
            stored[key] -= 1
        else:
            new.append(contact)
    return tuple(new), len(contacts) - len(new)


def _mood_problems(batch: ImportBatch) -> tuple[str, ...]:
    unmatched = {
        name: count
        for name, count in batch.mood_names.items()
        if batch.mood_mapping.get(name) is None
    }
    return tuple(
        f"{count} {'entry has' if count == 1 else 'entries have'} the mood “{name}”, which is "
        "not matched to a mood from 1 to 5 yet; "
        f"{'it comes' if count == 1 else 'they come'} in without a mood unless you choose one."
        for name, count in unmatched.items()
    )
