# SPDX-License-Identifier: GPL-3.0-or-later
"""The People page over a real vault, driven as a person would: adding a contact and a group
through the form, the lists (emergency pinned, search, sort, archived hidden), people to
complete, figures and history, entries that open in the Journal, and nothing typed lost."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from recovery_desktop.core.models import (
    Community,
    CommunityKind,
    Connection,
    ConnectionKind,
    Contact,
    Entry,
    Role,
)
from recovery_desktop.storage import Vault
from recovery_desktop.ui.people.details import CONTACT
from tests.ui.people_helpers import (
    TODAY,
    at,
    click,
    list_names,
    people_page,
    select_row,
    tick,
)


def test_create_a_contact_through_the_form(qtbot: QtBot, vault: Vault) -> None:
    page = people_page(qtbot, vault, autosave_ms=30)
    assert "support you live here" in page.details.empty.text()
    click(qtbot, page, "people_add")
    form = page.details.contact_form
    assert form.name.hasFocus()
    qtbot.keyClicks(form.name, "Dana R.")
    form.role.setFocus()
    form.role.setCurrentIndex(form.role.findData(Role.SPONSOR))
    qtbot.keyClicks(form.phone, "555-0142")
    form.reach_out.selectAll()
    qtbot.keyClicks(form.reach_out, "3")
    tick(qtbot, form.emergency)
    qtbot.keyClicks(form.notes, "Calls back, always.")
    qtbot.waitUntil(lambda: not form.dirty and vault.contacts.list() != [], timeout=3000)
    qtbot.waitUntil(lambda: vault.contacts.list()[0].notes == "Calls back, always.")
    (dana,) = vault.contacts.list()
    assert (dana.name, dana.role, dana.phone) == ("Dana R.", Role.SPONSOR, "555-0142")
    assert (dana.reach_out_every_days, dana.emergency) == (3, True)
    # It is in the list, chosen, with its badge; the page shows it by name.
    assert list_names(page.contact_list) == ["Dana R."]
    assert page.contact_list.currentIndex().row() == 0
    assert page.details.title.text() == "Dana R."
    assert "Sponsor" in page.details.subtitle.text()
    assert page.tabs.tabText(0) == "People (1)"


def test_create_a_community_through_the_form(qtbot: QtBot, vault: Vault) -> None:
    page = people_page(qtbot, vault)
    qtbot.mouseClick(page.tabs, Qt.MouseButton.LeftButton, pos=page.tabs.tabRect(1).center())
    assert page.tabs.currentIndex() == 1
    assert page.add_button.text() == "Add a group"
    click(qtbot, page, "people_add")
    form = page.details.community_form
    qtbot.keyClicks(form.name, "Tuesday night meeting")
    form.kind.setCurrentIndex(form.kind.findData(CommunityKind.SUPPORT_GROUP))
    qtbot.keyClicks(form.schedule, "Tuesdays at 7 pm")
    qtbot.keyClicks(form.place, "St. Mark's hall, room 2")
    page.flush()  # as switching pages or locking does
    (group,) = vault.communities.list()
    assert (group.name, group.kind) == ("Tuesday night meeting", CommunityKind.SUPPORT_GROUP)
    assert (group.schedule, group.place) == ("Tuesdays at 7 pm", "St. Mark's hall, room 2")
    assert list_names(page.community_list) == ["Tuesday night meeting"]
    assert "Tuesdays at 7 pm" in page.community_list.model().index(0, 0).data(
        Qt.ItemDataRole.AccessibleTextRole
    )
    assert page.tabs.tabText(1) == "Groups (1)"


def test_emergency_pinned_search_sort_and_archived_toggle(qtbot: QtBot, vault: Vault) -> None:
    vault.contacts.save(Contact("Ana", Role.PEER))
    zoe = vault.contacts.save(Contact("Zoe", Role.FAMILY, emergency=True))
    bo = vault.contacts.save(Contact("Bo", Role.FRIEND, notes="from the run club"))
    vault.contacts.save(Contact("Old friend", Role.FRIEND, archived=True))
    vault.connections.save(Connection(at(9), ConnectionKind.CALL, contact_id=bo.id))
    page = people_page(qtbot, vault)
    assert list_names(page.contact_list) == ["Zoe", "Ana", "Bo"]  # emergency on top
    assert page.details.record_id == zoe.id  # the first is shown on opening
    page.sort.setCurrentIndex(2)  # last in touch
    assert list_names(page.contact_list) == ["Zoe", "Bo", "Ana"]
    page.sort.setCurrentIndex(1)  # role: sponsor, family, friend, peer...
    assert list_names(page.contact_list) == ["Zoe", "Bo", "Ana"]
    qtbot.keyClicks(page.search, "run club")
    assert list_names(page.contact_list) == ["Bo"]
    page.search.clear()
    assert "Old friend" not in list_names(page.contact_list)
    tick(qtbot, page.show_archived)
    assert "Old friend" in list_names(page.contact_list)
    row = list_names(page.contact_list).index("Old friend")
    assert page.contacts.index(row).data(Qt.ItemDataRole.AccessibleTextRole).endswith("Archived")


def test_figures_history_and_entries_that_open_in_the_journal(qtbot: QtBot, vault: Vault) -> None:
    dana = vault.contacts.save(Contact("Dana", Role.SPONSOR))
    for days, supported in ((1, 4), (20, None), (60, 5), (200, 3)):
        vault.connections.save(
            Connection(
                at(18, TODAY - timedelta(days=days)),
                ConnectionKind.CALL,
                contact_id=dana.id,
                felt_supported=supported,
                note=f"{days} days ago",
            )
        )
    entry = vault.entries.save(
        Entry(TODAY, title="Coffee with Dana", body="Coffee", people=(dana.id,))
    )
    page = people_page(qtbot, vault)
    details = page.details
    assert details.last_figure.value.text() == "yesterday"
    assert details.month_figure.value.text() == "2"
    assert details.quarter_figure.value.text() == "3"
    assert details.support_figure.value.text() == "4.0 of 5"
    assert details.support_figure.caption.text() == "felt supported (3 answers)"
    history = details.history.model
    assert [history.record(r).note for r in range(history.rowCount())] == [
        "1 days ago",
        "20 days ago",
        "60 days ago",
        "200 days ago",
    ]  # newest first
    mentions = details.mentions
    assert mentions.model.rowCount() == 1
    select_row_in(qtbot, mentions.view, 0)
    with qtbot.waitSignal(page.open_entry_requested) as opened:
        click(qtbot, page, "people_open_entry")
    assert opened.args == [entry.id]


def select_row_in(qtbot: QtBot, view, row: int) -> None:  # noqa: ANN001
    index = view.model().index(row, 0)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert view.currentIndex() == index


def test_history_is_paged_newest_first(qtbot: QtBot, vault: Vault) -> None:
    dana = vault.contacts.save(Contact("Dana"))
    vault.connections.log(at(9), ConnectionKind.TEXT, contact_ids=[dana.id])
    for day in range(1, 130):
        vault.connections.save(
            Connection(at(9, TODAY - timedelta(days=day)), ConnectionKind.CALL, contact_id=dana.id)
        )
    page = people_page(qtbot, vault)
    model = page.details.history.model
    assert model.rowCount() == 50 and model.canFetchMore()
    assert model.record(0).kind is ConnectionKind.TEXT
    page.details.history.view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > 50)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 130


def test_people_from_an_entry_appear_to_complete(qtbot: QtBot, vault: Vault) -> None:
    vault.contacts.save(Contact("Dana", Role.SPONSOR, phone="555"))
    jess = vault.contacts.save(Contact("Jess", Role.OTHER))  # as an entry's People field makes
    page = people_page(qtbot, vault)
    assert page.to_complete.isVisible()
    assert "Jess" in page.findChild(QLabel, "people_to_complete_label").text()
    click(qtbot, page, "people_complete")
    assert page.details.record_id == jess.id
    form = page.details.contact_form
    assert form.role.hasFocus()
    form.role.setCurrentIndex(form.role.findData(Role.FRIEND))
    page.flush()
    assert vault.contacts.get(jess.id).role is Role.FRIEND
    assert not page.to_complete.isVisible()


def test_typed_edits_are_saved_before_showing_someone_else(qtbot: QtBot, vault: Vault) -> None:
    ana = vault.contacts.save(Contact("Ana"))
    bo = vault.contacts.save(Contact("Bo"))
    page = people_page(qtbot, vault)  # autosave waits a minute: only leaving saves
    assert page.details.record_id == ana.id
    qtbot.keyClicks(page.details.contact_form.notes, "Met at the Tuesday meeting")
    select_row(qtbot, page.contact_list, bo.id)
    assert vault.contacts.get(ana.id).notes == "Met at the Tuesday meeting"
    assert page.details.record_id == bo.id
    qtbot.keyClicks(page.details.contact_form.phone, "555-0101")
    page.flush()  # what the main window calls before another page, a lock or quitting
    assert vault.contacts.get(bo.id).phone == "555-0101"
    assert not page.has_unsaved_changes()


def test_an_empty_name_is_refused_kindly_and_nothing_is_lost(qtbot: QtBot, vault: Vault) -> None:
    ana = vault.contacts.save(Contact("Ana"))
    bo = vault.contacts.save(Contact("Bo"))
    page = people_page(qtbot, vault)
    form = page.details.contact_form
    form.name.selectAll()
    qtbot.keyClick(form.name, Qt.Key.Key_Delete)
    qtbot.keyClicks(form.notes, "still here")
    select_row(qtbot, page.contact_list, bo.id, moves=False)
    # Refused: we stay on Ana with what was typed and the reason; the lock would ask first.
    assert page.details.record_id == ana.id
    assert form.notes.toPlainText() == "still here"
    assert form.error.isVisible() and "name" in form.error.text()
    assert page.has_unsaved_changes()
    assert page.contact_list.currentIndex().data() == "Ana"
    qtbot.keyClicks(form.name, "Ana B.")
    page.flush()
    assert vault.contacts.get(ana.id).name == "Ana B."
    assert vault.contacts.get(ana.id).notes == "still here"
    assert not page.has_unsaved_changes()


def test_a_stale_form_never_undoes_a_snooze_or_archive_made_elsewhere(
    qtbot: QtBot, vault: Vault
) -> None:
    ana = vault.contacts.save(Contact("Ana", reach_out_every_days=7))
    page = people_page(qtbot, vault)
    qtbot.keyClicks(page.details.contact_form.phone, "555")
    vault.contacts.snooze(ana.id, TODAY + timedelta(days=3))  # Today, meanwhile
    page.flush()
    stored = vault.contacts.get(ana.id)
    assert (stored.phone, stored.snoozed_until) == ("555", TODAY + timedelta(days=3))


def test_refresh_reads_again_and_keeps_what_is_typed(qtbot: QtBot, vault: Vault) -> None:
    ana = vault.contacts.save(Contact("Ana"))
    page = people_page(qtbot, vault)
    vault.connections.log(at(9), ConnectionKind.CALL, contact_ids=[ana.id])  # from Today
    vault.contacts.save(Contact("Bea"))
    page.refresh()
    assert page.details.history.model.rowCount() == 1
    assert page.details.last_figure.value.text() == "today"
    assert list_names(page.contact_list) == ["Ana", "Bea"]
    qtbot.keyClicks(page.details.contact_form.email, "ana@example.org")
    vault.contacts.save(Contact("Ana", phone="1", id=ana.id))
    page.refresh()  # the form holds typing: it is not replaced
    assert page.details.contact_form.email.text() == "ana@example.org"
    assert page.details.kind == CONTACT


def test_a_community_shows_its_kind_schedule_and_meetings(qtbot: QtBot, vault: Vault) -> None:
    group = vault.communities.save(
        Community("Run club", CommunityKind.FITNESS, "Saturdays 8 am", "Park gate")
    )
    vault.connections.log(at(8), ConnectionKind.IN_PERSON, community_id=group.id)
    page = people_page(qtbot, vault)
    assert page.tabs.currentIndex() == 1  # no people yet: the groups are shown
    assert page.details.title.text() == "Run club"
    assert page.details.subtitle.text() == "Fitness group · Saturdays 8 am · Park gate"
    assert page.details.history.model.rowCount() == 1
    assert page.details.support_figure.value.text() == "–"


def test_import_contacts_from_a_vcard_on_the_people_page(
    qtbot: QtBot, vault: Vault, monkeypatch
) -> None:
    """Issue 9: vCard import is reachable from the People page, and the list shows them."""
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog

    vcf = Path(__file__).resolve().parents[1] / "data" / "vcard" / "apple_contacts_3_0.vcf"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(vcf), ""))
    page = people_page(qtbot, vault, autosave_ms=30)
    click(qtbot, page, "people_import_contacts")
    dialog = page.import_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20_000)
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(list_names(page.contact_list)) == 2)
    assert sorted(list_names(page.contact_list)) == sorted(c.name for c in vault.contacts.list())
