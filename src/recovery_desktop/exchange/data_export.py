# SPDX-License-Identifier: GPL-3.0-or-later
"""Data export: everything in the vault as one JSON file, or as CSV files (one per table, in a
folder or a zip). The formats are described in docs/export-format.md.

The tables and columns are read from the live schema (`storage.table_dump`), so the export stays
complete as the schema grows; the file names the schema version it was made from. Private
entries, and what belongs only to them, are left out unless `include_private` is True.

Files are written 0600, whole or not at all (`exchange.files`), from one read snapshot of the
vault. Call from a worker thread with a connection of its own (`vault.open_connection()`):
`progress(done, total)` counts rows, and `cancelled` (a callable or a `threading.Event`) is
checked between chunks of rows; a cancelled export raises `Cancelled` and leaves no file.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from recovery_desktop import __version__
from recovery_desktop.exchange.files import (
    new_private_file,
    private_output_file,
    private_output_folder,
)
from recovery_desktop.exchange.progress import CancelCheck, Meter, Progress
from recovery_desktop.storage.connection import Connection
from recovery_desktop.storage.migrations import schema_version
from recovery_desktop.storage.table_dump import Table, TableReader, read_snapshot, user_tables

FORMAT_NAME = "recovery-desktop-export"
FORMAT_VERSION = 1
CHUNK_ROWS = 500
ABOUT_FILE = "about-this-export.txt"

# OWASP's rule for CSV injection: a cell that a spreadsheet could read as a formula (or as a
# DDE call) begins with one of these. ASVS adds NUL. A leading "'" is escaped as well, so the
# rule can be undone exactly: every cell that begins with "'" carries exactly one extra "'".
FORMULA_STARTS = frozenset("=+-@\t\r\x00")
_ESCAPE = "'"


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What an export wrote, for the page and the CLI to report in plain words."""

    path: Path
    kind: str  # "json", "csv folder" or "csv zip"
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows written
    left_out: dict[str, int] = field(default_factory=dict)  # table -> private rows left out
    include_private: bool = False

    @property
    def private_entries_left_out(self) -> int:
        return self.left_out.get("entry", 0)


def csv_cell(value: object) -> str:
    """One value as the text of a CSV cell, escaped so no spreadsheet runs it as a formula.

    None is an empty cell; bytes are written as base64 after "base64:". A cell that begins
    with = + - @, a tab, a carriage return or NUL (also after leading spaces), or with "'",
    gets one "'" in front; `csv_cell_text` takes it off again.
    """
    if value is None:
        return ""
    if isinstance(value, bytes):
        text = "base64:" + base64.b64encode(value).decode("ascii")
    elif isinstance(value, float):
        text = repr(value)
    else:
        text = str(value)
    if text and (
        text[0] in FORMULA_STARTS or text[0] == _ESCAPE or text.lstrip()[:1] in FORMULA_STARTS
    ):
        return _ESCAPE + text
    return text


def csv_cell_text(cell: str) -> str:
    """The exact text of a cell written by `csv_cell` (for readers of our own CSV)."""
    return cell[1:] if cell.startswith(_ESCAPE) else cell


# --- JSON ------------------------------------------------------------------------------------


def export_json(
    conn: Connection,
    path: Path,
    *,
    include_private: bool = False,
    progress: Progress | None = None,
    cancelled: CancelCheck = None,
) -> ExportSummary:
    """Write every table of the vault to one JSON file at `path` (replacing it whole)."""
    path = Path(path)
    summary = ExportSummary(path, "json", include_private=include_private)
    with read_snapshot(conn):
        tables, reader, meter = _plan(conn, include_private, progress, cancelled, summary)
        with private_output_file(path) as out:
            _write_json(conn, out, tables, reader, meter, summary)
    meter.finish()
    return summary


def _header(conn: Connection, include_private: bool) -> dict[str, object]:
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "schema_version": schema_version(conn),
        "app_version": __version__,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "include_private": include_private,
    }


def _write_json(
    conn: Connection,
    out: BinaryIO,
    tables: Sequence[Table],
    reader: TableReader,
    meter: Meter,
    summary: ExportSummary,
) -> None:
    header = _header(conn, reader.include_private)
    out.write(b"{\n")
    for key, value in header.items():
        out.write(f"  {json.dumps(key)}: {json.dumps(value)},\n".encode())
    out.write(b'  "tables": {')
    for index, table in enumerate(tables):
        columns = [
            {"name": c.name, "type": c.type, "not_null": c.not_null, "primary_key": c.primary_key}
            for c in table.columns
        ]
        out.write(b"," if index else b"")
        out.write(
            f'\n    {json.dumps(table.name)}: {{\n      "columns": {json.dumps(columns)},\n'
            f'      "rows": ['.encode()
        )
        names = table.column_names
        written = 0
        for chunk in reader.rows(conn, table, CHUNK_ROWS):
            lines = [
                json.dumps(
                    dict(zip(names, map(_json_value, row), strict=True)),
                    ensure_ascii=False,
                    allow_nan=False,
                )
                for row in chunk
            ]
            out.write(("," if written else "").encode())
            out.write(("\n        " + ",\n        ".join(lines)).encode("utf-8"))
            written += len(chunk)
            meter.advance(len(chunk))
        out.write(b"\n      ]\n    }" if written else b"]\n    }")
        summary.rows[table.name] = written
    out.write(b"\n  }\n}\n")


