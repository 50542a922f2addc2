# SPDX-License-Identifier: GPL-3.0-or-later
"""The keyboard as people use it (issue 10, point 1): F1 opens Help now from every window,
Ctrl+Q quits after saving, Enter presses the focused button, the Journal's date filters let Tab
go, and Down or Enter in the search box moves into the results."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget

from recovery_desktop.core.models import Contact, Entry, Role
from recovery_desktop.storage import Vault
from recovery_desktop.ui.app_keys import AppKeys, key_bindings
from recovery_desktop.ui.help_now import HelpNowDialog
from recovery_desktop.ui.journal.page import JournalPage
from recovery_desktop.ui.journal.timeline_model import TimelineModel
from recovery_desktop.ui.settings_dialog import SettingsDialog
from recovery_desktop.ui.unlock.recovery_code import RecoveryCodeDialog
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock_with

TODAY = date.today()
CTRL = Qt.KeyboardModifier.ControlModifier


def _active(qtbot, window: QWidget) -> None:
    """Shown and holding the keyboard: keys reach a window only then (AppKeys starts reading
    a window's keys as it becomes the active one)."""
    qtbot.waitUntil(lambda: window.isVisible() and QApplication.activeWindow() is window)


def _help_now_over(qtbot, parent: QWidget) -> HelpNowDialog:
    qtbot.waitUntil(lambda: parent.findChild(HelpNowDialog) is not None)
    dialog = parent.findChild(HelpNowDialog)
    _active(qtbot, dialog)
    return dialog


@pytest.fixture
def locked_folder(vault_and_code: tuple[Vault, str]):
    vault, _code = vault_and_code
    vault.contacts.save(Contact("Dana R.", Role.SPONSOR, phone="555-0142", emergency=True))
    vault.close()
    return vault.folder


def test_f1_opens_help_now_on_the_unlock_screen_and_over_its_dialog(
    qtbot, make_controller, locked_folder
):
    controller = make_controller(locked_folder)
    controller.start()
    window = controller.unlock_window
    qtbot.keyClick(window.passphrase, Qt.Key.Key_F1)
    dialog = _help_now_over(qtbot, window)
    assert "988" in dialog.copy_buttons.values()  # the crisis lines, while locked
    assert "555-0142" not in dialog.copy_buttons.values()  # nothing from the locked vault
    dialog.reject()
    qtbot.waitUntil(lambda: window.findChild(HelpNowDialog) is None)

    window.ask_recovery_code()
    code_dialog = window.findChild(RecoveryCodeDialog)
    _active(qtbot, code_dialog)
    qtbot.keyClick(code_dialog.code_field, Qt.Key.Key_F1)
    over_dialog = _help_now_over(qtbot, code_dialog)  # on top of the dialog, not under it
    qtbot.keyClick(over_dialog, Qt.Key.Key_F1)  # F1 again: the same Help now, not a second
    assert len(code_dialog.findChildren(HelpNowDialog)) == 1
    over_dialog.reject()
    code_dialog.reject()


def test_f1_opens_help_now_during_set_up(qtbot, make_controller, vault_dir):
    controller = make_controller(vault_dir)
    controller.start()
    wizard = controller.setup_wizard
    qtbot.keyClick(wizard.start_button, Qt.Key.Key_F1)
    assert "988" in _help_now_over(qtbot, wizard).copy_buttons.values()


def test_f1_opens_help_now_with_my_people_from_the_pages_and_settings(
    qtbot, make_controller, locked_folder
):
    controller = make_controller(locked_folder)
    controller.start()
    window = unlock_with(qtbot, controller, PASSPHRASE)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
    dialog = _help_now_over(qtbot, window)
    assert "555-0142" in dialog.copy_buttons.values()
    dialog.reject()
    qtbot.waitUntil(lambda: window.findChild(HelpNowDialog) is None)

    window.show_settings()
    settings = window.findChild(SettingsDialog)
    _active(qtbot, settings)
    qtbot.keyClick(settings.lock_after, Qt.Key.Key_F1)
    assert "555-0142" in _help_now_over(qtbot, settings).copy_buttons.values()


def test_quit_keys_are_the_platforms_and_ctrl_q(qapp) -> None:
    keys = key_bindings(QKeySequence.StandardKey.Quit, "Ctrl+Q")
    assert QKeySequence("Ctrl+Q") in keys
    assert all(k in keys for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Quit))
    assert QKeySequence("F1") in key_bindings(QKeySequence.StandardKey.HelpContents, "F1")


