# SPDX-License-Identifier: GPL-3.0-or-later
"""The editor's detail fields: the date/mood/craving row and the tags/people/visibility grid.

Built here so the editor module keeps to saving and state (DESIGN: modules under 600 lines).
The widgets are children of the editor and keep their object names, so tests and screen
readers find them where they always were.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from recovery_desktop.core.models import MOOD_LABELS, Visibility
from recovery_desktop.ui.journal.comma_edit import CommaCompleterEdit
from recovery_desktop.ui.theme import mood_color


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


def build_metadata_row(parent: QWidget) -> MetadataRow:
    tr = parent.tr
    date_edit = QDateEdit(parent)
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


@dataclass(frozen=True, slots=True)
class LinksGrid:
    """Tags, people (with the "new to your contacts" note) and visibility, below the text."""

    layout: QGridLayout
    tags: CommaCompleterEdit
    people: CommaCompleterEdit
    people_note: QLabel
    visibility: QComboBox
    visibility_note: QLabel


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
    return LinksGrid(grid, tags, people, people_note, visibility, visibility_note)


def visibility_note_text(widget: QWidget, visibility: Visibility) -> str:
    """What each choice means, in the person's words (shown beside the choice)."""
    tr = widget.tr
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
