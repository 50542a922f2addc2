# SPDX-License-Identifier: GPL-3.0-or-later
"""Settings > Change passphrase > "Also change the vault's key" (issue 6, point 2), end to end
through the app controller: a new key, passphrase and recovery code (shown once, confirmed as at
set-up), the session closed and reopened with the new key, old backups handled as chosen,
and a plain refusal while another program has the vault open."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt

from recovery_desktop.storage import Vault
from recovery_desktop.storage.key_copies import managed_copies, opens_with
from recovery_desktop.storage.rekey import OldBackups
from recovery_desktop.storage.vault_lock import VaultUseLock
from recovery_desktop.ui.keys.key_change_window import KeyChangeWindow
from recovery_desktop.ui.settings_dialog import SettingsDialog
from recovery_desktop.ui.unlock.new_passphrase import BACKUPS, CODE, FORM, NewPassphraseDialog
from tests.ui.conftest import unlock_with
from tests.ui.keys_helpers import (
    FIXTURE_CODE,
    FIXTURE_PASSPHRASE,
    key_files,
    opens,
    type_back,
    vault_with_backup,
)

NEW_PASSPHRASE = "river stones and morning light"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return vault_with_backup(tmp_path)


@pytest.fixture
def session(qtbot, make_controller, recording_pages, folder):
    controller = make_controller(folder, page_factories=recording_pages)
    controller.start()
    with qtbot.waitSignal(controller.slot_upgraded, timeout=10_000):  # the v1 slot, re-wrapped
        unlock_with(qtbot, controller, FIXTURE_PASSPHRASE)
    return controller


def _passphrase_dialog(qtbot, controller) -> NewPassphraseDialog:
    main = controller.main_window
    qtbot.mouseClick(main.settings_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: main.findChild(SettingsDialog) is not None)
    settings = main.findChild(SettingsDialog)
    qtbot.mouseClick(settings.change_passphrase, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: settings.findChild(NewPassphraseDialog) is not None)
    return settings.findChild(NewPassphraseDialog)


def _fill(qtbot, dialog: NewPassphraseDialog, new: str = NEW_PASSPHRASE) -> None:
    qtbot.keyClicks(dialog.current, FIXTURE_PASSPHRASE)
    qtbot.keyClicks(dialog.fields.passphrase, new)
    qtbot.keyClicks(dialog.fields.confirmation, new)
    assert dialog.also_change_key is not None and not dialog.also_change_key.isChecked()
    dialog.also_change_key.setChecked(True)
    assert dialog.save_button.text() == "Continue"


def _entry_titles(vault: Vault) -> list[str]:
    return [e.title for e in vault.entries.page(limit=50)]


@pytest.mark.parametrize("choice", list(OldBackups))
def test_changing_the_key_from_settings(qtbot, session, folder, choice: OldBackups):
    controller = session
    old_key = Vault.derive_key(folder, FIXTURE_PASSPHRASE)
    titles = _entry_titles(controller.vault)
    (backup,) = managed_copies([folder / "backups"])
    dialog = _passphrase_dialog(qtbot, controller)
    _fill(qtbot, dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    # The backup under the old key: re-encrypt is the default, the others warn.
    qtbot.waitUntil(lambda: dialog.page == BACKUPS, timeout=10_000)
    choices = dialog.backups_choice
    assert choices.choice() is OldBackups.REENCRYPT
    assert "a backup" in choices.text.text()
    choices.buttons[choice].setChecked(True)
    qtbot.mouseClick(dialog.backups_next, Qt.MouseButton.LeftButton)

    # The new recovery code, shown once and typed back; nothing has changed yet.
    assert dialog.page == CODE
    steps = dialog.steps
    code = steps.code
    assert all(group in steps.view.code_label.text() for group in code.split("-"))
    assert opens(folder / "vault.keys", FIXTURE_PASSPHRASE) == old_key
    qtbot.mouseClick(steps.next_button, Qt.MouseButton.LeftButton)
    type_back(qtbot, steps.check, code)
    main_before = controller.main_window
    with qtbot.waitSignal(controller.key_change_done, timeout=30_000) as done:
        qtbot.mouseClick(steps.confirm_button, Qt.MouseButton.LeftButton)
        # The session ended first: the vault's connection is closed while the key changes.
        assert isinstance(controller.key_change_window, KeyChangeWindow)
        assert controller.vault is None and controller.main_window is None

    # The journal is open again, under the new key, with everything in it.
    result = done.args[0]
    main = controller.main_window
    assert main is not None and main is not main_before and main.isVisible()
    assert result.isVisible() and result.parent() is main
    assert controller.key_change_window is None
    assert _entry_titles(controller.vault) == titles
    new_key = Vault.derive_key(folder, NEW_PASSPHRASE)
    assert new_key != old_key
    assert opens_with(folder / "vault.db", new_key)
    assert not opens_with(folder / "vault.db", old_key)
    keys = folder / "vault.keys"
    assert opens(keys, FIXTURE_PASSPHRASE) is None
    assert opens(keys, FIXTURE_CODE, code=True) is None
    assert opens(keys, code, code=True) == new_key

    summary = result.text.text()
    assert "new key" in summary and "old passphrase and recovery code no longer open" in summary
    assert "moved or copied elsewhere" in summary
    if choice is OldBackups.REENCRYPT:
        assert "re-encrypted" in summary
        assert opens_with(backup.db, new_key) and not opens_with(backup.db, old_key)
        assert opens(backup.keys, NEW_PASSPHRASE) == new_key
        assert opens(backup.keys, FIXTURE_PASSPHRASE) is None
        assert opens(backup.keys, FIXTURE_CODE, code=True) is None
    elif choice is OldBackups.DELETE:
        assert "deleted" in summary
        assert not backup.db.exists() and not backup.keys.exists()
    else:
        assert "OLD passphrase" in summary and backup.db.name in summary
        assert opens_with(backup.db, old_key)
        assert opens(backup.keys, FIXTURE_PASSPHRASE) == old_key
    qtbot.mouseClick(result.ok_button, Qt.MouseButton.LeftButton)
    assert not result.isVisible()

    # Locking and unlocking with the new passphrase works as ever.
    controller.lock()
    qtbot.waitUntil(lambda: controller.unlock_window is not None)
    unlock_with(qtbot, controller, NEW_PASSPHRASE)
    assert _entry_titles(controller.vault) == titles


def test_the_key_change_is_refused_while_another_program_has_the_vault_open(qtbot, session, folder):
    controller = session
    before = [keys.read_bytes() for keys in key_files(folder)]
    dialog = _passphrase_dialog(qtbot, controller)
    _fill(qtbot, dialog)
    other = VaultUseLock.acquire_shared(folder)  # as a `recovery-desktop add` would hold it
    try:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert "no other window or program" in dialog.error.text()
        assert dialog.page == FORM
    finally:
        other.release()

    # The other program closed: go on. It opens the vault again while the code is checked.
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page == BACKUPS, timeout=10_000)
    qtbot.mouseClick(dialog.backups_next, Qt.MouseButton.LeftButton)
    steps = dialog.steps
    qtbot.mouseClick(steps.next_button, Qt.MouseButton.LeftButton)
    type_back(qtbot, steps.check, steps.code)
    other = VaultUseLock.acquire_shared(folder)
    try:
        qtbot.mouseClick(steps.confirm_button, Qt.MouseButton.LeftButton)
        assert "no other window or program" in steps.check.error.text()
        assert controller.main_window is not None and controller.vault.is_open
        assert controller.key_change_window is None
    finally:
        other.release()
    assert [keys.read_bytes() for keys in key_files(folder)] == before
    Vault.derive_key(folder, FIXTURE_PASSPHRASE)
    Vault.derive_key_from_recovery_code(folder, FIXTURE_CODE)


def test_the_current_passphrase_must_be_right_and_the_new_one_new(qtbot, session, folder):
    before = [keys.read_bytes() for keys in key_files(folder)]
    dialog = _passphrase_dialog(qtbot, session)
    qtbot.keyClicks(dialog.current, "not my passphrase")
    qtbot.keyClicks(dialog.fields.passphrase, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.fields.confirmation, NEW_PASSPHRASE)
    dialog.also_change_key.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "did not open" in dialog.error.text(), timeout=10_000)
    assert dialog.page == FORM and dialog.current.isEnabled()

    # The same passphrase again would leave what someone may know working: refused before
    # anything slow runs (the rule is checked before the current passphrase is).
    dialog.current.setText(NEW_PASSPHRASE)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "haven't used before" in dialog.error.text()
    assert dialog.page == FORM
    assert [keys.read_bytes() for keys in key_files(folder)] == before
    assert shiboken6.isValid(session.main_window) and session.vault.is_open


def test_a_change_refused_at_the_last_moment_changes_nothing_and_says_so(
    qtbot, themed_app, cheap_cost, folder
):
    """Another program opened the vault between the check and the change itself: the window
    reports it, hands back the key that still opens the vault, and nothing changed."""
    from recovery_desktop.ui.keys.key_change import KeyChangePlan
    from recovery_desktop.ui.keys.key_change_window import outcome_text

    before = [keys.read_bytes() for keys in key_files(folder)]
    old_key = Vault.derive_key(folder, FIXTURE_PASSPHRASE)
    plan = KeyChangePlan(folder, old_key, NEW_PASSPHRASE, "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF")
    window = KeyChangeWindow(plan, cost=cheap_cost)
    qtbot.addWidget(window)
    window.show()
    other = VaultUseLock.acquire_shared(folder)
    try:
        with qtbot.waitSignal(window.finished_change, timeout=10_000) as finished:
            window.begin()
            window.close()  # not while it runs
            assert window.isVisible()
    finally:
        other.release()
    outcome = finished.args[0]
    assert outcome.key == old_key and not outcome.changed and not outcome.new_secrets
    heading, text = outcome_text(outcome, folder)
    assert "not changed" in heading
    assert "opened the vault just as the change began" in text
    assert "passphrase and recovery code are as before" in text
    assert [keys.read_bytes() for keys in key_files(folder)] == before


def test_every_key_control_has_an_accessible_name(qtbot, session):
    from recovery_desktop.ui.keys.new_recovery_code import NewRecoveryCodeDialog
    from tests.ui.test_unlock import _unnamed_focusable

    dialog = _passphrase_dialog(qtbot, session)
    assert _unnamed_focusable(dialog) == []  # every page, the key-change ones too
    settings = dialog.parent()
    assert _unnamed_focusable(settings) == []
    code_dialog = NewRecoveryCodeDialog(session.vault, settings)
    assert _unnamed_focusable(code_dialog) == []
