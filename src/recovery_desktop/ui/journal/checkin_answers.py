# SPDX-License-Identifier: GPL-3.0-or-later
"""A check-in opened in the Journal: its answers in the form Today uses, and which of them the
person changed, so saving takes those and keeps every other answer exactly as stored.

The form is built the first time a check-in is opened (most opened entries are written ones,
and the Journal opens quickly without it). The form reads a text back trimmed (and a review with `\n` line endings); an answer written
elsewhere (the command line, an import) may differ in such details. Comparing with what the
form read back when the check-in was shown tells a change apart from that.
"""

from __future__ import annotations

from collections.abc import Callable

from recovery_desktop.core.checkin import STARTER_COPING, STARTER_TRIGGERS, merge_suggestions
from recovery_desktop.core.models import Entry
from recovery_desktop.storage import Vault
from recovery_desktop.ui.widgets.checkin_form import CheckinForm

ANSWERS = (
    "mood",
    "craving",
    "sober_today",
    "triggers",
    "coping",
    "gratitude",
    "intention",
    "evening_review",
)


class CheckinAnswers:
    """The editor's view of a check-in's answers. `place(form)` puts the form, once built,
    in the editor's layout and connects it (the form is the editor's widget)."""

    def __init__(self, vault: Vault, place: Callable[[CheckinForm], None]) -> None:
        self._vault = vault
        self._place = place
        self._form: CheckinForm | None = None
        self._entry_id: int | None = None
        self._shown: Entry | None = None

    @property
    def built(self) -> bool:
        return self._form is not None

    @property
    def form(self) -> CheckinForm:
        if self._form is None:
            self._form = CheckinForm()
            self._form.hide()
            self._place(self._form)
        return self._form

    def show(self, entry: Entry) -> None:
        """Show `entry`'s answers; a field the person opened stays open only when the same
        check-in is shown again (a newer version of it)."""
        same = entry.id is not None and entry.id == self._entry_id
        if self._vault.is_open:  # the same choices of what set it off and what helped
            self.form.set_suggestions(
                merge_suggestions(self._vault.entries.factors("trigger"), STARTER_TRIGGERS),
                merge_suggestions(self._vault.entries.factors("coping"), STARTER_COPING),
            )
        self.form.show_entry(entry, keep_open=same)
        self._entry_id = entry.id
        self._shown = self.form.answers_of(entry)

    def changed(self, entry: Entry) -> dict[str, object]:
        """The answers the person changed since `show`, as the form has them now."""
        now = self.form.answers_of(entry)
        shown = self._shown or now
        return {
            name: getattr(now, name)
            for name in ANSWERS
            if getattr(now, name) != getattr(shown, name)
        }
