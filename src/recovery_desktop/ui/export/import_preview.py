# SPDX-License-Identifier: GPL-3.0-or-later
"""What an import would do, shown before anything is written: counts, days, duplicates,
problems and notes, and for Daylio the person's own mood names with the mood each becomes.

Changing a mood here emits `mood_changed(name, level)`; the dialog then previews again and
calls `show_preview` with the result. The mood rows are built once per file and kept, so the
keyboard focus stays where it is while the preview updates.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from recovery_desktop.exchange.importing import ImportPreview
from recovery_desktop.ui.export.section import muted_label, plain_label
from recovery_desktop.ui.theme import SPACING, make_heading
from recovery_desktop.ui.widgets.dates import long_date as shared_long_date

NO_MOOD = 0  # the combo's data for "no mood" (a level is 1-5)
MAX_LISTED = 50  # problems and notes shown; the rest are counted
FIRST = ("entries", "contacts", "groups", "connections", "goals", "commitments")


def long_date(day: date) -> str:
    return shared_long_date(day)


class ImportPreviewView(QWidget):
    """The preview, in plain words. `mood_combos` maps each Daylio mood name to its combo."""

    mood_changed = Signal(str, object)  # name, level 1-5 or None
    mood_rows_built = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_preview")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(round(SPACING * 0.6))
        self.summary = plain_label("", self)
        self.summary.setObjectName("import_summary")
        summary_font = self.summary.font()
        summary_font.setBold(True)
        self.summary.setFont(summary_font)
        self.duplicates = plain_label("", self)
        self.duplicates.setObjectName("import_duplicates")
        self.blocked = plain_label("", self, role="error")
        self.blocked.setObjectName("import_blocked")
        for label in (self.summary, self.duplicates, self.blocked):
            layout.addWidget(label)

        self.moods_box = QWidget(self)
        self.moods_box.setObjectName("import_moods")
        moods = QVBoxLayout(self.moods_box)
        moods.setContentsMargins(0, SPACING // 2, 0, 0)
        moods_title = QLabel(self.tr("Your moods"), self.moods_box)
        make_heading(moods_title, 1.05)
        moods.addWidget(moods_title)
        moods.addWidget(
            muted_label(
                self.tr(
                    "Daylio lets you name your moods. Choose what each of your names means "
                    "here; the preview follows."
                ),
                self.moods_box,
            )
        )
        self.moods_grid = QGridLayout()
        self.moods_grid.setHorizontalSpacing(SPACING)
        moods.addLayout(self.moods_grid)
        layout.addWidget(self.moods_box)
        self.mood_combos: dict[str, QComboBox] = {}

        self.notes_title = self._section_title(self.tr("How it comes in"), layout)
        self.notes = plain_label("", self, role="muted")
        self.notes.setObjectName("import_notes")
        layout.addWidget(self.notes)
        self.problems_title = self._section_title("", layout)
        self.problems = plain_label("", self)
        self.problems.setObjectName("import_problems")
        layout.addWidget(self.problems)
        layout.addStretch(1)
        self.moods_box.hide()

    def _section_title(self, text: str, layout: QVBoxLayout) -> QLabel:
        title = QLabel(text, self)
        make_heading(title, 1.05)
        title.setWordWrap(True)
        layout.addWidget(title)
        return title

    def focus_order(self) -> list[QWidget]:
        return list(self.mood_combos.values())

    def show_preview(self, preview: ImportPreview) -> None:
        self.summary.setText(self._summary_text(preview))
        if preview.duplicates:
            self.duplicates.setText(
                self.tr(
                    "{count} of the things in this file are already in your vault; they stay "
                    "as they are and are not added again."
                ).format(count=QLocale().toString(preview.duplicates))
                if preview.duplicates != 1
                else self.tr(
                    "1 thing in this file is already in your vault; it stays as it is and is "
                    "not added again."
                )
            )
        self.duplicates.setVisible(bool(preview.duplicates))
        self.blocked.setText(preview.blocked or "")
        self.blocked.setVisible(preview.blocked is not None)
        self._show_moods(preview)
        notes = [n for n in preview.notes if n]
        self.notes.setText(_bullets(notes))
        self.notes_title.setVisible(bool(notes))
        self.notes.setVisible(bool(notes))
        problems = list(preview.problems)
        self.problems_title.setText(
            self.tr("What cannot come in as it is ({count})").format(count=len(problems))
        )
        self.problems.setText(_bullets(problems))
        self.problems_title.setVisible(bool(problems))
        self.problems.setVisible(bool(problems))

    def _summary_text(self, preview: ImportPreview) -> str:
        if preview.blocked is not None:
            return self.tr("This file can't be imported here.")
        what = self.counted(preview.counts)
        if not what:
            return self.tr("Nothing new to add: everything in this file is already here.")
        if preview.first_day is not None and preview.last_day is not None:
            if preview.first_day == preview.last_day:
                return self.tr("To add: {what}, on {day}.").format(
                    what=what, day=long_date(preview.first_day)
                )
            return self.tr("To add: {what}, from {first} to {last}.").format(
                what=what, first=long_date(preview.first_day), last=long_date(preview.last_day)
            )
        return self.tr("To add: {what}.").format(what=what)

    def counted(self, counts: dict[str, int]) -> str:
        """{"entries": 2, "contacts": 1} as "2 entries, 1 contact", entries first."""
        names = sorted(
            (name for name, n in counts.items() if n),
            key=lambda name: FIRST.index(name) if name in FIRST else len(FIRST),
        )
        return ", ".join(
            f"{QLocale().toString(counts[n])} {self.noun(n, counts[n])}" for n in names
        )

    def noun(self, name: str, count: int) -> str:
        """The word for `count` of `name` (as `exchange` names what it adds)."""
        words = {
            "entries": (self.tr("entry"), self.tr("entries")),
            "contacts": (self.tr("contact"), self.tr("contacts")),
            "groups": (self.tr("group"), self.tr("groups")),
            "connections": (self.tr("connection"), self.tr("connections")),
            "goals": (self.tr("goal"), self.tr("goals")),
            "commitments": (self.tr("commitment"), self.tr("commitments")),
            "recovery starts": (self.tr("recovery start"), self.tr("recovery starts")),
            "templates": (self.tr("template"), self.tr("templates")),
            "crisis lines": (self.tr("crisis line"), self.tr("crisis lines")),
            "safety plan item": (self.tr("safety plan item"), self.tr("safety plan items")),
        }
        one, many = words.get(name, (name, name))
        return one if count == 1 else many

    # --- Daylio's mood names -----------------------------------------------------------------

    def _show_moods(self, preview: ImportPreview) -> None:
        names = preview.mood_names
        self.moods_box.setVisible(bool(names))
        if list(names) != list(self.mood_combos):
            self._build_mood_rows(names)
        for name, combo in self.mood_combos.items():
            level = preview.mood_mapping.get(name)
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(level if level is not None else NO_MOOD))
            combo.blockSignals(False)

    def _build_mood_rows(self, names: dict[str, int]) -> None:
        while self.moods_grid.count():
            widget = self.moods_grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.mood_combos = {}
        levels = [
            (NO_MOOD, self.tr("no mood")),
            (1, self.tr("awful (1)")),
            (2, self.tr("bad (2)")),
            (3, self.tr("okay (3)")),
            (4, self.tr("good (4)")),
            (5, self.tr("great (5)")),
        ]
        for row, (name, count) in enumerate(names.items()):
            label = QLabel(
                self.tr("“{name}” ({count} entries)").format(name=name, count=count)
                if count != 1
                else self.tr("“{name}” (1 entry)").format(name=name),
                self.moods_box,
            )
            label.setWordWrap(True)
            combo = QComboBox(self.moods_box)
            combo.setObjectName(f"import_mood_{row}")
            combo.setAccessibleName(self.tr("Mood for “{name}”").format(name=name))
            for level, text in levels:
                combo.addItem(text, level)
            label.setBuddy(combo)
            combo.currentIndexChanged.connect(
                lambda _i, name=name, combo=combo: self._mood_picked(name, combo)
            )
            self.moods_grid.addWidget(label, row, 0)
            self.moods_grid.addWidget(combo, row, 1)
            self.mood_combos[name] = combo
        self.moods_grid.setColumnStretch(2, 1)  # each combo right beside its name
        self.mood_rows_built.emit()

    def _mood_picked(self, name: str, combo: QComboBox) -> None:
        level = combo.currentData()
        self.mood_changed.emit(name, None if level in (None, NO_MOOD) else int(level))


def _bullets(lines: list[str]) -> str:
    shown = lines[:MAX_LISTED]
    text = "\n".join(f"• {line}" for line in shown)
    if len(lines) > MAX_LISTED:
        more = QLocale().toString(len(lines) - MAX_LISTED)
        text += "\n" + QCoreApplication.translate("ImportPreviewView", "…and {count} more").format(
            count=more
        )
    return text
