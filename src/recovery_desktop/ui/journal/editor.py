# SPDX-License-Identifier: GPL-3.0-or-later
"""The entry editor: title, Markdown body with preview, mood, craving, tags, people, visibility
and date, with autosave so nothing typed is ever lost.

The body is a QPlainTextEdit holding the person's Markdown exactly as typed (QTextEdit's
setMarkdown/toMarkdown would rewrite it: list markers, spacing, escapes). The preview renders
that text with QTextDocument's Markdown support in a read-only browser.

Saving: every change starts a short timer (2 s by default, injectable); when it fires the entry
is saved through `vault.entries.save`. A new entry is stored with `is_draft=True` until the
person presses Save or leaves it with text in it; an empty new entry is never stored. A
`ValidationError` is shown in plain words and the text stays in the editor.
All vault access happens on the GUI thread (single quick writes, about a millisecond).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.models import Entry
from recovery_desktop.core.validation import EARLIEST_DATE, ValidationError
from recovery_desktop.storage import Vault
from recovery_desktop.storage.entries import ChangedElsewhereError
from recovery_desktop.storage.errors import storage_failure_message
from recovery_desktop.ui.journal.blank_page import PromptCard, TemplatesButton
from recovery_desktop.ui.journal.entry_fields import (
    build_links_grid,
    build_metadata_row,
    visibility_note_text,
)
from recovery_desktop.ui.journal.keep_both import Outcome, Stored, store_keeping_both
from recovery_desktop.ui.journal.people_links import PeopleLinks
from recovery_desktop.ui.theme import scaled_font

AUTOSAVE_MS = 2000
TITLE_MAX_CHARS = 1000  # as EntryRepository keeps it
FUTURE_DAYS_ALLOWED = 7  # an entry may be dated up to a week ahead (plans, time zones)


class EntryEditor(QWidget):
    """Edits one entry at a time. Emits `saved(Entry)` after every successful save."""

    saved = Signal(object)
    changed_elsewhere = Signal()  # another version was kept: the timeline reads again
    delete_requested = Signal()

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
        self._autosave = QTimer(self)
        self._autosave.setObjectName("journal_autosave_timer")
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(autosave_ms)
        self._autosave.timeout.connect(self.autosave)
        self._build()
        self._connect()
        self.start_new()

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(8)

        bar = QHBoxLayout()
        self.write_button = self._tool(
            self.tr("Write"), "journal_write_mode", self.tr("Write: edit the entry's text")
        )
        self.preview_button = self._tool(
            self.tr("Preview"), "journal_preview_mode", self.tr("Preview: see the entry formatted")
        )
        self.mode_group = QButtonGroup(self)
        self.mode_group.setExclusive(True)
        self.mode_group.addButton(self.write_button, 0)
        self.mode_group.addButton(self.preview_button, 1)
        self.write_button.setChecked(True)
        self.templates_button = TemplatesButton(
            self._vault, lambda: self.body.toPlainText(), lambda: self.title.text(), self
        )
        self.status = QLabel(self)
        self.status.setObjectName("journal_save_status")
        self.status.setProperty("role", "muted")
        self.status.setAccessibleName(self.tr("Save status"))
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("journal_delete_entry")
        self.delete_button.setAccessibleName(self.tr("Delete this entry"))
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("journal_save_entry")
        self.save_button.setAccessibleName(self.tr("Save this entry"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.setProperty("primary", True)
        for widget in (self.write_button, self.preview_button, self.templates_button):
            bar.addWidget(widget)
        bar.addSpacing(8)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.delete_button)
        bar.addWidget(self.save_button)
        layout.addLayout(bar)

        self.title = QLineEdit(self)
        self.title.setObjectName("journal_title")
        # The box counts UTF-16 units: an emoji is two, so room for 1,000 of them (the vault
        # refuses a longer title in plain words; a stored one is never cut when shown).
        self.title.setMaxLength(2 * TITLE_MAX_CHARS)
        self.title.setAccessibleName(self.tr("Title"))
        self.title.setPlaceholderText(self.tr("Title (optional)"))
        self.title.setFont(scaled_font(self.font(), 1.35, bold=True))
        layout.addWidget(self.title)

        row = build_metadata_row(self)
        self.date_edit, self.mood, self.craving = row.date_edit, row.mood, row.craving
        layout.addLayout(row.layout)

        self.prompt_card = PromptCard(self, self._today)
        layout.addWidget(self.prompt_card)

        self.stack = QStackedWidget(self)
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("journal_body")
        self.body.setAccessibleName(self.tr("Entry text (Markdown)"))
        self.body.setPlaceholderText(
            self.tr("Write whatever is on your mind. **Bold**, *italics* and - lists work.")
        )
        self.body.setTabChangesFocus(True)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("journal_preview")
        self.preview.setAccessibleName(self.tr("Formatted preview of the entry"))
        self.preview.setOpenLinks(False)
        reading = scaled_font(self.font(), 1.1)  # a little larger: this is where people read
        self.body.setFont(reading)
        self.preview.setFont(reading)
        self.stack.addWidget(self.body)
        self.stack.addWidget(self.preview)
        layout.addWidget(self.stack, 1)

        grid = build_links_grid(self)
        self.tags, self.people, self.people_note = grid.tags, grid.people, grid.people_note
        self.visibility, self.visibility_note = grid.visibility, grid.visibility_note
        layout.addLayout(grid.layout)

        self.notice = QLabel(self)
        self.notice.setObjectName("journal_notice")
        self.notice.setProperty("role", "banner")
        self.notice.setAccessibleName(self.tr("Note about this entry"))
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)

        self.error = QLabel(self)
        self.error.setObjectName("journal_error")
        self.error.setProperty("role", "error")
        self.error.setAccessibleName(self.tr("Problem saving"))
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

        order = [
            self.title,
            self.date_edit,
            self.mood,
            self.craving,
            self.prompt_card.use_button,
            self.prompt_card.another_button,
            self.body,
            self.tags,
            self.people,
            self.visibility,
            self.write_button,
            self.preview_button,
            self.templates_button,
            self.delete_button,
            self.save_button,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _tool(self, text: str, name: str, accessible: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button

    def _connect(self) -> None:
        for signal, field in (
            (self.title.textChanged, "title"),
            (self.date_edit.dateChanged, "entry_date"),
            (self.mood.currentIndexChanged, "mood"),
            (self.craving.currentIndexChanged, "craving"),
            (self.tags.textChanged, "tags"),
            (self.people.textChanged, "people"),
            (self.visibility.currentIndexChanged, "visibility"),
        ):
            signal.connect(lambda *_, field=field: self._changed(field))
        self.body.textChanged.connect(self._body_changed)
        self.people.textChanged.connect(self._check_people)
        self.people.editingFinished.connect(self._people_finished)
        self.visibility.currentIndexChanged.connect(self._explain_visibility)
        self.mode_group.idToggled.connect(self._mode_toggled)
        self.save_button.clicked.connect(lambda: self.save(final=True))
        self.delete_button.clicked.connect(self.delete_requested)
        self.prompt_card.use_prompt.connect(self._use_prompt)
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
        return not self.title.text().strip() and not self.body.toPlainText().strip()

    def start_new(self) -> None:
        """Show a fresh, unsaved entry for today (it is stored once something is typed)."""
        self.load(Entry(entry_date=self._today(), is_draft=True))
        self._set_status(self.tr("New entry"))

    def load(self, entry: Entry) -> None:
        """Show `entry`; the caller saves the previous one first (see `leave`)."""
        self._autosave.stop()
        self._loading = True
        self._entry = entry
        self.refresh_suggestions()
        try:
            self.title.setText(entry.title)
            self.body.setPlainText(entry.body)
            self.date_edit.setDate(
                QDate(entry.entry_date.year, entry.entry_date.month, entry.entry_date.day)
            )
            self.mood.setCurrentIndex(self.mood.findData(entry.mood) if entry.mood else 0)
            self.craving.setCurrentIndex(
                self.craving.findData(entry.craving) if entry.craving is not None else 0
            )
            self.tags.set_items(entry.tags)
            self.people.set_items(self._links.names_for(entry.people))
            self.visibility.setCurrentIndex(max(0, self.visibility.findData(entry.visibility)))
        finally:
            self._loading = False
        self._dirty = False
        self._touched.clear()
        self._dated = entry.id is not None
        self.notice.hide()
        self._explain_visibility()
        self._check_people()
        self.error.hide()
        self.write_button.setChecked(True)
        self._update_blank_helpers()
        if entry.id is not None:
            when = entry.updated_at.astimezone().strftime("%H:%M") if entry.updated_at else ""
            self._set_status(
                self.tr("Draft saved at %1").replace("%1", when)
                if entry.is_draft
                else self.tr("Saved")
            )
        self.delete_button.setEnabled(True)

    def refresh_suggestions(self) -> None:
        """Read tags and contacts again (for completion and for linking people by name)."""
        if not self._vault.is_open:
            return
        self.tags.set_suggestions(self._vault.entries.tags())
        self.people.set_suggestions(self._links.refresh())

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
            self._set_status(self.tr("New entry"))
            return
        self._set_status(self.tr("Saving…"))
        self._autosave.start()

    def _body_changed(self) -> None:
        self._update_blank_helpers()
        self._changed("body")

    def new_day(self) -> None:
        """A new calendar day began while the editor was open: a new entry no one has started
        writing yet moves to today, and so does the prompt."""
        if not self._dated and "entry_date" not in self._touched:
            self._date_new_entry()
        if self.body.document().isEmpty():
            self.prompt_card.show_day(self._today())

    def _date_new_entry(self) -> None:
        """Date the new entry today (a date the person chose is never changed)."""
        day = self._today()
        self._entry = replace(self._entry, entry_date=day)
        self._loading = True
        try:
            self.date_edit.setDate(QDate(day.year, day.month, day.day))
        finally:
            self._loading = False

    def _update_blank_helpers(self) -> None:
        self.prompt_card.setVisible(self.body.document().isEmpty())

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
                self._set_status(self.tr("Nothing to save yet"))
            return self._entry if self._entry.id is not None else None
        if self._entry.id is None and self.is_blank():
            self._set_status(self.tr("Nothing to save yet"))
            return None
        try:
            if adopt_people:
                self.adopt_new_people()
            entry = self.current_entry()
            if final:
                entry = replace(entry, is_draft=False)
            result = store_keeping_both(self._vault.entries, self._entry, entry)
        except ValidationError as error:
            self._show_error(str(error))
            return None
        except ChangedElsewhereError:
            self._show_error(
                self.tr(
                    "this entry keeps changing somewhere else. What you wrote is still here; "
                    "saving again will try once more."
                )
            )
            return None
        except Exception as error:
            message = storage_failure_message(error)  # full disk, read-only folder...
            if message is None:
                raise
            self._show_error(message)  # the text stays here and the next autosave retries
            return None
        stored = result.entry
        self._entry = stored
        if self._date_problem() is None:
            self.error.hide()
        self._dirty = False
        self._touched.clear()
        if result.outcome is not Outcome.SAVED:
            self._say_kept_both(result)
        when = datetime.now().strftime("%H:%M")
        self._set_status(
            self.tr("Draft saved at %1").replace("%1", when)
            if stored.is_draft
            else self.tr("Saved at %1").replace("%1", when)
        )
        self.saved.emit(stored)
        return stored

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
            changes["mood"] = self.mood.currentData()
        if "craving" in touched:
            changes["craving"] = self.craving.currentData()
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
                self._show_error(problem)
        return replace(self._entry, **changes)

    def body_text(self) -> str:
        """The text as typed, with line endings as `\n`: the one change an edited text gets.

        `toPlainText()` would also turn no-break spaces into spaces and U+2028 into a line
        break; the raw text keeps both. Qt ends a paragraph at `\r\n`, `\r`, `\n`, U+2029
        (and the noncharacters U+FDD0/U+FDD1); each becomes `\n`.
        """
        return self.body.document().toRawText().replace("\u2029", "\n")

    def _date_problem(self) -> str | None:
        qd = self.date_edit.date()
        latest = self._today() + timedelta(days=FUTURE_DAYS_ALLOWED)
        if not qd.isValid():
            return self.tr("That date is not a real calendar day, so the entry keeps its date.")
        chosen = date(qd.year(), qd.month(), qd.day())
        if chosen < EARLIEST_DATE:
            return self.tr(
                "Entries can't be dated before 1900. Please check the year; "
                "the entry keeps its previous date."
            )
        if chosen > latest:
            return self.tr(
                "Entries can be dated at most a week ahead. Please check the date; "
                "the entry keeps its previous date."
            )
        return None

    def _show_error(self, message: str) -> None:
        self.error.setText(self.tr("Not saved yet: %1").replace("%1", message))
        self.error.show()
        self._set_status(self.tr("Not saved"))

    def _say_kept_both(self, result: Stored) -> None:
        """The entry had changed elsewhere since it was opened: say how both were kept."""
        if result.outcome is Outcome.COPIED:
            text = self.tr(
                "This entry was changed somewhere else (for example from the command line) "
                "after you opened it. Both are kept: what you wrote here is saved as a new "
                "entry, and the other version stays in your journal as it was."
            )
        else:
            self.load(result.entry)  # show both sides together, as stored
            text = self.tr(
                "This check-in was also changed somewhere else (for example from the command "
                "line) after you opened it, so the two were put together and nothing was lost."
            )
            if result.both_texts:
                text += " " + self.tr("Where both changed the same text, both are kept in it.")
        self.notice.setText(text)
        self.notice.show()
        self.changed_elsewhere.emit()

    def _set_status(self, text: str) -> None:
        self.status.setText(text)

    # --- helpers for writing ------------------------------------------------------------------

    def _mode_toggled(self, button_id: int, checked: bool) -> None:
        if not checked:
            return
        if button_id == 1:
            self.preview.document().setMarkdown(self.body.toPlainText())
            self.stack.setCurrentWidget(self.preview)
        else:
            self.stack.setCurrentWidget(self.body)

    def show_preview(self, on: bool = True) -> None:
        (self.preview_button if on else self.write_button).setChecked(True)

    def _use_prompt(self, text: str) -> None:
        self.body.setPlainText(f"> {text}\n\n")
        self._focus_body_end()

    def insert_template(self, body: str) -> None:
        """Put a template in: the whole body when empty, else at the cursor (nothing replaced)."""
        self.show_preview(False)
        if self.body.document().isEmpty():
            self.body.setPlainText(body)
        else:
            self.body.textCursor().insertText("\n" + body)
        self._focus_body_end()

    def _focus_body_end(self) -> None:
        cursor = self.body.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.body.setTextCursor(cursor)
        self.body.setFocus()

    def _explain_visibility(self, *_: object) -> None:
        self.visibility_note.setText(visibility_note_text(self, self.visibility.currentData()))

    def _people_finished(self) -> None:
        """Leaving the People field: the names are complete, so keep them now."""
        if self._dirty and not (self._entry.id is None and self.is_blank()):
            self.save(final=False)

    def _check_people(self, *_: object) -> None:
        unknown = self._links.unknown(self.people.items())
        if unknown:
            self.people_note.setText(
                self.tr(
                    "New to your contacts: %1. They will be added when this entry is saved."
                ).replace("%1", ", ".join(unknown))
            )
        self.people_note.setVisible(bool(unknown))
