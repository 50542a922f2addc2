# SPDX-License-Identifier: GPL-3.0-or-later
"""The promises of the open goal: a list (what needs an answer first) and the editor under it.

A card of the Goals page. It reads and writes through the `GoalRepository` it is given (no
SQL here) and tells the page what changed: `changed(list[Commitment])` after any write, so
the trust figures and the goal list follow; `deleted(Commitment)` so the page can offer Undo.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.models import Commitment, Contact, Goal
from recovery_desktop.storage.goals import GoalRepository
from recovery_desktop.ui.goals.commitment_editor import AUTOSAVE_MS, CommitmentEditor
from recovery_desktop.ui.goals.commitment_list import CommitmentListModel
from recovery_desktop.ui.goals.row_delegate import TwoLineDelegate
from recovery_desktop.ui.goals.words import GoalWords
from recovery_desktop.ui.theme import SPACING, make_heading
from recovery_desktop.ui.today.card import muted_label
from recovery_desktop.ui.widgets.list_rows import mark_row

ROWS_SHOWN = 7  # the list scrolls beyond this many rows; the page scrolls as a whole


class PromisesCard(QFrame):
    changed = Signal(list)
    deleted = Signal(object)

    def __init__(
        self,
        goals: GoalRepository,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        autosave_ms: int = AUTOSAVE_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("promises_card")
        self.setProperty("role", "card")
        self._goals = goals
        self._today = today
        self._goal: Goal | None = None
        self._syncing = False
        layout = QVBoxLayout(self)
        pad = round(SPACING * 1.3)
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(round(SPACING * 0.75))
        heading = QLabel(GoalWords.tr("Promises"), self)
        make_heading(heading, 1.15)
        layout.addWidget(heading)
        self.note = muted_label(GoalWords.tr("No promises yet for this goal."), self)
        self.note.setObjectName("promises_note")
        layout.addWidget(self.note)
        self.model = CommitmentListModel(self)
        self.list = QListView(self)
        self.list.setObjectName("goal_commitments")
        self.list.setAccessibleName(GoalWords.tr("Promises for this goal"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout.addWidget(self.list)
        self.new_button = QPushButton(GoalWords.tr("New promise"), self)
        self.new_button.setObjectName("goal_new_promise")
        self.new_button.setAccessibleName(GoalWords.tr("New promise"))
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.editor = CommitmentEditor(goals, self, today=today, autosave_ms=autosave_ms)
        layout.addWidget(self.editor)

        self.list.selectionModel().currentChanged.connect(self._on_current)
        self.new_button.clicked.connect(self.new_promise)
        self.editor.saved.connect(self._on_saved)
        self.editor.delete_requested.connect(self.delete_promise)

    # --- what the page asks ------------------------------------------------------------------

    def show_goal(self, goal: Goal | None) -> None:
        """The promises of `goal` (None: a goal not stored yet) and a blank new one."""
        self._goal = goal
        self.editor.load(goal, None)
        self.reload()

    def goal_saved(self, goal: Goal) -> None:
        """The open goal was stored (a new one now can take promises)."""
        self.update_goal(goal)
        if self.editor.commitment_id is None and not self.editor.dirty():
            self.editor.load(goal, None)  # a new promise goes to the goal's person
        self.reload(keep_editor=True)

    def update_goal(self, goal: Goal) -> None:
        """The open goal as stored now (its name or person changed elsewhere)."""
        self._goal = goal

    def set_contacts(self, contacts: list[Contact]) -> None:
        self.editor.set_contacts(contacts)

    def flush(self) -> None:
        self.editor.flush()

    def has_unsaved_changes(self) -> bool:
        return self.editor.has_unsaved_changes()

    def focus_order(self) -> list[QWidget]:
        return [self.list, self.new_button, *self.editor.focus_order()]

    def reload(self, *, keep_editor: bool = False) -> list[Commitment]:
        """Read the goal's promises again; the editor follows unless `keep_editor` (it holds
        typing). Emits `changed` with them."""
        goal = self._goal
        commitments = self._goals.commitments(goal.id) if goal and goal.id else []
        self._syncing = True
        try:
            self.model.set_rows(commitments, self._today(), goal.contact_name if goal else "")
        finally:
            self._syncing = False
        self.list.setVisible(bool(commitments))
        self.new_button.setEnabled(goal is not None and goal.id is not None)
        self.note.setVisible(goal is not None and goal.id is not None and not commitments)
        shown = min(max(len(commitments), 1), ROWS_SHOWN)
        row_height = self.list.sizeHintForRow(0) if commitments else 0
        self.list.setFixedHeight(shown * row_height + 2 * self.list.frameWidth())
        editing = self.editor.commitment_id
        if not keep_editor and not self.editor.dirty() and editing is not None:
            current = next((c for c in commitments if c.id == editing), None)
            self.editor.load(goal, current)
        self.select(self.editor.commitment_id)
        self.changed.emit(commitments)
        return commitments

    def select(self, commitment_id: int | None) -> None:
        """Make the list's current row match the editor, without reopening anything."""
        self._syncing = True
        try:
            mark_row(self.list, self.model.row_of(commitment_id))
        finally:
            self._syncing = False

    # --- the person's actions ----------------------------------------------------------------

    def new_promise(self) -> None:
        """A blank promise for the open goal, the cursor in "What I promised"."""
        self.editor.flush()
        if self.editor.has_unsaved_changes() or self._goal is None:
            return
        self.editor.load(self._goal, None)
        self.select(None)
        self.editor.promise.setFocus()

    def open_promise(self, commitment_id: int) -> None:
        if commitment_id == self.editor.commitment_id:
            return
        self.editor.flush()
        if self.editor.has_unsaved_changes():  # refused: stay, so nothing typed is lost
            self.select(self.editor.commitment_id)
            return
        self.editor.load(self._goal, self._goals.get_commitment(commitment_id))
        self.select(commitment_id)

    def delete_promise(self, commitment_id: int) -> None:
        removed = self._goals.delete_commitment(commitment_id)
        if removed is None:
            return
        self.editor.load(self._goal, None)
        self.reload()
        self.deleted.emit(removed)

    def restore(self, commitment: Commitment) -> None:
        """Undo: put a deleted promise back (its goal must be the open one) and open it."""
        self.editor.flush()
        restored = self._goals.restore_commitment(commitment)
        self.editor.load(self._goal, restored)
        self.reload()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        commitment_id = current.data(CommitmentListModel.IdRole)
        if commitment_id is not None:
            self.open_promise(int(commitment_id))

    def _on_saved(self, commitment: Commitment) -> None:
        self.reload(keep_editor=True)
        self.select(commitment.id)
