# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers for the backup and restore tests: a vault with something in every table, every row
of a database, and a folder byte for byte."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from urllib.parse import quote

import sqlcipher3

from recovery_desktop.storage import KdfCost, Vault

KNOWN_PHRASE = "a sentence only this journal holds"


def make_demo_vault(folder: Path, passphrase: str) -> None:
    """A small demo vault (entries, check-ins, people, groups, goals, a safety plan...) and one
    entry with a phrase to look for in files; closed."""
    from recovery_desktop.core.models import Entry
    from recovery_desktop.demo.generator import generate_demo_vault

    generate_demo_vault(folder, passphrase, "small", KdfCost.cheap(), years=0.15, seed=3)
    with Vault.open(folder, passphrase) as vault:
        vault.entries.save(Entry(entry_date=date(2026, 3, 1), body=KNOWN_PHRASE))


def copy_vault(template: Path, folder: Path) -> Path:
    shutil.copytree(template, folder)
    folder.chmod(0o700)
    return folder


def all_rows(db: Path, key: bytes) -> dict[str, object]:
    """Every row of every table (the search index's own tables and sqlite_sequence included),
    and the schema version, read without writing."""
    conn = sqlcipher3.connect(f"file:{quote(str(db))}?mode=ro", uri=True)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        rows: dict[str, object] = {
            name: sorted(
                conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr
            )
            for name in names
        }
        rows["user_version"] = conn.execute("PRAGMA user_version").fetchone()[0]
        rows["schema"] = sorted(
            conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall(), key=repr
        )
        return rows
    finally:
        conn.close()


def vault_rows(folder: Path, secret: str) -> dict[str, object]:
    key = Vault.derive_key(folder, secret)
    return all_rows(folder / "vault.db", key)


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file (content) and folder (None) under `folder`, by relative path."""
    result: dict[str, bytes | None] = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        result[name] = None if path.is_dir() else path.read_bytes()
    return result


def entry_count(folder: Path, secret: str) -> int:
    with Vault.open(folder, secret) as vault:
        return vault.connection.execute("SELECT count(*) FROM entry").fetchone()[0]
