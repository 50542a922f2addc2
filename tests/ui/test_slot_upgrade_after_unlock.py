# SPDX-License-Identifier: GPL-3.0-or-later
"""A key slot older or cheaper than today's is re-wrapped after its secret unlocks the vault
(issue 6, point 3): on a worker, started once the main window is on screen, so the way to
Today never waits for it; the backup copies follow. The recovery-code unlock keeps working."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from recovery_desktop.storage import Vault
from recovery_desktop.storage.key_copies import managed_copies
from recovery_desktop.ui.unlock.new_passphrase import NewPassphraseDialog
from recovery_desktop.ui.unlock.recovery_code import RecoveryCodeDialog
from tests.ui.conftest import unlock_with, wait_main_window
from tests.ui.keys_helpers import (
    FIXTURE_CODE,
    FIXTURE_PASSPHRASE,
    key_files,
    opens,
    vault_with_backup,
)

NEW_PASSPHRASE = "river stones and morning light"


def _slot_versions(keys: Path) -> tuple[int, int]:
    """(passphrase, recovery) slot versions; a format-1 slot has no version field: 1."""
    slots = json.loads(keys.read_text())["slots"]
    return slots["passphrase"].get("version", 1), slots["recovery"].get("version", 1)


def test_an_old_slot_is_rewrapped_after_the_main_window_is_shown(
    qtbot, make_controller, recording_pages, tmp_path
):
    folder = vault_with_backup(tmp_path)
    assert [_slot_versions(keys) for keys in key_files(folder)] == [(1, 1), (1, 1)]
    controller = make_controller(folder, page_factories=recording_pages)
    controller.start()
    seen_at_unlock: list[tuple[bool, tuple[int, int]]] = []
    controller.unlocked.connect(
        lambda window: seen_at_unlock.append(
            (window.isVisible(), _slot_versions(folder / "vault.keys"))
        )
    )
    with qtbot.waitSignal(controller.slot_upgraded, timeout=10_000) as upgraded:
        unlock_with(qtbot, controller, FIXTURE_PASSPHRASE)
        # The window was on screen while the key file was still the old one: the unlock did
        # not wait for the re-wrap.
        assert seen_at_unlock == [(True, (1, 1))]
    assert upgraded.args == [True]
    # Only the slot whose secret was typed; the copy in backups/ follows.
    assert [_slot_versions(keys) for keys in key_files(folder)] == [(2, 1), (2, 1)]
    data_key = Vault.derive_key(folder, FIXTURE_PASSPHRASE)
    assert all(opens(keys, FIXTURE_PASSPHRASE) == data_key for keys in key_files(folder))
    assert controller.vault is not None and controller.vault.is_open


def test_a_recovery_code_unlock_still_works_and_upgrades_its_own_slot(
    qtbot, make_controller, recording_pages, tmp_path
):
    folder = vault_with_backup(tmp_path)
    controller = make_controller(folder, page_factories=recording_pages)
    controller.start()
    window = controller.unlock_window
    qtbot.mouseClick(window.recovery_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(RecoveryCodeDialog)
    qtbot.keyClicks(dialog.code_field, FIXTURE_CODE.lower())
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(NewPassphraseDialog) is not None, timeout=10_000)
    forced = window.findChild(NewPassphraseDialog)
    assert forced.also_change_key is None and forced.current is None
    qtbot.keyClicks(forced.fields.passphrase, NEW_PASSPHRASE)
    qtbot.keyClicks(forced.fields.confirmation, NEW_PASSPHRASE)
    with qtbot.waitSignal(controller.slot_upgraded, timeout=10_000) as upgraded:
        qtbot.mouseClick(forced.save_button, Qt.MouseButton.LeftButton)
        wait_main_window(qtbot, controller)
    assert upgraded.args == [True]
    # The new passphrase reached every copy; the recovery slot was re-wrapped after Today.
    assert [_slot_versions(keys) for keys in key_files(folder)] == [(2, 2), (2, 2)]
    data_key = Vault.derive_key(folder, NEW_PASSPHRASE)
    for keys in key_files(folder):
        assert opens(keys, FIXTURE_PASSPHRASE) is None
        assert opens(keys, NEW_PASSPHRASE) == data_key
        assert opens(keys, FIXTURE_CODE, code=True) == data_key
    assert len(managed_copies([folder / "backups"])) == 1

    controller.lock()
    qtbot.waitUntil(lambda: controller.unlock_window is not None)
    unlock_with(qtbot, controller, NEW_PASSPHRASE)
