# SPDX-License-Identifier: GPL-3.0-or-later
"""The screens' shared words (roles, kinds, dates, backups, keys, the safety plan's sections,
the sidebar) and the counselor report's words are looked up at run time under the very
(context, text) that pyside6-lupdate gives translators, with plural forms where a count goes
in; and with a translation installed, the report is made in that one language."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QTranslator

from recovery_desktop.core import words
from recovery_desktop.core.models import (
    CommunityKind,
    ConnectionKind,
    Entry,
    GoalKind,
    GoalStatus,
    InitiatedBy,
    Outcome,
    PlanSection,
    Role,
    Visibility,
)
from recovery_desktop.storage import Vault
from recovery_desktop.storage.backup import BackupInfo
from recovery_desktop.storage.backup_format import BackupKind
from recovery_desktop.storage.key_copies import BackupCopy, CopiesReport
from recovery_desktop.storage.rekey import RekeyReport
from recovery_desktop.storage.restore import RestoreResult
from tests.words_helpers import PACKAGE, TODAY, Message, extract_messages, fill_vault, shout

# The contexts of the words shared by several screens, each looked up under its class's name.
SHARED_CONTEXTS = {
    "BackupWords",
    "ConnectionWords",
    "CounterWords",
    "EditorWords",
    "GoalWords",
    "ImportKindWords",
    "JobWords",
    "KeyWords",
    "Mood",
    "RestoreWords",
    "SafetyWords",
    "SidebarWords",
    "UnlockWords",
}


class Recording(QTranslator):
    """Finds no translation, and notes every (context, text, counted) Qt asked it for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str, bool]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001 (Qt's)
        self.asked.add((context, source, n >= 0))
        return None  # not found: Qt gives the source text back

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return False


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Message]:
    return extract_messages(tmp_path_factory.mktemp("translations"), [PACKAGE])


@pytest.fixture
def asked(qapp) -> Iterator[set[tuple[str, str, bool]]]:
    """What is looked up while the test runs: Qt's own `tr()` and the words of the layers
    below ui/ (core/words.py), as the app installs them."""
    recording = Recording()
    qapp.installTranslator(recording)
    previous = words.install(QCoreApplication.translate)
    yield recording.asked
    words.install(previous)
    qapp.removeTranslator(recording)


def _qt_own(context: str) -> bool:
    """Qt's own words ("QProgressBar", "%p%"), which Qt's translations carry."""
    import PySide6.QtCore
    import PySide6.QtGui
    import PySide6.QtWidgets

    modules = (PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets)
    return any(hasattr(module, context) for module in modules)


