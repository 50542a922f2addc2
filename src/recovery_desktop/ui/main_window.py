# SPDX-License-Identifier: GPL-3.0-or-later
"""The main window: only composes pages. A sidebar, the page stack, Help now, Lock, shortcuts.

Each page receives the open `Vault` and is built the first time it is shown (the Journal's
model, the charts' matplotlib, stay unloaded until needed). Every page has `flush()`; Today and
Journal follow the contract in notes/ui_brief.md. Locking and the idle timer live in `lock.py`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.ui.app_settings import AppSettings
from recovery_desktop.ui.coming_soon import ComingSoonPage
from recovery_desktop.ui.search_preparation import SearchPreparation
from recovery_desktop.ui.theme import SPACING, scaled_font

log = logging.getLogger(__name__)

PageFactory = Callable[[Vault, QWidget], QWidget]
TODAY, JOURNAL, PEOPLE, GOALS, INSIGHTS, SAFETY_PLAN, EXPORT = (
    "today",
    "journal",
    "people",
    "goals",
    "insights",
    "safety_plan",
    "export",
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def _today_page(vault: Vault, parent: QWidget) -> QWidget:
    from recovery_desktop.ui.today.page import TodayPage

    return TodayPage(vault, parent)


def _journal_page(vault: Vault, parent: QWidget) -> QWidget:
    from recovery_desktop.ui.journal.page import JournalPage

    return JournalPage(vault, parent)


def _coming_soon(title: str, text: str) -> PageFactory:
    return lambda vault, parent: ComingSoonPage(_tr(title), _tr(text), parent)


@dataclass(frozen=True, slots=True)
class PageSpec:
    key: str
    title: str
    factory: PageFactory


def default_pages() -> list[PageSpec]:
    return [
        PageSpec(TODAY, _tr("Today"), _today_page),
        PageSpec(JOURNAL, _tr("Journal"), _journal_page),
        PageSpec(
            PEOPLE,
            _tr("People"),
            _coming_soon(
                "People",
                "The people and groups who support you, each with your history of connection and "
                "when you were last in touch. Emergency contacts stay pinned at the top.",
            ),
        ),
        PageSpec(
            GOALS,
            _tr("Goals"),
            _coming_soon(
                "Goals",
                "Your goals and the promises that build them, marked kept or missed, so you can see "
                "trust grow back over time.",
            ),
        ),
        PageSpec(
            INSIGHTS,
            _tr("Insights"),
            _coming_soon(
                "Insights",
                "Charts of mood, cravings and connection over time, and what seems to go together "
                "with your better days.",
            ),
        ),
        PageSpec(
            SAFETY_PLAN,
            _tr("Safety plan"),
            _coming_soon(
                "Safety plan",
                "Your own plan for a hard moment, step by step and in your words: warning signs, "
                "what helps, who to call. Until then, Help now always shows the crisis lines.",
            ),
        ),
        PageSpec(
            EXPORT,
            _tr("Export & backup"),
            _coming_soon(
                "Export & backup",
                "A summary you choose to share with a counselor, backups of your vault, and imports "
                "from other journaling apps.",
            ),
        ),
    ]


def _friendly_path(folder: Path) -> str:
    home = str(Path.home())
    text = str(folder)
    return "~" + text[len(home) :] if text.startswith(home + "/") else text


class MainWindow(QMainWindow):
    """Signals: `lock_requested` (Ctrl+L, Lock button), `settings_changed`, `closed` (by the
    person; pages are flushed first). `page_factories` replaces the builders of some pages."""

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
        self.setWindowTitle(title or self.tr("Recovery Desktop"))
        self.vault = vault
        self._app_settings = app_settings
        self._kdf_cost = kdf_cost
        self._discarded = False
        self._specs = default_pages()
        overrides = dict(page_factories or {})
        self._specs = [
            PageSpec(s.key, s.title, overrides.get(s.key, s.factory)) for s in self._specs
        ]
        self.pages: dict[str, QWidget] = {}
        self._shown_once: set[str] = set()

        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Pages"))
        row_height = int(self.fontMetrics().height() * 2.2)
        for spec in self._specs:
            item = QListWidgetItem(spec.title, self.sidebar)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(0, row_height))
        self.sidebar.setSpacing(1)
        self.sidebar.currentRowChanged.connect(self._row_changed)
        self.help_button = QPushButton(self.tr("Help now"), self)
        self.help_button.setObjectName("help_now_button")
        self.help_button.setAccessibleName(self.tr("Help now"))
        self.help_button.setToolTip(self.tr("Crisis lines and the people you can call, right now"))
        self.help_button.clicked.connect(self.show_help_now)

        sidebar_panel = QWidget(self)
        sidebar_panel.setObjectName("sidebar_panel")
        side = QVBoxLayout(sidebar_panel)
        side.setContentsMargins(SPACING // 2, SPACING, SPACING // 2, SPACING)
        title = QLabel(self.tr("Recovery Desktop"), sidebar_panel)
        title.setObjectName("sidebar_title")
        title.setFont(scaled_font(self.font(), 1.1, bold=True))
        side.addWidget(title)
        side.addWidget(self.sidebar, 1)
        side.addWidget(self.help_button)
        width = self.fontMetrics().averageCharWidth() * 30
        sidebar_panel.setFixedWidth(width)

        self.stack = QStackedWidget(self)
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(sidebar_panel)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        self._build_shortcuts()
        self.setTabOrder(self.sidebar, self.help_button)

        self._restore_geometry()
        # After an upgrade the search index fills on a worker, once Today is on screen.
        self.search_preparation = SearchPreparation(vault, self)
        self.show_page(TODAY)
        self.search_preparation.start_soon()

    # --- chrome --------------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        self.vault_label = QLabel(
            self.tr("Vault: {path}").format(path=_friendly_path(self.vault.folder)), self
        )
        self.vault_label.setObjectName("vault_label")
        self.vault_label.setToolTip(str(self.vault.folder))
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

    def _build_shortcuts(self) -> None:
        self.shortcuts: dict[str, QShortcut] = {}
        for name, keys, slot in (
            ("new_entry", "Ctrl+N", self.new_entry),
            ("find", "Ctrl+F", self.find),
            ("save", "Ctrl+S", self.save_now),
            ("lock", "Ctrl+L", self.lock_requested.emit),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts[name] = shortcut

    # --- pages ---------------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page for `key`, built on first use."""
        if key not in self.pages:
            spec = next(s for s in self._specs if s.key == key)
            try:
                widget = spec.factory(self.vault, self.stack)
            except Exception:  # a broken page must not take the journal down with it
                log.exception("The %s page could not be built", key)
                widget = ComingSoonPage(
                    spec.title,
                    self.tr(
                        "This page couldn't open just now. Your data is safe; please try "
                        "again after restarting the app."
                    ),
                    self.stack,
                )
            self._connect_page(key, widget)
            self.pages[key] = widget
            self.stack.addWidget(widget)
        return self.pages[key]

    def _connect_page(self, key: str, widget: QWidget) -> None:
        if key == JOURNAL and hasattr(widget, "show_search_preparation"):
            widget.show_search_preparation(self.search_preparation)
        if key == TODAY:
            if hasattr(widget, "open_entry_requested"):
                widget.open_entry_requested.connect(self.open_entry)
            if hasattr(widget, "new_entry_requested"):
                widget.new_entry_requested.connect(self.new_entry)

    @property
    def current_key(self) -> str:
        return self._specs[self.sidebar.currentRow()].key

    def show_page(self, key: str) -> QWidget:
        widget = self.page(key)
        again = key in self._shown_once
        leaving = self.stack.currentWidget()
        if leaving is not widget and hasattr(leaving, "flush"):
            # Save what the page we leave holds, so the page we open (refreshed below) reads
            # it: Today's check-in and the Journal can show the same entry.
            leaving.flush()
        self.stack.setCurrentWidget(widget)
        row = next(i for i, s in enumerate(self._specs) if s.key == key)
        if self.sidebar.currentRow() != row:
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(row)
            self.sidebar.blockSignals(False)
        self._shown_once.add(key)
        if again and hasattr(widget, "refresh"):
            widget.refresh()
        return widget

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self._specs):
            self.show_page(self._specs[row].key)

    # --- actions -------------------------------------------------------------------------------

    def new_entry(self) -> None:
        self.show_page(JOURNAL).new_entry()  # type: ignore[attr-defined]

    def find(self) -> None:
        self.show_page(JOURNAL).focus_search()  # type: ignore[attr-defined]

    def open_entry(self, entry_id: int) -> None:
        self.show_page(JOURNAL).open_entry(entry_id)  # type: ignore[attr-defined]

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

    def show_help_now(self) -> None:
        from recovery_desktop.ui.help_now import HelpNowDialog

        dialog = HelpNowDialog.for_vault(self.vault, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def show_settings(self) -> None:
        from recovery_desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.vault, self, kdf_cost=self._kdf_cost)
        dialog.accepted.connect(self.settings_changed)
        dialog.accepted.connect(self._refresh_current)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _refresh_current(self) -> None:
        current = self.stack.currentWidget()
        if hasattr(current, "refresh"):
            current.refresh()

    # --- saving and closing --------------------------------------------------------------------

    def flush_pages(self) -> list[str]:
        """Ask every built page to save what is unsaved (drafts) now; return the keys of the
        pages that still hold something the vault did not take (a full disk, an entry too
        long), so the caller can avoid throwing it away."""
        for widget in self.pages.values():
            if hasattr(widget, "flush"):
                widget.flush()
        return [
            key
            for key, widget in self.pages.items()
            if hasattr(widget, "has_unsaved_changes") and widget.has_unsaved_changes()
        ]

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
        self.pages.clear()
        self.deleteLater()

    def _restore_geometry(self) -> None:
        geometry = self._app_settings.geometry("main") if self._app_settings else None
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            # First run: roomy enough for Today's two columns, never larger than the screen.
            char = self.fontMetrics().averageCharWidth()
            available = self.screen().availableGeometry()
            self.resize(
                min(max(char * 220, 1280), int(available.width() * 0.92)),
                min(max(char * 130, 760), int(available.height() * 0.9)),
            )

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
