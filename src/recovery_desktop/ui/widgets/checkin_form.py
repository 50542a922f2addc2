# SPDX-License-Identifier: GPL-3.0-or-later
"""The answers of a daily check-in: mood, craving (with follow-ups), sober today, gratitude,
and an optional intention and evening review.

One form, used where a check-in is answered: Today's check-in card and a check-in opened in the
Journal. It shows an entry's answers and reads them back; saving (and merging with a check-in
changed elsewhere) is the caller's, so each screen keeps its own way of saving while the person
meets the same questions, words and controls on both.

Room for messages is kept: the kind note after "No" holds its space while hidden, so answering
never moves the controls below under the pointer.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.checkin import wants_follow_up
from recovery_desktop.core.models import Entry
from recovery_desktop.ui.page import focusable_in
from recovery_desktop.ui.widgets.craving_scale import CravingScale
from recovery_desktop.ui.widgets.mood_picker import MoodPicker
from recovery_desktop.ui.widgets.roving import RovingButtonGroup
from recovery_desktop.ui.widgets.tag_chips import TagChips

SOBER_YES, SOBER_NO, SOBER_UNSAID = 1, 0, 2


def _muted(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "muted")
    label.setWordWrap(True)
    return label


class CheckinForm(QWidget):
    """The check-in's questions. `changed` when the person changes an answer (never while an
    entry is being shown); `submitted` on Enter in the gratitude line; `shown` after an entry
    was put in the widgets (chips may have been rebuilt: the page fixes Tab order);
    `sober_answered` when the person answers "Sober today?"."""

    changed = Signal()
    submitted = Signal()
    shown = Signal()
    sober_answered = Signal(object)  # True, False or None ("rather not say"), by the person

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkin_form")
        self._loading = False
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self._build()

    # --- building ----------------------------------------------------------------------------

    def _question(self, text: str) -> QLabel:
        self.body.addSpacing(4)
        label = QLabel(text, self)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setWordWrap(True)
        self.body.addWidget(label)
        return label

    def _build(self) -> None:
        self._question(self.tr("How are you feeling?"))
        self.mood = MoodPicker(self)
        self.mood.setAccessibleName(self.tr("How are you feeling?"))
        self.mood.mood_changed.connect(self._changed)
        self.body.addWidget(self.mood)

        self._question(self.tr("Any craving right now?"))
        self.craving = CravingScale(self)
        self.craving.setAccessibleName(self.tr("Any craving right now? 0 to 10"))
        self.craving.craving_changed.connect(self._on_craving)
        self.body.addWidget(self.craving)

        self.follow_ups = QWidget(self)
        self.follow_ups.setObjectName("craving_follow_ups")
        follow = QVBoxLayout(self.follow_ups)
        follow.setContentsMargins(0, 0, 0, 0)
        follow.addWidget(
            _muted(
                self.tr(
                    "Optional. Noticing what sets a craving off, and what helps, can show you "
                    "patterns later."
                ),
                self.follow_ups,
            )
        )
        trigger_label = QLabel(self.tr("What set it off?"), self.follow_ups)
        follow.addWidget(trigger_label)
        self.triggers = TagChips("triggers", self.tr("What set it off?"), self.follow_ups)
        self.triggers.changed.connect(self._changed)
        follow.addWidget(self.triggers)
        coping_label = QLabel(self.tr("What helped?"), self.follow_ups)
        follow.addWidget(coping_label)
        self.coping = TagChips("coping", self.tr("What helped?"), self.follow_ups)
        self.coping.changed.connect(self._changed)
        follow.addWidget(self.coping)
        self.follow_ups.setVisible(False)
        self.body.addWidget(self.follow_ups)

        self._question(self.tr("Sober today?"))
        sober_row = QHBoxLayout()
        self._sober = RovingButtonGroup(self)
        self.sober_buttons: dict[int, QPushButton] = {}
        for key, text, name in (
            (SOBER_YES, self.tr("Yes"), "sober_yes"),
            (SOBER_NO, self.tr("No"), "sober_no"),
            (SOBER_UNSAID, self.tr("I'd rather not say"), "sober_unsaid"),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setAccessibleName(self.tr("Sober today: %1").replace("%1", text))
            self._sober.add(button, key)
            sober_row.addWidget(button)
            self.sober_buttons[key] = button
        sober_row.addStretch(1)
        self.body.addLayout(sober_row)
        self._sober.idToggled.connect(self._on_sober)
        self.sober_note = _muted(
            self.tr(
                "Thank you for being honest; that takes courage. Be gentle with yourself "
                "today, and reach out if you can."
            ),
            self,
        )
        self.sober_note.setObjectName("sober_note")
        keep_room_when_hidden(self.sober_note)
        self.sober_note.setVisible(False)
        self.body.addWidget(self.sober_note)

        self._question(self.tr("One thing I'm grateful for"))
        self.gratitude = QLineEdit(self)
        self.gratitude.setMaxLength(10_000)  # the most the vault keeps for this line
        self.gratitude.setObjectName("gratitude")
        self.gratitude.setAccessibleName(self.tr("One thing I'm grateful for"))
        self.gratitude.setPlaceholderText(self.tr("A person, a moment, something small…"))
        self.gratitude.textEdited.connect(self._changed)
        self.gratitude.returnPressed.connect(self.submitted)
        self.body.addWidget(self.gratitude)

        self.intention_toggle, self.intention = self._disclosure(
            "intention", self.tr("Today I will…"), QLineEdit(self)
        )
        self.intention.setPlaceholderText(self.tr("One small thing, just for today"))
        self.intention.textEdited.connect(self._changed)
        self.review_toggle, self.evening_review = self._disclosure(
            "evening_review", self.tr("Looking back on today"), QPlainTextEdit(self)
        )
        self.evening_review.setPlaceholderText(
            self.tr("What went well? What was hard? What would you do again?")
        )
        self.evening_review.setTabChangesFocus(True)
        line = self.evening_review.fontMetrics().lineSpacing()
        self.evening_review.setFixedHeight(line * 4 + 14)
        self.evening_review.textChanged.connect(self._changed)

    def _disclosure(self, name: str, text: str, field: QWidget) -> tuple[QToolButton, QWidget]:
        toggle = QToolButton(self)
        toggle.setObjectName(f"{name}_toggle")
        toggle.setAccessibleName(text)
        toggle.setText(text)
        toggle.setCheckable(True)
        toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toggle.setArrowType(Qt.ArrowType.RightArrow)
        toggle.setAutoRaise(True)
        toggle.setStyleSheet(
            "QToolButton { border: 1px solid transparent; margin: 1px; background: transparent;"
            " font-weight: bold; padding: 0.2em 0.2em; }"
            "QToolButton:hover { color: palette(highlight); }"
            "QToolButton:focus { border: 2px solid palette(highlight); margin: 0; }"
        )
        field.setObjectName(name)
        field.setAccessibleName(text)
        field.setVisible(False)

        def show(open_: bool) -> None:
            toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
            field.setVisible(open_)

        toggle.toggled.connect(show)
        self.body.addWidget(toggle)
        self.body.addWidget(field)
        return toggle, field

    def focus_order(self) -> list[QWidget]:
        """The form's controls in reading order (a page chains them for Tab)."""
        return focusable_in(self.body)

    # --- showing and reading ----------------------------------------------------------------

    def set_suggestions(self, triggers: list[str], coping: list[str]) -> None:
        self.triggers.set_suggestions(triggers)
        self.coping.set_suggestions(coping)

    def show_entry(self, entry: Entry, hour: int | None = None, *, keep_open: bool = True) -> None:
        """Put `entry`'s answers in the widgets. With an `hour`, the intention opens in the
        morning and the review later; without one, a field opens only to show its text, and
        an empty one the person opened stays open unless `keep_open` is False (another
        check-in is shown)."""
        self._loading = True
        try:
            self.mood.set_mood(entry.mood)
            self.craving.set_craving(entry.craving)
            self.triggers.set_selected(entry.triggers)
            self.coping.set_selected(entry.coping)
            if entry.sober_today is None:
                self._sober.clear_choice()
            else:
                self._sober.set_choice(SOBER_YES if entry.sober_today else SOBER_NO)
            self.sober_note.setVisible(entry.sober_today is False)
            self.gratitude.setText(entry.gratitude)
            self.intention.setText(entry.intention)
            self.evening_review.setPlainText(entry.evening_review)
            morning = hour is not None and hour < 12
            later = hour is not None and hour >= 12
            if entry.intention or morning:
                self.intention_toggle.setChecked(True)
            elif hour is not None or not keep_open:
                self.intention_toggle.setChecked(False)
            if entry.evening_review or later:
                self.review_toggle.setChecked(True)
            elif hour is not None or not keep_open:
                self.review_toggle.setChecked(False)
            self.follow_ups.setVisible(wants_follow_up(entry.craving))
        finally:
            self._loading = False
        self.shown.emit()

    def answers_of(self, base: Entry) -> Entry:
        """`base` with the answers as the widgets show them now (not saved); every other field
        (title, body, tags...) stays as `base` has it."""
        craving = self.craving.craving()
        follow = wants_follow_up(craving)
        triggers = coping = ()
        if follow:
            triggers = self.triggers.selected() + _pending(self.triggers)
            coping = self.coping.selected() + _pending(self.coping)
        sober = self._sober.choice()
        return replace(
            base,
            is_checkin=True,
            mood=self.mood.mood(),
            craving=craving,
            sober_today=None if sober in (None, SOBER_UNSAID) else sober == SOBER_YES,
            triggers=triggers,
            coping=coping,
            gratitude=self.gratitude.text().strip(),
            intention=self.intention.text().strip(),
            evening_review=self.evening_review.toPlainText().strip(),
        )

    # --- reactions ---------------------------------------------------------------------------

    def _changed(self, *_: object) -> None:
        if not self._loading:
            self.changed.emit()

    def _on_craving(self, value: int) -> None:
        self.follow_ups.setVisible(wants_follow_up(value))
        self._changed()

    def _on_sober(self, key: int, checked: bool) -> None:
        if checked:
            self.sober_note.setVisible(key == SOBER_NO)
            if not self._loading:
                self.sober_answered.emit({SOBER_YES: True, SOBER_NO: False}.get(key))
            self._changed()

    def add_below_sober(self, widget: QWidget) -> None:
        """Put `widget` right under the "Sober today?" answer (Today's new-start offer)."""
        self.body.insertWidget(self.body.indexOf(self.sober_note) + 1, widget)


def keep_room_when_hidden(widget: QWidget) -> None:
    """A message that comes and goes keeps its room, so what is below it never moves."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)


def _pending(chips: TagChips) -> tuple[str, ...]:
    text = chips.pending_text()
    return (text,) if text else ()
