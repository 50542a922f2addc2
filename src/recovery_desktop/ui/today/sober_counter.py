# SPDX-License-Identifier: GPL-3.0-or-later
"""The sober-day counter: days in this run, the next milestone, and every earlier day kept.

A new start is shown as what it is, a new start, with the total of all sober days beside it.
Words such as "relapse", "failed" or "reset" never appear: the history is kept, and so is the
credit for it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.checkin import (
    MilestoneParts,
    SoberSummary,
    milestone_progress,
    sober_summary,
)
from recovery_desktop.core.models import RecoveryStart
from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage import Vault
from recovery_desktop.ui.counter.counter_extras import CounterExtras
from recovery_desktop.ui.counter.start_offer import Offer, StartOffer
from recovery_desktop.ui.theme import make_heading, scaled_font
from recovery_desktop.ui.today.card import Card, error_label, muted_label, plural, wrapped_label
from recovery_desktop.ui.widgets.dates import long_date, use_locale_format


class SoberCounterCard(Card):
    """Shows `core.checkin.sober_summary` over the vault's recovery starts."""

    starts_changed = Signal()

    def __init__(self, vault: Vault, today: date, parent: QWidget | None = None) -> None:
        super().__init__("sober_card", self.tr("Sober days"), "", parent)
        self._vault = vault
        self._today = today
        self.summary = SoberSummary(has_start=False)

        number_row = QHBoxLayout()
        self.days_number = QLabel("", self)
        self.days_number.setObjectName("sober_days_number")
        self.days_number.setFont(scaled_font(self.font(), 3.2, bold=True))
        number_row.addWidget(self.days_number, 0, Qt.AlignmentFlag.AlignBottom)
        self.days_word = QLabel("", self)
        self.days_word.setFont(scaled_font(self.font(), 1.3))
        number_row.addWidget(self.days_word, 0, Qt.AlignmentFlag.AlignBottom)
        number_row.addStretch(1)
        self.body.addLayout(number_row)

        self.since = muted_label("", self)
        self.since.setObjectName("sober_since")
        self.body.addWidget(self.since)

        self.celebration = wrapped_label("", self)
        self.celebration.setObjectName("sober_celebration")
        self.celebration.setProperty("role", "banner")
        self.body.addWidget(self.celebration)

        self.new_start_line = wrapped_label("", self)
        self.new_start_line.setObjectName("sober_new_start")
        self.body.addWidget(self.new_start_line)

        self.next_line = wrapped_label("", self)
        self.next_line.setObjectName("sober_next_milestone")
        self.body.addWidget(self.next_line)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("sober_progress")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.body.addWidget(self.progress)

        self.history = muted_label("", self)
        self.history.setObjectName("sober_history")
        self.body.addWidget(self.history)

        self.invite = wrapped_label(
            self.tr(
                "Counting your days can help you see how far you have come. Whenever you "
                "are ready, choose your first sober day: today, or a day in the past."
            ),
            self,
        )
        self.invite.setObjectName("sober_invite")
        self.body.addWidget(self.invite)

        buttons = QHBoxLayout()
        self.set_start_button = QPushButton(self.tr("Set your start date"), self)
        self.set_start_button.setObjectName("set_start_button")
        self.set_start_button.setAccessibleName(self.tr("Set your start date"))
        self.set_start_button.setProperty("primary", True)
        self.set_start_button.clicked.connect(self.open_start_dialog)
        buttons.addWidget(self.set_start_button)
        self.new_start_button = QPushButton(self.tr("Record a new start"), self)
        self.new_start_button.setObjectName("new_start_button")
        self.new_start_button.setAccessibleName(self.tr("Record a new start"))
        self.new_start_button.clicked.connect(self.open_start_dialog)
        buttons.addWidget(self.new_start_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        # What "Sober today?" offers (a new start after "No"), where "Record a new start"
        # is: in this card's flow, so it covers nothing and moves nothing in the check-in.
        self.start_offer = StartOffer(vault.recovery_starts, today, self)
        self.start_offer.starts_changed.connect(self._after_dialog)
        self.start_offer.state_changed.connect(self._offer_changed)
        self.start_offer.put_away.connect(self._offer_put_away)
        self.body.addWidget(self.start_offer)
        # A new start set for tomorrow, money and time regained, the history of starts.
        self.extras = CounterExtras(vault.recovery_starts, today, self)
        self.extras.changed.connect(self._after_dialog)
        self.body.addWidget(self.extras)
        self.refresh(today)

    def refresh(self, today: date) -> None:
        self._today = today
        self.summary = s = sober_summary(self._vault.recovery_starts.list(), today)
        self.extras.refresh(today)
        has = s.has_start
        for widget in (
            self.days_number,
            self.days_word,
            self.since,
            self.next_line,
            self.progress,
        ):
            widget.setVisible(has)
        self._offer_changed()
        self.invite.setVisible(not has)
        self.set_start_button.setVisible(not has)
        if not has:
            self.celebration.setVisible(False)
            self.new_start_line.setVisible(False)
            self.history.setVisible(s.start_in_future is not None)
            if s.start_in_future is not None:
                self.history.setText(
                    self.tr("Your start date is set for %1.").replace(
                        "%1", long_date(s.start_in_future)
                    )
                )
            return

        self.days_number.setText(str(s.current_days))
        self.days_number.setAccessibleName(
            plural(self.tr("%n sober day(s)", "", s.current_days), s.current_days)
        )
        self.days_word.setText(plural(self.tr("day(s)", "", s.current_days), s.current_days))
        assert s.current_start is not None
        if s.current_days == 0:
            self.since.setText(self.tr("Day one starts today. Every day counts from here."))
        else:
            self.since.setText(self.tr("sober since %1").replace("%1", long_date(s.current_start)))

        self.new_start_line.setVisible(s.is_new_start)
        if s.is_new_start:
            if s.current_days == 0:
                first = self.tr("A new start, today.")
            else:
                first = self.tr("A new start: day %1.").replace("%1", str(s.current_days))
            self.new_start_line.setText(
                first
                + " "
                + plural(self.tr("%n sober day(s) in total.", "", s.total_days), s.total_days)
            )

        self.celebration.setVisible(s.recent_milestone is not None)
        if s.recent_milestone is not None and s.recent_milestone_on is not None:
            what = self.milestone_text(s.recent_milestone)
            if s.recent_milestone_on == today:
                text = self.tr("Today you reach %1. Take a moment to feel that: well done.")
            else:
                text = self.tr("You reached %1 on %2. That matters. Well done.").replace(
                    "%2", long_date(s.recent_milestone_on)
                )
            self.celebration.setText(text.replace("%1", what))

        if s.next_milestone is not None:
            self.next_line.setText(
                self.tr("Next milestone: %1, %2.")
                .replace("%1", self.milestone_text(s.next_milestone))
                .replace(
                    "%2", plural(self.tr("%n day(s) to go", "", s.days_to_next), s.days_to_next)
                )
            )
            self.progress.setValue(round(milestone_progress(s) * 1000))
            self.progress.setAccessibleName(self.next_line.text())
        else:
            self.next_line.setVisible(False)
            self.progress.setVisible(False)

        self.history.setVisible(s.is_new_start)
        if s.is_new_start:
            self.history.setText(
                plural(
                    self.tr(
                        "Longest run: %n day(s). Your earlier days still count.", "", s.longest_days
                    ),
                    s.longest_days,
                )
            )

    def _offer_changed(self) -> None:
        """While the offer is shown, the card's "Record a new start" waits (the offer has a
        button of that name, then says what was recorded, where the button was); while it
        says when the new start begins, the line below that says it too waits."""
        state = self.start_offer.state
        self.new_start_button.setVisible(self.summary.has_start and state is Offer.NONE)
        self.extras.set_planned_quiet(state in (Offer.RECORDED, Offer.PLANNED))

    def _offer_put_away(self, had_focus: bool) -> None:
        """After "Not now", Escape or Undo, the keyboard lands on the card's own button, where
        the offer was: the way to a new start (or a first one) later."""
        if not had_focus:
            return
        for button in (self.new_start_button, self.set_start_button, self.extras.dates_button):
            if button.isVisibleTo(self):
                button.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def milestone_text(self, parts: MilestoneParts) -> str:
        n = parts.count
        if parts.unit == "day":
            return plural(self.tr("%n day(s)", "", n), n)
        if parts.unit == "month":
            return plural(self.tr("%n month(s)", "", n), n)
        return plural(self.tr("%n year(s)", "", n), n)

    def open_start_dialog(self) -> None:
        dialog = NewStartDialog(
            self._vault, self._today, first=not self.summary.has_start, parent=self
        )
        dialog.accepted.connect(self._after_dialog)
        dialog.open()

    def _after_dialog(self) -> None:
        self.refresh(self._today)
        self.starts_changed.emit()


class NewStartDialog(QDialog):
    """Choose a start day and an optional note; adds a RecoveryStart on Save."""

    def __init__(
        self, vault: Vault, today: date, *, first: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("new_start_dialog")
        self._vault = vault
        self._today = today
        self.added: RecoveryStart | None = None
        self.setWindowTitle(self.tr("Your start date") if first else self.tr("A new start"))
        layout = QVBoxLayout(self)
        heading = QLabel(self.windowTitle(), self)
        make_heading(heading, 1.3)
        layout.addWidget(heading)
        if first:
            words = self.tr("Your first sober day. It can be today, or a day in the past.")
        else:
            words = self.tr(
                "Starting again takes courage. Your earlier days still count, and "
                "they stay in your history."
            )
        intro = wrapped_label(words, self)
        intro.setObjectName("new_start_intro")
        layout.addWidget(intro)

        form = QFormLayout()
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("new_start_date")
        self.date_edit.setAccessibleName(self.tr("First sober day"))
        self.date_edit.setCalendarPopup(True)
        use_locale_format(self.date_edit)  # as every date in the app
        qtoday = QDate(today.year, today.month, today.day)
        self.date_edit.setMaximumDate(qtoday)
        self.date_edit.setMinimumDate(QDate(1900, 1, 1))
        self.date_edit.setDate(qtoday)
        form.addRow(self.tr("First sober day"), self.date_edit)
        self.note = QLineEdit(self)
        self.note.setObjectName("new_start_note")
        self.note.setAccessibleName(self.tr("A note for yourself (optional)"))
        self.note.setPlaceholderText(self.tr("Optional"))
        form.addRow(self.tr("A note for yourself"), self.note)
        layout.addLayout(form)

        self.error = error_label("new_start_error", self)
        layout.addWidget(self.error)

        box = QDialogButtonBox(self)
        self.save_button = box.addButton(
            self.tr("Save start date"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("new_start_save")
        self.save_button.setAccessibleName(self.tr("Save start date"))
        self.save_button.setDefault(True)
        cancel = box.addButton(self.tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("new_start_cancel")
        cancel.setAccessibleName(self.tr("Not now"))
        box.accepted.connect(self._save)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)

    def chosen_date(self) -> date:
        return self.date_edit.date().toPython()  # type: ignore[no-any-return]

    def _save(self) -> None:
        day = self.chosen_date()
        if any(s.start_date == day for s in self._vault.recovery_starts.list()):
            self._show_error(
                self.tr(
                    "That day is already in your history. Choose another day, or keep it as it is."
                )
            )
            return
        try:
            self.added = self._vault.recovery_starts.add(
                RecoveryStart(start_date=day, note=self.note.text().strip())
            )
        except ValidationError as error:
            self._show_error(str(error))
            return
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
