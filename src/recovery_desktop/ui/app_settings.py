# SPDX-License-Identifier: GPL-3.0-or-later
"""App-level settings in QSettings: window geometry, the last vault folder, the light or dark
look and the country of the crisis lines shown while locked; nothing private.

DESIGN §3: QSettings is a plain file outside the vault, so it only ever holds where the vault is,
how big the windows were, whether the app is light, dark or as the system (needed before
unlocking, and saying nothing about the person), and the country whose crisis lines Help now
shows on the unlock screen (issue 7: the vault is still encrypted there; the country is kept only
once the person picks one). Everything the person wrote or chose about themselves (the lock time,
"On this day", their safety plan) lives inside the encrypted vault (`vault.settings`).
The file is named explicitly (not Qt's cached default path) so `XDG_CONFIG_HOME` is read at the
moment of use; tests point it into their tmp_path and scan what was written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

ORGANISATION = "recovery-desktop"
APPLICATION = "Recovery Desktop"

_LAST_VAULT = "vault/last_path"
_GEOMETRY = "geometry/{name}"
_CRISIS_COUNTRY = "help_now/country"
_THEME = "appearance/theme"
THEMES = ("system", "light", "dark")


def settings_file() -> Path:
    """Where the settings live, e.g. `~/.config/recovery-desktop/Recovery Desktop.conf`."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(base) / ORGANISATION / f"{APPLICATION}.conf"


class AppSettings:
    """A small, typed wrapper so no screen writes arbitrary values into QSettings."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_file()
        self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def last_vault_path(self) -> Path | None:
        value = self._qsettings.value(_LAST_VAULT)
        return Path(str(value)) if value else None

    def set_last_vault_path(self, folder: Path) -> None:
        self._qsettings.setValue(_LAST_VAULT, str(Path(folder).resolve()))
        self._qsettings.sync()

    def geometry(self, window_name: str) -> QByteArray | None:
        value = self._qsettings.value(_GEOMETRY.format(name=window_name))
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, window_name: str, geometry: QByteArray) -> None:
        self._qsettings.setValue(_GEOMETRY.format(name=window_name), geometry)
        self._qsettings.sync()

    def crisis_country(self) -> str | None:
        """The country picked for the crisis lines (two letters), or None when never picked."""
        value = self._qsettings.value(_CRISIS_COUNTRY)
        return str(value) if value else None

    def set_crisis_country(self, code: str) -> None:
        self._qsettings.setValue(_CRISIS_COUNTRY, code)
        self._qsettings.sync()

    def theme(self) -> str:
        """The look: "system" (the default), "light" or "dark"; anything else reads "system"."""
        value = self._qsettings.value(_THEME)
        return value if isinstance(value, str) and value in THEMES else "system"

    def set_theme(self, theme: str) -> None:
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}")
        self._qsettings.setValue(_THEME, theme)
        self._qsettings.sync()

    def sync(self) -> None:
        self._qsettings.sync()
