# SPDX-License-Identifier: GPL-3.0-or-later
"""The journal editor as a person uses it: autosave, nothing lost, plain errors, preview."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from recovery_desktop.core.models import Contact, Entry, Visibility
from recovery_desktop.core.prompts import TEMPLATES
from recovery_desktop.storage import Vault
from recovery_desktop.ui.journal.blank_page import ManageTemplatesDialog, SaveTemplateDialog
from recovery_desktop.ui.journal.page import JournalPage
from tests.conftest import PASSPHRASE

AUTOSAVE_MS = 60


@pytest.fixture
def page(qtbot, vault: Vault) -> JournalPage:
    widget = JournalPage(vault, autosave_ms=AUTOSAVE_MS, search_debounce_ms=10, undo_ms=5_000)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def reopened(vault_dir: Path) -> Iterator[list[Vault]]:
    """Independent second connections, opened with the passphrase as a fresh start would."""
    opened: list[Vault] = []
    yield opened
    for other in opened:
        other.close()


def open_again(vault_dir: Path, opened: list[Vault]) -> Vault:
    other = Vault.open(vault_dir, PASSPHRASE)
    opened.append(other)
    return other


def test_typing_then_pausing_stores_a_draft_on_disk(
    qtbot, page: JournalPage, vault_dir: Path, reopened: list[Vault]
) -> None:
    editor = page.editor
    qtbot.keyClicks(editor.title, "Morning")
    qtbot.keyClicks(editor.body, "Woke up early and went for a walk.")
    assert editor.status.text() == "Saving…"
    qtbot.waitUntil(lambda: editor.entry_id is not None, timeout=3000)
    assert editor.status.text().startswith("Draft saved at ")

    stored = open_again(vault_dir, reopened).entries.get(editor.entry_id)
    assert stored is not None
    assert stored.title == "Morning"
    assert stored.body == "Woke up early and went for a walk."
    assert stored.is_draft
    assert page.model.rowCount() == 1
    assert page.count_label.text() == "1 entry"


def test_killing_the_page_loses_nothing_typed_before_the_last_autosave(
    qtbot, vault: Vault, vault_dir: Path, reopened: list[Vault]
) -> None:
    page = JournalPage(vault, autosave_ms=AUTOSAVE_MS)
    page.show()
    qtbot.keyClicks(page.editor.body, "First thoughts.")
    qtbot.waitUntil(lambda: page.editor.entry_id is not None, timeout=3000)
    entry_id = page.editor.entry_id
    qtbot.keyClicks(page.editor.body, " Typed after the autosave")
    assert page.editor.dirty
    shiboken6.delete(page)  # no flush, no close event: as if the process died here
    QApplication.processEvents()

    stored = open_again(vault_dir, reopened).entries.get(entry_id)
    assert stored is not None and stored.body.startswith("First thoughts.")


def test_flush_saves_the_rest_and_save_now_finishes_the_draft(
    qtbot, page: JournalPage, vault_dir: Path, reopened: list[Vault]
) -> None:
    editor = page.editor
    editor._autosave.setInterval(60_000)  # only flush may save here
    qtbot.keyClicks(editor.body, "Written just before locking")
    assert editor.entry_id is None
    page.flush()
    assert editor.entry_id is not None and not editor.dirty
    other = open_again(vault_dir, reopened)
    assert other.entries.get(editor.entry_id).body == "Written just before locking"
    assert other.entries.get(editor.entry_id).is_draft

    page.save_now()
    assert not other.entries.get(editor.entry_id).is_draft
    assert editor.status.text().startswith("Saved at ")


def test_an_empty_new_entry_is_never_stored(qtbot, page: JournalPage, vault: Vault) -> None:
    editor = page.editor
    qtbot.keyClicks(editor.body, "x")
    qtbot.keyClick(editor.body, Qt.Key.Key_Backspace)
    qtbot.wait(AUTOSAVE_MS * 3)
    page.flush()
    page.save_now()
    page.new_entry()
    assert vault.entries.count() == 0
    assert editor.status.text() == "New entry"


def test_leaving_a_draft_with_text_keeps_it_as_a_finished_entry(
    qtbot, page: JournalPage, vault: Vault
) -> None:
    qtbot.keyClicks(page.editor.body, "Half a thought")
    qtbot.waitUntil(lambda: page.editor.entry_id is not None, timeout=3000)
    first = page.editor.entry_id
    assert vault.entries.get(first).is_draft
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.editor.entry_id is None and page.editor.body.toPlainText() == ""
    assert not vault.entries.get(first).is_draft
    assert vault.entries.get(first).body == "Half a thought"


def test_every_field_lands_in_the_vault(qtbot, vault: Vault) -> None:
    sam = vault.contacts.save(Contact("Sam"))
    vault.entries.save(Entry(entry_date=date(2024, 1, 1), body="old", tags=("sleep",)))
    page = JournalPage(vault, autosave_ms=AUTOSAVE_MS, today=lambda: date(2024, 3, 10))
    qtbot.addWidget(page)
    page.show()
    page.new_entry()
    editor = page.editor
    qtbot.keyClicks(editor.title, "Dinner")
    qtbot.keyClicks(editor.body, "Ate with *Sam*.")
    qtbot.mouseClick(editor.mood.buttons[4], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.craving.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.tags, "family, sl")
    popup = editor.tags.completer_.popup()
    qtbot.waitUntil(popup.isVisible)
    assert editor.tags.completer_.currentCompletion() == "sleep"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert editor.tags.items() == ["family", "sleep"]
    qtbot.keyClicks(editor.people, "Sam, Robin")
    assert "Robin" in editor.people_note.text() and editor.people_note.isVisible()
    editor.visibility.setCurrentIndex(editor.visibility.findData(Visibility.PRIVATE))
    assert "Only for you" in editor.visibility_note.text()
    editor.date_edit.setDate(QDate(2024, 3, 9))
    page.save_now()

    stored = vault.entries.get(editor.entry_id)
    assert (stored.title, stored.body, stored.mood, stored.craving) == (
        "Dinner",
        "Ate with *Sam*.",
        4,
        0,
    )
    assert stored.tags == ("family", "sleep")
    robin = next(c for c in vault.contacts.list() if c.name == "Robin")  # kept as a new contact
    assert stored.people == (sam.id, robin.id)
    assert stored.visibility == Visibility.PRIVATE
    assert stored.entry_date == date(2024, 3, 9)
    assert not stored.is_draft


def test_a_new_tag_and_person_are_suggested_in_the_next_entry(
    qtbot, page: JournalPage, vault: Vault
) -> None:
    """Suggestions are read once, not at every entry opened; a save makes them fresh again."""
    page.new_entry()
    qtbot.keyClicks(page.editor.body, "Planted tomatoes with Robin.")
    qtbot.keyClicks(page.editor.tags, "gardening")
    qtbot.keyClicks(page.editor.people, "Robin")
    page.save_now()
    page.new_entry()
    assert "gardening" in page.editor.tag_words
    assert "Robin" in [c.name for c in page.editor.contacts]
    assert page.search_bar.tag.findData("gardening") >= 0
    qtbot.keyClicks(page.editor.tags, "gard")
    popup = page.editor.tags.completer_.popup()
    qtbot.waitUntil(popup.isVisible)
    assert page.editor.tags.completer_.currentCompletion() == "gardening"


def test_a_date_too_far_ahead_is_refused_plainly_and_the_text_kept(
    qtbot, page: JournalPage, vault: Vault
) -> None:
    editor = page.editor
    qtbot.keyClicks(editor.body, "Plans")
    far = date.today() + timedelta(days=400)
    editor.date_edit.setDate(QDate(far.year, far.month, far.day))
    page.save_now()
    assert editor.error.isVisible()
    assert "at most a week ahead" in editor.error.text()
    stored = vault.entries.get(editor.entry_id)
    assert stored.body == "Plans" and stored.entry_date == date.today()
    editor.date_edit.setDate(QDate(1850, 5, 1))
    page.save_now()
    assert "before 1900" in editor.error.text()
    editor.date_edit.setDate(QDate.currentDate())
    page.save_now()
    assert not editor.error.isVisible()


def test_a_huge_paste_shows_the_plain_message_and_keeps_the_text(
    qtbot, page: JournalPage, vault: Vault
) -> None:
    line = "I kept writing and writing because it helped to get it all out. \n"
    huge = line * (2_000_000 // len(line) + 1)
    huge = huge[:2_000_000]
    QApplication.clipboard().setText(huge)
    page.editor.body.setFocus()
    page.editor.body.paste()
    qtbot.waitUntil(page.editor.error.isVisible, timeout=5000)
    message = page.editor.error.text()
    assert "very long (2,000,000 characters)" in message
    assert "try splitting it into parts" in message
    assert page.editor.body.document().characterCount() - 1 == 2_000_000
    assert vault.entries.count() == 0
    assert page.editor.status.text() == "Not saved"


def test_markdown_preview_renders_and_the_text_stays_exact(qtbot, page: JournalPage) -> None:
    text = "Some **bold** words\n\n* a star list\n"
    page.editor.body.setPlainText(text)
    qtbot.mouseClick(page.editor.preview_button, Qt.MouseButton.LeftButton)
    assert page.editor.stack.currentWidget() is page.editor.preview
    document = page.editor.preview.document()
    weights = {}
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            weights[fragment.text()] = fragment.charFormat().fontWeight()
            it += 1
        block = block.next()
    assert weights["bold"] >= QFont.Weight.Bold
    assert weights.get("Some ", 400) < QFont.Weight.Bold
    assert "**" not in document.toPlainText()
    qtbot.mouseClick(page.editor.write_button, Qt.MouseButton.LeftButton)
    assert page.editor.body.toPlainText() == text  # the Markdown itself is untouched


def test_prompt_shows_on_a_blank_page_and_can_be_used(qtbot, page: JournalPage) -> None:
    card = page.editor.prompt_card
    assert card.isVisible()
    first = card.text.text()
    qtbot.mouseClick(card.another_button, Qt.MouseButton.LeftButton)
    assert card.text.text() != first
    qtbot.mouseClick(card.use_button, Qt.MouseButton.LeftButton)
    assert page.editor.body.toPlainText().startswith("> " + card.prompt.text)
    assert not card.isVisible()


def test_templates_built_in_and_own(qtbot, page: JournalPage, vault: Vault) -> None:
    button = page.editor.templates_button
    button.rebuild_menu()
    titles = [a.text() for a in button.menu_.actions() if a.text()]
    assert "Daily inventory" in titles and "Save as template…" in titles
    next(a for a in button.menu_.actions() if a.text() == "Gratitude list").trigger()
    gratitude = next(t for t in TEMPLATES if t.title == "Gratitude list")
    assert page.editor.body.toPlainText() == gratitude.body
    qtbot.keyClicks(page.editor.body, "my own words")  # a template never replaces text
    next(a for a in button.menu_.actions() if a.text() == "Daily inventory").trigger()
    assert "my own words" in page.editor.body.toPlainText()

    dialog = SaveTemplateDialog(vault, "", "## Sunday check\n\n- ", page)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.error.text() == "A template needs a name."
    qtbot.keyClicks(dialog.name, "Sunday check")
    dialog.accept()
    assert [t[1] for t in vault.templates.list()] == ["Sunday check"]
    button.rebuild_menu()
    next(a for a in button.menu_.actions() if a.text() == "Sunday check")

    manage = ManageTemplatesDialog(vault, page)
    qtbot.addWidget(manage)
    assert manage.list.count() == 1
    qtbot.mouseClick(manage.delete_button, Qt.MouseButton.LeftButton)
    assert vault.templates.list() == []
