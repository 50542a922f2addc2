# SPDX-License-Identifier: GPL-3.0-or-later
"""The entry editor: title, Markdown body with preview, mood, craving, tags, people, visibility
and date, with autosave so nothing typed is ever lost. A daily check-in opened here shows its
answers with the form Today uses, and edits are saved to that same check-in.

This module keeps the entry's state and saving. Its widgets are built in `editor_layout.py`
(from the bar, the detail fields, the text and its preview, the save messages beside it), and
typed names are linked to contacts by `people_links.py`.

Saving: every change starts a short timer (2 s by default, injectable); when it fires the entry
is saved through `vault.entries.save`. A new entry is stored with `is_draft=True` until the
person presses Save or leaves it with text in it; an empty new entry is never stored. A
`ValidationError` is shown in plain words and the text stays in the editor.
All vault access happens on the GUI thread (single quick writes, about a millisecond).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QWidget,
)

from recovery_desktop.core.models import Contact, Entry
from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage import Vault
from recovery_desktop.storage.entries import ChangedElsewhereError
from recovery_desktop.storage.errors import storage_failure_message
from recovery_desktop.ui.journal.blank_page import PromptCard, TemplatesButton
from recovery_desktop.ui.journal.checkin_answers import CheckinAnswers
from recovery_desktop.ui.journal.comma_edit import CommaCompleterEdit
from recovery_desktop.ui.journal.editor_bar import PREVIEW
from recovery_desktop.ui.journal.editor_layout import build_editor_widgets, reading_order
from recovery_desktop.ui.journal.entry_fields import LinksGrid, MetadataRow, date_problem
from recovery_desktop.ui.journal.keep_both import Outcome, store_keeping_both
from recovery_desktop.ui.journal.people_links import PeopleLinks
from recovery_desktop.ui.journal.save_messages import SaveMessages
from recovery_desktop.ui.journal.writing_area import WritingArea
from recovery_desktop.ui.page import chain_tab_order
from recovery_desktop.ui.widgets.checkin_form import CheckinForm
from recovery_desktop.ui.widgets.craving_scale import CravingScale
from recovery_desktop.ui.widgets.dates import long_date, qdate
from recovery_desktop.ui.widgets.mood_picker import MoodPicker

AUTOSAVE_MS = 2000
LINE_CHARS = 80  # the longest line of the text, in average characters: comfortable to read


class EntryEditor(QWidget):
    """Edits one entry at a time. Emits `saved(Entry)` after every successful save."""

    saved = Signal(object)
    changed_elsewhere = Signal()  # another version was kept: the timeline reads again
    delete_requested = Signal()

    # Made by `build_editor_widgets`, in reading order:
    write_button: QToolButton
    preview_button: QToolButton
    mode_group: QButtonGroup
    templates_button: TemplatesButton
    status: QLabel
    delete_button: QPushButton
    save_button: QPushButton
    date_label: QLabel
    date_edit: QDateEdit
    checkin_header: QWidget
    checkin_heading: QLabel
    checkin_day: QLabel
    title: QLineEdit
    detail_row: MetadataRow
    mood: MoodPicker
    craving: CravingScale
    prompt_card: PromptCard
    checkin_spacer: QWidget
    stack: WritingArea
    body: QPlainTextEdit
    preview: QTextBrowser
    links_grid: LinksGrid
    tags: CommaCompleterEdit
    people: CommaCompleterEdit
    people_note: QLabel
    log_connections: QPushButton  # log the people mentioned as connections (ui/connections)
    visibility: QComboBox
    visibility_note: QLabel
    messages: SaveMessages
    notice: QLabel
    error: QLabel

    def __init__(
        self,
        vault: Vault,
        parent: QWidget | None = None,
        *,
        autosave_ms: int = AUTOSAVE_MS,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("journal_editor")
        self._vault = vault
        self._today = today
        self._entry: Entry = Entry(entry_date=today(), is_draft=True)
        self._dirty = False
        self._touched: set[str] = set()  # the fields the person changed since the last save
        self._dated = False  # a new entry takes its date when its first character is typed
        self._loading = False
        self._links = PeopleLinks(vault)
        # Tags and contacts for completion, read again only after something may have changed
        # them (a save here, or the page shown again), not on every entry opened.
        self.tag_words: list[str] = []
        self.contacts: list[Contact] = []
        self._suggestions_stale = True
        self._autosave = QTimer(self)
        self._autosave.setObjectName("journal_autosave_timer")
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(autosave_ms)
        self._autosave.timeout.connect(self.autosave)
        build_editor_widgets(self, vault, today)
        self._answers = CheckinAnswers(vault, self._place_checkin_form)
        # Wide windows keep the text to a comfortable line length; the Journal centres it.
        margins = self.layout().contentsMargins()
        reading = self.body.fontMetrics().averageCharWidth() * LINE_CHARS
        self.setMaximumWidth(reading + margins.left() + margins.right() + 40)
        self._chain_tab_order()
        self._connect()
        self.start_new()

    def _connect(self) -> None:
        for signal, field in (
            (self.title.textChanged, "title"),
            (self.date_edit.dateChanged, "entry_date"),
            (self.mood.mood_changed, "mood"),
            (self.craving.craving_changed, "craving"),
            (self.tags.textChanged, "tags"),
            (self.people.textChanged, "people"),
            (self.visibility.currentIndexChanged, "visibility"),
        ):
            signal.connect(lambda *_, field=field: self._changed(field))
        self.mood.cleared.connect(lambda: self._changed("mood"))
        self.craving.cleared.connect(lambda: self._changed("craving"))
        self.body.textChanged.connect(self._body_changed)
        self.people.textChanged.connect(self._check_people)
        self.people.editingFinished.connect(self._people_finished)
        self.tags.editingFinished.connect(self._tidy_lists)
        self.visibility.currentIndexChanged.connect(self.links_grid.explain_visibility)
        self.mode_group.idToggled.connect(self._mode_toggled)
        self.save_button.clicked.connect(lambda: self.save(final=True))
        self.delete_button.clicked.connect(self.delete_requested)
        self.prompt_card.use_prompt.connect(self.stack.use_prompt)
        self.templates_button.chosen.connect(self.insert_template)

    # --- state ---------------------------------------------------------------------------------

    @property
    def entry(self) -> Entry:
        """The entry as last loaded or stored (id None until the first save)."""
        return self._entry

    @property
    def entry_id(self) -> int | None:
        return self._entry.id

    @property
    def dirty(self) -> bool:
        return self._dirty

    def has_unsaved_changes(self) -> bool:
        """True when something typed is not in the vault (after a failed save, for instance)."""
        return self._dirty and not (self._entry.id is None and self.is_blank())

    def is_blank(self) -> bool:
        """True for a new entry with nothing written yet (a check-in is never blank: it has
        its answers)."""
        if self._entry.is_checkin:
            return False
        return not self.title.text().strip() and not self.body.toPlainText().strip()

    def start_new(self) -> None:
        """Show a fresh, unsaved entry for today (it is stored once something is typed)."""
        self.load(Entry(entry_date=self._today(), is_draft=True))
        self.messages.new_entry()

    def load(self, entry: Entry) -> None:
        """Show `entry`; the caller saves the previous one first (see `leave`)."""
        self._autosave.stop()
        self._loading = True
        self._entry = entry
        if self._suggestions_stale:
            self.refresh_suggestions()
        try:
            self.title.setText(entry.title)
            self.stack.set_text(entry.body)
            self.date_edit.setDate(qdate(entry.entry_date))
            self.detail_row.show(entry)
            self.links_grid.show(entry, self._links.names_for(entry.people))
            self._show_kind(entry)
        finally:
            self._loading = False
        self._dirty = False
        self._touched.clear()
        self._dated = entry.id is not None
        self.notice.hide()
        self.links_grid.explain_visibility()
        self._check_people()
        self.error.hide()
        self.write_button.setChecked(True)
        self._update_blank_helpers()
        if entry.id is not None:
            self.messages.opened(entry)
        self.delete_button.setEnabled(True)

    def _show_kind(self, entry: Entry) -> None:
        """A written entry shows its title, mood, craving and text; a check-in its answers
        (as on Today), and its text only if it has some."""
        checkin = entry.is_checkin
        if checkin:
            self._answers.show(entry)
            self.checkin_day.setText(long_date(entry.entry_date))
        writing = (self.write_button, self.preview_button, self.templates_button)
        for widget in (*writing, self.title, self.detail_row.widget):
            widget.setVisible(not checkin)
        self.checkin_header.setVisible(checkin)
        if self._answers.built:
            self.checkin_form.setVisible(checkin)
        self.stack.setVisible(not checkin or bool(entry.body))
        self.checkin_spacer.setVisible(not self.stack.isVisibleTo(self))

    def has_checkin_form(self) -> bool:
        return self._answers.built

    @property
    def checkin_form(self) -> CheckinForm:
        """A check-in's answers, in the form Today uses (built when first needed)."""
        return self._answers.form

    def _place_checkin_form(self, form: CheckinForm) -> None:
        layout = self.layout()
        layout.insertWidget(layout.indexOf(self.prompt_card) + 1, form)
        form.changed.connect(lambda: self._changed("checkin"))
        form.shown.connect(self._chain_tab_order)

    def _chain_tab_order(self) -> None:
        chain_tab_order(reading_order(self))

    def show_stored(self, stored: Entry | None) -> None:
        """Show the open entry as the vault holds it now (another page or the command line may
        have changed or removed it), unless something here is unsaved: then what is typed
        stays, and saving it keeps both versions (`keep_both`)."""
        if self._dirty or stored == self._entry:
            return
        if stored is None:
            self.start_new()
        else:
            self.reload(stored)

    def reload(self, entry: Entry) -> None:
        """Show a newer version of the open entry, keeping where the person was in it: the
        cursor and selection, the scroll position and Write or Preview."""
        view = self.stack.view()
        title_cursor = self.title.cursorPosition()
        previewing = self.preview_button.isChecked()
        self.load(entry)
        self.title.setCursorPosition(min(title_cursor, len(self.title.text())))
        if previewing:
            self.show_preview(True)
        self.stack.restore_view(view)

    def refresh_suggestions(self) -> None:
        """Read tags and contacts again (for completion and for linking people by name)."""
        if not self._vault.is_open:
            return
        self.tag_words = self._vault.entries.tags()
        self.contacts = self._vault.contacts.list(include_archived=True)
        self.tags.set_suggestions(self.tag_words)
        self.people.set_suggestions(self._links.refresh(self.contacts))
        self._suggestions_stale = False

    # --- changes and saving --------------------------------------------------------------------

    def _changed(self, field: str) -> None:
        if self._loading:
            return
        self._touched.add(field)
        self._dirty = True
        if not self._dated and field in ("title", "body") and "entry_date" not in self._touched:
            self._dated = True
            self._date_new_entry()
        if self._entry.id is None and self.is_blank():
            self._autosave.stop()  # an empty new entry is never stored
            self.messages.new_entry()
            return
        self.messages.saving()
        self._autosave.start()

    def _body_changed(self) -> None:
        self._update_blank_helpers()
        self._changed("body")

    def new_day(self) -> None:
        """A new calendar day began while the editor was open: a new entry no one has started
        writing yet moves to today, and so does the prompt."""
        if not self._dated and "entry_date" not in self._touched:
            self._date_new_entry()
        if self.stack.is_empty():
            self.prompt_card.show_day(self._today())

    def _date_new_entry(self) -> None:
        """Date the new entry today (a date the person chose is never changed)."""
        day = self._today()
        self._entry = replace(self._entry, entry_date=day)
        self._loading = True
        try:
            self.date_edit.setDate(qdate(day))
        finally:
            self._loading = False

    def _update_blank_helpers(self) -> None:
        """The writing prompt is for a blank page; a check-in has its questions instead."""
        self.prompt_card.setVisible(self.stack.is_empty() and not self._entry.is_checkin)

    def autosave(self) -> None:
        """Save after typing pauses; keeps the draft state as it is. A name still being typed
        in People is not made a contact yet (it may be half a name)."""
        self.save(final=False, adopt_people=False)

    def flush(self) -> None:
        """Save unsaved changes now (before lock or close); keeps the draft state."""
        if self._dirty:
            self.save(final=False)

    def leave(self) -> bool:
        """The person moves to another entry: save, and a draft with text in it becomes a
        finished entry (it was written on purpose; drafts are for interrupted writing).

        Returns False when the vault refused what is typed (the reason is on screen): the
        caller must then stay on this entry, or the text would be lost.
        """
        if self.is_blank():
            self.flush()
        else:
            self.save(final=self._entry.is_draft)
        return not self.has_unsaved_changes()

    def adopt_new_people(self) -> None:
        """Names in People that are not contacts yet become contacts (role "other"), so the
        entry can link them; the People page will let the person add details later."""
        if self._vault.is_open and self._links.adopt(self.people.items()):
            self._check_people()
            self._dirty = True  # link them with the next save

    def save(self, final: bool = False, adopt_people: bool = True) -> Entry | None:
        """Store the entry now. `final` marks it as no longer a draft (the Save button).

        Returns the stored entry, or None when nothing was stored (an empty new entry, a locked
        vault, or input the vault refused; then the reason is shown and the text stays).
        """
        self._autosave.stop()
        if not self._vault.is_open:
            return None
        if not self._dirty and not (final and self._entry.is_draft and self._entry.id):
            if final and self._entry.id is None:
                self.messages.nothing_to_save()
            return self._entry if self._entry.id is not None else None
        if self._entry.id is None and self.is_blank():
            self.messages.nothing_to_save()
            return None
        try:
            if adopt_people:
                self.adopt_new_people()
            entry = self.current_entry()
            if final:
                entry = replace(entry, is_draft=False)
            result = store_keeping_both(self._vault.entries, self._entry, entry)
        except ValidationError as error:
            self.messages.not_saved(str(error))
            return None
        except ChangedElsewhereError:
            self.messages.keeps_changing_elsewhere()
            return None
        except Exception as error:
            message = storage_failure_message(error)  # full disk, read-only folder...
            if message is None:
                raise
            self.messages.not_saved(message)  # the text stays; the next autosave retries
            return None
        stored = result.entry
        self._entry = stored
        if self._date_problem() is None:
            self.error.hide()
        self._dirty = False
        self._touched.clear()
        if result.outcome is not Outcome.SAVED:
            if result.outcome is Outcome.MERGED:
                self.reload(stored)  # show both sides together, as stored
            self.messages.kept_both(result)
            self.changed_elsewhere.emit()
        self.messages.saved_now(stored)
        self._tidy_lists()
        self._suggestions_stale = True  # its tags or people may be new
        self.saved.emit(stored)
        return stored

    def _tidy_lists(self) -> None:
        """Tags and People as the entry keeps them ("walk, sleep", no trailing comma), once
        the person is no longer typing in them; what they mean does not change."""
        self._loading = True
        try:
            for field in (self.tags, self.people):
                if not field.hasFocus():
                    field.tidy()
        finally:
            self._loading = False

    def current_entry(self) -> Entry:
        """The entry to store: as loaded, with only the fields the person changed taken from
        the widgets. An untouched field keeps its stored value byte for byte, whatever the
        widgets would make of it; a refused date keeps the old one."""
        touched = self._touched
        changes: dict[str, object] = {}
        if "title" in touched:
            changes["title"] = self.title.text()
        if "body" in touched:
            changes["body"] = self.body_text()
        if "mood" in touched:
            changes["mood"] = self.mood.mood()
        if "craving" in touched:
            changes["craving"] = self.craving.craving()
        if "tags" in touched:
            changes["tags"] = tuple(self.tags.items())
        if "people" in touched:
            changes["people"] = self._links.ids_for(self.people.items(), self._entry.people)
        if "visibility" in touched:
            changes["visibility"] = self.visibility.currentData()
        if "entry_date" in touched:
            problem = self._date_problem()
            if problem is None:
                qd = self.date_edit.date()
                changes["entry_date"] = date(qd.year(), qd.month(), qd.day())
            else:
                self.messages.not_saved(problem)
        if "checkin" in touched and self._entry.is_checkin:  # its answers; never its text
            changes.update(self._answers.changed(self._entry))
        return replace(self._entry, **changes)

    def body_text(self) -> str:
        """The text as typed (see `WritingArea.text`)."""
        return self.stack.text()

    def _date_problem(self) -> str | None:
        return date_problem(self.date_edit.date(), self._today())

    # --- helpers for writing ------------------------------------------------------------------

    def _mode_toggled(self, button_id: int, checked: bool) -> None:
        if checked:
            self.stack.show_preview(button_id == PREVIEW)

    def show_preview(self, on: bool = True) -> None:
        (self.preview_button if on else self.write_button).setChecked(True)

    def insert_template(self, body: str) -> None:
        """Put a template in: the whole body when empty, else at the cursor (nothing replaced)."""
        self.show_preview(False)
        self.stack.insert(body)

    def _people_finished(self) -> None:
        """Leaving the People field: the names are complete, so keep them now."""
        if self._dirty and not (self._entry.id is None and self.is_blank()):
            self.save(final=False)

    def _check_people(self, *_: object) -> None:
        self.links_grid.note_new_people(self._links.unknown(self.people.items()))
