# SPDX-License-Identifier: GPL-3.0-or-later
"""Asking where to save a chart, with a file dialog that remembers nothing.

A folder name or file name can say a lot ("Recovery", "relapse-march.png"), so nothing of it
is kept after the dialog closes:
- the app stores no path in its own settings (the page remembers the folder only in memory,
  until the vault is locked);
- Qt's own dialog writes its history and last folder to the shared `QtProject` settings when
  it closes; they are put back as they were before it opened;
- the platform's native dialogs keep lists of recent files (GTK's recently-used.xbel,
  Windows' recent-documents lists) that the app cannot put back, so Qt's own dialog is used.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

_QT_DIALOG_GROUP = "FileDialog"


@contextlib.contextmanager
def qt_dialog_leaves_no_trace() -> Iterator[None]:
    """Put Qt's file-dialog settings (history, last folder...) back as they were after."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.beginGroup(_QT_DIALOG_GROUP)
    before = {key: settings.value(key) for key in settings.allKeys()}
    settings.endGroup()
    try:
        yield
    finally:
        settings = QSettings(QSettings.Scope.UserScope, "QtProject")
        settings.beginGroup(_QT_DIALOG_GROUP)
        for key in settings.allKeys():
            if key not in before:
                settings.remove(key)
        for key, value in before.items():
            settings.setValue(key, value)
        settings.endGroup()
        settings.sync()


def default_folder() -> Path:
    """Where a first save is offered: Pictures, else Documents, else home."""
    for location in (
        QStandardPaths.StandardLocation.PicturesLocation,
        QStandardPaths.StandardLocation.DocumentsLocation,
    ):
        folder = QStandardPaths.writableLocation(location)
        if folder and Path(folder).is_dir():
            return Path(folder)
    return Path.home()


def ask_save_path(parent: QWidget, title: str, suggested: Path) -> Path | None:
    """Ask where to save a chart; None when the person cancels. The suffix (.png or .svg)
    follows the chosen file type when the name has none or another one."""
    # Not parent.tr(): lupdate would file these under a context named "parent".
    png = QCoreApplication.translate("ChartSaveDialog", "PNG picture (*.png)")
    svg = QCoreApplication.translate("ChartSaveDialog", "SVG drawing (*.svg)")
    with qt_dialog_leaves_no_trace():
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            parent,
            title,
            str(suggested),
            f"{png};;{svg}",
            png if suggested.suffix.lower() != ".svg" else svg,
            QFileDialog.Option.DontUseNativeDialog,
        )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() not in (".png", ".svg"):
        path = path.with_name(path.name + (".svg" if chosen_filter == svg else ".png"))
    return path
