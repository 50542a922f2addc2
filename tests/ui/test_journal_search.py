# SPDX-License-Identifier: GPL-3.0-or-later
"""Searching the journal from the search box, with highlighted matches and combined filters."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from recovery_desktop.core.models import SNIPPET_START, Contact, Entry
from recovery_desktop.storage import Vault
from recovery_desktop.ui.journal.page import JournalPage
from recovery_desktop.ui.journal.timeline_model import TimelineModel, snippet_html


@pytest.fixture
def journal(qtbot, vault: Vault) -> tuple[JournalPage, dict[str, int]]:
    sam = vault.contacts.save(Contact("Sam"))
    mom = vault.contacts.save(Contact("Mom"))
    rows = {
        "meeting_sam": Entry(
            date(2024, 3, 1),
            "Went to the meeting with Sam.",
            "Tuesday",
            mood=4,
            tags=("meeting",),
            people=(sam.id,),
        ),
        "meeting_alone": Entry(
            date(2024, 3, 5), "A meeting on my own, felt <b>odd</b>.", mood=4, tags=("meeting",)
        ),
        "meeting_old": Entry(
            date(2023, 6, 1),
            "An old meeting, Sam drove me.",
            mood=4,
            tags=("meeting",),
            people=(sam.id,),
        ),
        "meeting_sad": Entry(
            date(2024, 3, 2),
            "Sad after the meeting with Sam.",
            mood=2,
            tags=("meeting",),
            people=(sam.id,),
        ),
        "dinner_mom": Entry(
            date(2024, 3, 3), "Dinner with Mom.", mood=4, tags=("family",), people=(mom.id,)
        ),
        "walk": Entry(date(2024, 3, 4), "A long walk in the rain.", mood=3),
    }
    ids = {name: vault.entries.save(entry).id for name, entry in rows.items()}
    page = JournalPage(vault, search_debounce_ms=10)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page, ids


def shown_ids(page: JournalPage) -> set[int]:
    return {page.model.summary(r).id for r in range(page.model.rowCount())}


def test_search_box_finds_entries_and_highlights_matches(qtbot, journal) -> None:
    page, ids = journal
    page.focus_search()
    assert page.search_bar.search.hasFocus()
    qtbot.keyClicks(page.search_bar.search, "meet")
    expected = {ids["meeting_sam"], ids["meeting_alone"], ids["meeting_old"], ids["meeting_sad"]}
    qtbot.waitUntil(lambda: shown_ids(page) == expected, timeout=3000)
    assert page.count_label.text() == "4 entries"
    assert page.model.searching

    row = page.model.row_of(ids["meeting_alone"])
    summary = page.model.summary(row)
    assert SNIPPET_START in summary.snippet
    html = snippet_html(summary.snippet, "#fbe7a1", "#000000")
    assert (
        '<span style="background-color:#fbe7a1; color:#000000; font-weight:600;">meeting</span>'
        in html
    )
    assert "&lt;b&gt;odd&lt;/b&gt;" in html and "<b>" not in html  # the entry's text is escaped
    page.timeline.grab()  # the delegate paints highlighted snippets without error

    page.search_bar.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 6, timeout=3000)
    assert not page.model.searching


def test_nothing_found_is_said_kindly(qtbot, journal) -> None:
    page, _ids = journal
    qtbot.keyClicks(page.search_bar.search, "zebra")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=3000)
    assert page.count_label.text().startswith("No entries match")


def test_filters_combine_and_clear(qtbot, journal) -> None:
    page, ids = journal
    bar = page.search_bar
    bar.tag.setCurrentIndex(bar.tag.findData("meeting"))
    assert shown_ids(page) == {
        ids["meeting_sam"],
        ids["meeting_alone"],
        ids["meeting_old"],
        ids["meeting_sad"],
    }
    bar.mood.setCurrentIndex(bar.mood.findData(4))
    assert shown_ids(page) == {ids["meeting_sam"], ids["meeting_alone"], ids["meeting_old"]}
    bar.date_from.setDate(QDate(2024, 1, 1))
    bar.date_to.setDate(QDate(2024, 12, 31))
    assert shown_ids(page) == {ids["meeting_sam"], ids["meeting_alone"]}
    bar.person.setCurrentIndex(bar.person.findText("Sam"))
    assert shown_ids(page) == {ids["meeting_sam"]}
    assert page.count_label.text() == "1 entry"
    qtbot.keyClicks(bar.search, "tuesday")
    qtbot.waitUntil(lambda: page.model.searching, timeout=3000)
    assert shown_ids(page) == {ids["meeting_sam"]}

    assert bar.clear_button.isEnabled()
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 6
    assert bar.date_from.day() is None and bar.search.text() == ""
    assert not bar.clear_button.isEnabled()


def test_choosing_a_result_opens_it_in_the_editor(qtbot, journal) -> None:
    page, ids = journal
    row = page.model.row_of(ids["walk"])
    rect = page.timeline.visualRect(page.model.index(row))
    qtbot.mouseClick(page.timeline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.editor.entry_id == ids["walk"]
    assert page.editor.body.toPlainText() == "A long walk in the rain."
    accessible = page.model.index(row).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "mood okay" in accessible
    assert page.model.index(row).data(TimelineModel.IdRole) == ids["walk"]


def test_a_new_tag_appears_in_the_tag_filter(qtbot, journal) -> None:
    page, _ids = journal
    page.new_entry()
    qtbot.keyClicks(page.editor.body, "Tried yoga")
    qtbot.keyClicks(page.editor.tags, "yoga")
    page.save_now()
    assert page.search_bar.tag.findData("yoga") > 0
    assert page.model.rowCount() == 7
