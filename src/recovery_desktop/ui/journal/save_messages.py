# SPDX-License-Identifier: GPL-3.0-or-later
"""What the editor says about saving, in plain words: the status beside Save ("Saved at
14:02"), the error line under the fields ("Not saved yet: ...", while the text stays on screen)
and the notice when an entry was also changed somewhere else and both versions were kept.

The words are the editor's parts' (`EditorWords`), filed for translators under that context.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QWidget

from recovery_desktop.core.models import Entry
from recovery_desktop.ui.journal.editor_words import EditorWords
from recovery_desktop.ui.journal.keep_both import Outcome, Stored
from recovery_desktop.ui.widgets.dates import short_time


class SaveMessages:
    """The status label (the editor bar's) and the notice and error labels (made here, as
    children of the editor, to be laid out under the fields)."""

    def __init__(self, editor: QWidget, status: QLabel) -> None:
        self.status = status
        self.notice = QLabel(editor)
        self.notice.setObjectName("journal_notice")
        self.notice.setProperty("role", "banner")
        self.notice.setAccessibleName(EditorWords.tr("Note about this entry"))
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.error = QLabel(editor)
        self.error.setObjectName("journal_error")
        self.error.setProperty("role", "error")
        self.error.setAccessibleName(EditorWords.tr("Problem saving"))
        self.error.setWordWrap(True)
        self.error.hide()

    def new_entry(self) -> None:
        self.status.setText(EditorWords.tr("New entry"))

    def saving(self) -> None:
        self.status.setText(EditorWords.tr("Saving…"))

    def nothing_to_save(self) -> None:
        self.status.setText(EditorWords.tr("Nothing to save yet"))

    def opened(self, entry: Entry) -> None:
        """A stored entry was opened: when it was last saved, if it is a draft."""
        when = short_time(entry.updated_at) if entry.updated_at else ""
        self.status.setText(
            EditorWords.tr("Draft saved at %1").replace("%1", when)
            if entry.is_draft
            else EditorWords.tr("Saved")
        )

    def saved_now(self, entry: Entry) -> None:
        when = short_time(datetime.now())
        self.status.setText(
            EditorWords.tr("Draft saved at %1").replace("%1", when)
            if entry.is_draft
            else EditorWords.tr("Saved at %1").replace("%1", when)
        )

    def not_saved(self, reason: str) -> None:
        """The vault refused what is typed: say why; the text stays and a later save retries."""
        self.error.setText(EditorWords.tr("Not saved yet: %1").replace("%1", reason))
        self.error.show()
        self.status.setText(EditorWords.tr("Not saved"))

    def keeps_changing_elsewhere(self) -> None:
        self.not_saved(
            EditorWords.tr(
                "this entry keeps changing somewhere else. What you wrote is still here; "
                "saving again will try once more."
            )
        )

    def kept_both(self, result: Stored) -> None:
        """The entry had changed elsewhere since it was opened: say how both were kept."""
        if result.outcome is Outcome.COPIED:
            text = EditorWords.tr(
                "This entry was changed somewhere else (for example from the command line) "
                "after you opened it. Both are kept: what you wrote here is saved as a new "
                "entry, and the other version stays in your journal as it was."
            )
        else:
            text = EditorWords.tr(
                "This check-in was also changed somewhere else (for example from the command "
                "line) after you opened it, so the two were put together and nothing was lost."
            )
            if result.both_texts:
                text += " " + EditorWords.tr(
                    "Where both changed the same text, both are kept in it."
                )
        self.notice.setText(text)
        self.notice.show()
