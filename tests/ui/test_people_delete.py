# SPDX-License-Identifier: GPL-3.0-or-later
"""Deleting someone never loses history: a contact mentioned anywhere asks first (archive
instead, the default; or delete and keep the name as plain text), and undoing an entry's
delete in the Journal still works afterwards. Someone who appears nowhere goes at once, with
Undo. Archiving hides and keeps everything, and can be undone."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from recovery_desktop.core.models import (
    Community,
    ConnectionKind,
    Contact,
    Entry,
    Role,
)
from recovery_desktop.storage import Vault
from recovery_desktop.ui.journal.page import JournalPage
from recovery_desktop.ui.people.delete_dialog import DeleteChoiceDialog
from tests.ui.people_helpers import (
    TODAY,
    at,
    click,
    dialog_of,
    list_names,
    people_page,
    select_row,
    tick,
)


def delete_entry_then_undo(qtbot: QtBot, vault: Vault, entry_id: int) -> Entry:
    """In the Journal, as a person would: open the entry, Delete, then Undo."""
    journal = JournalPage(vault, autosave_ms=60_000, search_debounce_ms=10, undo_ms=60_000)
    qtbot.addWidget(journal)
    journal.resize(1200, 800)
    journal.show()
    qtbot.waitExposed(journal)
    journal.open_entry(entry_id)
    click(qtbot, journal, "journal_delete_entry")
    assert vault.entries.get(entry_id) is None
    click(qtbot, journal, "journal_undo")
    restored = vault.entries.get(entry_id)
    assert restored is not None
    assert journal.editor.entry_id == entry_id
    return restored


def test_delete_a_mentioned_contact_both_ways_then_undo_an_entry_delete(
    qtbot: QtBot, vault: Vault
) -> None:
    dana = vault.contacts.save(Contact("Dana", Role.SPONSOR, emergency=True))
    sam = vault.contacts.save(Contact("Sam", Role.PEER))
    entry = vault.entries.save(
        Entry(
            TODAY - timedelta(days=2),
            title="Pizza",
            body="Dana and Sam came over",
            people=(dana.id, sam.id),
        )
    )
    vault.connections.log(at(9), ConnectionKind.CALL, contact_ids=[dana.id, sam.id])
    page = people_page(qtbot, vault)

    # Dana: the question comes up, with Archive as the default; archived, nothing else moves.
    assert page.details.record_id == dana.id
    click(qtbot, page, "people_delete")
    dialog = dialog_of(qtbot, page, DeleteChoiceDialog)
    text = dialog.findChild(QLabel, "delete_choice_text").text()
    assert text.startswith("Dana appears in 1 journal entry and 1 connection.")
    assert dialog.findChild(QPushButton, "delete_choice_archive").isDefault()
    click(qtbot, dialog, "delete_choice_archive")
    stored = vault.contacts.get(dana.id)
    assert stored is not None and stored.archived
    assert "Dana" not in list_names(page.contact_list)
    assert page.details.actions.archive_button.text() == "Bring back"
    assert vault.entries.get(entry.id).people == (dana.id, sam.id)

    # Sam: deleted, the name kept as plain text in the entry and the connection.
    select_row(qtbot, page.contact_list, sam.id)
    click(qtbot, page, "people_delete")
    dialog = dialog_of(qtbot, page, DeleteChoiceDialog)
    click(qtbot, dialog, "delete_choice_delete")
    assert vault.contacts.get(sam.id) is None
    assert list_names(page.contact_list) == []
    assert "plain text" in page.findChild(QLabel, "people_note_label").text()
    kept = vault.entries.get(entry.id)
    assert (kept.people, kept.people_kept) == ((dana.id,), ("Sam",))
    (connection,) = [c for c in vault.connections.between(TODAY, TODAY) if c.contact_id is None]
    assert connection.contact_name == "Sam"

    # The Journal's Undo after deleting that entry still works, with both names.
    restored = delete_entry_then_undo(qtbot, vault, entry.id)
    assert (restored.people, restored.people_kept) == ((dana.id,), ("Sam",))
    assert restored.body == "Dana and Sam came over"


def test_keep_as_is_changes_nothing(qtbot: QtBot, vault: Vault) -> None:
    dana = vault.contacts.save(Contact("Dana"))
    vault.entries.save(Entry(TODAY, title="x", body="y", people=(dana.id,)))
    page = people_page(qtbot, vault)
    click(qtbot, page, "people_delete")
    click(qtbot, dialog_of(qtbot, page, DeleteChoiceDialog), "delete_choice_cancel")
    assert vault.contacts.get(dana.id) == dana


def test_someone_who_appears_nowhere_is_deleted_at_once_with_undo(
    qtbot: QtBot, vault: Vault
) -> None:
    jess = vault.contacts.save(Contact("Jess", Role.OTHER, phone="555"))
    page = people_page(qtbot, vault)
    click(qtbot, page, "people_delete")
    assert vault.contacts.get(jess.id) is None
    assert page.details.kind is None
    assert page.findChild(QLabel, "people_note_label").text() == "Jess is deleted."
    click(qtbot, page, "people_note_undo")
    assert vault.contacts.get(jess.id) == jess  # the same contact, same id
    assert page.details.record_id == jess.id
    assert list_names(page.contact_list) == ["Jess"]


def test_archive_hides_and_undo_brings_back(qtbot: QtBot, vault: Vault) -> None:
    ana = vault.contacts.save(Contact("Ana", reach_out_every_days=3))
    page = people_page(qtbot, vault)
    click(qtbot, page, "people_archive")
    assert vault.contacts.get(ana.id).archived
    assert list_names(page.contact_list) == []
    assert (
        "hidden from your lists and reminders" in page.findChild(QLabel, "people_note_label").text()
    )
    click(qtbot, page, "people_note_undo")
    assert not vault.contacts.get(ana.id).archived
    assert list_names(page.contact_list) == ["Ana"]
    click(qtbot, page, "people_archive")
    tick(qtbot, page.show_archived)
    assert list_names(page.contact_list) == ["Ana"]
    click(qtbot, page, "people_archive")  # now "Bring back"
    assert not vault.contacts.get(ana.id).archived


def test_a_group_with_history_asks_too(qtbot: QtBot, vault: Vault) -> None:
    group = vault.communities.save(Community("Tuesday group"))
    vault.connections.log(at(19), ConnectionKind.MEETING, community_id=group.id)
    page = people_page(qtbot, vault)
    click(qtbot, page, "people_delete")
    dialog = dialog_of(qtbot, page, DeleteChoiceDialog)
    assert "appears in 1 connection" in dialog.findChild(QLabel, "delete_choice_text").text()
    click(qtbot, dialog, "delete_choice_delete")
    assert vault.communities.get(group.id) is None
    (meeting,) = vault.connections.between(TODAY, TODAY)
    assert (meeting.community_id, meeting.community_name) == (None, "Tuesday group")
