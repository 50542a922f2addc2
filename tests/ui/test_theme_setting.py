# SPDX-License-Identifier: GPL-3.0-or-later
"""Light, dark or as the system (issue 10, point 8): chosen in Settings, shown at once, kept in
the app's QSettings, and "as the system" follows the system's changes while the app runs."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from recovery_desktop.ui.app_settings import AppSettings, settings_file
from recovery_desktop.ui.colours import DARK, LIGHT, SCHEMES
from recovery_desktop.ui.settings_dialog import SettingsDialog
from recovery_desktop.ui.theme import apply_theme, current_scheme, style_sheet, theme_choice


def _window_colour(app: QApplication) -> str:
    return app.palette().color(QPalette.ColorRole.Window).name()


@pytest.fixture
def app(themed_app: QApplication) -> Iterator[QApplication]:
    """The themed app, put back as the other tests expect it (following a light system)."""
    yield themed_app
    themed_app.setProperty("recovery_system_dark", False)
    apply_theme(themed_app)


def _emit_system_scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """What Qt does when the desktop switches between light and dark."""
    app.styleHints().colorSchemeChanged.emit(scheme)


def test_system_follows_the_desktop_while_the_app_runs(app):
    apply_theme(app, "system")
    _emit_system_scheme(app, Qt.ColorScheme.Dark)
    assert current_scheme() is DARK and _window_colour(app) == DARK.window
    assert DARK.accent in app.styleSheet()
    _emit_system_scheme(app, Qt.ColorScheme.Light)
    assert current_scheme() is LIGHT and _window_colour(app) == LIGHT.window


def test_a_chosen_scheme_stays_when_the_desktop_switches(app):
    apply_theme(app, "light")
    _emit_system_scheme(app, Qt.ColorScheme.Dark)
    assert current_scheme() is LIGHT and _window_colour(app) == LIGHT.window
    apply_theme(app, "system")  # back to following: the desktop is dark now
    assert current_scheme() is DARK
    apply_theme(app, "dark")
    _emit_system_scheme(app, Qt.ColorScheme.Light)
    assert current_scheme() is DARK


def test_settings_shows_the_choice_at_once_cancel_puts_it_back_save_keeps_it(qtbot, app, vault):
    apply_theme(app, "system")
    dialog = SettingsDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    choice = dialog.theme
    assert choice.accessibleName() and choice.currentData() == "system"
    choice.setCurrentIndex(choice.findData("dark"))
    assert current_scheme() is DARK and _window_colour(app) == DARK.window  # at once
    dialog.reject()
    assert current_scheme() is LIGHT and theme_choice(app) == "system"
    assert AppSettings().theme() == "system"  # nothing written

    dialog = SettingsDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(
        buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert AppSettings().theme() == "dark" and current_scheme() is DARK
    assert "theme=dark" in settings_file().read_text(encoding="utf-8")
    assert SettingsDialog(vault).theme.currentData() == "dark"  # shown as chosen next time


def test_the_saved_choice_is_read_back_and_nonsense_is_system(app, tmp_path):
    settings = AppSettings(tmp_path / "settings.conf")
    assert settings.theme() == "system"
    settings.set_theme("light")
    assert AppSettings(tmp_path / "settings.conf").theme() == "light"
    with pytest.raises(ValueError):
        settings.set_theme("purple")
    (tmp_path / "odd.conf").write_text("[appearance]\ntheme=purple\n", encoding="utf-8")
    assert AppSettings(tmp_path / "odd.conf").theme() == "system"


@pytest.mark.parametrize("name", list(SCHEMES))
def test_the_style_sheet_uses_only_the_schemes_colours(name):
    """So the contrast test of `Scheme.pairs()` covers every colour drawn (tests/unit)."""
    scheme = SCHEMES[name]
    used = set(re.findall(r"#[0-9a-fA-F]{6}\b", style_sheet(scheme)))
    own = {getattr(scheme, field) for field in scheme._fields if field != "name"}
    assert len(used) >= 10 and len(own) >= 10
    assert used <= own, used - own
