# SPDX-License-Identifier: GPL-3.0-or-later
"""One section of the safety plan: an ordered list of short items, each saved as it is left.

Adding, editing, moving and removing go straight to the vault (`SafetyPlanRepository`, quick
writes on the GUI thread); a removal can be undone from the page's undo bar. The people
sections link items to contacts (`contact_picker.py`) so names and numbers are never retyped.
Words the vault refuses stay in their line with the reason under it (`has_unsaved_changes`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from recovery_desktop.core.help_now import split_line
from recovery_desktop.core.models import PEOPLE_SECTIONS, Contact, PlanSection, SafetyPlanItem
from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage.people import ContactRepository
from recovery_desktop.storage.safety_plan import SafetyPlanRepository
from recovery_desktop.ui.safety.contact_picker import ContactPicker
from recovery_desktop.ui.safety.item_row import ItemRow, contact_text
from recovery_desktop.ui.safety.lines import EditableLines
from recovery_desktop.ui.safety.wording import SafetyWords, section_words
from recovery_desktop.ui.theme import SPACING, make_heading

NAME_COLUMN_CHARS = 32  # the shared column of linked names, at most (a longer name keeps its room)


def failure_message(error: Exception) -> str:
    """The reason to show for a refused write; re-raises what is a bug, not a refusal."""
    if isinstance(error, ValidationError):
        return str(error)
    from recovery_desktop.storage.errors import storage_failure_message

    message = storage_failure_message(error)
    if message is None:
        raise error
    return message


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def leftover_note(text: str, contact: Contact) -> str:
    """What stays as the note when a typed line is linked to `contact`: nothing when the line
    was only that person's name and number ("Dana (sponsor) 555-0142" for Dana R.)."""
    name, phone = split_line(text)
    if not text.strip() or tidy_fold(text) == tidy_fold(contact.name):
        return ""
    same_phone = bool(_digits(phone)) and _digits(phone) == _digits(contact.phone)
    first = contact.name.split()[0].casefold() if contact.name.split() else ""
    same_name = bool(name.split()) and name.split()[0].casefold().strip(",:;") == first
    if same_name and (same_phone or not phone) or same_phone and name == phone:
        return ""
    return text


def tidy_fold(text: str) -> str:
    return " ".join(text.split()).casefold()


