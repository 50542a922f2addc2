# SPDX-License-Identifier: GPL-3.0-or-later
"""A key change waits for this process's worker connections (`storage/worker_connections.py`).

Found by the GUI key-change test under load: the search index was still being filled on a
worker's connection when the key change copied the database, so the copy's rows differed and
the change stopped; a write after the switch would have gone into the old file and been lost.
"""

from __future__ import annotations

import threading

from recovery_desktop.storage import Vault, worker_connections
from recovery_desktop.storage.connection import close_database
from recovery_desktop.storage.rekey import OldBackups, change_vault_key
from tests.conftest import PASSPHRASE

NEW_PASSPHRASE = "a brand new lantern by the sea"
NEW_CODE = "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF"


def test_a_key_change_waits_for_a_worker_connection_to_close(vault: Vault, cheap_cost) -> None:
    folder, key = vault.folder, Vault.derive_key(vault.folder, PASSPHRASE)
    worker = vault.open_connection()  # a worker still filling the search index, say
    vault.close()
    assert worker_connections.count(folder) == 1
    outcome: list[object] = []

    def change() -> None:
        try:
            outcome.append(
                change_vault_key(
                    folder,
                    key,
                    NEW_PASSPHRASE,
                    NEW_CODE,
                    old_backups=OldBackups.KEEP,
                    cost=cheap_cost,
                )
            )
        except Exception as error:  # noqa: BLE001 - the test reports it
            outcome.append(error)

    thread = threading.Thread(target=change)
    thread.start()
    thread.join(0.5)
    assert thread.is_alive() and outcome == []  # waiting: nothing written yet
    assert Vault.derive_key(folder, PASSPHRASE) == key
    close_database(worker)
    thread.join(30)
    assert not thread.is_alive() and not isinstance(outcome[0], Exception), outcome
    assert worker_connections.count(folder) == 0
    with Vault.open(folder, NEW_PASSPHRASE) as reopened:
        assert reopened.is_open


def test_the_vaults_own_connection_is_not_a_worker(vault: Vault) -> None:
    assert worker_connections.count(vault.folder) == 0
    extra = vault.open_connection()
    assert worker_connections.count(vault.folder) == 1
    close_database(extra)
    assert worker_connections.count(vault.folder) == 0
