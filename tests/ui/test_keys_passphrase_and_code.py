# SPDX-License-Identifier: GPL-3.0-or-later
"""Settings: a new passphrase and a new recovery code reach every key copy the app manages
(issue 6, points 1 and 2), and the dialogs say so, and say what copies moved elsewhere keep."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.storage.key_copies import managed_copies, opens_with
from recovery_desktop.ui.keys.code_steps import CHECK, SHOW
from recovery_desktop.ui.keys.new_recovery_code import DONE as CODE_DONE
from recovery_desktop.ui.keys.new_recovery_code import STEPS, NewRecoveryCodeDialog
from recovery_desktop.ui.settings_dialog import SettingsDialog
from recovery_desktop.ui.unlock.new_passphrase import DONE, NewPassphraseDialog
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
def settings(qtbot, themed_app, folder: Path):
    vault = Vault.open(folder, FIXTURE_PASSPHRASE)
    dialog = SettingsDialog(vault, None, kdf_cost=KdfCost.cheap())
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog
    vault.close()


def _child(qtbot, parent, kind):
    qtbot.waitUntil(lambda: parent.findChild(kind) is not None, timeout=5000)
    return parent.findChild(kind)


def test_a_new_passphrase_opens_every_managed_copy_and_the_old_one_none(qtbot, settings, folder):
    data_key = Vault.derive_key(folder, FIXTURE_PASSPHRASE)
    assert all(opens(keys, FIXTURE_PASSPHRASE) == data_key for keys in key_files(folder))

    qtbot.mouseClick(settings.change_passphrase, Qt.MouseButton.LeftButton)
    dialog = _child(qtbot, settings, NewPassphraseDialog)
    assert dialog.also_change_key is None  # no session to reopen the vault: not offered
    assert "elsewhere" in dialog.intro.text()  # said before, not only after
    qtbot.keyClicks(dialog.current, FIXTURE_PASSPHRASE)
    qtbot.keyClicks(dialog.fields.passphrase, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.fields.confirmation, NEW_PASSPHRASE)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page == DONE, timeout=10_000)

    summary = dialog.summary.text()
    assert "old passphrase no longer opens" in summary
    # The one backup copy, in the folder it is in.
    assert f"The backup the app made ({folder / 'backups'}) follows the change" in summary
    assert "moved or copied elsewhere" in summary and "passphrase of the day" in summary
    files = key_files(folder)
    assert len(files) == 2
    for keys in files:
        assert opens(keys, FIXTURE_PASSPHRASE) is None, keys
        assert opens(keys, NEW_PASSPHRASE) == data_key, keys
        assert opens(keys, FIXTURE_CODE, code=True) == data_key  # the code is untouched
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert "new passphrase is saved" in settings.passphrase_note.text()


def _to_new_code(qtbot, settings, passphrase: str = FIXTURE_PASSPHRASE) -> NewRecoveryCodeDialog:
    qtbot.mouseClick(settings.new_recovery_code, Qt.MouseButton.LeftButton)
    dialog = _child(qtbot, settings, NewRecoveryCodeDialog)
    assert not dialog.continue_button.isEnabled()
    qtbot.keyClicks(dialog.current, passphrase)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    return dialog


def test_a_new_recovery_code_is_shown_once_confirmed_and_the_old_one_stops_working(
    qtbot, settings, folder
):
    data_key = Vault.derive_key(folder, FIXTURE_PASSPHRASE)
    dialog = _to_new_code(qtbot, settings)
    qtbot.waitUntil(lambda: dialog.page == STEPS, timeout=10_000)
    steps = dialog.steps
    code = steps.code
    assert steps.page == SHOW and len(code.split("-")) == 6
    assert all(group in steps.view.code_label.text() for group in code.split("-"))
    # Nothing changes before the code is confirmed.
    assert all(opens(keys, FIXTURE_CODE, code=True) == data_key for keys in key_files(folder))

    qtbot.mouseClick(steps.next_button, Qt.MouseButton.LeftButton)
    assert steps.page == CHECK
    for field in steps.check.fields:
        qtbot.keyClicks(field, "00000" if "00000" not in code else "11111")
    qtbot.mouseClick(steps.confirm_button, Qt.MouseButton.LeftButton)
    assert "quite match" in steps.check.error.text()  # "Group 5 doesn't", "Groups 5 and 6 don't"
    assert all(opens(keys, FIXTURE_CODE, code=True) == data_key for keys in key_files(folder))

    type_back(qtbot, steps.check, code)
    qtbot.mouseClick(steps.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page == CODE_DONE, timeout=10_000)
    summary = dialog.summary.text()
    assert "old recovery code no longer opens" in summary
    assert f"The backup the app made ({folder / 'backups'}) follows the change" in summary
    assert "recovery code of the day" in summary  # copies moved elsewhere
    files = key_files(folder)
    assert len(files) == 2
    for keys in files:
        assert opens(keys, FIXTURE_CODE, code=True) is None, keys
        assert opens(keys, code, code=True) == data_key, keys
        assert opens(keys, FIXTURE_PASSPHRASE) == data_key  # the passphrase stays
    # The backup copy really opens on its own with the new code.
    (backup,) = managed_copies([folder / "backups"])
    assert opens_with(backup.db, opens(backup.keys, code, code=True))
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert "old one no longer works" in settings.passphrase_note.text()


def test_a_new_code_needs_the_passphrase_and_leaving_early_changes_nothing(qtbot, settings, folder):
    before = [keys.read_bytes() for keys in key_files(folder)]
    dialog = _to_new_code(qtbot, settings, "not my passphrase")
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10_000)
    assert "isn't your current passphrase" in dialog.error.text()
    assert dialog.page == 0

    dialog.current.clear()
    qtbot.keyClicks(dialog.current, FIXTURE_PASSPHRASE)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page == STEPS, timeout=10_000)
    with qtbot.waitSignal(dialog.rejected, timeout=5000):
        qtbot.mouseClick(dialog.steps.cancel_button, Qt.MouseButton.LeftButton)
    assert [keys.read_bytes() for keys in key_files(folder)] == before
    assert dialog.steps.code == ""  # forgotten
    Vault.derive_key_from_recovery_code(folder, FIXTURE_CODE)
