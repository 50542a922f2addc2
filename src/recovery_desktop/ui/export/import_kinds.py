# SPDX-License-Identifier: GPL-3.0-or-later
"""The kinds of import, in the person's words: what to pick, where the other app puts it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from recovery_desktop.exchange.importing import IMPORT_KINDS


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
            _tr("Daylio (CSV)"),
            _tr("Import from Daylio"),
            _tr(
                "In Daylio: More, Export entries, CSV. Your own mood names are matched to moods "
                "here, and you can change the match before anything is imported."
            ),
            _tr("Choose a Daylio export"),
            _tr("Daylio export (*.csv);;All files (*)"),
        ),
        "jrnl": ImportKind(
            "jrnl",
            _tr("jrnl (JSON)"),
            _tr("Import from jrnl"),
            _tr(
                "In a terminal: jrnl --export json -o journal.json. Each entry comes in on the "
                "day it was written, with its tags."
            ),
            _tr("Choose a jrnl export"),
            _tr("JSON files (*.json);;All files (*)"),
        ),
        "dayone": ImportKind(
            "dayone",
            _tr("Day One (JSON or zip)"),
            _tr("Import from Day One"),
            _tr(
                "In Day One: File, Export, JSON. Choose the zip it makes, or the Journal.json "
                "inside it. Photos and places are listed, not imported."
            ),
            _tr("Choose a Day One export"),
            _tr("Day One export (*.zip *.json);;All files (*)"),
        ),
        "vcard": ImportKind(
            "vcard",
            _tr("Contacts (vCard)"),
            _tr("Import contacts"),
            _tr(
                "A .vcf file from your phone, Google Contacts, Apple Contacts or Nextcloud. "
                "People you already have, by name, stay as they are."
            ),
            _tr("Choose a contacts file"),
            _tr("vCard files (*.vcf *.vcard);;All files (*)"),
        ),
        "json": ImportKind(
            "json",
            _tr("Recovery Desktop (JSON export)"),
            _tr("Bring back a Recovery Desktop export"),
            _tr(
                "A JSON export of this app comes back whole, but only into a new, empty vault. "
                "To make one: lock, choose Open another vault… and pick an empty folder."
            ),
            _tr("Choose a Recovery Desktop export"),
            _tr("JSON files (*.json);;All files (*)"),
        ),
    }
    assert tuple(kinds) == IMPORT_KINDS
    return kinds


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportKinds", text)
