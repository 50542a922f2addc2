# SPDX-License-Identifier: GPL-3.0-or-later
"""The encrypted vault: keys, connection, migrations and one repository per aggregate. No Qt.

Names are loaded on first use (PEP 562), so `from recovery_desktop.storage.errors import ...`
at start-up does not pull in the crypto and database libraries before they are needed.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "KdfCost": "recovery_desktop.storage.keys",
    "Vault": "recovery_desktop.storage.vault",
    "VaultError": "recovery_desktop.storage.errors",
    "VaultExistsError": "recovery_desktop.storage.errors",
    "VaultLockedError": "recovery_desktop.storage.errors",
    "VaultNotFoundError": "recovery_desktop.storage.errors",
    "WrongPassphraseError": "recovery_desktop.storage.errors",
    "WrongRecoveryCodeError": "recovery_desktop.storage.errors",
}
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

if TYPE_CHECKING:
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


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value
