# SPDX-License-Identifier: GPL-3.0-or-later
"""The contact and community forms on the People page, saved as you type.

Autosave, as the Journal does: every change starts a short timer and is saved when typing
pauses; `flush()` saves at once (before another person is shown, a page switch, a lock or
quitting). Only the fields the person changed are written over what the vault holds, so a
snooze set on Today or an archive done meanwhile is never undone by a stale form. A refusal
(an empty name) is said in plain words under the fields and what was typed stays.
A new person is stored once they have a name; until then nothing is written.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.models import Community, CommunityKind, Contact, Role
from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage import Vault
from recovery_desktop.storage.errors import storage_failure_message
from recovery_desktop.ui.connections.words import (
    ConnectionWords,
    community_kind_text,
    fill,
    role_text,
)

AUTOSAVE_MS = 800
MAX_RHYTHM_DAYS = 365


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class AutosaveForm(QWidget):
    """Shared saving for the two forms. Emits `saved(record, created)` after each save."""

    saved = Signal(object, bool)

    def __init__(self, vault: Vault, parent: QWidget | None, autosave_ms: int) -> None:
        super().__init__(parent)
        self._vault = vault
        self._record: Contact | Community | None = None
        self._dirty = False
        self._touched: set[str] = set()
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(autosave_ms)
        self._timer.timeout.connect(self.save)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.status = QLabel(self)
        self.status.setProperty("role", "muted")
        self.error = QLabel(self)
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)

    # --- state ---------------------------------------------------------------------------------

    @property
    def record(self) -> Contact | Community | None:
        return self._record

    @property
    def dirty(self) -> bool:
        return self._dirty

    def is_blank(self) -> bool:
        """A new form with nothing typed yet (never stored, never asked about)."""
        return self._record is None and not self._typed_anything()

    def has_unsaved_changes(self) -> bool:
        return self._dirty and not self.is_blank()

    def load(self, record: Contact | Community | None) -> None:
        """Show a stored record, or an empty form for a new one (None)."""
        self._timer.stop()
        self._loading = True
        try:
            self._record = record
            self._fill(record)
        finally:
            self._loading = False
        self._dirty = False
        self._touched.clear()
        self.error.hide()
        self.status.setText("" if record is None else ConnectionWords.tr("Saved as you type."))

    def _changed(self, field: str) -> None:
        if self._loading:
            return
        self._touched.add(field)
        self._dirty = True
        if self.is_blank():
            self._timer.stop()
            return
        self.status.setText(ConnectionWords.tr("Saving…"))
        self._timer.start()

    # --- saving --------------------------------------------------------------------------------

    def flush(self) -> bool:
        """Save now what is typed; False when the vault refused it (the reason is shown)."""
        if self._dirty and not self.is_blank():
            self.save()
        return not self.has_unsaved_changes()

    def save(self) -> Contact | Community | None:
        self._timer.stop()
        if not self._dirty or self.is_blank() or not self._vault.is_open:
            return self._record
        created = self._record is None
        try:
            stored = self._store(self._touched if not created else None)
        except ValidationError as error:
            return self._refused(str(error))
        except Exception as error:
            message = storage_failure_message(error)
            if message is None:
                raise
            return self._refused(message)
        self._record = stored
        self._dirty = False
        self._touched.clear()
        self.error.hide()
        self.status.setText(ConnectionWords.tr("Saved."))
        self.saved.emit(stored, created)
        return stored

    def _refused(self, reason: str) -> None:
        self.error.setText(fill(ConnectionWords.tr("Not saved yet: %1"), reason))
        self.error.show()
        self.status.setText(ConnectionWords.tr("Not saved"))
        return None

    # --- for the two forms ---------------------------------------------------------------------

    def _fill(self, record: Contact | Community | None) -> None:
        raise NotImplementedError

    def _typed_anything(self) -> bool:
        raise NotImplementedError

    def _store(self, touched: set[str] | None) -> Contact | Community:
        """Write the fields in `touched` (all of them for a new record, `touched` None)."""
        raise NotImplementedError

    def _line(self, name: str, accessible: str, label: str, field: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.textEdited.connect(lambda *_: self._changed(field))
        self.form.addRow(self._label(label, edit), edit)
        return edit

    def _notes(self, name: str, field: str = "notes") -> QPlainTextEdit:
        notes = QPlainTextEdit(self)
        notes.setObjectName(name)
        notes.setAccessibleName(ConnectionWords.tr("Notes"))
        notes.setTabChangesFocus(True)
        notes.setFixedHeight(notes.fontMetrics().lineSpacing() * 5)
        notes.textChanged.connect(lambda: self._changed(field))
        self.form.addRow(self._label(ConnectionWords.tr("N&otes"), notes), notes)
        return notes

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label


class ContactForm(AutosaveForm):
    """Name, role, phone, email, "reach out every N days", emergency flag and notes."""

    def __init__(
        self, vault: Vault, parent: QWidget | None = None, autosave_ms: int = AUTOSAVE_MS
    ) -> None:
        super().__init__(vault, parent, autosave_ms)
        self.setObjectName("contact_form")
        self.name = self._line(
            "contact_name", ConnectionWords.tr("Name"), ConnectionWords.tr("&Name"), "name"
        )
        self.name.setPlaceholderText(ConnectionWords.tr("As you call them"))
        self.role = QComboBox(self)
        self.role.setObjectName("contact_role")
        self.role.setAccessibleName(ConnectionWords.tr("Role"))
        for role in Role:
            self.role.addItem(capitalised(role_text(role)), role)
        self.role.currentIndexChanged.connect(lambda *_: self._changed("role"))
        self.form.addRow(self._label(ConnectionWords.tr("&Role"), self.role), self.role)
        self.phone = self._line(
            "contact_phone", ConnectionWords.tr("Phone"), ConnectionWords.tr("&Phone"), "phone"
        )
        self.email = self._line(
            "contact_email", ConnectionWords.tr("Email"), ConnectionWords.tr("&Email"), "email"
        )
        self.reach_out = QSpinBox(self)
        self.reach_out.setObjectName("contact_reach_out")
        self.reach_out.setAccessibleName(
            ConnectionWords.tr("Reach out every how many days (0: no reminder)")
        )
        self.reach_out.setRange(0, MAX_RHYTHM_DAYS)
        self.reach_out.setSpecialValueText(ConnectionWords.tr("No reminder"))
        self.reach_out.setSuffix(ConnectionWords.tr(" days"))
        self.reach_out.valueChanged.connect(lambda *_: self._changed("reach_out_every_days"))
        self.form.addRow(
            self._label(ConnectionWords.tr("Reach out &every"), self.reach_out), self.reach_out
        )
        self.emergency = QCheckBox(ConnectionWords.tr("Emergency contact: pinned on top"), self)
        self.emergency.setObjectName("contact_emergency")
        self.emergency.setAccessibleName(ConnectionWords.tr("Emergency contact"))
        self.emergency.toggled.connect(lambda *_: self._changed("emergency"))
        self.form.addRow("", self.emergency)
        self.notes = self._notes("contact_notes")

    def focus_order(self) -> list[QWidget]:
        return [
            self.name,
            self.role,
            self.phone,
            self.email,
            self.reach_out,
            self.emergency,
            self.notes,
        ]

    def _fill(self, record: Contact | Community | None) -> None:
        contact = record if isinstance(record, Contact) else Contact("")
        self.name.setText(contact.name)
        self.role.setCurrentIndex(max(0, self.role.findData(Role(contact.role))))
        self.phone.setText(contact.phone)
        self.email.setText(contact.email)
        self.reach_out.setValue(contact.reach_out_every_days or 0)
        self.emergency.setChecked(contact.emergency)
        self.notes.setPlainText(contact.notes)

    def _typed_anything(self) -> bool:
        return any(
            (
                self.name.text().strip(),
                self.phone.text().strip(),
                self.email.text().strip(),
                self.notes.toPlainText().strip(),
            )
        )

    def _store(self, touched: set[str] | None) -> Contact:
        values = {
            "name": self.name.text(),
            "role": self.role.currentData(),
            "phone": self.phone.text(),
            "email": self.email.text(),
            "reach_out_every_days": self.reach_out.value() or None,
            "emergency": self.emergency.isChecked(),
            "notes": self.notes.toPlainText(),
        }
        repo = self._vault.contacts
        current = self._record if isinstance(self._record, Contact) else None
        stored = repo.get(current.id) if current is not None and current.id is not None else None
        base = stored or current or Contact("")
        if touched is not None:
            values = {k: v for k, v in values.items() if k in touched}
        return repo.save(replace(base, **values))


class CommunityForm(AutosaveForm):
    """Name, kind, schedule, place or link, and notes."""

    def __init__(
        self, vault: Vault, parent: QWidget | None = None, autosave_ms: int = AUTOSAVE_MS
    ) -> None:
        super().__init__(vault, parent, autosave_ms)
        self.setObjectName("community_form")
        self.name = self._line(
            "community_name",
            ConnectionWords.tr("Name of the group"),
            ConnectionWords.tr("&Name"),
            "name",
        )
        self.name.setPlaceholderText(ConnectionWords.tr("e.g. Tuesday night meeting"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("community_kind")
        self.kind.setAccessibleName(ConnectionWords.tr("Kind of group"))
        for kind in CommunityKind:
            self.kind.addItem(capitalised(community_kind_text(kind)), kind)
        self.kind.currentIndexChanged.connect(lambda *_: self._changed("kind"))
        self.form.addRow(self._label(ConnectionWords.tr("&Kind"), self.kind), self.kind)
        self.schedule = self._line(
            "community_schedule",
            ConnectionWords.tr("When it meets"),
            ConnectionWords.tr("&When"),
            "schedule",
        )
        self.schedule.setPlaceholderText(ConnectionWords.tr("e.g. Tuesdays at 7 pm"))
        self.place = self._line(
            "community_place",
            ConnectionWords.tr("Place or link"),
            ConnectionWords.tr("&Where"),
            "place",
        )
        self.place.setPlaceholderText(ConnectionWords.tr("An address, a room, or a link"))
        self.notes = self._notes("community_notes")

    def focus_order(self) -> list[QWidget]:
        return [self.name, self.kind, self.schedule, self.place, self.notes]

    def _fill(self, record: Contact | Community | None) -> None:
        community = record if isinstance(record, Community) else Community("")
        self.name.setText(community.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(CommunityKind(community.kind))))
        self.schedule.setText(community.schedule)
        self.place.setText(community.place)
        self.notes.setPlainText(community.notes)

    def _typed_anything(self) -> bool:
        return any(
            (
                self.name.text().strip(),
                self.schedule.text().strip(),
                self.place.text().strip(),
                self.notes.toPlainText().strip(),
            )
        )

    def _store(self, touched: set[str] | None) -> Community:
        values = {
            "name": self.name.text(),
            "kind": self.kind.currentData(),
            "schedule": self.schedule.text(),
            "place": self.place.text(),
            "notes": self.notes.toPlainText(),
        }
        repo = self._vault.communities
        current = self._record if isinstance(self._record, Community) else None
        stored = repo.get(current.id) if current is not None and current.id is not None else None
        base = stored or current or Community("")
        if touched is not None:
            values = {k: v for k, v in values.items() if k in touched}
        return repo.save(replace(base, **values))
