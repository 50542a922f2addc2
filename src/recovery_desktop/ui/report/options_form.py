# SPDX-License-Identifier: GPL-3.0-or-later
"""The report dialog's choices: the period (and the period it is compared with), the parts to
include, the safety plan, "What I'd like to talk about", a name or initials, and the paper.

`changed` fires on every edit; `options()` gives them as `ReportOptions`, or raises
`ReportError` with a plain sentence (an end date after today, a text too long).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.exchange.report_content import (
    NAME_LIMIT,
    TALK_ABOUT_LIMIT,
    Paper,
    ReportError,
    ReportOptions,
    Section,
    check_period,
)
from recovery_desktop.insights import Period
from recovery_desktop.ui.goals.words import medium_date
from recovery_desktop.ui.theme import make_heading
from recovery_desktop.ui.today.card import muted_label
from recovery_desktop.ui.widgets.dates import use_locale_format

# The period menu: (days, words), translated where shown; 0 is "choose the dates".
PERIODS = (
    (30, QT_TRANSLATE_NOOP("ReportOptionsForm", "The last 30 days")),
    (90, QT_TRANSLATE_NOOP("ReportOptionsForm", "The last 90 days")),
    (365, QT_TRANSLATE_NOOP("ReportOptionsForm", "The last year")),
    (0, QT_TRANSLATE_NOOP("ReportOptionsForm", "Dates I choose")),
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ReportOptionsForm(QWidget):
    changed = Signal()

    def __init__(self, today: date, paper: Paper, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report_options")
        self._today = today
        self._setting = False

        period_heading = QLabel(self.tr("Period"), self)
        make_heading(period_heading, 1.15)
        self.period_choice = QComboBox(self)
        self.period_choice.setObjectName("report_period")
        self.period_choice.setAccessibleName(self.tr("Period of the report"))
        for days, words in PERIODS:
            self.period_choice.addItem(self.tr(words), days)
        self.first_day = self._date_edit("report_from", self.tr("First day of the report"))
        self.last_day = self._date_edit("report_to", self.tr("Last day of the report"))
        self.compared = muted_label("", self)
        self.compared.setObjectName("report_compared_with")

        parts_heading = QLabel(self.tr("Include"), self)
        make_heading(parts_heading, 1.15)
        self.parts: dict[Section, QCheckBox] = {}
        for section, words in (
            (Section.DAYS, self.tr("Day by day")),
            (Section.CHARTS, self.tr("Charts")),
            (Section.GOALS, self.tr("Goals and commitments")),
            (Section.HELPS, self.tr("What helps")),
            (Section.ENTRIES, self.tr("Shared entries")),
        ):
            box = QCheckBox(words, self)
            box.setObjectName(f"report_part_{section.value}")
            box.setAccessibleName(words)
            box.setChecked(True)
            box.toggled.connect(self._edited)
            self.parts[section] = box
        self.safety_plan = QCheckBox(self.tr("Include my safety plan"), self)
        self.safety_plan.setObjectName("report_safety_plan")
        self.safety_plan.setAccessibleName(self.tr("Include my safety plan"))
        self.safety_plan.toggled.connect(self._edited)
        plan_note = muted_label(
            self.tr("Your safety plan is yours; it goes in only if you tick this."), self
        )

        talk_heading = QLabel(self.tr("What I'd like to talk about"), self)
        make_heading(talk_heading, 1.15)
        self.talk_about = QPlainTextEdit(self)
        self.talk_about.setObjectName("report_talk_about")
        self.talk_about.setAccessibleName(self.tr("What I'd like to talk about"))
        self.talk_about.setPlaceholderText(
            self.tr("Optional: what you'd like to bring up. It goes at the top of the first page.")
        )
        self.talk_about.setTabChangesFocus(True)
        self.talk_about.setMinimumHeight(self.fontMetrics().height() * 4)
        self.talk_about.setMaximumHeight(self.fontMetrics().height() * 8)
        self.talk_about.textChanged.connect(self._edited)
        self.talk_count = muted_label("", self)
        self.talk_count.setObjectName("report_talk_count")

        self.name = QLineEdit(self)
        self.name.setObjectName("report_name")
        self.name.setAccessibleName(self.tr("Name or initials, optional"))
        self.name.setMaxLength(NAME_LIMIT)
        self.name.setPlaceholderText(self.tr("Optional"))
        self.name.textChanged.connect(self._edited)
        self.paper = QComboBox(self)
        self.paper.setObjectName("report_paper")
        self.paper.setAccessibleName(self.tr("Paper size"))
        self.paper.addItem("A4", Paper.A4.value)
        self.paper.addItem(self.tr("Letter"), Paper.LETTER.value)
        self.paper.setCurrentIndex(self.paper.findData(paper.value))
        self.paper.currentIndexChanged.connect(self._edited)
        privacy = muted_label(
            self.tr(
                "Only entries you marked “shared” appear in words. Private entries never "
                "appear, not even in the figures."
            ),
            self,
        )

        dates = QFormLayout()
        dates.addRow(self.tr("From"), self.first_day)
        dates.addRow(self.tr("To"), self.last_day)
        more = QFormLayout()
        more.addRow(self.tr("Name or initials"), self.name)
        more.addRow(self.tr("Paper"), self.paper)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for item in (period_heading, self.period_choice, dates, self.compared, parts_heading):
            (layout.addLayout if isinstance(item, QFormLayout) else layout.addWidget)(item)
        for box in self.parts.values():
            layout.addWidget(box)
        for item in (
            self.safety_plan,
            plan_note,
            talk_heading,
            self.talk_about,
            self.talk_count,
            more,
            privacy,
        ):
            (layout.addLayout if isinstance(item, QFormLayout) else layout.addWidget)(item)
        layout.addStretch(1)

        self.period_choice.currentIndexChanged.connect(self._period_chosen)
        self.first_day.dateChanged.connect(self._dates_edited)
        self.last_day.dateChanged.connect(self._dates_edited)
        self._period_chosen()

    def _date_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        use_locale_format(edit)
        edit.setMaximumDate(_qdate(self._today))
        return edit

    # --- reacting -----------------------------------------------------------------------------

    def _period_chosen(self) -> None:
        days = self.period_choice.currentData()
        if days:
            self._setting = True
            self.last_day.setDate(_qdate(self._today))
            self.first_day.setDate(_qdate(self._today - timedelta(days=days - 1)))
            self._setting = False
        self._edited()

    def _dates_edited(self) -> None:
        if self._setting:
            return
        custom = self.period_choice.findData(0)
        if self.period_choice.currentIndex() != custom:
            self.period_choice.blockSignals(True)
            self.period_choice.setCurrentIndex(custom)
            self.period_choice.blockSignals(False)
        self._edited()

    def _edited(self) -> None:
        if self._setting:
            return
        self._show_comparison()
        used = len(self.talk_about.toPlainText())
        self.talk_count.setText(
            self.tr("%1 of %2 characters")
            .replace("%1", str(used))
            .replace("%2", str(TALK_ABOUT_LIMIT))
        )
        self.talk_count.setProperty("role", "error" if used > TALK_ABOUT_LIMIT else "muted")
        self.talk_count.style().unpolish(self.talk_count)
        self.talk_count.style().polish(self.talk_count)
        self.changed.emit()

    def _show_comparison(self) -> None:
        first, last = _date(self.first_day.date()), _date(self.last_day.date())
        if last < first:
            self.compared.setText(self.tr("The first day comes after the last one."))
            return
        before = Period(first, last).previous()
        self.compared.setText(
            self.tr("Each figure is compared with the %1 days before: %2 to %3.")
            .replace("%1", str(before.days))
            .replace("%2", medium_date(before.first))
            .replace("%3", medium_date(before.last))
        )

    # --- reading ------------------------------------------------------------------------------

    def period(self) -> Period:
        first, last = _date(self.first_day.date()), _date(self.last_day.date())
        if last < first:
            raise ReportError(self.tr("The first day of the report comes after its last day."))
        return Period(first, last)

    def options(self) -> ReportOptions:
        period = self.period()
        check_period(period, self._today)
        sections = {s for s, box in self.parts.items() if box.isChecked()}
        if self.safety_plan.isChecked():
            sections.add(Section.SAFETY_PLAN)
        return ReportOptions(
            period,
            frozenset(sections),
            talk_about=self.talk_about.toPlainText().strip(),
            name=self.name.text().strip(),
            paper=Paper(self.paper.currentData()),
        )

    def set_shared_count(self, count: int) -> None:
        """Say how many shared entries the period has, beside their box."""
        box = self.parts[Section.ENTRIES]
        box.setText(self.tr("Shared entries (%1 in this period)").replace("%1", str(count)))
