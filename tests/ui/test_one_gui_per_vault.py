# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 6, point 11 (first half), in one process: the controller holds the vault's app lock
from the moment it shows the unlock or set-up window, through lock and unlock, so a second app
is told before anyone types a passphrase. The vault itself stays open to the CLI."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from recovery_desktop.storage import Vault
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock_with


@pytest.fixture
def told(monkeypatch) -> list[str]:
    messages: list[str] = []

    def record(_parent: object, _title: str, text: str, *_: object, **__: object) -> object:
        messages.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", record)
    return messages


def test_a_second_app_is_told_before_the_passphrase(qtbot, make_controller, vault_folder, told):
    first = make_controller(vault_folder)
    first.start()
    assert first.unlock_window is not None and first.unlock_window.isVisible()

    second = make_controller(vault_folder)
    with qtbot.waitSignal(second.finished, timeout=5000):
        second.start()
    assert len(told) == 1 and "already has this vault open in another window" in told[0]
    assert second.unlock_window is None and second.setup_wizard is None

    # Locking and unlocking again keeps the vault to the first app.
    main = unlock_with(qtbot, first, PASSPHRASE)
    with Vault.open(vault_folder, PASSPHRASE) as cli:  # the CLI while the app is open: fine
        assert cli.is_open
    main.lock_requested.emit()
    assert first.unlock_window is not None
    third = make_controller(vault_folder)
    with qtbot.waitSignal(third.finished, timeout=5000):
        third.start()
    assert len(told) == 2

    first.shutdown()  # the app quits: the next one may open the vault
    fourth = make_controller(vault_folder)
    fourth.start()
    assert fourth.unlock_window is not None and fourth.unlock_window.isVisible()
    assert len(told) == 2


def test_set_up_in_an_existing_empty_folder_is_one_app_too(qtbot, make_controller, tmp_path, told):
    folder = tmp_path / "new-vault"
    folder.mkdir(mode=0o700)
    first = make_controller(folder)
    first.start()
    assert first.setup_wizard is not None
    second = make_controller(folder)
    with qtbot.waitSignal(second.finished, timeout=5000):
        second.start()
    assert second.setup_wizard is None and len(told) == 1


def test_another_vault_chosen_in_the_unlock_window_is_checked_too(
    qtbot, make_controller, vault_folder, tmp_path, cheap_cost, told, monkeypatch
):
    other_folder = tmp_path / "other"
    Vault.create(other_folder, PASSPHRASE, cheap_cost)[0].close()
    elsewhere = make_controller(other_folder)  # another app already shows that vault
    elsewhere.start()

    mine = make_controller(vault_folder)
    mine.start()
    window = mine.unlock_window
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(other_folder))
    window.choose_other_vault()
    if not told:  # the unlock window switches folders itself: the claim comes at unlock
        assert window.folder == other_folder
        window.passphrase.setText(PASSPHRASE)
        window.try_unlock()
        qtbot.waitUntil(lambda: len(told) == 1, timeout=10_000)
    assert "already has this vault open" in told[0]
    assert mine.main_window is None and mine.vault is None
    assert mine.unlock_window is not None and mine.unlock_window.folder == vault_folder
    # The first vault is still this app's own: it unlocks as before.
    unlock_with(qtbot, mine, PASSPHRASE)


def test_an_unsafe_folder_is_explained_before_the_passphrase(
    qtbot, make_controller, vault_folder, told
):
    vault_folder.chmod(0o777)
    controller = make_controller(vault_folder)
    controller.start()
    window = controller.unlock_window
    assert window is not None and window.isVisible()
    assert f"chmod 700 {vault_folder}" in window.message.text()
    assert not (vault_folder / "gui.lock").exists()  # nothing created in such a folder
    window.passphrase.setText(PASSPHRASE)
    window.try_unlock()
    qtbot.waitUntil(lambda: not window.busy.busy, timeout=10_000)
    assert controller.main_window is None and "chmod 700" in window.message.text()
    vault_folder.chmod(0o700)
