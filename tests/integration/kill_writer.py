# SPDX-License-Identifier: GPL-3.0-or-later
"""A writer process for the SIGKILL test: saves entries forever, printing each id once committed.

Usage: python -m tests.integration.kill_writer VAULT_DIR PASSPHRASE RUN
A line "ack <id>" means the entry was committed: after a kill, it must still be there.
First it prints "check <pages> <file pages> <pages from wal>": the whole-file check that every
open runs (issue 6, #15), as it saw the vault the last kill left; "damaged <message>" if that
check called the vault damaged, which must never happen here.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from recovery_desktop.core.models import Entry
from recovery_desktop.storage import Vault
from recovery_desktop.storage.errors import VaultDamagedError
from recovery_desktop.storage.integrity import check_journal


def main() -> None:
    folder, passphrase, run = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    key = Vault.derive_key(folder, passphrase)
    try:
        seen = check_journal(folder / "vault.db", key)
        vault = Vault.from_data_key(folder, key)  # runs the same check again, then opens
    except VaultDamagedError as error:
        print(f"damaged {error}", flush=True)
        raise SystemExit(3) from error
    print(f"check {seen.pages} {seen.file_pages} {seen.pages_from_wal}", flush=True)
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        entry = vault.entries.save(
            Entry(
                entry_date=date(2026, 1, 1 + n % 28),
                title=f"run {run}",
                body=f"entry {n} of run {run} " + "words " * (n % 50),
                tags=(f"run{run}", "kill"),
            )
        )
        print(f"ack {entry.id}", flush=True)


if __name__ == "__main__":
    main()
