# SPDX-License-Identifier: GPL-3.0-or-later
"""Logging a connection in two clicks from Today, People and an entry, the log dialog for
details (several people, or a group), seeing it in the person's history, editing and deleting
it with Undo; reach-outs on Today that leave once logged or snoozed, and the link from a
reach-out to the person's page."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from recovery_desktop.core.models import (
    Community,
    CommunityKind,
    ConnectionKind,
    Contact,
    Entry,
    InitiatedBy,
    Role,
)
from recovery_desktop.storage import Vault
from recovery_desktop.ui.app_settings import AppSettings
from recovery_desktop.ui.connections.log_dialog import LogConnectionDialog
from recovery_desktop.ui.journal.page import JournalPage
from recovery_desktop.ui.main_window import MainWindow
from recovery_desktop.ui.people.two_line_delegate import DetailRole
from recovery_desktop.ui.today.page import TodayPage
from tests.ui.people_helpers import (
    TODAY,
    at,
    choose_from_menu,
    click,
    contact_due,
    dialog_of,
    people_page,
    select_row,
)


def today_page(qtbot: QtBot, vault: Vault, day: date = TODAY) -> TodayPage:
    page = TodayPage(vault, clock=lambda: at(10, day))
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    qtbot.waitExposed(page)
    return page


def tick_person(qtbot: QtBot, dialog: LogConnectionDialog, name: str) -> None:
    """Find a person in the dialog's list and tick them with the space bar."""
    assert dialog.who is not None
    view = dialog.who.people_list
    qtbot.keyClicks(dialog.who.filter, name)
    index = view.model().index(0, 0)
    assert index.data().startswith(name)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    qtbot.keyClick(view, Qt.Key.Key_Space)
    dialog.who.filter.clear()


# --- from People ------------------------------------------------------------------------------


def test_log_from_people_in_two_clicks_and_undo(qtbot: QtBot, vault: Vault) -> None:
    dana = vault.contacts.save(Contact("Dana R.", Role.SPONSOR))
    page = people_page(qtbot, vault)
    assert page.details.history.model.rowCount() == 0
    choose_from_menu(page.details.actions.log_button, "people_log_call")  # click 1, click 2
    (logged,) = vault.connections.history(contact_id=dana.id)
    assert logged.kind is ConnectionKind.CALL and logged.initiated_by is InitiatedBy.ME
    assert page.details.history.model.rowCount() == 1
    assert page.details.history.model.index(0, 0).data().endswith("· Call")
    assert page.details.last_figure.value.text() == "today"
    note = page.findChild(QLabel, "people_note_label")
    assert note.isVisible() and note.text().startswith("Logged: a call with Dana R. Thank you")
    assert page.contacts.index(0).data(Qt.ItemDataRole.AccessibleTextRole).count("today")
    click(qtbot, page, "people_note_undo")
    assert vault.connections.history(contact_id=dana.id) == []
    assert page.details.history.model.rowCount() == 0


def test_log_with_details_for_several_people(qtbot: QtBot, vault: Vault) -> None:
    dana = vault.contacts.save(Contact("Dana", Role.SPONSOR))
    sam = vault.contacts.save(Contact("Sam", Role.PEER))
    page = people_page(qtbot, vault)
    choose_from_menu(page.details.actions.log_button, "people_log_details")
    dialog = dialog_of(qtbot, page, LogConnectionDialog)
    assert dialog.who.contact_ids() == [dana.id]  # the person shown is chosen already
    tick_person(qtbot, dialog, "Sam")
    assert dialog.who.contact_ids() == [dana.id, sam.id]
    assert "Dana and Sam" in dialog.who.chosen.text()
    click(qtbot, dialog, "log_kind_in_person")
    click(qtbot, dialog, "log_initiated_them")
    click(qtbot, dialog, "log_supported_4")
    qtbot.keyClicks(dialog.note, "Coffee after the meeting")
    click(qtbot, dialog, "log_connection_save")
    assert not dialog.isVisible()
    for person in (dana, sam):
        (record,) = vault.connections.history(contact_id=person.id)
        assert record.kind is ConnectionKind.IN_PERSON
        assert record.initiated_by is InitiatedBy.THEM
        assert (record.felt_supported, record.note) == (4, "Coffee after the meeting")
    history = page.details.history.model
    assert history.index(0, 0).data(DetailRole) == (
        "they reached out · felt supported 4 of 5 · Coffee after the meeting"
    )
    assert (
        "Logged: in person with Dana and Sam" in page.findChild(QLabel, "people_note_label").text()
    )


