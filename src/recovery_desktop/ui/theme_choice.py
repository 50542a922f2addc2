# SPDX-License-Identifier: GPL-3.0-or-later
"""The Settings row for the app's look: as the system, light or dark.

Picking one shows it at once, in every window. Saving Settings keeps it (in the app's
QSettings, since it says nothing about the person and is needed before unlocking); Cancel puts
back the look the app had. "As the system" follows the desktop, also when it switches while
the app runs.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QComboBox, QDialog

from recovery_desktop.ui.app_settings import AppSettings
from recovery_desktop.ui.theme import apply_theme, theme_choice


class ThemeChoice(QComboBox):
    """A combo box inside `dialog`: applies on change, saved on `accepted`, undone on
    `rejected`."""

    def __init__(self, dialog: QDialog, app_settings: AppSettings | None = None) -> None:
        super().__init__(dialog)
        self.setObjectName("theme_choice")
        self.setAccessibleName(self.tr("Appearance: as the system, light or dark"))
        self.setToolTip(self.tr('"As the system" follows your desktop, also when it changes.'))
        self._settings = app_settings or AppSettings()
        for text, value in (
            (self.tr("As the system"), "system"),
            (self.tr("Light"), "light"),
            (self.tr("Dark"), "dark"),
        ):
            self.addItem(text, value)
        self.setMaximumWidth(self.fontMetrics().averageCharWidth() * 30)
        self._before = theme_choice()
        self.setCurrentIndex(max(0, self.findData(self._before)))
        self.currentIndexChanged.connect(self._show)
        dialog.accepted.connect(self._keep)
        dialog.rejected.connect(self._put_back)

    def choice(self) -> str:
        return str(self.currentData())

    def _show(self, *_: object) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.choice())

    def _keep(self) -> None:
        self._settings.set_theme(self.choice())
        self._before = self.choice()

    def _put_back(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication) and theme_choice(app) != self._before:
            apply_theme(app, self._before)
