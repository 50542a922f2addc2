# SPDX-License-Identifier: GPL-3.0-or-later
"""Help now: crisis lines, the people who can help and the reasons to keep going, each number
one click from the clipboard.

Reachable from every page and from the unlock window. Unlocked, it reads the safety plan: its
crisis lines (for the vault's country), each person once (`SafetyPlanRepository.help_people`:
the plan's people to ask and professionals, then the emergency contacts) and the reasons to keep
going; on an empty plan it offers to open the Safety plan page. On the unlock screen the vault is
still encrypted: it shows the crisis lines of the country kept in the app settings (or the
system's) and no people. Nothing here dials or sends anything; the app stays offline.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.crisis_lines import crisis_lines_for, has_own_lines
from recovery_desktop.core.help_now import HelpPerson
from recovery_desktop.core.models import CrisisLine, PlanSection
from recovery_desktop.ui.app_settings import AppSettings
from recovery_desktop.ui.clipboard import copy_text
from recovery_desktop.ui.safety.country import (
    CountryPicker,
    country_while_locked,
    ensure_country,
)
from recovery_desktop.ui.safety.wording import role_text
from recovery_desktop.ui.theme import SPACING, make_heading, scaled_font
from recovery_desktop.ui.widgets.plain_buttons import without_icons

if TYPE_CHECKING:
    from recovery_desktop.storage import Vault

ROOM = 0.9  # of the screen's height, at most; more content scrolls


def _shown_lines(lines: Sequence[CrisisLine]) -> list[CrisisLine]:
    return [line for line in lines if line.name.strip() or line.phone.strip()]


class HelpNowDialog(QDialog):
    """Crisis lines (with the country they are for), people, reasons; a Copy button beside
    each number. Build it with `for_vault(vault, parent)` or `while_locked(parent)`.

    `copy_buttons` maps each Copy button to its number and `people_names` lists the people
    shown (tests and screen readers use the names): those with a number first, then any
    without one, which say "No number saved" where the number would be. `open_safety_plan_requested` asks the main
    window for the Safety plan page (the dialog closes itself first).
    """

    open_safety_plan_requested = Signal()

    def __init__(
        self,
        crisis_lines: Sequence[CrisisLine],
        people: Sequence[HelpPerson] = (),
        reasons: Sequence[str] = (),
        *,
        country: str | None = None,
        vault: Vault | None = None,
        settings: AppSettings | None = None,
        note: str = "",
        plan_button: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("help_now_dialog")
        self.setWindowTitle(self.tr("Help now"))
        self.setAccessibleName(self.tr("Help now"))
        self._vault = vault
        self._settings = settings
        self.copy_buttons: dict[QPushButton, str] = {}
        # Everyone with a number to call first (in the plan's order), then those without one.
        people = sorted(people, key=lambda person: not person.phone.strip())
        self.people_names: list[str] = [p.name for p in people]

        self.body = QWidget(self)
        self.body.setObjectName("help_now_body")
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(SPACING // 2)
        heading = QLabel(self.tr("You don't have to get through this alone."), self.body)
        make_heading(heading, 1.45)
        heading.setWordWrap(True)
        intro = QLabel(
            self.tr(
                "Reach out to someone now. If you're in immediate danger, call your local "
                "emergency number."
            ),
            self.body,
        )
        intro.setWordWrap(True)
        body.addWidget(heading)
        body.addWidget(intro)

        self.country_picker = CountryPicker("help_now_country", self.body)
        self.country_picker.set_country(country)
        self.country_picker.country_chosen.connect(self._choose_country)
        crisis_heading = QHBoxLayout()
        crisis_heading.addWidget(self._heading(self.tr("Crisis lines")), 1)
        country_label = QLabel(self.tr("Lines for"), self.body)
        country_label.setBuddy(self.country_picker)
        crisis_heading.addWidget(country_label)
        crisis_heading.addWidget(self.country_picker)
        body.addSpacing(SPACING // 2)
        body.addLayout(crisis_heading)
        self.crisis_card = self._card()
        body.addWidget(self.crisis_card)
        self._fill_crisis_lines(crisis_lines)

        if people:
            body.addSpacing(SPACING // 2)
            body.addWidget(self._heading(self.tr("People who can help")))
            card = self._card()
            grid = card.layout()
            for row, person in enumerate(people):
                self._row(grid, row, person.name, person.detail, person.phone, "person")
            body.addWidget(card)
        if reasons:
            body.addSpacing(SPACING // 2)
            body.addWidget(self._heading(self.tr("Your reasons to keep going")))
            card = self._card()
            for row, reason in enumerate(reasons):
                label = QLabel("• " + reason, card)
                label.setWordWrap(True)
                label.setTextFormat(Qt.TextFormat.PlainText)
                card.layout().addWidget(label, row, 0)
            body.addWidget(card)
        self.note: QLabel | None = None
        if note:
            self.note = QLabel(note, self.body)
            self.note.setObjectName("help_now_note")
            self.note.setProperty("role", "banner")
            self.note.setWordWrap(True)
            body.addSpacing(SPACING // 2)
            body.addWidget(self.note)
        body.addStretch(1)

        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("help_now_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.body)
        # Not a Tab stop of its own: Tab moves through the Copy buttons, and it scrolls to them.
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.buttons = without_icons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("help_now_close")
        close.setAccessibleName(self.tr("Close Help now"))
        self.buttons.rejected.connect(self.reject)
        self.plan_button: QPushButton | None = None
        if plan_button:
            self.plan_button = self.buttons.addButton(
                plan_button, QDialogButtonBox.ButtonRole.ActionRole
            )
            self.plan_button.setObjectName("help_now_open_plan")
            self.plan_button.setAccessibleName(plan_button)
            self.plan_button.setAutoDefault(False)
            self.plan_button.clicked.connect(self._open_plan)

        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.buttons)
        self._fit_to_content()

    # --- building ------------------------------------------------------------------------------

    @classmethod
    def while_locked(
        cls, parent: QWidget | None = None, settings: AppSettings | None = None
    ) -> HelpNowDialog:
        """The crisis lines of the country kept in the app settings (or the system's); no
        people: they are inside the encrypted vault."""
        settings = settings or AppSettings()
        country = country_while_locked(settings)
        note = HelpNowDialog.tr(
            "Your own safety plan and emergency contacts show here once you unlock."
        )
        return cls(
            crisis_lines_for(country), country=country, settings=settings, note=note, parent=parent
        )

    @classmethod
    def crisis_lines_only(
        cls, parent: QWidget | None = None, settings: AppSettings | None = None
    ) -> HelpNowDialog:
        """When the plan cannot be read just now: the crisis lines, and a word about it."""
        settings = settings or AppSettings()
        country = country_while_locked(settings)
        note = HelpNowDialog.tr(
            "Your safety plan couldn't be read just now. These lines are always there."
        )
        return cls(
            crisis_lines_for(country), country=country, settings=settings, note=note, parent=parent
        )

    @classmethod
    def for_vault(
        cls, vault: Vault, parent: QWidget | None = None, settings: AppSettings | None = None
    ) -> HelpNowDialog:
        """Read the plan, its crisis lines and its people (quick reads, GUI thread)."""
        settings = settings or AppSettings()
        country = ensure_country(vault, settings)
        lines = vault.crisis_lines.list()
        people = [_translated_detail(vault, person) for person in vault.safety_plan.help_people()]
        reasons = [item.text for item in vault.safety_plan.items(PlanSection.REASONS)]
        if vault.safety_plan.is_empty():
            note = HelpNowDialog.tr(
                "When you feel ready, you can write your own safety plan: the warning signs, "
                "what helps, the people to call. It will show up here. For now, these lines are "
                "always there."
            )
            button = HelpNowDialog.tr("Write my safety plan")
        else:
            note = ""
            button = HelpNowDialog.tr("Open my safety plan")
        return cls(
            lines,
            people,
            reasons,
            country=country,
            vault=vault,
            settings=settings,
            note=note,
            plan_button=button,
            parent=parent,
        )

    def _heading(self, title: str) -> QLabel:
        heading = QLabel(title, self.body)
        heading.setFont(scaled_font(self.font(), 1.15, bold=True))
        return heading

    def _card(self) -> QFrame:
        card = QFrame(self.body)
        card.setProperty("role", "card")
        grid = QGridLayout(card)
        grid.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        grid.setHorizontalSpacing(SPACING)
        grid.setVerticalSpacing(SPACING)
        grid.setColumnStretch(0, 1)
        return card

    def _fill_crisis_lines(self, lines: Sequence[CrisisLine]) -> None:
        grid = self.crisis_card.layout()
        assert isinstance(grid, QGridLayout)
        while grid.count():
            item = grid.takeAt(0)
            if (widget := item.widget()) is not None:
                for button in widget.findChildren(QPushButton) + [widget]:
                    self.copy_buttons.pop(button, None)  # type: ignore[call-overload]
                widget.hide()
                widget.setParent(None)  # out of the tree now (findChild, focus); freed later
                widget.deleteLater()
        shown = _shown_lines(lines)
        if not shown:  # every line removed from the plan: help is never an empty box
            shown = _shown_lines(crisis_lines_for(self.country_picker.country()))
        for row, line in enumerate(shown):
            detail = " · ".join(part for part in (line.text, line.notes) if part)
            self._row(grid, row, line.name or line.phone, detail, line.phone, "crisis")

    def _row(
        self, grid: QGridLayout, row: int, name: str, detail: str, phone: str, kind: str
    ) -> None:
        card = grid.parentWidget()
        text = QWidget(card)
        text_layout = QVBoxLayout(text)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.setSpacing(2)
        name_label = QLabel(name, text)
        name_label.setWordWrap(True)
        name_label.setTextFormat(Qt.TextFormat.PlainText)
        name_label.setFont(scaled_font(self.font(), 1.0, bold=True))
        text_layout.addWidget(name_label)
        if detail and detail != name:
            detail_label = QLabel(detail, text)
            detail_label.setWordWrap(True)
            detail_label.setTextFormat(Qt.TextFormat.PlainText)
            detail_label.setProperty("role", "muted")
            text_layout.addWidget(detail_label)
        grid.addWidget(text, row, 0)
        if phone:
            number = QLabel(phone, card)
            number.setFont(scaled_font(self.font(), 1.3, bold=True))
            number.setTextFormat(Qt.TextFormat.PlainText)
            number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            number.setAccessibleName(self.tr("Phone number of {name}").format(name=name))
            grid.addWidget(number, row, 1, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(self._copy_button(card, name, phone, kind), row, 2)
        else:  # said plainly where the number would be, so the row does not look broken
            missing = QLabel(self.tr("No number saved"), card)
            missing.setObjectName("help_now_no_number")
            missing.setProperty("role", "muted")
            grid.addWidget(missing, row, 1, 1, 2, Qt.AlignmentFlag.AlignRight)

    def _copy_button(self, parent: QWidget, name: str, phone: str, kind: str) -> QPushButton:
        button = QPushButton(self.tr("Copy"), parent)
        button.setAutoDefault(False)  # Enter closes the dialog; it never copies by surprise
        button.setObjectName(f"copy_phone_{kind}_{len(self.copy_buttons)}")
        button.setProperty("help_kind", kind)
        button.setAccessibleName(self.tr("Copy the number of {name}").format(name=name))
        button.setToolTip(self.tr("Copy {phone}").format(phone=phone))
        button.clicked.connect(lambda: self._copy(button, phone))
        self.copy_buttons[button] = phone
        return button

    def _copy(self, button: QPushButton, phone: str) -> None:
        copy_text(phone)  # not secret, but still taken off again on lock and quit
        button.setText(self.tr("Copied"))
        QTimer.singleShot(2000, button, lambda: button.setText(self.tr("Copy")))

    # --- acting ------------------------------------------------------------------------------

    def _choose_country(self, code: str) -> None:
        """Show another country's lines; keep the choice (vault and app settings)."""
        if self._settings is not None:
            self._settings.set_crisis_country(code)
        if self._vault is None:
            lines: Sequence[CrisisLine] = crisis_lines_for(code)
        else:
            try:
                current = self._vault.crisis_lines.country()
                if has_own_lines(code) or has_own_lines(current):
                    self._vault.crisis_lines.choose_country(code)
                lines = self._vault.crisis_lines.list()
            except Exception as error:  # the disk refused: show the lines all the same
                from recovery_desktop.storage.errors import storage_failure_message

                if storage_failure_message(error) is None:
                    raise
                lines = crisis_lines_for(code)
        self._fill_crisis_lines(lines)
        self._fit_to_content()

    def _open_plan(self) -> None:
        self.accept()
        self.open_safety_plan_requested.emit()

    # --- size ----------------------------------------------------------------------------------

    def _fit_to_content(self) -> None:
        """As tall as what it shows, so nothing hides in a small scrolling box; at most
        `ROOM` of the screen, beyond which the content scrolls."""
        self.ensurePolished()
        char = self.fontMetrics().averageCharWidth()
        available = self.screen().availableGeometry()
        width = min(max(char * 96, self.minimumSizeHint().width()), int(available.width() * 0.9))
        margins = self.layout().contentsMargins()
        # Measured as if a scroll bar took its room: then none is needed where all fits.
        scroll_bar = self.scroll.verticalScrollBar().sizeHint().width()
        inner = width - margins.left() - margins.right() - scroll_bar
        self.body.layout().activate()
        needed = self.body.layout().totalHeightForWidth(inner)
        if needed < 0:
            needed = self.body.sizeHint().height()
        chrome = (
            margins.top()
            + margins.bottom()
            + self.layout().spacing()
            + self.buttons.sizeHint().height()
        )
        shown = max(0, min(needed, int(available.height() * ROOM) - chrome))
        self.scroll.setMinimumHeight(shown)
        self.setMinimumWidth(min(char * 60, width))
        self.resize(width, shown + chrome)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        self._fit_to_content()  # fonts and style sheet are final now
        super().showEvent(event)


def _translated_detail(vault: Vault, person: HelpPerson) -> HelpPerson:
    """A contact's role ("Sponsor", in the person's language) before the plan's note."""
    if person.contact_id is None:
        return person
    contact = vault.contacts.get(person.contact_id)
    if contact is None:
        return person
    note = "" if person.detail == str(contact.role).capitalize() else person.detail
    detail = " · ".join(part for part in (role_text(contact.role), note) if part)
    return HelpPerson(person.name, person.phone, detail, person.contact_id)
