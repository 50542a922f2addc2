# SPDX-License-Identifier: GPL-3.0-or-later
"""Two writers of `vault.keys` never undo each other (`storage/vault_lock.key_file_lock`).

The slot re-wrap after unlock runs on a worker for a KDF's length. Before the key-file lock, a
new passphrase set meanwhile (or a key change) was overwritten when the re-wrap saved the file
it had read before: the old passphrase opened the vault again and the new one did not.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.storage import keys as keys_module
from recovery_desktop.storage.errors import WrongPassphraseError
from tests.conftest import PASSPHRASE

NEW_PASSPHRASE = "a brand new lantern by the sea"


def test_a_rewrap_in_flight_never_undoes_a_new_passphrase(
    vault: Vault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault.close()
    opened = Vault.open(vault_dir, PASSPHRASE)
    upgrade = opened.slot_upgrade
    assert upgrade is not None  # the test vault's cheap slot is below the default
    in_kdf, go_on = threading.Event(), threading.Event()
    real_derive = keys_module.derive_kek

    def slow_in_the_worker(*args, **kwargs):  # type: ignore[no-untyped-def]
        # The worker pauses inside its KDF, as a real 64 MiB one takes a while.
        if threading.current_thread().name == "rewrap" and not in_kdf.is_set():
            in_kdf.set()
            assert go_on.wait(10)
        return real_derive(*args, **kwargs)

    monkeypatch.setattr(keys_module, "derive_kek", slow_in_the_worker)
    cheap = KdfCost.cheap()
    target = KdfCost(memory_kib=cheap.memory_kib, iterations=cheap.iterations + 1)  # above it
    rewrap = threading.Thread(target=upgrade.run, args=(target,), name="rewrap")
    rewrap.start()
    assert in_kdf.wait(10)
    change = threading.Thread(
        target=opened.change_passphrase, args=(NEW_PASSPHRASE, KdfCost.cheap()), name="change"
    )
    change.start()
    change.join(0.5)  # with the lock it waits for the re-wrap; without, it is done by now
    go_on.set()
    rewrap.join(10)
    change.join(10)
    assert not rewrap.is_alive() and not change.is_alive()
    opened.close()

    with Vault.open(vault_dir, NEW_PASSPHRASE) as reopened:
        assert reopened.is_open
    with pytest.raises(WrongPassphraseError):
        Vault.derive_key(vault_dir, PASSPHRASE)
