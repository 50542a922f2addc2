# SPDX-License-Identifier: GPL-3.0-or-later
"""A friendly placeholder for pages that arrive in later versions (People, Goals, Insights...)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from recovery_desktop.ui.theme import SPACING, make_heading


class ComingSoonPage(QWidget):
    """Says what will be here, kindly. Has the page contract's `flush()` (nothing to save)."""

    def __init__(self, title: str, what_will_be_here: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coming_soon_page")
        heading = QLabel(title, self)
        heading.setObjectName("page_title")
        make_heading(heading, 1.6)
        soon = QLabel(self.tr("Coming soon"), self)
        soon.setProperty("role", "banner")
        text = QLabel(what_will_be_here, self)
        text.setObjectName("coming_soon_text")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        later = QLabel(
            self.tr("Nothing to do here yet. Everything you write elsewhere is already kept safe."),
            self,
        )
        later.setProperty("role", "muted")
        later.setWordWrap(True)
        layout = QVBoxLayout(self)
        margin = SPACING * 2
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(SPACING)
        layout.addWidget(heading)
        layout.addWidget(soon, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(text)
        layout.addWidget(later)
        layout.addStretch(1)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def flush(self) -> None:
        """Nothing unsaved on a placeholder page."""

    def refresh(self) -> None:
        """Nothing to reload."""
