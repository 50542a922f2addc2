# SPDX-License-Identifier: GPL-3.0-or-later
"""The sidebar: the app's name, the list of pages and the Help now button under it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.ui.sidebar_pages import PageSpec
from recovery_desktop.ui.theme import SPACING, scaled_font

SIDEBAR_CHARS = 30  # the panel's width, in average characters of the system font


class Sidebar(QWidget):
    """Emits `page_chosen(key)` when the person picks a page (keyboard or mouse), and
    `help_now_requested` from the Help now button. `select(key)` follows the shown page
    without emitting."""

    page_chosen = Signal(str)
    help_now_requested = Signal()

    def __init__(self, specs: Iterable[PageSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar_panel")
        # A QWidget subclass paints its style-sheet background only when asked to.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._keys: list[str] = []

        self.page_list = QListWidget(self)
        self.page_list.setObjectName("sidebar")
        self.page_list.setAccessibleName(self.tr("Pages"))
        row_height = int(self.fontMetrics().height() * 2.2)
        for spec in specs:
            item = QListWidgetItem(spec.translated_title(), self.page_list)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(0, row_height))
            self._keys.append(spec.key)
        self.page_list.setSpacing(1)
        self.page_list.currentRowChanged.connect(self._row_changed)

        self.help_button = QPushButton(self.tr("Help now"), self)
        self.help_button.setObjectName("help_now_button")
        self.help_button.setAccessibleName(self.tr("Help now"))
        self.help_button.setToolTip(self.tr("Crisis lines and the people you can call, right now"))
        self.help_button.clicked.connect(self.help_now_requested)

        title = QLabel(self.tr("Recovery Desktop"), self)
        title.setObjectName("sidebar_title")
        title.setFont(scaled_font(self.font(), 1.1, bold=True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING // 2, SPACING, SPACING // 2, SPACING)
        layout.addWidget(title)
        layout.addWidget(self.page_list, 1)
        layout.addWidget(self.help_button)
        self.setFixedWidth(self.fontMetrics().averageCharWidth() * SIDEBAR_CHARS)
        QWidget.setTabOrder(self.page_list, self.help_button)

    def select(self, key: str) -> None:
        """Highlight the page shown, without asking to show it again."""
        row = self._keys.index(key)
        if self.page_list.currentRow() != row:
            self.page_list.blockSignals(True)
            self.page_list.setCurrentRow(row)
            self.page_list.blockSignals(False)

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            self.page_chosen.emit(self._keys[row])
