# SPDX-License-Identifier: GPL-3.0-or-later
"""Two cards of a person's (or group's) page: their connections, newest first, with Edit and
Delete (and Undo, on the page's note); and the journal entries that mention them, which open
in the Journal. Both lists are paged models (`history_model.py`)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListView,
    QPushButton,
    QWidget,
)

from recovery_desktop.core.models import Connection
from recovery_desktop.storage import Vault
from recovery_desktop.ui.connections.words import ConnectionWords
from recovery_desktop.ui.people.history_model import HistoryModel, MentionsModel
from recovery_desktop.ui.people.two_line_delegate import PAD, two_line_list
from recovery_desktop.ui.today.card import Card, muted_label

VISIBLE_ROWS = 6  # rows a list shows before it scrolls


def paged_list(name: str, accessible: str, parent: QWidget) -> QListView:
    view = two_line_list(name, accessible, parent)
    # The row the keyboard is on is the chosen one (Tab into the list chooses its first row),
    # so Edit, Delete and Open act on what the person sees highlighted.
    set_visible_rows(view, VISIBLE_ROWS)
    return view


def set_visible_rows(view: QListView, rows: int) -> None:
    """Show up to `rows` rows before the list scrolls: as many as it has, three at least."""
    view.setProperty("visible_rows", rows)
    fit_rows(view)


def fit_rows(view: QListView) -> None:
    row = view.fontMetrics().lineSpacing() * 2 + 2 * PAD + 2  # as TwoLineDelegate.sizeHint
    most = int(view.property("visible_rows") or VISIBLE_ROWS)
    count = view.model().rowCount() if view.model() is not None else 0
    view.setFixedHeight(row * max(3, min(count, most)) + 2 * view.frameWidth())


def choose_current_row(view: QListView) -> None:
    """The row the keyboard is on is the chosen one (Tab into a list chooses its first row),
    so Edit, Delete and Open act on the row the person sees highlighted."""
    selection = view.selectionModel()
    selection.currentChanged.connect(
        lambda current, _previous: (
            current.isValid()
            and selection.select(current, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        )
    )


class HistoryCard(Card):
    """Connections with Edit and Delete. Emits `edit_requested(Connection)` and
    `delete_requested(Connection)`; the details pane does the writing."""

    edit_requested = Signal(object)
    delete_requested = Signal(object)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__("people_history_card", ConnectionWords.tr("Connections"), "", parent)
        self.model = HistoryModel(vault, self)
        self.view = paged_list(
            "people_history", ConnectionWords.tr("Connections, newest first"), self
        )
        self.view.setModel(self.model)
        choose_current_row(self.view)
        self.model.modelReset.connect(lambda: fit_rows(self.view))
        self.model.rowsInserted.connect(lambda *_: fit_rows(self.view))
        self.empty = muted_label("", self)
        self.empty.setObjectName("people_history_empty")
        self.edit_button = QPushButton(ConnectionWords.tr("Edit…"), self)
        self.edit_button.setObjectName("people_history_edit")
        self.edit_button.setAccessibleName(ConnectionWords.tr("Edit the chosen connection"))
        self.delete_button = QPushButton(ConnectionWords.tr("Delete"), self)
        self.delete_button.setObjectName("people_history_delete")
        self.delete_button.setAccessibleName(ConnectionWords.tr("Delete the chosen connection"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        self.body.addWidget(self.view)
        self.body.addWidget(self.empty)
        self.body.addLayout(buttons)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.view.activated.connect(lambda index: self._act(self.edit_requested, index))
        self.edit_button.clicked.connect(lambda: self._act(self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._act(self.delete_requested))
        self._update_buttons()

    def chosen(self) -> Connection | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return None
        return self.model.record(index.row())

    def focus_order(self) -> list[QWidget]:
        return [self.view, self.edit_button, self.delete_button]

    def _act(self, signal: Signal, index: QModelIndex | None = None) -> None:
        record = self.model.record(index.row()) if index is not None else self.chosen()
        if record is not None:
            signal.emit(record)  # type: ignore[attr-defined]

    def _update_buttons(self) -> None:
        chosen = self.chosen() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        empty = self.model.rowCount() == 0
        self.view.setVisible(not empty)
        self.empty.setVisible(empty)
        self.edit_button.setVisible(not empty)
        self.delete_button.setVisible(not empty)

    def set_empty_text(self, text: str) -> None:
        self.empty.setText(text)


class MentionsCard(Card):
    """Journal entries that mention them. Emits `open_entry_requested(entry id)`."""

    open_entry_requested = Signal(int)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__("people_mentions_card", ConnectionWords.tr("In your journal"), "", parent)
        self.model = MentionsModel(vault, self)
        self.view = paged_list(
            "people_mentions",
            ConnectionWords.tr("Journal entries that mention them, newest first"),
            self,
        )
        self.view.setModel(self.model)
        choose_current_row(self.view)
        self.model.modelReset.connect(lambda: fit_rows(self.view))
        self.model.rowsInserted.connect(lambda *_: fit_rows(self.view))
        self.empty = muted_label("", self)
        self.empty.setObjectName("people_mentions_empty")
        self.open_button = QPushButton(ConnectionWords.tr("Open in Journal"), self)
        self.open_button.setObjectName("people_open_entry")
        self.open_button.setAccessibleName(
            ConnectionWords.tr("Open the chosen entry in the Journal")
        )
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_button)
        self.body.addWidget(self.view)
        self.body.addWidget(self.empty)
        self.body.addLayout(row)
        self.view.activated.connect(self._open)
        self.open_button.clicked.connect(lambda: self._open(self.view.currentIndex()))
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.model.modelReset.connect(self._update)
        self._update()

    def focus_order(self) -> list[QWidget]:
        return [self.view, self.open_button]

    def set_empty_text(self, text: str) -> None:
        self.empty.setText(text)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            entry_id = index.data(MentionsModel.IdRole)
            if entry_id is not None:
                self.open_entry_requested.emit(int(entry_id))

    def _update(self) -> None:
        empty = self.model.rowCount() == 0
        self.view.setVisible(not empty)
        self.empty.setVisible(empty)
        self.open_button.setVisible(not empty)
        index = self.view.currentIndex()
        self.open_button.setEnabled(
            index.isValid() and self.view.selectionModel().isSelected(index)
        )
