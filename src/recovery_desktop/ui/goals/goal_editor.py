# SPDX-License-Identifier: GPL-3.0-or-later
"""The goal itself: its name, why it matters, its kind, the person it is about, a target date,
and where it stands (active, achieved, paused, let go).

Typing is saved a moment after it stops and at once by `flush()`; choices at once. A new goal
is stored as soon as it has a name. Changes of status go through the page (`status_requested`),
which saves first and then says something kind about it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.models import Contact, Goal, GoalKind, GoalStatus
from recovery_desktop.storage.goals import GoalRepository
from recovery_desktop.ui.goals.attempt import same_words
from recovery_desktop.ui.goals.autosave import AUTOSAVE_MS, AutosavingEditor
from recovery_desktop.ui.goals.fields import OptionalDate, PersonChoice
from recovery_desktop.ui.goals.words import GoalWords, kind_label, status_label
from recovery_desktop.ui.theme import SPACING, make_heading
from recovery_desktop.ui.today.card import muted_label
from recovery_desktop.ui.widgets.flow_layout import FlowLayout

KINDS = (GoalKind.TRUST, GoalKind.HEALTH, GoalKind.SERVICE, GoalKind.PERSONAL)


class GoalEditor(AutosavingEditor):
    """Edits one goal. `saved(Goal)` after each write; `status_requested(GoalStatus)` and
    `delete_requested()` ask the page to act."""

    saved = Signal(object)
    status_requested = Signal(object)
    delete_requested = Signal()

    def __init__(
        self,
        goals: GoalRepository,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        autosave_ms: int = AUTOSAVE_MS,
    ) -> None:
        super().__init__(
            goals, parent, name="goal_editor", error_name="goal_error",
            today=today, autosave_ms=autosave_ms,
        )  # fmt: skip
        self._loaded: Goal | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel("", self)
        self.heading.setObjectName("goal_editor_heading")
        make_heading(self.heading, 1.15)
        layout.addWidget(self.heading)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.title = QLineEdit(self)
        self.title.setObjectName("goal_title")
        self.title.setAccessibleName(GoalWords.tr("Goal"))
        self.title.setPlaceholderText(GoalWords.tr("What would you like to work toward?"))
        self.title.setMaxLength(1000)
        form.addRow(GoalWords.tr("Goal"), self.title)
        self.why = QPlainTextEdit(self)
        self.why.setObjectName("goal_why")
        self.why.setAccessibleName(GoalWords.tr("Why it matters"))
        self.why.setPlaceholderText(GoalWords.tr("In your own words: why this goal, why now"))
        self.why.setTabChangesFocus(True)
        self.why.setFixedHeight(self.why.fontMetrics().lineSpacing() * 3 + 16)
        form.addRow(GoalWords.tr("Why it matters"), self.why)
        self.kind = QComboBox(self)
        self.kind.setObjectName("goal_kind")
        self.kind.setAccessibleName(GoalWords.tr("Kind of goal"))
        for kind in KINDS:
            self.kind.addItem(kind_label(kind), kind.value)
        form.addRow(GoalWords.tr("Kind"), self.kind)
        self.about = PersonChoice("goal_about", GoalWords.tr("The person it is about"), self)
        form.addRow(GoalWords.tr("About"), self.about)
        self.target = OptionalDate("goal_target", GoalWords.tr("Target date"), self)
        form.addRow(GoalWords.tr("By when"), self.target)
        layout.addLayout(form)

        self.status_line = muted_label("", self)
        self.status_line.setObjectName("goal_status")
        layout.addWidget(self.status_line)
        self.actions = QWidget(self)  # wraps onto two lines when narrow or with large text
        actions = FlowLayout(self.actions, spacing=SPACING // 2)
        self.status_buttons: dict[GoalStatus, QPushButton] = {}
        for status, text, name in (
            (GoalStatus.ACHIEVED, GoalWords.tr("We did it: achieved"), "goal_achieved"),
            (GoalStatus.PAUSED, GoalWords.tr("Pause for now"), "goal_pause"),
            (GoalStatus.LET_GO, GoalWords.tr("Let it go"), "goal_let_go"),
            (GoalStatus.ACTIVE, GoalWords.tr("Pick it up again"), "goal_resume"),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setAccessibleName(text)
            button.clicked.connect(lambda _=False, s=status: self.status_requested.emit(s))
            actions.addWidget(button)
            self.status_buttons[status] = button
        self.delete_button = QPushButton(GoalWords.tr("Delete goal"), self)
        self.delete_button.setObjectName("goal_delete")
        self.delete_button.setAccessibleName(GoalWords.tr("Delete this goal and its promises"))
        self.delete_button.clicked.connect(self._delete)
        actions.addWidget(self.delete_button)
        layout.addWidget(self.actions)
        layout.addWidget(self.error)

        self.title.textEdited.connect(self._typed)
        self.title.returnPressed.connect(self.save)
        self.why.textChanged.connect(self._typed)
        self.kind.currentIndexChanged.connect(self._chosen)
        self.about.currentIndexChanged.connect(self._chosen)
        self.target.changed.connect(self._chosen)
        self.load(None)

    @property
    def goal(self) -> Goal | None:
        """The goal as last stored (None for a new one not stored yet)."""
        return self._loaded

    def set_contacts(self, contacts: list[Contact]) -> None:
        self.about.set_contacts(contacts)
        if not self.dirty():
            goal = self._loaded
            self.about.set_choice(
                goal.contact_id if goal else None, goal.contact_name if goal else ""
            )

    def load(self, goal: Goal | None) -> None:
        """Show `goal`, or a blank new one. Call `save` first: nothing typed is kept over."""
        self._timer.stop()
        self._loaded = goal
        self._forget_refusal()
        self._loading = True
        try:
            self.title.setText(goal.title if goal else "")
            self.title.setCursorPosition(0)
            self.why.setPlainText(goal.why if goal else "")
            self.kind.setCurrentIndex(KINDS.index(goal.kind) if goal else 0)
            self.about.set_choice(
                goal.contact_id if goal else None, goal.contact_name if goal else ""
            )
            self.target.set_value(goal.target_date if goal else None, self._today())
        finally:
            self._loading = False
        self._show_status()

    def _show_status(self) -> None:
        goal = self._loaded
        self.heading.setText(
            GoalWords.tr("A new goal") if goal is None else GoalWords.tr("Your goal")
        )
        status = goal.status if goal else None
        shown = {
            None: (),
            GoalStatus.ACTIVE: (GoalStatus.ACHIEVED, GoalStatus.PAUSED, GoalStatus.LET_GO),
            GoalStatus.PAUSED: (GoalStatus.ACTIVE, GoalStatus.ACHIEVED, GoalStatus.LET_GO),
            GoalStatus.ACHIEVED: (GoalStatus.ACTIVE,),
            GoalStatus.LET_GO: (GoalStatus.ACTIVE,),
        }[status]
        for key, button in self.status_buttons.items():
            button.setVisible(key in shown)
        self.delete_button.setVisible(goal is not None)
        self.status_line.setVisible(goal is not None)
        if goal is not None:
            self.status_line.setText(
                GoalWords.tr("Where it stands: %1").replace("%1", status_label(goal.status))
            )

    def focus_order(self) -> list[QWidget]:
        return [
            self.title,
            self.why,
            self.kind,
            self.about,
            *self.target.focus_order(),
            self.status_buttons[GoalStatus.ACHIEVED],
            self.status_buttons[GoalStatus.ACTIVE],
            self.status_buttons[GoalStatus.PAUSED],
            self.status_buttons[GoalStatus.LET_GO],
            self.delete_button,
        ]

    # --- saving ------------------------------------------------------------------------------

    def candidate(self) -> Goal:
        contact_id, contact_name = self.about.choice()
        base = self._loaded or Goal(title="")
        return replace(
            base,
            title=same_words(self.title.text()),
            why=self.why.toPlainText(),
            kind=KINDS[max(0, self.kind.currentIndex())],
            contact_id=contact_id,
            contact_name=contact_name if contact_id is None else "",
            target_date=self.target.value(),
        )

    def dirty(self) -> bool:
        candidate = self.candidate()
        loaded = self._loaded
        if loaded is None:
            return bool(candidate.title or candidate.why.strip())
        return (
            candidate.title != loaded.title
            or candidate.why != loaded.why
            or candidate.kind is not loaded.kind
            or candidate.target_date != loaded.target_date
            or candidate.contact_id != loaded.contact_id
            or (candidate.contact_id is None and candidate.contact_name != loaded.contact_name)
        )

    def save(self) -> bool:
        """Store what is shown. True when nothing is left unsaved; False with the reason shown
        when the vault refused it (a goal with no name yet waits quietly while typing)."""
        self._timer.stop()
        if not self.dirty():
            return True
        candidate = self.candidate()
        saved = self._store(lambda: self._goals.save(candidate))
        if saved is None:
            return False
        self._loaded = saved
        self._show_status()
        self.saved.emit(saved)
        return True

    def _autosave(self) -> None:
        """While typing, a new goal waits for its name before it is stored (no early "needs
        a few words" while the person writes why first); `flush()` always tries."""
        if self._loaded is None and not same_words(self.title.text()):
            return
        self.save()

    def show_status(self, goal: Goal) -> None:
        """After the page changed the status: the stored goal, the typing kept as it is."""
        self._loaded = replace(self._loaded or goal, status=goal.status)
        self._show_status()

    def _chosen(self, *_: object) -> None:
        if not self._loading and self._loaded is not None:
            self.save()

    def _delete(self) -> None:
        self._timer.stop()
        self.delete_requested.emit()
