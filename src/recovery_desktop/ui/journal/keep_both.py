# SPDX-License-Identifier: GPL-3.0-or-later
"""Saving an entry that may have changed elsewhere (the CLI writes while the app is open).

The vault refuses to overwrite a row changed since the editor read it (`ChangedElsewhereError`,
checked inside its write transaction). Then both versions are kept: an entry's edit is saved
as a new entry beside the other version; a check-in, which stays one per day, is merged field
by field (core.checkin.merge_entry). No Qt and no SQL here: the editor says what happened.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from recovery_desktop.core.checkin import merge_entry
from recovery_desktop.core.models import Entry
from recovery_desktop.storage.entries import ChangedElsewhereError, EntryRepository

MERGE_TRIES = 5


class Outcome(Enum):
    SAVED = "saved"  # nothing else had changed it
    COPIED = "copied"  # changed elsewhere: this edit is now a new entry, the other one kept
    MERGED = "merged"  # a check-in changed elsewhere: both put together


@dataclass(frozen=True, slots=True)
class Stored:
    entry: Entry
    outcome: Outcome
    both_texts: tuple[str, ...] = ()  # merged: fields holding both texts


def store_keeping_both(entries: EntryRepository, loaded: Entry, entry: Entry) -> Stored:
    """Save `entry` (edited from `loaded`, as the editor read it) without overwriting a newer
    version. Raises what `entries.save` raises (ValidationError, storage errors), and
    ChangedElsewhereError when a check-in kept changing MERGE_TRIES times in a row."""
    if entry.id is None or loaded.updated_at is None:
        return Stored(entries.save(entry), Outcome.SAVED)
    try:
        return Stored(entries.save(entry, expected_updated_at=loaded.updated_at), Outcome.SAVED)
    except ChangedElsewhereError as changed:
        stored = changed.stored
        if stored is None or not entry.is_checkin:
            copy = replace(entry, id=None, created_at=None, updated_at=None, is_checkin=False)
            return Stored(entries.save(copy), Outcome.COPIED)
        error = changed
    both: dict[str, None] = {}
    for _ in range(MERGE_TRIES):
        merge = merge_entry(loaded, entry, stored)
        both.update(dict.fromkeys(merge.both_texts))
        entry, loaded = merge.entry, stored
        try:
            saved = entries.save(merge.entry, expected_updated_at=stored.updated_at)
        except ChangedElsewhereError as changed:
            if changed.stored is None:
                return Stored(entries.save(entry), Outcome.MERGED, tuple(both))
            stored, error = changed.stored, changed
            continue
        return Stored(saved, Outcome.MERGED, tuple(both))
    raise error
