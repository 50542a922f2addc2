# SPDX-License-Identifier: GPL-3.0-or-later
"""Where an entry's text is written and read: the Markdown as typed, and its formatted preview.

The body is a QPlainTextEdit holding the person's Markdown exactly as typed (QTextEdit's
setMarkdown/toMarkdown would rewrite it: list markers, spacing, escapes). The preview renders
that text with QTextDocument's Markdown support in a read-only browser.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QPlainTextEdit, QStackedWidget, QTextBrowser, QWidget

from recovery_desktop.ui.theme import scaled_font


@dataclass(frozen=True, slots=True)
class TextView:
    """Where the person is in the text: the cursor (and the selection's other end) and how far
    each side is scrolled, so showing a newer version of the text can keep them."""

    position: int
    anchor: int
    body_scroll: int
    preview_scroll: int


class WritingArea(QStackedWidget):
    """The text (`body`) and its preview (`preview`), one shown at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("journal_body")
        self.body.setAccessibleName(self.tr("Entry text (Markdown)"))
        self.body.setPlaceholderText(
            self.tr("Write whatever is on your mind. **Bold**, *italics* and - lists work.")
        )
        self.body.setTabChangesFocus(True)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("journal_preview")
        self.preview.setAccessibleName(self.tr("Formatted preview of the entry"))
        self.preview.setOpenLinks(False)
        reading = scaled_font(self.font(), 1.1)  # a little larger: this is where people read
        self.body.setFont(reading)
        self.preview.setFont(reading)
        self.addWidget(self.body)
        self.addWidget(self.preview)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """As short as its minimum: the text takes the room the editor has left, so a short
        window fits the editor whole (and a tall one gives the text all the rest)."""
        hint = super().sizeHint()
        return QSize(hint.width(), max(self.minimumHeight(), self.minimumSizeHint().height()))

    def text(self) -> str:
        """The text as typed, with line endings as `\n`: the one change an edited text gets.

        `toPlainText()` would also turn no-break spaces into spaces and U+2028 into a line
        break; the raw text keeps both. Qt ends a paragraph at `\r\n`, `\r`, `\n`, U+2029
        (and the noncharacters U+FDD0/U+FDD1); each becomes `\n`.
        """
        return self.body.document().toRawText().replace("\u2029", "\n")

    def is_empty(self) -> bool:
        return self.body.document().isEmpty()

    def set_text(self, text: str) -> None:
        self.body.setPlainText(text)

    def view(self) -> TextView:
        cursor = self.body.textCursor()
        return TextView(
            cursor.position(),
            cursor.anchor(),
            self.body.verticalScrollBar().value(),
            self.preview.verticalScrollBar().value(),
        )

    def restore_view(self, view: TextView) -> None:
        """Put the cursor, selection and scroll back as `view` had them (within the text)."""
        end = self.body.document().characterCount() - 1  # positions count UTF-16 units
        cursor = self.body.textCursor()
        cursor.setPosition(min(view.anchor, end))
        cursor.setPosition(min(view.position, end), cursor.MoveMode.KeepAnchor)
        self.body.setTextCursor(cursor)
        self.body.verticalScrollBar().setValue(view.body_scroll)
        self.preview.verticalScrollBar().setValue(view.preview_scroll)

    def show_preview(self, on: bool) -> None:
        if on:
            self._render()
            self.setCurrentWidget(self.preview)
        else:
            self.setCurrentWidget(self.body)

    def _render(self) -> None:
        self.preview.document().setMarkdown(self.body.toPlainText())

    def use_prompt(self, prompt: str) -> None:
        """Start the text with the prompt as a quote, the cursor on the line below."""
        self.body.setPlainText(f"> {prompt}\n\n")
        self.focus_end()

    def insert(self, text: str) -> None:
        """Put `text` in: the whole text when empty, else on a new line at the cursor (nothing
        is replaced)."""
        if self.is_empty():
            self.body.setPlainText(text)
        else:
            self.body.textCursor().insertText("\n" + text)
        self.focus_end()

    def focus_end(self) -> None:
        cursor = self.body.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.body.setTextCursor(cursor)
        self.body.setFocus()
