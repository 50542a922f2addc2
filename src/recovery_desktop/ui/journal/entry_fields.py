# SPDX-License-Identifier: GPL-3.0-or-later
"""The editor's detail fields: the date, the mood/craving row and the tags/people/visibility grid.

Built here so the editor module keeps to saving and state (DESIGN: modules under 600 lines).
The widgets are children of the editor and keep their object names, so tests and screen
readers find them where they always were.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.models import Entry, Visibility
from recovery_desktop.core.validation import EARLIEST_DATE
from recovery_desktop.ui.journal.comma_edit import CommaCompleterEdit
from recovery_desktop.ui.journal.editor_words import EditorWords
from recovery_desktop.ui.theme import SPACING
from recovery_desktop.ui.widgets.checkin_form import keep_room_when_hidden
from recovery_desktop.ui.widgets.craving_scale import CravingScale
from recovery_desktop.ui.widgets.date_box import DateBox
from recovery_desktop.ui.widgets.dates import use_locale_format
from recovery_desktop.ui.widgets.flow_layout import FlowLayout
from recovery_desktop.ui.widgets.mood_picker import MoodPicker

FUTURE_DAYS_ALLOWED = 7  # an entry may be dated up to a week ahead (plans, time zones)


def labelled(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


def _date_field(parent: QWidget) -> tuple[QLabel, QDateEdit]:
    """The entry's date, in the locale's format, with its calendar."""
    date_edit = DateBox(parent)  # Tab leaves it (QDateEdit keeps Tab for day, month, year)
    date_edit.setObjectName("journal_date")
    date_edit.setAccessibleName(EditorWords.tr("Date of the entry"))
    date_edit.setCalendarPopup(True)
    use_locale_format(date_edit)
    return labelled(EditorWords.tr("&Date"), date_edit, parent), date_edit


@dataclass(frozen=True, slots=True, weakref_slot=True)  # weak: its methods are Qt slots
class MetadataRow:
    """Date, mood and craving under the title; mood and craving with the pickers Today uses
    (compact here), each with a "Clear" beside its name, since they are optional for an
    entry. They wrap onto more lines when the editor is narrow, so nothing is cut."""

    widget: QWidget
    date_label: QLabel
    date_edit: QDateEdit
    mood: MoodPicker
    craving: CravingScale
    mood_clear: QPushButton
    craving_clear: QPushButton

    def show(self, entry: Entry) -> None:
        self.mood.set_mood(entry.mood)
        self.craving.set_craving(entry.craving)
        self.update_clear()

    def update_clear(self, *_: object) -> None:
        self.mood_clear.setVisible(self.mood.mood() is not None)
        self.craving_clear.setVisible(self.craving.craving() is not None)


def build_metadata_row(parent: QWidget) -> MetadataRow:
    """Date, mood and craving, each with its name above it, side by side as room allows.
    Each widget is made in the group that holds it (moving one would style it twice)."""
    widget = QWidget(parent)
    widget.setObjectName("journal_details")
    flow = FlowLayout(widget, spacing=SPACING)
    groups = []
    for _ in range(3):
        group = QWidget(widget)
        column = QVBoxLayout(group)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        flow.addWidget(group)
        groups.append((group, column))
    (day, day_column), (feeling, feeling_column), (urge, urge_column) = groups
    date_label, date_edit = _date_field(day)
    day_column.addWidget(date_label)
    day_column.addWidget(date_edit)
    day_column.addStretch(1)
    mood = MoodPicker(feeling, compact=True, name="journal_mood")
    mood.setAccessibleName(EditorWords.tr("Mood"))
    craving = CravingScale(urge, compact=True, name="journal_craving")
    craving.setAccessibleName(EditorWords.tr("Craving, 0 to 10"))
    clears = []
    for group, column, text, picker, name, accessible in (
        (
            feeling,
            feeling_column,
            EditorWords.tr("Mood"),
            mood,
            "journal_mood_clear",
            EditorWords.tr("Clear the mood"),
        ),
        (
            urge,
            urge_column,
            EditorWords.tr("Craving"),
            craving,
            "journal_craving_clear",
            EditorWords.tr("Clear the craving"),
        ),
    ):
        header = QHBoxLayout()
        header.addWidget(QLabel(text, group))
        clear = _clear_button(group, EditorWords.tr("Clear"), name, accessible)
        header.addWidget(clear)
        header.addStretch(1)
        column.addLayout(header)
        column.addWidget(picker)
        clears.append(clear)
    row = MetadataRow(widget, date_label, date_edit, mood, craving, clears[0], clears[1])
    clears[0].clicked.connect(lambda: mood.set_mood(None))
    clears[1].clicked.connect(lambda: craving.set_craving(None))
    for signal in (mood.mood_changed, mood.cleared, craving.craving_changed, craving.cleared):
        signal.connect(row.update_clear)
    return row


def _clear_button(parent: QWidget, text: str, name: str, accessible: str) -> QPushButton:
    """A small, flat "Clear" beside a picker's name: hidden while nothing is chosen, its room
    kept, so nothing moves when it appears."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet(
        "QPushButton { border: 1px solid transparent; background: transparent; padding: 0 0.3em;"
        " color: palette(link); text-decoration: underline; }"
        "QPushButton:focus { border: 1px dashed palette(highlight); }"
    )
    keep_room_when_hidden(button)
    button.setVisible(False)
    return button


