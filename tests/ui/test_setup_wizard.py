# SPDX-License-Identifier: GPL-3.0-or-later
"""The first-run wizard end to end: passphrase, recovery code (copy, save 0600), type back,
vault on disk, main window; then lock with Ctrl+L and unlock with the passphrase."""

from __future__ import annotations

import stat
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from recovery_desktop.storage import Vault
from recovery_desktop.storage.vault import vault_exists
from recovery_desktop.ui.unlock.setup_wizard import CODE, CONFIRM, PASSPHRASE, SetupWizard
from tests.conftest import PASSPHRASE as GOOD_PASSPHRASE
from tests.ui.conftest import unlock_with, wait_main_window


def _to_code_page(qtbot, wizard: SetupWizard, passphrase: str = GOOD_PASSPHRASE) -> str:
    qtbot.mouseClick(wizard.start_button, Qt.MouseButton.LeftButton)
    assert wizard.page == PASSPHRASE
    qtbot.keyClicks(wizard.fields.passphrase, passphrase)
    qtbot.keyClicks(wizard.fields.confirmation, passphrase)
    assert wizard.create_button.isEnabled()
    qtbot.mouseClick(wizard.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.page == CODE, timeout=10_000)
    return wizard.code_view._code


def _type_back(qtbot, wizard: SetupWizard, code: str, mangle: bool = True) -> None:
    groups = code.split("-")
    for field, index in zip(wizard.confirm_fields, wizard.requested_groups, strict=True):
        text = groups[index]
        if mangle:  # case- and dash-insensitive
            text = f"{text[:2].lower()}-{text[2:]}"
        qtbot.keyClicks(field, text)


def test_setup_end_to_end_then_lock_and_unlock(
    qtbot, make_controller, vault_dir, tmp_path, monkeypatch
):
    controller = make_controller(vault_dir)
    controller.start()
    wizard = controller.setup_wizard
    assert isinstance(wizard, SetupWizard) and wizard.isVisible()
    assert controller.unlock_window is None

    code = _to_code_page(qtbot, wizard)
    assert len(code.split("-")) == 6
    # The code is shown in big groups, all of them, and nowhere a passphrase.
    shown = wizard.code_view.code_label.text()
    for group in code.split("-"):
        assert group in shown

    qtbot.mouseClick(wizard.code_view.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == code

    target = tmp_path / "my-code.txt"
    target.write_text("old contents")
    target.chmod(0o644)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Text files (*.txt)")
    )
    qtbot.mouseClick(wizard.code_view.save_button, Qt.MouseButton.LeftButton)
    assert code in target.read_text()
    assert "old contents" not in target.read_text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600

    qtbot.mouseClick(wizard.code_next, Qt.MouseButton.LeftButton)
    assert wizard.page == CONFIRM
    assert len(wizard.requested_groups) == 2
    _type_back(qtbot, wizard, code)
    qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)

    main = wait_main_window(qtbot, controller)
    assert vault_exists(vault_dir)
    assert controller.vault is not None and controller.vault.is_open
    assert not shiboken6.isValid(wizard) or not wizard.isVisible()
    # The recovery code really opens the new vault.
    Vault.derive_key_from_recovery_code(vault_dir, code)

    # Lock with Ctrl+L, then unlock with the passphrase.
    vault = controller.vault
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    qtbot.keyClick(main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: controller.unlock_window is not None and controller.unlock_window.isVisible()
    )
    assert not vault.is_open
    assert controller.main_window is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(main))
    assert controller.unlock_window.folder == vault_dir

    unlock_with(qtbot, controller, GOOD_PASSPHRASE)
    assert controller.vault.is_open


def test_wrong_groups_are_met_kindly_and_nothing_opens(qtbot, make_controller, vault_dir):
    controller = make_controller(vault_dir)
    controller.start()
    wizard = controller.setup_wizard
    code = _to_code_page(qtbot, wizard)
    qtbot.mouseClick(wizard.code_next, Qt.MouseButton.LeftButton)
    for field in wizard.confirm_fields:
        qtbot.keyClicks(field, "AAAAA" if "AAAAA" not in code else "BBBBB")
    qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
    first, second = (i + 1 for i in wizard.requested_groups)
    assert f"Groups {first} and {second} don't quite match" in wizard.confirm_error.text()
    assert controller.main_window is None
    # Going back shows the code again; then typing it right finishes.
    qtbot.mouseClick(wizard.back_to_code, Qt.MouseButton.LeftButton)
    assert wizard.page == CODE
    qtbot.mouseClick(wizard.code_next, Qt.MouseButton.LeftButton)
    _type_back(qtbot, wizard, code, mangle=False)
    qtbot.keyClick(wizard.confirm_fields[-1], Qt.Key.Key_Return)
    wait_main_window(qtbot, controller)


