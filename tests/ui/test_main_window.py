# SPDX-License-Identifier: GPL-3.0-or-later
"""The shell: sidebar pages, coming-soon pages, Help now from every page, shortcuts, settings,
and nothing private in QSettings."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from recovery_desktop.core.models import Contact, Entry, Role
from recovery_desktop.storage import Vault
from recovery_desktop.ui.app_settings import AppSettings, settings_file
from recovery_desktop.ui.coming_soon import ComingSoonPage
from recovery_desktop.ui.help_now import HelpNowDialog
from recovery_desktop.ui.main_window import MainWindow
from recovery_desktop.ui.settings_dialog import SettingsDialog
from recovery_desktop.ui.sidebar_pages import SIDEBAR_PAGES
from tests.conftest import PASSPHRASE
from tests.ui.conftest import RecordingPage, unlock_with

PAGES = ["Today", "Journal", "People", "Goals", "Insights", "Safety plan", "Export & backup"]


@pytest.fixture
def window(qtbot, themed_app, vault: Vault, recording_pages) -> MainWindow:
    main = MainWindow(vault, app_settings=AppSettings(), page_factories=recording_pages)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    return main


def _select(qtbot, main: MainWindow, row: int) -> QWidget:
    main.sidebar.setFocus()
    main.sidebar.setCurrentRow(row)
    return main.stack.currentWidget()


def test_sidebar_lists_every_page_and_switches(qtbot, window):
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == PAGES
    assert window.stack.currentWidget() is window.pages["today"]
    assert list(window.pages) == ["today"]  # other pages are built when first shown
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)
    assert window.stack.currentWidget() is window.pages["journal"]
    for row, title in enumerate(PAGES[2:], start=2):
        page = _select(qtbot, window, row)
        assert page.accessibleName() == title
        if SIDEBAR_PAGES[row].page_class is not None:  # a page of its own, tested on its own
            assert not isinstance(page, ComingSoonPage)
            continue
        assert isinstance(page, ComingSoonPage)
        assert page.findChild(QWidget, "page_title").text() == title
        assert len(page.findChild(QWidget, "coming_soon_text").text()) > 40
    _select(qtbot, window, 0)
    assert window.pages["today"].calls[-1] == "refresh"  # shown again: refreshed


def test_help_now_from_every_page(qtbot, window, vault):
    vault.contacts.save(Contact("Dana R.", Role.SPONSOR, phone="555-0142", emergency=True))
    for row in range(len(PAGES)):
        _select(qtbot, window, row)
        assert window.help_button.isVisible()
        qtbot.mouseClick(window.help_button, Qt.MouseButton.LeftButton)
        dialog = window.findChild(HelpNowDialog)
        assert dialog is not None and dialog.isVisible(), PAGES[row]
        assert "988" in dialog.copy_buttons.values()
        assert "555-0142" in dialog.copy_buttons.values()
        button = next(b for b, n in dialog.copy_buttons.items() if n == "555-0142")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert QApplication.clipboard().text() == "555-0142"
        QApplication.clipboard().clear()
        dialog.reject()
        qtbot.waitUntil(lambda: window.findChild(HelpNowDialog) is None)


def test_shortcuts_route_to_the_journal_and_lock(qtbot, window):
    locks = []
    window.lock_requested.connect(lambda: locks.append(True))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    journal = window.pages["journal"]
    assert window.stack.currentWidget() is journal
    assert journal.calls[-1] == "new_entry"
    _select(qtbot, window, 3)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is journal and journal.calls[-1] == "focus_search"
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert journal.calls[-1] == "save_now"
    # Elsewhere Ctrl+S saves the journal's draft as it is, without finishing it.
    _select(qtbot, window, 0)
    today = window.pages["today"]
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert today.calls[-1] == "flush" and journal.calls[-1] == "flush"
    _select(qtbot, window, 1)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert locks == [True]
    qtbot.mouseClick(window.lock_button, Qt.MouseButton.LeftButton)
    assert locks == [True, True]


def test_today_signals_open_the_journal(qtbot, window):
    today: RecordingPage = window.pages["today"]
    today.open_entry_requested.emit(42)
    journal = window.pages["journal"]
    assert window.stack.currentWidget() is journal and journal.calls[-1] == "open_entry:42"
    window.show_page("today")
    today.new_entry_requested.emit()
    assert window.stack.currentWidget() is journal and journal.calls[-1] == "new_entry"


def test_every_chrome_control_has_a_name_and_takes_focus(window):
    for widget in (window.sidebar, window.help_button, window.settings_button, window.lock_button):
        assert widget.accessibleName(), widget.objectName()
        assert widget.objectName()
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert "Vault:" in window.vault_label.text()


def test_dialogs_name_every_control(qtbot, window):
    from recovery_desktop.ui.unlock.new_passphrase import NewPassphraseDialog
    from tests.ui.test_unlock import _unnamed_focusable

    assert _unnamed_focusable(window) == []
    window.show_settings()
    window.show_help_now()
    for dialog in (
        window.findChild(SettingsDialog),
        window.findChild(HelpNowDialog),
        NewPassphraseDialog(window.vault, window),
    ):
        assert _unnamed_focusable(dialog) == [], type(dialog).__name__


def test_settings_dialog_saves_into_the_vault(qtbot, window, vault):
    changed = []
    window.settings_changed.connect(lambda: changed.append(True))
    qtbot.mouseClick(window.settings_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.lock_after.value() == 5 and not dialog.on_this_day.isChecked()
    assert dialog.lock_after.minimum() == 1 and dialog.lock_after.maximum() == 120
    dialog.lock_after.selectAll()
    qtbot.keyClicks(dialog.lock_after, "12")
    qtbot.mouseClick(dialog.on_this_day, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert vault.settings.get("lock_after_minutes") == 12
    assert vault.settings.get("on_this_day") is True
    assert changed == [True]


def test_qsettings_hold_no_entry_text(qtbot, make_controller, vault_and_code, isolated_home):
    vault, _ = vault_and_code
    marker = "Zebra-lantern-7731 private words"
    vault.entries.save(Entry(entry_date=date.today(), body=marker, title=f"Title {marker}"))
    vault.contacts.save(Contact("Marker Person Qx", phone="555-0199", emergency=True))
    vault.close()

    controller = make_controller(vault.folder)
    controller.start()
    main = unlock_with(qtbot, controller, PASSPHRASE)
    for row in range(main.sidebar.count()):
        main.sidebar.setCurrentRow(row)
    main.show_help_now()
    main.resize(main.width() + 10, main.height())
    controller.lock()
    main = unlock_with(qtbot, controller, PASSPHRASE)
    main.close()
    assert not controller.main_window and controller.vault is None

    path = settings_file()
    assert path.is_relative_to(isolated_home)
    assert path.is_file()
    text = path.read_bytes()
    assert b"geometry" in text and b"last_path" in text
    for config in (isolated_home / "config").rglob("*"):
        if config.is_file():
            data = config.read_bytes()
            for secret in (b"Zebra-lantern", b"Marker Person", b"555-0199", PASSPHRASE.encode()):
                assert secret not in data, config


def test_the_app_icon_is_bundled_and_renders(qapp):
    from PySide6.QtGui import QIcon

    from recovery_desktop.config import resource_path

    path = resource_path("icons", "recovery-desktop.svg")
    assert path.is_file()
    assert not QIcon(str(path)).pixmap(64, 64).isNull()


def test_the_sidebar_panel_shows_its_own_colour(qtbot, window):
    from PySide6.QtGui import QColor

    from recovery_desktop.ui.theme import current_scheme

    image = window.grab().toImage()
    beside_help_now = window.help_button.mapTo(window, window.help_button.rect().topLeft())
    pixel = image.pixel(1, beside_help_now.y() - 2)  # the panel's margin, left of the list
    assert QColor(pixel).name() == current_scheme().sidebar
