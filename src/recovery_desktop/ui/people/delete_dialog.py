# SPDX-License-Identifier: GPL-3.0-or-later
"""Asked before deleting someone who appears in entries, connections, goals or the safety plan:
archive instead (the default: hidden, every link kept), or delete and keep their name as plain
text wherever they appeared, so no history is lost."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from recovery_desktop.core.models import ContactUsage
from recovery_desktop.ui.connections.words import fill, tr
from recovery_desktop.ui.page import chain_tab_order
from recovery_desktop.ui.theme import make_heading

ARCHIVE, DELETE = 1, 2  # dialog results besides Rejected (0: keep as is)


def usage_text(usage: ContactUsage) -> str:
    """ "12 journal entries, 40 connections and 1 goal"."""
    parts = []
    for count, one, many in (
        (usage.entries, tr("1 journal entry"), tr("%1 journal entries")),
        (usage.connections, tr("1 connection"), tr("%1 connections")),
        (usage.goals, tr("1 goal"), tr("%1 goals")),
        (usage.commitments, tr("1 promise"), tr("%1 promises")),
        (usage.plan_items, tr("your safety plan"), tr("your safety plan")),
    ):
        if count:
            parts.append(one if count == 1 else fill(many, str(count)))
    if len(parts) <= 1:
        return "".join(parts)
    return fill(tr("%1 and %2"), ", ".join(parts[:-1]), parts[-1])


class DeleteChoiceDialog(QDialog):
    """`done(ARCHIVE)`, `done(DELETE)` or rejected. Archive is the default button."""

    def __init__(self, name: str, used_in: str, *, group: bool, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("delete_choice_dialog")
        title = fill(tr("Delete %1?"), name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        heading = QLabel(title, self)
        make_heading(heading, 1.2)
        heading.setWordWrap(True)
        if group:
            words = tr(
                "%1 appears in %2. Archiving hides the group from your lists and keeps "
                "everything as it is; you can bring it back any time.\n\nDeleting removes the "
                "group; its name stays as plain text in those connections, so no history is lost."
            )
        else:
            words = tr(
                "%1 appears in %2. Archiving hides them from your lists and reminders and "
                "keeps everything as it is; you can bring them back any time.\n\nDeleting "
                "removes the contact; their name stays as plain text in those entries and "
                "connections, so no history is lost."
            )
        text = QLabel(fill(words, name, used_in), self)
        text.setObjectName("delete_choice_text")
        text.setWordWrap(True)
        self.cancel_button = QPushButton(tr("Keep as is"), self)
        self.cancel_button.setObjectName("delete_choice_cancel")
        self.cancel_button.setAccessibleName(tr("Keep as is: change nothing"))
        self.cancel_button.setAutoDefault(False)
        self.delete_button = QPushButton(tr("Delete, keep the name as text"), self)
        self.delete_button.setObjectName("delete_choice_delete")
        self.delete_button.setAccessibleName(tr("Delete, and keep the name as plain text"))
        self.delete_button.setAutoDefault(False)
        self.archive_button = QPushButton(tr("Archive instead"), self)
        self.archive_button.setObjectName("delete_choice_archive")
        self.archive_button.setAccessibleName(tr("Archive instead: hide, keep everything"))
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
