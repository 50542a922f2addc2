# SPDX-License-Identifier: GPL-3.0-or-later
"""One visual language on Today and in the Journal (issue 10, point 5): the same mood picker
and words, the same craving words, dates in the locale's format from one helper, lists that
keep no trailing comma, an editor that follows the search, plain dialog buttons, and Help now
without an inner scroll bar."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QLabel,
    QProxyStyle,
    QPushButton,
    QStyle,
    QWidget,
)
from pytestqt.qtbot import QtBot

from recovery_desktop.core.models import Contact, Entry, SafetyPlan
from recovery_desktop.storage import Vault
from recovery_desktop.ui.app_settings import AppSettings
from recovery_desktop.ui.help_now import HelpNowDialog
from recovery_desktop.ui.journal.page import JournalPage
from recovery_desktop.ui.main_window import MainWindow
from recovery_desktop.ui.safety.contact_picker import ContactPicker
from recovery_desktop.ui.settings_dialog import SettingsDialog
from recovery_desktop.ui.theme import apply_theme
from recovery_desktop.ui.today.sober_counter import NewStartDialog
from recovery_desktop.ui.unlock.new_passphrase import NewPassphraseDialog
from recovery_desktop.ui.unlock.recovery_code import RecoveryCodeDialog
from recovery_desktop.ui.widgets.dates import date_format, long_date, medium_date
from recovery_desktop.ui.widgets.mood_picker import MoodPicker

WORDS = ["awful", "bad", "okay", "good", "great"]
UI = Path(__file__).resolve().parents[2] / "src" / "recovery_desktop" / "ui"


@pytest.fixture
def window(qtbot: QtBot, themed_app: QApplication, vault: Vault) -> MainWindow:
    widget = MainWindow(vault, app_settings=AppSettings())
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _texts(root: QWidget) -> list[str]:
    """Every word shown by a label, button or list of choices under `root`."""
    found = [w.text() for w in root.findChildren(QLabel)]
    found.extend(w.text() for w in root.findChildren(QAbstractButton))
    for combo in root.findChildren(QComboBox):
        found.extend(combo.itemText(i) for i in range(combo.count()))
    return found


def test_the_same_mood_picker_and_words_on_today_and_in_the_journal(window: MainWindow) -> None:
    today = window.show_page("today")
    journal = window.show_page("journal")
    pickers = [today.checkin.mood, journal.editor.mood, journal.editor.checkin_form.mood]
    for picker in pickers:
        assert type(picker) is MoodPicker
        assert [button.text() for button in picker.buttons.values()] == WORDS
    assert journal.editor.mood.compact and not today.checkin.mood.compact
    flt = journal.search_bar.mood
    assert [flt.itemText(i) for i in range(1, flt.count())] == WORDS
    assert all(not flt.itemIcon(i).isNull() for i in range(1, flt.count()))  # the faces
    assert not [t for t in _texts(window) if re.search(r"\d ·", t)]  # no "4 · good" left


@pytest.mark.parametrize("compact", [False, True])
def test_a_chosen_moods_bold_word_stays_inside_its_frame(qtbot, compact: bool) -> None:
    """The Journal's compact faces drew the chosen word across its frame ("great")."""
    picker = MoodPicker(compact=compact)
    qtbot.addWidget(picker)
    picker.show()
    for button in picker.buttons.values():
        button.setChecked(True)
        _box, frame = button.frames()
        face, label = button.face_and_label()
        bold = QFont(button.font())
        bold.setBold(True)
        drawn = QFontMetricsF(bold).boundingRect(
            label, int(Qt.AlignmentFlag.AlignCenter), button.text()
        )
        assert frame.contains(face) and frame.contains(drawn), (button.text(), drawn, frame)


def test_craving_is_worded_the_same_everywhere(window: MainWindow) -> None:
    today = window.show_page("today")
    journal = window.show_page("journal")
    for root in (today, journal):
        texts = _texts(root)
        assert "10 very strong" in texts and "0 none" in texts
        assert not [t for t in texts if "strongest" in t]
    scales = [today.checkin.craving, journal.editor.craving, journal.editor.checkin_form.craving]
    assert {type(scale).__name__ for scale in scales} == {"CravingScale"}


