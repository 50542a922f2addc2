# SPDX-License-Identifier: GPL-3.0-or-later
"""People due a reach-out, and "I connected with…" in two clicks.

Logging comes first and is instant (a call with a person, a meeting with a group); what kind of
connection it was and how supported it felt are optional and asked afterwards, in place, so the
two-click path is never slowed down by questions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.checkin import contacts_for_connect_menu
from recovery_desktop.core.models import Community, Connection, ConnectionKind, Contact, Role
from recovery_desktop.core.reach_out import ReachOutDue, reach_outs_due
from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage import Vault
from recovery_desktop.ui.connections.words import connections_summary, fill
from recovery_desktop.ui.today.card import Card, clear_layout, muted_label, plural, wrapped_label
from recovery_desktop.ui.today.due_row import DueRow, SnoozeNote
from recovery_desktop.ui.widgets.flow_layout import FlowLayout
from recovery_desktop.ui.widgets.roving import RovingButtonGroup

MAX_DUE_ROWS = 6
MENU_CONTACTS = 15  # beyond this, the rest go into a "More people" submenu

KIND_ORDER = (
    ConnectionKind.CALL,
    ConnectionKind.TEXT,
    ConnectionKind.IN_PERSON,
    ConnectionKind.MEETING,
    ConnectionKind.ONLINE,
    ConnectionKind.SERVICE,
)


class ReachOutCard(Card):
    """Due contacts with "I connected", the "I connected with…" menu, and the follow-up."""

    connection_logged = Signal(int)  # connection id
    open_person_requested = Signal(int)  # contact id: show their page in People

    def __init__(
        self,
        vault: Vault,
        today: date,
        parent: QWidget | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(
            "reach_out_card",
            self.tr("Reach out"),
            self.tr("Staying in touch is part of recovery. A short message counts."),
            parent,
        )
        self._vault = vault
        self._today = today
        self._now = now or (lambda: datetime.now(UTC))
        self._logged: Connection | None = None
        self._names: dict[tuple[str, int], str] = {}
        self.due: list[ReachOutDue] = []

        self.rows = QVBoxLayout()
        self.rows.setSpacing(6)
        self.body.addLayout(self.rows)
        self.snooze_note = SnoozeNote(self)
        self.snooze_note.undo_requested.connect(self._unsnooze)
        self.body.addWidget(self.snooze_note)
        self.empty = wrapped_label("", self)
        self.empty.setObjectName("reach_out_empty")
        self.empty.setProperty("role", "muted")
        self.body.addWidget(self.empty)

        self.follow_up = QFrame(self)
        self.follow_up.setObjectName("connection_follow_up")
        self.follow_up.setProperty("role", "banner")
        self._build_follow_up()
        self.follow_up.setVisible(False)
        self.body.addWidget(self.follow_up)

        row = QHBoxLayout()
        self.connect_button = QPushButton(self.tr("I connected with…"), self)
        self.connect_button.setObjectName("connected_with_button")
        self.connect_button.setAccessibleName(self.tr("I connected with…"))
        self.menu = QMenu(self)
        self.menu.setObjectName("connected_with_menu")
        self.menu.setAccessibleName(self.tr("Who did you connect with?"))
        self.connect_button.setMenu(self.menu)
        row.addWidget(self.connect_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.refresh(today)

    # --- the follow-up after logging ---------------------------------------------------------

    def _build_follow_up(self) -> None:
        # The theme fills a chosen answer with the accent and rings it when focused.
        layout = QVBoxLayout(self.follow_up)
        layout.setContentsMargins(10, 8, 10, 8)
        self.logged_label = wrapped_label("", self.follow_up)
        self.logged_label.setObjectName("connection_logged_label")
        font = self.logged_label.font()
        font.setBold(True)
        self.logged_label.setFont(font)
        layout.addWidget(self.logged_label)

        # The choices wrap onto a second line in a narrow column rather than widen it.
        kinds_area = QWidget(self.follow_up)
        kinds = FlowLayout(kinds_area, spacing=4, centred=True)
        kinds.addWidget(QLabel(self.tr("It was:"), kinds_area))
        self.kind_group = RovingButtonGroup(self)
        self.kind_buttons: dict[ConnectionKind, QPushButton] = {}
        for index, kind in enumerate(KIND_ORDER):
            button = QPushButton(self.kind_text(kind), kinds_area)
            button.setObjectName(f"connection_kind_{kind.name.lower()}")
            button.setAccessibleName(
                self.tr("Kind of connection: %1").replace("%1", self.kind_text(kind))
            )
            self.kind_group.add(button, index)
            kinds.addWidget(button)
            self.kind_buttons[kind] = button
        layout.addWidget(kinds_area)
        self.kind_group.idClicked.connect(self._on_kind)

        supported = QLabel(self.tr("How supported did you feel?"), self.follow_up)
        supported.setWordWrap(True)
        layout.addWidget(supported)
        support = QHBoxLayout()
        support.setSpacing(4)
        self.support_group = RovingButtonGroup(self)
        self.support_buttons: dict[int, QPushButton] = {}
        for value in range(1, 6):
            button = QPushButton(str(value), self.follow_up)
            button.setObjectName(f"felt_supported_{value}")
            button.setAccessibleName(self.tr("Felt supported: %1 of 5").replace("%1", str(value)))
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance("00") + 16)
            self.support_group.add(button, value)
            support.addWidget(button)
            self.support_buttons[value] = button
        hint = muted_label(self.tr("1 not really, 5 very"), self.follow_up)
        support.addWidget(hint)
        support.addStretch(1)
        layout.addLayout(support)
        self.support_group.idClicked.connect(self._on_support)

        actions = QHBoxLayout()
        self.details_button = QPushButton(self.tr("More details…"), self.follow_up)
        self.details_button.setObjectName("connection_details")
        self.details_button.setAccessibleName(
            self.tr("More details: who reached out, a note, the time")
        )
        self.details_button.clicked.connect(self._edit_logged)
        self.undo_button = QPushButton(self.tr("Undo"), self.follow_up)
        self.undo_button.setObjectName("connection_undo")
        self.undo_button.setAccessibleName(self.tr("Undo this connection"))
        self.undo_button.clicked.connect(self._undo)
        self.done_button = QPushButton(self.tr("Done"), self.follow_up)
        self.done_button.setObjectName("connection_done")
        self.done_button.setAccessibleName(self.tr("Done"))
        self.done_button.clicked.connect(self._done)
        actions.addStretch(1)
        actions.addWidget(self.details_button)
        actions.addWidget(self.undo_button)
        actions.addWidget(self.done_button)
        layout.addLayout(actions)

    def kind_text(self, kind: ConnectionKind) -> str:
        return {
            ConnectionKind.CALL: self.tr("a call"),
            ConnectionKind.TEXT: self.tr("a text"),
            ConnectionKind.IN_PERSON: self.tr("in person"),
            ConnectionKind.MEETING: self.tr("a meeting"),
            ConnectionKind.ONLINE: self.tr("online"),
            ConnectionKind.SERVICE: self.tr("service"),
        }[kind]

    def role_text(self, role: Role) -> str:
        return {
            Role.SPONSOR: self.tr("sponsor"),
            Role.FAMILY: self.tr("family"),
            Role.FRIEND: self.tr("friend"),
            Role.PEER: self.tr("peer"),
            Role.COUNSELOR: self.tr("counselor"),
            Role.FACILITATOR: self.tr("group facilitator"),
            Role.OTHER: self.tr("other"),
        }[Role(role)]

    # --- refreshing --------------------------------------------------------------------------

    def refresh(self, today: date) -> None:
        self._today = today
        contacts = self._vault.contacts.list()
        communities = self._vault.communities.list()
        last = self._vault.connections.last_in_touch()
        self.due = reach_outs_due(contacts, last, today)
        self._names = {("contact", c.id): c.name for c in contacts if c.id is not None}
        self._names.update({("community", g.id): g.name for g in communities if g.id is not None})

        clear_layout(self.rows)
        for due in self.due[:MAX_DUE_ROWS]:
            self.rows.addWidget(self._due_row(due))
        if len(self.due) > MAX_DUE_ROWS:
            more = len(self.due) - MAX_DUE_ROWS
            self.rows.addWidget(
                muted_label(
                    plural(self.tr("and %n more; the menu below has everyone.", "", more), more),
                    self,
                )
            )

        if not contacts and not communities:
            self.empty.setText(
                self.tr(
                    "No one here yet, and that is normal. When you are ready, you can add the people "
                    "and groups who support you under People."
                )
            )
        elif not self.due:
            self.empty.setText(self.tr("No one is waiting on a reach-out today."))
        self.empty.setVisible(not self.due)
        self.connect_button.setEnabled(bool(contacts or communities))
        self._fill_menu(contacts_for_connect_menu(contacts, last), communities)
        self.rows_rebuilt.emit()

    def _due_row(self, due: ReachOutDue) -> QWidget:
        row = DueRow(due, self._today, self)
        row.connected.connect(self.log_contact)
        row.snooze.connect(self.snooze)
        row.open_person.connect(self.open_person_requested)
        return row

    def snooze(self, contact: Contact, until: date) -> None:
        """Hold this person's reminder back until `until`; the note under the rows offers Undo."""
        assert contact.id is not None
        self._vault.contacts.snooze(contact.id, until)
        self.snooze_note.show_snoozed(contact, until, contact.snoozed_until)
        self.refresh(self._today)
        self.snooze_note.undo_button.setFocus()

    def _unsnooze(self, contact: Contact, previous: date | None) -> None:
        assert contact.id is not None
        self._vault.contacts.snooze(contact.id, previous)
        self.refresh(self._today)
        self.connect_button.setFocus()

    def _fill_menu(self, contacts: list[Contact], communities: list[Community]) -> None:
        self.menu.clear()
        if contacts:
            self.menu.addSection(self.tr("People"))
        overflow: QMenu | None = None
        for index, contact in enumerate(contacts):
            target = self.menu
            if index >= MENU_CONTACTS:
                if overflow is None:
                    overflow = self.menu.addMenu(self.tr("More people"))
                target = overflow
            label = contact.name + (self.tr(" (emergency)") if contact.emergency else "")
            action = target.addAction(label)
            action.setObjectName(f"connect_contact_{contact.id}")
            action.triggered.connect(lambda _=False, c=contact: self.log_contact(c))
        if communities:
            self.menu.addSection(self.tr("Groups and communities"))
            for group in communities:
                action = self.menu.addAction(group.name)
                action.setObjectName(f"connect_community_{group.id}")
                action.triggered.connect(lambda _=False, g=group: self.log_community(g))
        self.menu.addSeparator()
        details = self.menu.addAction(self.tr("Several people, or more details…"))
        details.setObjectName("connect_with_details")
        details.triggered.connect(self.log_with_details)

    # --- logging -----------------------------------------------------------------------------

    def log_contact(self, contact: Contact, kind: ConnectionKind = ConnectionKind.CALL) -> None:
        self._log(Connection(occurred_at=self._now(), kind=kind, contact_id=contact.id))

    def log_community(
        self, community: Community, kind: ConnectionKind = ConnectionKind.MEETING
    ) -> None:
        self._log(Connection(occurred_at=self._now(), kind=kind, community_id=community.id))

    def _log(self, connection: Connection) -> None:
        try:
            self._logged = self._vault.connections.save(connection)
        except ValidationError as error:
            self.empty.setText(str(error))
            self.empty.setVisible(True)
            return
        self._show_follow_up()
        self.refresh(self._today)
        assert self._logged.id is not None
        self.connection_logged.emit(self._logged.id)
        self.kind_buttons[self._logged.kind].setFocus()

    def log_with_details(self) -> None:
        """The log dialog: several people, who reached out, a note, another time."""
        from recovery_desktop.ui.connections.log_dialog import LogConnectionDialog  # when used

        self._open_dialog(LogConnectionDialog(self._vault, self.window()))

    def _edit_logged(self) -> None:
        from recovery_desktop.ui.connections.log_dialog import LogConnectionDialog  # when used

        if self._logged is not None:
            self._open_dialog(LogConnectionDialog(self._vault, self.window(), editing=self._logged))

    def _open_dialog(self, dialog: QDialog) -> None:
        dialog.accepted.connect(lambda: self._logged_in_dialog(dialog.logged))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _logged_in_dialog(self, records: list[Connection]) -> None:
        """One connection: the follow-up shows it (to change or undo); several: a thank-you
        (People has each person's history to change them)."""
        self.refresh(self._today)
        self._logged = records[0] if len(records) == 1 else None
        self._show_follow_up()
        if len(records) > 1:
            self.empty.setText(
                fill(
                    self.tr("Logged: %1. Thank you; staying connected matters."),
                    connections_summary(records),
                )
            )
            self.empty.setVisible(True)
        for record in records:
            assert record.id is not None
            self.connection_logged.emit(record.id)
        self.connect_button.setFocus()

    def _who(self, connection: Connection) -> str:
        if connection.contact_id is not None:
            return self._names.get(("contact", connection.contact_id), "")
        return self._names.get(("community", connection.community_id or -1), "")

    def _show_follow_up(self) -> None:
        connection = self._logged
        if connection is None:
            self.follow_up.setVisible(False)
            return
        self.logged_label.setText(
            self.tr("Logged: %1 with %2. How did it go?")
            .replace("%1", self.kind_text(connection.kind))
            .replace("%2", self._who(connection))
        )
        self.kind_group.set_choice(KIND_ORDER.index(connection.kind))
        self.support_group.set_choice(connection.felt_supported)
        self.follow_up.setVisible(True)

    def _update_logged(self, **changes: object) -> None:
        if self._logged is None:
            return
        try:
            self._logged = self._vault.connections.save(replace(self._logged, **changes))
        except ValidationError as error:
            self.logged_label.setText(str(error))
            return
        self._show_follow_up()

    def _on_kind(self, index: int) -> None:
        self._update_logged(kind=KIND_ORDER[index])

    def _on_support(self, value: int) -> None:
        self._update_logged(felt_supported=value)
        self.logged_label.setText(self.tr("Logged. Thank you; staying connected matters."))

    def _undo(self) -> None:
        if self._logged is not None and self._logged.id is not None:
            self._vault.connections.delete(self._logged.id)
        self._logged = None
        self.follow_up.setVisible(False)
        self.refresh(self._today)
        self.connect_button.setFocus()

    def _done(self) -> None:
        self._logged = None
        self.follow_up.setVisible(False)
        self.connect_button.setFocus()

    @property
    def logged(self) -> Connection | None:
        return self._logged
