# SPDX-License-Identifier: GPL-3.0-or-later
"""The few findings at the top of the Insights page: a sentence each, with its counts under it.

The sentences come from `insights.findings()`, most useful first; each says "goes together"
where it links two things, and each keeps the counts it rests on in view.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from recovery_desktop.insights import Finding
from recovery_desktop.ui.theme import SPACING, make_heading

MAX_SHOWN = 5
LINE_CHARACTERS = 110


class FindingsPanel(QFrame):
    """Up to `MAX_SHOWN` findings, or a kind word when the period holds too little."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insights_findings")
        self.setProperty("role", "card")
        self.setAccessibleName(self.tr("What stands out"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING + 4, SPACING, SPACING + 4, SPACING + 4)
        layout.setSpacing(SPACING // 2)
        heading = QLabel(self.tr("What stands out"), self)
        heading.setObjectName("insights_findings_heading")
        make_heading(heading, 1.15)
        layout.addWidget(heading)
        self._rows = QVBoxLayout()
        self._rows.setSpacing(SPACING)
        layout.addLayout(self._rows)
        self.sentences: list[QLabel] = []
        self.counts: list[QLabel] = []

    def show_findings(self, findings: Sequence[Finding]) -> None:
        while self._rows.count():
            item = self._rows.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.sentences, self.counts = [], []
        if not findings:
            empty = self._label(
                self.tr(
                    "Not much to go on in this period yet. As days with a check-in or a "
                    "connection add up, what goes together with your better days shows here."
                ),
                "insights_no_findings",
            )
            self._rows.addWidget(empty)
            self.sentences.append(empty)
            return
        for number, finding in enumerate(findings[:MAX_SHOWN]):
            row = QWidget(self)
            column = QVBoxLayout(row)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            sentence = self._label(finding.text, f"insights_finding_{number}", row)
            counts = self._label(
                self.tr("Counts: %1").replace("%1", finding.counts),
                f"insights_finding_{number}_counts",
                row,
            )
            counts.setProperty("role", "muted")
            column.addWidget(sentence)
            column.addWidget(counts)
            self._rows.addWidget(row)
            self.sentences.append(sentence)
            self.counts.append(counts)

    def _label(self, text: str, name: str, parent: QWidget | None = None) -> QLabel:
        label = QLabel(text, parent or self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """Keep a comfortable line length on wide screens (in characters, so it scales with
        the font): the room beyond it becomes margin, which word wrap measures correctly."""
        super().resizeEvent(event)
        line = self.fontMetrics().averageCharWidth() * LINE_CHARACTERS
        margins = self.layout().contentsMargins()
        right = SPACING + 4 + max(0, event.size().width() - margins.left() - SPACING - 4 - line)
        if right != margins.right():
            margins.setRight(right)
            self.layout().setContentsMargins(margins)
