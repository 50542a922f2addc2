# SPDX-License-Identifier: GPL-3.0-or-later
"""Every window walked with Tab only (tests/ui/tab_walk.py), in light and dark: Today and the
Journal in the main window (page content first, then the sidebar, Help now, Settings, Lock),
the unlock window and each step of the set-up wizard."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from recovery_desktop.core.models import Commitment, Contact, Entry, Goal, Role
from recovery_desktop.storage import Vault
from recovery_desktop.ui.app_settings import AppSettings
from recovery_desktop.ui.main_window import MainWindow
from recovery_desktop.ui.theme import apply_theme
from recovery_desktop.ui.unlock.setup_wizard import CODE, CONFIRM, PASSPHRASE, SetupWizard
from tests.conftest import PASSPHRASE as GOOD_PASSPHRASE
from tests.ui.tab_walk import assert_walkable, describe, tab_walk

TODAY = date.today()


@pytest.fixture(params=["light", "dark"])
def scheme(request, themed_app) -> Iterator[str]:
    apply_theme(themed_app, request.param)
    yield request.param
    apply_theme(themed_app)  # as the other tests expect it


def _fill(vault: Vault) -> None:
    """Enough for every kind of row on Today and in the Journal."""
    vault.contacts.save(Contact("Maria", Role.SPONSOR, reach_out_every_days=3))
    goal = vault.goals.save(Goal("Show up"))
    vault.goals.save_commitment(Commitment(goal_id=goal.id, promise="Call Mom", due_date=TODAY))
    vault.entries.save(Entry(entry_date=TODAY, title="Morning pages", body="A calm start."))
    for days in range(1, 6):
        vault.entries.save(Entry(entry_date=TODAY - timedelta(days=days), body=f"Day {days}"))


@pytest.fixture
def main_window(qtbot, scheme, vault: Vault) -> MainWindow:
    _fill(vault)
    window = MainWindow(vault, app_settings=AppSettings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _sidebar_and_status(window: MainWindow) -> list[QWidget]:
    return [window.sidebar, window.help_button, window.settings_button, window.lock_button]


def _walk_page(qtbot, window: MainWindow, key: str) -> None:
    page = window.show_page(key)
    window.lock_button.setFocus()
    qtbot.keyClick(window.lock_button, Qt.Key.Key_Tab)  # Tab from Lock: the page's first
    first = QApplication.focusWidget()
    assert page.isAncestorOf(first), describe(first)
    walk = tab_walk(qtbot, first)
    assert_walkable(walk)
    if key == "today":  # the chosen face, number and answer are the stops of their rows
        stops = [w.objectName() for w in walk.forward]
        rows = [n for n in stops if n.startswith(("mood_", "craving_", "sober_"))]
        assert rows in (["mood_1", "craving_0", "sober_yes"], ["mood_4", "craving_6", "sober_yes"])
    content, rest = walk.forward[:-4], walk.forward[-4:]
    assert rest == _sidebar_and_status(window), walk.names()
    assert all(page.isAncestorOf(w) for w in content), walk.names()


def test_today_page_content_first_then_sidebar_help_settings_lock(qtbot, main_window):
    # Focus starts in the page, not in the sidebar.
    today = main_window.pages["today"]
    qtbot.waitUntil(lambda: today.isAncestorOf(QApplication.focusWidget()))
    _walk_page(qtbot, main_window, "today")
    # Chosen answers are Tab stops of their rows, filled with the accent: still ringed.
    for name in ("mood_4", "craving_6", "sober_yes"):
        qtbot.mouseClick(today.findChild(QAbstractButton, name), Qt.MouseButton.LeftButton)
    assert today.findChild(QAbstractButton, "craving_6").isChecked()
    _walk_page(qtbot, main_window, "today")


def test_journal_page_with_its_filters_and_results(qtbot, main_window):
    _walk_page(qtbot, main_window, "journal")


def test_unlock_window(qtbot, scheme, make_controller, vault_and_code):
    vault, _code = vault_and_code
    vault.close()
    controller = make_controller(vault.folder)
    controller.start()
    window = controller.unlock_window
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.passphrase)
    assert_walkable(tab_walk(qtbot, window.passphrase))


def test_setup_wizard_every_step(qtbot, scheme, make_controller, vault_dir):
    controller = make_controller(vault_dir)
    controller.start()
    wizard = controller.setup_wizard
    assert isinstance(wizard, SetupWizard)
    assert_walkable(tab_walk(qtbot, wizard.start_button))
    qtbot.keyClick(wizard.start_button, Qt.Key.Key_Return)
    assert wizard.page == PASSPHRASE
    qtbot.keyClicks(wizard.fields.passphrase, GOOD_PASSPHRASE)
    qtbot.keyClicks(wizard.fields.confirmation, GOOD_PASSPHRASE)
    assert_walkable(tab_walk(qtbot, wizard.fields.passphrase))
    wizard.create_button.setFocus()
    qtbot.keyClick(wizard.create_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.page == CODE, timeout=10_000)
    assert_walkable(tab_walk(qtbot, wizard.code_view.copy_button))
    wizard.code_next.setFocus()
    qtbot.keyClick(wizard.code_next, Qt.Key.Key_Return)
    assert wizard.page == CONFIRM
    for field in wizard.confirm_fields:
        qtbot.keyClicks(field, "ABCDE")
    assert_walkable(tab_walk(qtbot, wizard.confirm_fields[0]))
