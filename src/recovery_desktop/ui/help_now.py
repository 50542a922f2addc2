# SPDX-License-Identifier: GPL-3.0-or-later
"""Help now: crisis lines, the people I can ask, and emergency contacts, one click to copy.

Reachable from every page and from the unlock window. While the vault is locked (or the plan is
still empty) it shows the default crisis lines (DESIGN §4), so help is never behind a passphrase.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.models import DEFAULT_CRISIS_LINES, CrisisLine, SafetyPlan
from recovery_desktop.storage import Vault
from recovery_desktop.ui.clipboard import copy_text
from recovery_desktop.ui.theme import SPACING, make_heading, scaled_font
from recovery_desktop.ui.widgets.plain_buttons import without_icons

_PHONE = re.compile(r"\+?\d[\d\s().\-]{1,}\d")


@dataclass(frozen=True, slots=True)
class HelpLine:
    """One row: who, how to reach them, and a short note."""

    name: str
    phone: str = ""
    detail: str = ""


def phone_in(text: str) -> str:
    """The first phone-like number in a line of the safety plan ("Dana (sponsor) 555-0142")."""
    match = _PHONE.search(text)
    return match.group(0).strip() if match else ""


def _plan_is_empty(plan: SafetyPlan) -> bool:
    return not any(str(getattr(plan, name)).strip() for name in SafetyPlan.FIELDS)


class HelpNowDialog(QDialog):
    """Shows help in three groups; each phone number has its own "Copy" button.

    Build it with `for_vault(vault, parent)` when unlocked or `while_locked(parent)`.
    `copy_buttons` maps each Copy button to its number (tests and screen readers use the names).
    """

    def __init__(
        self,
        crisis_lines: Sequence[CrisisLine],
        help_people: Sequence[HelpLine] = (),
        emergency_contacts: Sequence[HelpLine] = (),
        *,
        note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("help_now_dialog")
        self.setWindowTitle(self.tr("Help now"))
        self.copy_buttons: dict[QPushButton, str] = {}

        heading = QLabel(self.tr("You don't have to get through this alone."), self)
        make_heading(heading, 1.45)
        heading.setWordWrap(True)
        intro = QLabel(
            self.tr(
                "Reach out to someone now. If you're in immediate danger, call your local "
                "emergency number."
            ),
            self,
        )
        intro.setWordWrap(True)

        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        lines = [
            HelpLine(line.name, line.phone, " · ".join(p for p in (line.text, line.notes) if p))
            for line in crisis_lines
        ]
        self._section(body_layout, self.tr("Crisis lines"), lines, "crisis")
        if help_people:
            self._section(body_layout, self.tr("People I can ask for help"), help_people, "person")
        if emergency_contacts:
            self._section(body_layout, self.tr("Emergency contacts"), emergency_contacts, "contact")
        if note:
            note_label = QLabel(note, body)
            note_label.setObjectName("help_now_note")
            note_label.setProperty("role", "banner")
            note_label.setWordWrap(True)
            body_layout.addWidget(note_label)
        body_layout.addStretch(1)

        buttons = without_icons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self))
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("help_now_close")
        close.setAccessibleName(self.tr("Close Help now"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(buttons)
        char = self.fontMetrics().averageCharWidth()
        self.setMinimumWidth(char * 66)
        width = char * 92
        # Everything shows at once, as tall as it is; only a screen too short for it puts
        # the lines in a scroll area (never a small one inside a roomy dialog).
        self.scroll: QScrollArea | None = None
        if self._fits_on_screen(body, width):
            layout.insertWidget(2, body, 1)
        else:
            self.scroll = QScrollArea(self)
            self.scroll.setObjectName("help_now_scroll")
            self.scroll.setWidgetResizable(True)
            self.scroll.setFrameShape(QFrame.Shape.NoFrame)
            self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.scroll.setWidget(body)
            layout.insertWidget(2, self.scroll, 1)
        self.resize(width, self.sizeHint().height())

    def _fits_on_screen(self, body: QWidget, width: int) -> bool:
        """Whether the dialog, `width` wide with `body` shown whole, fits the screen."""
        self.ensurePolished()  # measured with the theme's fonts and padding, as shown
        layout = self.layout()
        margins = layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        needed = body.heightForWidth(inner) if body.hasHeightForWidth() else -1
        needed = max(needed, body.sizeHint().height())
        around = layout.totalSizeHint().height() + layout.spacing()
        return around + needed <= self.screen().availableGeometry().height() * 0.9

    # --- building ------------------------------------------------------------------------------

    @classmethod
    def while_locked(cls, parent: QWidget | None = None) -> HelpNowDialog:
        note = cls.tr_static(
            "Your own safety plan and emergency contacts show here once you unlock."
        )
        return cls(DEFAULT_CRISIS_LINES, note=note, parent=parent)

    @classmethod
    def for_vault(cls, vault: Vault, parent: QWidget | None = None) -> HelpNowDialog:
        """Read the plan and the emergency contacts (quick reads, GUI thread)."""
        plan = vault.safety_plan.get()
        crisis_lines = plan.crisis_lines or DEFAULT_CRISIS_LINES
        people = [
            HelpLine(line.strip(), phone_in(line))
            for line in plan.help_people.splitlines()
            if line.strip()
        ]
        contacts = [
            HelpLine(c.name, c.phone, str(c.role).capitalize())
            for c in vault.contacts.emergency()
            if not c.archived
        ]
        note = ""
        if _plan_is_empty(plan):
            note = cls.tr_static(
                "When you feel ready, you can write your own safety plan under Safety plan: the "
                "people and steps that help you. It will show up here. For now, these lines are "
                "always there."
            )
        return cls(crisis_lines, people, contacts, note=note, parent=parent)

    @staticmethod
    def tr_static(text: str) -> str:
        return QApplication.translate("HelpNowDialog", text)

    def _section(
        self, layout: QVBoxLayout, title: str, lines: Sequence[HelpLine], kind: str
    ) -> None:
        heading = QLabel(title, self)
        heading.setObjectName(f"help_now_heading_{kind}")
        heading.setFont(scaled_font(self.font(), 1.15, bold=True))
        layout.addSpacing(SPACING // 2)
        layout.addWidget(heading)
        card = QFrame(self)
        card.setProperty("role", "card")
        grid = QGridLayout(card)
        grid.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        grid.setHorizontalSpacing(SPACING)
        grid.setVerticalSpacing(SPACING // 2)
        grid.setColumnStretch(0, 1)
        for row, line in enumerate(lines):
            name = QLabel(line.name, card)
            name.setWordWrap(True)
            name.setTextFormat(Qt.TextFormat.PlainText)
            name.setFont(scaled_font(self.font(), 1.0, bold=True))
            text = QWidget(card)
            text_layout = QVBoxLayout(text)
            text_layout.setContentsMargins(0, 0, 0, 0)
            text_layout.setSpacing(2)
            text_layout.addWidget(name)
            if line.detail and line.detail != line.name:
                detail = QLabel(line.detail, card)
                detail.setWordWrap(True)
                detail.setTextFormat(Qt.TextFormat.PlainText)
                detail.setProperty("role", "muted")
                text_layout.addWidget(detail)
            grid.addWidget(text, row, 0)
            if line.phone:
                number = QLabel(line.phone, card)
                number.setFont(scaled_font(self.font(), 1.3, bold=True))
                number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                number.setAccessibleName(self.tr("Phone number"))
                grid.addWidget(number, row, 1, Qt.AlignmentFlag.AlignRight)
                grid.addWidget(self._copy_button(card, line, kind), row, 2)
        layout.addWidget(card)

    def _copy_button(self, parent: QWidget, line: HelpLine, kind: str) -> QPushButton:
        button = QPushButton(self.tr("Copy"), parent)
        button.setAutoDefault(False)  # Enter closes the dialog; it never copies by surprise
        button.setObjectName(f"copy_phone_{len(self.copy_buttons)}")
        button.setProperty("help_kind", kind)
        button.setAccessibleName(self.tr("Copy the number of {name}").format(name=line.name))
        button.setToolTip(self.tr("Copy {phone}").format(phone=line.phone))
        button.clicked.connect(lambda: self._copy(button, line.phone))
        self.copy_buttons[button] = line.phone
        return button

    def _copy(self, button: QPushButton, phone: str) -> None:
        copy_text(phone)  # not secret, but still taken off again on lock and quit
        button.setText(self.tr("Copied"))
        QTimer.singleShot(2000, button, lambda: button.setText(self.tr("Copy")))
