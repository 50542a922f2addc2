# SPDX-License-Identifier: GPL-3.0-or-later
"""The Export & backup page: the counselor report, data export, backups and imports.

Each part is a section card listed in `ui/export/sections.py`, so the report and backups plug
in with one line each. Two columns when there is room (report and export on the left, backups
and imports on the right; Tab reads the left column first), one column when narrow. Long work
runs on workers and keeps running while another page is shown; locking drops the page, which
stops that work (nothing half-written is left behind).
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.storage import Vault
from recovery_desktop.ui.export.section import Section, muted_label
from recovery_desktop.ui.export.sections import SECTIONS
from recovery_desktop.ui.page import Page, chain_tab_order
from recovery_desktop.ui.theme import SPACING, make_heading

TWO_COLUMNS_FROM_CHARS = 150  # page width, in average characters, from which two columns fit
MAX_WIDTH_CHARS = 240  # wider than this, the content is centred


class ExportPage(Page):
    """A page of the sidebar (`ui/page.py`): sections built from `SECTIONS`."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_page")
        self.setAccessibleName(self.tr("Export & backup"))
        self._vault = vault
        self._two_columns: bool | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("export_scroll")
        self.scroll.setAccessibleName(self.tr("Export & backup"))
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll)

        content = QWidget()
        content.setObjectName("export_content")
        self.scroll.setWidget(content)
        self._content = QVBoxLayout(content)
        margin = SPACING * 2
        self._content.setContentsMargins(margin, margin, margin, margin)
        self._content.setSpacing(SPACING)

        heading = QLabel(self.tr("Export & backup"), content)
        heading.setObjectName("export_heading")
        make_heading(heading, 1.6)
        self._content.addWidget(heading)
        intro = muted_label(
            self.tr(
                "Your journal stays encrypted in its vault. Here you can take a copy of it out, "
                "or bring in what you wrote in another app."
            ),
            content,
        )
        intro.setObjectName("export_intro")
        self._content.addWidget(intro)

        self.sections: dict[str, Section] = {}
        for spec in SECTIONS:
            section = spec.build(vault, content)
            section.focus_order_changed.connect(self._chain_tab_order)
            self.sections[spec.key] = section

        columns = QHBoxLayout()
        columns.setSpacing(SPACING + 4)
        self._left = QVBoxLayout()
        self._right = QVBoxLayout()
        for column in (self._left, self._right):
            column.setSpacing(SPACING + 4)
            columns.addLayout(column, 1)
        self._columns = columns
        self._content.addLayout(columns)
        self._content.addStretch(1)
        self._arrange(two=False)

    # --- the page contract (ui/page.py) ------------------------------------------------------

    def flush(self) -> None:
        for section in self.sections.values():
            section.flush()

    def refresh(self) -> None:
        for section in self.sections.values():
            section.refresh()

    def busy(self) -> bool:
        """True while an export or import is running."""
        return any(section.busy() for section in self.sections.values())

    # --- layout ------------------------------------------------------------------------------

    def _arrange(self, *, two: bool) -> None:
        if two == self._two_columns:
            return
        self._two_columns = two
        for column in (self._left, self._right):
            while column.count():
                column.takeAt(0)
        ordered = list(self.sections.values())
        half = (len(ordered) + 1) // 2
        left, right = (ordered[:half], ordered[half:]) if two else (ordered, [])
        for section in left:
            self._left.addWidget(section)
        for section in right:
            self._right.addWidget(section)
        self._left.addStretch(1)
        self._right.addStretch(1)
        self._columns.setStretch(1, 1 if two else 0)
        self._chain_tab_order()

    def _chain_tab_order(self) -> None:
        """Tab follows the reading order: top to bottom, the left column first."""
        controls: list[QWidget] = []
        for column in (self._left, self._right):
            for i in range(column.count()):
                widget = column.itemAt(i).widget()
                if isinstance(widget, Section):
                    controls.extend(widget.focus_order())
        chain_tab_order(controls)

    def _layout_for(self, width: int) -> None:
        char = max(1, self.fontMetrics().averageCharWidth())
        self._arrange(two=width >= TWO_COLUMNS_FROM_CHARS * char)
        spare = max(0, width - MAX_WIDTH_CHARS * char)
        margin = SPACING * 2
        self._content.setContentsMargins(margin + spare // 2, margin, margin + spare // 2, margin)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._layout_for(event.size().width())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._layout_for(self.width())
