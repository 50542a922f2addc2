# SPDX-License-Identifier: GPL-3.0-or-later
"""A line edit for a comma-separated list (tags, people) that completes the word being typed.

Qt's QCompleter completes a whole line; here it completes only the part after the last comma,
so a person can type "walk, sl" and pick "sleep" without losing "walk".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget


def split_items(text: str) -> list[str]:
    """The non-empty, trimmed items of a comma-separated line, in order, without repeats."""
    seen: dict[str, str] = {}
    for part in text.split(","):
        item = " ".join(part.split())
        if item and item.casefold() not in seen:
            seen[item.casefold()] = item
    return list(seen.values())


class CommaCompleterEdit(QLineEdit):
    """Comma-separated words with completion of the last one from `set_suggestions`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words = QStringListModel(self)
        self.completer_ = QCompleter(self._words, self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer_.setWidget(self)
        self.completer_.activated.connect(self._insert_completion)
        self.textEdited.connect(self._update_completion)

    def set_suggestions(self, words: Sequence[str]) -> None:
        self._words.setStringList(list(words))

    def items(self) -> list[str]:
        return split_items(self.text())

    def set_items(self, items: Iterable[str]) -> None:
        self.setText(", ".join(items))

    def _current_word(self) -> str:
        return self.text()[: self.cursorPosition()].rsplit(",", 1)[-1].strip()

    def _update_completion(self, _text: str) -> None:
        word = self._current_word()
        if not word:
            self.completer_.popup().hide()
            return
        self.completer_.setCompletionPrefix(word)
        chosen = {item.casefold() for item in self.items()}
        if self.completer_.completionCount() == 0 or (
            self.completer_.completionCount() == 1
            and self.completer_.currentCompletion().casefold() in chosen
        ):
            self.completer_.popup().hide()
            return
        self.completer_.complete()

    def _insert_completion(self, completion: str) -> None:
        before = self.text()[: self.cursorPosition()]
        after = self.text()[self.cursorPosition() :]
        head = before.rsplit(",", 1)[0] + ", " if "," in before else ""
        tail = after.split(",", 1)[1] if "," in after else ""
        text = f"{head}{completion}, {tail.strip()}".rstrip()
        self.setText(text)
        self.setCursorPosition(len(head) + len(completion) + 2)
        self.textEdited.emit(self.text())