def test_ctrl_q_saves_what_was_typed_then_quits(qtbot, make_controller, locked_folder):
    controller = make_controller(locked_folder)
    controller.start()
    window = unlock_with(qtbot, controller, PASSPHRASE)
    gratitude = window.findChild(QLineEdit, "gratitude")
    qtbot.keyClicks(gratitude, "the walk home")  # not saved yet: autosave waits four seconds
    with qtbot.waitSignal(controller.finished, timeout=5000):
        qtbot.keyClick(gratitude, Qt.Key.Key_Q, CTRL)
    assert controller.main_window is None and controller.vault is None
    vault = Vault.open(locked_folder, PASSPHRASE)
    try:
        assert vault.entries.checkin_for(TODAY).gratitude == "the walk home"
    finally:
        vault.close()


def test_ctrl_q_quits_from_a_dialog_and_from_the_unlock_and_set_up_windows(
    qtbot, make_controller, locked_folder, tmp_path
):
    controller = make_controller(locked_folder)
    controller.start()
    window = unlock_with(qtbot, controller, PASSPHRASE)
    window.show_settings()
    settings = window.findChild(SettingsDialog)
    _active(qtbot, settings)
    with qtbot.waitSignal(controller.finished, timeout=5000):
        qtbot.keyClick(settings.lock_after, Qt.Key.Key_Q, CTRL)
    assert controller.main_window is None
    controller.shutdown()  # what the app's aboutToQuit runs: the folder is free again

    again = make_controller(locked_folder)
    again.start()
    with qtbot.waitSignal(again.finished, timeout=5000):
        qtbot.keyClick(again.unlock_window.passphrase, Qt.Key.Key_Q, CTRL)

    fresh = make_controller(tmp_path / "new-vault")
    fresh.start()
    wizard = fresh.setup_wizard
    with qtbot.waitSignal(fresh.finished, timeout=5000):
        qtbot.keyClick(wizard.start_button, Qt.Key.Key_Q, CTRL)
    assert fresh.unlock_window is None  # quitting set-up does not go back to another window
    assert not shiboken6.isValid(wizard) or not wizard.isVisible()


def test_enter_presses_the_focused_button_on_a_page(qtbot, make_controller, locked_folder):
    controller = make_controller(locked_folder)
    controller.start()
    window = unlock_with(qtbot, controller, PASSPHRASE)
    qtbot.keyClicks(window.findChild(QLineEdit, "gratitude"), "tea")
    save = window.findChild(QPushButton, "checkin_save")
    save.setFocus()
    qtbot.keyClick(save, Qt.Key.Key_Return)
    assert controller.vault.entries.checkin_for(TODAY).gratitude == "tea"
    assert QApplication.instance().findChild(AppKeys, "app_keys") is not None


@pytest.fixture
def journal(qtbot, themed_app, vault: Vault) -> JournalPage:
    for days, body in enumerate(["Rain on the window", "A long walk", "Rain again, and tea"]):
        vault.entries.save(Entry(entry_date=TODAY - timedelta(days=days), body=body))
    page = JournalPage(vault, search_debounce_ms=10)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


@pytest.mark.parametrize("key", [Qt.Key.Key_Down, Qt.Key.Key_Return])
def test_down_or_enter_in_the_search_box_goes_into_the_results(qtbot, journal, key):
    journal.focus_search()
    qtbot.keyClicks(journal.search_bar.search, "rain")
    qtbot.keyClick(journal.search_bar.search, key)
    qtbot.waitUntil(lambda: journal.timeline.hasFocus())
    assert journal.model.rowCount() == 2
    first, second = journal.model.index(0), journal.model.index(1)
    assert journal.timeline.selectionModel().isSelected(first)
    assert journal.editor.entry_id == first.data(TimelineModel.IdRole)
    qtbot.keyClick(journal.timeline, Qt.Key.Key_Down)  # on through the results
    assert journal.editor.entry_id == second.data(TimelineModel.IdRole)
    assert "rain" in journal.editor.body.toPlainText().lower()
    qtbot.keyClick(journal.timeline, Qt.Key.Key_Return)  # and into the text
    assert QApplication.focusWidget() is journal.editor.body


def test_tab_through_the_list_does_not_open_an_entry(qtbot, journal):
    journal.new_button.setFocus()
    qtbot.keyClick(journal.new_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is journal.timeline
    assert journal.editor.entry_id is None  # still the new, blank entry
    qtbot.keyClick(journal.timeline, Qt.Key.Key_Space)  # choosing the marked row opens it
    assert journal.editor.body.toPlainText() == "Rain on the window"


@pytest.mark.parametrize("day", [None, TODAY])
def test_tab_leaves_the_date_filters(qtbot, journal, day):
    bar = journal.search_bar
    bar.date_from.set_day(day)
    bar.date_from.setFocus()
    qtbot.keyClick(bar.date_from, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is bar.date_to
    qtbot.keyClick(bar.date_to, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is bar.date_from
    qtbot.keyClick(bar.date_from, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is bar.person
