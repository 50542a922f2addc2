# SPDX-License-Identifier: GPL-3.0-or-later
"""One chart on the Insights page: the chart, its one-sentence summary, "Show as table" with
the numbers behind it, and "Save as picture…".

The summary is both visible under the chart and the chart's accessible description, and the
table holds the same numbers as the chart, so a screen-reader user gets the same insight.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.ui.insights.table_model import ChartTableModel
from recovery_desktop.ui.theme import SPACING

if TYPE_CHECKING:
    from recovery_desktop.ui.insights.canvas import ChartCanvas
    from recovery_desktop.ui.insights.jobs import DrawnChart

TABLE_ROWS_SHOWN = 12  # rows in view before the table scrolls
PLACEHOLDER_HEIGHT = 320
TABLE_ROWS_MEASURED = 100


class ChartCard(QFrame):
    """A card for the chart `key`. `show_drawn` puts a newly drawn chart in; `save_requested`
    asks the page to save it (the page knows the period and the theme)."""

    save_requested = Signal(str)

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.title = ""
        self.canvas: ChartCanvas | None = None
        self.setObjectName(f"insights_{key}_card")
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        pad = SPACING
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(SPACING // 2 + 2)

        self.placeholder = QLabel(self.tr("Drawing this chart…"), self)
        self.placeholder.setObjectName(f"insights_{key}_placeholder")
        self.placeholder.setProperty("role", "muted")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setMinimumHeight(PLACEHOLDER_HEIGHT)
        layout.addWidget(self.placeholder)
        self._canvas_index = 0

        self.summary = QLabel("", self)
        self.summary.setObjectName(f"insights_{key}_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)

        buttons = QHBoxLayout()
        buttons.setSpacing(SPACING // 2 + 2)
        self.table_toggle = QPushButton(self.tr("Show as table"), self)
        self.table_toggle.setObjectName(f"insights_{key}_table_toggle")
        self.table_toggle.setCheckable(True)
        self.table_toggle.setEnabled(False)
        self.table_toggle.toggled.connect(self._show_table)
        self.save_button = QPushButton(self.tr("Save as picture…"), self)
        self.save_button.setObjectName(f"insights_{key}_save")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.key))
        buttons.addWidget(self.table_toggle)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.save_status = QLabel("", self)
        self.save_status.setObjectName(f"insights_{key}_save_status")
        self.save_status.setWordWrap(True)
        self.save_status.setTextFormat(Qt.TextFormat.PlainText)
        self.save_status.setProperty("role", "muted")
        self.save_status.hide()
        layout.addWidget(self.save_status)

        self.model = ChartTableModel(parent=self)
        self.table_view = QTableView(self)
        self.table_view.setObjectName(f"insights_{key}_table")
        self.table_view.setModel(self.model)
        self.table_view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.setAlternatingRowColors(True)
        self.table_view.verticalHeader().hide()
        # Widths from the first rows only: ten years of days would take a third of a second.
        self.table_view.horizontalHeader().setResizeContentsPrecision(TABLE_ROWS_MEASURED)
        self.table_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table_view.hide()
        layout.addWidget(self.table_view, 0, Qt.AlignmentFlag.AlignLeft)
        self._name_controls()

    def _keep_toggle_width(self) -> None:
        """As wide for "Hide table" as for "Show as table", so "Save as picture…" beside it
        stays put when the table opens (measured once it is styled: now, on a click)."""
        widths = []
        for text in (self.tr("Show as table"), self.tr("Hide table")):
            self.table_toggle.setText(text)
            widths.append(self.table_toggle.sizeHint().width())
        self.table_toggle.setMinimumWidth(max(widths))

    def _name_controls(self) -> None:
        title = self.title or self.tr("this chart")
        self.setAccessibleName(title)
        self.table_toggle.setAccessibleName(self.tr("Show “%1” as a table").replace("%1", title))
        self.save_button.setAccessibleName(
            self.tr("Save “%1” as a PNG or SVG picture").replace("%1", title)
        )
        self.table_view.setAccessibleName(self.tr("The numbers behind “%1”").replace("%1", title))
        if self.canvas is not None:
            self.canvas.setAccessibleName(title)
            self.canvas.setAccessibleDescription(self.summary.text())

    # --- showing a chart ---------------------------------------------------------------------

    def show_drawn(self, drawn: DrawnChart) -> None:
        """Show a chart drawn on a worker (its figure is this card's from now on)."""
        from recovery_desktop.ui.insights.canvas import ChartCanvas

        layout = self.layout()
        old = self.canvas
        canvas = ChartCanvas(
            drawn.figure, drawn.picture, drawn.width, drawn.height, drawn.fit, self
        )
        canvas.setObjectName(f"insights_{self.key}_chart")
        if old is not None:
            had_focus = old.hasFocus()
            layout.replaceWidget(old, canvas)
            old.hide()
            old.deleteLater()
        else:
            had_focus = False
            layout.replaceWidget(self.placeholder, canvas)
            self.placeholder.hide()
        self.canvas = canvas
        canvas.show()
        self.title = drawn.title
        self.summary.setText(drawn.summary)
        self.model.set_table(drawn.table)
        self.table_view.scrollToTop()  # another period's numbers start from their first day
        if self.table_view.isVisible():
            self._fit_table()
        self.table_toggle.setEnabled(bool(drawn.table.rows))
        self.save_button.setEnabled(True)
        self._name_controls()
        if had_focus:
            canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_failed(self) -> None:
        """The chart could not be drawn: say so where it would be (any older one stays)."""
        if self.canvas is None:
            self.placeholder.setText(self.tr("This chart couldn't be drawn just now."))
        else:
            self.show_save_status(self.tr("This chart couldn't be redrawn just now."), error=True)

    def set_chart_width(self, width: int) -> None:
        """The width the page gives the chart (its height is the chart's own)."""
        if self.canvas is not None and self.canvas.width() != width:
            self.canvas.setFixedWidth(width)

    def _show_table(self, shown: bool) -> None:
        self._keep_toggle_width()
        self.table_toggle.setText(self.tr("Hide table") if shown else self.tr("Show as table"))
        self.table_view.setVisible(shown)
        if shown:
            self._fit_table()

    def _fit_table(self) -> None:
        """As wide as its columns (up to the card) and as tall as a dozen rows."""
        view = self.table_view
        view.resizeColumnsToContents()
        header = view.horizontalHeader()
        frame = 2 * view.frameWidth()
        rows = min(self.model.rowCount(), TABLE_ROWS_SHOWN)
        scrolls = self.model.rowCount() > rows
        bar = view.verticalScrollBar().sizeHint().width() if scrolls else 0
        wanted = header.length() + frame + bar
        room = self.contentsRect().width() - self.layout().contentsMargins().left() * 2
        too_wide = wanted > room > 0
        view.setFixedWidth(min(wanted, room) if room > 0 else wanted)
        height = header.sizeHint().height() + rows * view.verticalHeader().defaultSectionSize()
        if too_wide:
            height += view.horizontalScrollBar().sizeHint().height()
        view.setFixedHeight(height + frame)

    def show_save_status(self, text: str, *, error: bool = False) -> None:
        self.save_status.setProperty("role", "error" if error else "muted")
        self.save_status.style().unpolish(self.save_status)
        self.save_status.style().polish(self.save_status)
        self.save_status.setText(text)
        self.save_status.setVisible(bool(text))

    def focus_order(self) -> list[QWidget]:
        """Its controls in reading order (chart, Show as table, Save, then the table)."""
        widgets: list[QWidget] = []
        if self.canvas is not None:
            widgets.append(self.canvas)
        widgets += [self.table_toggle, self.save_button, self.table_view]
        return widgets
