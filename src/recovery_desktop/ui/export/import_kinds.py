# SPDX-License-Identifier: GPL-3.0-or-later
"""The kinds of import, in the person's words: what to pick, where the other app puts it."""

from __future__ import annotations

from dataclasses import dataclass

from recovery_desktop.exchange.importing import IMPORT_KINDS
from recovery_desktop.ui.words import QtWords


class ImportKindWords(QtWords):
    """The names, hints and file types of the kinds of import."""


@dataclass(frozen=True, slots=True)
class ImportKind:
    key: str  # as `exchange.importing.read_import` knows it
    label: str  # in the list of kinds
    title: str  # the preview's heading
    hint: str  # where the file comes from
    caption: str  # the file dialog's title
    file_filter: str


def import_kinds() -> dict[str, ImportKind]:
    """Every kind `read_import` reads, in the order the page lists them (translated now)."""
    kinds = {
        "daylio": ImportKind(
            "daylio",
            ImportKindWords.tr("Daylio (CSV)"),
            ImportKindWords.tr("Import from Daylio"),
            ImportKindWords.tr(
                "In Daylio: More, Export entries, CSV. Your own mood names are matched to moods "
                "here, and you can change the match before anything is imported."
            ),
            ImportKindWords.tr("Choose a Daylio export"),
            ImportKindWords.tr("Daylio export (*.csv);;All files (*)"),
        ),
        "jrnl": ImportKind(
            "jrnl",
            ImportKindWords.tr("jrnl (JSON)"),
            ImportKindWords.tr("Import from jrnl"),
            ImportKindWords.tr(
                "In a terminal: jrnl --export json -o journal.json. Each entry comes in on the "
                "day it was written, with its tags."
            ),
            ImportKindWords.tr("Choose a jrnl export"),
            ImportKindWords.tr("JSON files (*.json);;All files (*)"),
        ),
        "dayone": ImportKind(
            "dayone",
            ImportKindWords.tr("Day One (JSON or zip)"),
            ImportKindWords.tr("Import from Day One"),
            ImportKindWords.tr(
                "In Day One: File, Export, JSON. Choose the zip it makes, or the Journal.json "
                "inside it. Photos and places are listed, not imported."
            ),
            ImportKindWords.tr("Choose a Day One export"),
            ImportKindWords.tr("Day One export (*.zip *.json);;All files (*)"),
        ),
        "vcard": ImportKind(
            "vcard",
            ImportKindWords.tr("Contacts (vCard)"),
            ImportKindWords.tr("Import contacts"),
            ImportKindWords.tr(
                "A .vcf file from your phone, Google Contacts, Apple Contacts or Nextcloud. "
                "People you already have, by name, stay as they are."
            ),
            ImportKindWords.tr("Choose a contacts file"),
            ImportKindWords.tr("vCard files (*.vcf *.vcard);;All files (*)"),
        ),
        "json": ImportKind(
            "json",
            ImportKindWords.tr("Recovery Desktop (JSON export)"),
            ImportKindWords.tr("Bring back a Recovery Desktop export"),
            ImportKindWords.tr(
                "A JSON export of this app comes back whole, but only into a new, empty vault. "
                "To make one: lock, choose Open another vault… and pick an empty folder."
            ),
            ImportKindWords.tr("Choose a Recovery Desktop export"),
            ImportKindWords.tr("JSON files (*.json);;All files (*)"),
        ),
    }
    assert tuple(kinds) == IMPORT_KINDS
    return kinds
