# SPDX-License-Identifier: GPL-3.0-or-later
"""Mark a row of a list that follows an editor (goals, promises, people): the list shows what
is open without the person having clicked it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView


def mark_row(view: QAbstractItemView, row: int | None) -> None:
    """Make `row` the view's current and only selected row, scrolled into view; None clears
    the selection. The caller keeps its own slot on `currentChanged` from reopening what is
    already open (the pages set a `_syncing` flag around this)."""
    selection = view.selectionModel()
    if row is None:
        selection.clear()
        return
    index = view.model().index(row, 0)
    selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    view.scrollTo(index)
