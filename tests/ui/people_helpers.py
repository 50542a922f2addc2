# SPDX-License-Identifier: GPL-3.0-or-later
"""Small helpers for the People tests: build the page on a real vault, click what a person
clicks, choose from a button's menu, and find the dialog it opened."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QListView,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from recovery_desktop.core.models import Connection, ConnectionKind, Contact
from recovery_desktop.storage import Vault
from recovery_desktop.ui.people.list_models import IdRole
from recovery_desktop.ui.people.page import PeoplePage

TODAY = date.today()
D = TypeVar("D", bound=QDialog)


def at(hour: int, day: date = TODAY) -> datetime:
    return datetime.combine(day, time(hour, 5)).astimezone()


def people_page(qtbot: QtBot, vault: Vault, *, autosave_ms: int = 60_000) -> PeoplePage:
    """The page, shown at a roomy size; autosave waits a minute unless asked, so a test
    sees exactly what `flush()` (switching, locking) saves."""
    page = PeoplePage(vault, clock=lambda: at(10), autosave_ms=autosave_ms)
    qtbot.addWidget(page)
    page.resize(1280, 860)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click a tick box on its box (its row may be wider than its words)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def click(qtbot: QtBot, root: QWidget, name: str) -> QAbstractButton:
    button = root.findChild(QAbstractButton, name)
    assert button is not None, name
    qtbot.waitUntil(lambda: button.isVisible() and button.isEnabled() and button.height() > 0)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return button


def choose_from_menu(button: QPushButton, action_name: str) -> None:
    """What a person does with a menu button: open the menu and pick one action."""
    menu = button.menu()
    assert menu is not None
    menu.aboutToShow.emit()  # menus built when shown (the Journal's) fill themselves here
    action = next((a for a in menu.actions() if a.objectName() == action_name), None)
    assert action is not None, [a.objectName() for a in menu.actions()]
    assert action.isEnabled()
    action.trigger()


def dialog_of(qtbot: QtBot, root: QWidget, kind: type[D]) -> D:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in root.findChildren(kind)))
    return next(d for d in root.findChildren(kind) if d.isVisible())


def select_row(qtbot: QtBot, view: QListView, item_id: int, *, moves: bool = True) -> None:
    """Click the row of `item_id` in a People list (`moves` False: the page keeps the
    current row, as when the form could not be saved)."""
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(IdRole) == item_id)
    index = model.index(row, 0)
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert (view.currentIndex() == index) is moves


def contact_due(vault: Vault, name: str, every: int, days_ago: int | None, **kw) -> Contact:
    """A contact with a rhythm, last in touch `days_ago` days ago (None: never)."""
    contact = vault.contacts.save(Contact(name, reach_out_every_days=every, **kw))
    if days_ago is not None:
        vault.connections.save(
            Connection(
                occurred_at=datetime.now(UTC) - timedelta(days=days_ago),
                kind=ConnectionKind.CALL,
                contact_id=contact.id,
            )
        )
    return contact


def list_names(view: QListView) -> list[str]:
    model = view.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]
