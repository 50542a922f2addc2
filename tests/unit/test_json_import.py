# SPDX-License-Identifier: GPL-3.0-or-later
"""A JSON export comes back into an empty vault without loss (issue 9, point 2)."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_desktop.core.models import Entry
from recovery_desktop.exchange.data_export import export_json
from recovery_desktop.exchange.importing import preview_import, read_import, write_import
from recovery_desktop.exchange.json_import import read_export
from recovery_desktop.exchange.progress import Cancelled, ImportFileError
from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.storage.connection import open_database
from recovery_desktop.storage.migrations import SCHEMA_VERSION
from recovery_desktop.storage.table_load import tables_in_use
from tests.conftest import PASSPHRASE
from tests.unit.exchange_helpers import PRIVATE_PHRASE, export_tables, make_demo_vault

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def demo_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo vault (with private entries, links, a draft, a template) exported whole."""
    folder = tmp_path_factory.mktemp("demo")
    vault = make_demo_vault(folder / "vault")
    try:
        out = folder / "everything.json"
        export_json(vault.connection, out, include_private=True)
    finally:
        vault.close()
    return out


def _new_vault(folder: Path) -> Vault:
    return Vault.create(folder, PASSPHRASE, KdfCost.cheap())[0]


def _import(vault: Vault, path: Path, **kwargs: object):
    preview = preview_import(vault.connection, read_import("json", path))
    return preview, write_import(vault.connection, preview, **kwargs)


def test_export_import_export_is_equal(demo_export: Path, tmp_path: Path) -> None:
    """Ids are kept (the vault is empty, so nothing needs renumbering): equal row for row."""
    with _new_vault(tmp_path / "new") as vault:
        preview, result = _import(vault, demo_export)
        assert preview.blocked is None and preview.problems == ()
        assert preview.counts["entries"] == result.added["entries"] > 200
        assert result.search_complete
        again = tmp_path / "again.json"
        export_json(vault.connection, again, include_private=True)
        assert export_tables(again) == export_tables(demo_export)
        # The search index was rebuilt: the private phrase is found, as in the original.
        assert vault.entries.search("lighthouse")
        assert vault.search_index.complete()


def test_an_export_without_private_entries_comes_back_without_them(
    demo_export: Path, tmp_path: Path
) -> None:
    with Vault.open(demo_export.parent / "vault", "demo passphrase for exports") as demo:
        shared = tmp_path / "shared.json"
        export_json(demo.connection, shared)
    with _new_vault(tmp_path / "new") as vault:
        _import(vault, shared)
        again = tmp_path / "again.json"
        export_json(vault.connection, again, include_private=True)
        assert export_tables(again) == export_tables(shared)
        assert PRIVATE_PHRASE not in again.read_text(encoding="utf-8")


def test_an_export_from_an_older_schema_comes_in_upgraded(tmp_path: Path) -> None:
    """A schema-1 vault exported by the same table-driven export, imported today, equals
    the same vault opened (and so upgraded) by today's app."""
    old = tmp_path / "v1"
    shutil.copytree(FIXTURES / "vault-v1", old)
    key = Vault.derive_key(old, "fixture passphrase")
    conn = open_database(old / "vault.db", key)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        v1_export = tmp_path / "v1.json"
        export_json(conn, v1_export, include_private=True)
    finally:
        conn.close()
    assert json.loads(v1_export.read_text())["schema_version"] == 1
    with _new_vault(tmp_path / "new") as vault:
        preview, _ = _import(vault, v1_export)
        assert any("earlier version" in n for n in preview.notes)
        imported = tmp_path / "imported.json"
        export_json(vault.connection, imported, include_private=True)
    with Vault.open(old, "fixture passphrase") as upgraded:
        direct = tmp_path / "upgraded.json"
        export_json(upgraded.connection, direct, include_private=True)
    assert export_tables(imported) == export_tables(direct)


def test_a_vault_with_data_is_never_written_over(demo_export: Path, vault: Vault) -> None:
    from datetime import date

    vault.entries.save(Entry(entry_date=date(2024, 1, 1), body="mine"))
    preview = preview_import(vault.connection, read_import("json", demo_export))
    assert preview.blocked is not None and "empty" in preview.blocked
    with pytest.raises(ImportFileError, match="empty"):
        write_import(vault.connection, preview)
    assert vault.entries.count() == 1


