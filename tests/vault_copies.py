# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers for the key tests: which secret opens which copy, backups as the app makes them."""

from __future__ import annotations

import shutil
from pathlib import Path

from recovery_desktop.storage.key_copies import BackupCopy, managed_copies, opens_with
from recovery_desktop.storage.keys import PASSPHRASE_SLOT, RECOVERY_SLOT, KeyFile

SLOT_OF = {"passphrase": PASSPHRASE_SLOT, "code": RECOVERY_SLOT}


def keys_opened_by(keys: Path, slot: str, secret: str) -> list[bytes]:
    """Every data key in the key file `keys` (current and pending) that `secret` unwraps."""
    opened = KeyFile.load(keys).unwrap(slot, secret)
    return [k for k in (opened.current, opened.pending) if k is not None]


def secret_opens(keys: Path, db: Path, slot: str, secret: str) -> bool:
    """True when `secret` unwraps, from `keys`, a data key that decrypts `db`: the copy opens
    with that secret, as a restore of it would."""
    return any(opens_with(db, key) for key in keys_opened_by(keys, slot, secret))


def vault_copies(folder: Path) -> list[BackupCopy]:
    """The vault's own key file beside its database, then every managed copy in backups/."""
    return [BackupCopy(folder / "vault.db", folder / "vault.keys")] + managed_copies(
        [folder / "backups"]
    )


def copy_into_backups(folder: Path, name: str, source: Path | None = None) -> BackupCopy:
    """Put a copy of a closed vault's database and key file in `folder`/backups as NAME.db and
    NAME.keys, as the upgrade backup does (by default the vault's own files)."""
    source = source or folder
    copy = BackupCopy(folder / "backups" / f"{name}.db", folder / "backups" / f"{name}.keys")
    shutil.copyfile(source / "vault.db", copy.db)
    shutil.copyfile(source / "vault.keys", copy.keys)
    copy.db.chmod(0o600)
    copy.keys.chmod(0o600)
    return copy


def table_counts(conn) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Rows in every table (the search index's own tables included)."""
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in sorted(names)}


def rekey_leftovers(folder: Path) -> list[str]:
    """Half-written copies of a key change in the folder or backups/."""
    places = [folder, folder / "backups"]
    return sorted(
        p.name for place in places if place.is_dir() for p in place.glob(".vault.db.rekey-*")
    )


FIRST_BODY = "Called my sponsor before the meeting. 🙂 Felt lighter afterwards."


def build_vault_with_backups(
    folder: Path,
    passphrase: str,
    cost,  # type: ignore[no-untyped-def]
    entries: int = 60,
    copies: int = 2,
) -> dict[str, object]:
    """A closed vault with `entries` entries, `copies` backups of it in backups/ (taken along the
    way, as upgrades would: each holds fewer entries) and a copy under another data key.

    Returns the recovery code, the rows of every table, the rows of each backup's entry table
    (by backup name) and the foreign copy's path."""
    from datetime import date

    from recovery_desktop.core.models import Entry
    from recovery_desktop.storage import Vault

    vault, code = Vault.create(folder, passphrase, cost)
    backups: dict[str, int] = {}
    with vault:
        for n in range(entries):
            vault.entries.save(
                Entry(
                    entry_date=date(2026, 1 + n % 12, 1 + n % 28),
                    title=f"day {n}",
                    body=FIRST_BODY if n == 0 else f"entry {n}: " + "one day at a time " * 40,
                    tags=("meeting",) if n % 3 == 0 else ("walk", "evening"),
                    mood=1 + n % 5,
                )
            )
            if (n + 1) in {entries * (i + 1) // (copies + 1) for i in range(copies)}:
                vault.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                name = f"before-schema-9-copy{n + 1}"
                copy_into_backups(folder, name)
                backups[name] = n + 1
        counts = table_counts(vault.connection)
    other = folder.parent / f"{folder.name}-other"
    Vault.create(other, passphrase, cost)[0].close()
    foreign = copy_into_backups(folder, "another-key", source=other)
    return {"code": code, "counts": counts, "backups": backups, "foreign": foreign}


def backup_entry_count(copy: BackupCopy, key: bytes) -> int:
    """Entries in a backup copy, read with `key` (read-only)."""
    from urllib.parse import quote

    import sqlcipher3

    conn = sqlcipher3.connect(f"file:{quote(str(copy.db))}?mode=ro&immutable=1", uri=True)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        return conn.execute("SELECT count(*) FROM entry").fetchone()[0]
    finally:
        conn.close()
