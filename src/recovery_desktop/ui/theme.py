# SPDX-License-Identifier: GPL-3.0-or-later
"""The app's calm, consistent look: colours, spacing and fonts, in light and dark.

Screens take colours from here rather than hard-coding them, so both schemes stay readable.
`apply_theme(app)` is called once at start-up: Fusion style, a calm palette that follows the
system's light or dark scheme (and switches live when the system does), and one app-wide style
sheet. Sizes in the style sheet are in `em`, and headings scale the widget's own font with
`scaled_font()`, so text follows the system font size; no pixel font sizes anywhere.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

# Mood 1..5 (awful .. great): a soft scale that reads in both schemes, never alarm-red.
MOOD_COLORS: dict[int, str] = {
    1: "#7b6fb0",
    2: "#6c8fc7",
    3: "#8aa6a3",
    4: "#7fb685",
    5: "#e0b354",
}
ACCENT = "#4f8a8b"
HELP_NOW = "#c0573e"  # warm, visible, not alarming
SPACING = 12


@dataclass(frozen=True, slots=True)
class Scheme:
    """The few colours everything else is derived from."""

    window: str
    base: str  # text fields, lists
    alt_base: str
    sidebar: str
    text: str
    muted: str  # secondary text
    border: str
    accent: str  # selection, focus ring, default button
    accent_text: str
    help_now: str
    banner: str  # a soft background for notes and the demo banner
    error_text: str  # calm, for "that didn't work" messages; not alarm red


LIGHT = Scheme(
    window="#f6f5f1",
    base="#ffffff",
    alt_base="#efede6",
    sidebar="#ebe8df",
    text="#2b2d2f",
    muted="#5f6366",
    border="#c9c5ba",
    accent=ACCENT,
    accent_text="#ffffff",
    help_now=HELP_NOW,
    banner="#f3e7c6",
    error_text="#9a4a30",
)

DARK = Scheme(
    window="#1f2326",
    base="#272c30",
    alt_base="#2d3337",
    sidebar="#191c1f",
    text="#e6e4df",
    muted="#a7aaa8",
    border="#454c51",
    accent="#6aa9aa",
    accent_text="#10201f",
    help_now="#d9714f",
    banner="#4a4130",
    error_text="#eda88d",
)


def is_dark() -> bool:
    """True when the system (or the app's palette) is in a dark scheme."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hints is not None else Qt.ColorScheme.Unknown
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def current_scheme() -> Scheme:
    return DARK if is_dark() else LIGHT


def mood_color(mood: int | None) -> QColor:
    return QColor(MOOD_COLORS.get(mood or 0, "#9e9e9e"))


def scaled_font(base: QFont, factor: float, *, bold: bool = False) -> QFont:
    """`base` scaled by `factor`, so headings grow with the person's chosen system font size."""
    font = QFont(base)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        font.setPixelSize(round(font.pixelSize() * factor))
    font.setBold(bold)
    return font


def make_heading(widget: QWidget, factor: float = 1.5) -> None:
    """Give `widget` a bold heading font relative to the app font."""
    widget.setFont(scaled_font(QApplication.font(), factor, bold=True))


def monospace_font(factor: float = 1.0) -> QFont:
    """The system's fixed-width font, scaled relative to the app font (for codes)."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    app_size = QApplication.font().pointSizeF()
    if app_size > 0:
        font.setPointSizeF(app_size * factor)
    return font


def build_palette(scheme: Scheme) -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    muted = QColor(scheme.muted)
    colours = {
        role.Window: scheme.window,
        role.WindowText: scheme.text,
        role.Base: scheme.base,
        role.AlternateBase: scheme.alt_base,
        role.ToolTipBase: scheme.base,
        role.ToolTipText: scheme.text,
        role.PlaceholderText: scheme.muted,
        role.Text: scheme.text,
        role.Button: scheme.alt_base,
        role.ButtonText: scheme.text,
        role.BrightText: scheme.help_now,
        role.Highlight: scheme.accent,
        role.HighlightedText: scheme.accent_text,
        role.Link: scheme.accent,
        role.LinkVisited: scheme.accent,
        role.Light: scheme.base,
        role.Midlight: scheme.alt_base,
        role.Mid: scheme.border,
        role.Dark: scheme.border,
        role.Shadow: scheme.sidebar,
    }
    for r, colour in colours.items():
        palette.setColor(r, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText):
        faded = QColor(muted)
        faded.setAlpha(170)
        palette.setColor(disabled, r, faded)
    palette.setColor(disabled, role.Highlight, QColor(scheme.border))
    palette.setColor(QPalette.ColorGroup.Inactive, role.Highlight, QColor(scheme.accent))
    palette.setColor(QPalette.ColorGroup.Inactive, role.HighlightedText, QColor(scheme.accent_text))
    return palette


def style_sheet(scheme: Scheme) -> str:
    """The app-wide style sheet. Object names give a few widgets a role (see below)."""
    s = scheme
    return f"""
QWidget:focus {{ outline: none; }}
QLineEdit, QPlainTextEdit, QTextEdit {{
    border: 1px solid {s.border}; border-radius: 0.3em; padding: 0.25em 0.4em;
    background: {s.base}; selection-background-color: {s.accent};
    selection-color: {s.accent_text};
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {{ border: 2px solid {s.accent}; }}
QPushButton, QToolButton {{
    border: 1px solid {s.border}; border-radius: 0.35em; padding: 0.35em 0.9em;
    background: {s.alt_base}; color: {s.text};
}}
QPushButton:hover, QToolButton:hover {{ border-color: {s.accent}; }}
QPushButton:focus, QToolButton:focus {{ border: 2px solid {s.accent}; }}
QPushButton:pressed, QToolButton:pressed, QToolButton:checked {{ background: {s.border}; }}
QPushButton:disabled {{ color: {s.muted}; background: {s.window}; }}
QPushButton:default, QPushButton[primary="true"] {{
    background: {s.accent}; color: {s.accent_text}; border-color: {s.accent};
}}
QPushButton:default:focus, QPushButton[primary="true"]:focus {{ border: 2px solid {s.text}; }}
QPushButton:default:disabled, QPushButton[primary="true"]:disabled {{
    background: {s.border}; color: {s.muted}; border-color: {s.border};
}}
QPushButton#help_now_button {{
    background: {s.help_now}; color: #ffffff; border: 1px solid {s.help_now};
    font-weight: bold; padding: 0.5em 0.9em;
}}
QPushButton#help_now_button:focus {{ border: 2px solid {s.text}; }}
QListWidget#sidebar {{
    background: {s.sidebar}; border: none; padding: 0.3em; outline: none;
}}
QListWidget#sidebar::item {{ padding-left: 0.7em; border-radius: 0.35em; }}
QListWidget#sidebar::item:selected {{ background: {s.accent}; color: {s.accent_text}; }}
QListWidget#sidebar::item:hover:!selected {{ background: {s.alt_base}; }}
QListWidget#sidebar:focus {{ border: 1px solid {s.accent}; }}
QLabel#sidebar_title {{ color: {s.muted}; padding: 0.2em 0.7em 0.6em 0.7em; }}
QWidget#sidebar_panel {{ background: {s.sidebar}; }}
QLabel[role="muted"] {{ color: {s.muted}; }}
QLabel[role="error"] {{ color: {s.error_text}; }}
QLabel[role="banner"], QFrame[role="banner"] {{
    background: {s.banner}; color: {s.text}; border-radius: 0.35em; padding: 0.5em 0.8em;
}}
QFrame[role="card"] {{
    background: {s.base}; border: 1px solid {s.border}; border-radius: 0.5em;
}}
QLabel#recovery_code {{
    background: {s.base}; border: 1px dashed {s.border}; border-radius: 0.5em;
    padding: 0.6em 0.9em; color: {s.text};
}}
QProgressBar {{
    border: 1px solid {s.border}; border-radius: 0.3em; background: {s.base};
    max-height: 0.6em; text-align: center;
}}
QProgressBar::chunk {{ background: {s.accent}; border-radius: 0.25em; }}
QStatusBar {{ background: {s.sidebar}; padding-left: 0.6em; }}
QStatusBar::item {{ border: none; }}
QCheckBox:focus {{ color: {s.accent}; }}
QToolTip {{ background: {s.base}; color: {s.text}; border: 1px solid {s.border}; }}
"""


class _SchemeFollower(QObject):
    """Re-applies the theme when the system switches between light and dark."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        hints = app.styleHints()
        hints.colorSchemeChanged.connect(self._reapply)

    def _reapply(self, *_: object) -> None:
        _apply(self._app)


