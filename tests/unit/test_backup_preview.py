# SPDX-License-Identifier: GPL-3.0-or-later
"""What a checked backup holds, for the restore dialog: counts and dates read from the backup
(old schemas included), nothing written, and a damaged file refused in plain words."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from recovery_desktop.core.models import Contact, Entry, Goal
from recovery_desktop.storage import Vault
from recovery_desktop.storage.backup_check import check_backup
from recovery_desktop.storage.backup_preview import backup_contents
from recovery_desktop.storage.errors import VaultDamagedError
from tests.backup_helpers import snapshot
from tests.conftest import PASSPHRASE

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_the_counts_and_dates_of_a_backup_read_without_writing(vault: Vault) -> None:
    for day in (date(2025, 12, 24), date(2026, 1, 2), date(2026, 2, 14)):
        vault.entries.save(Entry(entry_date=day, body="a day"))
    vault.contacts.save(Contact(name="Sam"))
    vault.goals.save(Goal(title="Call my sister on Sundays"))
    made = vault.make_backup()
    vault.entries.save(Entry(entry_date=date(2026, 3, 1), body="after the backup"))
    before = snapshot(made.path)
    contents = backup_contents(check_backup(made.path, PASSPHRASE))
    assert (contents.entries, contents.first_day, contents.last_day) == (
        3, date(2025, 12, 24), date(2026, 2, 14)
    )
    assert (contents.people, contents.goals) == (1, 1)
    assert snapshot(made.path) == before


@pytest.mark.parametrize("version", [1, 5])
def test_a_copy_taken_before_an_upgrade_from_an_old_schema_is_read(
    tmp_path: Path, version: int
) -> None:
    from tests.fixtures.make_fixtures import PASSPHRASE as FIXTURE_PASSPHRASE

    pair = tmp_path / "old"
    pair.mkdir()
    shutil.copy(FIXTURES / f"vault-v{version}" / "vault.db", pair / "before-schema.db")
    shutil.copy(FIXTURES / f"vault-v{version}" / "vault.keys", pair / "before-schema.keys")
    checked = check_backup(pair / "before-schema.db", FIXTURE_PASSPHRASE)
    contents = backup_contents(checked)
    assert contents.entries >= 1 and contents.first_day is not None


def test_a_damaged_backup_is_refused_in_plain_words(vault: Vault) -> None:
    for n in range(200):
        vault.entries.save(Entry(entry_date=date(2026, 1, 1), body=f"entry {n} " * 50))
    made = vault.make_backup()
    checked = check_backup(made.path, PASSPHRASE)
    db = made.path / "vault.db"
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 3])
    with pytest.raises(VaultDamagedError, match="cannot be restored: its journal file cannot"):
        backup_contents(checked)
