# SPDX-License-Identifier: GPL-3.0-or-later
"""Who a connection was with: one or more people (ticked in a list that filters as you type),
or one group. Part of the log dialog; reads nothing from the vault itself (it is given the
contacts and groups)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.models import Community, Contact
from recovery_desktop.ui.connections.words import ConnectionWords, fill, names_text, role_text

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
PEOPLE, GROUP = 0, 1


class PeopleChecklistModel(QAbstractListModel):
    """Contacts with a tick box each; `set_filter` narrows the rows shown, ticks are kept."""

    IdRole = Qt.ItemDataRole.UserRole + 1
    ticked_changed = Signal()

    def __init__(self, contacts: Sequence[Contact], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all = [c for c in contacts if c.id is not None]
        self._rows = list(self._all)
        self._ticked: list[int] = []  # in the order ticked

    def set_filter(self, text: str) -> None:
        words = text.casefold().split()
        self.beginResetModel()
        self._rows = [
            c
            for c in self._all
            if all(w in f"{c.name} {role_text(c.role)}".casefold() for w in words)
        ]
        self.endResetModel()

    def ticked(self) -> list[int]:
        return list(self._ticked)

    def ticked_names(self) -> list[str]:
        names = {c.id: c.name for c in self._all}
        return [names[i] for i in self._ticked if i in names]

    def set_ticked(self, ids: Iterable[int]) -> None:
        known = {c.id for c in self._all}
        self._ticked = [i for i in dict.fromkeys(ids) if i in known]
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))
        self.ticked_changed.emit()

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        contact = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{contact.name}  ·  {role_text(contact.role)}"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if contact.id in self._ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{contact.name}, {role_text(contact.role)}"
        if role == self.IdRole:
            return contact.id
        return None

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        contact_id = self._rows[index.row()].id
        assert contact_id is not None
        checked = Qt.CheckState(value) == Qt.CheckState.Checked  # type: ignore[arg-type]
        if checked and contact_id not in self._ticked:
            self._ticked.append(contact_id)
        elif not checked and contact_id in self._ticked:
            self._ticked.remove(contact_id)
        self.dataChanged.emit(index, index, [role])
        self.ticked_changed.emit()
        return True


class WhoPicker(QWidget):
    """People (several) or a group (one). Emits `changed` when the choice changes."""

    changed = Signal()

    def __init__(
        self,
        contacts: Sequence[Contact],
        communities: Sequence[Community],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("who_picker")
        self.people_choice = QRadioButton(ConnectionWords.tr("People"), self)
        self.people_choice.setObjectName("who_people")
        self.people_choice.setAccessibleName(ConnectionWords.tr("With one or more people"))
        self.group_choice = QRadioButton(ConnectionWords.tr("A group"), self)
        self.group_choice.setObjectName("who_group")
        self.group_choice.setAccessibleName(ConnectionWords.tr("With a group or community"))
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.people_choice, PEOPLE)
        self.mode.addButton(self.group_choice, GROUP)

        self.filter = QLineEdit(self)
        self.filter.setObjectName("who_filter")
        self.filter.setAccessibleName(ConnectionWords.tr("Find a person"))
        self.filter.setPlaceholderText(ConnectionWords.tr("Find a person"))
        self.filter.setClearButtonEnabled(True)
        self.model = PeopleChecklistModel(contacts, self)
        self.people_list = QListView(self)
        self.people_list.setObjectName("who_people_list")
        self.people_list.setAccessibleName(
            ConnectionWords.tr("People: tick everyone you connected with")
        )
        self.people_list.setModel(self.model)
        self.people_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.people_list.setUniformItemSizes(True)
        self.people_list.setSpacing(2)
        lines = QFontMetrics(self.font()).lineSpacing()
        self.people_list.setMinimumHeight(lines * 5)
        self.people_list.setMaximumHeight(lines * 9)
        self.chosen = QLabel(self)
        self.chosen.setObjectName("who_chosen")
        self.chosen.setProperty("role", "muted")
        self.chosen.setWordWrap(True)

        self.group = QComboBox(self)
        self.group.setObjectName("who_group_choice")
        self.group.setAccessibleName(ConnectionWords.tr("Which group"))
        for community in communities:
            self.group.addItem(community.name, community.id)

        modes = QHBoxLayout()
        modes.addWidget(self.people_choice)
        modes.addWidget(self.group_choice)
        modes.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(modes)
        layout.addWidget(self.filter)
        layout.addWidget(self.people_list)
        layout.addWidget(self.chosen)
        layout.addWidget(self.group)

        self.people_choice.setEnabled(bool(self.model.rowCount()))
        self.group_choice.setEnabled(bool(communities))
        self.filter.textChanged.connect(self.model.set_filter)
        self.model.ticked_changed.connect(self._ticked_changed)
        self.mode.idToggled.connect(self._mode_toggled)
        self.group.currentIndexChanged.connect(lambda *_: self.changed.emit())
        self.set_people([])

    # --- the choice --------------------------------------------------------------------------

    def is_group(self) -> bool:
        return self.group_choice.isChecked()

    def contact_ids(self) -> list[int]:
        return [] if self.is_group() else self.model.ticked()

    def community_id(self) -> int | None:
        return self.group.currentData() if self.is_group() else None

    def names(self) -> list[str]:
        return [self.group.currentText()] if self.is_group() else self.model.ticked_names()

    def set_people(self, ids: Iterable[int]) -> None:
        """Tick these people (and choose "People", unless there is no one to choose)."""
        self.model.set_ticked(ids)
        if self.people_choice.isEnabled() or not self.group_choice.isEnabled():
            self.people_choice.setChecked(True)
        else:
            self.group_choice.setChecked(True)
        self._show_mode()

    def set_group(self, community_id: int) -> None:
        index = self.group.findData(community_id)
        if index >= 0:
            self.group.setCurrentIndex(index)
            self.group_choice.setChecked(True)
        self._show_mode()

    def focus_target(self) -> QWidget:
        """Where the keyboard goes first: the list or the group box."""
        return self.group if self.is_group() else self.filter

    def focus_order(self) -> list[QWidget]:
        return [self.people_choice, self.group_choice, self.filter, self.people_list, self.group]

    # --- reacting ----------------------------------------------------------------------------

    def _mode_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._show_mode()
            self.changed.emit()

    def _show_mode(self) -> None:
        group = self.is_group()
        for widget in (self.filter, self.people_list, self.chosen):
            widget.setVisible(not group)
        self.group.setVisible(group)
        self._ticked_changed(emit=False)

    def _ticked_changed(self, emit: bool = True) -> None:
        names = self.model.ticked_names()
        self.chosen.setText(
            fill(ConnectionWords.tr("With %1"), names_text(names))
            if names
            else ConnectionWords.tr("Tick one or more people.")
        )
        if emit:
            self.changed.emit()
