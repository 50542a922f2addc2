# SPDX-License-Identifier: GPL-3.0-or-later
"""The app's calm, consistent look: colours, spacing and fonts, in light and dark.

Screens take colours from here rather than hard-coding them, so both schemes stay readable;
the colours themselves, and the contrast of every pair, are in `colours.py`. `apply_theme(app,
choice)` is called at start-up with the person's choice (Settings, "system" unless they chose):
Fusion style, a calm palette in the chosen scheme or the system's (switching live when the
system does), and one app-wide style sheet that also draws every focus ring. Sizes in the
style sheet are in `em`, and headings scale the widget's own font with `scaled_font()`, so
text follows the system font size; no pixel font sizes anywhere.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from recovery_desktop.config import resource_path
from recovery_desktop.ui.colours import DARK, LIGHT, MOOD_COLORS, SCHEMES, Scheme

__all__ = [
    "DARK",
    "LIGHT",
    "MOOD_COLORS",
    "SCHEMES",
    "SPACING",
    "THEME_CHOICES",
    "Scheme",
    "apply_theme",
    "current_scheme",
    "is_dark",
    "make_heading",
    "monospace_font",
    "mood_color",
    "scaled_font",
    "theme_choice",
]

SPACING = 12

THEME_CHOICES = ("system", "light", "dark")
THEME_ENV = "RECOVERY_DESKTOP_THEME"  # pins a scheme for tests and screenshots
FUSION_CHOSEN = "recovery_fusion_chosen"  # app property: made with "-style Fusion" (app.py)


def is_dark() -> bool:
    """True when the app shows the dark scheme (chosen, or followed from the system)."""
    return current_scheme() is DARK


def current_scheme() -> Scheme:
    """The scheme on screen now; painting code asks at paint time, so a switch shows at once."""
    app = QGuiApplication.instance()
    if app is None:
        return LIGHT
    shown = app.property("recovery_scheme")
    if shown in SCHEMES:
        return SCHEMES[shown]
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return DARK if window.lightness() < 128 else LIGHT


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
    from PySide6.QtGui import QFontDatabase  # not at import: this module loads before unlock

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
    """The app-wide style sheet. Object names and properties give a few widgets a role.

    Focus: every control keeps two pixels round its content for the focus ring (a one-pixel
    margin and a one-pixel edge); taking the focus turns them into a two-pixel ring, so nothing
    moves. The ring is the accent on the page and `focus_on_accent` round a filled control (the
    default button, a primary action, a chosen segmented button or chip, Help now), so it
    always shows against what is next to it (`Scheme.pairs()` lists both, tested at 3:1).

    Button boxes take one order on every desktop (3, GnomeLayout): Cancel on the left and the
    button that goes on at the right, as `keys.code_steps.button_row` lays out the wizards'
    steps. Qt's default follows the platform and put them the other way round on some.
    """
    s = scheme
    arrow = resource_path("icons", f"chevron-down-{s.name}.svg").as_posix()
    arrow_up = resource_path("icons", f"chevron-up-{s.name}.svg").as_posix()
    tick = resource_path("icons", f"tick-{s.name}.svg").as_posix()
    return f"""
