# SPDX-License-Identifier: GPL-3.0-or-later
"""The pages of the sidebar, in the order the person sees them. Register a page here.

A page that exists names its class as "module:Class" under `recovery_desktop.ui`, imported the
first time the page is shown (start-up loads no page). A page without a class yet shows a kind
"coming soon" placeholder with its text from `COMING_SOON`. So building the People page is one
line: `PageSpec(PEOPLE, "People")` becomes `PageSpec(PEOPLE, "People", "people.page:PeoplePage")`
(then drop its `COMING_SOON` text). The class follows the contract in `ui/page.py`. Titles and
texts are marked with `SidebarWords.QT_TR_NOOP(...)`, so that translators find them.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from recovery_desktop.ui.words import QtWords

if TYPE_CHECKING:
    from recovery_desktop.storage import Vault
    from recovery_desktop.ui.page import PageFactory

TODAY, JOURNAL, PEOPLE, GOALS, INSIGHTS, SAFETY_PLAN, EXPORT = (
    "today",
    "journal",
    "people",
    "goals",
    "insights",
    "safety_plan",
    "export",
)


@dataclass(frozen=True, slots=True)
class PageSpec:
    """A sidebar page: `key` (also its object name, `<key>_page`), `title` in English
    (marked with `SidebarWords.QT_TR_NOOP`, translated when shown) and `page_class`, "module:Class" under
    `recovery_desktop.ui`, or None for a "coming soon" page."""

    key: str
    title: str
    page_class: str | None = None

    def translated_title(self) -> str:
        return SidebarWords.tr(self.title)

    def factory(self) -> PageFactory:
        """What builds the page: its class, imported now; or the "coming soon" placeholder."""
        if self.page_class is None:
            return self._coming_soon
        module, _, name = self.page_class.partition(":")
        return getattr(importlib.import_module(f"recovery_desktop.ui.{module}"), name)

    def _coming_soon(self, _vault: Vault, parent: QWidget) -> QWidget:
        from recovery_desktop.ui.coming_soon import ComingSoonPage

        text = COMING_SOON.get(self.key, "")
        return ComingSoonPage(self.translated_title(), SidebarWords.tr(text), parent, key=self.key)


class SidebarWords(QtWords):
    """The sidebar's page titles and "coming soon" texts."""


SIDEBAR_PAGES: tuple[PageSpec, ...] = (
    PageSpec(TODAY, SidebarWords.QT_TR_NOOP("Today"), "today.page:TodayPage"),
    PageSpec(JOURNAL, SidebarWords.QT_TR_NOOP("Journal"), "journal.page:JournalPage"),
    PageSpec(PEOPLE, SidebarWords.QT_TR_NOOP("People"), "people.page:PeoplePage"),
    PageSpec(GOALS, SidebarWords.QT_TR_NOOP("Goals"), "goals.page:GoalsPage"),
    PageSpec(INSIGHTS, SidebarWords.QT_TR_NOOP("Insights"), "insights.page:InsightsPage"),
    PageSpec(SAFETY_PLAN, SidebarWords.QT_TR_NOOP("Safety plan"), "safety.page:SafetyPlanPage"),
    PageSpec(EXPORT, SidebarWords.QT_TR_NOOP("Export & backup"), "export.page:ExportPage"),
)

# What a page without a class yet will hold, said kindly on its placeholder.
COMING_SOON: dict[str, str] = {}  # every page is built; a new one may start here
