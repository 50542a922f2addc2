# SPDX-License-Identifier: GPL-3.0-or-later
"""The names of a vault folder's files, and whether a folder holds a vault.

Kept apart from `vault.py` so the unlock window can ask "is there a vault here?" without
loading the crypto and database libraries at start-up.
"""

from __future__ import annotations

from pathlib import Path

DB_NAME = "vault.db"
KEYS_NAME = "vault.keys"
BACKUPS_NAME = "backups"
# A restore cut short after its commit (`storage/restore.py`): opening finishes it first.
RESTORE_IN_PROGRESS = "restore-in-progress"


def vault_exists(folder: Path) -> bool:
    folder = Path(folder)
    return (folder / KEYS_NAME).is_file() or (folder / RESTORE_IN_PROGRESS / KEYS_NAME).is_file()
