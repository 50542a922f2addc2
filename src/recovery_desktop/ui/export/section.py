# SPDX-License-Identifier: GPL-3.0-or-later
"""A section of the Export & backup page: a card with a heading, built from the vault.

The contract a section keeps (the page keeps the page contract of `ui/page.py` for it):
- built as `SectionClass(vault, parent)` when the page is built; holds no SQL and runs
  anything slow through `ui.export.jobs.VaultJob` (a worker with its own connection);
- `focus_order()` lists its controls in reading order, hidden ones included (Tab skips
  those); it emits `focus_order_changed` when it adds or removes controls, and the page
  chains Tab again;
- `flush()` and `refresh()` as a page's (quick, no dialogs); `busy()` says whether long work
  is running (the page keeps it running while another page is shown);
- every control has an object name and an accessible name; words through `tr()`; colours from
  the theme (`role` "muted", "error", "banner" on labels).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from recovery_desktop.ui.page import focusable_in
from recovery_desktop.ui.theme import make_heading
from recovery_desktop.ui.today.card import card_body

if TYPE_CHECKING:
    from recovery_desktop.storage import Vault


class Section(QFrame):
    """A card (`QFrame[role="card"]`) with a heading; subclasses call `set_title` and add
    their widgets to `self.body`."""

    focus_order_changed = Signal()

    def __init__(self, key: str, parent: QWidget | None = None, vault: Vault | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.vault = vault
        self.setObjectName(f"{key}_section")
        self.body = card_body(self)
        self.title = QLabel("", self)
        self.title.setObjectName(f"{key}_title")
        self.title.setWordWrap(True)
        make_heading(self.title, 1.2)
        self.body.addWidget(self.title)

    def set_title(self, title: str) -> None:
        """The heading, also the card's accessible name (what a screen reader says first)."""
        self.title.setText(title)
        self.setAccessibleName(title)

    def focus_order(self) -> list[QWidget]:
        """The controls Tab visits, in the order they are laid out."""
        return focusable_in(self.body, tab_only=True)

    def flush(self) -> None:
        """Nothing typed here needs saving by default."""

    def refresh(self) -> None:
        """Nothing to re-read by default."""

    def busy(self) -> bool:
        return False


class ComingSoonSection(Section):
    """A section that is not built yet: one honest sentence, and nothing to press."""

    def __init__(self, key: str, title: str, sentence: str, parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self.set_title(title)
        self.sentence = muted_label(sentence, self)
        self.sentence.setObjectName(f"{key}_coming")
        self.body.addWidget(self.sentence)


def muted_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "muted")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_label(text: str, parent: QWidget, *, role: str | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role is not None:
        label.setProperty("role", role)
    return label
