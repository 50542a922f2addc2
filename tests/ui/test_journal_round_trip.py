# SPDX-License-Identifier: GPL-3.0-or-later
"""Opening an entry in the editor changes nothing the person did not touch (issue 6, point 13).

An entry written by the CLI or an importer may hold what the editor's widgets would rewrite:
tags with commas, titles of emoji longer than the title box counts (it counts UTF-16 units),
`\\r\\n`, no-break spaces and U+2028 in the text. Only the fields the person changed are saved;
an edited text gets one stated normalisation: line endings become `\\n`.
"""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, Qt

from recovery_desktop.core.models import Contact, Entry, Visibility
from recovery_desktop.storage import Vault
from recovery_desktop.ui.journal.page import JournalPage

EDITABLE = ("title", "body", "mood", "tags", "visibility", "entry_date", "people")
COMPARED = (
    "title",
    "body",
    "mood",
    "craving",
    "sober_today",
    "tags",
    "people",
    "visibility",
    "entry_date",
    "gratitude",
    "intention",
    "evening_review",
    "triggers",
    "coping",
)
AWKWARD = st.sampled_from(["\r\n", "\r", "\n", "\u2028", "\u2029", "\xa0", "😀", ",", '"', "\t"])
texts = st.lists(st.one_of(st.text(max_size=12), AWKWARD), max_size=12).map("".join)
tags = st.lists(
    st.lists(st.one_of(st.text(min_size=1, max_size=6), AWKWARD), min_size=1, max_size=4)
    .map("".join)
    .filter(lambda tag: tag.split()),
    max_size=4,
)


def line_endings_as_newlines(text: str) -> str:
    """The one stated normalisation of an edited text."""
    return re.sub(r"\r\n|[\r\u2029]", "\n", text)


@pytest.fixture
def page(qtbot, vault: Vault) -> JournalPage:
    widget = JournalPage(vault, autosave_ms=60_000, today=lambda: date(2024, 6, 15))
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _edit(qtbot, page: JournalPage, field: str, stored: Entry) -> object:
    """Change `field` through its widget as a person would; returns the value expected back."""
    editor = page.editor
    if field == "title":
        editor.title.setFocus()
        qtbot.keyClick(editor.title, Qt.Key.Key_End)
        qtbot.keyClicks(editor.title, "!")
        return stored.title + "!"
    if field == "body":
        editor.body.setFocus()
        qtbot.keyClick(editor.body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(editor.body, "!")
        return line_endings_as_newlines(stored.body) + "!"
    if field == "mood":
        mood = 1 if stored.mood != 1 else 5
        editor.mood.set_mood(mood)
        return mood
    if field == "tags":
        editor.tags.setFocus()
        qtbot.keyClick(editor.tags, Qt.Key.Key_End)
        qtbot.keyClicks(editor.tags, ", extra word")
        if any(t.casefold() == "extra word" for t in stored.tags):
            return stored.tags
        return (*stored.tags, "extra word")
    if field == "visibility":
        visibility = (
            Visibility.SHARED
            if stored.visibility is not Visibility.SHARED
            else (Visibility.PRIVATE)
        )
        editor.visibility.setCurrentIndex(editor.visibility.findData(visibility))
        return visibility
    if field == "people":
        editor.people.setFocus()
        qtbot.keyClick(editor.people, Qt.Key.Key_End)
        qtbot.keyClicks(editor.people, ", Robin")
        return None  # checked by the caller: the old links stay, Robin is added
    assert field == "entry_date"
    editor.date_edit.setDate(QDate(2024, 6, 1))
    return date(2024, 6, 1)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    title=texts,
    body=texts,
    tag_list=tags,
    mood=st.sampled_from([None, 1, 3, 5]),
    people_picks=st.lists(st.integers(0, 2), unique=True, max_size=3),
    field=st.sampled_from(EDITABLE),
)
@example(
    title="😀" * 700,  # 1,400 UTF-16 units: more than a box counting them would keep
    body="line one\r\nline two\xa0with a no-break space\u2028and a line separator",
    tag_list=["work, stress", "sleep"],
    mood=None,
    people_picks=[0, 1, 2],
    field="mood",
)
@example(
    title="Morning",
    body="a\r\nb",
    tag_list=["work, stress", '"quoted"', "sleep"],
    mood=3,
    people_picks=[0],
    field="tags",
)
def test_untouched_fields_round_trip_byte_for_byte(
    qtbot, page: JournalPage, vault: Vault, title, body, tag_list, mood, people_picks, field
) -> None:
    contacts = [c for c in vault.contacts.list(include_archived=True)]
    if not contacts:
        contacts = [
            vault.contacts.save(Contact(name))
            for name in ("Smith, Jo", "Dana R.", "Dana R.")  # a comma; two of the same name
        ]
    stored = vault.entries.save(
        Entry(
            entry_date=date(2024, 6, 10),
            title=title,
            body=body,
            mood=mood,
            craving=4,
            tags=tuple(tag_list),
            people=tuple(contacts[i].id for i in people_picks),
            visibility=Visibility.NORMAL,
        )
    )
    stored = vault.entries.get(stored.id)  # as storage keeps it (tags normalised and sorted)
    page.open_entry(stored.id)
    assert page.editor.entry_id == stored.id

    expected = _edit(qtbot, page, field, stored)
    assert page.editor.save(final=True) is not None, page.editor.error.text()

    back = vault.entries.get(stored.id)
    for name in COMPARED:
        if name == field:
            continue
        assert getattr(back, name) == getattr(stored, name), name
    if field == "people":
        robin = next(c for c in vault.contacts.list() if c.name == "Robin")
        assert set(back.people) == {*stored.people, robin.id}
    elif field == "tags":
        assert sorted(back.tags) == sorted(expected)  # the vault lists tags in its own order
    else:
        assert getattr(back, field) == expected


def test_every_entry_field_is_compared() -> None:
    """The list above names every field a person can write (a new field must be added)."""
    # people_kept: names of deleted contacts, kept by the vault; the editor never writes them.
    skipped = {"id", "created_at", "updated_at", "is_draft", "is_checkin", "people_kept"}
    assert set(COMPARED) == {f.name for f in fields(Entry)} - skipped


def test_a_tag_that_holds_a_comma_is_shown_whole_and_new_ones_split(
    qtbot, page: JournalPage, vault: Vault
) -> None:
    stored = vault.entries.save(
        Entry(entry_date=date(2024, 6, 10), body="From the terminal", tags=("work, stress",))
    )
    page.open_entry(stored.id)
    assert page.editor.tags.text() == '"work, stress"'
    assert page.editor.tags.items() == ["work, stress"]
    page.editor.tags.setFocus()
    qtbot.keyClick(page.editor.tags, Qt.Key.Key_End)
    qtbot.keyClicks(page.editor.tags, ", family,sleep")
    page.editor.save(final=True)
    assert vault.entries.get(stored.id).tags == ("family", "sleep", "work, stress")
