# SPDX-License-Identifier: GPL-3.0-or-later
"""Errors of the vault. Each message is a plain sentence that can be shown to the user."""

from __future__ import annotations

import contextlib


class VaultError(Exception):
    """Base of every vault error; `str(error)` is written for the person using the app."""


class VaultNotFoundError(VaultError):
    def __init__(self, folder: object) -> None:
        super().__init__(
            f"There is no vault in {folder}. You can create one, or choose another folder."
        )


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


class VaultDatabaseMissingError(VaultDamagedError):
    """`vault.keys` is there but the journal file `vault.db` is missing or empty.

    Never "repaired" into a new, empty journal: that would hide the loss and invite writing
    into a database that replaces the person's years. Only set-up makes a database.
    """

    def __init__(self, folder: object, backups: object) -> None:
        super().__init__(
            f"The journal file (vault.db) in {folder} is missing or empty, so the vault cannot "
            f"be opened. Nothing was changed. If it was moved, put it back; copies made before "
            f"each upgrade may be in {backups}."
        )


class VaultTooNewError(VaultError):
    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            f"This vault was written by a newer version of Recovery Desktop (schema {found}; this "
            f"version knows up to {supported}). Please update the app; the vault was not changed."
        )


class UpgradeNeedsRoomError(VaultError):
    """Too little free space for the copy put aside before an upgrade (and the upgrade)."""

    def __init__(self, needed_bytes: int, free_bytes: int) -> None:
        self.needed_bytes = needed_bytes
        self.free_bytes = free_bytes
        free = _megabytes(free_bytes, round_up=False)
        super().__init__(
            "This version of Recovery Desktop upgrades the vault, which first puts a safety copy "
            f"aside: that needs about {_megabytes(needed_bytes)} MB of free space on the disk "
            "that holds the vault, and "
            + ("almost none is free" if free == "0.0" else f"only {free} MB is free")
            + ". Nothing was changed; free some space and open the vault again."
        )


def _megabytes(size: int, *, round_up: bool = True) -> str:
    """Sizes as file managers show them (1 MB = 1,000,000 bytes), one decimal below 10 MB."""
    tenths = -(-size // 100_000) if round_up else size // 100_000
    return f"{tenths // 10}.{tenths % 10}" if tenths < 100 else f"{tenths // 10}"


def damaged_database_message(folder: object = None) -> str:
    """Plain words for a journal file that is cut short or unreadable, naming where copies are."""
    from pathlib import Path

    where = (
        f" (copies made before each upgrade are in {Path(str(folder)) / 'backups'})"
        if folder is not None
        else ""
    )
    return (
        "The vault's journal file (vault.db) is damaged: part of it is missing or cannot be "
        f"read. Nothing was changed. You can restore it from a backup{where}."
    )


def describe_storage_error(error: BaseException, folder: object = None) -> str:
    """Plain words for disk and database trouble (full disk, read-only folder, missing rights).

    SQLite reports some full-disk failures only as "disk I/O error" (when the WAL's shared
    memory file cannot grow); given the vault `folder`, the free space tells them apart.
    """
    import errno
    import os
    import shutil

    text = str(error).lower()
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return damaged_database_message(folder)
    code = getattr(error, "errno", None)
    disk_full = code == errno.ENOSPC or "disk is full" in text or "disk full" in text
    if not disk_full and folder is not None and "i/o error" in text:
        with contextlib.suppress(OSError):
            disk_full = shutil.disk_usage(str(folder)).free < 1024 * 1024
    read_only = (
        code in (errno.EROFS, errno.EACCES, errno.EPERM)
        or "readonly" in text
        or ("read-only" in text)
    )
    if not (disk_full or read_only) and folder is not None:
        read_only = not os.access(str(folder), os.W_OK)  # SQLite may only say "unable to open"
    if disk_full:
        return "The disk is full, so this could not be saved. Nothing was changed; free some space and try again."
    if read_only:
        return (
            "The vault's folder cannot be written to (it is read-only or belongs to someone else). "
            "Nothing was changed."
        )
    if "locked" in text or "busy" in text:
        return "The vault is busy in another window or program. Please try again in a moment."
    if isinstance(error, OSError):
        return f"A file could not be used: {error.strerror or error}. Nothing was changed."
    return (
        "The vault could not be written or read right now. Nothing was changed; please try again."
    )


def storage_failure_message(error: BaseException) -> str | None:
    """A plain sentence when `error` is the disk or database refusing a write (full disk,
    read-only folder, damaged file); None for anything else, which is a bug to report."""
    from recovery_desktop.storage.connection import DatabaseError

    if isinstance(error, VaultError):
        return str(error)
    if isinstance(error, OSError | DatabaseError):
        return describe_storage_error(error)
    return None
