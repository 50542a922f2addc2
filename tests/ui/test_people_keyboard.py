# SPDX-License-Identifier: GPL-3.0-or-later
"""The People page and the log dialog by keyboard: Tab walks every control in reading order
(the left column top to bottom, then the one shown), never stays stuck on one, comes back
round, and every control it reaches has an object name and an accessible name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from recovery_desktop.core.models import ConnectionKind, Contact, Entry, Role
from recovery_desktop.storage import Vault
from recovery_desktop.ui.connections.log_dialog import LogConnectionDialog
from tests.ui.people_helpers import TODAY, at, choose_from_menu, dialog_of, people_page

STEPS = 200


def tab_walk(qtbot: QtBot, start: QWidget) -> list[QWidget]:
    """Press Tab from `start` until focus comes back to it; every stop, in order. Fails when
    a press leaves focus where it was (a trap) or never comes back."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    stops = [start]
    for _ in range(STEPS):
        before = QApplication.focusWidget()
        qtbot.keyClick(before, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None
        assert now is not before, f"Tab stays on {before.objectName() or type(before).__name__}"
        if now is start:
            return stops
        stops.append(now)
    raise AssertionError(f"Tab never came back to {start.objectName()}")


def named(widget: QWidget) -> QWidget:
    """The control a focused part belongs to (a spin box's line edit is the spin box)."""
    while not widget.objectName() and widget.parentWidget() is not None:
        widget = widget.parentWidget()
    return widget


def unnamed(stops: list[QWidget]) -> list[str]:
    return [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in map(named, stops)
        if not w.objectName() or not w.accessibleName()
    ]


def test_tab_walks_the_page_in_reading_order(qtbot: QtBot, vault: Vault) -> None:
    dana = vault.contacts.save(Contact("Dana", Role.SPONSOR, emergency=True))
    vault.contacts.save(Contact("Jess", Role.OTHER))  # to complete: its button is in the walk
    vault.connections.log(at(9), ConnectionKind.CALL, contact_ids=[dana.id], note="hi")
    vault.entries.save(Entry(TODAY, title="Coffee", body="with Dana", people=(dana.id,)))
    page = people_page(qtbot, vault)
    choose_from_menu(page.details.actions.log_button, "people_log_text")  # the note's buttons
    stops = tab_walk(qtbot, page.add_button)
    names = [named(w).objectName() for w in stops]
    assert names == [
        "people_add",
        "people_search",
        "people_sort",
        "people_tabs",
        "people_complete",
        "people_contacts",
        "people_show_archived",
        "people_import_contacts",
        "people_note_details",  # what just happened, above the person's name
        "people_note_undo",
        "people_log_connection",
        "people_archive",
        "people_delete",
        "contact_name",
        "contact_role",
        "contact_phone",
        "contact_email",
        "contact_reach_out",
        "contact_emergency",
        "contact_notes",
        "people_history",  # Tab into a list chooses its first row...
        "people_history_edit",  # ...so its buttons come next
        "people_history_delete",
        "people_mentions",
        "people_open_entry",
    ]
    assert unnamed(stops) == []


def test_tab_into_a_list_chooses_its_row_and_on_the_groups_tab(qtbot: QtBot, vault: Vault) -> None:
    dana = vault.contacts.save(Contact("Dana"))
    vault.connections.log(at(9), ConnectionKind.CALL, contact_ids=[dana.id])
    vault.entries.save(Entry(TODAY, title="Coffee", body="with Dana", people=(dana.id,)))
    page = people_page(qtbot, vault)
    names = [named(w).objectName() for w in tab_walk(qtbot, page.search)]
    assert names[names.index("people_history") :] == [
        "people_history",
        "people_history_edit",
        "people_history_delete",
        "people_mentions",
        "people_open_entry",
        "people_add",
    ]
    page.tabs.setCurrentIndex(1)
    page.add_new()  # a new group: only the form below the left column
    stops = tab_walk(qtbot, page.search)
    names = [named(w).objectName() for w in stops]
    assert names[names.index("people_show_archived") :] == [
        "people_show_archived",
        "people_import_contacts",
        "community_name",
        "community_kind",
        "community_schedule",
        "community_place",
        "community_notes",
        "people_add",
    ]
    assert unnamed(stops) == []


def test_the_log_dialog_by_keyboard(qtbot: QtBot, vault: Vault) -> None:
    vault.contacts.save(Contact("Dana"))
    page = people_page(qtbot, vault)
    choose_from_menu(page.details.actions.log_button, "people_log_details")
    dialog = dialog_of(qtbot, page, LogConnectionDialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    stops = tab_walk(qtbot, dialog.who.people_choice)
    names = [named(w).objectName() for w in stops]
    assert names == [
        "who_people",
        "who_filter",
        "who_people_list",
        "log_connection_when",
        "log_kind_call",  # one stop for the kinds (arrow keys move), as for the mood faces
        "log_initiated_me",
        "log_supported_skip",
        "log_connection_note",
        "log_connection_cancel",
        "log_connection_save",
    ]
    assert unnamed(stops) == []
    # Arrows choose the kind; Enter logs (Log it is the default button).
    kind = dialog.findChild(QWidget, "log_kind_call")
    kind.setFocus()
    qtbot.keyClick(kind, Qt.Key.Key_Right)
    assert dialog.kind_choice() is ConnectionKind.TEXT
    qtbot.keyClick(kind, Qt.Key.Key_Return)
    assert vault.connections.history(contact_id=vault.contacts.list()[0].id)[0].kind is (
        ConnectionKind.TEXT
    )
