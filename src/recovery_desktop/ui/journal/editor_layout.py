# SPDX-License-Identifier: GPL-3.0-or-later
"""The editor's widgets, built top to bottom as the person reads them, with Tab in that order.

As Qt Designer's `setupUi` does, `build_editor_widgets` makes each widget an attribute of the
editor (declared on `EntryEditor`), so `editor.py` keeps to the entry's state and saving. The
parts come from beside it: the bars (`editor_bar.py`), the date, the mood/craving row and the
tags/people/visibility grid (`entry_fields.py`), the text (`writing_area.py`), the save
messages (`save_messages.py`), and for a check-in the answers (`widgets/checkin_form.py`, the
form Today uses).

Top to bottom: Write / Preview / Templates; the title; date, mood and craving; the prompt; the text (or, for a check-in, its heading and answers); tags, people, visibility; the
messages; Delete, the save status and Save.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from recovery_desktop.storage import Vault
from recovery_desktop.ui.connections.entry_action import add_to_entry_editor
from recovery_desktop.ui.journal.blank_page import PromptCard
from recovery_desktop.ui.journal.editor_bar import build_editor_bar
from recovery_desktop.ui.journal.editor_words import EditorWords
from recovery_desktop.ui.journal.entry_fields import build_links_grid, build_metadata_row
from recovery_desktop.ui.journal.save_messages import SaveMessages
from recovery_desktop.ui.journal.writing_area import WritingArea
from recovery_desktop.ui.theme import make_heading, scaled_font

if TYPE_CHECKING:
    from recovery_desktop.ui.journal.editor import EntryEditor

TITLE_MAX_CHARS = 1000  # as EntryRepository keeps it
BODY_MIN_LINES = 4  # below this the editor scrolls rather than squeeze the text away


def build_editor_widgets(editor: EntryEditor, vault: Vault, today: Callable[[], date]) -> None:
    """Create the editor's widgets as its attributes and lay them out."""
    layout = QVBoxLayout(editor)
    layout.setContentsMargins(12, 8, 12, 8)
    layout.setSpacing(6)

    bar = build_editor_bar(
        editor, vault, lambda: editor.body.toPlainText(), lambda: editor.title.text()
    )
    editor.write_button, editor.preview_button = bar.write_button, bar.preview_button
    editor.mode_group, editor.templates_button = bar.mode_group, bar.templates_button
    editor.status, editor.delete_button = bar.status, bar.delete_button
    editor.save_button = bar.save_button
    layout.addLayout(bar.layout)

    # A check-in has no title or text of its own: its heading says what it is and its day.
    editor.checkin_header = QWidget(editor)
    editor.checkin_header.setObjectName("journal_checkin_header")
    header = QVBoxLayout(editor.checkin_header)
    header.setContentsMargins(0, 0, 0, 0)
    header.setSpacing(2)
    editor.checkin_heading = QLabel(EditorWords.tr("Daily check-in"), editor.checkin_header)
    editor.checkin_heading.setObjectName("journal_checkin_heading")
    make_heading(editor.checkin_heading, 1.35)
    editor.checkin_day = QLabel(editor.checkin_header)
    editor.checkin_day.setObjectName("journal_checkin_day")
    editor.checkin_day.setProperty("role", "muted")
    header.addWidget(editor.checkin_heading)
    header.addWidget(editor.checkin_day)
    editor.checkin_header.hide()
    layout.addWidget(editor.checkin_header)

    editor.title = QLineEdit(editor)
    editor.title.setObjectName("journal_title")
    # The box counts UTF-16 units: an emoji is two, so room for 1,000 of them (the vault
    # refuses a longer title in plain words; a stored one is never cut when shown).
    editor.title.setMaxLength(2 * TITLE_MAX_CHARS)
    editor.title.setAccessibleName(EditorWords.tr("Title"))
    editor.title.setPlaceholderText(EditorWords.tr("Title (optional)"))
    editor.title.setFont(scaled_font(editor.font(), 1.35, bold=True))
    layout.addWidget(editor.title)

    row = editor.detail_row = build_metadata_row(editor)
    editor.date_label, editor.date_edit = row.date_label, row.date_edit
    editor.mood, editor.craving = row.mood, row.craving
    layout.addWidget(row.widget)

    editor.prompt_card = PromptCard(editor, today)
    layout.addWidget(editor.prompt_card)

    # A check-in's answers (`editor.checkin_form`) go here, built when one is first opened.

    editor.stack = WritingArea(editor)
    editor.body, editor.preview = editor.stack.body, editor.stack.preview
    editor.stack.setMinimumHeight(editor.body.fontMetrics().lineSpacing() * BODY_MIN_LINES + 16)
    layout.addWidget(editor.stack, 1)

    grid = editor.links_grid = build_links_grid(editor)
    editor.tags, editor.people, editor.people_note = grid.tags, grid.people, grid.people_note
    editor.visibility, editor.visibility_note = grid.visibility, grid.visibility_note
    layout.addLayout(grid.layout)
    # A check-in without text: tags and people follow its answers, and Save stays at the
    # bottom, where it is for an entry.
    editor.checkin_spacer = QWidget(editor)
    editor.checkin_spacer.hide()
    layout.addWidget(editor.checkin_spacer, 1)

    editor.messages = SaveMessages(editor, editor.status)
    editor.notice, editor.error = editor.messages.notice, editor.messages.error
    editor.log_connections = add_to_entry_editor(
        grid.layout, editor.people, editor.notice, vault, lambda: editor.save(final=False), editor
    )
    layout.addWidget(editor.notice)
    layout.addWidget(editor.error)
    layout.addLayout(bar.actions)


def reading_order(editor: EntryEditor) -> list[QWidget]:
    """The editor's controls in reading order, for Tab (hidden ones are skipped by Qt)."""
    row = editor.detail_row
    return [
        editor.write_button,
        editor.preview_button,
        editor.templates_button,
        editor.title,
        editor.date_edit,
        *row.mood.buttons.values(),
        row.mood_clear,
        *row.craving.buttons.values(),
        row.craving_clear,
        editor.prompt_card.use_button,
        editor.prompt_card.another_button,
        *(editor.checkin_form.focus_order() if editor.has_checkin_form() else []),
        editor.body,
        editor.tags,
        editor.people,
        editor.log_connections,
        editor.visibility,
        editor.delete_button,
        editor.save_button,
    ]
