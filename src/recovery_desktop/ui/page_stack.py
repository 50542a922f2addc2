# SPDX-License-Identifier: GPL-3.0-or-later
"""The pages' lifecycle: built when first shown, flushed before another page shows, refreshed
when shown again, flushed all together before locking or quitting.

It runs the contract of `ui/page.py` for the pages registered in `ui/sidebar_pages.py`. A page
is any QWidget its factory returns: a method the page lacks counts as "nothing to do", so a
small stand-in page (tests) or the "coming soon" placeholder fits without ceremony.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from recovery_desktop.ui.coming_soon import ComingSoonPage
from recovery_desktop.ui.sidebar_pages import PageSpec

if TYPE_CHECKING:
    from recovery_desktop.storage import Vault
    from recovery_desktop.ui.page import PageFactory

log = logging.getLogger(__name__)


class PageStack(QStackedWidget):
    """The main window's pages, one shown at a time. Emits `page_built(key, page)` once per
    page, right after it is made, so the window can connect it.

    `factories` replaces the factories of some pages by key (tests use small stand-ins).
    """

    page_built = Signal(str, QWidget)

    def __init__(
        self,
        vault: Vault,
        specs: Iterable[PageSpec],
        factories: Mapping[str, PageFactory] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page_stack")
        self._vault = vault
        self.specs: tuple[PageSpec, ...] = tuple(specs)
        self._factories = dict(factories or {})
        self.pages: dict[str, QWidget] = {}  # built pages, in the order they were built
        self._shown_once: set[str] = set()

    def spec(self, key: str) -> PageSpec:
        return next(s for s in self.specs if s.key == key)

    @property
    def current_key(self) -> str | None:
        current = self.currentWidget()
        return next((k for k, w in self.pages.items() if w is current), None)

    def page(self, key: str) -> QWidget:
        """The page for `key`, built on first use."""
        if key not in self.pages:
            widget = self._build(self.spec(key))
            self.pages[key] = widget
            self.addWidget(widget)
            self.page_built.emit(key, widget)
        return self.pages[key]

    def _build(self, spec: PageSpec) -> QWidget:
        try:
            factory = self._factories.get(spec.key) or spec.factory()
            return factory(self._vault, self)
        except Exception:  # a broken page must not take the journal down with it
            log.exception("The %s page could not be built", spec.key)
            return ComingSoonPage(
                spec.translated_title(),
                self.tr(
                    "This page couldn't open just now. Your data is safe; please try "
                    "again after restarting the app."
                ),
                self,
                key=spec.key,
            )

    def show_page(self, key: str) -> QWidget:
        """Show the page for `key`: save what the page we leave holds first, so the page we
        open (refreshed if it was shown before) reads it; Today's check-in and the Journal
        can show the same entry."""
        widget = self.page(key)
        leaving = self.currentWidget()
        if leaving is not None and leaving is not widget:
            _flush(leaving)
        again = key in self._shown_once
        self.setCurrentWidget(widget)
        self._shown_once.add(key)
        if again:
            _refresh(widget)
        return widget

    def refresh_current(self) -> None:
        current = self.currentWidget()
        if current is not None:
            _refresh(current)

    def flush_all(self) -> list[str]:
        """Ask every built page to save what is unsaved now; return the keys of the pages that
        still hold something the vault did not take (a full disk, an entry too long), so the
        caller can avoid throwing it away."""
        for widget in self.pages.values():
            _flush(widget)
        return [key for key, widget in self.pages.items() if _holds_unsaved(widget)]

    def forget_pages(self) -> None:
        """For locking: drop every page (their models go with them)."""
        self.pages.clear()
        self._shown_once.clear()


def _flush(page: QWidget) -> None:
    flush = getattr(page, "flush", None)
    if callable(flush):
        flush()


def _refresh(page: QWidget) -> None:
    refresh = getattr(page, "refresh", None)
    if callable(refresh):
        refresh()


def _holds_unsaved(page: QWidget) -> bool:
    check = getattr(page, "has_unsaved_changes", None)
    return bool(callable(check) and check())
