# SPDX-License-Identifier: GPL-3.0-or-later
"""The People page: the people and groups who support you, each with your history together.

On the left, search, sort (name, role or kind, last in touch), "Show archived", and two
lists (people with emergency contacts pinned on top; groups and communities), with a hint for
people an entry's People field added who are still to complete. On the right, the one chosen
(`details.py`). It follows the page contract in `ui/page.py`: `flush()` saves the form,
`refresh()` reads the vault again when the page is shown, keeping what is being typed.
`open_contact(id)` is how other pages (Today's reach-outs) open someone here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.models import PeopleSort
from recovery_desktop.storage import Vault
from recovery_desktop.ui.connections.words import fill, names_text
from recovery_desktop.ui.page import Page, chain_tab_order
from recovery_desktop.ui.people.details import COMMUNITY, CONTACT, DetailsPane, local_now
from recovery_desktop.ui.people.forms import AUTOSAVE_MS
from recovery_desktop.ui.people.list_models import CommunityListModel, ContactListModel, IdRole
from recovery_desktop.ui.people.two_line_delegate import two_line_list
from recovery_desktop.ui.theme import SPACING, make_heading
from recovery_desktop.ui.widgets.list_rows import mark_row

SORTS = (PeopleSort.NAME, PeopleSort.ROLE, PeopleSort.LAST_IN_TOUCH)
PEOPLE_TAB, GROUPS_TAB = 0, 1
KINDS = (CONTACT, COMMUNITY)  # by tab
MAX_TO_COMPLETE_NAMES = 3


class PeoplePage(Page):
    """People and groups. A page of the sidebar (contract: `ui/page.py`). `clock` returns the
    local, aware "now" (tests pass a fixed one); `autosave_ms` the pause before the form saves."""

    open_entry_requested = Signal(int)

    def __init__(
        self,
        vault: Vault,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = local_now,
        autosave_ms: int = AUTOSAVE_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("people_page")
        self.setAccessibleName(self.tr("People"))
        self._vault = vault
        self._clock = clock
        self._syncing = False

        left = QWidget(self)
        left.setObjectName("people_left")
        heading = QLabel(self.tr("People"), left)
        heading.setObjectName("people_heading")
        make_heading(heading, 1.6)
        self.search = QLineEdit(left)
        self.search.setObjectName("people_search")
        self.search.setAccessibleName(self.tr("Search people and groups"))
        self.search.setPlaceholderText(self.tr("Search people and groups"))
        self.search.setClearButtonEnabled(True)
        self.sort = QComboBox(left)
        self.sort.setObjectName("people_sort")
        self.sort.setAccessibleName(self.tr("Sort by"))
        for sort, text in zip(
            SORTS, (self.tr("Name"), self.tr("Role"), self.tr("Last in touch")), strict=True
        ):
            self.sort.addItem(text, sort)
        sort_label = QLabel(self.tr("&Sort by"), left)
        sort_label.setBuddy(self.sort)
        self.show_archived = QCheckBox(self.tr("Show archived"), left)
        self.show_archived.setObjectName("people_show_archived")
        self.show_archived.setAccessibleName(self.tr("Show archived people and groups"))
        self.tabs = QTabBar(left)
        self.tabs.setObjectName("people_tabs")
        self.tabs.setAccessibleName(self.tr("People, or groups and communities"))
        self.tabs.addTab(self.tr("People"))
        self.tabs.addTab(self.tr("Groups"))
        self.tabs.setExpanding(True)
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setDrawBase(False)
        self.add_button = QPushButton(left)
        self.add_button.setObjectName("people_add")
        self.import_button = QPushButton(self.tr("Import contacts…"), left)
        self.import_button.setObjectName("people_import_contacts")
        self.import_button.setAccessibleName(
            self.tr("Import contacts from a vCard file, as phones and address books export them")
        )
        self.import_dialog: QWidget | None = None

        self.to_complete = QFrame(left)
        self.to_complete.setObjectName("people_to_complete")
        self.to_complete.setProperty("role", "banner")
        self.to_complete_label = QLabel(self.to_complete)
        self.to_complete_label.setObjectName("people_to_complete_label")
        self.to_complete_label.setWordWrap(True)
        self.complete_button = QPushButton(self.to_complete)
        self.complete_button.setObjectName("people_complete")
        banner = QVBoxLayout(self.to_complete)
        banner.setContentsMargins(10, 6, 10, 6)
        banner.addWidget(self.to_complete_label)
        banner.addWidget(self.complete_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._to_complete_ids: list[int] = []

        self.contacts = ContactListModel(self)
        self.communities = CommunityListModel(self)
        self.contact_list = two_line_list(
            "people_contacts", self.tr("People, emergency contacts first"), left
        )
        self.contact_list.setModel(self.contacts)
        self.community_list = two_line_list(
            "people_communities", self.tr("Groups and communities"), left
        )
        self.community_list.setModel(self.communities)
        self.lists = QStackedWidget(left)
        self.lists.setObjectName("people_lists")
        self.lists.addWidget(self.contact_list)
        self.lists.addWidget(self.community_list)
        self.list_empty = QLabel(left)
        self.list_empty.setObjectName("people_list_empty")
        self.list_empty.setProperty("role", "muted")
        self.list_empty.setWordWrap(True)

        column = QVBoxLayout(left)
        column.setContentsMargins(SPACING, SPACING, 4, SPACING // 2)
        column.setSpacing(SPACING // 2 + 2)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.add_button)
        column.addLayout(top)
        column.addWidget(self.search)
        options = QHBoxLayout()
        options.addWidget(sort_label)
        options.addWidget(self.sort, 1)
        column.addLayout(options)
        column.addWidget(self.tabs)
        column.addWidget(self.to_complete)
        column.addWidget(self.list_empty)
        column.addWidget(self.lists, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.show_archived, 1)
        bottom.addWidget(self.import_button)
        column.addLayout(bottom)

        self.details = DetailsPane(vault, self, clock=clock, autosave_ms=autosave_ms)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("people_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        char = self.fontMetrics().averageCharWidth()
        left.setMinimumWidth(char * 36)
        left.setMaximumWidth(char * 60)
        self.splitter.setSizes([char * 46, char * 100])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.search.textChanged.connect(lambda *_: self.reload_lists())
        self.sort.currentIndexChanged.connect(lambda *_: self.reload_lists())
        self.show_archived.toggled.connect(lambda *_: self.reload_lists())
        self.tabs.currentChanged.connect(self._tab_changed)
        self.add_button.clicked.connect(self.add_new)
        self.import_button.clicked.connect(self.import_contacts)
        self.complete_button.clicked.connect(self._complete_first)
        for kind, view in ((CONTACT, self.contact_list), (COMMUNITY, self.community_list)):
            view.selectionModel().currentChanged.connect(
                lambda current, _previous, kind=kind: self._current_changed(kind, current)
            )
        self.details.directory_changed.connect(self._directory_changed)
        self.details.open_entry_requested.connect(self.open_entry_requested)
        self.details.rows_rebuilt.connect(self._fix_tab_order)

        self._tab_changed(PEOPLE_TAB)
        self.reload_lists()
        self._show_first()

    # --- the page contract (ui/page.py) --------------------------------------------------------

    def flush(self) -> None:
        """Save what is typed in the form now (before switching, locking, quitting)."""
        self.details.flush()

    def has_unsaved_changes(self) -> bool:
        return self.details.has_unsaved_changes()

    def refresh(self) -> None:
        """Read the lists and the one shown again; what is being typed stays."""
        self.reload_lists()
        self.details.refresh()

    # --- opening someone -----------------------------------------------------------------------

    def open_contact(self, contact_id: int) -> None:
        """Show this contact (from Today's reach-outs): their list, even when the search or
        the archived toggle hid them, and their page."""
        contact = self._vault.contacts.get(contact_id)
        if contact is None:
            return
        self.tabs.setCurrentIndex(PEOPLE_TAB)
        if self.contacts.row_of(contact_id) is None:
            self._syncing = True
            try:
                self.search.clear()
                if contact.archived:
                    self.show_archived.setChecked(True)
            finally:
                self._syncing = False
            self.reload_lists()
        self._choose(CONTACT, contact_id)
        self.contact_list.setFocus()

    def open_community(self, community_id: int) -> None:
        community = self._vault.communities.get(community_id)
        if community is None:
            return
        self.tabs.setCurrentIndex(GROUPS_TAB)
        if self.communities.row_of(community_id) is None:
            self.search.clear()
            self.show_archived.setChecked(self.show_archived.isChecked() or community.archived)
            self.reload_lists()
        self._choose(COMMUNITY, community_id)

    def add_new(self) -> None:
        """An empty form for a new person (or group, on the Groups tab)."""
        if not self.details.flush():
            return
        kind = KINDS[self.tabs.currentIndex()]
        self._select_in_list(None, None)
        self.details.show_new(kind)

    # --- lists ---------------------------------------------------------------------------------

    def reload_lists(self) -> None:
        """Read both lists again with the search, sort and archived toggle; the one shown
        stays selected."""
        if self._syncing or not self._vault.is_open:
            return
        text = self.search.text()
        sort = self.sort.currentData()
        archived = self.show_archived.isChecked()
        today = self._clock().date()
        to_complete = self._vault.contacts.to_complete()
        self._to_complete_ids = [c.id for c in to_complete if c.id is not None]
        self.contacts.set_rows(
            self._vault.contacts.overview(text, sort, archived), today, set(self._to_complete_ids)
        )
        self.communities.set_rows(self._vault.communities.overview(text, sort, archived), today)
        self.tabs.setTabText(
            PEOPLE_TAB, fill(self.tr("People (%1)"), str(self.contacts.rowCount()))
        )
        self.tabs.setTabText(
            GROUPS_TAB, fill(self.tr("Groups (%1)"), str(self.communities.rowCount()))
        )
        self._show_to_complete([c.name for c in to_complete])
        self._select_in_list(self.details.kind, self.details.record_id)
        self._update_list_empty()

    def _show_to_complete(self, names: list[str]) -> None:
        shown = names[:MAX_TO_COMPLETE_NAMES]
        if len(names) > len(shown):
            shown.append(fill(self.tr("%1 more"), str(len(names) - len(shown))))
        self.to_complete_label.setText(
            fill(
                self.tr("Added from your journal, to complete when you like: %1."),
                names_text(shown),
            )
        )
        if names:
            self.complete_button.setText(fill(self.tr("Complete %1"), names[0]))
            self.complete_button.setAccessibleName(fill(self.tr("Complete %1's details"), names[0]))
        self.to_complete.setVisible(bool(names) and self.tabs.currentIndex() == PEOPLE_TAB)

    def _update_list_empty(self) -> None:
        model = self.contacts if self.tabs.currentIndex() == PEOPLE_TAB else self.communities
        searching = bool(self.search.text().strip())
        if model.rowCount():
            self.list_empty.hide()
            return
        if searching:
            text = self.tr("No one matches. Try fewer letters, or clear the search.")
        elif self.tabs.currentIndex() == PEOPLE_TAB:
            text = self.tr(
                "No one here yet, and that is normal. Add a sponsor, family, a friend: the "
                "people you can turn to."
            )
        else:
            text = self.tr(
                "No groups yet. Add a meeting you go to, a forum, a sports or hobby group, or "
                "somewhere you volunteer."
            )
        self.list_empty.setText(text)
        self.list_empty.show()

    def _show_first(self) -> None:
        """On opening, show the first person (emergency contacts come first), if any."""
        if self.contacts.rowCount():
            self._choose(CONTACT, self.contacts.id_at(0))
        elif self.communities.rowCount():
            self.tabs.setCurrentIndex(GROUPS_TAB)
            self._choose(COMMUNITY, self.communities.id_at(0))
        else:
            self.details.show_nothing(
                self.tr(
                    "The people and groups who support you live here, each with your history "
                    "together and when you were last in touch. Only you can see it."
                )
            )

    def _tab_changed(self, index: int) -> None:
        self.lists.setCurrentIndex(index)
        people = index == PEOPLE_TAB
        self.add_button.setText(self.tr("Add a person") if people else self.tr("Add a group"))
        self.add_button.setAccessibleName(
            self.tr("Add a person") if people else self.tr("Add a group or community")
        )
        self.sort.setItemText(1, self.tr("Role") if people else self.tr("Kind"))
        self.to_complete.setVisible(people and bool(self._to_complete_ids))
        self._update_list_empty()

    def _view(self, kind: str) -> QListView:
        return self.contact_list if kind == CONTACT else self.community_list

    def _select_in_list(self, kind: str | None, record_id: int | None) -> None:
        """Mark the shown record in its list (and nothing in the other) without reopening."""
        self._syncing = True
        try:
            for each in KINDS:
                view = self._view(each)
                model = self.contacts if each == CONTACT else self.communities
                row = model.row_of(record_id) if each == kind and record_id is not None else None
                mark_row(view, row)
        finally:
            self._syncing = False

    def _current_changed(self, kind: str, current: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        record_id = current.data(IdRole)
        if record_id is not None:
            self._choose(kind, int(record_id))

    def _choose(self, kind: str, record_id: int | None) -> None:
        """Show a record; the form saves first, and when the vault refuses what is typed the
        person stays where they are (the reason is on screen), so nothing is lost."""
        if record_id is None:
            return
        if (kind, record_id) == (self.details.kind, self.details.record_id):
            self._select_in_list(kind, record_id)
            return
        if not self.details.flush():
            self._select_in_list(self.details.kind, self.details.record_id)
            return
        record = (
            self._vault.contacts.get(record_id)
            if kind == CONTACT
            else self._vault.communities.get(record_id)
        )
        if record is None:
            self.reload_lists()
            return
        self.details.show_record(kind, record)
        self._select_in_list(kind, record_id)

    def import_contacts(self) -> None:
        """Contacts from a vCard file, with the same preview as on Export & backup."""
        from recovery_desktop.ui.export.import_dialog import import_contacts

        self.flush()
        dialog = import_contacts(self._vault, self)
        if dialog is not None:
            dialog.imported.connect(self._contacts_imported)
        self.import_dialog = dialog

    def _contacts_imported(self, _result: object) -> None:
        self.tabs.setCurrentIndex(PEOPLE_TAB)
        self.reload_lists()

    def _complete_first(self) -> None:
        if self._to_complete_ids:
            self.open_contact(self._to_complete_ids[0])
            self.details.contact_form.role.setFocus()

    def _directory_changed(self, kind: str, record_id: int | None) -> None:
        self.reload_lists()
        if record_id is not None:
            self._select_in_list(kind, record_id)

    # --- keyboard ------------------------------------------------------------------------------

    def _fix_tab_order(self) -> None:
        """Tab in reading order: the left column top to bottom, then the one shown."""
        chain_tab_order(
            [
                self.add_button,
                self.search,
                self.sort,
                self.tabs,
                self.complete_button,
                self.contact_list,
                self.community_list,
                self.show_archived,
                self.import_button,
                *self.details.focus_order(),
            ]
        )
