# SPDX-License-Identifier: GPL-3.0-or-later
"""Data export (issue 9, point 2): every table of the live schema, private entries only when
asked, CSV cells no spreadsheet runs, files 0600 written whole or not at all."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import threading
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.exchange.data_export import (
    FORMAT_NAME,
    FORMULA_STARTS,
    csv_cell,
    csv_cell_text,
    export_csv,
    export_json,
)
from recovery_desktop.exchange.progress import Cancelled, ExportError
from recovery_desktop.storage import Vault
from recovery_desktop.storage.connection import transaction
from recovery_desktop.storage.migrations import SCHEMA_VERSION
from recovery_desktop.storage.table_dump import BOOKKEEPING_TABLES, user_tables
from tests.unit.exchange_helpers import (
    PRIVATE_PHRASE,
    PRIVATE_TAG,
    PRIVATE_TRIGGER,
    export_tables,
    files_under,
    make_demo_vault,
)


@pytest.fixture
def demo(tmp_path: Path) -> Vault:
    vault = make_demo_vault(tmp_path / "demo")
    yield vault
    vault.close()


def _csv_text(path: Path) -> io.StringIO:
    return io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_every_table_of_the_live_schema_is_exported_or_named_as_left_out(demo: Vault) -> None:
    conn = demo.connection
    listed = {row[1]: row[2] for row in conn.execute("PRAGMA table_list") if row[0] == "main"}
    exported = {t.name for t in user_tables(conn)}
    for name, kind in listed.items():
        left_out = (
            name.startswith("sqlite_")
            or kind in ("virtual", "shadow")
            or name in BOOKKEEPING_TABLES
        )
        assert (name in exported) != left_out, name
    assert {"entry", "contact", "connection", "safety_plan_item", "crisis_line"} <= exported
    assert "entry_fts" not in exported and "search_rebuild" not in exported


def test_json_holds_every_row_and_column_with_private_entries_when_asked(
    demo: Vault, tmp_path: Path
) -> None:
    out = tmp_path / "all.json"
    summary = export_json(demo.connection, out, include_private=True)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == FORMAT_NAME and document["format_version"] == 1
    assert document["schema_version"] == SCHEMA_VERSION and document["include_private"] is True
    conn = demo.connection
    for table in user_tables(conn):
        content = document["tables"][table.name]
        assert [c["name"] for c in content["columns"]] == list(table.column_names)
        stored = conn.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()[0]
        assert len(content["rows"]) == stored == summary.rows[table.name], table.name
    assert PRIVATE_PHRASE in out.read_text(encoding="utf-8")
    assert summary.left_out == {}
    assert _mode(out) == 0o600


def test_private_entries_and_what_is_only_theirs_stay_out(demo: Vault, tmp_path: Path) -> None:
    out = tmp_path / "shared.json"
    summary = export_json(demo.connection, out)
    text = out.read_text(encoding="utf-8")
    for secret in (PRIVATE_PHRASE, PRIVATE_TAG, PRIVATE_TRIGGER, "Just for me"):
        assert secret not in text
    tables = export_tables(out)
    conn = demo.connection
    private_ids = {r[0] for r in conn.execute("SELECT id FROM entry WHERE visibility='private'")}
    assert private_ids and summary.private_entries_left_out == len(private_ids)
    assert not {r["id"] for r in tables["entry"]["rows"]} & private_ids
    for link in ("entry_tag", "entry_person", "entry_factor"):
        assert not {r["entry_id"] for r in tables[link]["rows"]} & private_ids, link
    # The connection stays (it is the person's log) but not which private entry it was in.
    call = next(r for r in tables["connection"]["rows"] if r["note"] == "Talked it through.")
    assert call["entry_id"] is None
    # A tag used by private and shared entries alike stays; Robin stays a contact.
    assert "meeting" in {r["name"] for r in tables["tag"]["rows"]}
    assert "Robin" in {r["name"] for r in tables["contact"]["rows"]}
    assert json.loads(text)["include_private"] is False


def test_a_table_or_column_added_later_is_exported_too(demo: Vault, tmp_path: Path) -> None:
    """A later schema's new tables and columns need no change here."""
    conn = demo.connection
    with transaction(conn):
        conn.execute(
            "CREATE TABLE later_list (id INTEGER PRIMARY KEY, step TEXT NOT NULL, "
            "text TEXT NOT NULL, entry_id INTEGER REFERENCES entry (id))"
        )
        conn.execute("ALTER TABLE connection ADD COLUMN later_note TEXT NOT NULL DEFAULT ''")
        private_id = conn.execute("SELECT id FROM entry WHERE visibility='private'").fetchone()[0]
        conn.execute("INSERT INTO later_list VALUES (1, 'reasons', 'Leo', NULL)")
        conn.execute(
            "INSERT INTO later_list VALUES (2, 'reasons', 'Clear mornings', ?)", (private_id,)
        )
    out = tmp_path / "later.json"
    export_json(demo.connection, out)
    tables = export_tables(out)
    assert [r["text"] for r in tables["later_list"]["rows"]] == ["Leo", "Clear mornings"]
    assert tables["later_list"]["rows"][1]["entry_id"] is None  # a private link, emptied
    assert "later_note" in tables["connection"]["rows"][0]
    folder = tmp_path / "later-csv"
    export_csv(demo.connection, folder)
    assert (folder / "later_list.csv").exists()


