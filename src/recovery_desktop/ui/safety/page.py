# SPDX-License-Identifier: GPL-3.0-or-later
"""The Safety plan page: the seven sections of the plan, one card each, in the order a person
works through them in a hard moment, with the crisis lines under "Professionals and crisis
lines". A page of the sidebar: it follows the contract in `ui/page.py`.

Every line is saved as it is left (and by `flush()` before a page switch, a lock or quitting);
what the vault refuses stays on screen with the reason. Removals can be undone from the bar at
the bottom until the person leaves the page. Help now reads what is written here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from recovery_desktop.core.models import PlanSection
from recovery_desktop.storage import Vault
from recovery_desktop.ui.app_settings import AppSettings
from recovery_desktop.ui.page import Page, chain_tab_order
from recovery_desktop.ui.safety.country import ensure_country
from recovery_desktop.ui.safety.crisis_lines import CrisisLinesEditor
from recovery_desktop.ui.safety.section import SectionEditor, failure_message
from recovery_desktop.ui.safety.undo import UndoBar
from recovery_desktop.ui.safety.wording import SafetyWords
from recovery_desktop.ui.theme import SPACING, make_heading
from recovery_desktop.ui.widgets.dates import long_date

COLUMN_CHARS = 125  # a comfortable line length for one column of sections
# Steps 1-4 (signs, coping, distraction, people) on the left, 5-7 on the right, when wide.
RIGHT_COLUMN_FROM = PlanSection.PROFESSIONALS


class SafetyPlanPage(Page):
    """`sections` maps each `PlanSection` to its editor; `crisis_lines` edits the lines.
    `app_settings` keeps the picked country for the unlock screen (default: the app's)."""

    def __init__(
        self,
        vault: Vault,
        parent: QWidget | None = None,
        *,
        app_settings: AppSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("safety_plan_page")
        self.setAccessibleName(SafetyWords.tr("Safety plan"))
        self._vault = vault
        self._settings = app_settings or AppSettings()
        ensure_country(vault, self._settings)

        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("safety_plan_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the lines; it follows
        content = QWidget()
        content.setObjectName("safety_plan_content")
        self.scroll.setWidget(content)
        self._content_layout = QVBoxLayout(content)
        margin = SPACING * 2
        self._content_layout.setContentsMargins(margin, margin, margin, margin)
        self._content_layout.setSpacing(SPACING + 4)

        title = QLabel(SafetyWords.tr("Safety plan"), content)
        title.setObjectName("safety_plan_title")
        make_heading(title, 1.7)
        intro = QLabel(
            SafetyWords.tr(
                "A plan for a hard moment, in your own words, written while you feel steady. "
                "When things get hard, start at the top: if one step doesn't help, go on to "
                "the next. The people and lines here show up in Help now."
            ),
            content,
        )
        intro.setObjectName("safety_plan_intro")
        intro.setWordWrap(True)
        self.changed_label = QLabel(content)
        self.changed_label.setObjectName("safety_plan_changed")
        self.changed_label.setProperty("role", "muted")
        self.changed_label.setWordWrap(True)
        readable = self.fontMetrics().averageCharWidth() * COLUMN_CHARS
        intro.setMaximumWidth(readable)
        self.changed_label.setMaximumWidth(readable)
        header = QVBoxLayout()
        header.setSpacing(SPACING // 2)
        header.addWidget(title)
        header.addWidget(intro)
        header.addWidget(self.changed_label)
        self._content_layout.addLayout(header)

        self.crisis_lines = CrisisLinesEditor(vault.crisis_lines, self._settings, content)
        self.sections: dict[PlanSection, SectionEditor] = {}
        for number, section in enumerate(PlanSection, start=1):
            extra = self.crisis_lines if section == PlanSection.PROFESSIONALS else None
            editor = SectionEditor(
                section, number, vault.safety_plan, vault.contacts, content, extra=extra
            )
            self.sections[section] = editor
        peers = list(self.sections.values())
        for editor in peers:
            editor.name_peers = peers  # one column of linked names for the whole page
        self._left = QVBoxLayout()
        self._right = QVBoxLayout()
        columns = QHBoxLayout()
        columns.setSpacing(SPACING * 2)
        for column in (self._left, self._right):
            column.setSpacing(SPACING + 4)
            columns.addLayout(column, 1)
        self._columns = columns
        self._two_columns: bool | None = None
        self._content_layout.addLayout(columns)
        self._content_layout.addStretch(1)
        self._arrange(two=False)

        self.undo_bar = UndoBar(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.scroll, 1)
        outer.addWidget(self.undo_bar)

        for part in self._parts():
            part.rows_rebuilt.connect(self._fix_tab_order)
            part.removed.connect(self._removed)
            part.saved.connect(self._update_changed)
            part.set_scroll_to(self.ensure_visible)
        self._load()

    # --- the page contract (ui/page.py) --------------------------------------------------------

    def flush(self) -> None:
        """Save every line typed and not saved yet. Quick; asks nothing."""
        for part in self._parts():
            part.flush()

    def has_unsaved_changes(self) -> bool:
        return any(part.has_unsaved_changes() for part in self._parts())

    def refresh(self) -> None:
        """Read the plan again (the command line or another page may have changed a contact),
        keeping the scroll position; lines the vault refused stay as typed."""
        self.flush()
        if self.has_unsaved_changes():
            return  # keep what the vault refused on screen, with its reason
        self.undo_bar.clear()
        position = self.scroll.verticalScrollBar().value()
        self._load()
        self.scroll.verticalScrollBar().setValue(position)

    # --- pieces --------------------------------------------------------------------------------

    def _parts(self) -> list[SectionEditor | CrisisLinesEditor]:
        return [*self.sections.values(), self.crisis_lines]

    def _load(self) -> None:
        for editor in self.sections.values():
            editor.load()
        self.crisis_lines.load()
        self._fix_tab_order()
        self._update_changed()

    def _fix_tab_order(self) -> None:
        """Tab follows the reading order: each section's lines, its buttons, then the next."""
        order: list[QWidget] = []
        for editor in self.sections.values():
            order.extend(editor.focus_order())
        order.extend([self.undo_bar.undo_button, self.undo_bar.dismiss_button])
        chain_tab_order(order)

    def _removed(self, text: str, bring_back: Callable[[], None]) -> None:
        def undo() -> None:
            try:
                bring_back()
            except Exception as error:
                self.changed_label.setText(failure_message(error))

        self.undo_bar.push(text, undo)

    def _update_changed(self) -> None:
        when = self._vault.safety_plan.updated_at()
        if when is None or self._vault.safety_plan.is_empty():
            self.changed_label.setText(
                SafetyWords.tr(
                    "Nothing written yet. Start wherever you like; each line is kept as soon "
                    "as you leave it."
                )
            )
            return
        moment = QDateTime.fromSecsSinceEpoch(int(when.timestamp())).toLocalTime()
        locale = QLocale()
        self.changed_label.setText(
            SafetyWords.tr(
                "Last changed {date} at {time}. Each line is kept as soon as you leave it."
            ).format(
                date=long_date(moment.date().toPython()),
                time=locale.toString(moment.time(), QLocale.FormatType.ShortFormat),
            )
        )

    def ensure_visible(self, widget: QWidget) -> None:
        self.scroll.ensureWidgetVisible(widget, 0, SPACING * 3)

    def _arrange(self, *, two: bool) -> None:
        """One column, or two side by side when the page is wide (steps 1-4, then 5-7)."""
        if two == self._two_columns:
            return
        self._two_columns = two
        for column in (self._left, self._right):
            while column.count():
                column.takeAt(0)
        right = list(PlanSection)[list(PlanSection).index(RIGHT_COLUMN_FROM) :]
        for section, editor in self.sections.items():
            (self._right if two and section in right else self._left).addWidget(editor)
        self._left.addStretch(1)
        if two:  # an empty right column takes no room (nor the spacing before it)
            self._right.addStretch(1)
        self._columns.setStretch(1, 1 if two else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        column = self.fontMetrics().averageCharWidth() * COLUMN_CHARS
        margin = SPACING * 2
        width = event.size().width() - 2 * margin
        two = width >= 2 * column + SPACING * 2
        self._arrange(two=two)
        widest = 2 * column + SPACING * 2 if two else column
        spare = max(0, width - widest)
        self._content_layout.setContentsMargins(
            margin + spare // 2, margin, margin + spare // 2, margin
        )
