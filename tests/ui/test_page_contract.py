# SPDX-License-Identifier: GPL-3.0-or-later
"""The page contract (ui/page.py) and the sidebar's registry (ui/sidebar_pages.py): a new page
is one line, built when first shown with the vault it needs, flushed before another page
shows, refreshed when shown again, and asked before a lock whether the vault refused its text."""

from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from recovery_desktop.storage import Vault
from recovery_desktop.ui import main_window as main_window_module
from recovery_desktop.ui.app_settings import AppSettings
from recovery_desktop.ui.coming_soon import ComingSoonPage
from recovery_desktop.ui.main_window import MainWindow
from recovery_desktop.ui.page import Page
from recovery_desktop.ui.sidebar_pages import (
    COMING_SOON,
    INSIGHTS,
    PEOPLE,
    SIDEBAR_PAGES,
    PageSpec,
)


class PeoplePage(Page):
    """A new page, written as the next pages will be."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("people_page")
        self.setAccessibleName(self.tr("People"))
        self.vault = vault
        self.calls: list[str] = []
        self.refused = False
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("people_notes")
        self.notes.setAccessibleName("Notes")

    def flush(self) -> None:
        self.calls.append("flush")

    def refresh(self) -> None:
        self.calls.append("refresh")

    def has_unsaved_changes(self) -> bool:
        return self.refused


@pytest.fixture
def people_registered(monkeypatch: pytest.MonkeyPatch) -> tuple[PageSpec, ...]:
    """The one-line change a helper makes to register People, with the class in a module of
    its own (here a stand-in module, imported only when the page is first shown)."""
    module = types.ModuleType("recovery_desktop.ui.people_stand_in")
    module.PeoplePage = PeoplePage  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    stand_ins = {
        PEOPLE: PageSpec(PEOPLE, "People", "people_stand_in:PeoplePage"),
        INSIGHTS: PageSpec(INSIGHTS, "Insights"),  # a page not built yet: its placeholder
    }
    monkeypatch.setitem(
        COMING_SOON, INSIGHTS, "Charts of mood, cravings and connection over time, soon."
    )
    specs = tuple(stand_ins.get(s.key, s) for s in SIDEBAR_PAGES)
    monkeypatch.setattr(main_window_module, "SIDEBAR_PAGES", specs)
    return specs


def _window(qtbot, vault: Vault, **kwargs: object) -> MainWindow:
    window = MainWindow(vault, app_settings=AppSettings(), **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_registered_page_follows_the_lifecycle(
    qtbot, themed_app, vault, recording_pages, people_registered
):
    window = _window(qtbot, vault, page_factories=recording_pages)
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == [s.title for s in people_registered]
    assert "people" not in window.pages  # built when first shown, not before

    window.sidebar.setCurrentRow(titles.index("People"))
    people = window.stack.currentWidget()
    assert isinstance(people, PeoplePage) and people.vault is vault
    assert window.pages["today"].calls[-1] == "flush"  # the page left saves first
    assert people.calls == []  # just built: nothing to refresh

    window.sidebar.setCurrentRow(titles.index("Insights"))
    assert people.calls == ["flush"]
    assert isinstance(window.stack.currentWidget(), ComingSoonPage)  # not built yet: kept
    window.sidebar.setCurrentRow(titles.index("People"))
    assert window.stack.currentWidget() is people and people.calls[-1] == "refresh"

    # Before a lock or quit every built page saves; the lock hears which ones the vault refused.
    assert window.flush_pages() == []
    people.refused = True
    assert window.flush_pages() == ["people"]
    assert people.calls[-1] == "flush" and window.pages["today"].calls[-1] == "flush"


def test_every_registered_page_keeps_the_contract(qtbot, themed_app, vault):
    keys = [s.key for s in SIDEBAR_PAGES]
    assert len(set(keys)) == len(keys)
    for spec in SIDEBAR_PAGES:
        factory = spec.factory()
        if spec.page_class is None:
            assert len(COMING_SOON[spec.key]) > 40, spec.key
        else:
            assert isinstance(factory, type) and issubclass(factory, Page), spec.key
        page = factory(vault, None)
        qtbot.addWidget(page)
        assert page.objectName() == f"{spec.key}_page"
        assert page.accessibleName() == spec.title
        page.flush()
        page.refresh()
        assert page.has_unsaved_changes() is False


def test_a_page_that_cannot_be_built_says_so_kindly(qtbot, themed_app, vault, recording_pages):
    def broken(vault: Vault, parent: QWidget) -> QWidget:
        raise RuntimeError("a bug in a new page")

    window = _window(qtbot, vault, page_factories={**recording_pages, "goals": broken})
    page = window.show_page("goals")
    assert isinstance(page, ComingSoonPage) and page.objectName() == "goals_page"
    assert "Your data is safe" in page.findChild(QWidget, "coming_soon_text").text()
    assert window.show_page("journal") is window.pages["journal"]
