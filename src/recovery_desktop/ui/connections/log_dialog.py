# SPDX-License-Identifier: GPL-3.0-or-later
"""The log dialog: who (one or more people, or a group), when, what kind, who reached out, how
supported I felt (optional) and a note. Opened from Today, People and an entry; also edits one
logged connection.

The quick paths (Today's "I connected", People's "Log a connection" menu, an entry's "log the
people mentioned") log in two clicks without it; this dialog is for the details. It writes
through `vault.connections` on the GUI thread (a millisecond) and keeps what was typed when the
vault refuses it, with the reason in plain words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.models import Connection, ConnectionKind, InitiatedBy
from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage import Vault
from recovery_desktop.storage.errors import storage_failure_message
from recovery_desktop.ui.connections.who_picker import WhoPicker
from recovery_desktop.ui.connections.words import ConnectionWords, fill, kind_label
from recovery_desktop.ui.connections.words import connections_summary as connections_summary
from recovery_desktop.ui.page import chain_tab_order
from recovery_desktop.ui.theme import make_heading
from recovery_desktop.ui.widgets.dates import use_locale_date_time_format
from recovery_desktop.ui.widgets.roving import RovingButtonGroup

KINDS = tuple(ConnectionKind)
PEOPLE_KINDS = (
    ConnectionKind.CALL,
    ConnectionKind.TEXT,
    ConnectionKind.IN_PERSON,
    ConnectionKind.ONLINE,
)
# Meeting attendance and service (giving back) are connections with a group.
GROUP_KINDS = (
    ConnectionKind.MEETING,
    ConnectionKind.SERVICE,
    ConnectionKind.IN_PERSON,
    ConnectionKind.ONLINE,
)
INITIATED = tuple(InitiatedBy)
NOT_SAID = 0  # the "felt supported" button for no answer


def local_now() -> datetime:
    return datetime.now().astimezone()


def moment_on(day: date, now: datetime) -> datetime:
    """When a connection of `day` happened, as an entry's day says it: now for today, else
    noon of that day (local time), as `connections.log_mentions` does."""
    if day == now.date():
        return now
    return datetime.combine(day, time(12)).astimezone()


def button_row(
    parent: QWidget, choices: Sequence[tuple[int, str, str, str]]
) -> tuple[QHBoxLayout, RovingButtonGroup, dict[int, QPushButton]]:
    """A row of exclusive buttons, one Tab stop (arrows move): (id, text, object name,
    accessible name) for each."""
    row = QHBoxLayout()
    row.setSpacing(4)
    group = RovingButtonGroup(parent)
    buttons: dict[int, QPushButton] = {}
    for button_id, text, name, accessible in choices:
        button = QPushButton(text, parent)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setAutoDefault(False)
        group.add(button, button_id)
        row.addWidget(button)
        buttons[button_id] = button
    row.addStretch(1)
    return row, group, buttons


class WhenEdit(QDateTimeEdit):
    """A date and time where Tab moves on to the next control, as everywhere else, instead of
    through the day, month, year, hour and minute (the arrow keys and typing reach those)."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 (Qt override)
        return QWidget.focusNextPrevChild(self, next)


