# SPDX-License-Identifier: GPL-3.0-or-later
"""The Journal page: search, filters and the timeline on the left, the editor on the right.

Side by side from a 960 px window up; when the two cannot sit side by side without cutting a
word (a large system font), the timeline goes above the editor. The editor scrolls when the
window is too short for it, and keeps a comfortable line length when it is wide.

It follows the page contract in `ui/page.py`: `flush()` saves what is typed before switching
pages, locking and quitting, and `refresh()` re-reads the vault when the page is shown again.
`new_entry()`, `focus_search()`, `open_entry(id)` and `save_now()` are what the main window's
shortcuts call. The page reads and writes only through the `Vault` it is given, on the
GUI thread (each call is a millisecond or so).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.models import Entry, EntryFilter
from recovery_desktop.storage import Vault
from recovery_desktop.ui.day_watch import DayWatch
from recovery_desktop.ui.journal.editor import AUTOSAVE_MS, EntryEditor
from recovery_desktop.ui.journal.search_bar import SEARCH_DEBOUNCE_MS, SearchBar
from recovery_desktop.ui.journal.timeline_delegate import TimelineDelegate
from recovery_desktop.ui.journal.timeline_model import PAGE_SIZE, TimelineModel
from recovery_desktop.ui.journal.undo_bar import UNDO_MS, UndoBar
from recovery_desktop.ui.page import Page

if TYPE_CHECKING:
    from recovery_desktop.ui.search_preparation import SearchPreparation

GROUP_BY_DAY_KEY = "journal_group_by_day"  # in vault.settings: the person's choice
LIST_SHARE = 0.36  # of the page's width, side by side
LIST_MOST_CHARS = 110  # the list grows no wider than this many average characters
SEARCH_LOOKAHEAD_PAGES = 10  # how far to look for the open entry among new results


class JournalPage(Page):
    """The journal: a timeline on the left and the entry editor on the right."""

    def __init__(
        self,
        vault: Vault,
        parent: QWidget | None = None,
        *,
        autosave_ms: int = AUTOSAVE_MS,
        search_debounce_ms: int = SEARCH_DEBOUNCE_MS,
        undo_ms: int = UNDO_MS,
        page_size: int = PAGE_SIZE,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("journal_page")
        self.setAccessibleName(self.tr("Journal"))
        self._vault = vault
        self._syncing = False
        self._deleted: Entry | None = None
        self._today = today
        self._day = today()
        self._preparation: SearchPreparation | None = None

        # Every widget is made inside the one that holds it: moving a built widget into
        # another (a layout, a splitter) styles it and all it holds a second time.
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("journal_splitter")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        left = self.list_panel = QWidget(self.splitter)
        left.setObjectName("journal_left")
        self.search_bar = SearchBar(left, search_debounce_ms)
        self.new_button = QPushButton(self.tr("New entry"), left)
        self.new_button.setObjectName("journal_new_entry")
        self.new_button.setAccessibleName(self.tr("New entry"))
        self.new_button.setToolTip(self.tr("New entry (Ctrl+N)"))
        self.count_label = QLabel(left)
        self.count_label.setObjectName("journal_result_count")
        self.count_label.setProperty("role", "muted")
        self.count_label.setAccessibleName(self.tr("Number of entries shown"))
        self.count_label.setWordWrap(True)
        self.group_by_day = QCheckBox(self.tr("Group by day"), left)
        self.group_by_day.setObjectName("journal_group_by_day")
        self.group_by_day.setAccessibleName(self.tr("Group the list by day"))

        self.model = TimelineModel(vault, self, page_size)
        self.timeline = QListView(left)
        self.timeline.setObjectName("journal_timeline")
        self.timeline.setAccessibleName(self.tr("Journal entries, newest first"))
        self.timeline.setModel(self.model)
        self.timeline.setItemDelegate(TimelineDelegate(self.timeline))
        self.timeline.setUniformItemSizes(True)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.timeline.setMouseTracking(True)
        self.timeline.setFrameShape(QFrame.Shape.NoFrame)

        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(10, 8, 4, 8)
        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.group_by_day)
        top.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)
        left_layout.addWidget(self.search_bar)
        left_layout.addLayout(top)
        left_layout.addWidget(self.timeline, 1)

        right = QWidget(self.splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.undo_bar = UndoBar(right, undo_ms)
        # Too short a window: the editor scrolls, rather than squeeze its text away.
        self.editor_scroll = QScrollArea(right)
        self.editor = EntryEditor(
            vault, self.editor_scroll.viewport(), autosave_ms=autosave_ms, today=today
        )
        self.editor_scroll.setObjectName("journal_editor_scroll")
        self.editor_scroll.setWidgetResizable(True)
        self.editor_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.editor_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.editor_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.editor_scroll.setWidget(self.editor)
        self.editor_scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        right_layout.addWidget(self.undo_bar)
        right_layout.addWidget(self.editor_scroll, 1)

        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self._stacked: bool | None = None
        self._sized_by_person = False
        self.splitter.splitterMoved.connect(self._divider_moved)

        QWidget.setTabOrder(self.search_bar.clear_button, self.group_by_day)
        QWidget.setTabOrder(self.group_by_day, self.new_button)
        QWidget.setTabOrder(self.new_button, self.timeline)
        QWidget.setTabOrder(self.timeline, self.editor.write_button)

        self.search_bar.filter_changed.connect(self._apply_filter)
        self.search_bar.results_requested.connect(self.focus_results)
        self.timeline.activated.connect(self._on_activated)
        self.timeline.selectionModel().selectionChanged.connect(self._on_chosen)
        self.new_button.clicked.connect(self.new_entry)
        self.editor.saved.connect(self._on_saved)
        self.editor.changed_elsewhere.connect(self.model.reload)
        self.editor.delete_requested.connect(self.delete_current)
        self.undo_bar.undo_button.clicked.connect(self.undo_delete)
        self.group_by_day.setChecked(vault.settings.get(GROUP_BY_DAY_KEY, False) is True)
        self.model.set_grouped(self.group_by_day.isChecked())
        self.group_by_day.toggled.connect(self._group_by_day)
        self._refresh_choices()
        self._update_count()
        # Left open past midnight, a blank new entry moves to the new day before any input.
        self._day_watch = DayWatch(self, self._check_new_day)

    # --- the page contract (ui/page.py) --------------------------------------------------------

    def flush(self) -> None:
        """Save any unsaved text now (called before lock and close)."""
        self.editor.flush()

    def _check_new_day(self) -> None:
        day = self._today()
        if day != self._day:
            self._day = day
            self.editor.new_day()

    def has_unsaved_changes(self) -> bool:
        """True when the open entry holds text the vault did not take (checked before locking)."""
        return self.editor.has_unsaved_changes()

    def save_now(self) -> None:
        """Save the open entry as finished (Ctrl+S)."""
        self.editor.save(final=True)

    def new_entry(self) -> None:
        """Save the open entry and start a new, empty one with the cursor in the text."""
        if not self.editor.leave():  # refused (too long, disk full): keep the text on screen
            self.editor.body.setFocus()
            return
        self.editor.start_new()
        self._select(None)
        self.editor.body.setFocus()

    def show_search_preparation(self, preparation: SearchPreparation) -> None:
        """Say plainly, while the search index is still filling after an upgrade, that results
        may be incomplete; search again by itself once it is ready."""
        self._preparation = preparation
        preparation.progressed.connect(self._search_progressed)
        preparation.finished.connect(self._search_ready)
        if preparation.active:
            self._search_progressed()

    def _search_progressed(self, *_: int) -> None:
        if self._preparation is not None and self._preparation.active:
            self.search_bar.set_preparing(
                self._preparation.percent, stopped=self._preparation.failed
            )
            self._update_count()

    def _search_ready(self) -> None:
        self.search_bar.set_preparing(None)
        if self.model.searching and self._vault.is_open:
            self.model.reload()
            self._select(self.editor.entry_id)
        self._update_count()

    def focus_search(self) -> None:
        """Put the keyboard focus in the search box (Ctrl+F)."""
        self.search_bar.focus_search()

    def open_entry(self, entry_id: int) -> None:
        """Select the entry in the timeline (reading further pages if needed) and open it."""
        if self.editor.entry_id != entry_id:
            if not self.editor.leave():  # refused: stay, so what was typed is not lost
                self._select(self.editor.entry_id)
                return
            entry = self._vault.entries.get(entry_id) if self._vault.is_open else None
            if entry is None:
                return
            self.editor.load(entry)
        row = self.model.row_of(entry_id)
        for _ in range(50):  # at most a few thousand rows; then open it unselected
            if row is not None or not self.model.canFetchMore():
                break
            self.model.fetchMore()
            row = self.model.row_of(entry_id)
        self._select(entry_id)

    def refresh(self) -> None:
        """Read the timeline again (the page is shown after another page changed entries)."""
        self.model.reload()
        self.editor.refresh_suggestions()  # contacts and tags may have changed elsewhere
        self._refresh_choices()
        entry_id = self.editor.entry_id
        if entry_id is not None and not self.editor.dirty and self._vault.is_open:
            # Another page (Today's check-in) or the command line may have changed or removed
            # the open entry; shown only when nothing here is unsaved, the cursor kept.
            self.editor.show_stored(self._vault.entries.get(entry_id))
        self._select(self.editor.entry_id)
        self._update_count()

    # --- timeline and editor together ----------------------------------------------------------

    def _select(self, entry_id: int | None) -> None:
        """Make the timeline's current row match the editor without reopening anything."""
        self._syncing = True
        try:
            row = self.model.row_of(entry_id) if entry_id is not None else None
            selection = self.timeline.selectionModel()
            if row is None:
                selection.clear()
            else:
                index = self.model.index(row)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.timeline.scrollTo(index)
        finally:
            self._syncing = False

    def focus_results(self) -> None:
        """Down or Enter in the search box: into the results, on the open entry if it is
        listed, else opening the first one."""
        if self.model.rowCount() == 0:
            return
        selection = self.timeline.selectionModel()
        if not selection.hasSelection():
            self.timeline.setCurrentIndex(self.model.index(0))  # selects it, so it opens
        self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_activated(self, index: QModelIndex) -> None:
        """Enter on a row (or a double click): open it if it is not yet, then go to its text."""
        if not self.timeline.selectionModel().isSelected(index):
            self.timeline.setCurrentIndex(index)
        if self.editor.entry_id == index.data(TimelineModel.IdRole):
            self.editor.body.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        """A row chosen (arrows, Space, Enter, a click) opens. Tab only marks a row without
        choosing it, so tabbing through the list never changes what the editor shows."""
        if self._syncing or not selected.indexes():
            return
        current = selected.indexes()[0]
        entry_id = current.data(TimelineModel.IdRole)
        if entry_id is not None:
            self.open_entry(int(entry_id))

    def _on_saved(self, entry: Entry) -> None:
        scroll = self.timeline.verticalScrollBar().value()
        self._syncing = True
        try:
            known = set(self.search_bar.tag.itemData(i) for i in range(self.search_bar.tag.count()))
            if not set(entry.tags) <= known:
                self.search_bar.set_tags(self._vault.entries.tags())
            self.model.entry_saved(entry)
        finally:
            self._syncing = False
        if self.editor.entry_id == entry.id:
            self._select(entry.id)
        self.timeline.verticalScrollBar().setValue(scroll)
        self._update_count()

    def _apply_filter(self, flt: EntryFilter) -> None:
        self.model.set_filter(flt)
        # The search no longer lists the open entry: put it away (saved first) rather than
        # keep showing what the list says is not there.
        if not self._still_listed(self.editor.entry_id) and self.editor.leave():
            self.editor.start_new()
        self._select(self.editor.entry_id)
        self.timeline.scrollToTop()
        self._update_count()

    def _still_listed(self, entry_id: int | None) -> bool:
        """Whether the timeline lists `entry_id` (a new, unsaved entry always counts)."""
        if entry_id is None:
            return True
        for _ in range(SEARCH_LOOKAHEAD_PAGES):
            if self.model.row_of(entry_id) is not None:
                return True
            if not self.model.canFetchMore():
                return False
            self.model.fetchMore()
        return True  # further down than we looked: leave it open

    def _group_by_day(self, on: bool) -> None:
        self.model.set_grouped(on)
        if self._vault.is_open:
            self._vault.settings.set(GROUP_BY_DAY_KEY, on)

    # --- sizes -----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._arrange(event.size().width())

    def _arrange(self, width: int) -> None:
        """Side by side when both fit without cutting a word, else the list above the editor.
        Side by side, the list takes about a third of the width, never more than a comfortable
        measure; once the person drags the divider, their sizes stay."""
        left_min = self.list_panel.minimumSizeHint().width()
        editor_min = self.editor.minimumSizeHint().width() + self._scrollbar_width()
        handle = self.splitter.handleWidth()
        stacked = width < left_min + editor_min + handle
        if stacked != self._stacked:
            self._stacked = stacked
            self._sized_by_person = False
            vertical = Qt.Orientation.Vertical
            self.splitter.setOrientation(vertical if stacked else Qt.Orientation.Horizontal)
        if self._sized_by_person:
            return
        if stacked:  # the filters and about two rows of the list above, the editor below
            height = max(self.height(), 1)
            rows = self.timeline.sizeHintForRow(0) if self.model.rowCount() else 0
            wanted = self.list_panel.minimumSizeHint().height() + rows * 2
            top = min(max(height * 2 // 5, wanted), height * 3 // 5)
            self.splitter.setSizes([top, height - top])
        else:
            most = self.fontMetrics().averageCharWidth() * LIST_MOST_CHARS
            room = width - editor_min - handle
            list_width = max(left_min, min(int(width * LIST_SHARE), most, room))
            self.splitter.setSizes([list_width, width - list_width - handle])

    def _divider_moved(self, *_: int) -> None:
        self._sized_by_person = True

    def _scrollbar_width(self) -> int:
        return self.editor_scroll.verticalScrollBar().sizeHint().width()

    def _update_count(self) -> None:
        total = self.model.total()
        flt = self.model.entry_filter
        if total == 0 and flt != EntryFilter():
            text = self.tr("No entries match. Try fewer words, or clear the filters.")
        elif total == 0:
            text = self.tr("No entries yet. Your first one starts on the right.")
        else:
            text = (
                self.tr("1 entry")
                if total == 1
                else self.tr("%1 entries").replace("%1", QLocale().toString(total))
            )
        preparing = self._preparation is not None and self._preparation.active
        if preparing and flt.text:
            text += " " + self.tr(
                "Search is still getting ready, so some entries may not show yet."
            )
        self.count_label.setText(text)

    def _refresh_choices(self) -> None:
        """The filters' tags and people: what the editor last read (one read for both)."""
        if not self._vault.is_open:
            return
        self.search_bar.set_tags(self.editor.tag_words)
        self.search_bar.set_contacts(self.editor.contacts)

    # --- delete and undo -----------------------------------------------------------------------

    def delete_current(self) -> None:
        """Delete the open entry (after saving what was typed, so Undo brings all of it back)."""
        if self.editor.is_blank() and self.editor.entry_id is None:
            self.editor.start_new()
            return
        self.editor.save(final=False)
        entry_id = self.editor.entry_id
        if entry_id is None or self.editor.has_unsaved_changes():
            return  # the vault refused the edits: keep them on screen, delete nothing
        self._deleted = self._vault.entries.delete(entry_id)
        self.editor.start_new()
        self.model.reload()
        self._select(None)
        self._update_count()
        self.undo_bar.show_for_a_while()
        self.undo_bar.undo_button.setFocus()

    def undo_delete(self) -> None:
        """Put the deleted entry back as it was and open it."""
        if self._deleted is None:
            return
        restored = self._vault.entries.restore(self._deleted)
        self._deleted = None
        self.undo_bar.hide()
        self.model.reload()
        self._update_count()
        assert restored.id is not None
        self.open_entry(restored.id)
