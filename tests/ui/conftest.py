# SPDX-License-Identifier: GPL-3.0-or-later
"""Fixtures for the shell's UI tests: a themed app, an app controller with cheap costs, and
small recording pages that stand in for Today and Journal where a test checks the wiring."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool, Signal
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from recovery_desktop.core import words
from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.ui.app_settings import AppSettings
from recovery_desktop.ui.controller import AppController
from recovery_desktop.ui.garbage import collect_on_gui_thread
from recovery_desktop.ui.theme import apply_theme

FAST_DELAYS = (0, 0.15, 0.3)


@pytest.fixture(autouse=True)
def _collect_on_gui_thread(qapp: QApplication) -> None:
    """As the app's start-up does: Python's cycle collector runs only between events on the
    GUI thread, never inside a worker or in the middle of Qt painting a widget."""
    collect_on_gui_thread(qapp)


@pytest.fixture
def themed_app(qapp: QApplication) -> Iterator[QApplication]:
    """The app as `app._make_application` sets it up: themed, and the words of insights/ and
    charts/ going through Qt's translator (core/words.py)."""
    apply_theme(qapp)
    previous = words.install(QCoreApplication.translate)
    yield qapp
    words.install(previous)


class RecordingPage(QWidget):
    """A page that notes every contract call, with the vault's state at that moment."""

    open_entry_requested = Signal(int)
    new_entry_requested = Signal()

    def __init__(self, name: str, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}_page")
        self.vault = vault
        self.calls: list[str] = []
        self.vault_open_at_flush: list[bool] = []
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(name, self))

    def flush(self) -> None:
        self.calls.append("flush")
        self.vault_open_at_flush.append(self.vault.is_open)

    def refresh(self) -> None:
        self.calls.append("refresh")

    def new_entry(self) -> None:
        self.calls.append("new_entry")

    def focus_search(self) -> None:
        self.calls.append("focus_search")

    def save_now(self) -> None:
        self.calls.append("save_now")

    def open_entry(self, entry_id: int) -> None:
        self.calls.append(f"open_entry:{entry_id}")


@pytest.fixture
def recording_pages() -> dict[str, Callable[[Vault, QWidget], QWidget]]:
    return {
        "today": lambda vault, parent: RecordingPage("today", vault, parent),
        "journal": lambda vault, parent: RecordingPage("journal", vault, parent),
    }


@pytest.fixture
def vault_folder(vault_and_code: tuple[Vault, str]) -> Path:
    """A fresh vault's folder with the vault closed, for a controller to unlock."""
    vault, _code = vault_and_code
    vault.close()
    return vault.folder


@pytest.fixture
def make_controller(
    qtbot, themed_app: QApplication, cheap_cost: KdfCost
) -> Iterator[Callable[..., AppController]]:
    """Build an AppController with cheap KDF and tiny failure delays; cleaned up after."""
    made: list[AppController] = []

    def make(vault_dir: Path, **kwargs: object) -> AppController:
        kwargs.setdefault("kdf_cost", cheap_cost)
        kwargs.setdefault("failure_delays", FAST_DELAYS)
        kwargs.setdefault("app_settings", AppSettings())
        # The daily backup after unlock writes into backups/, which many tests count; the
        # tests of backups (test_backup_*.py) turn it on.
        kwargs.setdefault("automatic_backups", False)
        controller = AppController(vault_dir, **kwargs)  # type: ignore[arg-type]
        made.append(controller)
        return controller

    yield make
    QThreadPool.globalInstance().waitForDone(5000)
    for controller in made:
        # shutdown() lets go of the main window, so take the windows first: a window left
        # open stays on screen and alive into the next tests.
        windows = (
            controller.main_window,
            controller.unlock_window,
            controller.setup_wizard,
            controller.key_change_window,
            controller.restore_window,
        )
        controller.shutdown()
        for window in windows:
            if window is not None and shiboken6.isValid(window):
                window.blockSignals(True)
                window.hide()
                window.deleteLater()
        controller.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone now, not later
    QApplication.processEvents()


def wait_main_window(qtbot, controller: AppController) -> QWidget:
    qtbot.waitUntil(
        lambda: controller.main_window is not None and controller.main_window.isVisible(),
        timeout=10_000,
    )
    assert controller.main_window is not None
    return controller.main_window


def unlock_with(qtbot, controller: AppController, passphrase: str) -> QWidget:
    """Type the passphrase into the unlock window, press Enter, wait for the main window."""
    from PySide6.QtCore import Qt

    window = controller.unlock_window
    assert window is not None and window.isVisible()
    window.passphrase.clear()
    qtbot.keyClicks(window.passphrase, passphrase)
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    return wait_main_window(qtbot, controller)
