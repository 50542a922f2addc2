# SPDX-License-Identifier: GPL-3.0-or-later
"""One person due a reach-out on Today: their name (a link to their page in People), when we
were last in touch, "Snooze" (3 days or a week) and "I connected"; and the note that says a
reminder was snoozed, with Undo.

A snooze only holds the reminder back (`contacts.snooze`); how long it has been still shows
when it comes back.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.models import Contact
from recovery_desktop.core.reach_out import ReachOutDue
from recovery_desktop.ui.connections.words import fill, last_in_touch_text, role_text, short_date
from recovery_desktop.ui.today.card import muted_label

SNOOZE_DAYS = (3, 7)
LINK_STYLE = (
    "QPushButton { border: 2px solid transparent; background: transparent; padding: 0 2px;"
    " color: palette(link); font-weight: bold; text-align: left; }"
    " QPushButton:hover { text-decoration: underline; }"
    " QPushButton:focus { border: 2px solid palette(highlight); border-radius: 4px; }"
)


class LinkButton(QPushButton):
    """A name that opens something, drawn as a link and reached by Tab like a button. A long
    name wraps onto a second line (a label inside draws it) instead of being cut."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(LINK_STYLE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoDefault(False)
        self.label = QLabel(text, self)
        self.label.setObjectName("link_text")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setStyleSheet("color: palette(link); font-weight: bold;")
        inside = QHBoxLayout(self)
        inside.setContentsMargins(4, 2, 4, 2)
        inside.addWidget(self.label)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        policy.setHorizontalPolicy(policy.Policy.Preferred)
        self.setSizePolicy(policy)

    def link_text(self) -> str:
        return self.label.text()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.layout().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.layout().minimumSize()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return self.layout().heightForWidth(width)


def link_button(text: str, parent: QWidget) -> LinkButton:
    return LinkButton(text, parent)


class DueRow(QWidget):
    """Signals: `connected(Contact)`, `snooze(Contact, date)`, `open_person(contact id)`."""

    connected = Signal(object)
    snooze = Signal(object, object)
    open_person = Signal(int)

    def __init__(self, due: ReachOutDue, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        contact = due.contact
        self.contact = contact
        self.setObjectName(f"due_row_{contact.id}")
        # The name has a line of its own, the whole row wide, so a long one wraps rather than
        # being cut; when and the buttons share the line under it.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.name = link_button(contact.name, self)
        self.name.setObjectName(f"due_name_{contact.id}")
        self.name.setAccessibleName(fill(self.tr("Open %1's page in People"), contact.name))
        self.name.setToolTip(self.tr("Open their page in People"))
        self.name.clicked.connect(lambda: self.open_person.emit(contact.id))
        outer.addWidget(self.name)
        layout = QHBoxLayout()
        outer.addLayout(layout)
        when = last_in_touch_text(due.last_in_touch, today)
        detail = muted_label(f"{role_text(contact.role)} · {when}", self)
        detail.setWordWrap(True)
        detail.setObjectName(f"due_detail_{contact.id}")
        detail.setContentsMargins(4, 0, 0, 0)  # under the name, past the link's focus ring
        layout.addWidget(detail, 1)

        self.snooze_button = QPushButton(self.tr("Snooze"), self)
        self.snooze_button.setObjectName(f"due_snooze_{contact.id}")
        self.snooze_button.setAccessibleName(
            fill(self.tr("Snooze the reminder for %1"), contact.name)
        )
        menu = QMenu(self.snooze_button)
        menu.setObjectName(f"due_snooze_menu_{contact.id}")
        for days in SNOOZE_DAYS:
            text = self.tr("For 3 days") if days == 3 else self.tr("For a week")
            action = menu.addAction(text)
            action.setObjectName(f"snooze_{days}_{contact.id}")
            action.triggered.connect(
                lambda _=False, d=days: self.snooze.emit(contact, today + timedelta(days=d))
            )
        self.snooze_button.setMenu(menu)
        layout.addWidget(self.snooze_button)

        self.connect_button = QPushButton(self.tr("I connected"), self)
        self.connect_button.setObjectName(f"i_connected_{contact.id}")
        self.connect_button.setAccessibleName(fill(self.tr("I connected with %1"), contact.name))
        self.connect_button.clicked.connect(lambda: self.connected.emit(contact))
        layout.addWidget(self.connect_button)


class SnoozeNote(QFrame):
    """ "Maya's reminder is snoozed until Fri 5 Jun. Undo" after a snooze, until the next one
    or Undo. Emits `undo_requested(Contact, previous snooze or None)`."""

    undo_requested = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snooze_note")
        self.setProperty("role", "banner")
        self._contact: Contact | None = None
        self._previous: date | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        self.label = QLabel(self)
        self.label.setObjectName("snooze_note_label")
        self.label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setObjectName("snooze_undo")
        self.undo_button.setAccessibleName(self.tr("Undo the snooze"))
        self.undo_button.clicked.connect(self._undo)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        self.hide()

    def show_snoozed(self, contact: Contact, until: date, previous: date | None) -> None:
        self._contact, self._previous = contact, previous
        self.label.setText(
            fill(self.tr("%1's reminder is snoozed until %2."), contact.name, short_date(until))
        )
        self.show()

    def _undo(self) -> None:
        if self._contact is not None:
            self.undo_requested.emit(self._contact, self._previous)
        self._contact = None
        self.hide()