def test_dates_follow_the_locale_everywhere(
    qtbot: QtBot, themed_app: QApplication, vault: Vault
) -> None:
    entry = vault.entries.save(Entry(date(2026, 11, 25), "Words", title="A Wednesday"))
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        assert date_format() == "d. MMM yyyy"
        assert medium_date(date(2026, 11, 25)) == "25. Nov. 2026"
        window = MainWindow(vault, app_settings=AppSettings())
        qtbot.addWidget(window)
        today = window.show_page("today")
        assert today.date_label.text() == long_date(date.today())
        assert "," in today.date_label.text() and "." in today.date_label.text()  # German
        journal = window.show_page("journal")
        journal.open_entry(entry.id)
        assert journal.editor.date_edit.text() == "25. Nov. 2026"
        row = journal.model.row_of(entry.id)
        spoken = journal.model.index(row).data(Qt.ItemDataRole.AccessibleTextRole)
        assert spoken.startswith("Mittwoch, 25. November 2026")
        dialog = NewStartDialog(vault, date.today(), first=False, parent=window)
        qtbot.addWidget(dialog)
        fields = [*window.findChildren(QDateEdit), *dialog.findChildren(QDateEdit)]
        assert len(fields) >= 4  # the entry's date, the filter's two, a new start's
        assert {field.displayFormat() for field in fields} == {"d. MMM yyyy"}
    finally:
        QLocale.setDefault(QLocale.c())
    # One helper formats dates: no screen picks its own pattern.
    for path in UI.rglob("*.py"):
        if path.name != "dates.py":
            source = path.read_text(encoding="utf-8")
            assert "setDisplayFormat(" not in source, path
            assert "strftime(" not in source, path
            assert "FormatType.LongFormat" not in source, path


def test_tags_and_people_keep_no_trailing_comma_after_saving(
    qtbot: QtBot, themed_app: QApplication, vault: Vault
) -> None:
    vault.contacts.save(Contact("Sam"))
    vault.entries.save(Entry(date(2024, 1, 1), "old", tags=("sleep",)))
    page = JournalPage(vault, autosave_ms=60_000, today=lambda: date(2024, 3, 10))
    qtbot.addWidget(page)
    page.show()
    page.new_entry()
    editor = page.editor
    qtbot.keyClicks(editor.body, "A good day.")
    editor.tags.setFocus()
    qtbot.keyClicks(editor.tags, "walk, sl")
    popup = editor.tags.completer_.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert editor.tags.text() == "walk, sleep,"  # ready for the next word while typing
    editor.people.setFocus()
    qtbot.keyClicks(editor.people, "Sam, ")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    stored = vault.entries.get(editor.entry_id)
    assert sorted(stored.tags) == ["sleep", "walk"]
    assert editor.tags.text() == "walk, sleep"
    assert editor.people.text() == "Sam"
    assert not editor.dirty  # tidying the words is not a change


def test_the_editor_stops_showing_an_entry_the_search_no_longer_lists(
    qtbot: QtBot, themed_app: QApplication, vault: Vault
) -> None:
    garden = vault.entries.save(Entry(date(2024, 5, 1), "Planted tomatoes", title="Garden"))
    vault.entries.save(Entry(date(2024, 5, 2), "Called my sister", title="Sister"))
    page = JournalPage(vault, search_debounce_ms=0)
    qtbot.addWidget(page)
    page.show()
    page.open_entry(garden.id)
    page.editor.body.moveCursor(page.editor.body.textCursor().MoveOperation.End)
    qtbot.keyClicks(page.editor.body, " and basil")
    # Typing filters as it goes (Enter would go into the results, opening the first).
    qtbot.keyClicks(page.search_bar.search, "tomatoes")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.editor.entry_id == garden.id  # still listed: still shown
    page.search_bar.search.clear()
    qtbot.keyClicks(page.search_bar.search, "sister")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.editor.entry_id != garden.id)
    assert page.editor.entry_id is None and page.editor.title.text() == ""  # put away...
    assert vault.entries.get(garden.id).body == "Planted tomatoes and basil"  # ...saved first


