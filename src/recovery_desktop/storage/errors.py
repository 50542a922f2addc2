# SPDX-License-Identifier: GPL-3.0-or-later
"""Errors of the vault. Each message is a plain sentence that can be shown to the user."""

from __future__ import annotations


class VaultError(Exception):
    """Base of every vault error; `str(error)` is written for the person using the app."""


class VaultNotFoundError(VaultError):
    def __init__(self, folder: object) -> None:
        super().__init__(f"There is no vault in {folder}. You can create one, or choose another folder.")


class VaultExistsError(VaultError):
    def __init__(self, folder: object) -> None:
        super().__init__(f"A vault already exists in {folder}. Nothing was changed.")


class WrongPassphraseError(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "That passphrase did not open the vault. Nothing was changed; please try again "
            "(passphrases are case-sensitive), or use your recovery code."
        )


class WrongRecoveryCodeError(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "That recovery code did not open the vault. Nothing was changed; please check it "
            "against the copy you saved (dashes and spaces do not matter)."
        )


class VaultLockedError(VaultError):
    def __init__(self) -> None:
        super().__init__("The vault is locked. Unlock it to continue.")


class VaultDamagedError(VaultError):
    """The key file or database cannot be read. Nothing is overwritten."""


class VaultTooNewError(VaultError):
    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            f"This vault was written by a newer version of Recovery Desktop (schema {found}; this "
            f"version knows up to {supported}). Please update the app; the vault was not changed."
        )