def test_the_dialog_asks_for_someone_and_keeps_what_was_typed(qtbot: QtBot, vault: Vault) -> None:
    vault.contacts.save(Contact("Dana"))
    dialog = LogConnectionDialog(vault, None, now=lambda: at(10))
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.keyClicks(dialog.note, "A long talk")
    click(qtbot, dialog, "log_connection_save")
    assert dialog.isVisible()
    assert "tick at least one person" in dialog.findChild(QLabel, "log_connection_error").text()
    assert dialog.note.toPlainText() == "A long talk"
    assert vault.connections.count() == 0


def test_meetings_and_service_are_logged_with_a_group(qtbot: QtBot, vault: Vault) -> None:
    vault.contacts.save(Contact("Dana"))
    food_bank = vault.communities.save(Community("Food bank", CommunityKind.VOLUNTEER))
    page = people_page(qtbot, vault)
    choose_from_menu(page.details.actions.log_button, "people_log_details")
    dialog = dialog_of(qtbot, page, LogConnectionDialog)
    assert not dialog.findChild(QPushButton, "log_kind_meeting").isVisible()
    click(qtbot, dialog, "who_group")
    assert dialog.findChild(QPushButton, "log_kind_meeting").isVisible()
    assert dialog.kind_choice() is ConnectionKind.MEETING
    assert not dialog.findChild(QPushButton, "log_initiated_me").isVisible()
    click(qtbot, dialog, "log_kind_service")
    click(qtbot, dialog, "log_connection_save")
    (record,) = vault.connections.history(community_id=food_bank.id)
    assert (record.kind, record.contact_id) == (ConnectionKind.SERVICE, None)
    # On the group's own page the quick menu offers meetings and service.
    page.open_community(food_bank.id)
    names = [a.objectName() for a in page.details.actions.menu.actions() if a.objectName()]
    assert names[:2] == ["people_log_meeting", "people_log_service"]
    assert page.details.history.model.rowCount() == 1


def test_edit_and_delete_a_connection_with_undo(qtbot: QtBot, vault: Vault) -> None:
    dana = vault.contacts.save(Contact("Dana"))
    (first,) = vault.connections.log(
        at(9, TODAY - timedelta(days=2)), ConnectionKind.TEXT, contact_ids=[dana.id]
    )
    page = people_page(qtbot, vault)
    history = page.details.history
    view = history.view
    index = view.model().index(0, 0)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    click(qtbot, page, "people_history_edit")
    dialog = dialog_of(qtbot, page, LogConnectionDialog)
    assert dialog.findChild(QLabel, "log_connection_with").text() == "Dana"
    click(qtbot, dialog, "log_supported_5")
    qtbot.keyClicks(dialog.note, "She called me back")
    click(qtbot, dialog, "log_connection_save")
    edited = vault.connections.get(first.id)
    assert (edited.kind, edited.felt_supported, edited.note) == (
        ConnectionKind.TEXT,
        5,
        "She called me back",
    )
    assert edited.occurred_at == first.occurred_at
    click(qtbot, page, "people_note_undo")  # the edit, undone
    assert vault.connections.get(first.id).note == ""

    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    click(qtbot, page, "people_history_delete")
    assert vault.connections.get(first.id) is None
    assert history.model.rowCount() == 0
    assert "Deleted: a text on" in page.findChild(QLabel, "people_note_label").text()
    click(qtbot, page, "people_note_undo")
    assert vault.connections.get(first.id) == first  # back with its id
    assert history.model.rowCount() == 1


