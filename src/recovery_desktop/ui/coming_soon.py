# SPDX-License-Identifier: GPL-3.0-or-later
"""A friendly placeholder for pages that arrive in later versions (People, Goals, Insights...)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from recovery_desktop.ui.page import Page
from recovery_desktop.ui.theme import SPACING, make_heading


class ComingSoonPage(Page):
    """Says what will be here, kindly; nothing to save or reload (the contract's defaults).
    `key` names it as the page it stands in for (`<key>_page`)."""

    def __init__(
        self,
        title: str,
        what_will_be_here: str,
        parent: QWidget | None = None,
        *,
        key: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{key}_page" if key else "coming_soon_page")
        self.setAccessibleName(title)
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
