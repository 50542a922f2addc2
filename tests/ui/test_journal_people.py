# SPDX-License-Identifier: GPL-3.0-or-later
"""People mentioned who are not contacts yet are kept (as new contacts), never dropped; a name
still being typed is not turned into a contact by autosave."""

from __future__ import annotations

import pytest

from recovery_desktop.core.models import Contact, Role
from recovery_desktop.storage import Vault
from recovery_desktop.ui.journal.page import JournalPage


@pytest.fixture
def page(qtbot, vault: Vault) -> JournalPage:
    vault.contacts.save(Contact("Dana", Role.SPONSOR))
    widget = JournalPage(vault, autosave_ms=40, search_debounce_ms=10, undo_ms=5_000)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_new_names_become_contacts_and_stay_linked(qtbot, page: JournalPage, vault: Vault) -> None:
    editor = page.editor
    qtbot.keyClicks(editor.body, "Coffee after the meeting.")
    qtbot.keyClicks(editor.people, "Dana, Mar")
    qtbot.waitUntil(lambda: editor.entry_id is not None and not editor.dirty, timeout=3000)
    assert [c.name for c in vault.contacts.list()] == ["Dana"]  # no contact called "Mar"
    qtbot.keyClicks(editor.people, "ia")
    assert "New to your contacts: Maria" in editor.people_note.text()
    page.flush()
    page.new_entry()  # leave the entry: names are complete now
    maria = next(c for c in vault.contacts.list() if c.name == "Maria")
    assert maria.role is Role.OTHER
    stored = vault.entries.search("coffee")[0]
    assert set(vault.entries.get(stored.id).people) == {maria.id, vault.contacts.list()[0].id}
    page.open_entry(stored.id)
    assert editor.people.items() == ["Dana", "Maria"]


def test_a_short_name_links_the_one_contact_it_starts(
    qtbot, page: JournalPage, vault: Vault
) -> None:
    dana_r = vault.contacts.save(Contact("Dana R.", Role.FRIEND))
    page.refresh()
    editor = page.editor
    qtbot.keyClicks(editor.body, "Lunch.")
    qtbot.keyClicks(editor.people, "dana r.")  # exact, other case
    page.flush()
    assert vault.entries.get(editor.entry_id).people == (dana_r.id,)
    # "Dana" alone matches both "Dana" and "Dana R.": the exact contact wins, nothing is made.
    editor.people.setText("Dana")
    page.flush()
    dana = next(c for c in vault.contacts.list() if c.name == "Dana")
    assert vault.entries.get(editor.entry_id).people == (dana.id,)
    assert len(vault.contacts.list()) == 2
