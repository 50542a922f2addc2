# SPDX-License-Identifier: GPL-3.0-or-later
"""The page contract: what every page of the main window's sidebar does, and the base class.

Today and the Journal follow it; People, Goals, Safety plan, Insights and Export & backup are
built on it. Register a page with one line in `ui/sidebar_pages.py`; `ui/page_stack.py` runs
the lifecycle below and `ui/main_window.py` only composes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLayout, QWidget

if TYPE_CHECKING:
    from recovery_desktop.storage import Vault

PageFactory = Callable[["Vault", QWidget], QWidget]
"""Builds a page: `factory(vault, parent)`. A page class with that constructor is one."""


class Page(QWidget):
    """One screen of the main window. Subclass it; the contract, in the order a page meets it:

    **Built lazily, from what it is given.** `PageClass(vault, parent)` runs the first time the
    person opens the page (never at unlock, except Today), so a page's imports, models and
    charts cost nothing until then; keep heavy imports (matplotlib, `exchange`) inside the
    page's package or behind first use. The page receives the open `Vault` and takes the
    repositories it needs from it (`vault.entries`, `vault.contacts`...), passing those, not
    the vault, to its parts where it can; it never reaches for a global. It holds no SQL;
    quick reads and writes (about a millisecond) stay on the GUI thread, anything longer runs
    through `ui.workers.run_in_background`, with progress. A page that raises while being built
    is replaced by a kind "couldn't open" placeholder; the rest of the app keeps working.

    **`flush()` saves what is typed, now.** Called before switching to another page, before
    locking (Ctrl+L, the idle timer) and before quitting (closing the window, logout,
    SIGTERM), always while the vault is still open. It must be quick, ask nothing and show no
    dialog, and be harmless when nothing changed. Nothing typed is ever thrown away by it.

    **`has_unsaved_changes()` tells the lock what the vault refused.** After `flush()`, True
    means the page still holds writing the vault did not take (a full disk, an entry too
    long); the text stays on screen with the reason in plain words. Then the idle lock waits
    and Ctrl+L or closing asks first, with "keep it" as the default. A page with nothing to
    type returns False (the default here).

    **`refresh()` on show.** Called when the page is shown again (not right after it was
    built) and after Settings were saved while it is in view: re-read the vault, since another
    page, the command line or a new day may have changed it. Never replace what the person is
    editing: reload an item only when it holds no unsaved change, and then keep the cursor,
    the selection and the scroll position where they were.

    **Signals it may have.** `open_entry_requested(int)` and `new_entry_requested()` ask the
    main window to open the Journal on an entry or a new one; `open_person_requested(int)`
    to show People with that contact selected (`PeoplePage.open_contact`). The window
    connects them when present.

    **Names.** The page's object name is `<key>_page` (its key in `sidebar_pages.py`) and its
    accessible name its title. Every control a person can reach has an object name (tests find
    it) and an accessible name (screen readers say it); a test fails on a focusable control
    without one.

    **Keyboard.** Tab moves in reading order, page content first (top to bottom, left column
    first), reaches every control and leaves each one, including lists and filters; chain it
    with `chain_tab_order` below, and again when rows are rebuilt (take old rows out of the
    tree at once: a row waiting for `deleteLater` is still a Tab stop). A scroll area is not a
    stop of its own. Focused controls show the theme's focus ring, selected segmented buttons
    included; a control that paints itself draws `current_scheme().focus`. F1 (Help now),
    Ctrl+Q and Enter on a focused button work everywhere (`ui/app_keys.py`). The page's test
    walks it with `tests/ui/tab_walk.py`.

    **Words.** Every visible string goes through `self.tr()`: plain, warm, never shaming; the
    same words as the other pages (mood, craving), dates in the locale's format (`QLocale`).

    **Sizes.** Works from 960x600 to 2560x1440: no label or button is cut when narrow
    (wrap, stack columns, move a row under the title), and reading and writing keep a
    comfortable line length when wide (centre the content, as Today does). Text scales with
    the system font: size from font metrics, not pixels.

    **Light and dark.** Colours come from the theme (`ui/theme.py`): the palette, and the
    properties `role` ("muted", "error", "banner", "card") and `primary` that its style sheet
    knows; nothing hard-coded. Grab the page in both (`widget.grab().save(png)`) and look.
    """

    def flush(self) -> None:
        """Save what is typed and not saved yet (before switching, locking, quitting)."""

    def has_unsaved_changes(self) -> bool:
        """True when, after `flush()`, the page holds writing the vault did not take."""
        return False

    def refresh(self) -> None:
        """Re-read the vault (the page is shown again), keeping anything being edited."""


def focusable_in(layout: QLayout, *, tab_only: bool = False) -> list[QWidget]:
    """The widgets of `layout` that can take the focus, depth first, in the order they are
    laid out (hidden ones included: Tab skips those). `tab_only` keeps only those Tab reaches
    (not click-only ones). Pages and cards chain the result with `chain_tab_order`."""
    found: list[QWidget] = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        widget = item.widget()
        if widget is not None:
            policy = widget.focusPolicy()
            if (policy & Qt.FocusPolicy.TabFocus) if tab_only else policy != Qt.FocusPolicy.NoFocus:
                found.append(widget)
            if widget.layout() is not None:
                found.extend(focusable_in(widget.layout(), tab_only=tab_only))
        elif item.layout() is not None:
            found.extend(focusable_in(item.layout(), tab_only=tab_only))
    return found


def chain_tab_order(widgets: list[QWidget]) -> None:
    """Make Tab visit `widgets` in this order (reading order, page content first)."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)
