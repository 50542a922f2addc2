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
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from recovery_desktop.core.checkin import (
    STARTER_COPING,
    STARTER_TRIGGERS,
    checkin_fields_equal,
    checkin_is_empty,
    merge_entry,
    merge_suggestions,
)
from recovery_desktop.core.models import Entry
from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage import Vault
from recovery_desktop.storage.entries import ChangedElsewhereError
from recovery_desktop.storage.errors import storage_failure_message
from recovery_desktop.ui.today.card import Card
from recovery_desktop.ui.widgets.checkin_form import CheckinForm

AUTOSAVE_MS = 4000
MERGE_TRIES = 5  # a check-in changing elsewhere this often in a row is saved at the next try


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

    def _build(self) -> None:
        # The questions are the shared form (the Journal shows a check-in with it too); the
        # card adds saving. Its widgets stay reachable here under their old names.
        self.form = CheckinForm(self)
        self.form.changed.connect(self._changed)
        self.form.submitted.connect(lambda: self.save())
        self.form.shown.connect(self.rows_rebuilt)
        self.body.addWidget(self.form)
        form = self.form
        self.mood, self.craving, self.follow_ups = form.mood, form.craving, form.follow_ups
        self.triggers, self.coping = form.triggers, form.coping
        self.sober_buttons, self.sober_note = form.sober_buttons, form.sober_note
        self.gratitude, self.intention = form.gratitude, form.intention
        self.intention_toggle, self.review_toggle = form.intention_toggle, form.review_toggle
        self.evening_review = form.evening_review
        # After "No", the kind note also says where the new start is offered: in the Sober
        # days card (`counter.start_offer`), beside this card or below it, so nothing here
        # is covered or moves under the pointer. The page says which (`set_offer_place`).
        self.set_offer_place(beside=False)

        actions = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save check-in"), self)
        self.save_button.setObjectName("checkin_save")
        self.save_button.setAccessibleName(self.tr("Save check-in"))
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(lambda: self.save())
        # A long message wraps beside the button; the button stays where the pointer is.
        actions.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        self.status = QLabel("", self)
        self.status.setObjectName("checkin_status")
        self.status.setAccessibleName(self.tr("Check-in status"))
        self.status.setWordWrap(True)
        actions.addWidget(self.status, 1)
        self.body.addLayout(actions)

    # --- state -------------------------------------------------------------------------------

    def load(self, today: date, hour: int) -> None:
        """Show the stored check-in for `today` (or a blank one); nothing typed is kept over."""
        self._autosave.stop()
        self._today = today
        self._entry = self._vault.entries.checkin_for(today)
        self.form.set_suggestions(
            merge_suggestions(self._vault.entries.factors("trigger"), STARTER_TRIGGERS),
            merge_suggestions(self._vault.entries.factors("coping"), STARTER_COPING),
        )
        self._show(self._entry or Entry(entry_date=today, is_checkin=True), hour)
        self.status.clear()

    def set_offer_place(self, *, beside: bool) -> None:
        """Say in the kind note after "No" where Sober days is: beside this card (two
        columns) or just below it (one). The page calls it when the columns change; the
        note's room is kept while it is hidden, so showing it moves nothing below."""
        kind = self.tr(
            "Thank you for being honest; that takes courage. Be gentle with yourself today, "
            "and reach out if you can."
        )
        if beside:
            where = self.tr("A new start is waiting for you in Sober days, beside this check-in.")
        else:
            where = self.tr(
                "A new start is waiting for you in Sober days, just below this check-in."
            )
        self.sober_note.setText(f"{kind} {where}")

    def _show(self, entry: Entry, hour: int | None) -> None:
        """Put `entry`'s answers in the widgets (see `CheckinForm.show_entry`)."""
        self.form.show_entry(entry, hour)

    def current_entry(self) -> Entry:
        """The check-in as the widgets show it now (not saved)."""
        base = self._entry or Entry(entry_date=self._today, is_checkin=True)
        return replace(self.form.answers_of(base), entry_date=self._today, is_draft=False)

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


@dataclass
class _Merged:
    """What a save had to merge (the card says it in words)."""

    happened: bool = False
    both_texts: dict[str, None] = field(default_factory=dict)  # ordered set of field names
    mine_chosen: dict[str, None] = field(default_factory=dict)