class _IconButtons(QProxyStyle):
    """A desktop whose theme gives dialog buttons icons (the generic Unix theme does)."""

    def styleHint(self, hint, option=None, widget=None, returnData=None):  # noqa: N802, ANN001
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 1
        return super().styleHint(hint, option, widget, returnData)


@pytest.fixture
def icon_theme(themed_app: QApplication) -> Iterator[None]:
    themed_app.setStyle(_IconButtons("Fusion"))
    yield
    apply_theme(themed_app)


def test_dialog_buttons_go_cancel_then_the_step_on_every_desktop(
    qtbot: QtBot, themed_app: QApplication, vault: Vault
) -> None:
    """One order for every button box, as the wizards' steps have it: a desktop whose order
    put "Save new passphrase" left of Cancel no longer does (a screenshot)."""
    for dialog, go_on, cancel in (
        (SettingsDialog(vault), "settings_save", "settings_cancel"),
        (NewPassphraseDialog(vault), "save_new_passphrase", "cancel_new_passphrase"),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        step = dialog.findChild(QPushButton, go_on)
        back = dialog.findChild(QPushButton, cancel)
        assert step is not None and back is not None
        assert back.mapTo(dialog, back.rect().topLeft()).x() < step.mapTo(
            dialog, step.rect().topLeft()
        ).x(), dialog.objectName()


def test_dialog_buttons_carry_no_icons_like_every_other_button(
    qtbot: QtBot, icon_theme: None, vault: Vault
) -> None:
    probe = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
    qtbot.addWidget(probe)
    assert not probe.buttons()[0].icon().isNull()  # this desktop would add icons
    dialogs = [
        SettingsDialog(vault),
        HelpNowDialog.for_vault(vault),
        # Their Cancel showed a red cross on a real desktop (a screenshot).
        NewPassphraseDialog(vault),
        RecoveryCodeDialog(),
        ContactPicker(vault.contacts, title="Add from your contacts"),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        buttons = dialog.findChildren(QPushButton)
        assert buttons
        assert [b.objectName() for b in buttons if not b.icon().isNull()] == []
    settings = dialogs[0]
    assert {settings.save_button.text(), settings.findChild(QPushButton, "settings_cancel").text()}


def test_help_now_shows_everything_without_an_inner_scroll_bar(
    qtbot: QtBot, themed_app: QApplication, vault: Vault
) -> None:
    vault.safety_plan.save(SafetyPlan(help_people="Dana (sponsor) 555-0142\nMaya 555-0178"))
    for name, phone in (("Dana R.", "555-0142"), ("Maya (sister)", "555-0178")):
        vault.contacts.save(Contact(name, phone=phone, emergency=True))
    dialog = HelpNowDialog.for_vault(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert len(dialog.copy_buttons) >= 4  # the crisis lines and both people
    # All of it at once: the dialog is as tall as what it holds, so nothing scrolls inside.
    assert dialog.scroll.verticalScrollBar().maximum() == 0  # nothing left to scroll to
    body = dialog.scroll.widget()
    assert body.height() >= body.heightForWidth(body.width())  # nothing cut off below
    assert dialog.height() <= dialog.screen().availableGeometry().height()


def test_an_entrys_mood_and_craving_can_be_taken_back(
    qtbot: QtBot, themed_app: QApplication, vault: Vault
) -> None:
    entry = vault.entries.save(Entry(date(2024, 5, 1), "Words", mood=2, craving=7))
    page = JournalPage(vault, autosave_ms=60_000)
    qtbot.addWidget(page)
    page.show()
    page.open_entry(entry.id)
    row = page.editor.detail_row
    assert row.mood_clear.isVisible() and row.craving_clear.isVisible()
    qtbot.mouseClick(row.mood_clear, Qt.MouseButton.LeftButton)
    assert page.editor.mood.mood() is None and not row.mood_clear.isVisible()
    qtbot.mouseClick(page.editor.craving.buttons[3], Qt.MouseButton.LeftButton)
    page.save_now()
    stored = vault.entries.get(entry.id)
    assert (stored.mood, stored.craving, stored.body) == (None, 3, "Words")
    qtbot.mouseClick(row.craving_clear, Qt.MouseButton.LeftButton)
    page.save_now()
    assert vault.entries.get(entry.id).craving is None
