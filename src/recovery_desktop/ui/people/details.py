# SPDX-License-Identifier: GPL-3.0-or-later
"""The right side of the People page: one person or group.

Their name and figures (last in touch, the last 30 and 90 days, how supported I felt on
average and how many answers that rests on), "Log a connection" (two clicks: the button and
the kind, or "With details…"), Archive and Delete; the form, saved as you type; their
connections and the journal entries that mention them. Two columns when there is room, one
when there is not. Writes go through the vault on the GUI thread (a millisecond each).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.models import Community, ConnectionStats, Contact
from recovery_desktop.storage import Vault
from recovery_desktop.ui.connections.words import (
    ConnectionWords,
    community_kind_text,
    days_ago_text,
    fill,
    role_text,
    short_date,
)
from recovery_desktop.ui.people.actions import PersonActions
from recovery_desktop.ui.people.forms import AUTOSAVE_MS, CommunityForm, ContactForm, capitalised
from recovery_desktop.ui.people.history_section import (
    VISIBLE_ROWS,
    HistoryCard,
    MentionsCard,
    set_visible_rows,
)
from recovery_desktop.ui.people.note_bar import NoteBar
from recovery_desktop.ui.theme import SPACING, make_heading, scaled_font
from recovery_desktop.ui.today.card import Card

CONTACT, COMMUNITY = "contact", "community"
TWO_COLUMNS_FROM = 820  # width of the pane from which the form and the lists sit side by side
MAX_CONTENT_CHARS = 190  # beyond this the content is centred, for a comfortable line length


def local_now() -> datetime:
    return datetime.now().astimezone()


class Figure(QWidget):
    """A number (or a short phrase) over its caption."""

    def __init__(self, name: str, caption: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.value = QLabel(self)
        self.value.setObjectName(f"{name}_value")
        self.value.setFont(scaled_font(self.font(), 1.3, bold=True))
        self.caption = QLabel(caption, self)
        self.caption.setProperty("role", "muted")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set(self, value: str, caption: str | None = None) -> None:
        self.value.setText(value)
        if caption is not None:
            self.caption.setText(caption)
        self.setAccessibleName(f"{self.caption.text()}: {value}")


class DetailsPane(QWidget):
    """Emits `directory_changed(kind, id or None)` when the lists must be read again (a save,
    a log, an archive, a delete; the id is the one to select), and `open_entry_requested`."""

    directory_changed = Signal(str, object)
    open_entry_requested = Signal(int)
    rows_rebuilt = Signal()

    def __init__(
        self,
        vault: Vault,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = local_now,
        autosave_ms: int = AUTOSAVE_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("people_details")
        self._vault = vault
        self._clock = clock
        self._kind: str | None = None
        self._record: Contact | Community | None = None
        self._two_columns: bool | None = None

        self.note = NoteBar(self)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("people_details_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its controls take Tab, not it
        outer = QVBoxLayout(self)
        outer.setContentsMargins(SPACING, SPACING, SPACING, 0)
        outer.addWidget(self.note)
        outer.addWidget(self.scroll, 1)

        content = QWidget()
        content.setObjectName("people_details_content")
        self.scroll.setWidget(content)
        self.content_layout = QVBoxLayout(content)
        self.content_layout.setContentsMargins(SPACING, SPACING, SPACING, SPACING * 2)
        self.content_layout.setSpacing(SPACING)

        self.title = QLabel(content)
        self.title.setObjectName("people_details_title")
        self.title.setWordWrap(True)
        make_heading(self.title, 1.6)
        self.subtitle = QLabel(content)
        self.subtitle.setObjectName("people_details_subtitle")
        self.subtitle.setProperty("role", "muted")
        self.subtitle.setWordWrap(True)
        self.empty = QLabel(content)
        self.empty.setObjectName("people_details_empty")
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "muted")
        self.content_layout.addWidget(self.title)
        self.content_layout.addWidget(self.subtitle)
        self.content_layout.addWidget(self.empty)

        self.figures = QWidget(content)
        self.figures.setObjectName("people_figures")
        grid = QGridLayout(self.figures)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.setHorizontalSpacing(SPACING * 2)
        self.last_figure = Figure(
            "people_last_in_touch", ConnectionWords.tr("last in touch"), self.figures
        )
        self.month_figure = Figure(
            "people_last_30", ConnectionWords.tr("in the last 30 days"), self.figures
        )
        self.quarter_figure = Figure(
            "people_last_90", ConnectionWords.tr("in the last 90 days"), self.figures
        )
        self.support_figure = Figure(
            "people_supported", ConnectionWords.tr("felt supported"), self.figures
        )
        for column, figure in enumerate(
            (self.last_figure, self.month_figure, self.quarter_figure, self.support_figure)
        ):
            grid.addWidget(figure, 0, column, Qt.AlignmentFlag.AlignTop)
            grid.setColumnStretch(column, 1)
        self.content_layout.addWidget(self.figures)

        self.actions = PersonActions(vault, self.note, self, clock=clock)
        self.actions.changed.connect(self._after_action)
        self.actions.deleted.connect(self._after_delete)
        self.content_layout.addLayout(self.actions.row)

        self.form_card = Card("people_form_card", ConnectionWords.tr("Details"), "", content)
        self.contact_form = ContactForm(vault, self.form_card, autosave_ms)
        self.community_form = CommunityForm(vault, self.form_card, autosave_ms)
        self.form_card.body.addWidget(self.contact_form)
        self.form_card.body.addWidget(self.community_form)
        for form in (self.contact_form, self.community_form):
            form.saved.connect(self._saved)
        self.history = HistoryCard(vault, content)
        self.history.edit_requested.connect(self.actions.edit_connection)
        self.history.delete_requested.connect(self.actions.delete_connection)
        self.mentions = MentionsCard(vault, content)
        self.mentions.open_entry_requested.connect(self.open_entry_requested)

        self.columns = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.columns.setSpacing(SPACING)
        self.left = QVBoxLayout()
        self.right = QVBoxLayout()
        for column in (self.left, self.right):
            column.setSpacing(SPACING)
        self.columns.addLayout(self.left)
        self.columns.addLayout(self.right)
        self.left.addWidget(self.form_card)
        self.left.addStretch(1)
        self.right.addWidget(self.history)
        self.right.addWidget(self.mentions)
        self.right.addStretch(1)
        self.content_layout.addLayout(self.columns)
        self.content_layout.addStretch(1)
        self.show_nothing("")

    # --- what is shown -------------------------------------------------------------------------

    @property
    def kind(self) -> str | None:
        return self._kind

    @property
    def record_id(self) -> int | None:
        return self._record.id if self._record is not None else None

    @property
    def form(self) -> ContactForm | CommunityForm:
        return self.community_form if self._kind == COMMUNITY else self.contact_form

    def today(self) -> date:
        return self._clock().date()

    def show_nothing(self, text: str) -> None:
        self._kind, self._record = None, None
        self.title.setText(ConnectionWords.tr("People"))
        self.empty.setText(text)
        self._show_parts(record=False, form=False)
        self.rows_rebuilt.emit()

    def show_new(self, kind: str) -> None:
        """An empty form for a new person or group; it is stored once it has a name."""
        self._kind, self._record = kind, None
        self.note.clear()
        self.title.setText(
            ConnectionWords.tr("A new person")
            if kind == CONTACT
            else ConnectionWords.tr("A new group")
        )
        self.subtitle.setText(
            ConnectionWords.tr(
                "Start with a name; everything else can wait. It is saved as you type."
            )
        )
        self.form.load(None)
        self._show_parts(record=False, form=True)
        self.form.name.setFocus()
        self.rows_rebuilt.emit()

    def show_record(self, kind: str, record: Contact | Community) -> None:
        """Show a stored contact or group (the caller has flushed the form first)."""
        if (kind, record.id) != (self._kind, self.record_id):
            self.note.clear()
            self.history.view.scrollToTop()
        self._kind, self._record = kind, record
        self.form.load(record)
        self._show_parts(record=True, form=True)
        self._update_header()
        self._read_lists()
        self.scroll.verticalScrollBar().setValue(0)
        self.rows_rebuilt.emit()

    def _show_parts(self, *, record: bool, form: bool) -> None:
        self.empty.setVisible(not form)
        self.subtitle.setVisible(form)
        self.figures.setVisible(record)
        self.actions.set_visible(record)
        self.form_card.setVisible(form)
        self.contact_form.setVisible(form and self._kind == CONTACT)
        self.community_form.setVisible(form and self._kind == COMMUNITY)
        self.history.setVisible(record)
        self.mentions.setVisible(record)

    def _update_header(self) -> None:
        record = self._record
        if record is None:
            return
        self.title.setText(record.name)
        today = self.today()
        parts: list[str] = []
        if isinstance(record, Contact):
            parts.append(capitalised(role_text(record.role)))
            if record.emergency:
                parts.append(ConnectionWords.tr("emergency contact"))
            if record.reach_out_every_days:
                parts.append(
                    ConnectionWords.tr(
                        "reach out every %n day(s)", None, record.reach_out_every_days
                    )
                )
            if record.snoozed_until is not None and record.snoozed_until > today:
                parts.append(
                    fill(
                        ConnectionWords.tr("reminder snoozed until %1"),
                        short_date(record.snoozed_until),
                    )
                )
            stats = self._vault.connections.stats(today, contact_id=record.id)
        else:
            parts.append(capitalised(community_kind_text(record.kind)))
            parts.extend(p for p in (record.schedule, record.place) if p)
            stats = self._vault.connections.stats(today, community_id=record.id)
        if record.archived:
            parts.append(ConnectionWords.tr("archived"))
        self.subtitle.setText(" · ".join(parts))
        self._show_figures(stats, today)
        self.actions.show_record(self._kind or CONTACT, record)

    def _show_figures(self, stats: ConnectionStats, today: date) -> None:
        self.last_figure.set(days_ago_text(stats.last_in_touch, today))
        self.month_figure.set(str(stats.last_30_days))
        self.quarter_figure.set(str(stats.last_90_days))
        if stats.mean_felt_supported is None:
            self.support_figure.set("–", ConnectionWords.tr("felt supported: no answers yet"))
        else:
            mean = f"{stats.mean_felt_supported:.1f}".replace(".", self.locale().decimalPoint())
            self.support_figure.set(
                fill(ConnectionWords.tr("%1 of 5"), mean),
                ConnectionWords.tr("felt supported (%n answer(s))", None, stats.felt_supported_n),
            )

    def _read_lists(self) -> None:
        record = self._record
        if record is None or record.id is None:
            return
        if self._kind == CONTACT:
            self.history.model.show_contact(record.id)
            self.mentions.model.show_contact(record.id)
            self.history.set_empty_text(
                ConnectionWords.tr(
                    "No connections logged yet. “Log a connection” above adds the first."
                )
            )
            self.mentions.set_empty_text(
                ConnectionWords.tr(
                    "No entries mention them yet. Add their name to an entry's People field."
                )
            )
        else:
            self.history.model.show_community(record.id)
            self.mentions.model.show_community(record.id)
            self.history.set_empty_text(
                ConnectionWords.tr(
                    "Nothing logged yet. “Log a connection” above adds a meeting or service."
                )
            )
            self.mentions.set_empty_text(
                ConnectionWords.tr("No entries yet. Connections logged from an entry show it here.")
            )

    # --- the page contract, for the part shown -------------------------------------------------

    def flush(self) -> bool:
        """Save what is typed in the form; False when the vault refused it (reason shown)."""
        if self._kind is None:
            return True
        return self.form.flush()

    def has_unsaved_changes(self) -> bool:
        return self._kind is not None and self.form.has_unsaved_changes()

    def refresh(self) -> None:
        """Read the shown record again (another page may have logged, snoozed, renamed...);
        the form is reloaded only when it holds nothing unsaved."""
        record = self._record
        if record is None or record.id is None or self._kind is None:
            return
        fresh = (
            self._vault.contacts.get(record.id)
            if self._kind == CONTACT
            else self._vault.communities.get(record.id)
        )
        if fresh is None:
            self.show_nothing(ConnectionWords.tr("They are no longer in your contacts."))
            return
        self._record = fresh
        if not self.form.dirty and fresh != self.form.record:
            self.form.load(fresh)
        self._update_header()
        self.history.model.reload()
        self.mentions.model.reload()

    def focus_order(self) -> list[QWidget]:
        return [
            self.note.more_button,  # the note sits above everything else on the right
            self.note.undo_button,
            *self.actions.focus_order(),
            *self.form.focus_order(),
            *self.history.focus_order(),
            *self.mentions.focus_order(),
        ]

    # --- reacting ------------------------------------------------------------------------------

    def _saved(self, record: Contact | Community, created: bool) -> None:
        self._record = record
        if created:
            self._show_parts(record=True, form=True)
            self._read_lists()
            self.rows_rebuilt.emit()
        self._update_header()
        self.directory_changed.emit(self._kind or CONTACT, record.id)

    def _after_action(self) -> None:
        """A log, an edit, an archive or an undo: read the figures and lists again."""
        self.refresh()
        self.directory_changed.emit(self._kind or CONTACT, self.record_id)

    def undeleted(self, kind: str, record: Contact | Community) -> None:
        """Undo of a delete put them back: show them again and select them in the list."""
        self.show_record(kind, record)
        self.directory_changed.emit(kind, record.id)

    def _after_delete(self, text: str) -> None:
        kind = self._kind or CONTACT
        self.show_nothing(text)
        self.directory_changed.emit(kind, None)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        width = event.size().width()
        two = width >= TWO_COLUMNS_FROM
        if two != self._two_columns:
            self._two_columns = two
            self.columns.setDirection(
                QBoxLayout.Direction.LeftToRight if two else QBoxLayout.Direction.TopToBottom
            )
            self.columns.setStretch(0, 1)
            self.columns.setStretch(1, 1 if two else 0)
        # Side by side, the two lists share the height of the page: more rows when tall.
        row = self.fontMetrics().lineSpacing() * 2 + 20
        rows = (event.size().height() - row * 5) // (2 * row) if two else VISIBLE_ROWS
        for view in (self.history.view, self.mentions.view):
            set_visible_rows(view, min(max(rows, VISIBLE_ROWS), 20))
        widest = self.fontMetrics().averageCharWidth() * MAX_CONTENT_CHARS
        spare = max(0, width - widest)
        self.content_layout.setContentsMargins(
            SPACING + spare // 2, SPACING, SPACING + spare // 2, SPACING * 2
        )
