# SPDX-License-Identifier: GPL-3.0-or-later
"""Start-up: create the QApplication, apply the theme, show set-up or the unlock window.

`recovery-desktop` with no command calls `run_gui`. Start-up imports only what the unlock
window needs (no pages, no matplotlib); the main window and its pages load after unlocking.

If Qt cannot load its platform plugin (on a fresh Debian or Ubuntu: "could not load the Qt
platform plugin xcb"), Qt aborts the process. Before that happens our message handler prints
a plain hint pointing to the README's list of system packages (libxcb-cursor0, libxcb-icccm4,
libxcb-keysyms1, libxcb-image0, libxcb-render-util0, libxkbcommon-x11-0, fonts-dejavu-core).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

DEMO_PASSPHRASE = "demo"

PLATFORM_HINT = (
    "Recovery Desktop could not start its window system (the Qt platform plugin).\n"
    "On Debian or Ubuntu, install these packages and try again (see README, 'Run it'):\n"
    "  sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \\\n"
    "      libxcb-render-util0 libxkbcommon-x11-0 fonts-dejavu-core\n"
)


def _install_platform_hint() -> object:
    """Print PLATFORM_HINT if Qt reports a fatal platform-plugin error (then Qt aborts)."""
    from PySide6.QtCore import QtMsgType, qFormatLogMessage, qInstallMessageHandler

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        sys.stderr.write(qFormatLogMessage(kind, context, message) + "\n")  # type: ignore[arg-type]
        if kind == QtMsgType.QtFatalMsg and "platform plugin" in message.lower():
            sys.stderr.write("\n" + PLATFORM_HINT)
        sys.stderr.flush()

    return qInstallMessageHandler(handler)


def _make_application() -> object:
    from PySide6.QtCore import QCoreApplication, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from recovery_desktop.core import words
    from recovery_desktop.ui.app_settings import APPLICATION, ORGANISATION
    from recovery_desktop.ui.theme import FUSION_CHOSEN

    # The words made below ui/ (insights, charts) go through Qt's translator too (core/words.py).
    words.install(QCoreApplication.translate)
    existing = QApplication.instance()
    if existing is not None:
        return existing
    QApplication.setApplicationName(APPLICATION)
    QApplication.setOrganizationName(ORGANISATION)
    QApplication.setApplicationDisplayName(APPLICATION)
    QApplication.setDesktopFileName("recovery-desktop")
    previous = _install_platform_hint()
    # Fusion by argument: Qt makes it in C++, sooner than apply_theme could switch to it, and
    # without Python wrapping QStyle (its ~600 enum values take about 5 ms to build).
    app = QApplication([*sys.argv[:1], "-style", "Fusion"])
    app.setProperty(FUSION_CHOSEN, True)
    from PySide6.QtGui import QIcon

    from recovery_desktop.config import resource_path

    app.setWindowIcon(QIcon(str(resource_path("icons", "recovery-desktop.svg"))))
    qInstallMessageHandler(previous)  # the window system loaded: back to Qt's own output
    return app


def run_gui(vault_dir: Path | None = None, demo: bool = False) -> int:
    """Run the desktop app until it is closed; returns the process exit code.

    `vault_dir`: the vault folder (default: the last one opened, else
    `config.default_vault_dir()`); without a vault there, the set-up wizard starts.
    `demo`: make a throwaway copy of the small demo vault in a fresh temp folder (passphrase
    "demo"), open it, and delete the folder on exit.
    """
    from recovery_desktop.config import default_vault_dir
    from recovery_desktop.storage.layout import vault_exists
    from recovery_desktop.ui.app_settings import AppSettings
    from recovery_desktop.ui.controller import AppController
    from recovery_desktop.ui.garbage import collect_on_gui_thread
    from recovery_desktop.ui.theme import THEME_ENV, apply_theme

    app = _make_application()
    collect_on_gui_thread(app)  # type: ignore[arg-type] - widgets are freed between events
    settings = AppSettings()
    # The person's choice (Settings); the environment variable pins one for tests and screenshots.
    apply_theme(app, os.environ.get(THEME_ENV) or settings.theme())  # type: ignore[arg-type]

    demo_folder: Path | None = None
    if demo:
        demo_folder = Path(tempfile.mkdtemp(prefix="recovery-desktop-demo-"))
        folder = demo_folder / "vault"
    elif vault_dir is not None:
        folder = Path(vault_dir).expanduser()
    else:
        last = settings.last_vault_path()
        folder = last if last is not None and vault_exists(last) else default_vault_dir()

    controller = AppController(
        folder, app_settings=settings, demo_passphrase=DEMO_PASSPHRASE if demo else None
    )
    controller.finished.connect(app.quit)  # type: ignore[attr-defined]
    _save_and_quit_when_asked(app, controller)
    try:
        if demo:
            _prepare_demo(folder, controller)
        else:
            controller.start()
        return int(app.exec())  # type: ignore[attr-defined]
    finally:
        controller.shutdown()
        if demo_folder is not None:
            shutil.rmtree(demo_folder, ignore_errors=True)


def _save_and_quit_when_asked(app: object, controller: object) -> None:
    """Logout, shutdown, `kill` or Ctrl+C must not lose what was typed since the last autosave.

    SIGTERM/SIGINT/SIGHUP quit the event loop the normal way, so `run_gui`'s `finally` saves
    every page and closes the vault; a session manager's "save your data" request saves the
    pages at once. Python runs signal handlers only between its own instructions, so a short
    timer hands control back to it while Qt waits for events.
    """
    import signal

    from PySide6.QtCore import QTimer

    def quit_now(*_: object) -> None:
        app.quit()  # type: ignore[attr-defined]

    for name in ("SIGTERM", "SIGINT", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), quit_now)
    wake = QTimer(app)  # type: ignore[arg-type]
    wake.timeout.connect(lambda: None)
    wake.start(250)

    def save_pages(*_: object) -> None:
        window = getattr(controller, "main_window", None)
        if window is not None:
            window.flush_pages()

    app.commitDataRequest.connect(save_pages)  # type: ignore[attr-defined]


def _prepare_demo(folder: Path, controller: object) -> None:
    """Generate the demo vault off the GUI thread with a progress dialog, then show unlock."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QMessageBox, QProgressDialog

    from recovery_desktop.demo.generator import generate_demo_vault
    from recovery_desktop.storage import KdfCost
    from recovery_desktop.ui.workers import Task, run_in_background

    progress = QProgressDialog()
    progress.setObjectName("demo_progress")
    progress.setWindowTitle(QCoreApplication.translate("DemoVault", "Recovery Desktop: demo"))
    progress.setLabelText(
        QCoreApplication.translate(
            "DemoVault", "Writing a demo journal with a few months of made-up life…"
        )
    )
    progress.setCancelButton(None)
    progress.setRange(0, 0)
    progress.setMinimumDuration(0)
    progress.setWindowModality(Qt.WindowModality.NonModal)
    progress.setAccessibleName(QCoreApplication.translate("DemoVault", "Preparing the demo vault"))
    progress.show()

    def generate(task: Task) -> str:
        return generate_demo_vault(
            folder,
            DEMO_PASSPHRASE,
            scale="small",
            cost=KdfCost.cheap(),
            seed=7,
            progress=lambda done, total, what="": task.report(done, total),
        )

    def on_progress(done: int, total: int) -> None:
        if total > 0:
            progress.setRange(0, total)
            progress.setValue(min(done, total))

    def done(_: object) -> None:
        progress.close()
        progress.deleteLater()
        controller.start()  # type: ignore[attr-defined]

    def failed(error: BaseException) -> None:
        progress.close()
        QMessageBox.warning(
            None,
            QCoreApplication.translate("DemoVault", "Demo vault"),
            QCoreApplication.translate(
                "DemoVault", "The demo vault could not be made ({name})."
            ).format(name=type(error).__name__),
        )
        controller.finished.emit()  # type: ignore[attr-defined]

    run_in_background(progress, generate, done, failed, on_progress)