class LogConnectionDialog(QDialog):
    """Log a new connection (`editing` None) or change one. After Accept, `logged` holds what
    was written (one record per person). Open it with `open()`; nothing is written on Cancel.

    `contact_ids` / `community_id` choose who beforehand; `when` the moment (default now);
    `entry_id` links what is logged to a journal entry.
    """

    def __init__(
        self,
        vault: Vault,
        parent: QWidget | None = None,
        *,
        contact_ids: Sequence[int] = (),
        community_id: int | None = None,
        when: datetime | None = None,
        entry_id: int | None = None,
        editing: Connection | None = None,
        now: Callable[[], datetime] = local_now,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("log_connection_dialog")
        self._vault = vault
        self._editing = editing
        self._entry_id = editing.entry_id if editing is not None else entry_id
        self._now = now
        self.logged: list[Connection] = []
        title = (
            ConnectionWords.tr("Edit this connection")
            if editing
            else ConnectionWords.tr("Log a connection")
        )
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        # The theme fills a chosen answer with the accent and rings it when focused.

        heading = QLabel(title, self)
        make_heading(heading, 1.3)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.who: WhoPicker | None = None
        self.with_label: QLabel | None = None
        if editing is None:
            self.who = WhoPicker(vault.contacts.list(), vault.communities.list(), self)
            if community_id is not None:
                self.who.set_group(community_id)
            else:
                self.who.set_people(contact_ids)
            self.who.changed.connect(self._update_kinds)
            form.addRow(ConnectionWords.tr("With"), self.who)
        else:
            self.with_label = QLabel(editing.contact_name or editing.community_name, self)
            self.with_label.setObjectName("log_connection_with")
            form.addRow(ConnectionWords.tr("With"), self.with_label)

        self.when = WhenEdit(self)
        self.when.setObjectName("log_connection_when")
        self.when.setAccessibleName(ConnectionWords.tr("When"))
        self.when.setCalendarPopup(True)
        use_locale_date_time_format(self.when)
        today = now().date()
        self.when.setMinimumDate(QDate(1900, 1, 1))
        self.when.setMaximumDateTime(
            QDateTime(QDate(today.year, today.month, today.day), QTime(23, 59))
        )
        moment = (editing.occurred_at if editing else when or now()).astimezone()
        self.when.setDateTime(
            QDateTime(
                QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
            )
        )
        form.addRow(ConnectionWords.tr("When"), self.when)

        kinds, self.kind_group, self.kind_buttons = button_row(
            self,
            [
                (
                    i,
                    kind_label(k),
                    f"log_kind_{k.name.lower()}",
                    fill(ConnectionWords.tr("Kind: %1"), kind_label(k)),
                )
                for i, k in enumerate(KINDS)
            ],
        )
        form.addRow(ConnectionWords.tr("How"), kinds)

        initiated, self.initiated_group, self.initiated_buttons = button_row(
            self,
            [
                (
                    0,
                    ConnectionWords.tr("I did"),
                    "log_initiated_me",
                    ConnectionWords.tr("Who reached out: I did"),
                ),
                (
                    1,
                    ConnectionWords.tr("They did"),
                    "log_initiated_them",
                    ConnectionWords.tr("Who reached out: they did"),
                ),
                (
                    2,
                    ConnectionWords.tr("Both of us"),
                    "log_initiated_both",
                    ConnectionWords.tr("Who reached out: both of us"),
                ),
            ],
        )
        self.initiated_label = QLabel(ConnectionWords.tr("Who reached out"), self)
        form.addRow(self.initiated_label, initiated)

        support, self.support_group, self.support_buttons = button_row(
            self,
            [
                (
                    NOT_SAID,
                    ConnectionWords.tr("Skip"),
                    "log_supported_skip",
                    ConnectionWords.tr("Felt supported: not saying"),
                )
            ]
            + [
                (
                    v,
                    str(v),
                    f"log_supported_{v}",
                    fill(ConnectionWords.tr("Felt supported: %1 of 5"), str(v)),
                )
                for v in range(1, 6)
            ],
        )
        hint = QLabel(ConnectionWords.tr("1 not really, 5 very"), self)
        hint.setProperty("role", "muted")
        support.insertWidget(support.count() - 1, hint)
        form.addRow(ConnectionWords.tr("Felt supported"), support)

        self.note = QPlainTextEdit(self)
        self.note.setObjectName("log_connection_note")
        self.note.setAccessibleName(ConnectionWords.tr("A note (optional)"))
        self.note.setPlaceholderText(
            ConnectionWords.tr("What you talked about, what helped (optional)")
        )
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4)
        form.addRow(ConnectionWords.tr("Note"), self.note)

        self.error = QLabel(self)
        self.error.setObjectName("log_connection_error")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()

        self.cancel_button = QPushButton(ConnectionWords.tr("Cancel"), self)
        self.cancel_button.setObjectName("log_connection_cancel")
        self.cancel_button.setAccessibleName(ConnectionWords.tr("Cancel: log nothing"))
        self.cancel_button.setAutoDefault(False)
        self.save_button = QPushButton(
            ConnectionWords.tr("Save") if editing else ConnectionWords.tr("Log it"), self
        )
        self.save_button.setObjectName("log_connection_save")
        self.save_button.setAccessibleName(
            ConnectionWords.tr("Save the changes")
            if editing
            else ConnectionWords.tr("Log this connection")
        )
        self.save_button.setProperty("primary", True)
        self.save_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)

        self._show(editing)
        self._update_kinds()
        chain_tab_order(
            [
                *(self.who.focus_order() if self.who else []),
                self.when,
                *self.kind_buttons.values(),
                *self.initiated_buttons.values(),
                *self.support_buttons.values(),
                self.note,
                self.cancel_button,
                self.save_button,
            ]
        )
        (self.who.focus_target() if self.who else self.note).setFocus()

    def _show(self, editing: Connection | None) -> None:
        if editing is None:
            group = self.who is not None and self.who.is_group()
            self.kind_group.set_choice(KINDS.index(GROUP_KINDS[0] if group else PEOPLE_KINDS[0]))
            self.initiated_group.set_choice(0)
            self.support_group.set_choice(NOT_SAID)
            return
        self.kind_group.set_choice(KINDS.index(editing.kind))
        self.initiated_group.set_choice(INITIATED.index(editing.initiated_by))
        self.support_group.set_choice(editing.felt_supported or NOT_SAID)
        self.note.setPlainText(editing.note)

    def _is_group(self) -> bool:
        if self._editing is not None:
            return self._editing.contact_id is None and bool(self._editing.community_name)
        return self.who is not None and self.who.is_group()

    def _update_kinds(self) -> None:
        """People: call, text, in person, online; a group: meeting, service, in person,
        online. A kind chosen before stays shown."""
        group = self._is_group()
        allowed = GROUP_KINDS if group else PEOPLE_KINDS
        chosen = self.kind_choice()
        if chosen not in allowed and self._editing is None:
            self.kind_group.set_choice(KINDS.index(allowed[0]))
            chosen = allowed[0]
        for index, kind in enumerate(KINDS):
            self.kind_buttons[index].setVisible(kind in allowed or kind == chosen)
        self.initiated_label.setVisible(not group)
        for button in self.initiated_buttons.values():
            button.setVisible(not group)

    # --- what was chosen ---------------------------------------------------------------------

    def kind_choice(self) -> ConnectionKind:
        chosen = self.kind_group.choice()
        return KINDS[chosen] if chosen is not None else PEOPLE_KINDS[0]

    def occurred_at(self) -> datetime:
        qdt = self.when.dateTime()
        d, t = qdt.date(), qdt.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()).astimezone()

    def felt_supported(self) -> int | None:
        chosen = self.support_group.choice()
        return None if chosen in (None, NOT_SAID) else chosen

    def initiated_by(self) -> InitiatedBy:
        chosen = self.initiated_group.choice()
        return InitiatedBy.ME if chosen is None or self._is_group() else INITIATED[chosen]

    # --- writing -----------------------------------------------------------------------------

    def save(self) -> None:
        """Write, then close; on a refusal say why and keep everything as typed."""
        try:
            self.logged = self._write()
        except ValidationError as error:
            self._refused(str(error))
            return
        except Exception as error:
            message = storage_failure_message(error)
            if message is None:
                raise
            self._refused(message)
            return
        self.accept()

    def _write(self) -> list[Connection]:
        connections = self._vault.connections
        moment = self.occurred_at()
        if self._editing is not None:
            changed = replace(
                self._editing,
                occurred_at=moment,
                kind=self.kind_choice(),
                initiated_by=self.initiated_by(),
                felt_supported=self.felt_supported(),
                note=self.note.toPlainText(),
            )
            return [connections.save(changed)]
        assert self.who is not None
        if not self.who.contact_ids() and self.who.community_id() is None:
            raise ValidationError(
                ConnectionWords.tr("Please tick at least one person, or choose a group.")
            )
        return connections.log(
            moment,
            self.kind_choice(),
            contact_ids=self.who.contact_ids(),
            community_id=self.who.community_id(),
            initiated_by=self.initiated_by(),
            felt_supported=self.felt_supported(),
            note=self.note.toPlainText(),
            entry_id=self._entry_id,
        )

    def _refused(self, reason: str) -> None:
        self.error.setText(fill(ConnectionWords.tr("Not logged yet: %1"), reason))
        self.error.show()

    def done(self, result: int) -> None:  # noqa: D102 - Qt override
        super().done(result)
        if result == QDialog.DialogCode.Rejected:
            self.logged = []
