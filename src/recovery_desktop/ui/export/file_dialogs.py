# SPDX-License-Identifier: GPL-3.0-or-later
"""File dialogs that remember nothing private.

Where a person saves an export, or which Daylio file they bring in, says something about them.
So these dialogs:
- start in the Documents folder (or home) every time, never where the last export went, and
  the app keeps no path in its own settings;
- use Qt's own dialog rather than the desktop's: a native (GTK) dialog may add the chosen file
  to the desktop's "Recent" list, which the app cannot take back;
- undo what Qt's dialog writes to its shared settings file (`QtProject.conf`, `[FileDialog]`
  `history` and `lastVisited`), restoring whatever was there before.

They call the static `QFileDialog` functions, so tests can replace those as usual.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

QT_GROUP = "FileDialog"
QT_REMEMBERED = ("history", "lastVisited")
OPTIONS = QFileDialog.Option.DontUseNativeDialog


def start_folder() -> Path:
    """Where every dialog opens: Documents when there is one, else home."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def _qt_settings() -> QSettings:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.beginGroup(QT_GROUP)
    return settings


@contextlib.contextmanager
def forgetting_qt_history() -> Iterator[None]:
    """Put Qt's file-dialog history back as it was once the dialog inside has closed."""
    before = _qt_settings()
    kept = {key: before.value(key) for key in QT_REMEMBERED if before.contains(key)}
    del before
    try:
        yield
    finally:
        after = _qt_settings()
        for key in QT_REMEMBERED:
            if key in kept:
                after.setValue(key, kept[key])
            else:
                after.remove(key)
        after.sync()


def save_file(
    parent: QWidget, caption: str, name: str, file_filter: str, suffix: str
) -> Path | None:
    """Ask where to save a new file called `name` (in the start folder); None if cancelled.
    The chosen name gets `suffix` (".json") when the person left it off."""
    with forgetting_qt_history():
        chosen, _ = QFileDialog.getSaveFileName(
            parent, caption, str(start_folder() / name), file_filter, options=OPTIONS
        )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    return path


def open_file(parent: QWidget, caption: str, file_filter: str) -> Path | None:
    """Ask for an existing file to read; None if cancelled."""
    with forgetting_qt_history():
        chosen, _ = QFileDialog.getOpenFileName(
            parent, caption, str(start_folder()), file_filter, options=OPTIONS
        )
    return Path(chosen) if chosen else None


def choose_folder(parent: QWidget, caption: str) -> Path | None:
    """Ask for an existing folder; None if cancelled."""
    with forgetting_qt_history():
        chosen = QFileDialog.getExistingDirectory(
            parent, caption, str(start_folder()), QFileDialog.Option.ShowDirsOnly | OPTIONS
        )
    return Path(chosen) if chosen else None