def _apply(app: QApplication) -> None:
    hints = app.styleHints()
    scheme_hint = hints.colorScheme()
    forced = app.property("recovery_forced_scheme")
    if forced in ("light", "dark"):
        scheme = DARK if forced == "dark" else LIGHT
    elif scheme_hint == Qt.ColorScheme.Dark:
        scheme = DARK
    elif scheme_hint == Qt.ColorScheme.Light:
        scheme = LIGHT
    else:  # no hint from the platform: keep what its own palette said at start-up
        scheme = DARK if app.property("recovery_system_dark") else LIGHT
    app.setPalette(build_palette(scheme))
    app.setStyleSheet(style_sheet(scheme))


def apply_theme(app: QApplication, scheme: str | None = None) -> None:
    """Fusion style, calm palette and style sheet; follows the system scheme from now on.

    `scheme` ("light" or "dark", else the `RECOVERY_DESKTOP_THEME` environment variable) pins
    one scheme, for desktops that give no hint and for screenshots; None or "system" follows
    the system. Safe to call more than once (tests create one QApplication for the whole run).
    """
    chosen = scheme or os.environ.get("RECOVERY_DESKTOP_THEME", "system")
    app.setProperty("recovery_forced_scheme", chosen if chosen in ("light", "dark") else "")
    if app.property("recovery_system_dark") is None:
        window = app.palette().color(QPalette.ColorRole.Window)
        app.setProperty("recovery_system_dark", window.lightness() < 128)
    app.setStyle("Fusion")
    _apply(app)
    if app.findChild(_SchemeFollower) is None:
        _SchemeFollower(app)