def test_settings_changed_in_the_new_vault_do_not_block_it(
    demo_export: Path, tmp_path: Path
) -> None:
    with _new_vault(tmp_path / "new") as vault:
        vault.settings.set("lock_after_minutes", 15)
        vault.settings.set("on_this_day", True)
        _import(vault, demo_export)
        assert vault.settings.get("lock_after_minutes") == 15
        assert vault.settings.get("on_this_day") is False  # the file's value wins


def test_a_cancelled_import_leaves_the_vault_empty(demo_export: Path, tmp_path: Path) -> None:
    stop = threading.Event()

    def progress(done: int, total: int) -> None:
        if done > total * 0.75:  # while copying into the vault
            stop.set()

    with _new_vault(tmp_path / "new") as vault:
        preview = preview_import(vault.connection, read_import("json", demo_export))
        with pytest.raises(Cancelled):
            write_import(vault.connection, preview, progress=progress, cancelled=stop)
        assert tables_in_use(vault.connection) == []
        assert vault.entries.count() == 0
        stop.clear()
        write_import(vault.connection, preview)  # and it can be done again afterwards
        assert vault.entries.count() > 200


def _edited(source: Path, target: Path, change) -> Path:
    document = json.loads(source.read_text(encoding="utf-8"))
    change(document)
    target.write_text(json.dumps(document), encoding="utf-8")
    return target


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d.update(format="something-else"), "not a Recovery Desktop export"),
        (lambda d: d.update(schema_version=SCHEMA_VERSION + 1), "newer version"),
        (lambda d: d.update(format_version=99), "newer version"),
        (lambda d: d.pop("tables"), "no tables"),
        (lambda d: d["tables"]["entry"]["rows"][3].update(mood=9), "Row 4 of “entry”"),
        (lambda d: d["tables"]["entry"]["rows"][0].update(title=["a", "list"]), "cannot be stored"),
        (lambda d: d["tables"]["entry"]["rows"][0].update(colour="red"), "unknown columns"),
        (lambda d: d["tables"]["entry"].update(rows=[]), "point at"),
    ],
)
def test_a_damaged_or_foreign_file_gives_a_plain_message(
    demo_export: Path, tmp_path: Path, vault: Vault, change, words: str
) -> None:
    path = _edited(demo_export, tmp_path / "edited.json", change)
    with pytest.raises(ImportFileError, match=words):
        preview_import(vault.connection, read_import("json", path))
    assert tables_in_use(vault.connection) == []


def test_a_cut_short_file_gives_a_plain_message(demo_export: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.json"
    cut.write_bytes(demo_export.read_bytes()[:5000])
    with pytest.raises(ImportFileError, match="cut short"):
        read_export(cut)


def test_an_unknown_table_is_listed_not_dropped_silently(
    demo_export: Path, tmp_path: Path, vault: Vault
) -> None:
    def add_table(document: dict) -> None:
        document["tables"]["mood_scale"] = {
            "columns": [{"name": "id"}, {"name": "name"}],
            "rows": [{"id": 1, "name": "energy"}],
        }

    path = _edited(demo_export, tmp_path / "more.json", add_table)
    preview = preview_import(vault.connection, read_import("json", path))
    assert any("mood_scale" in p and "not imported" in p for p in preview.problems)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=12,
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    tables=st.dictionaries(
        st.sampled_from(["entry", "tag", "contact", "x"]),
        st.fixed_dictionaries(
            {
                "columns": st.lists(
                    st.sampled_from(["id", "name", "body", "entry_date"]) | json_values, max_size=4
                ),
                "rows": st.lists(
                    st.dictionaries(st.sampled_from(["id", "name", "body"]), json_values),
                    max_size=3,
                ),
            }
        )
        | json_values,
        max_size=3,
    ),
    schema=st.integers(-1, SCHEMA_VERSION + 1) | json_values,
)
def test_fuzzed_exports_give_a_clear_message(tmp_path: Path, vault: Vault, tables, schema) -> None:
    path = tmp_path / "fuzz.json"
    document = {
        "format": "recovery-desktop-export",
        "format_version": 1,
        "schema_version": schema,
        "tables": tables,
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    try:
        preview_import(vault.connection, read_export(path))
    except ImportFileError as error:
        assert str(error) and "Traceback" not in str(error)
    assert tables_in_use(vault.connection) == []


def test_progress_goes_one_way_to_the_end(demo_export: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    with _new_vault(tmp_path / "new") as vault:
        _import(vault, demo_export, progress=lambda d, t: calls.append((d, t)))
    done = [d for d, _ in calls]
    assert done == sorted(done) and calls[-1][0] == calls[-1][1] == calls[0][1]
    assert len(calls) > 5
