# SPDX-License-Identifier: GPL-3.0-or-later
"""What a person can do from someone's page, and its Undo: log a connection (the kind from a
menu: two clicks; or the dialog, for details), edit or delete one from the history, archive,
delete.

Every change says what happened on the page's note with Undo: a logged connection is deleted
again, a deleted one restored with its id (`connections.restore`), an archive reversed, a
contact who appeared nowhere put back. Deleting someone who appears anywhere asks first
(`delete_dialog.py`), with "archive instead" as the default.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QMenu, QPushButton, QWidget

from recovery_desktop.core.models import Community, Connection, ConnectionKind, Contact
from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage import Vault
from recovery_desktop.ui.connections.log_dialog import (
    GROUP_KINDS,
    PEOPLE_KINDS,
    LogConnectionDialog,
    connections_summary,
)
from recovery_desktop.ui.connections.words import (
    ConnectionWords,
    fill,
    kind_label,
    kind_text,
    short_date,
)
from recovery_desktop.ui.people.delete_dialog import ARCHIVE, DELETE, DeleteChoiceDialog, usage_text
from recovery_desktop.ui.people.note_bar import NoteBar

CONTACT, COMMUNITY = "contact", "community"


class PersonActions(QObject):
    """The buttons under a person's figures. `changed` asks the pane to read again;
    `deleted(text)` says the record is gone (the text for the empty pane)."""

    changed = Signal()
    deleted = Signal(str)

    def __init__(
        self,
        vault: Vault,
        note: NoteBar,
        pane: QWidget,
        *,
        clock: Callable[[], datetime],
    ) -> None:
        super().__init__(pane)
        self._vault = vault
        self._note = note
        self._pane = pane
        self._clock = clock
        self._kind = CONTACT
        self._record: Contact | Community | None = None

        self.log_button = QPushButton(ConnectionWords.tr("Log a connection"), pane)
        self.log_button.setObjectName("people_log_connection")
        self.log_button.setAccessibleName(ConnectionWords.tr("Log a connection"))
        self.log_button.setProperty("primary", True)
        self.menu = QMenu(self.log_button)
        self.menu.setObjectName("people_log_menu")
        self.log_button.setMenu(self.menu)
        self.archive_button = QPushButton(ConnectionWords.tr("Archive"), pane)
        self.archive_button.setObjectName("people_archive")
        self.archive_button.clicked.connect(self.toggle_archived)
        self.delete_button = QPushButton(ConnectionWords.tr("Delete"), pane)
        self.delete_button.setObjectName("people_delete")
        self.delete_button.clicked.connect(self.delete)
        self.row = QHBoxLayout()
        self.row.addWidget(self.log_button)
        self.row.addStretch(1)
        self.row.addWidget(self.archive_button)
        self.row.addWidget(self.delete_button)

    def focus_order(self) -> list[QWidget]:
        return [self.log_button, self.archive_button, self.delete_button]

    def set_visible(self, visible: bool) -> None:
        for button in self.focus_order():
            button.setVisible(visible)

    def show_record(self, kind: str, record: Contact | Community) -> None:
        self._kind, self._record = kind, record
        name = record.name
        self.archive_button.setText(
            ConnectionWords.tr("Bring back") if record.archived else ConnectionWords.tr("Archive")
        )
        self.archive_button.setAccessibleName(
            fill(ConnectionWords.tr("Bring %1 back to your lists"), name)
            if record.archived
            else fill(ConnectionWords.tr("Archive %1: hide, keep everything"), name)
        )
        self.delete_button.setAccessibleName(fill(ConnectionWords.tr("Delete %1"), name))
        self.menu.clear()
        for kind_ in GROUP_KINDS if kind == COMMUNITY else PEOPLE_KINDS:
            action = self.menu.addAction(
                fill(ConnectionWords.tr("%1, just now"), kind_label(kind_))
            )
            action.setObjectName(f"people_log_{kind_.name.lower()}")
            action.triggered.connect(lambda _=False, k=kind_: self.quick_log(k))
        self.menu.addSeparator()
        details = self.menu.addAction(ConnectionWords.tr("With details…"))
        details.setObjectName("people_log_details")
        details.triggered.connect(self.log_with_details)

    # --- logging -------------------------------------------------------------------------------

    def _who(self) -> dict[str, object]:
        assert self._record is not None and self._record.id is not None
        if self._kind == COMMUNITY:
            return {"community_id": self._record.id}
        return {"contact_ids": [self._record.id]}

    def quick_log(self, kind: ConnectionKind) -> None:
        """Log one connection of `kind`, now; the note offers details and Undo."""
        try:
            records = self._vault.connections.log(self._clock(), kind, **self._who())  # type: ignore[arg-type]
        except ValidationError as error:
            self._note.say(str(error))
            return
        self._logged(records)

    def log_with_details(self) -> None:
        dialog = LogConnectionDialog(
            self._vault,
            self._pane.window(),
            now=self._clock,
            **self._who(),  # type: ignore[arg-type]
        )
        self._open(dialog, self._logged)

    def _logged(self, records: Sequence[Connection]) -> None:
        if not records:
            return
        ids = [r.id for r in records if r.id is not None]
        self._note.say(
            fill(
                ConnectionWords.tr("Logged: %1. Thank you; staying connected matters."),
                connections_summary(records),
            ),
            undo=lambda: self._undo_log(ids),
            more=(lambda: self.edit_connection(records[0])) if len(records) == 1 else None,
            undo_name=ConnectionWords.tr("Undo: remove this connection again"),
        )
        self.changed.emit()

    def _undo_log(self, ids: list[int]) -> None:
        self._vault.connections.delete_many(ids)
        self.changed.emit()

    def edit_connection(self, record: Connection) -> None:
        current = self._vault.connections.get(record.id) if record.id is not None else None
        if current is None:
            self._note.say(ConnectionWords.tr("That connection is no longer there."))
            self.changed.emit()
            return
        dialog = LogConnectionDialog(
            self._vault, self._pane.window(), editing=current, now=self._clock
        )
        self._open(dialog, lambda records: self._edited(current, records))

    def _edited(self, before: Connection, records: Sequence[Connection]) -> None:
        if records:
            self._note.say(
                ConnectionWords.tr("Connection changed."),
                undo=lambda: self._restore([before]),
                undo_name=ConnectionWords.tr("Undo: put the connection back as it was"),
            )
        self.changed.emit()

    def delete_connection(self, record: Connection) -> None:
        if record.id is None:
            return
        removed = self._vault.connections.delete(record.id)
        if removed is None:
            self.changed.emit()
            return
        day = removed.occurred_at.astimezone().date()
        self._note.say(
            fill(
                ConnectionWords.tr("Deleted: %1 on %2."), kind_text(removed.kind), short_date(day)
            ),
            undo=lambda: self._restore([removed]),
            undo_name=ConnectionWords.tr("Undo: bring the connection back"),
        )
        self.changed.emit()

    def _restore(self, records: Sequence[Connection]) -> None:
        self._vault.connections.restore(records)
        self.changed.emit()

    def _open(self, dialog: QDialog, on_logged: Callable[[list[Connection]], None]) -> None:
        dialog.accepted.connect(lambda: on_logged(dialog.logged))  # type: ignore[attr-defined]
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # --- archive and delete --------------------------------------------------------------------

    def _flush(self) -> bool:
        flush = getattr(self._pane, "flush", None)
        return bool(flush()) if callable(flush) else True

    def toggle_archived(self) -> None:
        record = self._record
        if record is None or record.id is None or not self._flush():
            return
        self._set_archived(record.id, not record.archived)
        if record.archived:
            self._note.say(fill(ConnectionWords.tr("%1 is back in your lists."), record.name))
        else:
            self._note.say(
                fill(
                    ConnectionWords.tr(
                        "%1 is archived: hidden from your lists and reminders, everything kept."
                    ),
                    record.name,
                ),
                undo=lambda: self._set_archived(record.id, False),  # type: ignore[arg-type]
                undo_name=fill(ConnectionWords.tr("Undo: bring %1 back"), record.name),
            )

    def _set_archived(self, record_id: int, archived: bool) -> None:
        repo = self._vault.communities if self._kind == COMMUNITY else self._vault.contacts
        repo.archive(record_id, archived)
        self.changed.emit()

    def delete(self) -> None:
        """Delete at once when they appear nowhere (Undo puts them back); else ask first."""
        record = self._record
        if record is None or record.id is None or not self._flush():
            return
        if self._kind == COMMUNITY:
            total = self._vault.connections.stats(
                self._clock().date(), community_id=record.id
            ).total
            used_in = ConnectionWords.tr("%n connection(s)", None, total)
            anywhere = total > 0
        else:
            usage = self._vault.contacts.usage(record.id)
            used_in, anywhere = usage_text(usage), usage.anywhere
        if not anywhere:
            self._delete_now(record, undo=True)
            return
        dialog = DeleteChoiceDialog(
            record.name, used_in, group=self._kind == COMMUNITY, parent=self._pane.window()
        )
        dialog.finished.connect(lambda result: self._chosen(record, result))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _chosen(self, record: Contact | Community, result: int) -> None:
        if result == ARCHIVE and record.id is not None:
            if not record.archived:
                self.toggle_archived()
        elif result == DELETE:
            self._delete_now(record, undo=False)

    def _delete_now(self, record: Contact | Community, *, undo: bool) -> None:
        assert record.id is not None
        kind = self._kind
        if kind == COMMUNITY:
            self._vault.communities.delete(record.id)
        else:
            self._vault.contacts.delete(record.id)
        if undo:
            text = fill(ConnectionWords.tr("%1 is deleted."), record.name)
            self._note.say(
                text,
                undo=lambda: self._undelete(kind, record),
                undo_name=fill(ConnectionWords.tr("Undo: bring %1 back"), record.name),
            )
        else:
            text = fill(
                ConnectionWords.tr(
                    "%1 is deleted. Their name stays as plain text in your entries and connections."
                ),
                record.name,
            )
            self._note.say(text)
        self._record = None
        self.deleted.emit(text)

    def _undelete(self, kind: str, record: Contact | Community) -> None:
        """Put back someone who appeared nowhere (the same id, so nothing else changes)."""
        if kind == COMMUNITY and isinstance(record, Community):
            self._vault.communities.save(record)
        elif isinstance(record, Contact):
            self._vault.contacts.save(record)
        undeleted = getattr(self._pane, "undeleted", None)
        if callable(undeleted):
            undeleted(kind, record)
