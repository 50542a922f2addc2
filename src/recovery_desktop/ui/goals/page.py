# SPDX-License-Identifier: GPL-3.0-or-later
"""The Goals page: goals on the left; the open goal, its trust and its promises on the right.

It follows the page contract in `ui/page.py`: `flush()` saves what is typed in the goal and the
promise, `refresh()` re-reads the vault when the page is shown again (keeping what is being
edited), `has_unsaved_changes()` says when the vault refused something typed. It reads and
writes through `vault.goals` and `vault.contacts` on the GUI thread (each call about a
millisecond) and holds no SQL. Figures come from `core.trust`.

The words stay kind: achieving a goal is celebrated; letting one go is a choice, said without
blame; deleting one can be undone for a while.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.models import Commitment, Goal, GoalStatus
from recovery_desktop.core.trust import trust_summary
from recovery_desktop.storage import Vault
from recovery_desktop.ui.goals.commitment_editor import AUTOSAVE_MS
from recovery_desktop.ui.goals.goal_editor import GoalEditor
from recovery_desktop.ui.goals.goal_list import STATUS_ORDER, GoalListModel
from recovery_desktop.ui.goals.promises import PromisesCard
from recovery_desktop.ui.goals.row_delegate import TwoLineDelegate
from recovery_desktop.ui.goals.trust_view import TrustView
from recovery_desktop.ui.goals.undo_bar import UNDO_MS, UndoBar
from recovery_desktop.ui.goals.words import status_label
from recovery_desktop.ui.page import Page, chain_tab_order
from recovery_desktop.ui.theme import SPACING, make_heading
from recovery_desktop.ui.today.card import muted_label, plural, wrapped_label
from recovery_desktop.ui.widgets.list_rows import mark_row

TWO_COLUMNS_FROM = 980  # width of the right side from which the promises sit beside the goal
MAX_DETAIL_WIDTH = 1700


def _card(name: str, parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setObjectName(name)
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    pad = round(SPACING * 1.3)
    layout.setContentsMargins(pad, pad, pad, pad)
    layout.setSpacing(round(SPACING * 0.75))
    return frame, layout


class GoalsPage(Page):
    """Goals and the promises that build them. A page of the sidebar (`ui/page.py`)."""

    def __init__(
        self,
        vault: Vault,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        autosave_ms: int = AUTOSAVE_MS,
        undo_ms: int = UNDO_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("goals_page")
        self.setAccessibleName(self.tr("Goals"))
        self._vault = vault
        self._goals = vault.goals
        self._today = today
        self._syncing = False
        self._two_columns: bool | None = None
        self._build_left()
        self._build_right(autosave_ms, undo_ms)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("goals_splitter")
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([300, 700])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._connect()
        self._load_contacts()
        self._reload_list()
        first = self.goal_model.rows[0][0].id if self.goal_model.rows else None
        self._open(first)
        self._arrange(two=False)

    # --- building ----------------------------------------------------------------------------

    def _build_left(self) -> None:
        self.left = QWidget(self)
        self.left.setObjectName("goals_left")
        chars = self.fontMetrics().averageCharWidth()
        self.left.setMinimumWidth(chars * 26)
        self.left.setMaximumWidth(chars * 60)  # wide screens give the room to the goal
        layout = QVBoxLayout(self.left)
        layout.setContentsMargins(SPACING, SPACING, SPACING // 2, SPACING)
        heading = QLabel(self.tr("Goals"), self.left)
        make_heading(heading, 1.5)
        layout.addWidget(heading)
        layout.addWidget(
            muted_label(
                self.tr("Promises kept, one at a time, are how trust grows back."), self.left
            )
        )
        row = QHBoxLayout()
        self.filter = QComboBox(self.left)
        self.filter.setObjectName("goals_filter")
        self.filter.setAccessibleName(self.tr("Show goals"))
        self.filter.addItem(self.tr("All goals"), None)
        for status in STATUS_ORDER:
            self.filter.addItem(status_label(status), status.value)
        row.addWidget(self.filter, 1)
        self.new_goal_button = QPushButton(self.tr("New goal"), self.left)
        self.new_goal_button.setObjectName("goals_new_goal")
        self.new_goal_button.setAccessibleName(self.tr("New goal"))
        row.addWidget(self.new_goal_button)
        layout.addLayout(row)
        self.goal_model = GoalListModel(self)
        self.goal_list = QListView(self.left)
        self.goal_list.setObjectName("goals_list")
        self.goal_list.setAccessibleName(self.tr("Your goals"))
        self.goal_list.setModel(self.goal_model)
        self.goal_list.setItemDelegate(TwoLineDelegate(self.goal_list))
        self.goal_list.setUniformItemSizes(True)
        self.goal_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout.addWidget(self.goal_list, 1)
        self.list_empty = muted_label("", self.left)
        self.list_empty.setObjectName("goals_list_empty")
        layout.addWidget(self.list_empty)
        layout.addStretch(0)  # takes the room only while the list is hidden

    def _build_right(self, autosave_ms: int, undo_ms: int) -> None:
        # The Undo bar sits above the scrolling part, so it is in view wherever the delete was.
        self.right = QWidget(self)
        self.right.setObjectName("goals_right")
        right = QVBoxLayout(self.right)
        right.setContentsMargins(0, 0, 0, 0)
        self.undo_bar = UndoBar(self.right, undo_ms)
        undo_row = QHBoxLayout()
        undo_row.setContentsMargins(SPACING, SPACING, SPACING * 2, 0)
        undo_row.addWidget(self.undo_bar)
        right.addLayout(undo_row)
        self.scroll = QScrollArea(self.right)
        right.addWidget(self.scroll, 1)
        self.scroll.setObjectName("goals_detail_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields scroll into view
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        content.setObjectName("goals_detail")
        self.scroll.setWidget(content)
        self.scroll.viewport().installEventFilter(self)
        self.detail = QVBoxLayout(content)
        self.detail.setSpacing(SPACING)
        self.intro = wrapped_label(
            self.tr(
                "A goal can be small and still matter: “Be someone my sister can count on”, "
                "“Sleep before midnight”. Name it here, then add the promises that will get "
                "you there, and mark each one kept or not this time."
            ),
            content,
        )
        self.intro.setObjectName("goals_intro")
        self.intro.setProperty("role", "muted")
        self.detail.addWidget(self.intro)

        self.goal_card, goal_layout = _card("goal_card", content)
        self.banner = wrapped_label("", self.goal_card)
        self.banner.setObjectName("goal_banner")
        self.banner.setProperty("role", "banner")
        self.banner.setVisible(False)
        goal_layout.addWidget(self.banner)
        self.editor = GoalEditor(
            self._goals, self.goal_card, today=self._today, autosave_ms=autosave_ms
        )
        goal_layout.addWidget(self.editor)
        self.trust = TrustView(self.goal_card)
        goal_layout.addWidget(self.trust)

        self.promises = PromisesCard(
            self._goals, content, today=self._today, autosave_ms=autosave_ms
        )

        self.columns = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.columns.setSpacing(SPACING)
        self.detail.addLayout(self.columns)
        self.detail.addStretch(1)

    def _connect(self) -> None:
        self.filter.currentIndexChanged.connect(lambda _: self._reload_list(self._open_id()))
        self.new_goal_button.clicked.connect(self.new_goal)
        self.goal_list.selectionModel().currentChanged.connect(self._on_goal_current)
        self.editor.saved.connect(self._on_goal_saved)
        self.editor.status_requested.connect(self.set_status)
        self.editor.delete_requested.connect(self.delete_goal)
        self.promises.changed.connect(self._on_promises_changed)
        self.promises.deleted.connect(self._on_promise_deleted)

    # --- the page contract (ui/page.py) ------------------------------------------------------

    def flush(self) -> None:
        """Save what is typed in the goal and the promise now (quietly, no dialog)."""
        if not self._vault.is_open:
            return
        self.editor.flush()
        self.promises.flush()

    def has_unsaved_changes(self) -> bool:
        return self.editor.has_unsaved_changes() or self.promises.has_unsaved_changes()

    def refresh(self) -> None:
        """Re-read goals, promises and contacts; what is being edited stays as it is."""
        if not self._vault.is_open:
            return
        self._load_contacts()
        goal_id = self._open_id()
        if goal_id is not None and not self.editor.dirty():
            stored = self._goals.get(goal_id)
            if stored is None:  # deleted elsewhere
                self._reload_list()
                self._open(self.goal_model.rows[0][0].id if self.goal_model.rows else None)
                return
            self.editor.load(stored)
            self.promises.update_goal(stored)
        self._reload_list(goal_id)
        self.promises.reload()

    # --- goals -------------------------------------------------------------------------------

    def _open_id(self) -> int | None:
        goal = self.editor.goal
        return goal.id if goal is not None else None

    def _leave(self) -> bool:
        """Save both editors before something else is shown; False (and stay) if refused."""
        self.editor.flush()
        self.promises.flush()
        return not self.has_unsaved_changes()

    def _open(self, goal_id: int | None) -> None:
        goal = self._goals.get(goal_id) if goal_id is not None else None
        self.banner.setVisible(False)
        self.editor.load(goal)
        self.promises.show_goal(goal)
        self._select_goal(goal.id if goal else None)
        self._update_intro()

    def new_goal(self) -> None:
        """A blank goal, the cursor in its name (saved once it has one)."""
        if not self._leave():
            return
        self._open(None)
        self.editor.title.setFocus()

    def open_goal(self, goal_id: int) -> None:
        if goal_id != self._open_id() and self._leave():
            self._open(goal_id)
        self._select_goal(self._open_id())

    def _on_goal_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        goal_id = current.data(GoalListModel.IdRole)
        if goal_id is not None:
            self.open_goal(int(goal_id))

    def _on_goal_saved(self, goal: Goal) -> None:
        self.promises.goal_saved(goal)
        self._reload_list(goal.id)
        self._update_intro()

    def set_status(self, status: GoalStatus) -> None:
        """Achieved, paused, let go, or active again: stored, and said kindly."""
        if not self._leave():
            return
        goal = self.editor.goal
        if goal is None or goal.id is None:
            return
        updated = self._goals.set_status(goal.id, status)
        if updated is None:
            return
        self.editor.show_status(updated)
        title = updated.title
        self.banner.setText(
            {
                GoalStatus.ACHIEVED: self.tr(
                    "You did it: “%1” is achieved. Take a moment to feel that. Every promise "
                    "you kept along the way brought you here."
                ),
                GoalStatus.LET_GO: self.tr(
                    "You let “%1” go. That is allowed: what matters can change, and choosing "
                    "where your energy goes is part of looking after yourself. Its history "
                    "stays here, and you can pick it up again whenever you like."
                ),
                GoalStatus.PAUSED: self.tr(
                    "“%1” is paused. It will wait here until you are ready, and Today will "
                    "not ask about its promises meanwhile."
                ),
                GoalStatus.ACTIVE: self.tr("Welcome back to “%1”. One promise at a time."),
            }[status].replace("%1", title)
        )
        self.banner.setVisible(True)
        self._reload_list(goal.id)
        self.editor.setFocus()

    def delete_goal(self) -> None:
        """Delete the open goal and its promises, with a way back for a while."""
        self.promises.flush()
        goal = self.editor.goal
        if goal is None or goal.id is None:
            return
        removed = self._goals.delete(goal.id)
        if removed is None:
            return
        stored, commitments = removed
        self._reload_list()
        self._open(self.goal_model.rows[0][0].id if self.goal_model.rows else None)
        text = self.tr("“%1” deleted.").replace("%1", stored.title)
        if commitments:
            text = plural(
                self.tr("“%1” and its %n promise(s) deleted.", "", len(commitments)),
                len(commitments),
            ).replace("%1", stored.title)
        self.undo_bar.offer(text, lambda: self._undo_goal(stored, commitments), stored.title)
        self.undo_bar.undo_button.setFocus()
        self._fix_tab_order()

    def _undo_goal(self, goal: Goal, commitments: list[Commitment]) -> None:
        if not self._leave():
            return
        restored = self._goals.restore(goal, commitments)
        self._reload_list()
        self._open(restored.id)

    def _reload_list(self, select: int | None = None) -> None:
        value = self.filter.currentData()
        status = GoalStatus(value) if value else None
        self._syncing = True
        try:
            self.goal_model.set_rows(self._goals.list(), self._goals.outcome_counts(), status)
        finally:
            self._syncing = False
        self._select_goal(select if select is not None else self._open_id())
        has_any = bool(self.goal_model.rows)
        self.list_empty.setVisible(not has_any)
        self.goal_list.setVisible(has_any)
        if not has_any:
            self.list_empty.setText(
                self.tr("No goals yet. Name your first one on the right.")
                if status is None
                else self.tr("None here right now.")
            )

    def _select_goal(self, goal_id: int | None) -> None:
        self._syncing = True
        try:
            mark_row(self.goal_list, self.goal_model.row_of(goal_id))
        finally:
            self._syncing = False

    def _update_intro(self) -> None:
        self.intro.setVisible(not self._goals.list())

    # --- promises ----------------------------------------------------------------------------

    def _on_promises_changed(self, commitments: list[Commitment]) -> None:
        """Trust and the list's figures follow every promise written or removed."""
        goal = self.editor.goal
        self.trust.show_summary(trust_summary(commitments, self._today()))
        self.trust.setVisible(goal is not None)
        if goal is not None and goal.id is not None:
            counts = self._goals.outcome_counts()
            self.goal_model.update_counts(counts)
        self._fix_tab_order()

    def _on_promise_deleted(self, removed: Commitment) -> None:
        self.undo_bar.offer(
            self.tr("Promise deleted: “%1”.").replace("%1", removed.promise),
            lambda: self._undo_promise(removed),
            removed.promise,
        )
        self.undo_bar.undo_button.setFocus()
        self._fix_tab_order()

    def _undo_promise(self, commitment: Commitment) -> None:
        if self._open_id() != commitment.goal_id:
            if not self._leave():
                return
            self._open(commitment.goal_id)
        self.promises.restore(commitment)

    # --- layout and keyboard -----------------------------------------------------------------

    def _load_contacts(self) -> None:
        contacts = self._vault.contacts.list(include_archived=True)
        self.editor.set_contacts(contacts)
        self.promises.set_contacts(contacts)

    def _arrange(self, *, two: bool) -> None:
        """The goal and its promises side by side when there is room, else one under the
        other; Tab follows either way (the goal first)."""
        if two == self._two_columns:
            return
        self._two_columns = two
        self.columns.setDirection(
            QBoxLayout.Direction.LeftToRight if two else QBoxLayout.Direction.TopToBottom
        )
        while self.columns.count():
            self.columns.takeAt(0)
        self.columns.addWidget(self.goal_card, 1, Qt.AlignmentFlag.AlignTop)
        self.columns.addWidget(self.promises, 1, Qt.AlignmentFlag.AlignTop)
        self._fix_tab_order()

    def _fix_tab_order(self) -> None:
        chain_tab_order(
            [
                self.filter,
                self.new_goal_button,
                self.goal_list,
                self.undo_bar.undo_button,
                *self.editor.focus_order(),
                *self.promises.focus_order(),
            ]
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """The right side's width decides one column or two (the splitter may change it
        without the page changing size)."""
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._fit(self.scroll.viewport().width())
        return False

    def _fit(self, width: int) -> None:
        self._arrange(two=width >= TWO_COLUMNS_FROM)
        spare = max(0, width - MAX_DETAIL_WIDTH)
        margin = SPACING
        self.detail.setContentsMargins(
            margin + spare // 2, margin, margin * 2 + spare // 2, margin * 2
        )
