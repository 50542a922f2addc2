# SPDX-License-Identifier: GPL-3.0-or-later
"""A save never overwrites an entry changed on another connection since it was read (issue 6,
point 11); the check is made inside the write transaction, on a real second connection."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from recovery_desktop.core.models import Entry
from recovery_desktop.storage import Vault
from recovery_desktop.storage.entries import ChangedElsewhereError
from tests.conftest import PASSPHRASE

DAY = date(2026, 3, 14)


@pytest.fixture
def other(vault: Vault, vault_dir: Path):
    second = Vault.open(vault_dir, PASSPHRASE)
    yield second
    second.close()


def test_a_save_over_a_row_changed_elsewhere_is_refused_and_writes_nothing(
    vault: Vault, other: Vault
) -> None:
    loaded = vault.entries.save(Entry(entry_date=DAY, body="as loaded"))
    theirs = other.entries.save(replace(other.entries.get(loaded.id), body="from the terminal"))
    with pytest.raises(ChangedElsewhereError) as caught:
        vault.entries.save(
            replace(loaded, body="from the window"), expected_updated_at=loaded.updated_at
        )
    assert caught.value.stored == theirs
    assert vault.entries.get(loaded.id).body == "from the terminal"
    assert vault.entries.count() == 1


def test_a_save_over_an_unchanged_row_goes_through(vault: Vault) -> None:
    loaded = vault.entries.save(Entry(entry_date=DAY, body="as loaded"))
    saved = vault.entries.save(
        replace(loaded, body="edited"), expected_updated_at=loaded.updated_at
    )
    again = vault.entries.save(replace(saved, body="again"), expected_updated_at=saved.updated_at)
    assert vault.entries.get(loaded.id).body == again.body == "again"


def test_a_new_checkin_made_elsewhere_meanwhile_is_not_overwritten(
    vault: Vault, other: Vault
) -> None:
    theirs = other.entries.save(Entry(entry_date=DAY, is_checkin=True, mood=2))
    mine = Entry(entry_date=DAY, is_checkin=True, craving=3)
    with pytest.raises(ChangedElsewhereError) as caught:
        vault.entries.save_checkin(mine, expected_updated_at=None)
    assert caught.value.stored == theirs
    merged = vault.entries.save_checkin(
        replace(theirs, craving=3), expected_updated_at=theirs.updated_at
    )
    assert (merged.id, merged.mood, merged.craving) == (theirs.id, 2, 3)
    assert vault.entries.count() == 1


def test_a_checkin_changed_elsewhere_is_refused(vault: Vault, other: Vault) -> None:
    loaded = vault.entries.save_checkin(
        Entry(entry_date=DAY, is_checkin=True, mood=3), expected_updated_at=None
    )
    other.entries.save(replace(other.entries.checkin_for(DAY), gratitude="rain"))
    with pytest.raises(ChangedElsewhereError):
        vault.entries.save_checkin(replace(loaded, mood=4), expected_updated_at=loaded.updated_at)
    assert vault.entries.checkin_for(DAY).mood == 3
