# SPDX-License-Identifier: GPL-3.0-or-later
"""The editor's widgets, built top to bottom as the person reads them, with Tab in that order.

As Qt Designer's `setupUi` does, `build_editor_widgets` makes each widget an attribute of the
editor (declared on `EntryEditor`), so `editor.py` keeps to the entry's state and saving. The
parts come from beside it: the bar (`editor_bar.py`), the date/mood/craving row and the
tags/people/visibility grid (`entry_fields.py`), the text (`writing_area.py`) and the save
messages (`save_messages.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QVBoxLayout

from recovery_desktop.storage import Vault
from recovery_desktop.ui.connections.entry_action import add_to_entry_editor
from recovery_desktop.ui.journal.blank_page import PromptCard
from recovery_desktop.ui.journal.editor_bar import build_editor_bar
from recovery_desktop.ui.journal.entry_fields import build_links_grid, build_metadata_row
from recovery_desktop.ui.journal.save_messages import SaveMessages
from recovery_desktop.ui.journal.writing_area import WritingArea
from recovery_desktop.ui.page import chain_tab_order
from recovery_desktop.ui.theme import scaled_font

if TYPE_CHECKING:
    from recovery_desktop.ui.journal.editor import EntryEditor

TITLE_MAX_CHARS = 1000  # as EntryRepository keeps it


def build_editor_widgets(editor: EntryEditor, vault: Vault, today: Callable[[], date]) -> None:
    """Create the editor's widgets as its attributes and lay them out."""
    layout = QVBoxLayout(editor)
    layout.setContentsMargins(12, 8, 12, 8)
    layout.setSpacing(8)

    bar = build_editor_bar(
        editor, vault, lambda: editor.body.toPlainText(), lambda: editor.title.text()
    )
    editor.write_button, editor.preview_button = bar.write_button, bar.preview_button
    editor.mode_group, editor.templates_button = bar.mode_group, bar.templates_button
    editor.status, editor.delete_button = bar.status, bar.delete_button
    editor.save_button = bar.save_button
    layout.addLayout(bar.layout)

    editor.title = QLineEdit(editor)
    editor.title.setObjectName("journal_title")
    # The box counts UTF-16 units: an emoji is two, so room for 1,000 of them (the vault
    # refuses a longer title in plain words; a stored one is never cut when shown).
    editor.title.setMaxLength(2 * TITLE_MAX_CHARS)
    editor.title.setAccessibleName(editor.tr("Title"))
    editor.title.setPlaceholderText(editor.tr("Title (optional)"))
    editor.title.setFont(scaled_font(editor.font(), 1.35, bold=True))
    layout.addWidget(editor.title)

    row = editor.detail_row = build_metadata_row(editor)
    editor.date_edit, editor.mood, editor.craving = row.date_edit, row.mood, row.craving
    layout.addLayout(row.layout)

    editor.prompt_card = PromptCard(editor, today)
    layout.addWidget(editor.prompt_card)

    editor.stack = WritingArea(editor)
    editor.body, editor.preview = editor.stack.body, editor.stack.preview
    layout.addWidget(editor.stack, 1)

    grid = editor.links_grid = build_links_grid(editor)
    editor.tags, editor.people, editor.people_note = grid.tags, grid.people, grid.people_note
    editor.visibility, editor.visibility_note = grid.visibility, grid.visibility_note
    layout.addLayout(grid.layout)

    editor.messages = SaveMessages(editor, editor.status)
    editor.notice, editor.error = editor.messages.notice, editor.messages.error
    editor.log_connections = add_to_entry_editor(
        grid.layout, editor.people, editor.notice, vault, lambda: editor.save(final=False), editor
    )
    layout.addWidget(editor.notice)
    layout.addWidget(editor.error)

    chain_tab_order(
        [
            editor.title,
            editor.date_edit,
            editor.mood,
            editor.craving,
            editor.prompt_card.use_button,
            editor.prompt_card.another_button,
            editor.body,
            editor.tags,
            editor.people,
            editor.log_connections,
            editor.visibility,
            editor.write_button,
            editor.preview_button,
            editor.templates_button,
            editor.delete_button,
            editor.save_button,
        ]
    )
