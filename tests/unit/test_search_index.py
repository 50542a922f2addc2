# SPDX-License-Identifier: GPL-3.0-or-later
"""The search index rebuild after schema 4: fast upgrade, then short resumable batches that
never duplicate or lose a row, even while entries are saved meanwhile."""

from __future__ import annotations

import shutil
import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from recovery_desktop.core.models import Entry
from recovery_desktop.storage import Vault
from recovery_desktop.storage.connection import Connection, close_database
from recovery_desktop.storage.search_index import (
    OLD_INDEX,
    TOKENIZER,
    SearchIndex,
    fts_query,
    index_text,
)
from tests.fixtures.make_fixtures import PASSPHRASE

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def v3_vault(tmp_path: Path):
    folder = tmp_path / "vault-v3"
    shutil.copytree(FIXTURES / "vault-v3", folder)
    vault = Vault.open(folder, PASSPHRASE)
    yield vault
    vault.close()


def found(vault: Vault, text: str) -> set[int]:
    return {s.id for s in vault.entries.search(text)}


def index_is_sound(conn: Connection) -> None:
    conn.execute("INSERT INTO entry_fts (entry_fts) VALUES ('integrity-check')")
    rows = conn.execute("SELECT rowid FROM entry_fts ORDER BY rowid").fetchall()
    ids = conn.execute("SELECT id FROM entry ORDER BY id").fetchall()
    assert rows == ids  # one row per entry: none lost, none twice


def test_upgrade_leaves_an_empty_index_and_a_pending_rebuild(v3_vault: Vault) -> None:
    conn = v3_vault.connection
    assert conn.execute("SELECT count(*) FROM entry_fts").fetchone()[0] == 0
    index = v3_vault.search_index
    assert index.rebuild_pending() and not index.complete()
    assert found(v3_vault, "scared") == set()  # until the rebuild, search is incomplete

    reports: list[tuple[int, int]] = []
    assert index.rebuild(progress=lambda done, total: reports.append((done, total)), batch_size=2)
    assert reports[0] == (0, 4) and reports[-1] == (4, 4)
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)
    assert not index.rebuild_pending() and index.complete()
    assert (
        conn.execute("SELECT 1 FROM sqlite_master WHERE name LIKE ?", (OLD_INDEX + "%",)).fetchall()
        == []
    )
    index_is_sound(conn)

    assert found(v3_vault, "scared") == {1}
    assert found(v3_vault, "😀") == {3} and found(v3_vault, "good") == {3}
    assert found(v3_vault, "👍") == {3} and found(v3_vault, "☀️") == {4}
    assert found(v3_vault, "🎉") == {3}  # a tag
    assert found(v3_vault, "sister noon") == {2}  # a check-in's gratitude and intention
    assert found(v3_vault, "👨\u200d👩\u200d👧 family") == {3}
    assert index.rebuild() is True  # nothing left: a no-op


def test_a_new_vault_has_nothing_to_rebuild(vault: Vault) -> None:
    assert not vault.search_index.rebuild_pending() and vault.search_index.complete()
    sql = vault.connection.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'entry_fts'"
    ).fetchone()[0]
    assert TOKENIZER in sql  # the rule in search_index.py is the one the index was made with
    assert (
        vault.connection.execute(
            "SELECT 1 FROM sqlite_master WHERE name = ?", (OLD_INDEX,)
        ).fetchone()
        is None
    )


def test_a_cancelled_rebuild_resumes_where_it_stopped(v3_vault: Vault) -> None:
    calls = 0

    def stop_after_one_batch() -> bool:
        nonlocal calls
        calls += 1
        return calls > 1

    index = v3_vault.search_index
    assert index.rebuild(cancelled=stop_after_one_batch, batch_size=2) is False
    assert index.rebuild_pending() and not index.complete()
    assert found(v3_vault, "scared") == {1} and found(v3_vault, "😀") == set()
    # Another connection (as a worker's) picks up from the stored position.
    worker = v3_vault.open_connection()
    try:
        assert SearchIndex(worker).rebuild(batch_size=2) is True
    finally:
        close_database(worker)
    assert found(v3_vault, "😀") == {3}
    index_is_sound(v3_vault.connection)


def test_saves_during_the_rebuild_are_neither_lost_nor_doubled(v3_vault: Vault) -> None:
    """The worker rebuilds on its own connection; between its batches the GUI's connection
    edits, adds and deletes entries on both sides of the rebuild's position."""
    entries = v3_vault.entries
    for day in range(1, 11):
        entries.save(Entry(entry_date=date(2025, 2, day), body=f"filler {day} 🌱"))
    moves = iter(
        [
            lambda: entries.save(replace(entries.get(1), body="Rewritten first entry 🦋")),
            lambda: entries.save(Entry(entry_date=date(2025, 3, 1), body="brand new 🚲")),
            lambda: entries.delete(2),
            lambda: entries.save(replace(entries.get(12), body="late edit 🍵")),
            lambda: entries.delete(14),
        ]
    )

    def between_batches() -> bool:
        move = next(moves, None)
        if move is not None:
            move()
        return False

    worker = v3_vault.open_connection()
    try:
        assert SearchIndex(worker).rebuild(cancelled=between_batches, batch_size=3)
    finally:
        close_database(worker)
    index_is_sound(v3_vault.connection)
    assert found(v3_vault, "🦋") == {1} and found(v3_vault, "scared") == set()
    assert found(v3_vault, "🚲") == {max(e.id for e in entries.page())}
    assert found(v3_vault, "sister") == set()  # entry 2 was deleted
    assert found(v3_vault, "🍵") == {12} and found(v3_vault, "🌱") == set(range(6, 16)) - {12, 14}


def test_the_query_fences_symbols_like_the_index() -> None:
    assert fts_query("😀good") == '"\u200b😀\u200bgood"*'
    assert fts_query("step  👍🏽") == '"step" "\u200b👍\u200b\u200b🏽\u200b"*'
    assert fts_query('say "hi"') == '"say" """hi"""*'
    assert fts_query("!!! ...") is None and fts_query("   ") is None
    assert fts_query("well-being") == '"well-being"*'


def test_two_rebuilders_at_once_finish_cleanly(v3_vault: Vault) -> None:
    """The GUI's worker and a CLI `search` may both rebuild: each batch re-reads the position
    under the write lock, so neither doubles a row, and the later one stops without an error."""
    mine = v3_vault.search_index
    other = v3_vault.open_connection()
    finished_by_other: list[bool] = []

    def the_other_one_runs() -> bool:
        if mine.complete():  # we are clearing the old index: the other one finishes it
            if not finished_by_other:
                finished_by_other.append(SearchIndex(other).rebuild())
        else:  # the other one takes one batch between two of ours
            calls = iter([False, True])
            SearchIndex(other).rebuild(cancelled=lambda: next(calls), batch_size=1)
        return False

    try:
        assert mine.rebuild(cancelled=the_other_one_runs, batch_size=1)
    finally:
        close_database(other)
    assert finished_by_other == [True] and not mine.rebuild_pending()
    index_is_sound(v3_vault.connection)
    assert found(v3_vault, "🙏") == {4}


def test_the_ascii_shortcut_fences_exactly_the_ascii_symbols() -> None:
    ascii_symbols = "".join(c for c in map(chr, range(128)) if unicodedata.category(c)[0] == "S")
    assert ascii_symbols == "$+<=>^`|~"
    assert index_text("a+b $5 it's (ok)") == "a\u200b+\u200bb \u200b$\u200b5 it's (ok)"
    assert index_text("a+b ☕") == "a\u200b+\u200bb \u200b☕\u200b"  # the same rule, any text
