# SPDX-License-Identifier: GPL-3.0-or-later
"""Search box and filters above the timeline; they combine into one `EntryFilter`.

Typing searches as you go, debounced (~250 ms) so a fast typist does not run a query per key;
choosing a filter applies at once. "Clear filters" puts everything back. "All / Written /
Check-ins" keeps daily check-ins from crowding out written entries, or shows only them.

Four short rows, so the bar fits beside the editor in a 960 px window without cutting a word.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.models import Contact, EntryFilter
from recovery_desktop.ui.widgets.date_box import DateBox
from recovery_desktop.ui.widgets.dates import use_locale_format
from recovery_desktop.ui.widgets.mood_picker import mood_icon, mood_word
from recovery_desktop.ui.widgets.roving import RovingButtonGroup

SEARCH_DEBOUNCE_MS = 250
_NO_DATE = QDate(1900, 1, 1)  # the minimum shows as "Any date" (QDateEdit cannot be empty)
ALL, WRITTEN, CHECKINS = 0, 1, 2  # ids in `SearchBar.kind_group`
_KIND_FILTER = {ALL: None, WRITTEN: False, CHECKINS: True}  # -> EntryFilter.checkins


class _OptionalDateEdit(DateBox):
    """A date box whose lowest value reads "Any"; its calendar opens on today, not 1900."""

    def __init__(self, any_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        use_locale_format(self)
        self.setMinimumDate(_NO_DATE)
        self.setSpecialValueText(any_text)
        self.setDate(_NO_DATE)
        today = QDate.currentDate()
        self.calendarWidget().setCurrentPage(today.year(), today.month())

    def day(self) -> date | None:
        qd = self.date()
        if qd == _NO_DATE:
            return None
        return date(qd.year(), qd.month(), qd.day())

    def set_day(self, day: date | None) -> None:
        self.setDate(_NO_DATE if day is None else QDate(day.year, day.month, day.day))


class SearchBar(QWidget):
    """Emits `filter_changed(EntryFilter)` whenever the search or a filter changes."""

    filter_changed = Signal(object)
    results_requested = Signal()  # Down or Enter in the search box: go to the results

    def __init__(self, parent: QWidget | None = None, debounce_ms: int = SEARCH_DEBOUNCE_MS):
        super().__init__(parent)
        self.setObjectName("journal_search_bar")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        self.search = QLineEdit(self)
        self.search.setObjectName("journal_search")
        self.search.setAccessibleName(self.tr("Search your journal"))
        self.search.setPlaceholderText(self.tr("Search your journal (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)

        row1 = QHBoxLayout()
        self.tag = QComboBox(self)
        self.tag.setObjectName("journal_filter_tag")
        self.tag.setAccessibleName(self.tr("Filter by tag"))
        self.mood = QComboBox(self)
        self.mood.setObjectName("journal_filter_mood")
        self.mood.setAccessibleName(self.tr("Filter by mood"))
        self.mood.addItem(self.tr("Any mood"), None)
        for value in range(1, 6):  # the same faces and words as the mood picker
            self.mood.addItem(mood_icon(value), mood_word(value), value)
        self.person = QComboBox(self)
        self.person.setObjectName("journal_filter_person")
        self.person.setAccessibleName(self.tr("Filter by person mentioned"))
        for combo in (self.tag, self.mood, self.person):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
            row1.addWidget(combo, 1)
        layout.addLayout(row1)

        row2 = QHBoxLayout()
        self.date_from = _OptionalDateEdit(self.tr("Any date"), self)
        self.date_from.setObjectName("journal_filter_from")
        self.date_from.setAccessibleName(self.tr("Entries from this date"))
        self.date_to = _OptionalDateEdit(self.tr("Any date"), self)
        self.date_to.setObjectName("journal_filter_to")
        self.date_to.setAccessibleName(self.tr("Entries up to this date"))
        from_label = QLabel(self.tr("From"), self)
        from_label.setBuddy(self.date_from)
        to_label = QLabel(self.tr("to"), self)
        to_label.setBuddy(self.date_to)
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.setObjectName("journal_clear_filters")
        self.clear_button.setAccessibleName(self.tr("Clear the search and all filters"))
        row2.addWidget(from_label)
        row2.addWidget(self.date_from, 1)
        row2.addWidget(to_label)
        row2.addWidget(self.date_to, 1)
        layout.addLayout(row2)

        # Side by side as one control: the theme fills the chosen one with the accent and
        # rings it when focused, as on Today. (Styled before its buttons exist.)
        kinds = QWidget(self)
        kinds.setObjectName("journal_kinds")
        kinds.setStyleSheet("QPushButton { padding: 0.3em 0.6em; }")
        kinds_row = QHBoxLayout(kinds)
        kinds_row.setContentsMargins(0, 0, 0, 0)
        kinds_row.setSpacing(0)
        row3 = QHBoxLayout()
        self.kind_group = RovingButtonGroup(self)
        self.kind_buttons: dict[int, QPushButton] = {}
        for kind, text, name, accessible in (
            (ALL, self.tr("All"), "journal_kind_all", self.tr("Show entries and check-ins")),
            (WRITTEN, self.tr("Written"), "journal_kind_written", self.tr("Show written entries")),
            (CHECKINS, self.tr("Check-ins"), "journal_kind_checkins", self.tr("Show check-ins")),
        ):
            button = QPushButton(text, kinds)
            button.setObjectName(name)
            button.setAccessibleName(accessible)
            self.kind_group.add(button, kind)
            kinds_row.addWidget(button)
            self.kind_buttons[kind] = button
        self.kind_group.set_choice(ALL)
        row3.addWidget(kinds)
        row3.addStretch(1)
        row3.addSpacing(6)
        row3.addWidget(self.clear_button)
        layout.addLayout(row3)

        self.set_tags([])
        self.set_contacts([])
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._emit)
        self.search.returnPressed.connect(self.results_requested)
        self.search.installEventFilter(self)
        for combo in (self.tag, self.mood, self.person):
            combo.currentIndexChanged.connect(self._emit)
        self.date_from.dateChanged.connect(self._emit)
        self.date_to.dateChanged.connect(self._emit)
        self.kind_group.idToggled.connect(lambda _id, on: on and self._emit())
        self.clear_button.clicked.connect(self.clear)
        self._quiet = False
        self._update_clear()

        order = [
            self.search,
            self.tag,
            self.mood,
            self.person,
            self.date_from,
            self.date_to,
            *self.kind_buttons.values(),
            self.clear_button,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Down in the search box goes to the results, as Enter does (search first)."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            if self._debounce.isActive():
                self._emit()
            self.results_requested.emit()
            return True
        return super().eventFilter(watched, event)

    # --- choices -------------------------------------------------------------------------------

    def set_tags(self, tags: list[str]) -> None:
        """Offer `tags` in the tag filter, keeping the current choice when it still exists."""
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("Any tag"), None)
        for name in tags:
            self.tag.addItem(name, name)
        index = self.tag.findData(current) if current else 0
        self.tag.setCurrentIndex(max(0, index))
        self.tag.blockSignals(False)

    def set_contacts(self, contacts: list[Contact]) -> None:
        current = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(self.tr("Anyone"), None)
        for contact in contacts:
            self.person.addItem(contact.name, contact.id)
        index = self.person.findData(current) if current is not None else 0
        self.person.setCurrentIndex(max(0, index))
        self.person.blockSignals(False)

    # --- the filter ----------------------------------------------------------------------------

    def entry_filter(self) -> EntryFilter:
        return EntryFilter(
            text=self.search.text().strip(),
            tag=self.tag.currentData(),
            mood=self.mood.currentData(),
            date_from=self.date_from.day(),
            date_to=self.date_to.day(),
            person=self.person.currentData(),
            checkins=_KIND_FILTER[self.kind_group.choice() or ALL],
        )

    def set_preparing(self, percent: int | None, *, stopped: bool = False) -> None:
        """Show how far the search index is after an upgrade; None: search is ready.
        `stopped`: it could not go on now (it carries on at the next unlock)."""
        if percent is None:
            text = self.tr("Search your journal (Ctrl+F)")
        elif stopped:
            text = self.tr("Search is not fully ready; it carries on next time you unlock")
        else:
            text = self.tr("Preparing search: %1%").replace("%1", str(percent))
        self.search.setPlaceholderText(text)
        self.search.setAccessibleDescription(
            ""
            if percent is None
            else self.tr("Search is still getting ready, so some entries may not show yet.")
        )

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def clear(self) -> None:
        """Back to the whole timeline."""
        self._quiet = True
        try:
            self.search.clear()
            self.tag.setCurrentIndex(0)
            self.mood.setCurrentIndex(0)
            self.person.setCurrentIndex(0)
            self.date_from.set_day(None)
            self.date_to.set_day(None)
            self.kind_group.set_choice(ALL)
        finally:
            self._quiet = False
        self._debounce.stop()
        self._emit()

    def _emit(self, *_: object) -> None:
        if self._quiet:
            return
        self._debounce.stop()
        self._update_clear()
        self.filter_changed.emit(self.entry_filter())

    def _update_clear(self) -> None:
        self.clear_button.setEnabled(self.entry_filter() != EntryFilter())
