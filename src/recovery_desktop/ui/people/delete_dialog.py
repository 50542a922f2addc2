# SPDX-License-Identifier: GPL-3.0-or-later
"""Asked before deleting someone who appears in entries, connections, goals or the safety plan:
archive instead (the default: hidden, every link kept), or delete and keep their name as plain
text wherever they appeared, so no history is lost."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from recovery_desktop.core.models import ContactUsage
from recovery_desktop.ui.connections.words import ConnectionWords, fill
from recovery_desktop.ui.page import chain_tab_order
from recovery_desktop.ui.theme import make_heading

ARCHIVE, DELETE = 1, 2  # dialog results besides Rejected (0: keep as is)


def usage_text(usage: ContactUsage) -> str:
    """ "12 journal entries, 40 connections and 1 goal"."""
    parts = []
    if usage.entries == 1:  # English words the two apart; a translation has plural forms
        parts.append(ConnectionWords.tr("%n journal entry", None, usage.entries))
    elif usage.entries:
        parts.append(ConnectionWords.tr("%n journal entries", None, usage.entries))
    if usage.connections:
        parts.append(ConnectionWords.tr("%n connection(s)", None, usage.connections))
    if usage.goals:
        parts.append(ConnectionWords.tr("%n goal(s)", None, usage.goals))
    if usage.commitments:
        parts.append(ConnectionWords.tr("%n promise(s)", None, usage.commitments))
    if usage.plan_items:
        parts.append(ConnectionWords.tr("your safety plan"))
    if len(parts) <= 1:
        return "".join(parts)
    return fill(ConnectionWords.tr("%1 and %2"), ", ".join(parts[:-1]), parts[-1])


class DeleteChoiceDialog(QDialog):
    """`done(ARCHIVE)`, `done(DELETE)` or rejected. Archive is the default button."""

    def __init__(self, name: str, used_in: str, *, group: bool, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("delete_choice_dialog")
        title = fill(ConnectionWords.tr("Delete %1?"), name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        heading = QLabel(title, self)
        make_heading(heading, 1.2)
        heading.setWordWrap(True)
        if group:
            words = ConnectionWords.tr(
                "%1 appears in %2. Archiving hides the group from your lists and keeps "
                "everything as it is; you can bring it back any time.\n\nDeleting removes the "
                "group; its name stays as plain text in those connections, so no history is lost."
            )
        else:
            words = ConnectionWords.tr(
                "%1 appears in %2. Archiving hides them from your lists and reminders and "
                "keeps everything as it is; you can bring them back any time.\n\nDeleting "
                "removes the contact; their name stays as plain text in those entries and "
                "connections, so no history is lost."
            )
        text = QLabel(fill(words, name, used_in), self)
        text.setObjectName("delete_choice_text")
        text.setWordWrap(True)
        self.cancel_button = QPushButton(ConnectionWords.tr("Keep as is"), self)
        self.cancel_button.setObjectName("delete_choice_cancel")
        self.cancel_button.setAccessibleName(ConnectionWords.tr("Keep as is: change nothing"))
        self.cancel_button.setAutoDefault(False)
        self.delete_button = QPushButton(ConnectionWords.tr("Delete, keep the name as text"), self)
        self.delete_button.setObjectName("delete_choice_delete")
        self.delete_button.setAccessibleName(
            ConnectionWords.tr("Delete, and keep the name as plain text")
        )
        self.delete_button.setAutoDefault(False)
        self.archive_button = QPushButton(ConnectionWords.tr("Archive instead"), self)
        self.archive_button.setObjectName("delete_choice_archive")
        self.archive_button.setAccessibleName(
            ConnectionWords.tr("Archive instead: hide, keep everything")
        )
        self.archive_button.setProperty("primary", True)
        self.archive_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.archive_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.reject)
        self.delete_button.clicked.connect(lambda: self.done(DELETE))
        self.archive_button.clicked.connect(lambda: self.done(ARCHIVE))
        chain_tab_order([self.cancel_button, self.delete_button, self.archive_button])
        self.setMinimumWidth(text.fontMetrics().averageCharWidth() * 60)
        self.archive_button.setFocus()
