# SPDX-License-Identifier: GPL-3.0-or-later
"""Bringing a JSON export (`data_export.export_json`) back into an empty vault, without loss.

Every row keeps its id, so links between tables stay as they were and an export of the new
vault equals the export it came from. An export made by an older version (a lower schema
version) is upgraded on the way in by the same migrations an old vault goes through
(`storage.table_load`). The search index is rebuilt afterwards.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from recovery_desktop.core.validation import ValidationError
from recovery_desktop.exchange.data_export import FORMAT_NAME, FORMAT_VERSION
from recovery_desktop.exchange.importing import ImportPreview, ImportResult
from recovery_desktop.exchange.progress import (
    CancelCheck,
    ImportFileError,
    Meter,
    Progress,
    cancel_check,
)
from recovery_desktop.exchange.text_files import read_utf8
from recovery_desktop.storage.connection import Connection
from recovery_desktop.storage.migrations import SCHEMA_VERSION
from recovery_desktop.storage.search_index import SearchIndex
from recovery_desktop.storage.table_load import (
    TableRows,
    copy_into_vault,
    stage_export,
    tables_in_use,
)

_INT_RANGE = range(-(2**63), 2**63)
# What the preview calls each table; link tables (no id of their own), tags and settings
# come along with what they belong to and are not counted.
_WORDS = {
    "entry": "entries",
    "contact": "contacts",
    "community": "groups",
    "connection": "connections",
    "goal": "goals",
    "commitment": "commitments",
    "recovery_start": "recovery starts",
    "writing_template": "templates",
    "crisis_line": "crisis lines",
    "safety_plan": "safety plan",
}
_UNCOUNTED = frozenset({"tag", "setting"})


@dataclass(frozen=True, slots=True)
class ExportFile:
    """A JSON export, read whole and checked for shape (rows are checked when staged)."""

    path: Path
    format_version: int
    schema_version: int
    include_private: bool
    exported_at: str
    tables: dict[str, TableRows]

    @property
    def rows(self) -> int:
        return sum(len(t.rows) for t in self.tables.values())


def read_export(path: Path) -> ExportFile:
    """Read and check a whole JSON export; raises `ImportFileError` with the reason."""
    path = Path(path)
    data = _load_json(path)
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ImportFileError(
            f"{path.name} is not a Recovery Desktop export. To bring in entries from jrnl or "
            "Day One, choose that kind of import instead."
        )
    format_version = data.get("format_version")
    schema = data.get("schema_version")
    if not isinstance(format_version, int) or not isinstance(schema, int) or schema < 1:
        raise ImportFileError(
            f"{path.name} does not say which version made it, so it cannot be read safely."
        )
    if format_version > FORMAT_VERSION or schema > SCHEMA_VERSION:
        raise ImportFileError(
            f"{path.name} was made by a newer version of Recovery Desktop. Please update the "
            "app, then import it again. Nothing was imported."
        )
    tables = data.pop("tables", None)
    if not isinstance(tables, dict):
        raise ImportFileError(f"{path.name} has no tables in it; it may have been cut short.")
    return ExportFile(
        path=path,
        format_version=format_version,
        schema_version=schema,
        include_private=data.get("include_private") is True,
        exported_at=str(data.get("exported_at", "")),
        tables={str(name): _table(path, str(name), content) for name, content in tables.items()},
    )


def _load_json(path: Path) -> object:
    try:
        return json.loads(read_utf8(path, "an export"))
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"{path.name} is not a text file in UTF-8, so it is not a Recovery Desktop export."
        ) from error
    except json.JSONDecodeError as error:
        raise ImportFileError(
            f"{path.name} is not complete JSON (line {error.lineno}, column {error.colno}); "
            "it may have been cut short. Nothing was imported."
        ) from error
    except RecursionError as error:
        raise ImportFileError(f"{path.name} is nested too deeply to be an export.") from error


def _table(path: Path, name: str, content: object) -> TableRows:
    if not isinstance(content, dict):
        raise ImportFileError(f"The table “{name}” in {path.name} is not in the export's shape.")
    columns = content.get("columns")
    rows = content.get("rows")
    if not isinstance(columns, list) or not isinstance(rows, list):
        raise ImportFileError(f"The table “{name}” in {path.name} has no columns or rows.")
    names = tuple(c.get("name") if isinstance(c, dict) else c for c in columns)
    if not all(isinstance(n, str) and n for n in names) or len(set(names)) != len(names):
        raise ImportFileError(f"The columns of “{name}” in {path.name} are not readable.")
    for index, row in enumerate(rows):  # in place: each row's dict is freed as it is read
        rows[index] = _row(path, name, names, index + 1, row)
    return TableRows(names, rows)


def _row(path: Path, table: str, names: tuple[str, ...], number: int, row: object) -> list[object]:
    if not isinstance(row, dict):
        raise ImportFileError(f"Row {number} of “{table}” in {path.name} is not readable.")
    extra = [key for key in row if key not in names]
    if extra:
        raise ImportFileError(
            f"Row {number} of “{table}” in {path.name} has values for unknown columns "
            f"({', '.join(map(str, extra[:3]))})."
        )
    try:
        return [_value(row.get(name)) for name in names]
    except ValueError as error:
        raise ImportFileError(
            f"Row {number} of “{table}” in {path.name} has a value that cannot be stored ({error})."
        ) from error


def _value(value: object) -> object:
    if value is None or isinstance(value, str | float):
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        if value not in _INT_RANGE:
            raise ValueError("a number too large")
        return value
    if isinstance(value, dict) and len(value) == 1:
        if isinstance(value.get("base64"), str):
            try:
                return base64.b64decode(value["base64"], validate=True)
            except (binascii.Error, ValueError) as error:
                raise ValueError("damaged base64 data") from error
        if value.get("real") in ("inf", "-inf", "nan"):
            return float(value["real"])
    raise ValueError(f"a {type(value).__name__} where a plain value belongs")


# --- preview and write -----------------------------------------------------------------------


def preview_export(conn: Connection, export: ExportFile) -> ImportPreview:
    """Check every row against the schema (in memory) and see whether the vault is empty."""
    try:
        staged = stage_export(export.schema_version, export.tables, lambda _n: None)
    except ValidationError as error:
        raise ImportFileError(str(error)) from error
    try:
        counts = _in_words(staged.counts, staged.counted)
        first, last = staged.entry_days
        problems = tuple(staged.problems)
    finally:
        staged.close()
    blocked = None
    if tables_in_use(conn):
        blocked = (
            "This vault already has entries, people or other things in it, and a full export "
            "can only come back into a new, empty vault. Create a new vault and import the file "
            "there; nothing was changed."
        )
    notes = [f"Made on {export.exported_at[:10]}." if export.exported_at else ""]
    if not export.include_private:
        notes.append("This export was made without private entries.")
    if export.schema_version < SCHEMA_VERSION:
        notes.append("It comes from an earlier version of the app and is upgraded on the way in.")
    return ImportPreview(
        batch=export,
        counts=counts,
        duplicates=0,
        first_day=date.fromisoformat(first) if first else None,
        last_day=date.fromisoformat(last) if last else None,
        problems=problems,
        notes=tuple(n for n in notes if n),
        blocked=blocked,
    )


def write_export(
    conn: Connection,
    preview: ImportPreview,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck = None,
) -> ImportResult:
    """Stage the file again (on this thread), copy it into the vault in one transaction, then
    rebuild the search index. See `importing.write_import` for the contract."""
    export = preview.batch
    assert isinstance(export, ExportFile)
    entries = len(export.tables["entry"].rows) if "entry" in export.tables else 0
    meter = Meter(2 * export.rows + entries, progress, cancelled)
    meter.check()
    try:
        staged = stage_export(export.schema_version, export.tables, meter.advance)
    except ValidationError as error:
        raise ImportFileError(str(error)) from error
    try:
        copied = copy_into_vault(staged, conn, meter.advance)
    except ValidationError as error:
        raise ImportFileError(str(error)) from error
    finally:
        staged.close()
    complete = SearchIndex(conn).rebuild(
        progress=meter.following(),
        cancelled=cancel_check(cancelled),
    )
    if complete:
        meter.finish()
    added = _in_words(copied, staged.counted)
    return ImportResult(added, 0, complete)


def _in_words(counts: dict[str, int], counted: frozenset[str]) -> dict[str, int]:
    return {
        _WORDS.get(name, name.replace("_", " ")): n
        for name, n in counts.items()
        if n and name in counted and name not in _UNCOUNTED
    }
