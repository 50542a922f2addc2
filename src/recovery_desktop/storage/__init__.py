# SPDX-License-Identifier: GPL-3.0-or-later
"""The encrypted vault: keys, connection, migrations and one repository per aggregate. No Qt."""

from recovery_desktop.storage.errors import (
    VaultError,
    VaultExistsError,
    VaultLockedError,
    VaultNotFoundError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
)
from recovery_desktop.storage.keys import KdfCost
from recovery_desktop.storage.vault import Vault

__all__ = [
    "KdfCost",
    "Vault",
    "VaultError",
    "VaultExistsError",
    "VaultLockedError",
    "VaultNotFoundError",
    "WrongPassphraseError",
    "WrongRecoveryCodeError",
]
