# SPDX-License-Identifier: GPL-3.0-or-later
"""From a typed secret to the data key that opens the vault, and what to do with the secret.

Two things happen around an unlock that the person never sees:
- A slot wrapped by an older version (slot version 1) or below today's KDF cost is re-wrapped
  once its own secret is known (`SlotUpgrade`). That costs one more KDF run, so it is not part
  of unlocking: the GUI runs it on a worker after Today is shown, the CLI after its command.
- A change of the vault's key that a crash interrupted is finished (`storage/rekey.py`): the
  key file then holds both keys, and whichever opens `vault.db` is the real one.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_desktop.storage.backup_places import copy_places
from recovery_desktop.storage.errors import WrongPassphraseError, WrongRecoveryCodeError
from recovery_desktop.storage.key_copies import refresh_key_copies
from recovery_desktop.storage.keys import (
    PASSPHRASE_SLOT,
    KdfCost,
    KeyFile,
    key_id,
)
from recovery_desktop.storage.layout import KEYS_NAME
from recovery_desktop.storage.vault_lock import key_file_lock

if TYPE_CHECKING:
    from recovery_desktop.storage.rekey import RekeyReport


@dataclass
class SlotUpgrade:
    """Re-wrap one slot at today's cost with the secret that just opened it.

    Holds the secret in memory until `run` or `forget`; thread-safe, touches only key files.
    """

    folder: Path
    slot_name: str
    data_key: bytes
    _secret: str | None = field(repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def needed(self, target: KdfCost | None = None) -> bool:
        """Whether the slot is still older or cheaper than a new wrap at `target` would be."""
        if self._secret is None:
            return False
        key_file = KeyFile.load(self.folder / KEYS_NAME)
        return key_file.pending is None and key_file.needs_upgrade(self.slot_name, target)

    def run(self, target: KdfCost | None = None) -> bool:
        """Re-wrap if still needed (slow: one KDF); True when the key file changed. The key
        copies the app manages get the new file too. The secret is forgotten either way."""
        with self._lock:
            secret, self._secret = self._secret, None
            if secret is None:
                return False
            # Read, check and write under the key-file lock: a key change or a new passphrase
            # that lands meanwhile must never be overwritten with the secret of this unlock.
            with key_file_lock(self.folder):
                return self._rewrap(secret, target)

    def _rewrap(self, secret: str, target: KdfCost | None) -> bool:
        path = self.folder / KEYS_NAME
        key_file = KeyFile.load(path)
        if key_file.pending is not None or not key_file.needs_upgrade(self.slot_name, target):
            return False
        if key_file.current.key_id not in (None, key_id(self.data_key)):
            return False  # the key changed since this unlock
        # Unwrapping again proves the secret still opens this slot (it may have changed in
        # another window since); only then is it wrapped anew.
        if key_file.unwrap(self.slot_name, secret).current != self.data_key:
            return False
        updated = key_file.with_secret(self.data_key, self.slot_name, secret, target)
        updated.save(path)
        refresh_key_copies(copy_places(self.folder), self.data_key, updated.to_json())
        return True

    def forget(self) -> None:
        with self._lock:
            self._secret = None


@dataclass
class UnlockedKey:
    """The data key a secret opened, and the upgrade its slot may need.

    `finished_key_change` is set when this unlock finished a change of the vault's key that a
    crash had cut short: what became of the old backups (`failed` ones are worth telling)."""

    data_key: bytes = field(repr=False)
    slot_name: str
    upgrade: SlotUpgrade | None = None
    finished_key_change: RekeyReport | None = None


def unlock_key(key_file: KeyFile, folder: Path, secret: str, slot_name: str) -> UnlockedKey:
    """Open `slot_name` of `key_file` with `secret` (slow); see `Vault.unlock_key`."""
    opened = key_file.unwrap(slot_name, secret)
    if opened.current is None and opened.pending is None:
        raise WrongPassphraseError() if slot_name == PASSPHRASE_SLOT else WrongRecoveryCodeError()
    if key_file.pending is not None:
        from recovery_desktop.storage.rekey import finish_interrupted_key_change

        data_key, finished = finish_interrupted_key_change(folder, key_file, opened)
        return UnlockedKey(data_key, slot_name, finished_key_change=finished)
    assert opened.current is not None
    upgrade = None
    if key_file.needs_upgrade(slot_name):
        upgrade = SlotUpgrade(folder, slot_name, opened.current, secret)
    return UnlockedKey(opened.current, slot_name, upgrade)
