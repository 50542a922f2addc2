# SPDX-License-Identifier: GPL-3.0-or-later
"""The editor's detail fields: the date/mood/craving row and the tags/people/visibility grid.

Built here so the editor module keeps to saving and state (DESIGN: modules under 600 lines).
The widgets are children of the editor and keep their object names, so tests and screen
readers find them where they always were.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from recovery_desktop.core.models import MOOD_LABELS, Entry, Visibility
from recovery_desktop.core.validation import EARLIEST_DATE
from recovery_desktop.ui.journal.comma_edit import CommaCompleterEdit
from recovery_desktop.ui.theme import mood_color
from recovery_desktop.ui.widgets.date_box import DateBox

FUTURE_DAYS_ALLOWED = 7  # an entry may be dated up to a week ahead (plans, time zones)


def _mood_icon(mood: int) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#555555"))
    painter.setBrush(mood_color(mood))
    painter.drawEllipse(1, 1, 12, 12)
    painter.end()
    return QIcon(pixmap)


def labelled(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


@dataclass(frozen=True, slots=True)
class MetadataRow:
    """Date, mood and craving, side by side above the text."""

    layout: QHBoxLayout
    date_edit: QDateEdit
    mood: QComboBox
    craving: QComboBox

    def show(self, entry: Entry) -> None:
        day = entry.entry_date
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.mood.setCurrentIndex(self.mood.findData(entry.mood) if entry.mood else 0)
        craving = entry.craving
        self.craving.setCurrentIndex(self.craving.findData(craving) if craving is not None else 0)


def build_metadata_row(parent: QWidget) -> MetadataRow:
    tr = parent.tr
    date_edit = DateBox(parent)  # Tab leaves it (QDateEdit keeps Tab for day, month, year)
    date_edit.setObjectName("journal_date")
    date_edit.setAccessibleName(tr("Date of the entry"))
    date_edit.setCalendarPopup(True)
    date_edit.setDisplayFormat("d MMM yyyy")
    mood = QComboBox(parent)
    mood.setObjectName("journal_mood")
    mood.setAccessibleName(tr("Mood"))
    mood.addItem(tr("Not set"), None)
    for value, word in MOOD_LABELS.items():
        mood.addItem(_mood_icon(value), f"{value} · {tr(word)}", value)
    craving = QComboBox(parent)
    craving.setObjectName("journal_craving")
    craving.setAccessibleName(tr("Craving, 0 to 10"))
    craving.addItem(tr("Not set"), None)
    for value in range(11):
        word = {0: tr(" · none"), 10: tr(" · strongest")}.get(value, "")
        craving.addItem(f"{value}{word}", value)
    row = QHBoxLayout()
    for text, widget in (
        (tr("&Date"), date_edit),
        (tr("&Mood"), mood),
        (tr("C&raving"), craving),
    ):
        row.addWidget(labelled(text, widget, parent))
        row.addWidget(widget)
        row.addSpacing(10)
    row.addStretch(1)
    return MetadataRow(row, date_edit, mood, craving)


@dataclass(frozen=True, slots=True, weakref_slot=True)  # weak: its methods are Qt slots
class LinksGrid:
    """Tags, people (with the "new to your contacts" note) and visibility, below the text."""

    layout: QGridLayout
    tags: CommaCompleterEdit
    people: CommaCompleterEdit
    people_note: QLabel
    visibility: QComboBox
    visibility_note: QLabel
    tr: Callable[[str], str]  # the editor's, for the notes

    def show(self, entry: Entry, people_names: list[str]) -> None:
        self.tags.set_items(entry.tags)
        self.people.set_items(people_names)
        self.visibility.setCurrentIndex(max(0, self.visibility.findData(entry.visibility)))

    def explain_visibility(self) -> None:
        self.visibility_note.setText(visibility_note_text(self.tr, self.visibility.currentData()))

    def note_new_people(self, unknown: list[str]) -> None:
        """Say which names will become contacts when the entry is saved (hidden when none)."""
        if unknown:
            self.people_note.setText(
                self.tr(
                    "New to your contacts: %1. They will be added when this entry is saved."
                ).replace("%1", ", ".join(unknown))
            )
        self.people_note.setVisible(bool(unknown))


def build_links_grid(parent: QWidget) -> LinksGrid:
    tr = parent.tr
    grid = QGridLayout()
    tags = CommaCompleterEdit(parent)
    tags.setObjectName("journal_tags")
    tags.setAccessibleName(tr("Tags, separated by commas"))
    tags.setPlaceholderText(tr("e.g. meeting, family, sleep"))
    people = CommaCompleterEdit(parent)
    people.setObjectName("journal_people")
    people.setAccessibleName(tr("People mentioned, separated by commas"))
    people.setPlaceholderText(tr("Names from your contacts"))
    visibility = QComboBox(parent)
    visibility.setObjectName("journal_visibility")
    visibility.setAccessibleName(tr("Who may see this entry"))
    visibility.addItem(tr("Private"), Visibility.PRIVATE)
    visibility.addItem(tr("Normal"), Visibility.NORMAL)
    visibility.addItem(tr("Shared with counselor"), Visibility.SHARED)
    visibility_note = QLabel(parent)
    visibility_note.setObjectName("journal_visibility_note")
    visibility_note.setProperty("role", "muted")
    visibility_note.setWordWrap(True)
    people_note = QLabel(parent)
    people_note.setObjectName("journal_people_note")
    people_note.setProperty("role", "muted")
    people_note.setWordWrap(True)
    people_note.hide()
    grid.addWidget(labelled(tr("&Tags"), tags, parent), 0, 0)
    grid.addWidget(tags, 0, 1)
    grid.addWidget(labelled(tr("&People"), people, parent), 1, 0)
    grid.addWidget(people, 1, 1)
    grid.addWidget(people_note, 2, 1)
    grid.addWidget(labelled(tr("&Visibility"), visibility, parent), 3, 0)
    vis_row = QHBoxLayout()
    vis_row.addWidget(visibility)
    vis_row.addWidget(visibility_note, 1)
    grid.addLayout(vis_row, 3, 1)
    grid.setColumnStretch(1, 1)
    return LinksGrid(grid, tags, people, people_note, visibility, visibility_note, tr)


def visibility_note_text(tr: Callable[[str], str], visibility: Visibility) -> str:
    """What each choice means, in the person's words (shown beside the choice)."""
    return {
        Visibility.PRIVATE: tr(
            "Only for you. Never leaves this journal, not even in "
            "exports, unless you choose to include it."
        ),
        Visibility.NORMAL: tr("Kept in your journal and in your own exports and backups."),
        Visibility.SHARED: tr(
            "May be included in a report you choose to share with your counselor."
        ),
    }[visibility]


def date_problem(tr: Callable[[str], str], chosen: QDate, today: date) -> str | None:
    """Why the date in the date field cannot be the entry's, in plain words; None when it can.
    The entry then keeps its previous date."""
    if not chosen.isValid():
        return tr("That date is not a real calendar day, so the entry keeps its date.")
    day = date(chosen.year(), chosen.month(), chosen.day())
    if day < EARLIEST_DATE:
        return tr(
            "Entries can't be dated before 1900. Please check the year; "
            "the entry keeps its previous date."
        )
    if day > today + timedelta(days=FUTURE_DAYS_ALLOWED):
        return tr(
            "Entries can be dated at most a week ahead. Please check the date; "
            "the entry keeps its previous date."
        )
    return None
