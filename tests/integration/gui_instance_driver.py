# SPDX-License-Identifier: GPL-3.0-or-later
"""Run the real app (offscreen) on a vault folder and say on stdout what the person would see:
"unlock shown" once the unlock window is up, or "refused: <message>" when the app declines to
open the vault a second time. Runs until SIGTERM or until the app ends by itself.
Used by test_second_gui.py."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from recovery_desktop.app import run_gui

FOLDER = Path(sys.argv[1])


def refused(_parent: object, _title: str, text: str, *_: object, **__: object) -> object:
    print("refused: " + text.replace("\n", " "), flush=True)
    return QMessageBox.StandardButton.Ok


def watch() -> None:
    app = QApplication.instance()
    if any(w.objectName() == "unlock_window" and w.isVisible() for w in app.topLevelWidgets()):
        print("unlock shown", flush=True)
        return
    QTimer.singleShot(50, watch)


QMessageBox.information = refused  # type: ignore[method-assign]
QMessageBox.warning = refused  # type: ignore[method-assign]
QTimer.singleShot(0, watch)
sys.exit(run_gui(FOLDER))
