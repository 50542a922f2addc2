# SPDX-License-Identifier: GPL-3.0-or-later
"""What a checked backup holds, in a few counts, so a person sees what a restore brings back
before anything is changed (issue 9, point 3: "Restore" first checks the backup).

Read-only: the backup's database is opened `immutable` with the key `check_backup` found, and
nothing is written, not even a shared-memory file. Counts only; no word of the journal leaves
the database. Every schema this version knows has the tables read here (`entry`, `contact`,
`goal` since the first). A copy of the vault kept before a restore may carry a WAL with its
last changes; those are not counted here (the restore folds them in). No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

import sqlcipher3

from recovery_desktop.storage.backup_check import CheckedBackup, damaged_backup


@dataclass(frozen=True)
class BackupContents:
    entries: int
    first_day: date | None
    last_day: date | None
    people: int
    goals: int


def backup_contents(checked: CheckedBackup) -> BackupContents:
    """Counts of what the backup holds; `VaultDamagedError` in plain words when it cannot be
    read (the restore would refuse it too)."""
    uri = f"file:{quote(str(checked.db))}?mode=ro&immutable=1"
    try:
        conn = sqlcipher3.connect(uri, uri=True, isolation_level=None)
        try:
            conn.execute(f"PRAGMA key = \"x'{checked.data_key.hex()}'\"")
            conn.execute("PRAGMA temp_store = MEMORY")  # nothing spills to the temp folder
            entries, first, last = conn.execute(
                "SELECT count(*), min(entry_date), max(entry_date) FROM entry"
            ).fetchone()
            people = conn.execute("SELECT count(*) FROM contact").fetchone()[0]
            goals = conn.execute("SELECT count(*) FROM goal").fetchone()[0]
        finally:
            conn.close()
    except sqlcipher3.Error as error:
        raise damaged_backup(checked.source, "its journal file cannot be read") from error
    return BackupContents(int(entries), _day(first), _day(last), int(people), int(goals))


def _day(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
