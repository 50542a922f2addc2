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
from recovery_desktop.ui.today.card import Card, clear_layout, muted_label, plural, wrapped_label
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
        layout = QVBoxLayout(self.follow_up)
        layout.setContentsMargins(10, 8, 10, 8)
        self.logged_label = wrapped_label("", self.follow_up)
        self.logged_label.setObjectName("connection_logged_label")
        font = self.logged_label.font()
        font.setBold(True)
        self.logged_label.setFont(font)
        layout.addWidget(self.logged_label)

        kinds = QHBoxLayout()
        kinds.setSpacing(4)
        kinds.addWidget(QLabel(self.tr("It was:"), self.follow_up))
        self.kind_group = RovingButtonGroup(self)
        self.kind_buttons: dict[ConnectionKind, QPushButton] = {}
        for index, kind in enumerate(KIND_ORDER):
            button = QPushButton(self.kind_text(kind), self.follow_up)
            button.setObjectName(f"connection_kind_{kind.name.lower()}")
            button.setAccessibleName(
                self.tr("Kind of connection: %1").replace("%1", self.kind_text(kind))
            )
            self.kind_group.add(button, index)
            kinds.addWidget(button)
            self.kind_buttons[kind] = button
        kinds.addStretch(1)
        layout.addLayout(kinds)
        self.kind_group.idClicked.connect(self._on_kind)

        support = QHBoxLayout()
        support.setSpacing(4)
        support.addWidget(QLabel(self.tr("How supported did you feel?"), self.follow_up))
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
        self.undo_button = QPushButton(self.tr("Undo"), self.follow_up)
        self.undo_button.setObjectName("connection_undo")
        self.undo_button.setAccessibleName(self.tr("Undo this connection"))
        self.undo_button.clicked.connect(self._undo)
        self.done_button = QPushButton(self.tr("Done"), self.follow_up)
        self.done_button.setObjectName("connection_done")
        self.done_button.setAccessibleName(self.tr("Done"))
        self.done_button.clicked.connect(self._done)
        actions.addStretch(1)
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
                    "and groups who support you under People (coming soon)."
                )
            )
        elif not self.due:
            self.empty.setText(self.tr("No one is waiting on a reach-out today."))
        self.empty.setVisible(not self.due)
        self.connect_button.setEnabled(bool(contacts or communities))
        self._fill_menu(contacts_for_connect_menu(contacts, last), communities)
        self.rows_rebuilt.emit()

    def _due_row(self, due: ReachOutDue) -> QWidget:
        contact = due.contact
        row = QWidget(self)
        row.setObjectName(f"due_row_{contact.id}")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        words = QVBoxLayout()
        words.setSpacing(0)
        name = QLabel(contact.name, row)
        name.setObjectName(f"due_name_{contact.id}")
        font = name.font()
        font.setBold(True)
        name.setFont(font)
        words.addWidget(name)
        if due.last_in_touch is None:
            when = self.tr("not in touch here yet")
        else:
            days = (self._today - due.last_in_touch).days
            when = plural(self.tr("last in touch %n day(s) ago", "", days), days)
        detail = muted_label(f"{self.role_text(contact.role)} · {when}", row)
        detail.setObjectName(f"due_detail_{contact.id}")
        words.addWidget(detail)
        layout.addLayout(words, 1)
        button = QPushButton(self.tr("I connected"), row)
        button.setObjectName(f"i_connected_{contact.id}")
        button.setAccessibleName(self.tr("I connected with %1").replace("%1", contact.name))
        button.clicked.connect(lambda: self.log_contact(contact))
        layout.addWidget(button)
        return row

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