# --- from Today --------------------------------------------------------------------------------


def test_log_from_today_and_see_it_in_the_persons_history(qtbot: QtBot, vault: Vault) -> None:
    dana = contact_due(vault, "Dana", 3, 5, role=Role.SPONSOR)
    today = today_page(qtbot, vault)
    click(qtbot, today, f"i_connected_{dana.id}")
    click(qtbot, today, "connection_details")  # the follow-up's "More details…"
    dialog = dialog_of(qtbot, today, LogConnectionDialog)
    click(qtbot, dialog, "log_initiated_both")
    qtbot.keyClicks(dialog.note, "Talked about step four")
    click(qtbot, dialog, "log_connection_save")
    people = people_page(qtbot, vault)
    history = people.details.history.model
    assert history.rowCount() == 2
    newest = history.record(0)
    assert newest.occurred_at.astimezone().date() == TODAY
    assert (newest.kind, newest.initiated_by, newest.note) == (
        ConnectionKind.CALL,
        InitiatedBy.BOTH,
        "Talked about step four",
    )
    assert "we both reached out" in history.index(0, 0).data(DetailRole)


def test_several_people_from_todays_menu(qtbot: QtBot, vault: Vault) -> None:
    dana = vault.contacts.save(Contact("Dana"))
    sam = vault.contacts.save(Contact("Sam"))
    today = today_page(qtbot, vault)
    choose_from_menu(today.reach_out.connect_button, "connect_with_details")
    dialog = dialog_of(qtbot, today, LogConnectionDialog)
    tick_person(qtbot, dialog, "Dana")
    tick_person(qtbot, dialog, "Sam")
    click(qtbot, dialog, "log_connection_save")
    assert len(vault.connections.history(contact_id=dana.id)) == 1
    assert len(vault.connections.history(contact_id=sam.id)) == 1
    assert "Dana and Sam" in today.findChild(QLabel, "reach_out_empty").text()


def test_a_lapsed_reach_out_leaves_once_logged_or_snoozed(qtbot: QtBot, vault: Vault) -> None:
    maria = contact_due(vault, "Maria", 7, 9)
    leo = contact_due(vault, "Leo", 2, 4)
    fine = contact_due(vault, "Sam", 7, 1)
    today = today_page(qtbot, vault)
    due = [d.contact.id for d in today.reach_out.due]
    assert due == [leo.id, maria.id] and fine.id not in due  # most overdue first
    assert today.findChild(QWidget, f"due_row_{maria.id}") is not None

    click(qtbot, today, f"i_connected_{maria.id}")  # logged: gone
    qtbot.waitUntil(lambda: today.findChild(QWidget, f"due_row_{maria.id}") is None)

    snooze = today.findChild(QPushButton, f"due_snooze_{leo.id}")
    choose_from_menu(snooze, f"snooze_3_{leo.id}")  # snoozed: gone, and said with Undo
    qtbot.waitUntil(lambda: today.findChild(QWidget, f"due_row_{leo.id}") is None)
    assert vault.contacts.get(leo.id).snoozed_until == TODAY + timedelta(days=3)
    note = today.findChild(QLabel, "snooze_note_label")
    assert note.isVisible() and note.text().startswith("Leo's reminder is snoozed until")
    assert today.reach_out.due == []
    click(qtbot, today, "snooze_undo")
    assert vault.contacts.get(leo.id).snoozed_until is None
    qtbot.waitUntil(lambda: today.findChild(QWidget, f"due_row_{leo.id}") is not None)

    choose_from_menu(today.findChild(QPushButton, f"due_snooze_{leo.id}"), f"snooze_7_{leo.id}")
    assert vault.contacts.get(leo.id).snoozed_until == TODAY + timedelta(days=7)
    # A week later the reminder is back, saying how long it has really been.
    later = today_page(qtbot, vault, TODAY + timedelta(days=7))
    assert leo.id in [d.contact.id for d in later.reach_out.due]
    assert later.findChild(QLabel, f"due_detail_{leo.id}").text() == (
        "friend · last in touch 11 days ago"
    )


