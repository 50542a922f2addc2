# SPDX-License-Identifier: GPL-3.0-or-later
"""Pick-several chips with suggestions, plus a field to add one's own word.

Used for the craving follow-ups ("What set it off?", "What helped?"). A chosen chip shows a
check mark as well as the accent colour, so the choice never rests on colour alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from recovery_desktop.ui.widgets.flow_layout import FlowLayout

CHECK = "\u2713 "


class TagChips(QWidget):
    """Chips for `suggestions`; `selected()` gives the chosen words in the order shown."""

    changed = Signal()

    def __init__(self, name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._accessible = accessible
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        self._chip_area = QWidget(self)
        self._flow = FlowLayout(self._chip_area, spacing=6)
        outer.addWidget(self._chip_area)
        self.add_field = QLineEdit(self)
        self.add_field.setObjectName(f"{name}_add")
        self.add_field.setAccessibleName(self.tr("Add your own: %1").replace("%1", accessible))
        self.add_field.setPlaceholderText(self.tr("Add your own, then press Enter"))
        self.add_field.setMaxLength(200)
        self.add_field.returnPressed.connect(self._add_typed)
        outer.addWidget(self.add_field)
        self.chips: dict[str, QPushButton] = {}  # casefolded word -> chip

    def set_suggestions(self, words: Sequence[str]) -> None:
        """Show these chips (keeping any chosen ones, even if no longer suggested)."""
        chosen = self.selected()
        for chip in list(self.chips.values()):
            self._flow.removeWidget(chip)
            chip.hide()  # out of sight and out of the Tab order now, not when it is freed
            chip.setParent(None)
            chip.deleteLater()
        self.chips.clear()
        for word in (*words, *chosen):
            self._add_chip(word)
        self.set_selected(chosen)

    def _add_chip(self, word: str) -> QPushButton | None:
        word = " ".join(word.split())
        key = word.casefold()
        if not key or key in self.chips:
            return self.chips.get(key)
        chip = QPushButton(word, self._chip_area)
        chip.setCheckable(True)
        chip.setProperty("chip", True)  # the theme's rounded chip, filled when chosen
        chip.setProperty("word", word)
        chip.setCursor(Qt.CursorShape.PointingHandCursor)
        chip.setObjectName(f"{self._name}_chip_{'_'.join(key.split())}")
        chip.setAccessibleName(word)
        chip.toggled.connect(lambda checked, c=chip: self._on_chip(c, checked))
        self.chips[key] = chip
        self._flow.addWidget(chip)
        self._fix_tab_order()
        return chip

    def _fix_tab_order(self) -> None:
        previous: QWidget | None = None
        for chip in self.chips.values():
            if previous is not None:
                QWidget.setTabOrder(previous, chip)
            previous = chip
        if previous is not None:
            QWidget.setTabOrder(previous, self.add_field)

    def _on_chip(self, chip: QPushButton, checked: bool) -> None:
        word = str(chip.property("word"))
        chip.setText(CHECK + word if checked else word)
        chip.setAccessibleDescription(self.tr("chosen") if checked else "")
        self._chip_area.updateGeometry()
        self.changed.emit()

    def _add_typed(self) -> None:
        word = " ".join(self.add_field.text().split())
        if not word:
            return
        chip = self._add_chip(word)
        if chip is not None:
            chip.setChecked(True)
        self.add_field.clear()

    def selected(self) -> tuple[str, ...]:
        return tuple(str(chip.property("word")) for chip in self.chips.values() if chip.isChecked())

    def set_selected(self, words: Iterable[str]) -> None:
        words = list(words)
        wanted = {" ".join(w.split()).casefold() for w in words}
        for original in words:
            self._add_chip(original)
        for key, chip in self.chips.items():
            chip.blockSignals(True)
            chip.setChecked(key in wanted)
            chip.blockSignals(False)
            self._on_chip_quiet(chip)

    def _on_chip_quiet(self, chip: QPushButton) -> None:
        word = str(chip.property("word"))
        chip.setText(CHECK + word if chip.isChecked() else word)

    def pending_text(self) -> str:
        """Words typed in the add field but not yet turned into a chip (kept on save)."""
        return " ".join(self.add_field.text().split())
