# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 6, point 8: Ctrl+L locks from every window of the session (Settings, Help now, a
dialog over a dialog), and locking or quitting takes off the clipboard what the app put there,
never what the person copied since. The recovery code is marked secret for clipboard managers."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from recovery_desktop.ui.help_now import HelpNowDialog
from recovery_desktop.ui.settings_dialog import SettingsDialog
from recovery_desktop.ui.unlock.new_passphrase import NewPassphraseDialog
from recovery_desktop.ui.unlock.recovery_code import RecoveryCodeView
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock_with

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def clipboard(qapp):
    board = QApplication.clipboard()
    board.clear()
    yield board
    board.clear()


@pytest.fixture
def session(qtbot, make_controller, vault_folder, recording_pages):
    controller = make_controller(vault_folder, page_factories=recording_pages)
    controller.start()
    main = unlock_with(qtbot, controller, PASSPHRASE)
    return controller, main


def _press_ctrl_l(qtbot, controller, widget: QWidget) -> None:
    # Keys reach a window once it is the active one (and AppKeys reads them from then on).
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())
    with qtbot.waitSignal(controller.locked, timeout=5000):
        qtbot.keyClick(widget, Qt.Key.Key_L, CTRL)


def test_ctrl_l_with_settings_open_locks_and_closes_it(qtbot, session):
    controller, main = session
    vault = controller.vault
    main.show_settings()
    dialog = main.findChild(SettingsDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.lock_after.setFocus()
    _press_ctrl_l(qtbot, controller, dialog.lock_after)
    assert not vault.is_open and controller.main_window is None
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    assert controller.unlock_window is not None and controller.unlock_window.isVisible()


def test_ctrl_l_with_help_now_open_locks_and_closes_it(qtbot, session):
    controller, main = session
    main.show_help_now()
    dialog = main.findChild(HelpNowDialog)
    qtbot.waitExposed(dialog)
    button = next(iter(dialog.copy_buttons))
    _press_ctrl_l(qtbot, controller, button)
    assert controller.main_window is None
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()


def test_ctrl_l_from_a_dialog_over_settings(qtbot, session):
    controller, main = session
    main.show_settings()
    settings = main.findChild(SettingsDialog)
    qtbot.mouseClick(settings.change_passphrase, Qt.MouseButton.LeftButton)
    inner = settings.findChild(NewPassphraseDialog)
    assert inner is not None and inner.isVisible()
    _press_ctrl_l(qtbot, controller, inner)
    assert not shiboken6.isValid(inner) or not inner.isVisible()


def test_ctrl_l_in_the_unlock_window_does_nothing(qtbot, session):
    controller, main = session
    _press_ctrl_l(qtbot, controller, main)
    unlock = controller.unlock_window
    qtbot.keyClick(unlock.passphrase, Qt.Key.Key_L, CTRL)  # no session: nothing to lock
    assert controller.unlock_window is unlock and unlock.isVisible()


def test_lock_clears_a_number_copied_in_help_now(qtbot, session, clipboard):
    controller, main = session
    main.show_help_now()
    dialog = main.findChild(HelpNowDialog)
    button, number = next(iter(dialog.copy_buttons.items()))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == number
    _press_ctrl_l(qtbot, controller, button)
    assert clipboard.text() == ""


def test_lock_leaves_what_the_person_copied_since(qtbot, session, clipboard):
    controller, main = session
    main.show_help_now()
    dialog = main.findChild(HelpNowDialog)
    qtbot.mouseClick(next(iter(dialog.copy_buttons)), Qt.MouseButton.LeftButton)
    clipboard.setText("my shopping list")  # copied from another program afterwards
    _press_ctrl_l(qtbot, controller, dialog)
    assert clipboard.text() == "my shopping list"


def test_quitting_clears_what_the_app_copied(qtbot, session, clipboard):
    controller, main = session
    main.show_help_now()
    dialog = main.findChild(HelpNowDialog)
    button, number = next(iter(dialog.copy_buttons.items()))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == number
    controller.shutdown()  # what aboutToQuit runs
    assert clipboard.text() == ""


def test_quitting_leaves_what_the_person_copied(qtbot, session, clipboard):
    controller, main = session
    main.show_help_now()
    dialog = main.findChild(HelpNowDialog)
    qtbot.mouseClick(next(iter(dialog.copy_buttons)), Qt.MouseButton.LeftButton)
    clipboard.setText("an address I need")
    controller.shutdown()
    assert clipboard.text() == "an address I need"


def test_recovery_code_is_marked_secret_for_clipboard_managers(qtbot, clipboard):
    view = RecoveryCodeView()
    qtbot.addWidget(view)
    view.set_code("AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF")
    qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    mime = clipboard.mimeData()
    assert mime.hasFormat("text/plain")
    assert mime.text() == "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF"
    assert bytes(mime.data("x-kde-passwordManagerHint")) == b"secret"


def test_help_now_numbers_are_not_marked_secret(qtbot, themed_app, clipboard):
    dialog = HelpNowDialog.while_locked()
    qtbot.addWidget(dialog)
    qtbot.mouseClick(next(iter(dialog.copy_buttons)), Qt.MouseButton.LeftButton)
    assert not clipboard.mimeData().hasFormat("x-kde-passwordManagerHint")


def test_set_up_takes_the_confirmed_code_off_the_clipboard(
    qtbot, make_controller, vault_dir, clipboard
):
    from recovery_desktop.ui.unlock.setup_wizard import CONFIRM
    from tests.ui.conftest import wait_main_window
    from tests.ui.test_setup_wizard import _to_code_page, _type_back

    controller = make_controller(vault_dir)
    controller.start()
    wizard = controller.setup_wizard
    code = _to_code_page(qtbot, wizard)
    qtbot.mouseClick(wizard.code_view.copy_button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == code
    qtbot.mouseClick(wizard.code_next, Qt.MouseButton.LeftButton)
    assert wizard.page == CONFIRM
    _type_back(qtbot, wizard, code)
    qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
    wait_main_window(qtbot, controller)
    assert clipboard.text() == ""  # typed back, so kept safe: not left for a minute