def _json_value(value: object) -> object:
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    if isinstance(value, float) and not math.isfinite(value):
        return {"real": repr(value)}
    return value


# --- CSV -------------------------------------------------------------------------------------


def export_csv(
    conn: Connection,
    path: Path,
    *,
    include_private: bool = False,
    progress: Progress | None = None,
    cancelled: CancelCheck = None,
) -> ExportSummary:
    """Write one CSV file per table: into a zip when `path` ends in .zip (replacing it whole),
    otherwise into a new folder at `path` (which must not exist or be empty)."""
    path = Path(path)
    as_zip = path.suffix.lower() == ".zip"
    summary = ExportSummary(
        path, "csv zip" if as_zip else "csv folder", include_private=include_private
    )
    with read_snapshot(conn):
        tables, reader, meter = _plan(conn, include_private, progress, cancelled, summary)
        about = _about_text(_header(conn, include_private), tables)
        if as_zip:
            with (
                private_output_file(path) as out,
                zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
            ):
                archive.writestr(_zip_member(ABOUT_FILE), about)
                for table in tables:
                    with archive.open(_zip_member(_csv_name(table)), "w") as member:
                        _write_csv(conn, member, table, reader, meter, summary)
        else:
            with private_output_folder(path) as folder:
                with new_private_file(folder / ABOUT_FILE) as out:
                    out.write(about.encode("utf-8"))
                for table in tables:
                    with new_private_file(folder / _csv_name(table)) as out:
                        _write_csv(conn, out, table, reader, meter, summary)
    meter.finish()
    return summary


def _csv_name(table: Table) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", table.name) + ".csv"


def _zip_member(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=datetime.now().timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o100600 << 16  # a regular file, read and write for its owner only
    return info


def _write_csv(
    conn: Connection,
    out: BinaryIO,
    table: Table,
    reader: TableReader,
    meter: Meter,
    summary: ExportSummary,
) -> None:
    # UTF-8 with a byte-order mark: spreadsheets then show accents and emoji correctly.
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    try:
        writer = csv.writer(text, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow([csv_cell(name) for name in table.column_names])
        written = 0
        for chunk in reader.rows(conn, table, CHUNK_ROWS):
            writer.writerows([csv_cell(v) for v in row] for row in chunk)
            written += len(chunk)
            meter.advance(len(chunk))
    finally:
        text.detach()  # flushes; `out` stays open for its owner to close
    summary.rows[table.name] = written


def _about_text(header: dict[str, object], tables: Iterable[Table]) -> str:
    names = "\n".join(f"  {_csv_name(t)}: {', '.join(t.column_names)}" for t in tables)
    private = (
        "Private entries are included."
        if header["include_private"]
        else "Private entries, and the tags, people and craving notes that belong only to "
        "them, are left out; links from connections to private entries are left empty."
    )
    return (
        "Recovery Desktop: data export as CSV\n"
        f"format {header['format']} version {header['format_version']}, "
        f"vault schema version {header['schema_version']}, app {header['app_version']}, "
        f"made {header['exported_at']}\n\n"
        f"{private}\n\n"
        "One file per table, UTF-8 with a byte-order mark. The first row names the columns.\n"
        "An empty cell has no value. Days are YYYY-MM-DD; moments are UTC, ISO 8601.\n"
        "A cell that a spreadsheet could run as a formula (it begins with = + - @, a tab or a\n"
        "carriage return) or that begins with ' has one ' added in front, so it shows as\n"
        "text; take that one ' off to get the exact text back.\n"
        "To bring your data back into the app, use the JSON export: it keeps everything.\n\n"
        f"Files and their columns:\n{names}\n"
    )


# --- shared ----------------------------------------------------------------------------------


def _plan(
    conn: Connection,
    include_private: bool,
    progress: Progress | None,
    cancelled: CancelCheck,
    summary: ExportSummary,
) -> tuple[list[Table], TableReader, Meter]:
    tables = user_tables(conn)
    reader = TableReader(tables, include_private)
    total = 0
    for table in tables:
        total += reader.count(conn, table)
        left_out = reader.left_out(conn, table)
        if left_out:
            summary.left_out[table.name] = left_out
    meter = Meter(total, progress, cancelled)
    meter.check()
    return tables, reader, meter
