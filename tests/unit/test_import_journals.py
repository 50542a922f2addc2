# SPDX-License-Identifier: GPL-3.0-or-later
"""jrnl and Day One imports (issue 9, point 4): their real shapes, days in their own time zone,
tags, starred entries, Markdown, media listed, no duplicates on a second import."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from recovery_desktop.core.validation import ValidationError
from recovery_desktop.exchange.dayone import read_dayone
from recovery_desktop.exchange.importing import preview_import, read_import, write_import
from recovery_desktop.exchange.jrnl import read_jrnl
from recovery_desktop.exchange.progress import ImportFileError
from recovery_desktop.storage import Vault
from tests.unit.exchange_helpers import DATA, local_zone

JRNL = DATA / "jrnl"
DAYONE = DATA / "dayone"


# --- jrnl ------------------------------------------------------------------------------------


def test_jrnl_export() -> None:
    with local_zone("Europe/Berlin"):
        batch = read_jrnl(JRNL / "jrnl_export.json")
        assert batch.problems == ()
        called, clocks, thirty, hard = batch.entries
        assert called.title == "Called Dana before the meeting." and called.tags == ("meeting",)
        assert called.body.endswith("Going back tomorrow @meeting.")
        assert called.created_at == datetime(2023, 3, 25, 20, 10, tzinfo=UTC)  # CET, UTC+1
        # 02:30 on the night the clocks go forward does not exist in Berlin; the day is kept.
        assert clocks.entry_date == date(2023, 3, 26) and clocks.body == ""
        assert thirty.tags == ("Leo", "milestone", "starred")
        assert thirty.created_at == datetime(2023, 4, 2, 17, 45, tzinfo=UTC)  # CEST, UTC+2
        assert hard.entry_date == date(2023, 4, 14)  # 23:59 local stays on its own day
        assert hard.created_at == datetime(2023, 4, 14, 21, 59, tzinfo=UTC)
        assert any("starred" in n for n in batch.notes)


def test_jrnl_journal_kept_in_day_one_and_one_entry_per_file() -> None:
    (entry,) = read_jrnl(JRNL / "jrnl_dayone_backed.json").entries
    assert entry.title == "Back at work." and entry.tags == ("work",)
    (single,) = read_jrnl(JRNL / "2023_04_02_30-days.json").entries
    assert single.title == "30 days!" and "starred" in single.tags


def test_jrnl_has_no_mood_names_to_match() -> None:
    batch = read_jrnl(JRNL / "jrnl_export.json")
    assert batch.with_mood_mapping({}) is batch
    with pytest.raises(ValidationError):
        batch.with_mood_mapping({"x": 1})


def test_jrnl_damaged_entries_are_listed() -> None:
    batch = read_jrnl(JRNL / "jrnl_damaged.json")
    assert [e.entry_date for e in batch.entries] == [date(2023, 3, 1), date(2023, 3, 2)]
    problems = "\n".join(batch.problems)
    assert "date could not be read" in problems and "(entry 1)" in problems
    assert "time could not be read" in problems and "(entry 2)" in problems
    assert "not in jrnl's shape" in problems and "(entry 3)" in problems


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"2023-01-01 09:00 A plain text journal.", "not complete JSON"),
        (b'{"entries": "none"}', "no list of entries"),
        (b"[1, 2, 3]", "no list of entries"),
        (b'{"tags": {}, "entries": []}', "no entries"),
    ],
)
def test_files_that_are_not_jrnl_exports(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "journal.json"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=words):
        read_jrnl(path)


def test_jrnl_twice_adds_nothing_the_second_time(vault: Vault) -> None:
    path = JRNL / "jrnl_export.json"
    first = write_import(
        vault.connection, preview_import(vault.connection, read_import("jrnl", path))
    )
    assert first.added == {"entries": 4}
    preview = preview_import(vault.connection, read_import("jrnl", path))
    assert preview.duplicates == 4 and preview.counts == {"entries": 0}
    # The same entry from its own file (jrnl -o FOLDER/) is one of those, too.
    single = preview_import(vault.connection, read_import("jrnl", JRNL / "2023_04_02_30-days.json"))
    assert single.duplicates == 1
    assert vault.entries.search("cake")[0].title == "30 days!"


# --- Day One ---------------------------------------------------------------------------------


def test_day_one_journal_json_from_the_mac() -> None:
    with local_zone("Asia/Tokyo"):  # the computer's zone does not move Day One's days
        batch = read_dayone(DAYONE / "Journal.json")
        late, lake, plan = batch.entries
        # 03:30 UTC on 1 June is 23:30 on 31 May in New York, where it was written.
        assert late.entry_date == date(2023, 5, 31)
        assert late.created_at == datetime(2023, 6, 1, 3, 30, tzinfo=UTC)
        assert late.updated_at == datetime(2023, 6, 1, 3, 45, 12, tzinfo=UTC)
        assert late.tags == ("gratitude", "meeting", "starred")
        assert late.body == (
            "# Late meeting\n\nGot home at 11.30 after the candlelight meeting. Ruth said (again) "
            "that it gets easier!\n\n1\\. Not a list\n\\- not a bullet either\n\n"
            "Still *grateful* - really."
        )
        assert lake.body == "Lake walk with Leo. He skipped stones for an hour."  # photo link gone
        assert plan.body == "Safety plan check: numbers saved, Dana on speed dial."  # richText
        assert plan.tags == ("plan", "pinned")
        problems = "\n".join(batch.problems)
        assert "1 photo not imported" in problems
        assert "Places on 1 entry and the weather on 1 entry are not imported" in problems


def test_day_one_zip_from_the_phones() -> None:
    with local_zone("America/Los_Angeles"):
        batch = read_dayone(DAYONE / "dayone_export_phone.zip")
        morning, train, step = batch.entries
        # 21:30 UTC on 1 June is 07:30 on 2 June in Sydney.
        assert morning.entry_date == date(2023, 6, 2)
        assert morning.body == "Up at 7.30, coffee on the balcony. Day 120!"
        assert morning.tags == ("morning", "Journal")  # two journals: each entry names its own
        assert morning.updated_at == datetime(2023, 6, 1, 21, 31, 5, 250000, tzinfo=UTC)
        # An unknown zone: dated in this computer's zone (08:00 UTC is 01:00 in Los Angeles).
        assert train.entry_date == date(2023, 6, 2)
        assert step.tags == ("step work", "starred", "Recovery")
        assert step.body == "Step 4 inventory, part 2. Honest but kind."
        problems = "\n".join(batch.problems)
        assert "time zone is missing or unknown" in problems and "Journal, entry 2" in problems
        assert "hold no text" in problems and "Journal, entry 3" in problems
        assert "1 photo not imported" in problems and "1 audio recording not imported" in problems


def test_day_one_json_inside_a_folder_of_the_zip(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Export - Journal/Journal.json", (DAYONE / "Journal.json").read_bytes())
    assert len(read_dayone(path).entries) == 3


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("export.zip", b"PK\x03\x04 not really a zip", "not a readable zip"),
        ("export.zip", b"", "not a readable zip"),
        ("Journal.json", b'{"metadata": {}}', "not a Day One export"),
        ("Journal.json", b'{"entries": [', "not complete JSON"),
        ("Journal.json", b'{"entries": []}', "no entries"),
    ],
)
def test_files_that_are_not_day_one_exports(
    tmp_path: Path, name: str, content: bytes, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=words):
        read_dayone(path)


def test_a_zip_without_a_journal(tmp_path: Path) -> None:
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photos/a.jpeg", b"\xff\xd8")
        archive.writestr("notes.json", json.dumps({"not": "day one"}))
    with pytest.raises(ImportFileError, match="no Day One journal"):
        read_dayone(path)


def test_day_one_twice_adds_nothing_the_second_time(vault: Vault) -> None:
    path = DAYONE / "dayone_export_phone.zip"
    result = write_import(
        vault.connection, preview_import(vault.connection, read_import("dayone", path))
    )
    assert result.added == {"entries": 3}
    again = preview_import(vault.connection, read_import("dayone", path))
    assert again.duplicates == 3 and again.counts == {"entries": 0}
    assert vault.entries.search("balcony")
