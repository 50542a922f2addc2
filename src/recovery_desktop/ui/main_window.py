# SPDX-License-Identifier: GPL-3.0-or-later
"""The main window: only composes. The sidebar, the pages, the status bar with Settings and
Lock, the shortcuts, and saving before it closes.

The pages, and how to add one, are in `sidebar_pages.py`; what a page does (its contract) in
`page.py`; their lifecycle (built when first shown, `flush()` before another page shows or the
app locks or quits, `refresh()` when shown again) in `page_stack.py`; the sidebar in
`sidebar.py`, the shortcuts in `shortcuts.py`. Locking and the idle timer live in `lock.py`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QWidget,
)

from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.ui.app_settings import AppSettings
from recovery_desktop.ui.page import PageFactory, chain_tab_order
from recovery_desktop.ui.page_stack import PageStack
from recovery_desktop.ui.search_preparation import SearchPreparation
from recovery_desktop.ui.shortcuts import install_shortcuts
from recovery_desktop.ui.sidebar import Sidebar
from recovery_desktop.ui.sidebar_pages import JOURNAL, PEOPLE, SAFETY_PLAN, SIDEBAR_PAGES, TODAY
from recovery_desktop.ui.theme import SPACING
from recovery_desktop.ui.widgets.elided_label import ElidedLabel
from recovery_desktop.ui.window_geometry import MINIMUM_SIZE, first_run_size, geometry_fits

__all__ = ["MainWindow", "PageFactory"]

log = logging.getLogger(__name__)


def _friendly_path(folder: Path) -> str:
    home = str(Path.home())
    text = str(folder)
    return "~" + text[len(home) :] if text.startswith(home + "/") else text


class MainWindow(QMainWindow):
    """Signals: `lock_requested` (Ctrl+L, Lock button), `settings_changed`, `closed` (by the
    person; pages are flushed first). `page_factories` replaces the builders of some pages, by
    key (tests use small stand-ins)."""

    lock_requested = Signal()
    settings_changed = Signal()
    closed = Signal()

    def __init__(
        self,
        vault: Vault,
        *,
        app_settings: AppSettings | None = None,
        kdf_cost: KdfCost | None = None,
        title: str | None = None,
        page_factories: Mapping[str, PageFactory] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setMinimumSize(*MINIMUM_SIZE)  # the pages fit from here up (DESIGN §5)
        self.setWindowTitle(title or self.tr("Recovery Desktop"))
        self.vault = vault
        self._app_settings = app_settings
        self._kdf_cost = kdf_cost
        self._discarded = False

        self.sidebar_panel = Sidebar(SIDEBAR_PAGES, self)
        self.sidebar = self.sidebar_panel.page_list
        self.help_button = self.sidebar_panel.help_button
        self.stack = PageStack(vault, SIDEBAR_PAGES, page_factories, self)
        self.pages = self.stack.pages
        # After an upgrade the search index fills on a worker, once Today is on screen.
        self.search_preparation = SearchPreparation(vault, self)
        self.stack.page_built.connect(self._connect_page)
        self.sidebar_panel.page_chosen.connect(self.show_page)
        self.sidebar_panel.help_now_requested.connect(self.show_help_now)

        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar_panel)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        self.shortcuts = install_shortcuts(
            self,
            {
                "new_entry": self.new_entry,
                "find": self.find,
                "save": self.save_now,
                "lock": self.lock_requested.emit,
            },
        )

        # Tab: the page's content first (it is built later, so it follows Lock in the circle),
        # then the sidebar, Help now, Settings and Lock, and round to the page.
        chain_tab_order([self.sidebar, self.help_button, self.settings_button, self.lock_button])
        self._focus_placed = False

        self._restore_geometry()
        self.show_page(TODAY)
        self.search_preparation.start_soon()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._focus_placed:
            # The keyboard starts in the page, not in the sidebar: where Tab from Lock goes,
            # as Qt itself finds it (walking nextInFocusChain() from Python would tie the
            # window to its widgets in a reference cycle).
            self._focus_placed = True
            self.lock_button.setFocus(Qt.FocusReason.OtherFocusReason)
            self.focusNextPrevChild(True)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        self.vault_label = ElidedLabel(
            self.tr("Vault: {path}").format(path=_friendly_path(self.vault.folder)), self
        )
        self.vault_label.setObjectName("vault_label")
        self.vault_label.setToolTip(str(self.vault.folder))  # the whole path, however long
        self.vault_label.setProperty("role", "muted")
        self.vault_label.setContentsMargins(SPACING // 2, 0, 0, 0)
        self.settings_button = QPushButton(self.tr("Settings"), self)
        self.settings_button.setObjectName("settings_button")
        self.settings_button.setAccessibleName(self.tr("Settings"))
        self.settings_button.clicked.connect(self.show_settings)
        self.lock_button = QPushButton(self.tr("Lock"), self)
        self.lock_button.setObjectName("lock_button")
        self.lock_button.setAccessibleName(self.tr("Lock the journal"))
        self.lock_button.setToolTip(self.tr("Lock now (Ctrl+L)"))
        self.lock_button.clicked.connect(self.lock_requested)
        bar.addWidget(self.vault_label, 1)
        bar.addPermanentWidget(self.settings_button)
        bar.addPermanentWidget(self.lock_button)

    # --- pages ---------------------------------------------------------------------------------

    def _connect_page(self, key: str, page: QWidget) -> None:
        """Wire what a page may offer (see the contract in `page.py`) to the window."""
        if hasattr(page, "open_entry_requested"):
            page.open_entry_requested.connect(self.open_entry)
        if hasattr(page, "new_entry_requested"):
            page.new_entry_requested.connect(self.new_entry)
        if hasattr(page, "open_person_requested"):
            page.open_person_requested.connect(self.open_person)
        if key == JOURNAL and hasattr(page, "show_search_preparation"):
            page.show_search_preparation(self.search_preparation)

    @property
    def current_key(self) -> str | None:
        return self.stack.current_key

    def page(self, key: str) -> QWidget:
        """The page for `key`, built on first use."""
        return self.stack.page(key)

    def show_page(self, key: str) -> QWidget:
        """Show the page for `key` (the page left behind saves first) and mark it in the
        sidebar."""
        widget = self.stack.show_page(key)
        self.sidebar_panel.select(key)
        return widget

    # --- actions -------------------------------------------------------------------------------

    def new_entry(self) -> None:
        self.show_page(JOURNAL).new_entry()  # type: ignore[attr-defined]

    def find(self) -> None:
        self.show_page(JOURNAL).focus_search()  # type: ignore[attr-defined]

    def open_entry(self, entry_id: int) -> None:
        self.show_page(JOURNAL).open_entry(entry_id)  # type: ignore[attr-defined]

    def open_person(self, contact_id: int) -> None:
        """Show People with this contact selected (a name on Today links there)."""
        people = self.show_page(PEOPLE)
        if hasattr(people, "open_contact"):  # not the "couldn't open" placeholder
            people.open_contact(contact_id)

    def save_now(self) -> None:
        """Ctrl+S: save what is on screen. The journal's open draft is only finished (no longer
        a draft) when the journal is the page in view; elsewhere it is saved as it is."""
        journal = self.pages.get(JOURNAL)
        current = self.stack.currentWidget()
        if journal is not None and current is journal and hasattr(journal, "save_now"):
            journal.save_now()
            return
        for page in (current, journal):
            if page is not None and hasattr(page, "flush"):
                page.flush()

    def show_help_now(self, over: QWidget | None = None) -> None:
        """Help now with the person's plan and contacts, over `over` (a dialog over this
        window, when F1 is pressed there) or this window."""
        from recovery_desktop.ui.help_now import HelpNowDialog

        parent = over if isinstance(over, QWidget) else self
        current = self.stack.currentWidget()
        try:  # a number just typed into the plan shows up in Help now
            if hasattr(current, "flush"):
                current.flush()
        except Exception:  # Help now opens whatever a page does
            log.exception("A page could not save before Help now")
        try:
            dialog = HelpNowDialog.for_vault(self.vault, parent, self._app_settings)
        except Exception:  # never a blank screen in a crisis: at least the crisis lines
            log.exception("Help now could not read the safety plan")
            dialog = HelpNowDialog.crisis_lines_only(parent, self._app_settings)
        dialog.open_safety_plan_requested.connect(self.show_safety_plan)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def show_safety_plan(self) -> None:
        """From Help now: the Safety plan page, to write or read the plan."""
        self.show_page(SAFETY_PLAN)

    def show_settings(self) -> None:
        from recovery_desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.vault, self, kdf_cost=self._kdf_cost)
        dialog.accepted.connect(self.settings_changed)
        dialog.accepted.connect(self.stack.refresh_current)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # --- saving and closing --------------------------------------------------------------------

    def flush_pages(self) -> list[str]:
        """Ask every built page to save what is unsaved (drafts) now; return the keys of the
        pages that still hold something the vault did not take (a full disk, an entry too
        long), so the caller can avoid throwing it away."""
        return self.stack.flush_all()

    def confirm_losing_unsaved(self, action: str) -> bool:
        """Ask before `action` (Lock, Close) throws away writing the vault did not take (full
        disk, an entry too long). The default answer keeps it: stay as we are."""
        answer = QMessageBox.question(
            self,
            self.tr("Something is not saved"),
            self.tr(
                "Something you wrote could not be saved; the page says why. If you continue, "
                "it will be lost.\n\n{action} anyway and discard it? Choose Cancel to stay "
                "and copy or shorten it first."
            ).format(action=action),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def discard(self) -> None:
        """For locking: close and delete the window and every page (their models go with them).
        The caller has already flushed the pages and closes the vault."""
        self._discarded = True
        self.search_preparation.cancel()
        self._save_geometry()
        self.close()
        self.stack.forget_pages()
        self.deleteLater()

    def _restore_geometry(self) -> None:
        """The size and place the window had, when they still fit the screen and the minimum
        (a screen may have changed since, or an older version saved less); else a roomy
        first-run size."""
        geometry = self._app_settings.geometry("main") if self._app_settings else None
        if geometry is not None and geometry_fits(geometry, self.minimumSize()):
            self.restoreGeometry(geometry)
        else:
            self.resize(first_run_size(self))

    def _save_geometry(self) -> None:
        if self._app_settings is not None:
            self._app_settings.set_geometry("main", self.saveGeometry())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._discarded:
            event.accept()
            return
        try:
            unsaved = self.flush_pages()
        except Exception:  # a bug in a page: close as before, its autosave ran already
            log.exception("A page could not save before closing")
            unsaved = []
        if unsaved and not self.confirm_losing_unsaved(self.tr("Close")):
            event.ignore()
            return
        self._save_geometry()
        self._discarded = True
        self.search_preparation.cancel()
        event.accept()
        self.closed.emit()
