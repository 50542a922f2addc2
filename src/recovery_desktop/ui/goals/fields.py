# SPDX-License-Identifier: GPL-3.0-or-later
"""Two small fields the goal and promise editors share: an optional date, and a person.

`OptionalDate` is a tick box with a date beside it ("Target date", "Due"): a goal may have
no target date and a promise no due day. `PersonChoice` picks one of the person's contacts or
no one; a contact deleted since keeps its name as text (storage/links.py) and stays shown.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QWidget

from recovery_desktop.core.models import Contact
from recovery_desktop.ui.goals.words import GoalWords
from recovery_desktop.ui.widgets.dates import use_locale_format


class DateField(QDateEdit):
    """A date field that Tab leaves in one press, as every other field does (a plain
    QDateEdit spends Tab on moving between day, month and year; the arrow keys and typing
    still do that here)."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt override)
        return QWidget.focusNextPrevChild(self, next)


class OptionalDate(QWidget):
    """A tick box and a date: `value()` is the date when ticked, else None. Two Tab stops."""

    changed = Signal()

    def __init__(self, name: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(label, self)
        self.check.setObjectName(f"{name}_set")
        self.check.setAccessibleName(label)
        self.edit = DateField(self)
        self.edit.setObjectName(f"{name}_date")
        self.edit.setAccessibleName(label)
        self.edit.setCalendarPopup(True)
        use_locale_format(self.edit)
        self.edit.setMinimumDate(QDate(1900, 1, 1))
        self.edit.setMaximumDate(QDate(9999, 12, 31))
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self._loading = False
        self.check.toggled.connect(self._on_toggled)
        self.edit.dateChanged.connect(self._on_date)

    def set_value(self, value: date | None, default: date) -> None:
        """Show `value` (or `default`, unticked and greyed, when None) without `changed`."""
        self._loading = True
        try:
            shown = value or default
            self.edit.setDate(QDate(shown.year, shown.month, shown.day))
            self.check.setChecked(value is not None)
            self.edit.setEnabled(value is not None)
        finally:
            self._loading = False

    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        return self.edit.date().toPython()  # type: ignore[no-any-return]

    def focus_order(self) -> list[QWidget]:
        return [self.check, self.edit]

    def _on_toggled(self, checked: bool) -> None:
        self.edit.setEnabled(checked)
        if not self._loading:
            self.changed.emit()

    def _on_date(self, _day: QDate) -> None:
        if not self._loading and self.check.isChecked():
            self.changed.emit()


class PersonChoice(QComboBox):
    """ "No one in particular", then the person's contacts by name. `choice()` gives
    (contact id or None, name); a name kept after its contact was deleted is one of the items."""

    def __init__(self, name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self._contacts: list[Contact] = []

    def set_contacts(self, contacts: list[Contact]) -> None:
        """The contacts to offer (archived ones only appear when chosen already)."""
        self._contacts = sorted(contacts, key=lambda c: c.name.casefold())

    def set_choice(self, contact_id: int | None, name: str = "") -> None:
        """Rebuild the items around this choice and select it, without emitting."""
        self.blockSignals(True)
        try:
            self.clear()
            self.addItem(GoalWords.tr("No one in particular"), (None, ""))
            shown = [c for c in self._contacts if not c.archived or c.id == contact_id]
            for contact in shown:
                self.addItem(contact.name, (contact.id, contact.name))
            if contact_id is not None and not any(c.id == contact_id for c in shown):
                self.addItem(name or GoalWords.tr("Someone"), (contact_id, name))
            if contact_id is None and name:
                self.addItem(GoalWords.tr("%1 (kept as a name)").replace("%1", name), (None, name))
            for i in range(self.count()):
                if tuple(self.itemData(i)) == (contact_id, name if contact_id is None else ""):
                    self.setCurrentIndex(i)
                    break
                if contact_id is not None and self.itemData(i)[0] == contact_id:
                    self.setCurrentIndex(i)
                    break
            else:
                self.setCurrentIndex(0)
        finally:
            self.blockSignals(False)

    def choice(self) -> tuple[int | None, str]:
        data = self.currentData()
        return (data[0], data[1]) if data else (None, "")
