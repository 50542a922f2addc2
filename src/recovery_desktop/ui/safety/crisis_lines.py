# SPDX-License-Identifier: GPL-3.0-or-later
"""The crisis lines of the plan: editable, in the person's order, with the country they are for.

Picking a country replaces only the lines seeded for another country that were never changed
(`CrisisLineRepository.choose_country`); the pick is also kept in the app settings, so Help now
on the unlock screen shows the same country's lines. Each line saves as its fields are left.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.crisis_lines import has_own_lines
from recovery_desktop.core.models import CrisisLine
from recovery_desktop.storage.crisis_lines import CrisisLineRepository
from recovery_desktop.ui.app_settings import AppSettings
from recovery_desktop.ui.safety.country import FALLBACK_COUNTRY, CountryPicker, country_choices
from recovery_desktop.ui.safety.item_row import MOVE_DOWN, MOVE_UP, tidy
from recovery_desktop.ui.safety.lines import FIELD_GAP, EditableLines
from recovery_desktop.ui.safety.section import failure_message
from recovery_desktop.ui.safety.wording import SafetyWords

_FIELDS = ("name", "phone", "text", "notes")
SPACING_ROWS = 10


class LineRow(QWidget):
    """One crisis line: name and number, a note and a text option, and a menu (move, remove).
    Alt+Up and Alt+Down in any field move the line."""

    commit_requested = Signal(object)
    move_requested = Signal(object, int)
    remove_requested = Signal(object)

    def __init__(self, line: CrisisLine | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line: CrisisLine | None = None
        placeholders = {
            "name": SafetyWords.tr("Name of the line"),
            "phone": SafetyWords.tr("Number to call"),
            "text": SafetyWords.tr("Text option"),
            "notes": SafetyWords.tr("A note: hours, what they help with"),
        }
        self.fields: dict[str, QLineEdit] = {}
        for name in _FIELDS:
            field = QLineEdit(self)
            field.setPlaceholderText(placeholders[name])
            field.editingFinished.connect(lambda: self.commit_requested.emit(self))
            field.installEventFilter(self)
            self.fields[name] = field
        self.menu = QMenu(self)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.actions_button = QToolButton(self)
        self.actions_button.setText("⋯")
        self.actions_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        self.actions_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.actions_button.setMenu(self.menu)
        self.actions_button.setToolTip(SafetyWords.tr("Move or remove"))
        self.actions_button.installEventFilter(self)
        self.error = QLabel(self)
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(FIELD_GAP)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.fields["name"], 0, 0)
        grid.addWidget(self.fields["phone"], 0, 1)
        grid.addWidget(self.fields["text"], 0, 2)
        grid.addWidget(self.fields["notes"], 1, 0, 1, 3)
        grid.addWidget(self.actions_button, 0, 3, 2, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        self.set_line(line)

    def set_line(self, line: CrisisLine | None) -> None:
        self.line = line
        for name, field in self.fields.items():
            value = getattr(line, name) if line is not None else ""
            if field.text() != value:
                field.setText(value)
                field.setCursorPosition(0)
        self.error.hide()

    def set_number(self, number: int) -> None:
        who = self.values()[0] or SafetyWords.tr("crisis line {n}").format(n=number)
        names = {
            "name": SafetyWords.tr("Name of crisis line {n}"),
            "phone": SafetyWords.tr("Number of {who}"),
            "text": SafetyWords.tr("Text option of {who}"),
            "notes": SafetyWords.tr("Note about {who}"),
        }
        for name, field in self.fields.items():
            field.setObjectName(f"crisis_line_{name}_{number}")
            field.setAccessibleName(names[name].format(n=number, who=who))
        self.actions_button.setObjectName(f"crisis_line_actions_{number}")
        self.actions_button.setAccessibleName(
            SafetyWords.tr("Move or remove: {who}").format(who=who)
        )

    def values(self) -> tuple[str, str, str, str]:
        name, phone, text, notes = (tidy(self.fields[n].text()) for n in _FIELDS)
        return name, phone, text, notes

    def stored(self) -> tuple[str, str, str, str]:
        if self.line is None:
            return "", "", "", ""
        return self.line.name, self.line.phone, self.line.text, self.line.notes

    def is_dirty(self) -> bool:
        return self.values() != self.stored()

    def is_blank(self) -> bool:
        name, phone, text, _notes = self.values()
        return not (name or phone or text)

    def focus_order(self) -> list[QWidget]:
        fields = self.fields
        return [
            fields["name"],
            fields["phone"],
            fields["text"],
            self.actions_button,
            fields["notes"],
        ]

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = Qt.Key(event.key())
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and mods == Qt.KeyboardModifier.AltModifier:
                self.move_requested.emit(self, -1 if key == Qt.Key.Key_Up else 1)
                return True
        return False

    def _fill_menu(self) -> None:
        self.menu.clear()
        for text, shortcut, step in (
            (SafetyWords.tr("Move up"), MOVE_UP, -1),
            (SafetyWords.tr("Move down"), MOVE_DOWN, 1),
        ):
            action = QAction(text, self.menu)
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _=False, s=step: self.move_requested.emit(self, s))
            self.menu.addAction(action)
        self.menu.addSeparator()
        remove = QAction(SafetyWords.tr("Remove"), self.menu)
        remove.triggered.connect(lambda: self.remove_requested.emit(self))
        self.menu.addAction(remove)


class CrisisLinesEditor(EditableLines[LineRow], QWidget):
    """The lines and the country picker. Signals as `SectionEditor`'s: `rows_rebuilt`,
    `removed(text, bring_back)`, `saved`."""

    rows_rebuilt = Signal()
    removed = Signal(str, object)
    saved = Signal()

    def __init__(
        self, lines: CrisisLineRepository, settings: AppSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crisis_lines_editor")
        self._lines = lines
        self._settings = settings
        self._rows: list[LineRow] = []
        self._scroll_to: Callable[[QWidget], None] | None = None

        title = QLabel(SafetyWords.tr("Crisis lines"), self)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.country_picker = CountryPicker("crisis_lines_country", self)
        self.country_picker.country_chosen.connect(self.choose_country)
        country_label = QLabel(SafetyWords.tr("Lines for"), self)
        country_label.setBuddy(self.country_picker)
        header = QHBoxLayout()
        header.addWidget(title, 1)
        header.addWidget(country_label)
        header.addWidget(self.country_picker)
        hint = QLabel(
            SafetyWords.tr(
                "Lines that answer any time. Choosing a country changes only the lines you "
                "haven't added or changed yourself."
            ),
            self,
        )
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("crisis_lines_status")
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)
        self.status.hide()
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(SPACING_ROWS)
        self.add_button = QPushButton(SafetyWords.tr("Add a crisis line"), self)
        self.add_button.setObjectName("crisis_line_add")
        self.add_button.setAccessibleName(SafetyWords.tr("Add a crisis line"))
        self.add_button.clicked.connect(self.add_line)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(hint)
        layout.addWidget(self.status)
        layout.addLayout(self.rows_layout)
        layout.addLayout(add_row)

    def load(self) -> None:
        for row in self._rows:
            self._drop(row)
        self._rows = []
        for line in self._lines.list():
            self._insert(len(self._rows), line)
        self.country_picker.set_country(self._lines.country() or FALLBACK_COUNTRY)
        self._renumber()

    def focus_order(self) -> list[QWidget]:
        order: list[QWidget] = [self.country_picker]
        for row in self._rows:
            order.extend(row.focus_order())
        order.append(self.add_button)
        return order

    # --- saving --------------------------------------------------------------------------------

    def save_row(self, row: LineRow) -> bool:
        if row not in self._rows or not row.is_dirty():
            return True
        name, phone, text, notes = row.values()
        try:
            if row.line is None:
                if row.is_blank():
                    return True
                line = self._lines.save(CrisisLine(name, phone, text, notes))
                row.set_line(line)
                self._store_order()
            elif row.is_blank() and not notes:
                self.remove(row)  # emptied: a removal, which Undo can take back
                return True
            else:
                changed = replace(row.line, name=name, phone=phone, text=text, notes=notes)
                row.set_line(self._lines.save(changed))
        except Exception as error:
            row.show_error(failure_message(error))
            return False
        self._renumber()
        self.saved.emit()
        return True

    def _store_order(self) -> None:
        ids = [r.line.id for r in self._rows if r.line is not None and r.line.id is not None]
        stored = [line.id for line in self._lines.list()]
        if ids != stored and sorted(ids) == sorted(stored):  # type: ignore[type-var]
            self._lines.reorder(ids)  # type: ignore[arg-type]

    # --- adding, moving, removing --------------------------------------------------------------

    def add_line(self) -> LineRow:
        if self._rows and self._rows[-1].line is None and self._rows[-1].is_blank():
            row = self._rows[-1]
        else:
            row = self._insert(len(self._rows), None)
            self._renumber()
            self.rows_rebuilt.emit()
        self._focus(row.fields["name"])
        return row

    def move(self, row: LineRow, step: int) -> None:
        if row not in self._rows or not self.save_row(row):
            return
        index = self._rows.index(row)
        target = index + step
        if not 0 <= target < len(self._rows):
            return
        focused = next((w for w in row.focus_order() if w.hasFocus()), row.fields["name"])
        self._rows.insert(target, self._rows.pop(index))
        try:
            self._store_order()
        except Exception as error:
            self._rows.insert(index, self._rows.pop(target))
            row.show_error(failure_message(error))
            self.load()  # the list changed elsewhere meanwhile: show it as it is now
            self.rows_rebuilt.emit()
            return
        self.rows_layout.removeWidget(row)
        self.rows_layout.insertWidget(target, row)
        self._renumber()
        self.rows_rebuilt.emit()
        self._focus(focused)
        self.saved.emit()

    def remove(self, row: LineRow) -> None:
        if row not in self._rows:
            return
        taken: tuple[CrisisLine, int] | None = None
        if row.line is not None and row.line.id is not None:
            try:
                taken = self._lines.delete(row.line.id)
            except Exception as error:
                row.show_error(failure_message(error))
                return
        index = self._rows.index(row)
        self._rows.remove(row)
        if self._rows:
            self._focus(self._rows[min(index, len(self._rows) - 1)].fields["name"])
        else:
            self._focus(self.add_button)
        self._drop(row)
        self._renumber()
        self.rows_rebuilt.emit()
        if taken is not None:
            line, position = taken
            what = line.name or line.phone or SafetyWords.tr("a crisis line")
            self.removed.emit(
                SafetyWords.tr("Removed “{what}” from the crisis lines.").format(what=what),
                lambda: self.bring_back(line, position),
            )
            self.saved.emit()

    def bring_back(self, line: CrisisLine, position: int) -> None:
        self.flush()
        restored = self._lines.restore(line, position)
        self.load()
        self.rows_rebuilt.emit()
        row = next((r for r in self._rows if r.line and r.line.id == restored.id), None)
        if row is not None:
            self._focus(row.fields["name"])
        self.saved.emit()

    def choose_country(self, code: str) -> None:
        """Show the lines for `code`: untouched lines of another country give way to its
        lines; the person's own and changed lines stay. Kept for the unlock screen too."""
        self.flush()
        current = self._lines.country()
        try:
            if has_own_lines(code) or has_own_lines(current):
                self._lines.choose_country(code)
        except Exception as error:
            self.status.setText(failure_message(error))
            self.status.show()
            self.country_picker.set_country(current)
            return
        self._settings.set_crisis_country(code)
        if has_own_lines(code):
            name = dict(country_choices()).get(code, code)
            self.status.setText(
                SafetyWords.tr("Showing the lines for {country}.").format(country=name)
            )
        else:
            self.status.setText(
                SafetyWords.tr(
                    "Add your local emergency number, and a crisis line near you if you know one."
                )
            )
        self.status.show()
        self.load()
        self.rows_rebuilt.emit()
        self.saved.emit()

    # --- rows ----------------------------------------------------------------------------------

    def _insert(self, index: int, line: CrisisLine | None) -> LineRow:
        row = LineRow(line, self)
        row.commit_requested.connect(self.save_row)
        row.move_requested.connect(self.move)
        row.remove_requested.connect(self.remove)
        self._rows.insert(index, row)
        self.rows_layout.insertWidget(index, row)
        row.show()  # now: a layout would show it only on the next turn of the event loop
        return row
