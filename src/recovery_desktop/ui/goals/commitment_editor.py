# SPDX-License-Identifier: GPL-3.0-or-later
"""The editor under a goal's list of promises: what I promised, to whom, when, how it went,
and a note. Typing is saved a moment after it stops (and at once by `flush()`), a choice at
once; "Kept" and "Not this time" are one click, and can be changed back.

It writes through the `GoalRepository` it is given (no SQL here). A promise the vault refuses
(empty, too long, a full disk) stays on screen with the reason beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.models import Commitment, Contact, Goal, Outcome
from recovery_desktop.storage.goals import GoalRepository
from recovery_desktop.ui.goals.attempt import same_words
from recovery_desktop.ui.goals.autosave import AUTOSAVE_MS, AutosavingEditor
from recovery_desktop.ui.goals.fields import OptionalDate, PersonChoice
from recovery_desktop.ui.goals.words import GoalWords, outcome_label
from recovery_desktop.ui.theme import SPACING
from recovery_desktop.ui.today.card import muted_label, wrapped_label
from recovery_desktop.ui.widgets.flow_layout import FlowLayout
from recovery_desktop.ui.widgets.roving import RovingButtonGroup

_OUTCOMES = (Outcome.PENDING, Outcome.KEPT, Outcome.MISSED)


class CommitmentEditor(AutosavingEditor):
    """Edits one promise of one goal. `saved(Commitment)` after each write, `marked(Outcome)`
    after "Kept" or "Not this time", `delete_requested(id)` for the page to delete with undo."""

    saved = Signal(object)
    marked = Signal(object)
    delete_requested = Signal(int)

    def __init__(
        self,
        goals: GoalRepository,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        autosave_ms: int = AUTOSAVE_MS,
    ) -> None:
        super().__init__(
            goals, parent, name="commitment_editor", error_name="commitment_error",
            today=today, autosave_ms=autosave_ms,
        )  # fmt: skip
        self._goal: Goal | None = None
        self._loaded: Commitment | None = None
        self._outcome = Outcome.PENDING

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel("", self)
        self.heading.setObjectName("commitment_editor_heading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.fields = QWidget(self)  # hidden until the goal is stored
        fields = QVBoxLayout(self.fields)
        fields.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.fields)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.promise = QLineEdit(self)
        self.promise.setObjectName("commitment_promise")
        self.promise.setAccessibleName(GoalWords.tr("What I promised"))
        self.promise.setPlaceholderText(GoalWords.tr("Call Mum on Sunday, be on time for pick-up…"))
        self.promise.setMaxLength(2000)
        form.addRow(GoalWords.tr("What I promised"), self.promise)
        self.to_whom = PersonChoice("commitment_to_whom", GoalWords.tr("To whom"), self)
        form.addRow(GoalWords.tr("To whom"), self.to_whom)
        self.due = OptionalDate("commitment_due", GoalWords.tr("Due"), self)
        form.addRow(GoalWords.tr("When"), self.due)
        self.note = QLineEdit(self)
        self.note.setObjectName("commitment_note")
        self.note.setAccessibleName(GoalWords.tr("A note (optional)"))
        self.note.setPlaceholderText(GoalWords.tr("Optional: how it went, what helped"))
        form.addRow(GoalWords.tr("Note"), self.note)
        fields.addLayout(form)

        outcome_area = QWidget(self.fields)  # wraps when narrow or with large text
        outcome_row = FlowLayout(outcome_area, spacing=SPACING // 2)
        question = QLabel(GoalWords.tr("How did it go?"), outcome_area)
        question.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        outcome_row.addWidget(question)
        self.outcome_group = RovingButtonGroup(self)
        self.outcome_buttons: dict[Outcome, QPushButton] = {}
        for index, outcome in enumerate(_OUTCOMES):
            button = QPushButton(outcome_label(outcome), self)
            button.setObjectName(f"commitment_outcome_{outcome.value}")
            button.setAccessibleName(
                GoalWords.tr("How did it go: %1").replace("%1", outcome_label(outcome))
            )
            self.outcome_group.add(button, index)
            self.outcome_buttons[outcome] = button
            outcome_row.addWidget(button)
        self.delete_button = QPushButton(GoalWords.tr("Delete promise"), self)
        self.delete_button.setObjectName("commitment_delete")
        self.delete_button.setAccessibleName(GoalWords.tr("Delete this promise"))
        outcome_row.addWidget(self.delete_button)
        question.setMinimumHeight(self.delete_button.sizeHint().height())  # on the buttons' line
        fields.addWidget(outcome_area)
        # The theme fills a chosen answer with the accent and rings it when focused.

        self.feedback = wrapped_label("", self)
        self.feedback.setObjectName("commitment_feedback")
        self.feedback.setProperty("role", "banner")
        self.feedback.setVisible(False)
        layout.addWidget(self.feedback)
        layout.addWidget(self.error)
        self.hint = muted_label("", self)
        self.hint.setObjectName("commitment_hint")
        layout.addWidget(self.hint)

        self.promise.textEdited.connect(self._typed)
        self.note.textEdited.connect(self._typed)
        self.promise.returnPressed.connect(self.save)
        self.note.returnPressed.connect(self.save)
        self.to_whom.currentIndexChanged.connect(self._chosen)
        self.due.changed.connect(self._chosen)
        self.outcome_group.idClicked.connect(lambda index: self.set_outcome(_OUTCOMES[index]))
        self.delete_button.clicked.connect(self._delete)
        self.load(None, None)

    # --- what is shown ---------------------------------------------------------------------------

    @property
    def commitment_id(self) -> int | None:
        return self._loaded.id if self._loaded is not None else None

    def set_contacts(self, contacts: list[Contact]) -> None:
        self.to_whom.set_contacts(contacts)
        if not self.dirty():
            self._show_person()

    def load(self, goal: Goal | None, commitment: Commitment | None) -> None:
        """Show `commitment` of `goal`, or a new promise for it (None); with no saved goal,
        a line saying promises come once the goal has a name. Call `save` first: nothing
        typed is kept over."""
        self._timer.stop()
        self._goal = goal
        self._loaded = commitment
        self._outcome = commitment.outcome if commitment else Outcome.PENDING
        self._forget_refusal()
        self.feedback.setVisible(False)
        usable = goal is not None and goal.id is not None
        for widget in (self.promise, self.to_whom, self.due, self.note, self.delete_button):
            widget.setEnabled(usable)
        for button in self.outcome_buttons.values():
            button.setEnabled(usable)
        self._loading = True
        try:
            self.promise.setText(commitment.promise if commitment else "")
            self.promise.setCursorPosition(0)  # a long promise shows its beginning
            self.note.setText(commitment.note if commitment else "")
            self._show_person()
            today = self._today()
            self.due.set_value(commitment.due_date if commitment else today, today)
            self.outcome_group.set_choice(_OUTCOMES.index(self._outcome))
        finally:
            self._loading = False
        self.delete_button.setVisible(commitment is not None)
        self.fields.setVisible(usable)
        self.heading.setVisible(usable)
        if not usable:
            self.hint.setText(
                GoalWords.tr("Give the goal a name first; then you can add promises to it.")
            )
        elif commitment is None:
            self.heading.setText(GoalWords.tr("A new promise"))
            self.hint.setText(
                GoalWords.tr("Small and concrete is best: what, for whom, and by when.")
            )
        else:
            self.heading.setText(GoalWords.tr("This promise"))
            self.hint.setText("")
        self.hint.setVisible(bool(self.hint.text()))

    def _show_person(self) -> None:
        if self._loaded is not None:
            self.to_whom.set_choice(self._loaded.contact_id, self._loaded.contact_name)
        elif self._goal is not None:
            self.to_whom.set_choice(self._goal.contact_id, self._goal.contact_name)
        else:
            self.to_whom.set_choice(None)

    def focus_order(self) -> list[QWidget]:
        buttons = list(self.outcome_buttons.values())
        return [
            self.promise,
            self.to_whom,
            *self.due.focus_order(),
            self.note,
            *buttons,
            self.delete_button,
        ]

    # --- saving ------------------------------------------------------------------------------

    def candidate(self) -> Commitment | None:
        if self._goal is None or self._goal.id is None:
            return None
        contact_id, contact_name = self.to_whom.choice()
        base = self._loaded or Commitment(goal_id=self._goal.id, promise="")
        return replace(
            base,
            goal_id=self._goal.id,
            promise=same_words(self.promise.text()),
            due_date=self.due.value(),
            note=self.note.text(),
            contact_id=contact_id,
            contact_name=contact_name if contact_id is None else "",
            outcome=self._outcome,
            noted_at=base.noted_at if self._outcome is base.outcome else None,
        )

    def dirty(self) -> bool:
        candidate = self.candidate()
        if candidate is None:
            return False
        loaded = self._loaded
        if loaded is None:
            return bool(candidate.promise or candidate.note.strip())
        return (
            candidate.promise != loaded.promise
            or candidate.due_date != loaded.due_date
            or candidate.note != loaded.note
            or candidate.outcome is not loaded.outcome
            or candidate.contact_id != loaded.contact_id
            or (candidate.contact_id is None and candidate.contact_name != loaded.contact_name)
        )

    def save(self) -> bool:
        """Store what is shown (a new promise once it has words). True when nothing is left
        unsaved; False with the reason shown when the vault refused it."""
        self._timer.stop()
        candidate = self.candidate()
        if candidate is None or not self.dirty():
            return True
        new = self._loaded is None
        saved = self._store(lambda: self._goals.save_commitment(candidate))
        if saved is None:
            return False
        self._loaded = saved
        if new:
            self.heading.setText(GoalWords.tr("This promise"))
            self.hint.setVisible(False)
            self.delete_button.setVisible(True)
        self.saved.emit(saved)
        return True

    def set_outcome(self, outcome: Outcome) -> None:
        """ "Kept", "Not this time" or back to "Open": stored at once, said kindly."""
        if self._loading:
            return
        previous = self._outcome
        self._outcome = outcome
        if self._loaded is None and not same_words(self.promise.text()):
            self._outcome = previous
            self.outcome_group.set_choice(_OUTCOMES.index(previous))
            self.error.setText(GoalWords.tr("Write what you promised first, then how it went."))
            self.error.setVisible(True)
            self.promise.setFocus()
            return
        if not self.save():
            return
        if outcome is not previous:
            self.feedback.setText(
                {
                    Outcome.KEPT: GoalWords.tr("Kept. Every promise kept rebuilds a little trust."),
                    Outcome.MISSED: GoalWords.tr(
                        "Thank you for being honest about it. That counts too, and there "
                        "will be another chance."
                    ),
                    Outcome.PENDING: GoalWords.tr("Open again. Mark it when you know how it went."),
                }[outcome]
            )
            self.feedback.setVisible(True)
            self.marked.emit(outcome)

    def _typed(self, *_: object) -> None:
        if not self._loading:
            self.feedback.setVisible(False)
        super()._typed()

    def _chosen(self, *_: object) -> None:
        if not self._loading and self._goal is not None:
            self.save()

    def _delete(self) -> None:
        if self._loaded is not None and self._loaded.id is not None:
            self._timer.stop()
            self.delete_requested.emit(self._loaded.id)
