# SPDX-License-Identifier: GPL-3.0-or-later
"""Daylio CSV import (issue 9, point 4): every layout, encodings, times, moods, no duplicates."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from recovery_desktop.core.models import Entry
from recovery_desktop.core.validation import ValidationError
from recovery_desktop.exchange.daylio import read_daylio
from recovery_desktop.exchange.importing import (
    ImportBatch,
    preview_import,
    read_import,
    write_import,
)
from recovery_desktop.exchange.progress import Cancelled, ImportFileError
from recovery_desktop.storage import Vault
from tests.unit.exchange_helpers import DATA, local_zone

DAYLIO = DATA / "daylio"


def _read(name: str) -> ImportBatch:
    return read_daylio(DAYLIO / name)


def test_recent_android_export() -> None:
    """BOM, 8 columns, 12-hour times with a narrow no-break space, HTML, two on one day."""
    with local_zone("America/New_York"):
        batch = _read("daylio_android_8col_bom_12h.csv")
        assert len(batch.entries) == 6 and batch.problems == ()
        first, morning, rough, midnight, payday, sunday = batch.entries
        assert first.entry_date == morning.entry_date == date(2024, 3, 14)
        # 9:41 PM in New York (daylight time since 10 March) is 01:41 the next day in UTC,
        # and the entry stays on the day it was lived.
        assert first.created_at == datetime(2024, 3, 15, 1, 41, tzinfo=UTC)
        assert morning.created_at == datetime(2024, 3, 14, 11, 5, tzinfo=UTC)
        assert midnight.created_at == datetime(2024, 3, 12, 4, 15, tzinfo=UTC)  # 12:15 AM
        assert payday.created_at == datetime(2024, 3, 11, 16, 30, tzinfo=UTC)  # 12:30 PM
        assert first.title == "Good day" and first.tags == ("family", "meeting", "walk")
        assert first.body == (
            "Called Maya.\nWent to the 7 pm meeting, shared for the first time.\n\n"
            "Feeling **proud** & tired 😊"
        )
        assert rough.body == "Rough one. Said \"I'm fine\" three times, which means I wasn't."
        assert payday.tags == ("work", "stressed / frustrated")
        assert sunday.body == "I <3 Sundays, even the hard ones"
        assert midnight.body == "" and midnight.tags == ()
        assert batch.mood_mapping == {
            "awful": 1, "bad": 2, "good": 4, "meh": 3, "rad": 5, "tired": None
        }  # fmt: skip
        assert [e.mood for e in batch.entries] == [5, 3, None, 4, 1, 2]


def test_newest_layout_with_scales_and_24_hour_times() -> None:
    batch = _read("daylio_9col_scales_24h.csv")
    assert len(batch.entries) == 5 and batch.problems == ()
    sunday = batch.entries[0]
    assert sunday.title == "Sonntag" and sunday.tags == ("Familie", "Spaziergang")
    assert sunday.body == "Mit Mama telefoniert.\nGut geschlafen.\n\nScales: Energie: 4 | Stress: 2"
    assert [e.mood for e in batch.entries] == [5, 4, 3, 2, 1]  # Daylio's German mood names
    assert batch.entries[-1].title == "Neujahr" and batch.entries[-1].body == ""
    assert any("scales" in note for note in batch.notes)


def test_early_seven_column_layout_with_a_year_column() -> None:
    with local_zone("UTC"):
        batch = _read("daylio_old_7col_year.csv")
        assert [e.entry_date for e in batch.entries] == [
            date(2018, 5, 18), date(2018, 5, 17), date(2018, 5, 16), date(2018, 5, 15)
        ]  # fmt: skip
        assert [e.created_at.hour for e in batch.entries] == [23, 22, 23, 8]
        assert batch.entries[1].tags == ("cook", "stressed")  # a trailing space in the file
        assert batch.mood_mapping == {"average": 3, "happy": 4, "horrible": 1}


def test_seven_columns_with_full_date_and_no_quotes() -> None:
    batch = _read("daylio_7col_full_date.csv")
    assert [(e.entry_date, e.tags, e.body) for e in batch.entries] == [
        (date(2020, 11, 2), ("reading", "walk"), "Finished the book Ruth lent me"),
        (date(2020, 11, 1), (), ""),
    ]


def test_a_file_saved_again_by_a_spreadsheet() -> None:
    batch = _read("daylio_spreadsheet_cp1252_semicolons.csv")
    assert [e.entry_date for e in batch.entries] == [date(2021, 3, 14), date(2021, 3, 13)]
    assert batch.entries[0].tags == ("café", "friends")
    assert batch.entries[0].body == "Coffee with Chris at the café – felt normal"
    assert any("Windows-1252" in p for p in batch.problems)


def test_utf16_with_tabs() -> None:
    (entry,) = _read("daylio_utf16_tabs.csv").entries
    assert entry.body == "Personal best 💪" and entry.tags == ("gym",) and entry.mood == 5
    assert _read("daylio_utf16_tabs.csv").mood_mapping == {"rad": 5}


def test_damaged_rows_are_listed_with_their_lines() -> None:
    with local_zone("UTC"):
        batch = _read("daylio_damaged_rows.csv")
        assert [e.entry_date for e in batch.entries] == [
            date(2022, 7, 9), date(2022, 7, 8), date(2022, 7, 6)
        ]  # fmt: skip
        problems = "\n".join(batch.problems)
        assert "columns the header names" in problems and "(line 2)" in problems
        assert "time could not be read" in problems and "(line 3)" in problems
        assert "date could not be read" in problems and "(line 4)" in problems
        assert batch.entries[1].created_at.hour == 12
        assert batch.entries[2].mood is None and any("no mood" in n for n in batch.notes)


@pytest.mark.parametrize(
    "content",
    [b"", b"\xef\xbb\xbf", b"hello,world\n1,2\n", b'{"entries": []}', b"\x00\x01\x02binary"],
)
def test_files_that_are_not_daylio_exports(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFileError):
        read_daylio(path)


def test_a_folder_instead_of_a_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="folder"):
        read_import("daylio", tmp_path)


def test_the_person_chooses_their_moods(vault: Vault) -> None:
    batch = _read("daylio_android_8col_bom_12h.csv")
    preview = preview_import(vault.connection, batch)
    assert any("“tired”" in p and "without a mood" in p for p in preview.problems)
    assert preview.mood_names == {"meh": 1, "tired": 1, "good": 1, "awful": 1, "bad": 1, "rad": 1}
    assert preview.mood_mapping["tired"] is None and preview.mood_mapping["rad"] == 5
    chosen = batch.with_mood_mapping({"tired": 2, "meh": 2})
    assert [e.mood for e in chosen.entries] == [5, 2, 2, 4, 1, 2]
    assert not any("tired" in p for p in preview_import(vault.connection, chosen).problems)
    with pytest.raises(ValidationError):
        batch.with_mood_mapping({"tired": 7})
    with pytest.raises(ValidationError):
        batch.with_mood_mapping({"sleepy": 2})
    write_import(vault.connection, preview_import(vault.connection, chosen))
    moods = vault.connection.execute("SELECT mood FROM entry ORDER BY id").fetchall()
    assert [m for (m,) in moods] == [5, 2, 2, 4, 1, 2]


def test_import_then_import_again_adds_nothing(vault: Vault) -> None:
    path = DAYLIO / "daylio_android_8col_bom_12h.csv"
    preview = preview_import(vault.connection, read_import("daylio", path))
    assert preview.counts == {"entries": 6} and preview.duplicates == 0
    assert (preview.first_day, preview.last_day) == (date(2024, 3, 10), date(2024, 3, 14))
    result = write_import(vault.connection, preview)
    assert result.added == {"entries": 6} and result.search_complete
    assert vault.entries.search("proud")[0].title == "Good day"
    assert vault.entries.search("stressed")  # tags are searchable too
    # Again, even with the moods mapped differently: the same entries are found.
    again = read_import("daylio", path).with_mood_mapping({"tired": 1})
    preview = preview_import(vault.connection, again)
    assert preview.counts == {"entries": 0} and preview.duplicates == 6
    assert write_import(vault.connection, preview).added == {"entries": 0}
    assert vault.entries.count() == 6


def test_a_preview_made_before_another_import_still_adds_nothing_twice(vault: Vault) -> None:
    batch = _read("daylio_7col_full_date.csv")
    first = preview_import(vault.connection, batch)
    second = preview_import(vault.connection, batch)
    write_import(vault.connection, first)
    assert write_import(vault.connection, second).duplicates == 2
    assert vault.entries.count() == 2


def test_a_check_in_of_that_day_is_not_taken_for_a_daylio_entry(vault: Vault) -> None:
    vault.entries.save(Entry(entry_date=date(2020, 11, 1), mood=4, is_checkin=True))
    preview = preview_import(vault.connection, _read("daylio_7col_full_date.csv"))
    assert preview.counts == {"entries": 2} and preview.duplicates == 0


def test_a_cancelled_import_writes_nothing(vault: Vault) -> None:
    stop = threading.Event()
    stop.set()
    preview = preview_import(vault.connection, _read("daylio_9col_scales_24h.csv"))
    with pytest.raises(Cancelled):
        write_import(vault.connection, preview, cancelled=stop)
    assert vault.entries.count() == 0
    calls: list[tuple[int, int]] = []
    write_import(vault.connection, preview, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (10, 10) and vault.entries.count() == 5  # written, then indexed


def test_a_failure_while_writing_leaves_nothing_behind(vault: Vault) -> None:
    preview = preview_import(vault.connection, _read("daylio_android_8col_bom_12h.csv"))

    def disk_trouble(done: int, total: int) -> None:
        if done:
            raise OSError("the disk went away")

    with pytest.raises(OSError):
        write_import(vault.connection, preview, progress=disk_trouble)
    assert vault.entries.count() == 0 and vault.entries.tags() == []
    assert vault.search_index.complete()


def test_the_preview_says_in_one_line_what_would_happen(vault: Vault) -> None:
    batch = _read("daylio_7col_full_date.csv")
    assert preview_import(vault.connection, batch).summary() == (
        "To add: 2 entries (from 2020-11-01 to 2020-11-02)."
    )
    write_import(vault.connection, preview_import(vault.connection, batch))
    assert preview_import(vault.connection, batch).summary() == (
        "To add: nothing new (from 2020-11-01 to 2020-11-02); 2 already in the vault, left as "
        "they are."
    )