class SectionEditor(EditableLines[ItemRow], QFrame):
    """A card: the section's title and hint, its items, Add (and, in the people sections,
    "Add someone from your contacts…"), and an optional part below (the crisis lines).

    Signals: `rows_rebuilt` (the page chains Tab again), `removed(text, bring_back)` (for the
    undo bar), `saved` (something reached the vault).
    """

    rows_rebuilt = Signal()
    removed = Signal(str, object)
    saved = Signal()

    def __init__(
        self,
        section: PlanSection,
        number: int,
        plan: SafetyPlanRepository,
        contacts: ContactRepository,
        parent: QWidget | None = None,
        extra: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.section = PlanSection(section)
        self.words = section_words(self.section)
        self.people = self.section in PEOPLE_SECTIONS
        self._plan = plan
        self._contacts = contacts
        self._rows: list[ItemRow] = []
        self.extra = extra
        self.name_peers: list[SectionEditor] = [self]  # the page shares one name column
        key = self.section.value
        self.setObjectName(f"plan_section_{key}")
        self.setProperty("role", "card")

        self.title = QLabel(f"{number}. {self.words.title}", self)
        self.title.setObjectName(f"plan_section_{key}_title")
        self.title.setWordWrap(True)
        make_heading(self.title, 1.2)
        self.hint = QLabel(self.words.hint, self)
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(6)

        self.add_button = QPushButton(self.words.add, self)
        self.add_button.setObjectName(f"plan_add_{key}")
        self.add_button.setAccessibleName(
            SafetyWords.tr("{add} to {section}").format(
                add=self.words.add, section=self.words.title
            )
        )
        self.add_button.clicked.connect(self.add_line)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        self.link_button: QPushButton | None = None
        if self.people:
            self.link_button = QPushButton(SafetyWords.tr("Add from your contacts…"), self)
            self.link_button.setObjectName(f"plan_link_{key}")
            self.link_button.setAccessibleName(
                SafetyWords.tr("Add someone from your contacts to {section}").format(
                    section=self.words.title
                )
            )
            self.link_button.clicked.connect(lambda: self._pick_contact(None))
            buttons.addWidget(self.link_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        pad = round(SPACING * 1.4)
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(round(SPACING * 0.6))
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addLayout(self.rows_layout)
        layout.addLayout(buttons)
        if extra is not None:
            layout.addSpacing(SPACING)
            layout.addWidget(extra)
        self.picker: ContactPicker | None = None
        self._scroll_to: Callable[[QWidget], None] | None = None

    # --- loading -------------------------------------------------------------------------------

    def load(self) -> None:
        """Show the section as stored; an empty section gets one empty line to type into.
        Keeps the focus on the same item when it had it."""
        focused = self._focused()
        for row in self._rows:
            self._drop(row)
        self._rows = []
        for item in self._plan.items(self.section):
            self._insert(len(self._rows), item, self._contact(item.contact_id))
        if not self._rows:
            self._insert(0, None, None)
        self._renumber()
        if focused is not None:
            item_id, on_actions = focused
            row = next((r for r in self._rows if r.item and r.item.id == item_id), None)
            if row is not None:
                (row.actions_button if on_actions else row.edit).setFocus()

    def focus_order(self) -> list[QWidget]:
        order: list[QWidget] = []
        for row in self._rows:
            order.extend(row.focus_order())
        order.append(self.add_button)
        if self.link_button is not None:
            order.append(self.link_button)
        if self.extra is not None and hasattr(self.extra, "focus_order"):
            order.extend(self.extra.focus_order())
        return order

    # --- saving --------------------------------------------------------------------------------

    def save_row(self, row: ItemRow) -> bool:
        """Store the row's words (a new line becomes an item). True when the vault has them."""
        if row not in self._rows:
            return True  # removed meanwhile (focus left a line being removed)
        text = row.text()
        try:
            if row.item is None:
                if row.is_blank():
                    return True
                contact_id = row.contact.id if row.contact else None
                item = self._plan.add_item(
                    self.section, text, contact_id, position=self._saved_before(row)
                )
            elif text != row.item.text:
                if not text and row.contact is None:
                    self.remove(row)  # emptied: a removal, which Undo can take back
                    return True
                item = self._update(row.item, replace(row.item, text=text))
            else:
                row.clear_error()
                return True
        except Exception as error:
            row.show_error(failure_message(error))
            return False
        row.set_item(item, row.contact)
        self._renumber()
        self.saved.emit()
        return True

    def _update(self, stored: SafetyPlanItem, item: SafetyPlanItem) -> SafetyPlanItem:
        if stored.id is not None and self._plan.get_item(stored.id) is None:
            # Removed elsewhere meanwhile (the command line): keep the words as a new item.
            return self._plan.add_item(
                self.section, item.text, item.contact_id, position=stored.position
            )
        return self._plan.update_item(item)

    # --- adding, moving, removing --------------------------------------------------------------

    def add_line(self) -> ItemRow:
        """Add: a new empty line at the end (or the empty one already there), focused."""
        if self._rows and self._rows[-1].is_new() and self._rows[-1].is_blank():
            row = self._rows[-1]
        else:
            row = self._insert(len(self._rows), None, None)
            self._renumber()
            self.rows_rebuilt.emit()
        self._focus(row.edit)
        return row

    def move(self, row: ItemRow, step: int) -> None:
        """Move an item up (-1) or down (+1); the focus stays on it."""
        if row not in self._rows or (row.is_new() and row.is_blank()):
            return
        if row.is_dirty() and not self.save_row(row):
            return
        index = self._rows.index(row)
        target = index + step
        if not 0 <= target < len(self._rows):
            return
        focused = row.actions_button if row.actions_button.hasFocus() else row.edit
        self._rows.insert(target, self._rows.pop(index))
        ids = [r.item.id for r in self._rows if r.item is not None and r.item.id is not None]
        try:
            self._plan.reorder(self.section, ids)
        except ValidationError:  # changed elsewhere meanwhile: show it as it is now
            self.flush()
            self.load()
            self.rows_rebuilt.emit()
            return
        except Exception as error:
            self._rows.insert(index, self._rows.pop(target))
            row.show_error(failure_message(error))
            return
        self.rows_layout.removeWidget(row)
        self.rows_layout.insertWidget(target, row)
        self._renumber()
        self.rows_rebuilt.emit()
        self._focus(focused)
        self.saved.emit()

    def remove(self, row: ItemRow) -> None:
        """Remove an item (Undo brings it back, with its contact and place)."""
        if row not in self._rows:
            return
        if row.is_new() and not row.is_blank() and not self.save_row(row):
            return
        removed: SafetyPlanItem | None = None
        if row.item is not None and row.item.id is not None:
            try:
                removed = self._plan.delete_item(row.item.id)
            except Exception as error:
                row.show_error(failure_message(error))
                return
        index = self._rows.index(row)
        self._rows.remove(row)
        if not self._rows:
            self._insert(0, None, None)
        neighbour = self._rows[min(index, len(self._rows) - 1)]
        self._focus(neighbour.edit)
        self._drop(row)
        self._renumber()
        self.rows_rebuilt.emit()
        if removed is not None:
            contact = row.contact
            what = removed.text or (contact.name if contact else "")
            if contact is not None and removed.text:
                what = f"{contact.name}: {removed.text}"
            self.removed.emit(
                SafetyWords.tr("Removed “{what}” from {section}.").format(
                    what=what, section=self.words.title
                ),
                lambda: self.bring_back(removed),
            )
            self.saved.emit()

    def bring_back(self, item: SafetyPlanItem) -> None:
        """Undo a removal: the item returns to its place (and its contact, if still there)."""
        restored = self._plan.restore_item(item)
        for row in [r for r in self._rows if r.is_new() and r.is_blank()]:
            self._rows.remove(row)
            self._drop(row)
        index = self._display_index(restored.position)
        row = self._insert(index, restored, self._contact(restored.contact_id))
        self._renumber()
        self.rows_rebuilt.emit()
        self._focus(row.edit)
        self.saved.emit()

    # --- contacts ------------------------------------------------------------------------------

    def _pick_contact(self, row: ItemRow | None) -> None:
        """Choose a contact: for a new item (row None) or to link or change a row's."""
        if row is not None and row.is_dirty() and not self.save_row(row):
            return
        linked = {r.contact.id for r in self._rows if r.contact and r.contact.id is not None}
        title = (
            SafetyWords.tr("Add someone to “{section}”").format(section=self.words.title)
            if row is None
            else SafetyWords.tr("Link a contact")
        )
        self.picker = ContactPicker(self._contacts, title=title, already=linked, parent=self)
        self.picker.contact_chosen.connect(lambda contact: self._link(row, contact))
        self.picker.finished.connect(self.picker.deleteLater)
        self.picker.open()

    def _link(self, row: ItemRow | None, contact: Contact) -> None:
        try:
            if row is None or row not in self._rows:
                trailing = self._rows[-1] if self._rows else None
                if trailing is not None and trailing.is_new() and trailing.is_blank():
                    self._rows.remove(trailing)
                    self._drop(trailing)
                item = self._plan.add_item(self.section, "", contact.id)
                row = self._insert(len(self._rows), item, contact)
            else:
                note = leftover_note(row.text(), contact)
                if row.item is None:
                    item = self._plan.add_item(
                        self.section, note, contact.id, position=self._saved_before(row)
                    )
                else:
                    item = self._update(
                        row.item, replace(row.item, contact_id=contact.id, text=note)
                    )
                row.set_item(item, contact)
        except Exception as error:
            message = failure_message(error)
            if row is not None:
                row.show_error(message)
            return
        self._renumber()
        self.rows_rebuilt.emit()
        self._focus(row.edit)
        self.saved.emit()

    def _unlink(self, row: ItemRow) -> None:
        """Keep the person as typed words ("name number: note") without the link."""
        if row.item is None or row.contact is None:
            return
        who = contact_text(row.contact).replace(" · ", " ")
        text = ": ".join(part for part in (who, row.text()) if part)
        try:
            item = self._update(row.item, replace(row.item, contact_id=None, text=text))
        except Exception as error:
            row.show_error(failure_message(error))
            return
        row.set_item(item, None)
        self._renumber()
        self._focus(row.edit)
        self.saved.emit()

    # --- rows ----------------------------------------------------------------------------------

    def _insert(self, index: int, item: SafetyPlanItem | None, contact: Contact | None) -> ItemRow:
        row = ItemRow(
            self.words,
            key=self.section.value,
            people=self.people,
            item=item,
            contact=contact,
            parent=self,
        )
        row.commit_requested.connect(self.save_row)
        row.next_requested.connect(self._next_line)
        row.move_requested.connect(self.move)
        row.focus_step.connect(self._step_focus)
        row.remove_requested.connect(self.remove)
        row.link_requested.connect(self._pick_contact)
        row.unlink_requested.connect(self._unlink)
        row.escape_pressed.connect(self._drop_empty)
        self._rows.insert(index, row)
        self.rows_layout.insertWidget(index, row)
        row.show()  # now: a layout would show it only on the next turn of the event loop
        return row

    def _next_line(self, row: ItemRow) -> None:
        """Enter: on to the next empty line below (a new one when there is none)."""
        if row not in self._rows or row.has_error() or row.is_blank():
            return
        index = self._rows.index(row) + 1
        if index < len(self._rows) and self._rows[index].is_new() and self._rows[index].is_blank():
            self._focus(self._rows[index].edit)
            return
        new = self._insert(index, None, None)
        self._renumber()
        self.rows_rebuilt.emit()
        self._focus(new.edit)

    def _drop_empty(self, row: ItemRow) -> None:
        """Escape on a new empty line: it goes (unless it is the section's only line)."""
        if row not in self._rows or len(self._rows) == 1:
            self._focus(self.add_button)
            return
        index = self._rows.index(row)
        self._rows.remove(row)
        self._focus(self._rows[max(0, index - 1)].edit)
        self._drop(row)
        self._renumber()
        self.rows_rebuilt.emit()

    def _step_focus(self, row: ItemRow, step: int) -> None:
        index = self._rows.index(row) + step
        if 0 <= index < len(self._rows):
            self._focus(self._rows[index].edit)

    def _renumber(self) -> None:
        super()._renumber()
        self.align_names()

    def align_names(self) -> None:
        """Linked people's names in one column for this section and its `name_peers` (the
        page's other sections), so every note starts at the same place and the page reads as
        one form. A name longer than `NAME_COLUMN_CHARS` keeps its room (never cut) and only
        its own note starts further right."""
        labels = [
            row.contact_label
            for section in self.name_peers
            for row in section.rows()
            if row.contact is not None
        ]
        if not labels:
            return
        widest = max(label.sizeHint().width() for label in labels)
        room = labels[0].fontMetrics().averageCharWidth() * NAME_COLUMN_CHARS
        for label in labels:
            label.setMinimumWidth(min(widest, room))

    def _saved_before(self, row: ItemRow) -> int:
        index = self._rows.index(row)
        return sum(1 for r in self._rows[:index] if r.item is not None)

    def _display_index(self, position: int) -> int:
        """Where a stored item at `position` goes among the rows (new lines keep theirs)."""
        saved = 0
        for index, row in enumerate(self._rows):
            if row.item is not None:
                if saved == position:
                    return index
                saved += 1
        return len(self._rows)

    def _contact(self, contact_id: int | None) -> Contact | None:
        return self._contacts.get(contact_id) if contact_id is not None else None

    def _focused(self) -> tuple[int, bool] | None:
        for row in self._rows:
            if row.item is not None and row.item.id is not None:
                if row.edit.hasFocus():
                    return row.item.id, False
                if row.actions_button.hasFocus():
                    return row.item.id, True
        return None
