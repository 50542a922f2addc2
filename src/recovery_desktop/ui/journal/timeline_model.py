# SPDX-License-Identifier: GPL-3.0-or-later
"""The journal timeline as a lazy list model over `vault.entries.page`.

Only fetched rows exist: `rowCount` counts what has been read, and the view asks for more with
`canFetchMore`/`fetchMore` as the person scrolls, one page (~100 rows, about a millisecond) at a
time. That is what lets a 20,000-entry vault open at once and scroll without stalls.
The model holds only light `EntrySummary` rows, never full bodies. It reads the vault on the GUI
thread (the brief allows quick reads there) and must be cleared before the vault closes.
"""

from __future__ import annotations

import html
from dataclasses import replace

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from recovery_desktop.core.models import (
    SNIPPET_END,
    SNIPPET_START,
    Entry,
    EntryFilter,
    EntrySummary,
    Visibility,
)
from recovery_desktop.storage import Vault
from recovery_desktop.ui.widgets.dates import long_date
from recovery_desktop.ui.widgets.mood_picker import mood_word

PAGE_SIZE = 100
PREVIEW_CHARS = 160

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def snippet_html(snippet: str, highlight: str, text_colour: str) -> str:
    """A search snippet as safe rich text: the entry's words are escaped first, then the
    matches (between SNIPPET_START and SNIPPET_END) are wrapped in a highlight."""
    escaped = html.escape(snippet, quote=False)
    marked = escaped.replace(
        SNIPPET_START,
        f'<span style="background-color:{highlight}; color:{text_colour}; font-weight:600;">',
    ).replace(SNIPPET_END, "</span>")
    return marked.replace("\n", " ")


def summary_of(entry: Entry, snippet: str = "") -> EntrySummary:
    """The timeline row for an entry just saved, without reading it back."""
    assert entry.id is not None
    text = " ".join((entry.body or entry.gratitude).split())
    preview = text[:PREVIEW_CHARS] + ("…" if len(text) > PREVIEW_CHARS else "")
    return EntrySummary(
        id=entry.id,
        entry_date=entry.entry_date,
        title=entry.title,
        preview=preview,
        mood=entry.mood,
        craving=entry.craving,
        visibility=entry.visibility,
        is_draft=entry.is_draft,
        is_checkin=entry.is_checkin,
        snippet=snippet,
    )


