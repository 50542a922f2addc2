# SPDX-License-Identifier: GPL-3.0-or-later
"""The vault's change mark, which tells the Insights page when its cached periods are stale:
it moves after a write on the same connection or on another, and stays put after reads."""

from __future__ import annotations

from datetime import date

from recovery_desktop.core.models import Entry
from recovery_desktop.storage import Vault
from recovery_desktop.storage.connection import close_database
from recovery_desktop.storage.entries import EntryRepository

DAY = date(2025, 3, 4)


def test_the_mark_moves_with_writes_and_not_with_reads(vault: Vault):
    aggregates = vault.aggregates
    start = aggregates.change_mark()
    aggregates.days(DAY, DAY)
    vault.entries.on_day(DAY)
    assert aggregates.change_mark() == start

    saved = vault.entries.save(Entry(DAY, body="A walk by the river", mood=4))
    after_own_write = aggregates.change_mark()
    assert after_own_write != start

    other = vault.open_connection()  # as a worker, the command line or an import would
    try:
        EntryRepository(other).save(Entry(DAY, body="Called my sponsor", craving=3))
    finally:
        close_database(other)
    after_other_write = aggregates.change_mark()
    assert after_other_write != after_own_write
    assert aggregates.change_mark() == after_other_write  # reading it changes nothing

    vault.entries.delete(saved.id)
    assert aggregates.change_mark() != after_other_write