QWidget:focus {{ outline: none; }}
QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox {{
    border: 1px solid {s.border}; margin: 1px; border-radius: 0.3em; padding: 0.25em 0.4em;
    background: {s.base}; color: {s.text}; selection-background-color: {s.accent};
    selection-color: {s.accent_text};
}}
QComboBox::drop-down, QDateEdit::drop-down {{
    subcontrol-origin: padding; subcontrol-position: center right; border: none; width: 1.4em;
}}
QComboBox::down-arrow, QDateEdit::down-arrow {{ image: url({arrow}); width: 0.8em; height: 0.8em; }}
QSpinBox::up-button, QSpinBox::down-button {{ border: none; width: 1.2em; }}
QSpinBox::up-arrow {{ image: url({arrow_up}); width: 0.7em; height: 0.7em; }}
QSpinBox::down-arrow {{ image: url({arrow}); width: 0.7em; height: 0.7em; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus,
QComboBox:focus {{
    border: 2px solid {s.focus}; margin: 0;
}}
QLineEdit:disabled, QAbstractSpinBox:disabled, QComboBox:disabled {{
    color: {s.muted}; background: {s.window};
}}
QPushButton, QToolButton {{
    border: 1px solid {s.border}; margin: 1px; border-radius: 0.35em; padding: 0.35em 0.9em;
    background: {s.alt_base}; color: {s.text};
}}
QPushButton:hover, QToolButton:hover {{ border-color: {s.accent}; }}
QPushButton:focus, QToolButton:focus {{ border: 2px solid {s.focus}; margin: 0; }}
QPushButton:pressed, QToolButton:pressed, QToolButton:checked {{ background: {s.border}; }}
QPushButton:disabled {{ color: {s.muted}; background: {s.window}; }}
QPushButton:default, QPushButton[primary="true"], QPushButton:checked {{
    background: {s.accent}; color: {s.accent_text}; border-color: {s.accent};
}}
QPushButton:default:focus, QPushButton[primary="true"]:focus, QPushButton:checked:focus {{
    border: 2px solid {s.focus_on_accent}; margin: 0;
}}
QPushButton:default:disabled, QPushButton[primary="true"]:disabled {{
    background: {s.border}; color: {s.muted}; border-color: {s.border};
}}
QPushButton[chip="true"] {{ border-radius: 0.8em; padding: 0.2em 0.8em; }}
QPushButton#help_now_button {{
    background: {s.help_now}; color: {s.help_now_text}; border: 1px solid {s.help_now};
    margin: 1px; font-weight: bold; padding: 0.5em 0.9em;
}}
QPushButton#help_now_button:focus {{ border: 2px solid {s.focus_on_accent}; margin: 0; }}
QCheckBox, QRadioButton {{
    border: 2px solid transparent; border-radius: 0.3em; padding: 0.1em 0.2em;
}}
QCheckBox:focus, QRadioButton:focus {{ border-color: {s.focus}; }}
QCheckBox::indicator, QRadioButton::indicator, QAbstractItemView::indicator {{
    width: 0.8em; height: 0.8em; border: 1px solid {s.control_edge}; background: {s.base};
    border-radius: 0.2em;
}}
QRadioButton::indicator {{ border-radius: 0.45em; }}
QCheckBox::indicator:hover, QRadioButton::indicator:hover,
QAbstractItemView::indicator:hover {{ border-color: {s.accent}; }}
QCheckBox::indicator:checked, QAbstractItemView::indicator:checked {{
    background: {s.accent}; border-color: {s.accent}; image: url({tick});
}}
QRadioButton::indicator:checked {{
    border-color: {s.accent}; background: qradialgradient(cx: 0.5, cy: 0.5, radius: 0.5,
    fx: 0.5, fy: 0.5, stop: 0 {s.accent_text}, stop: 0.4 {s.accent_text}, stop: 0.5 {s.accent},
    stop: 1 {s.accent});
}}
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled,
QAbstractItemView::indicator:disabled {{ border-color: {s.border}; background: {s.window}; }}
QListWidget#sidebar {{
    background: {s.sidebar}; border: none; padding: 0.3em; outline: none;
}}
QListWidget#sidebar::item {{
    padding-left: 0.7em; border-radius: 0.35em; border: 2px solid transparent;
    background-clip: padding;
}}
QListWidget#sidebar::item:selected {{ background: {s.accent}; color: {s.accent_text}; }}
QListWidget#sidebar::item:hover:!selected {{ background: {s.alt_base}; }}
QListWidget#sidebar::item:focus {{ border-color: {s.focus}; }}
QListWidget#sidebar::item:selected:focus {{ border-color: {s.focus_on_accent}; }}
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
QToolTip {{ background: {s.base}; color: {s.text}; border: 1px solid {s.border}; }}
QDialogButtonBox {{ button-layout: 3; }}
"""


class _SchemeFollower(QObject):
    """Re-applies the theme when the system switches between light and dark while the app runs
    (`QStyleHints.colorSchemeChanged`); a scheme the person chose stays as it is."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        app.styleHints().colorSchemeChanged.connect(self._system_changed)

    def _system_changed(self, scheme: Qt.ColorScheme) -> None:
        if scheme in (Qt.ColorScheme.Dark, Qt.ColorScheme.Light):
            self._app.setProperty("recovery_system_dark", scheme == Qt.ColorScheme.Dark)
        _apply(self._app)


def _system_scheme(app: QApplication) -> Scheme:
    hint = app.styleHints().colorScheme()
    known = app.property("recovery_system_dark")
    if known is not None and hint == Qt.ColorScheme.Unknown:
        return DARK if known else LIGHT  # told by a change signal, or the palette at start-up
    if hint == Qt.ColorScheme.Dark:
        return DARK
    if hint == Qt.ColorScheme.Light:
        return LIGHT
    return DARK if known else LIGHT


def _apply(app: QApplication) -> None:
    choice = theme_choice(app)
    scheme = SCHEMES[choice] if choice in SCHEMES else _system_scheme(app)
    if app.property("recovery_scheme") == scheme.name and app.styleSheet():
        return  # already on screen: re-polishing every widget costs time and flickers
    app.setProperty("recovery_scheme", scheme.name)
    app.setPalette(build_palette(scheme))
    app.setStyleSheet(style_sheet(scheme))


def theme_choice(app: QApplication | None = None) -> str:
    """What the app follows now: "system", "light" or "dark"."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    chosen = app.property("recovery_theme_choice") if app is not None else None
    return chosen if chosen in THEME_CHOICES else "system"


def apply_theme(app: QApplication, choice: str | None = None) -> None:
    """Fusion style, calm palette and style sheet, for `choice`: "system" follows the system's
    light or dark scheme, now and whenever it changes; "light" or "dark" pins one.

    None reads the `RECOVERY_DESKTOP_THEME` environment variable (tests, screenshots), else
    "system"; start-up passes the person's saved choice (`AppSettings.theme()`) unless that
    variable is set, and Settings calls this again when they pick another, which shows at once.
    Safe to call more than once (tests create one QApplication for the whole run).
    """
    if choice is None:
        choice = os.environ.get(THEME_ENV, "system")
    app.setProperty("recovery_theme_choice", choice if choice in THEME_CHOICES else "system")
    if app.property("recovery_system_dark") is None:
        window = app.palette().color(QPalette.ColorRole.Window)
        app.setProperty("recovery_system_dark", window.lightness() < 128)
    if not app.property(FUSION_CHOSEN) and app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    _apply(app)
    # A property, not findChild: walking the app's children wraps each in Python (its style
    # too, whose enums take ~5 ms to build before the first window).
    if not app.property("recovery_follows_system"):
        _SchemeFollower(app)
        app.setProperty("recovery_follows_system", True)