class TimelineModel(QAbstractListModel):
    """Entry summaries, newest first (or best match first while searching)."""

    SummaryRole = Qt.ItemDataRole.UserRole + 1
    IdRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, vault: Vault, parent: QObject | None = None, page_size: int = PAGE_SIZE):
        super().__init__(parent)
        self._vault = vault
        self._page_size = page_size
        self._filter = EntryFilter()
        self._rows: list[EntrySummary] = []
        self._exhausted = False
        self._total: int | None = None
        self.grouped = False  # by day: the delegate writes each day's date once
        self._fetch_more_rows()

    # --- the filter ----------------------------------------------------------------------------

    @property
    def entry_filter(self) -> EntryFilter:
        return self._filter

    @property
    def searching(self) -> bool:
        return bool(self._filter.text.strip())

    def set_filter(self, flt: EntryFilter) -> None:
        """Show entries matching `flt` from the first page again."""
        self.beginResetModel()
        self._filter = flt
        self._rows = []
        self._exhausted = False
        self._total = None
        self._read(0, self._page_size)
        self.endResetModel()

    def reload(self) -> None:
        """Read again as many rows as are loaded now (after a save, delete or undo)."""
        keep = max(len(self._rows), self._page_size)
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self._total = None
        self._read(0, keep)
        self.endResetModel()

    def clear(self) -> None:
        """Drop every row (before the vault locks); the model reads nothing after this."""
        self.beginResetModel()
        self._rows = []
        self._exhausted = True
        self._total = 0
        self.endResetModel()

    def total(self) -> int:
        """How many entries match the filter in the whole vault (one quick count)."""
        if self._total is None:
            self._total = (
                len(self._rows) if self._exhausted else self._vault.entries.count(self._filter)
            )
        return self._total

    # --- lazy loading --------------------------------------------------------------------------

    def _read(self, offset: int, limit: int) -> list[EntrySummary]:
        if not self._vault.is_open:
            self._exhausted = True
            return []
        rows = self._vault.entries.page(self._filter, offset, limit)
        if len(rows) < limit:
            self._exhausted = True
        self._rows.extend(rows)
        return rows

    def _fetch_more_rows(self) -> None:
        self._read(len(self._rows), self._page_size)

    def canFetchMore(self, parent: _Index = _ROOT) -> bool:  # noqa: N802 (Qt override)
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index = _ROOT) -> None:  # noqa: N802
        if parent.isValid() or self._exhausted or not self._vault.is_open:
            return
        start = len(self._rows)
        rows = self._vault.entries.page(self._filter, start, self._page_size)
        if len(rows) < self._page_size:
            self._exhausted = True
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    # --- reading rows --------------------------------------------------------------------------

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def summary(self, row: int) -> EntrySummary:
        return self._rows[row]

    def groups_by_day(self) -> bool:
        """Rows are grouped by day when asked for, except while searching (best match first,
        so days are mixed)."""
        return self.grouped and not self.searching

    def starts_day(self, row: int) -> bool:
        """True for the first row of its day (the one that shows the date when grouped)."""
        return row == 0 or self._rows[row - 1].entry_date != self._rows[row].entry_date

    def ends_day(self, row: int) -> bool:
        """True for the last loaded row of its day."""
        return (
            row + 1 >= len(self._rows)
            or self._rows[row + 1].entry_date != self._rows[row].entry_date
        )

    def set_grouped(self, grouped: bool) -> None:
        if grouped != self.grouped:
            self.grouped = grouped
            if self._rows:
                self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def row_of(self, entry_id: int) -> int | None:
        """The row of an entry among those already fetched, or None."""
        return next((i for i, s in enumerate(self._rows) if s.id == entry_id), None)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        if role == self.SummaryRole:
            return summary
        if role == self.IdRole:
            return summary.id
        if role == Qt.ItemDataRole.DisplayRole:
            if summary.is_checkin and not summary.title:
                return self.tr("Daily check-in")
            return summary.title or first_words(summary.preview) or self.tr("(empty entry)")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.describe(summary)
        if role == Qt.ItemDataRole.ToolTipRole:
            return summary.title or None
        return None

    def describe(self, summary: EntrySummary) -> str:
        """One sentence a screen reader can say for a row (the delegate draws the same facts)."""
        parts = [long_date(summary.entry_date), summary.title or first_words(summary.preview)]
        if summary.is_checkin and not summary.title:  # as the row shows it: what it is first
            parts[1:] = [self.tr("Daily check-in"), first_words(summary.preview)]
        if summary.mood is not None:
            parts.append(self.tr("mood %1").replace("%1", mood_word(summary.mood)))
        if summary.craving is not None:
            parts.append(self.tr("craving %1 of 10").replace("%1", str(summary.craving)))
        if summary.is_draft:
            parts.append(self.tr("draft"))
        if summary.visibility == Visibility.PRIVATE:
            parts.append(self.tr("private"))
        elif summary.visibility == Visibility.SHARED:
            parts.append(self.tr("shared with counselor"))
        return ". ".join(p for p in parts if p)

    # --- keeping rows current after an edit ----------------------------------------------------

    def entry_saved(self, entry: Entry) -> int | None:
        """Update the row of a just-saved entry in place, or reload when it moved or is new.

        Returns the entry's row afterwards (None when the filter hides it). Updating in place
        keeps the person's scroll position while autosave runs every few seconds.
        """
        assert entry.id is not None
        row = self.row_of(entry.id)
        if row is not None and self._rows[row].entry_date == entry.entry_date:
            old = self._rows[row]
            self._rows[row] = replace(summary_of(entry), snippet=old.snippet)
            index = self.index(row)
            self.dataChanged.emit(index, index)
            return row
        self.reload()
        return self.row_of(entry.id)


def first_words(text: str, count: int = 8) -> str:
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")
