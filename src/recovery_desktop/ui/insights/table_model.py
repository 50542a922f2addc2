# SPDX-License-Identifier: GPL-3.0-or-later
"""The numbers behind a chart (`insights.Table`) as a Qt table model: "Show as table".

Cells are already words; a blank cell means "not recorded", never zero, and its accessible
text says so. Columns of figures are right-aligned, as numbers are read.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from recovery_desktop.insights import Table

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
NUMERIC_SAMPLE = 100  # rows from each end that decide whether a column holds figures


def _is_figure(text: str) -> bool:
    try:
        float(text.replace("%", ""))
    except ValueError:
        return False
    return True


class ChartTableModel(QAbstractTableModel):
    """Read-only rows of one chart's table; `set_table` swaps them for another period's."""

    def __init__(self, table: Table | None = None, parent=None) -> None:
        super().__init__(parent)
        self._table = Table((), ())
        self._numeric: tuple[bool, ...] = ()
        if table is not None:
            self.set_table(table)

    @property
    def table(self) -> Table:
        return self._table

    def set_table(self, table: Table) -> None:
        self.beginResetModel()
        self._table = table
        sample = table.rows[:NUMERIC_SAMPLE] + table.rows[-NUMERIC_SAMPLE:]
        self._numeric = tuple(
            any(row[c] for row in sample) and all(_is_figure(row[c]) for row in sample if row[c])
            for c in range(len(table.columns))
        )
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._table.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._table.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        text = self._table.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return text or self.tr("not recorded")
        if role == Qt.ItemDataRole.TextAlignmentRole and self._numeric[index.column()]:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._table.columns):
            return self._table.columns[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
