# SPDX-License-Identifier: GPL-3.0-or-later
"""Run the real app (offscreen), unlock, type in the journal, then SIGTERM ourselves at once,
well before the autosave delay. Used by test_gui_shutdown.py."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from recovery_desktop.app import run_gui

FOLDER, PASSPHRASE, TEXT = Path(sys.argv[1]), sys.argv[2], sys.argv[3]


def visible(name: str):  # noqa: ANN201
    app = QApplication.instance()
    return next(
        (w for w in app.topLevelWidgets() if w.objectName() == name and w.isVisible()), None
    )


def unlock() -> None:
    window = visible("unlock_window")
    if window is None:
        QTimer.singleShot(50, unlock)
        return
    window.passphrase.setText(PASSPHRASE)
    window.try_unlock()
    write()


def write() -> None:
    main = visible("main_window")
    if main is None:
        QTimer.singleShot(50, write)
        return
    journal = main.show_page("journal")
    journal.new_entry()
    journal.editor.body.setPlainText(TEXT)
    print("typed", flush=True)
    os.kill(os.getpid(), signal.SIGTERM)


QTimer.singleShot(0, unlock)
sys.exit(run_gui(FOLDER))
