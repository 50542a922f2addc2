# SPDX-License-Identifier: GPL-3.0-or-later
"""Locking: the idle timer (short interval injected), drafts flushed before the vault closes,
the main window and pages deleted, and the unlock window back for the same vault."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog

from recovery_desktop.storage import Vault
from recovery_desktop.ui.lock import MINUTE_MS
from recovery_desktop.ui.settings_dialog import SettingsDialog
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock_with
from tests.ui.test_idle_after_sleep import FakeClock, wake_up


def test_idle_timer_locks_and_drops_the_pages(
    qtbot, make_controller, vault_folder, recording_pages
):
    controller = make_controller(vault_folder, idle_interval_ms=250, page_factories=recording_pages)
    controller.start()
    main = unlock_with(qtbot, controller, PASSPHRASE)
    vault = controller.vault
    main.show_page("journal")
    pages = dict(main.pages)
    journal = pages["journal"]
    calls = journal.calls  # the list outlives the widget
    flush_states = journal.vault_open_at_flush

    with qtbot.waitSignal(controller.locked, timeout=5000):
        pass
    assert flush_states == [True]  # drafts saved while the vault was still open
    assert "flush" in calls
    assert not vault.is_open
    assert controller.main_window is None and controller.vault is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(main))
    assert all(not shiboken6.isValid(page) for page in pages.values())
    unlock = controller.unlock_window
    assert unlock is not None and unlock.isVisible() and unlock.folder == vault_folder
    # Unlocking again works, and the new session gets its own pages.
    again = unlock_with(qtbot, controller, PASSPHRASE)
    assert again is not main and controller.vault.is_open


def test_input_postpones_the_idle_lock(qtbot, make_controller, vault_folder, recording_pages):
    """Input keeps the session open; it locks once nobody has touched it for the interval.
    Idle time is read on a clock the test moves (as in test_idle_after_sleep), not waited for."""
    controller = make_controller(
        vault_folder, idle_interval_ms=5 * MINUTE_MS, page_factories=recording_pages
    )
    controller.start()
    main = unlock_with(qtbot, controller, PASSPHRASE)
    idle = controller.session.idle
    clock = FakeClock()
    idle.clock = clock
    idle.set_interval_ms(5 * MINUTE_MS)  # counted from now, on the test's clock
    for step in range(6):  # 6 x 4 minutes: longer than the interval, with input in between
        clock.now += 4 * 60
        qtbot.mouseMove(main.sidebar, QPoint(5 + step, 5))
        qtbot.keyClick(main.sidebar, Qt.Key.Key_Down)
        wake_up()  # the idle check, at once, as its one-second tick would
    assert controller.main_window is main and controller.vault.is_open
    clock.now += 6 * 60
    with qtbot.waitSignal(controller.locked, timeout=5000):
        wake_up()


def test_lock_closes_open_dialogs(qtbot, make_controller, vault_folder, recording_pages):
    controller = make_controller(vault_folder, page_factories=recording_pages)
    controller.start()
    main = unlock_with(qtbot, controller, PASSPHRASE)
    main.show_settings()
    dialog = main.findChild(SettingsDialog)
    assert dialog.isVisible()
    qtbot.mouseClick(main.lock_button, Qt.MouseButton.LeftButton)
    assert controller.main_window is None
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    assert QApplication.activeModalWidget() is None or not isinstance(
        QApplication.activeModalWidget(), QDialog
    )


def test_idle_interval_comes_from_the_vault_and_follows_settings(
    qtbot, make_controller, vault_folder, recording_pages
):
    vault = Vault.open(vault_folder, PASSPHRASE)
    vault.settings.set("lock_after_minutes", 7)
    vault.close()
    controller = make_controller(
        vault_folder, idle_interval_ms=None, page_factories=recording_pages
    )
    controller.start()
    main = unlock_with(qtbot, controller, PASSPHRASE)
    assert controller.session.idle.interval_ms == 7 * MINUTE_MS
    main.show_settings()
    dialog = main.findChild(SettingsDialog)
    dialog.lock_after.setValue(2)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert controller.session.idle.interval_ms == 2 * MINUTE_MS


def test_closing_the_window_flushes_and_closes_the_vault(
    qtbot, make_controller, vault_folder, recording_pages
):
    controller = make_controller(vault_folder, page_factories=recording_pages)
    finished = []
    controller.finished.connect(lambda: finished.append(True))
    controller.start()
    main = unlock_with(qtbot, controller, PASSPHRASE)
    vault = controller.vault
    today = main.pages["today"]
    states = today.vault_open_at_flush
    main.close()
    assert states == [True]
    assert not vault.is_open
    assert finished == [True]
    assert controller.unlock_window is None