def test_passphrase_page_needs_a_matching_uncommon_passphrase(qtbot, make_controller, vault_dir):
    controller = make_controller(vault_dir)
    controller.start()
    wizard = controller.setup_wizard
    qtbot.mouseClick(wizard.start_button, Qt.MouseButton.LeftButton)
    fields = wizard.fields
    assert not wizard.create_button.isEnabled()

    qtbot.keyClicks(fields.passphrase, "short")
    assert "longer" in fields.strength.text()
    fields.passphrase.clear()
    qtbot.keyClicks(fields.passphrase, "password1")
    qtbot.keyClicks(fields.confirmation, "password1")
    assert "lists people try first" in fields.strength.text()
    assert not wizard.create_button.isEnabled()

    fields.clear()
    qtbot.keyClicks(fields.passphrase, GOOD_PASSPHRASE)
    assert fields.strength.text().startswith("Strong")
    qtbot.keyClicks(fields.confirmation, GOOD_PASSPHRASE + "x")
    assert "don't match" in fields.match.text()
    assert not wizard.create_button.isEnabled()
    qtbot.keyClick(fields.confirmation, Qt.Key.Key_Backspace)
    assert wizard.create_button.isEnabled()
    assert not vault_exists(vault_dir)  # nothing is made before the person says so


def test_leaving_before_confirming_the_code_removes_the_empty_vault(
    qtbot, make_controller, vault_dir, monkeypatch
):
    controller = make_controller(vault_dir)
    finished = []
    controller.finished.connect(lambda: finished.append(True))
    controller.start()
    wizard = controller.setup_wizard
    _to_code_page(qtbot, wizard)
    assert vault_exists(vault_dir)

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    wizard.close()
    assert wizard.isVisible() and vault_exists(vault_dir)

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    wizard.close()
    assert not vault_exists(vault_dir)
    assert not Path(vault_dir).exists()
    assert finished == [True]


def test_a_copied_recovery_code_leaves_the_clipboard(qtbot, monkeypatch):
    from recovery_desktop.ui.unlock import recovery_code
    from recovery_desktop.ui.unlock.recovery_code import RecoveryCodeView

    monkeypatch.setattr(recovery_code, "CLIPBOARD_CLEAR_MS", 50)
    clipboard = QApplication.clipboard()
    view = RecoveryCodeView()
    qtbot.addWidget(view)
    view.set_code("AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF")
    view.copy()
    assert clipboard.text() == "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF"
    view.deleteLater()  # set-up may close first; the clearing still happens
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=2000)
    # Something the person copied afterwards is left alone.
    view2 = RecoveryCodeView()
    qtbot.addWidget(view2)
    view2.set_code("AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF")
    view2.copy()
    clipboard.setText("my shopping list")
    qtbot.wait(150)
    assert clipboard.text() == "my shopping list"
    clipboard.clear()


def test_setup_by_keyboard_alone_and_the_wrong_group_is_named(qtbot, make_controller, vault_dir):
    """Enter presses each step's main button; a wrong group is named, with the cursor in it."""
    controller = make_controller(vault_dir)
    controller.start()
    wizard = controller.setup_wizard
    qtbot.waitUntil(lambda: QApplication.focusWidget() is wizard.start_button)
    qtbot.keyClick(wizard.start_button, Qt.Key.Key_Return)
    assert wizard.page == PASSPHRASE
    qtbot.keyClicks(wizard.fields.passphrase, GOOD_PASSPHRASE)
    qtbot.keyClick(wizard.fields.passphrase, Qt.Key.Key_Return)  # on to the confirmation
    assert QApplication.focusWidget() is wizard.fields.confirmation
    qtbot.keyClicks(wizard.fields.confirmation, GOOD_PASSPHRASE)
    _tab_to(qtbot, wizard.create_button)
    qtbot.keyClick(wizard.create_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.page == CODE, timeout=10_000)
    code = wizard.code_view._code
    wizard.code_next.setFocus()
    qtbot.keyClick(wizard.code_next, Qt.Key.Key_Enter)  # the keypad's Enter too
    assert wizard.page == CONFIRM

    groups = code.split("-")
    right, wrong = wizard.confirm_fields
    qtbot.keyClicks(right, groups[wizard.requested_groups[0]])
    qtbot.keyClicks(wrong, "AAAAA" if groups[wizard.requested_groups[1]] != "AAAAA" else "BBBBB")
    _tab_to(qtbot, wizard.finish_button)
    qtbot.keyClick(wizard.finish_button, Qt.Key.Key_Return)
    number = wizard.requested_groups[1] + 1
    assert wizard.confirm_error.text().startswith(f"Group {number} doesn't quite match")
    assert QApplication.focusWidget() is wrong and wrong.selectedText() == wrong.text()
    assert controller.main_window is None
    qtbot.keyClicks(wrong, groups[wizard.requested_groups[1]])  # replaces the selected text
    qtbot.keyClick(wrong, Qt.Key.Key_Return)
    wait_main_window(qtbot, controller)


def _tab_to(qtbot, target, most: int = 4) -> None:
    for _ in range(most):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is target:
            return
    raise AssertionError(f"Tab did not reach {target.objectName()} in {most} presses")
