# SPDX-License-Identifier: GPL-3.0-or-later
"""The unlock window: passphrase, wrong passphrase (files untouched, growing delay), recovery
code with a forced new passphrase, another vault, and Help now while locked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

from recovery_desktop.storage import Vault, WrongPassphraseError
from recovery_desktop.storage.vault_lock import LOCK_FILE_NAMES
from recovery_desktop.ui.help_now import HelpNowDialog
from recovery_desktop.ui.unlock.new_passphrase import DONE, NewPassphraseDialog
from recovery_desktop.ui.unlock.recovery_code import RecoveryCodeDialog
from recovery_desktop.ui.unlock.setup_wizard import SetupWizard
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock_with, wait_main_window

NEW_PASSPHRASE = "quiet river under autumn lamps"


@pytest.fixture
def locked_vault(vault_and_code: tuple[Vault, str]) -> tuple[Path, str]:
    """A real vault on disk, closed: its folder and recovery code."""
    vault, code = vault_and_code
    vault.close()
    return vault.folder, code


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes, except the empty lock files showing the app has the folder open."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in LOCK_FILE_NAMES
    }


def _type_and_enter(qtbot, field: QLineEdit, text: str) -> None:
    field.clear()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_unlock_with_passphrase(qtbot, make_controller, locked_vault):
    folder, _ = locked_vault
    controller = make_controller(folder)
    controller.start()
    window = controller.unlock_window
    assert window is not None and window.isVisible()
    assert controller.setup_wizard is None
    assert window.passphrase.echoMode() == QLineEdit.EchoMode.Password
    qtbot.mouseClick(window.show_toggle, Qt.MouseButton.LeftButton)
    assert window.passphrase.echoMode() == QLineEdit.EchoMode.Normal
    main = unlock_with(qtbot, controller, PASSPHRASE)
    assert controller.vault.is_open and controller.vault.folder == folder
    assert main.vault is controller.vault
    assert controller.app_settings.last_vault_path() == folder.resolve()


def test_wrong_passphrase_changes_nothing_and_waits_longer_each_time(
    qtbot, make_controller, locked_vault
):
    folder, _ = locked_vault
    before = _snapshot(folder)
    controller = make_controller(folder, failure_delays=(0, 0.15, 0.3))
    controller.start()
    window = controller.unlock_window

    _type_and_enter(qtbot, window.passphrase, "not my passphrase")
    qtbot.waitUntil(lambda: window.failures == 1)
    assert window.message.text() == "That passphrase didn't open the vault. Nothing was changed."
    assert window.current_delay == 0 and window.unlock_button.isEnabled()

    _type_and_enter(qtbot, window.passphrase, "still not it")
    qtbot.waitUntil(lambda: window.failures == 2)
    assert window.current_delay == pytest.approx(0.15)
    assert not window.unlock_button.isEnabled()
    assert window.unlock_button.text().startswith("Try again in")
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)  # ignored while waiting
    assert window.failures == 2 and not window.busy.busy
    qtbot.waitUntil(window.unlock_button.isEnabled, timeout=3000)
    assert window.unlock_button.text() == "Unlock"

    _type_and_enter(qtbot, window.passphrase, "one more wrong try")
    qtbot.waitUntil(lambda: window.failures == 3)
    assert window.current_delay == pytest.approx(0.3)
    qtbot.waitUntil(window.unlock_button.isEnabled, timeout=3000)
    _type_and_enter(qtbot, window.passphrase, "and again")
    qtbot.waitUntil(lambda: window.failures == 4)
    assert window.current_delay == pytest.approx(0.3)  # capped at the last step

    assert _snapshot(folder) == before  # byte for byte
    assert controller.main_window is None
    qtbot.waitUntil(window.unlock_button.isEnabled, timeout=3000)
    unlock_with(qtbot, controller, PASSPHRASE)


def test_recovery_code_then_forced_new_passphrase(qtbot, make_controller, locked_vault):
    folder, code = locked_vault
    controller = make_controller(folder)
    controller.start()
    window = controller.unlock_window
    qtbot.mouseClick(window.recovery_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(RecoveryCodeDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.code_field, code.lower().replace("-", " "))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: window.findChild(NewPassphraseDialog) is not None, timeout=5000)
    new_dialog = window.findChild(NewPassphraseDialog)
    qtbot.waitUntil(new_dialog.isVisible)
    assert controller.main_window is None  # not in before a new passphrase is chosen
    assert not new_dialog.save_button.isEnabled()
    qtbot.keyClicks(new_dialog.fields.passphrase, NEW_PASSPHRASE)
    qtbot.keyClicks(new_dialog.fields.confirmation, NEW_PASSPHRASE)
    qtbot.mouseClick(new_dialog.save_button, Qt.MouseButton.LeftButton)

    wait_main_window(qtbot, controller)
    assert not controller.vault.must_change_passphrase
    with pytest.raises(WrongPassphraseError):
        Vault.derive_key(folder, PASSPHRASE)
    Vault.derive_key(folder, NEW_PASSPHRASE)

    controller.lock()
    window = controller.unlock_window
    _type_and_enter(qtbot, window.passphrase, PASSPHRASE)
    qtbot.waitUntil(lambda: window.failures == 1)
    assert controller.main_window is None
    unlock_with(qtbot, controller, NEW_PASSPHRASE)


def test_leaving_the_new_passphrase_dialog_locks_again(qtbot, make_controller, locked_vault):
    folder, code = locked_vault
    controller = make_controller(folder)
    controller.start()
    window = controller.unlock_window
    window._try_recovery_code(code)
    qtbot.waitUntil(lambda: window.findChild(NewPassphraseDialog) is not None, timeout=5000)
    dialog = window.findChild(NewPassphraseDialog)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert "locked again" in window.message.text()
    assert controller.main_window is None
    Vault.derive_key(folder, PASSPHRASE)  # unchanged


def test_wrong_recovery_code_is_explained(qtbot, make_controller, locked_vault):
    folder, code = locked_vault
    before = _snapshot(folder)
    controller = make_controller(folder)
    controller.start()
    window = controller.unlock_window
    wrong = "0" * 5 + code[5:] if not code.startswith("00000") else "1" * 5 + code[5:]
    window._try_recovery_code(wrong)
    qtbot.waitUntil(lambda: window.failures == 1, timeout=5000)
    assert "recovery code didn't open" in window.message.text()
    assert window.findChild(NewPassphraseDialog) is None
    assert _snapshot(folder) == before


def test_open_another_vault_retargets_or_offers_set_up(
    qtbot, make_controller, locked_vault, tmp_path, monkeypatch
):
    folder, _ = locked_vault
    home = make_controller(tmp_path / "elsewhere")
    Vault.create(tmp_path / "elsewhere", "a different passphrase here", home.kdf_cost)[0].close()
    controller = make_controller(folder)
    controller.start()
    window = controller.unlock_window

    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "elsewhere")
    )
    qtbot.mouseClick(window.other_vault_button, Qt.MouseButton.LeftButton)
    assert window.folder == tmp_path / "elsewhere"
    assert str(tmp_path / "elsewhere") in window.folder_label.text()
    main = unlock_with(qtbot, controller, "a different passphrase here")
    assert main.vault.folder == tmp_path / "elsewhere"
    controller.lock()

    empty = tmp_path / "new-vault-here"
    empty.mkdir()
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(empty))
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes,
    )
    qtbot.mouseClick(controller.unlock_window.other_vault_button, Qt.MouseButton.LeftButton)
    assert asked and "no vault" in asked[0]
    wizard = controller.setup_wizard
    assert isinstance(wizard, SetupWizard) and wizard.isVisible()
    assert wizard.folder == empty


def test_help_now_while_locked_shows_the_default_crisis_lines(qtbot, make_controller, locked_vault):
    folder, _ = locked_vault
    controller = make_controller(folder)
    controller.start()
    window = controller.unlock_window
    qtbot.mouseClick(window.help_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(HelpNowDialog)
    assert dialog is not None and dialog.isVisible()
    numbers = list(dialog.copy_buttons.values())
    assert numbers == ["988", "1-800-662-4357"]
    button = next(b for b, n in dialog.copy_buttons.items() if n == "1-800-662-4357")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "1-800-662-4357"
    assert button.text() == "Copied"


def _unnamed_focusable(root) -> list[str]:
    from PySide6.QtWidgets import QAbstractScrollArea, QWidget

    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QAbstractScrollArea) and not widget.objectName():
            continue  # a plain scroll container, not a control
        if widget.objectName().startswith("qt_"):
            continue  # Qt's own inner parts (a spin box's line edit); the outer control is named
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and not widget.accessibleName():
            missing.append(f"{type(widget).__name__}:{widget.objectName()}")
    return missing


def test_every_control_has_an_accessible_name(qtbot, make_controller, locked_vault, tmp_path):
    folder, _ = locked_vault
    controller = make_controller(folder)
    controller.start()
    window = controller.unlock_window
    assert _unnamed_focusable(window) == []
    wizard = controller.show_setup(tmp_path / "another")
    assert _unnamed_focusable(wizard) == []
    for dialog in (RecoveryCodeDialog(wizard), HelpNowDialog.while_locked(wizard)):
        assert _unnamed_focusable(dialog) == []


def test_changing_the_passphrase_from_settings_asks_for_the_current_one(qtbot, vault, vault_dir):
    from recovery_desktop.storage import KdfCost

    dialog = NewPassphraseDialog(vault, None, cost=KdfCost.cheap())
    qtbot.addWidget(dialog)
    dialog.show()
    keys_before = (vault_dir / "vault.keys").read_bytes()
    qtbot.keyClicks(dialog.fields.passphrase, "river stones and morning light")
    qtbot.keyClicks(dialog.fields.confirmation, "river stones and morning light")
    assert not dialog.save_button.isEnabled()  # the current passphrase is still empty
    qtbot.keyClicks(dialog.current, "not my passphrase")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=5000)
    assert "did not open" in dialog.error.text()
    assert (vault_dir / "vault.keys").read_bytes() == keys_before
    dialog.current.clear()
    qtbot.keyClicks(dialog.current, PASSPHRASE)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    # Saved: the dialog says what changed, and what did not (copies moved elsewhere).
    qtbot.waitUntil(lambda: dialog.page == DONE, timeout=5000)
    assert "old passphrase no longer opens" in dialog.summary.text()
    assert "elsewhere" in dialog.summary.text()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    with pytest.raises(WrongPassphraseError):
        Vault.derive_key(vault_dir, PASSPHRASE)
    Vault.derive_key(vault_dir, "river stones and morning light")
