# SPDX-License-Identifier: GPL-3.0-or-later
"""The key screens speak of every folder the app keeps backups in, not only the vault's own
`backups/`: a new passphrase or recovery code reaches a backup on a drive the person chose, and
the screens name that folder; the choice about old backups before a key change counts and
names them wherever they are."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.ui.settings_dialog import SettingsDialog
from recovery_desktop.ui.unlock.new_passphrase import BACKUPS, DONE, NewPassphraseDialog
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock_with
from tests.ui.keys_helpers import opens

NEW_PASSPHRASE = "river stones and morning light"


@pytest.fixture
def folders(vault: Vault, vault_dir: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A vault with one backup in its own backups/ and one on a drive chosen for backups."""
    vault.make_backup()
    drive = tmp_path / "drive"
    vault.set_backup_folder(drive)
    vault.make_backup()
    vault.close()
    return vault_dir, drive


def _passphrase_dialog(qtbot, main) -> NewPassphraseDialog:
    qtbot.mouseClick(main.settings_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: main.findChild(SettingsDialog) is not None)
    settings = main.findChild(SettingsDialog)
    qtbot.mouseClick(settings.change_passphrase, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: settings.findChild(NewPassphraseDialog) is not None)
    return settings.findChild(NewPassphraseDialog)


def test_a_new_passphrase_names_every_backup_folder_it_reached(qtbot, themed_app, folders):
    folder, drive = folders
    vault = Vault.open(folder, PASSPHRASE)
    settings = SettingsDialog(vault, None, kdf_cost=KdfCost.cheap())
    qtbot.addWidget(settings)
    settings.show()
    try:
        qtbot.mouseClick(settings.change_passphrase, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: settings.findChild(NewPassphraseDialog) is not None)
        dialog = settings.findChild(NewPassphraseDialog)
        assert "wherever their folder" in dialog.intro.text()
        qtbot.keyClicks(dialog.current, PASSPHRASE)
        qtbot.keyClicks(dialog.fields.passphrase, NEW_PASSPHRASE)
        qtbot.keyClicks(dialog.fields.confirmation, NEW_PASSPHRASE)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.page == DONE, timeout=10_000)
        summary = dialog.summary.text()
        assert f"The 2 backups the app made ({folder / 'backups'}, {drive})" in summary
        (on_drive,) = drive.iterdir()
        assert opens(on_drive / "vault.keys", NEW_PASSPHRASE) is not None
        assert opens(on_drive / "vault.keys", PASSPHRASE) is None
        assert "away from where the app put them" in summary
    finally:
        vault.close()


def test_the_old_backups_choice_counts_and_names_every_folder(
    qtbot, make_controller, recording_pages, folders
):
    folder, drive = folders
    controller = make_controller(folder, page_factories=recording_pages)
    controller.start()
    main = unlock_with(qtbot, controller, PASSPHRASE)
    dialog = _passphrase_dialog(qtbot, main)
    qtbot.keyClicks(dialog.current, PASSPHRASE)
    qtbot.keyClicks(dialog.fields.passphrase, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.fields.confirmation, NEW_PASSPHRASE)
    dialog.also_change_key.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page == BACKUPS, timeout=10_000)
    text = dialog.backups_choice.text.text()
    assert text.startswith("There are 2 backups made with the vault's current key")
    assert str(folder / "backups") in text and str(drive) in text
    dialog.reject()
