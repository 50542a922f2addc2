# SPDX-License-Identifier: GPL-3.0-or-later
"""When the vault refuses what is typed (too long here; a full disk takes the same path),
moving away never throws the text away: New, opening another entry and Delete all stay put."""

from __future__ import annotations

from datetime import date

import pytest

from recovery_desktop.core.models import Entry
from recovery_desktop.core.validation import MAX_TEXT_CHARS
from recovery_desktop.storage import Vault
from recovery_desktop.ui.journal.page import JournalPage

TOO_LONG = ("Too much to hold in one entry.\n" * (MAX_TEXT_CHARS // 31 + 2))[: MAX_TEXT_CHARS + 1]


@pytest.fixture
def page_and_b(qtbot, vault: Vault) -> tuple[JournalPage, int]:
    b = vault.entries.save(Entry(entry_date=date(2026, 3, 1), title="B", body="old b"))
    widget = JournalPage(vault, autosave_ms=50, search_debounce_ms=10, undo_ms=5_000)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget, b.id


def _refused_new_entry(page: JournalPage) -> None:
    page.new_entry()
    page.editor.body.setPlainText(TOO_LONG)
    page.flush()
    assert page.has_unsaved_changes() and "very long" in page.editor.error.text()


def test_opening_another_entry_keeps_refused_text(page_and_b, vault: Vault) -> None:
    page, b_id = page_and_b
    _refused_new_entry(page)
    page.open_entry(b_id)
    assert page.editor.body.toPlainText() == TOO_LONG
    assert vault.entries.get(b_id).body == "old b"


def test_new_entry_keeps_refused_text(page_and_b) -> None:
    page, _ = page_and_b
    _refused_new_entry(page)
    page.new_entry()
    assert page.editor.body.toPlainText() == TOO_LONG


def test_delete_keeps_refused_edits_and_the_stored_entry(page_and_b, vault: Vault) -> None:
    page, b_id = page_and_b
    page.open_entry(b_id)
    page.editor.body.setPlainText(TOO_LONG)
    page.flush()
    page.delete_current()
    assert vault.entries.get(b_id).body == "old b"  # nothing deleted
    assert page.editor.body.toPlainText() == TOO_LONG  # nothing lost


def test_a_title_longer_than_the_vault_holds_is_refused_plainly_and_kept(page_and_b) -> None:
    page, _ = page_and_b
    page.editor.title.setText("x" * 1500)  # the box holds it (it counts emoji as two)
    page.flush()
    assert "The title is very long (1,500 characters)" in page.editor.error.text()
    assert page.editor.title.text() == "x" * 1500 and page.has_unsaved_changes()
