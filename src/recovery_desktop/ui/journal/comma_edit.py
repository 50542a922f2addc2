# SPDX-License-Identifier: GPL-3.0-or-later
"""A line edit for a comma-separated list (tags, people) that completes the word being typed.

Qt's QCompleter completes a whole line; here it completes only the part after the last comma,
so a person can type "walk, sl" and pick "sleep" without losing "walk".

An item that holds a comma itself (a tag written before commas were refused, a contact called
"Smith, Jo") is shown in double quotes, as a CSV line would, and read back whole; any other
comma separates items, so no new item can hold one.
"""

from __future__ import annotations

import csv
from collections.abc import Collection, Iterable, Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget


def _tidy(item: str) -> str:
    return " ".join(item.split())


def shown_item(item: str) -> str:
    """How an item appears in the line: quoted (inner quotes doubled) when it holds a comma or
    starts with a quote, so reading the line back gives the same item."""
    if "," in item or item.lstrip().startswith('"'):
        return '"' + item.replace('"', '""') + '"'
    return item


def split_items(text: str, keep_whole: Collection[str] = ()) -> list[str]:
    """The non-empty, tidied items of a comma-separated line, in order, without repeats.

    A quoted item that holds a comma stays whole only when it is one of `keep_whole` (compared
    without case): one that already existed. Any other is split at its commas.
    """
    whole = {_tidy(item).casefold() for item in keep_whole}
    try:
        parts = next(csv.reader([text], skipinitialspace=True), [])
    except csv.Error:  # a line break inside the line: read it as plain commas
        parts = text.split(",")
    seen: dict[str, str] = {}
    for part in parts:
        item = _tidy(part)
        pieces = [item] if "," not in item or item.casefold() in whole else item.split(",")
        for piece in map(_tidy, pieces):
            if piece and piece.casefold() not in seen:
                seen[piece.casefold()] = piece
    return list(seen.values())


class CommaCompleterEdit(QLineEdit):
    """Comma-separated words with completion of the last one from `set_suggestions`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words = QStringListModel(self)
        self._keep_whole: list[str] = []
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
        return split_items(self.text(), self._keep_whole)

    def set_items(self, items: Iterable[str]) -> None:
        """Show `items`; those holding a comma are quoted and read back whole."""
        items = list(items)
        self._keep_whole = [item for item in items if "," in item]
        self.setText(", ".join(shown_item(item) for item in items))

    def tidy(self) -> None:
        """Show the items as `set_items` would: no trailing comma, no empty items or repeats."""
        items = self.items()
        tidy = ", ".join(shown_item(item) for item in items)
        if self.text() != tidy:
            self.set_items(items)

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
        shown = shown_item(completion)
        if "," in completion:
            self._keep_whole.append(completion)  # an existing item, chosen from the list
        text = f"{head}{shown}, {tail.strip()}".rstrip()
        self.setText(text)
        self.setCursorPosition(len(head) + len(shown) + 2)
        self.textEdited.emit(self.text())