@dataclass(frozen=True, slots=True, weakref_slot=True)  # weak: its methods are Qt slots
class LinksGrid:
    """Tags, people (with the "new to your contacts" note) and visibility, below the text."""

    layout: QGridLayout
    tags: CommaCompleterEdit
    people: CommaCompleterEdit
    people_note: QLabel
    visibility: QComboBox
    visibility_note: QLabel

    def show(self, entry: Entry, people_names: list[str]) -> None:
        self.tags.set_items(entry.tags)
        self.people.set_items(people_names)
        self.visibility.setCurrentIndex(max(0, self.visibility.findData(entry.visibility)))

    def explain_visibility(self) -> None:
        self.visibility_note.setText(visibility_note_text(self.visibility.currentData()))

    def note_new_people(self, unknown: list[str]) -> None:
        """Say which names will become contacts when the entry is saved (hidden when none)."""
        if unknown:
            self.people_note.setText(
                EditorWords.tr(
                    "New to your contacts: %1. They will be added when this entry is saved."
                ).replace("%1", ", ".join(unknown))
            )
        self.people_note.setVisible(bool(unknown))


def build_links_grid(parent: QWidget) -> LinksGrid:
    grid = QGridLayout()
    tags = CommaCompleterEdit(parent)
    tags.setObjectName("journal_tags")
    tags.setAccessibleName(EditorWords.tr("Tags, separated by commas"))
    tags.setPlaceholderText(EditorWords.tr("e.g. meeting, family, sleep"))
    people = CommaCompleterEdit(parent)
    people.setObjectName("journal_people")
    people.setAccessibleName(EditorWords.tr("People mentioned, separated by commas"))
    people.setPlaceholderText(EditorWords.tr("Names from your contacts"))
    visibility = QComboBox(parent)
    visibility.setObjectName("journal_visibility")
    visibility.setAccessibleName(EditorWords.tr("Who may see this entry"))
    visibility.addItem(EditorWords.tr("Private"), Visibility.PRIVATE)
    visibility.addItem(EditorWords.tr("Normal"), Visibility.NORMAL)
    visibility.addItem(EditorWords.tr("Shared with counselor"), Visibility.SHARED)
    visibility_note = QLabel(parent)
    visibility_note.setObjectName("journal_visibility_note")
    visibility_note.setProperty("role", "muted")
    visibility_note.setWordWrap(True)
    people_note = QLabel(parent)
    people_note.setObjectName("journal_people_note")
    people_note.setProperty("role", "muted")
    people_note.setWordWrap(True)
    people_note.hide()
    grid.addWidget(labelled(EditorWords.tr("&Tags"), tags, parent), 0, 0)
    grid.addWidget(tags, 0, 1)
    grid.addWidget(labelled(EditorWords.tr("&People"), people, parent), 1, 0)
    grid.addWidget(people, 1, 1)
    grid.addWidget(people_note, 2, 1)
    grid.addWidget(labelled(EditorWords.tr("&Visibility"), visibility, parent), 3, 0)
    vis_row = QHBoxLayout()
    vis_row.addWidget(visibility)
    vis_row.addWidget(visibility_note, 1)
    grid.addLayout(vis_row, 3, 1)
    grid.setColumnStretch(1, 1)
    return LinksGrid(grid, tags, people, people_note, visibility, visibility_note)


def visibility_note_text(visibility: Visibility) -> str:
    """What each choice means, in the person's words (shown beside the choice)."""
    return {
        Visibility.PRIVATE: EditorWords.tr(
            "Only for you. Never leaves this journal, not even in "
            "exports, unless you choose to include it."
        ),
        Visibility.NORMAL: EditorWords.tr(
            "Kept in your journal and in your own exports and backups."
        ),
        Visibility.SHARED: EditorWords.tr(
            "May be included in a report you choose to share with your counselor."
        ),
    }[visibility]


def date_problem(chosen: QDate, today: date) -> str | None:
    """Why the date in the date field cannot be the entry's, in plain words; None when it can.
    The entry then keeps its previous date."""
    if not chosen.isValid():
        return EditorWords.tr("That date is not a real calendar day, so the entry keeps its date.")
    day = date(chosen.year(), chosen.month(), chosen.day())
    if day < EARLIEST_DATE:
        return EditorWords.tr(
            "Entries can't be dated before 1900. Please check the year; "
            "the entry keeps its previous date."
        )
    if day > today + timedelta(days=FUTURE_DAYS_ALLOWED):
        return EditorWords.tr(
            "Entries can be dated at most a week ahead. Please check the date; "
            "the entry keeps its previous date."
        )
    return None