def test_csv_folder_has_one_private_file_per_table(demo: Vault, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    summary = export_csv(demo.connection, folder)
    names = {t.name for t in user_tables(demo.connection)}
    assert set(files_under(folder)) == {f"{n}.csv" for n in names} | {"about-this-export.txt"}
    assert _mode(folder) == 0o700
    assert all(_mode(p) == 0o600 for p in folder.iterdir())
    raw = (folder / "entry.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["id", "entry_date", "created_at"]
    assert len(rows) - 1 == summary.rows["entry"]
    assert PRIVATE_PHRASE.encode() not in b"".join(p.read_bytes() for p in folder.iterdir())
    about = (folder / "about-this-export.txt").read_text(encoding="utf-8")
    assert f"schema version {SCHEMA_VERSION}" in about and "left out" in about


def test_csv_zip_is_private_and_complete(demo: Vault, tmp_path: Path) -> None:
    out = tmp_path / "export.zip"
    export_csv(demo.connection, out, include_private=True)
    assert _mode(out) == 0o600
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        assert {"entry.csv", "connection.csv", "about-this-export.txt"} <= names
        assert all((info.external_attr >> 16) & 0o777 == 0o600 for info in archive.infolist())
        entry_csv = archive.read("entry.csv").decode("utf-8-sig")
    assert PRIVATE_PHRASE in entry_csv


def test_formula_cells_are_escaped_in_a_real_export(vault: Vault, tmp_path: Path) -> None:
    from datetime import date

    from recovery_desktop.core.models import Contact, Entry

    vault.entries.save(
        Entry(
            entry_date=date(2024, 1, 2),
            title='=HYPERLINK("http://example.com","click")',
            body="+1 day sober",
            tags=("@home", "-minus"),
        )
    )
    vault.contacts.save(Contact("=cmd|' /C calc'!A0", phone="\t+1 555 0100", notes="\r=1+1"))
    folder = tmp_path / "csv"
    export_csv(vault.connection, folder)
    for path in folder.glob("*.csv"):
        for row in csv.reader(_csv_text(path)):
            for cell in row:
                assert cell[:1] not in FORMULA_STARTS, (path.name, cell)
    contact = list(csv.DictReader(_csv_text(folder / "contact.csv")))
    assert csv_cell_text(contact[0]["name"]) == "=cmd|' /C calc'!A0"
    assert contact[0]["phone"] == "'+1 555 0100"  # the contact keeps it without the tab
    assert contact[0]["notes"] == "'\r=1+1"


@given(st.text(st.characters(codec="utf-8"), max_size=60))
def test_csv_cells_never_start_a_formula_and_come_back_exactly(text: str) -> None:
    cell = csv_cell(text)
    assert cell[:1] not in FORMULA_STARTS
    assert cell.lstrip()[:1] not in FORMULA_STARTS or cell.startswith("'")
    assert csv_cell_text(cell) == text
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerow([cell, "x"])
    read = next(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    assert read == [cell, "x"]
    assert csv_cell_text(read[0]) == text


@given(st.one_of(st.none(), st.integers(), st.floats(allow_nan=False), st.binary(max_size=20)))
def test_other_values_become_safe_cells(value: object) -> None:
    cell = csv_cell(value)
    assert cell[:1] not in FORMULA_STARTS


@pytest.mark.parametrize("kind", ["json", "zip", "folder"])
def test_a_cancelled_export_leaves_no_file(demo: Vault, tmp_path: Path, kind: str) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / {"json": "all.json", "zip": "all.zip", "folder": "all"}[kind]
    if kind != "folder":
        target.write_bytes(b"the export from last week")
    stop = threading.Event()
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        if done > 300:
            stop.set()

    exporter = export_json if kind == "json" else export_csv
    with pytest.raises(Cancelled):
        exporter(demo.connection, target, progress=progress, cancelled=stop)
    assert calls and calls[-1][0] < calls[-1][1]
    expected = ["all.json"] if kind == "json" else ["all.zip"] if kind == "zip" else []
    assert files_under(out_dir) == expected
    if kind != "folder":
        assert target.read_bytes() == b"the export from last week"


def test_progress_reaches_the_total(demo: Vault, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    export_json(demo.connection, tmp_path / "a.json", progress=lambda d, t: calls.append((d, t)))
    assert calls[-1][0] == calls[-1][1] > 0
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_an_export_never_writes_over_a_folder_with_files(demo: Vault, tmp_path: Path) -> None:
    folder = tmp_path / "busy"
    folder.mkdir()
    (folder / "mine.txt").write_text("keep me")
    with pytest.raises(ExportError, match="not an empty folder"):
        export_csv(demo.connection, folder)
    assert files_under(folder) == ["mine.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    export_csv(demo.connection, empty)
    assert (empty / "entry.csv").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_folder_gives_a_plain_message(demo: Vault, tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="may not write"):
            export_json(demo.connection, folder / "a.json")
    finally:
        folder.chmod(0o700)
    assert files_under(folder) == []


def test_a_folder_that_is_gone_gives_a_plain_message(demo: Vault, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_json(demo.connection, tmp_path / "gone" / "a.json")
    with pytest.raises(ExportError, match="does not exist"):
        export_csv(demo.connection, tmp_path / "gone" / "csv")
