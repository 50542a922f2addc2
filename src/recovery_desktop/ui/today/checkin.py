# SPDX-License-Identifier: GPL-3.0-or-later
"""The quick daily check-in: mood, craving (with follow-ups), sober today, gratitude, and an
optional intention and evening review.

One check-in per day: it is read back with `vault.entries.checkin_for(today)` and saved over the
same entry. Nothing typed is ever lost: changes are saved quietly a few seconds after the last
one, and `flush()` saves a partly filled check-in at once (before lock and close).

The CLI or another window may write the same day's check-in meanwhile: the vault then refuses
the save (`ChangedElsewhereError`), the two are merged field by field (core.checkin.merge_entry),
the card shows the result and says so in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
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

from recovery_desktop.core.checkin import (
    STARTER_COPING,
    STARTER_TRIGGERS,
    checkin_fields_equal,
    checkin_is_empty,
    merge_entry,
    merge_suggestions,
    wants_follow_up,
)
from recovery_desktop.core.models import Entry
from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage import Vault
from recovery_desktop.storage.entries import ChangedElsewhereError
from recovery_desktop.storage.errors import storage_failure_message
from recovery_desktop.ui.today.card import Card, muted_label
from recovery_desktop.ui.widgets.craving_scale import CravingScale
from recovery_desktop.ui.widgets.mood_picker import MoodPicker
from recovery_desktop.ui.widgets.roving import RovingButtonGroup
from recovery_desktop.ui.widgets.tag_chips import TagChips

AUTOSAVE_MS = 4000
MERGE_TRIES = 5  # a check-in changing elsewhere this often in a row is saved at the next try
SOBER_YES, SOBER_NO, SOBER_UNSAID = 1, 0, 2


class CheckinCard(Card):
    """Today's check-in. `saved` is emitted after each save (the page refreshes its lists)."""

    saved = Signal()

    def __init__(self, vault: Vault, today: date, hour: int, parent: QWidget | None = None) -> None:
        super().__init__(
            "checkin_card",
            self.tr("Check in"),
            self.tr("Under a minute. Answer what you like and skip the rest."),
            parent,
        )
        self._vault = vault
        self._today = today
        self._entry: Entry | None = None
        self._loading = False
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(lambda: self.save(quiet=True))
        self._build()
        self.load(today, hour)

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
            muted_label(
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
        self.sober_note = muted_label(
            self.tr(
                "Thank you for being honest; that takes courage. Be gentle with yourself "
                "today, and reach out if you can."
            ),
            self,
        )
        self.sober_note.setObjectName("sober_note")
        self.sober_note.setVisible(False)
        self.body.addWidget(self.sober_note)

        self._question(self.tr("One thing I'm grateful for"))
        self.gratitude = QLineEdit(self)
        self.gratitude.setMaxLength(10_000)  # the most the vault keeps for this line
        self.gratitude.setObjectName("gratitude")
        self.gratitude.setAccessibleName(self.tr("One thing I'm grateful for"))
        self.gratitude.setPlaceholderText(self.tr("A person, a moment, something small…"))
        self.gratitude.textEdited.connect(self._changed)
        self.gratitude.returnPressed.connect(lambda: self.save())
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
        self.evening_review.textChanged.connect(self._on_review_text)

        actions = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save check-in"), self)
        self.save_button.setObjectName("checkin_save")
        self.save_button.setAccessibleName(self.tr("Save check-in"))
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(lambda: self.save())
        actions.addWidget(self.save_button)
        self.status = QLabel("", self)
        self.status.setObjectName("checkin_status")
        self.status.setAccessibleName(self.tr("Check-in status"))
        self.status.setWordWrap(True)
        actions.addWidget(self.status, 1)
        self.body.addLayout(actions)

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

    # --- state -------------------------------------------------------------------------------

    def load(self, today: date, hour: int) -> None:
        """Show the stored check-in for `today` (or a blank one); nothing typed is kept over."""
        self._autosave.stop()
        self._today = today
        self._entry = self._vault.entries.checkin_for(today)
        self.triggers.set_suggestions(
            merge_suggestions(self._vault.entries.factors("trigger"), STARTER_TRIGGERS)
        )
        self.coping.set_suggestions(
            merge_suggestions(self._vault.entries.factors("coping"), STARTER_COPING)
        )
        self._show(self._entry or Entry(entry_date=today, is_checkin=True), hour)
        self.status.clear()

    def _show(self, entry: Entry, hour: int | None) -> None:
        """Put `entry`'s answers in the widgets. With an `hour`, the intention opens in the
        morning and the review later; without one, a field opens only to show its text."""
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
            elif hour is not None:
                self.intention_toggle.setChecked(False)
            if entry.evening_review or later:
                self.review_toggle.setChecked(True)
            elif hour is not None:
                self.review_toggle.setChecked(False)
            self.follow_ups.setVisible(wants_follow_up(entry.craving))
        finally:
            self._loading = False
        self.rows_rebuilt.emit()

    def current_entry(self) -> Entry:
        """The check-in as the widgets show it now (not saved)."""
        base = self._entry or Entry(entry_date=self._today, is_checkin=True)
        craving = self.craving.craving()
        follow = wants_follow_up(craving)
        triggers = coping = ()
        if follow:
            triggers = self.triggers.selected() + _pending(self.triggers)
            coping = self.coping.selected() + _pending(self.coping)
        sober = self._sober.choice()
        return replace(
            base,
            entry_date=self._today,
            is_checkin=True,
            is_draft=False,
            mood=self.mood.mood(),
            craving=craving,
            sober_today=None if sober in (None, SOBER_UNSAID) else sober == SOBER_YES,
            triggers=triggers,
            coping=coping,
            gratitude=self.gratitude.text().strip(),
            intention=self.intention.text().strip(),
            evening_review=self.evening_review.toPlainText().strip(),
        )

    def has_unsaved_changes(self) -> bool:
        candidate = self.current_entry()
        if self._entry is None:
            return not checkin_is_empty(candidate)
        return not checkin_fields_equal(candidate, self._entry)

    def save(self, *, quiet: bool = False) -> bool:
        """Store the check-in (update today's, never a second one). Returns True when stored."""
        self._autosave.stop()
        candidate = self.current_entry()
        if self._entry is None:
            if checkin_is_empty(candidate):
                if not quiet:
                    self._say(self.tr("Nothing to save yet. Pick a face or write a line."))
                return False
        elif checkin_fields_equal(candidate, self._entry):
            if not quiet:
                self._say(self.tr("Saved. Thank you for checking in."))
            return True
        try:
            merged = self._store(candidate)
        except ValidationError as error:
            self._say(str(error), error=True)
            return False
        except Exception as error:
            message = storage_failure_message(error)  # full disk, read-only folder...
            if message is None:
                raise
            self._say(message, error=True)
            return False
        if merged is None:
            self._say(
                self.tr(
                    "Your check-in kept changing somewhere else, so it is not saved yet. Your "
                    "answers are still here; saving again will try once more."
                ),
                error=True,
            )
            return False
        if merged.happened:
            assert self._entry is not None
            self._show(self._entry, None)  # the answers as stored now, both sides together
            self._say(self._merge_message(merged))
        else:
            self._say(
                self.tr("Saved as you go.")
                if quiet
                else self.tr("Saved. Thank you for checking in.")
            )
        self.saved.emit()
        return True

    def _store(self, candidate: Entry) -> _Merged | None:
        """Save, merging with a check-in changed elsewhere meanwhile (the vault detects it
        inside its write). None when it kept changing and nothing was saved."""
        loaded = self._entry
        merged = _Merged()
        for _ in range(MERGE_TRIES):
            try:
                self._entry = self._vault.entries.save_checkin(
                    candidate, expected_updated_at=loaded.updated_at if loaded else None
                )
            except ChangedElsewhereError as changed:
                assert changed.stored is not None  # refused only for another stored check-in
                merge = merge_entry(loaded, candidate, changed.stored)
                merged.happened = True
                merged.both_texts.update(dict.fromkeys(merge.both_texts))
                merged.mine_chosen.update(dict.fromkeys(merge.mine_chosen))
                candidate, loaded = merge.entry, changed.stored
                continue
            return merged
        return None

    def _merge_message(self, merged: _Merged) -> str:
        names = {
            "gratitude": self.tr("grateful for"),
            "intention": self.tr("today I will"),
            "evening_review": self.tr("looking back on today"),
            "mood": self.tr("mood"),
            "craving": self.tr("craving"),
            "sober_today": self.tr("sober today"),
        }
        text = self.tr(
            "This check-in was also changed somewhere else (for example from the command "
            "line) since you opened it, so the two were put together and nothing was lost."
        )
        if merged.both_texts:
            text += " " + self.tr("Where both changed the same answer, both texts are kept: %1.")
            text = text.replace("%1", ", ".join(names.get(f, f) for f in merged.both_texts))
        if merged.mine_chosen:
            text += " " + self.tr("Your answer here was kept for: %1.")
            text = text.replace("%1", ", ".join(names.get(f, f) for f in merged.mine_chosen))
        return text

    def flush(self) -> None:
        """Save a partly filled check-in now, quietly."""
        self._autosave.stop()
        if self._vault.is_open and self.has_unsaved_changes():
            self.save(quiet=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setProperty("role", "error" if error else "muted")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(text)

    # --- reactions ---------------------------------------------------------------------------

    def _changed(self, *_: object) -> None:
        if self._loading:
            return
        self.status.clear()
        self._autosave.start()

    def _on_craving(self, value: int) -> None:
        self.follow_ups.setVisible(wants_follow_up(value))
        self._changed()

    def _on_sober(self, key: int, checked: bool) -> None:
        if checked:
            self.sober_note.setVisible(key == SOBER_NO)
            self._changed()

    def _on_review_text(self) -> None:
        self._changed()


@dataclass
class _Merged:
    """What a save had to merge (the card says it in words)."""

    happened: bool = False
    both_texts: dict[str, None] = field(default_factory=dict)  # ordered set of field names
    mine_chosen: dict[str, None] = field(default_factory=dict)


def _pending(chips: TagChips) -> tuple[str, ...]:
    text = chips.pending_text()
    return (text,) if text else ()
