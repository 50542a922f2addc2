# SPDX-License-Identifier: GPL-3.0-or-later
"""A calm card: a rounded frame with a heading, an optional line under it, and a body."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from recovery_desktop.ui.page import focusable_in
from recovery_desktop.ui.theme import SPACING, make_heading


class Card(QFrame):
    """QFrame[role="card"] from the theme's style sheet, so light and dark both come for free.

    A card whose rows are rebuilt emits `rows_rebuilt`, so the page can put Tab back in reading
    order (new widgets otherwise join the end of the focus chain).
    """

    rows_rebuilt = Signal()

    def __init__(
        self, name: str, title: str, subtitle: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.body = card_body(self)
        self.title = QLabel(title, self)
        self.title.setObjectName(f"{name}_title")
        make_heading(self.title, 1.2)
        self.title.setAccessibleName(title)
        self.body.addWidget(self.title)
        self.subtitle = muted_label(subtitle, self)
        self.subtitle.setVisible(bool(subtitle))
        self.body.addWidget(self.subtitle)

    def focus_order(self) -> list[QWidget]:
        """The card's controls in reading order (the page chains the cards' lists for Tab)."""
        return focusable_in(self.body)


def card_body(frame: QFrame) -> QVBoxLayout:
    """Make `frame` a card of the theme (Today's cards, Export & backup's sections) and give
    it its padded body layout, so every card has the same frame, padding and spacing."""
    frame.setProperty("role", "card")
    # Preferred, not Maximum: a card's height follows its width (wrapped words need more
    # lines when narrow), and a Maximum height would cap it at the unwrapped height, so its
    # rows would overlap.
    frame.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    body = QVBoxLayout(frame)
    pad = round(SPACING * 1.4)
    body.setContentsMargins(pad, pad, pad, pad)
    body.setSpacing(round(SPACING * 0.75))
    return body


def muted_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "muted")
    label.setWordWrap(True)
    return label


def wrapped_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def error_label(name: str, parent: QWidget) -> QLabel:
    """A line for what the vault refused (or why something cannot be saved), in the theme's
    error colour; hidden until there is something to say. `name` is its object name."""
    label = wrapped_label("", parent)
    label.setObjectName(name)
    label.setProperty("role", "error")
    label.setVisible(False)
    return label


def clear_layout(layout: QVBoxLayout) -> None:
    """Remove and delete every item of a layout (rows that are rebuilt on refresh)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.setParent(None)  # out of the tree now (findChild, tab order); freed later
            widget.deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())  # type: ignore[arg-type]


def plural(translated: str, n: int) -> str:
    """English plural for a `tr("%n day(s)", "", n)` result when no translation is loaded.

    Qt only replaces `%n`; the "(s)" is resolved by a translation file's plural forms. Without
    one (English, the source language) we resolve it here; a translated string has no "(s)".
    """
    return translated.replace("(s)", "" if n == 1 else "s")