def test_a_reach_out_links_to_the_persons_page(qtbot: QtBot, themed_app, vault: Vault) -> None:
    vault.contacts.save(Contact("Ana"))
    maya = contact_due(vault, "Maya", 7, 10, role=Role.FAMILY, archived=False)
    vault.contacts.save(Contact("Zed"))
    window = MainWindow(vault, app_settings=AppSettings())
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    qtbot.waitExposed(window)
    today = window.pages["today"]
    link = today.findChild(QPushButton, f"due_name_{maya.id}")
    assert link.accessibleName() == "Open Maya's page in People"
    click(qtbot, today, f"due_name_{maya.id}")
    assert window.current_key == "people"
    people = window.pages["people"]
    assert people.details.record_id == maya.id
    assert people.contact_list.currentIndex().data() == "Maya"
    # Another person, then the link again: still found, even behind a search.
    qtbot.keyClicks(people.search, "Ana")
    window.show_page("today")
    click(qtbot, today, f"due_name_{maya.id}")
    assert window.current_key == "people" and people.details.record_id == maya.id
    assert people.search.text() == ""
    window.close()
    QApplication.processEvents()


# --- from an entry -----------------------------------------------------------------------------


def journal(qtbot: QtBot, vault: Vault) -> JournalPage:
    page = JournalPage(vault, autosave_ms=60_000, search_debounce_ms=10, undo_ms=60_000)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_log_an_entrys_people_in_one_action_and_undo(qtbot: QtBot, vault: Vault) -> None:
    dana = vault.contacts.save(Contact("Dana"))
    sam = vault.contacts.save(Contact("Sam"))
    day = TODAY - timedelta(days=3)
    entry = vault.entries.save(
        Entry(day, title="Pizza night", body="Dana and Sam came over.", people=(dana.id, sam.id))
    )
    page = journal(qtbot, vault)
    page.open_entry(entry.id)
    button = page.editor.log_connections
    choose_from_menu(button, "journal_log_mentions")  # click 1, click 2
    logged = vault.connections.for_entry(entry.id)
    assert {c.contact_id for c in logged} == {dana.id, sam.id}
    assert all(c.occurred_at.astimezone().date() == day for c in logged)
    assert all(c.kind is ConnectionKind.IN_PERSON for c in logged)
    notice = page.editor.notice
    assert notice.isVisible() and "in person with Dana and Sam" in notice.text()
    button.menu().aboutToShow.emit()
    texts = [a.text() for a in button.menu().actions()]
    assert "Already logged from this entry: Dana and Sam" in texts
    choose_from_menu(button, "journal_log_undo")
    assert vault.connections.for_entry(entry.id) == []


def test_log_from_an_entry_with_details_and_names_just_typed(qtbot: QtBot, vault: Vault) -> None:
    vault.contacts.save(Contact("Dana"))
    page = journal(qtbot, vault)
    qtbot.keyClicks(page.editor.body, "Walked with Dana and Priya.")
    qtbot.keyClicks(page.editor.people, "Dana, Priya")
    choose_from_menu(page.editor.log_connections, "journal_log_details")  # saves the entry
    priya = next(c for c in vault.contacts.list() if c.name == "Priya")  # made from the field
    dialog = dialog_of(qtbot, page, LogConnectionDialog)
    assert len(dialog.who.contact_ids()) == 2 and priya.id in dialog.who.contact_ids()
    click(qtbot, dialog, "log_kind_online")
    click(qtbot, dialog, "log_connection_save")
    entry_id = page.editor.entry_id
    assert {c.kind for c in vault.connections.for_entry(entry_id)} == {ConnectionKind.ONLINE}
    people = people_page(qtbot, vault)
    select_row(qtbot, people.contact_list, priya.id)
    assert "from a journal entry" in people.details.history.model.index(0, 0).data(DetailRole)
    assert people.details.mentions.model.rowCount() == 1
