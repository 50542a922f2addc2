# SPDX-License-Identifier: GPL-3.0-or-later
"""What a section of the safety plan and the crisis lines share about their lines: a column of
row widgets, each saved as it is left, that the page scrolls to as the focus moves.

The rows themselves differ (an item, maybe linked to a contact; a crisis line of four fields),
and so do adding, moving and removing them; what is kept here is the same in both, so Save
on leaving the page, "unsaved changes" and the focus behave alike in every part of the plan.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

Row = TypeVar("Row", bound=QWidget)

FIELD_GAP = 6  # between fields side by side (a crisis line's; a name and its note), in pixels


class EditableLines(Generic[Row]):
    """Mixed into a widget that keeps its rows in `_rows` (in order), lays them out in
    `rows_layout`, sets `_scroll_to` to None at first and saves a row with `save_row(row)`.
    A row answers `is_dirty()` and `set_number(n)` (its place, for object and accessible
    names)."""

    _rows: list[Row]
    rows_layout: QVBoxLayout
    _scroll_to: Callable[[QWidget], None] | None

    def save_row(self, row: Row) -> bool:
        """Store the row's words. True when the vault has them."""
        raise NotImplementedError

    def rows(self) -> list[Row]:
        return list(self._rows)

    def flush(self) -> None:
        """Save every row that holds words the vault has not got yet."""
        for row in list(self._rows):
            if row.is_dirty():  # type: ignore[attr-defined]
                self.save_row(row)

    def has_unsaved_changes(self) -> bool:
        """Some row holds words the vault has not got: typed just now, or refused."""
        return any(row.is_dirty() for row in self._rows)  # type: ignore[attr-defined]

    def set_scroll_to(self, scroll_to: Callable[[QWidget], None]) -> None:
        """How to bring a focused line into view (the page's scroll area)."""
        self._scroll_to = scroll_to

    def _renumber(self) -> None:
        for number, row in enumerate(self._rows, start=1):
            row.set_number(number)  # type: ignore[attr-defined]

    def _drop(self, row: Row) -> None:
        self.rows_layout.removeWidget(row)
        row.hide()
        row.setParent(None)  # out of the focus chain and findChild now; freed later
        row.deleteLater()

    def _focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if self._scroll_to is not None:
            self._scroll_to(widget)