def _not_filed(asked, extracted) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(looked up but not in the .ts, counted but without plural forms there); Qt's own words
    left out."""
    asked = {(c, t, n) for c, t, n in asked if not _qt_own(c)}
    missing = sorted((c, t) for c, t, _n in asked if (c, t) not in extracted)
    singular = sorted((c, t) for c, t, n in asked if n and (c, t) in extracted)
    return missing, [key for key in singular if not extracted[key].numerus]


def _say_the_shared_words(folder: Path) -> None:
    """Every word function of the shared word modules, over every value they take."""
    from recovery_desktop.ui.connections import words as connection
    from recovery_desktop.ui.counter.words import hours
    from recovery_desktop.ui.export import backup_words as backup
    from recovery_desktop.ui.export.import_kinds import import_kinds
    from recovery_desktop.ui.export.jobs import plain_error
    from recovery_desktop.ui.export.restore_dialog import CheckedPreview, contents_text
    from recovery_desktop.ui.goals import words as goal
    from recovery_desktop.ui.journal.entry_fields import date_problem, visibility_note_text
    from recovery_desktop.ui.keys import copies_text as keys
    from recovery_desktop.ui.restore_window import RestoreOutcome, notice_after
    from recovery_desktop.ui.safety.wording import role_text, section_words
    from recovery_desktop.ui.sidebar_pages import SIDEBAR_PAGES
    from recovery_desktop.ui.unlock.common import BusyIndicator, describe_error
    from recovery_desktop.ui.widgets.mood_picker import mood_word

    day = date(2025, 3, 3)
    for role in Role:
        connection.role_text(role)
        role_text(role)
    for kind in CommunityKind:
        connection.community_kind_text(kind)
    for kind in ConnectionKind:
        connection.kind_text(kind)
        connection.kind_label(kind)
    for who in InitiatedBy:
        connection.initiated_text(who)
    for when in (None, day, day - timedelta(days=1), day - timedelta(days=5)):
        connection.last_in_touch_text(when, day)
    connection.names_text(["DANA", "SAM", "MAYA"])
    for goal_kind in GoalKind:
        goal.kind_label(goal_kind)
        goal.kind_short(goal_kind)
    for status in GoalStatus:
        goal.status_label(status)
    for outcome in Outcome:
        goal.outcome_label(outcome)
    goal.percent(0.5)
    for offset in (None, 0, 1, -1, 9):
        goal.due_words(None if offset is None else day + timedelta(days=offset), day)
    for amount in (Decimal(1), Decimal("2.5"), Decimal(48)):
        hours(amount)
    for section in PlanSection:
        section_words(section)
    for visibility in Visibility:
        visibility_note_text(visibility)
    for chosen in (QDate(), QDate(1800, 1, 1), QDate(2999, 1, 1)):
        date_problem(chosen, day)
    for mood in range(1, 6):
        mood_word(mood)
    for spec in SIDEBAR_PAGES:
        spec.translated_title()
    import_kinds()
    plain_error(MemoryError())
    describe_error(RuntimeError())
    BusyIndicator()
    backup.moment_words(None)
    backup.moment_words(datetime(2025, 3, 3, tzinfo=UTC))
    for backup_kind in BackupKind:
        for weekly in (False, True):
            backup.kind_words(backup_kind, weekly=weekly)
            backup.kind_phrase(backup_kind, weekly=weekly)
    for opens in backup.OpensWith:
        backup.opens_words(opens)
        backup.opens_explained(opens)
    for n in (1, 2):
        copies = [BackupCopy(folder / f"{i}.db", folder / f"{i}.keys") for i in range(n)]
        failed = [(copy, "the disk is full") for copy in copies]
        for secret in (keys.PASSPHRASE, keys.RECOVERY_CODE):
            keys.secret_changed_text(CopiesReport(copies, copies, failed), secret)
        keys.key_changed_text(RekeyReport(copies, copies, copies, failed))
        contents_text(CheckedPreview(None, "1.0", True, n, day, day + timedelta(n), n, n))
    made = datetime(2025, 3, 3, tzinfo=UTC)
    kept = BackupInfo(folder / "kept", BackupKind.BEFORE_RESTORE, made, 1, 1000)
    for created_at, changed in ((None, False), (made, True)):
        result = RestoreResult(folder, folder, created_at, kept, "passphrase", changed, 1, True)
        notice_after(RestoreOutcome(result))
    for outcome in (
        RestoreOutcome(None, RuntimeError(), committed=True),
        RestoreOutcome(None, RuntimeError(), cancelled=True),
        RestoreOutcome(None, RuntimeError()),
    ):
        notice_after(outcome)


def test_the_shared_words_are_looked_up_where_lupdate_files_them(
    asked, extracted, tmp_path: Path
) -> None:
    _say_the_shared_words(tmp_path)
    assert _not_filed(asked, extracted) == ([], [])
    assert {context for context, _text, _n in asked} >= SHARED_CONTEXTS


def test_the_export_sections_are_filed_for_translators(extracted) -> None:
    from recovery_desktop.ui.export.sections import SECTIONS

    titles = [spec.title for spec in SECTIONS]
    assert [t for t in titles if ("SectionWords", t) not in extracted] == []


# --- the counselor report ---------------------------------------------------------------------


def _fill_for_the_report(vault: Vault) -> None:
    """The insights' small vault (its own data in capitals), with shared entries (more than
    the report lists) and a safety plan."""
    fill_vault(vault)
    for n in range(14):
        vault.entries.save(
            Entry(
                entry_date=TODAY - timedelta(days=n),
                title=f"SHARED {n}",
                body="A LINE I WROTE.",
                mood=4,
                craving=2,
                gratitude="THE SEA",
                intention="CALL DANA",
                evening_review="IT WENT WELL",
                is_checkin=n % 2 == 0,
                visibility=Visibility.SHARED,
            )
        )
    vault.safety_plan.add_item(PlanSection.WARNING_SIGNS, "NOT SLEEPING")


def _periods() -> list:
    from recovery_desktop.insights import Period

    return [
        Period.last_days(30, TODAY),
        Period(TODAY, TODAY),
        Period(TODAY - timedelta(days=149), TODAY),  # week by week
        Period(TODAY - timedelta(days=449), TODAY),  # month by month
    ]


def _reports(vault: Vault) -> Iterator[str]:
    """Every text of the report (pages, footers and the trend lines' SVG; the page numbers
    are painted, so only looked up) over a few periods, every part included; and its plain
    error sentences."""
    from recovery_desktop.exchange.report_content import (
        ReportError,
        ReportOptions,
        Section,
        check_period,
    )
    from recovery_desktop.exchange.report_html import build_html
    from recovery_desktop.exchange.report_pdf import ReportPages, footer_words, prepare_report
    from recovery_desktop.insights import Period

    for period in _periods():
        options = ReportOptions(period, frozenset(Section), "SLEEP", "J. D.")
        prepared = prepare_report(vault, options, TODAY)
        page_html, pictures = build_html(prepared.content, prepared.charts, 600.0)
        yield page_html
        yield footer_words(prepared.content)
        for name, picture in pictures.items():
            if name.startswith("spark-"):
                yield picture.svg
        ReportPages(prepared).image(0, 200)  # its footer: "Page 1 of 4"
    for bad in (
        lambda: ReportOptions(Period(TODAY, TODAY), talk_about="X" * 5000),
        lambda: ReportOptions(Period(TODAY, TODAY), name="X" * 500),
        lambda: check_period(Period(TODAY, TODAY + timedelta(days=1)), TODAY),
        lambda: check_period(Period(date(2000, 1, 1), TODAY), TODAY),
    ):
        with pytest.raises(ReportError) as raised:
            bad()
        yield str(raised.value)


def test_every_word_of_the_report_is_filed_where_it_is_looked_up(
    asked, extracted, vault: Vault
) -> None:
    _fill_for_the_report(vault)
    for _text in _reports(vault):
        pass
    assert _not_filed(asked, extracted) == ([], [])
    assert "ReportWords" in {context for context, _text, _n in asked}


_DATES = re.compile(
    r"\b(\d{1,2} )?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)( \d{4})?\b"
    r"|\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b"
)
_TAGS = re.compile(r"<[^>]*>")


def test_with_a_translation_the_report_is_in_that_one_language(qapp, vault: Vault) -> None:
    """With a translator that writes in capitals, no lowercase letter is left in the report
    but the dates (the C library's month and day names, as the insights' DateWords) and the
    crisis lines (the person's own data, seeded in English)."""
    _fill_for_the_report(vault)
    lines = vault.safety_plan.get().crisis_lines
    data = [value for line in lines for value in (line.name, line.phone, line.text, line.notes)]
    previous = words.install(shout)
    try:
        texts = list(_reports(vault))
    finally:
        words.install(previous)
    missed = []
    for text in texts:
        text = html.unescape(_TAGS.sub(" ", text))
        for value in sorted(data, key=len, reverse=True):
            text = text.replace(value, " ") if value else text
        text = _DATES.sub(" ", text)
        missed += re.findall(r"\S*[a-z]\S*", text)
    assert sorted(set(missed)) == []
