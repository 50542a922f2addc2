# SPDX-License-Identifier: GPL-3.0-or-later
"""Choose a contact for the plan, so a name and number are never typed twice; or add someone
who is not a contact yet (name and number), who then appears on the People page too.

The list is a model over `contacts.overview()` (emergency contacts first), filtered as the
person types; a vault with hundreds of contacts stays quick. Opened with `open()`: the section
hears `contact_chosen(Contact)`.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.models import Contact, Role
from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage.people import ContactRepository
from recovery_desktop.ui.safety.wording import SafetyWords, role_text
from recovery_desktop.ui.theme import SPACING, make_heading
from recovery_desktop.ui.widgets.plain_buttons import without_icons

CONTACT_ID = Qt.ItemDataRole.UserRole + 1


class _SearchField(QLineEdit):
    """Down arrow goes to the list, as in a search box."""

    def __init__(self, list_view: QListView, parent: QWidget) -> None:
        super().__init__(parent)
        self._list = list_view

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Down and self._list.model().rowCount() > 0:
            self._list.setFocus()
            if not self._list.currentIndex().isValid():
                self._list.setCurrentIndex(self._list.model().index(0, 0))
            return
        super().keyPressEvent(event)


class ContactPicker(QDialog):
    """A search field, the contacts, and "not a contact yet?" with a name and a number."""

    contact_chosen = Signal(object)

    def __init__(
        self,
        contacts: ContactRepository,
        *,
        title: str,
        already: Collection[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contact_picker")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._contacts = contacts

        heading = QLabel(title, self)
        make_heading(heading, 1.2)
        self.model = QStandardItemModel(self)
        for entry in contacts.overview():
            contact = entry.contact
            parts = [contact.name, role_text(contact.role).lower(), contact.phone]
            text = " · ".join(p for p in parts if p)
            if contact.id in already:
                text = SafetyWords.tr("{text} (already in this part)").format(text=text)
            row = QStandardItem(text)
            row.setData(contact.id, CONTACT_ID)
            row.setEditable(False)
            self.model.appendRow(row)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.list = QListView(self)
        self.list.setObjectName("contact_picker_list")
        self.list.setAccessibleName(SafetyWords.tr("Your contacts"))
        self.list.setModel(self.proxy)
        self.list.setUniformItemSizes(True)
        self.list.doubleClicked.connect(self._choose_index)
        self.list.activated.connect(self._choose_index)
        self.search = _SearchField(self.list, self)
        self.search.setObjectName("contact_picker_search")
        self.search.setAccessibleName(SafetyWords.tr("Search your contacts"))
        self.search.setPlaceholderText(SafetyWords.tr("Search by name"))
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._choose_first)
        self.empty = QLabel(SafetyWords.tr("No contacts yet. You can add someone below."), self)
        self.empty.setObjectName("contact_picker_empty")
        self.empty.setProperty("role", "muted")
        self.empty.setWordWrap(True)

        new_heading = QLabel(SafetyWords.tr("Not in your contacts yet?"), self)
        font = new_heading.font()
        font.setBold(True)
        new_heading.setFont(font)
        self.new_name = QLineEdit(self)
        self.new_name.setObjectName("contact_picker_new_name")
        self.new_name.setAccessibleName(SafetyWords.tr("Name of the new contact"))
        self.new_phone = QLineEdit(self)
        self.new_phone.setObjectName("contact_picker_new_phone")
        self.new_phone.setAccessibleName(
            SafetyWords.tr("Phone number of the new contact (optional)")
        )
        self.new_button = QPushButton(SafetyWords.tr("Add and link"), self)
        self.new_button.setObjectName("contact_picker_add")
        self.new_button.setAccessibleName(
            SafetyWords.tr("Add this person to your contacts and link them")
        )
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self._add_new)
        self.new_name.returnPressed.connect(self._add_new)
        self.new_phone.returnPressed.connect(self._add_new)
        form = QFormLayout()
        form.addRow(SafetyWords.tr("Name"), self.new_name)
        form.addRow(SafetyWords.tr("Phone"), self.new_phone)
        self.message = QLabel(self)
        self.message.setObjectName("contact_picker_message")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.choose_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.choose_button.setText(SafetyWords.tr("Link"))
        self.choose_button.setObjectName("contact_picker_choose")
        self.choose_button.setAccessibleName(SafetyWords.tr("Link the chosen contact"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("contact_picker_cancel")
        cancel.setAccessibleName(SafetyWords.tr("Cancel"))
        without_icons(self.buttons)  # as every other button: words only
        self.buttons.accepted.connect(self._choose_current)
        self.buttons.rejected.connect(self.reject)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())

        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING // 2)
        layout.addWidget(heading)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addSpacing(SPACING // 2)
        layout.addWidget(new_heading)
        layout.addLayout(form)
        layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.search, self.list)
        QWidget.setTabOrder(self.list, self.new_name)
        QWidget.setTabOrder(self.new_name, self.new_phone)
        QWidget.setTabOrder(self.new_phone, self.new_button)
        QWidget.setTabOrder(self.new_button, self.choose_button)
        QWidget.setTabOrder(self.choose_button, cancel)
        has_contacts = self.model.rowCount() > 0
        self.list.setVisible(has_contacts)
        self.search.setVisible(has_contacts)
        self.empty.setVisible(not has_contacts)
        self._first = self.search if has_contacts else self.new_name
        char = self.fontMetrics().averageCharWidth()
        self.resize(char * 64, char * (70 if has_contacts else 40))
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._first.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- choosing ------------------------------------------------------------------------------

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if self.proxy.rowCount() and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.proxy.index(0, 0))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.choose_button.setEnabled(self.list.currentIndex().isValid())

    def _choose_first(self) -> None:
        if self.proxy.rowCount():
            current = self.list.currentIndex()
            self._choose_index(current if current.isValid() else self.proxy.index(0, 0))

    def _choose_current(self) -> None:
        if self.list.currentIndex().isValid():
            self._choose_index(self.list.currentIndex())

    def _choose_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        contact = self._contacts.get(int(index.data(CONTACT_ID)))
        if contact is None:  # deleted meanwhile (the command line)
            self._say(SafetyWords.tr("That contact is no longer there."))
            return
        self._done(contact)

    def _add_new(self) -> None:
        name = " ".join(self.new_name.text().split())
        if not name:
            self._say(SafetyWords.tr("Type a name first."))
            self.new_name.setFocus()
            return
        try:
            contact = self._contacts.save(
                Contact(name, Role.OTHER, phone=self.new_phone.text().strip())
            )
        except ValidationError as error:
            self._say(str(error))
            return
        except Exception as error:
            from recovery_desktop.storage.errors import storage_failure_message

            message = storage_failure_message(error)
            if message is None:
                raise
            self._say(message)
            return
        self._done(contact)

    def _done(self, contact: Contact) -> None:
        # Chosen first, closed after: the page then gets its focus back on the linked line.
        self.contact_chosen.emit(contact)
        self.accept()

    def _say(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()
