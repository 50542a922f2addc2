# SPDX-License-Identifier: GPL-3.0-or-later
"""The editor's two bars: Write / Preview and Templates above the entry, and Delete, the save
status and Save under it, where writing ends.

Built here so the editor module keeps to the entry's state and saving. The widgets are
children of the editor and keep their object names, so tests and screen readers find them
where they always were. Split in two so each fits beside a narrow editor (960 px windows)
without cutting a word; the status has a line's room beside Save whatever it says.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from recovery_desktop.storage import Vault
from recovery_desktop.ui.journal.blank_page import TemplatesButton
from recovery_desktop.ui.journal.editor_words import EditorWords

WRITE, PREVIEW = 0, 1  # ids in `EditorBar.mode_group`


@dataclass(frozen=True, slots=True)
class EditorBar:
    layout: QHBoxLayout  # the top bar (the caller adds the date at its end)
    actions: QHBoxLayout  # the bottom bar
    write_button: QToolButton
    preview_button: QToolButton
    mode_group: QButtonGroup  # exclusive: WRITE or PREVIEW
    templates_button: TemplatesButton
    status: QLabel
    delete_button: QPushButton
    save_button: QPushButton


def build_editor_bar(
    parent: QWidget, vault: Vault, body_text: Callable[[], str], title_text: Callable[[], str]
) -> EditorBar:
    """The bar; `body_text` and `title_text` give the Templates menu the entry as typed (to
    save it as a template)."""
    write_button = _mode_button(
        parent,
        EditorWords.tr("Write"),
        "journal_write_mode",
        EditorWords.tr("Write: edit the entry's text"),
    )
    preview_button = _mode_button(
        parent,
        EditorWords.tr("Preview"),
        "journal_preview_mode",
        EditorWords.tr("Preview: see the entry formatted"),
    )
    mode_group = QButtonGroup(parent)
    mode_group.setExclusive(True)
    mode_group.addButton(write_button, WRITE)
    mode_group.addButton(preview_button, PREVIEW)
    write_button.setChecked(True)
    templates_button = TemplatesButton(vault, body_text, title_text, parent)
    status = QLabel(parent)
    status.setObjectName("journal_save_status")
    status.setProperty("role", "muted")
    status.setAccessibleName(EditorWords.tr("Save status"))
    delete_button = QPushButton(EditorWords.tr("Delete"), parent)
    delete_button.setObjectName("journal_delete_entry")
    delete_button.setAccessibleName(EditorWords.tr("Delete this entry"))
    save_button = QPushButton(EditorWords.tr("Save"), parent)
    save_button.setObjectName("journal_save_entry")
    save_button.setAccessibleName(EditorWords.tr("Save this entry"))
    save_button.setToolTip(EditorWords.tr("Save (Ctrl+S)"))
    save_button.setProperty("primary", True)

    bar = QHBoxLayout()
    for widget in (write_button, preview_button, templates_button):
        bar.addWidget(widget)
    bar.addStretch(1)
    actions = QHBoxLayout()
    actions.addWidget(delete_button)
    actions.addStretch(1)
    status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    actions.addWidget(status)
    actions.addSpacing(8)
    actions.addWidget(save_button)
    return EditorBar(
        bar,
        actions,
        write_button,
        preview_button,
        mode_group,
        templates_button,
        status,
        delete_button,
        save_button,
    )


def _mode_button(parent: QWidget, text: str, name: str, accessible: str) -> QToolButton:
    button = QToolButton(parent)
    button.setText(text)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    button.setCheckable(True)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button
