# SPDX-License-Identifier: GPL-3.0-or-later
"""One item of a safety-plan section: its words (or a linked contact and a note) and a menu.

The row only edits and asks; its section stores (`section.py`). Keys in the line: Enter saves
and opens a new line below, Alt+Up and Alt+Down move the item, Up and Down go to the line above
or below, Escape takes back an unsaved change, Backspace on an empty line removes it. The menu
button beside it (and the line's right-click menu) offer the same, plus linking a contact in
the people sections.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.models import Contact, SafetyPlanItem
from recovery_desktop.storage.safety_plan import ITEM_CHARS
from recovery_desktop.ui.safety.lines import FIELD_GAP
from recovery_desktop.ui.safety.wording import SafetyWords, SectionWords

MOVE_UP = QKeySequence(Qt.KeyboardModifier.AltModifier | Qt.Key.Key_Up)
MOVE_DOWN = QKeySequence(Qt.KeyboardModifier.AltModifier | Qt.Key.Key_Down)


def tidy(text: str) -> str:
    """The words as they are stored: one line, single spaces."""
    return " ".join(text.split())


def contact_text(contact: Contact) -> str:
    return " · ".join(part for part in (contact.name, contact.phone) if part)


class ItemRow(QWidget):
    """An item being edited. `item` is None until the vault has it (a new line).

    Signals carry the row; the section decides: `commit_requested` (Enter, leaving the line),
    `next_requested` (Enter: a new line below), `move_requested(row, step)`,
    `focus_step(row, step)`, `remove_requested`, `link_requested` (choose or change the
    contact), `unlink_requested`, `escape_pressed` (on a new, empty line).
    """

    commit_requested = Signal(object)
    next_requested = Signal(object)
    move_requested = Signal(object, int)
    focus_step = Signal(object, int)
    remove_requested = Signal(object)
    link_requested = Signal(object)
    unlink_requested = Signal(object)
    escape_pressed = Signal(object)

    def __init__(
        self,
        words: SectionWords,
        *,
        key: str,
        people: bool,
        item: SafetyPlanItem | None = None,
        contact: Contact | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.words = words
        self.key = key  # the section's, for object names
        self.people = people
        self.item: SafetyPlanItem | None = None
        self.contact: Contact | None = None
        self._number = 0

        self.contact_label = QLabel(self)
        self.contact_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.contact_label.font()
        font.setBold(True)
        self.contact_label.setFont(font)
        self.edit = QLineEdit(self)
        self.edit.setMaxLength(ITEM_CHARS)
        self.edit.setClearButtonEnabled(False)
        self.edit.installEventFilter(self)
        self.edit.editingFinished.connect(lambda: self.commit_requested.emit(self))
        self.edit.setAccessibleDescription(
            SafetyWords.tr(
                "Kept when you leave the line. Enter adds a line below; Alt+Up and Alt+Down "
                "move this one; the button beside it has more."
            )
        )
        self.edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.edit.customContextMenuRequested.connect(self._context_menu)

        self.menu = QMenu(self)
        self.actions_button = QToolButton(self)
        self.actions_button.setText("⋯")
        self.actions_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        self.actions_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.actions_button.setMenu(self.menu)
        self.actions_button.setToolTip(SafetyWords.tr("Move, link or remove"))
        self.menu.aboutToShow.connect(self._fill_menu)
        self.actions_button.installEventFilter(self)

        self.error = QLabel(self)
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()

        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(FIELD_GAP)  # not the 2 px between the line and its error below
        line.addWidget(self.contact_label)
        line.addWidget(self.edit, 1)
        line.addWidget(self.actions_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(line)
        layout.addWidget(self.error)
        self.set_item(item, contact)

    # --- state ---------------------------------------------------------------------------------

    def set_item(self, item: SafetyPlanItem | None, contact: Contact | None = None) -> None:
        """Show a stored item (or a new line), its contact and its words as stored."""
        self.item = item
        self.contact = contact
        self.contact_label.setVisible(contact is not None)
        if contact is not None:
            self.contact_label.setText(contact_text(contact))
            self.contact_label.setToolTip(
                SafetyWords.tr(
                    "Linked to your contact {name}: their number comes from People"
                ).format(name=contact.name)
            )
            self.edit.setPlaceholderText(SafetyWords.tr("A note, if you like (optional)"))
        else:
            self.edit.setPlaceholderText(self.words.placeholder)
        if self.edit.text() != (item.text if item else ""):
            self.edit.setText(item.text if item else "")
        self.edit.setCursorPosition(len(self.edit.text()))
        self.clear_error()
        self.set_number(self._number)

    def set_number(self, number: int) -> None:
        """The item's place in its section (from 1), for the names screen readers say."""
        self._number = number
        what = f"{self.words.item} {number}" if number else self.words.item
        if self.contact is not None:
            what = f"{what}: {self.contact.name}"
        key = f"{self.key}_{number}"
        self.edit.setObjectName(f"plan_item_{key}")
        self.edit.setAccessibleName(
            SafetyWords.tr("Note for {what}").format(what=what)
            if self.contact is not None
            else what
        )
        self.actions_button.setObjectName(f"plan_item_actions_{key}")
        self.actions_button.setAccessibleName(
            SafetyWords.tr("Move, link or remove: {what}").format(what=what)
        )

    def text(self) -> str:
        return tidy(self.edit.text())

    def is_new(self) -> bool:
        return self.item is None

    def is_dirty(self) -> bool:
        """Words typed and not stored yet (a new line with words counts)."""
        stored = self.item.text if self.item is not None else ""
        return self.text() != stored

    def is_blank(self) -> bool:
        return not self.text() and self.contact is None

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()

    def has_error(self) -> bool:
        return not self.error.isHidden()

    def focus_order(self) -> list[QWidget]:
        return [self.edit, self.actions_button]

    # --- keys and menu -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = Qt.Key(event.key())
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        alt = Qt.KeyboardModifier.AltModifier
        none = Qt.KeyboardModifier.NoModifier
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and mods == alt:
            self.move_requested.emit(self, -1 if key == Qt.Key.Key_Up else 1)
            return True
        if watched is not self.edit:
            return False
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and mods == none:
            self.focus_step.emit(self, -1 if key == Qt.Key.Key_Up else 1)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == none:
            self.commit_requested.emit(self)
            self.next_requested.emit(self)
            return True
        if key == Qt.Key.Key_Escape and mods == none:
            if self.is_new() and self.is_blank():
                self.escape_pressed.emit(self)
                return True
            if self.is_dirty():  # take back what was typed since the last save
                self.edit.setText(self.item.text if self.item else "")
                self.clear_error()
                return True
            return False
        if key == Qt.Key.Key_Backspace and mods == none and self.is_blank():
            self.remove_requested.emit(self)
            return True
        return False

    def _fill_menu(self) -> None:
        self.menu.clear()
        self._add_actions(self.menu)

    def _add_actions(self, menu: QMenu) -> None:
        up = QAction(SafetyWords.tr("Move up"), menu)
        up.setShortcut(MOVE_UP)
        up.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        up.triggered.connect(lambda: self.move_requested.emit(self, -1))
        down = QAction(SafetyWords.tr("Move down"), menu)
        down.setShortcut(MOVE_DOWN)
        down.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        down.triggered.connect(lambda: self.move_requested.emit(self, 1))
        menu.addAction(up)
        menu.addAction(down)
        if self.people:
            menu.addSeparator()
            link = QAction(
                SafetyWords.tr("Link a contact…")
                if self.contact is None
                else SafetyWords.tr("Change contact…"),
                menu,
            )
            link.triggered.connect(lambda: self.link_requested.emit(self))
            menu.addAction(link)
            if self.contact is not None:
                unlink = QAction(SafetyWords.tr("Unlink (keep the name as text)"), menu)
                unlink.triggered.connect(lambda: self.unlink_requested.emit(self))
                menu.addAction(unlink)
        menu.addSeparator()
        remove = QAction(SafetyWords.tr("Remove"), menu)
        remove.triggered.connect(lambda: self.remove_requested.emit(self))
        menu.addAction(remove)

    def _context_menu(self, at: QPoint) -> None:
        menu = self.edit.createStandardContextMenu()
        menu.addSeparator()
        self._add_actions(menu)
        menu.exec(self.edit.mapToGlobal(at))
        menu.deleteLater()
