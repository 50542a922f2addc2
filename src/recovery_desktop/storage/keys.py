# SPDX-License-Identifier: GPL-3.0-or-later
"""Envelope encryption of the vault's data key (DESIGN §3).

A random 256-bit data key opens the database. `vault.keys` (JSON) holds that key wrapped twice
with AES-256-GCM: once under a key derived from the passphrase, once under a key derived from the
recovery code, each with Argon2id and its own salt.

Rules this module keeps (security review, issue 6):
- Every new wrap costs at least `KdfCost()` (64 MiB, t=3). Only code can ask for less, with the
  exempt `KdfCost.cheap()` (tests, throwaway demo vaults); nothing read from a file can.
- Everything read from the file is checked against fixed bounds (`MEMORY_KIB_BOUNDS`, ...) before
  it is used, so an edited file is "damaged", never obeyed: it cannot make the next wrap cheap,
  hang the KDF or exhaust memory.
- A slot of version 2 binds its slot name, KDF cost, salt and key id into the AEAD's associated
  data. Version-1 slots (the first release) bound only the slot name; a file may hold both, and
  each slot is upgraded when its own secret is typed (`needs_upgrade`).
- During a change of the data key (`storage/rekey.py`) the file holds the new key's slots under
  `pending` beside the current ones, and what the person chose for the old backups; unlocking
  tries both keys, so a kill at any moment leaves a vault that opens, and the next unlock
  finishes the change as it was chosen.
- A secret that normalises to nothing (an empty passphrase, a code of dashes) is never wrapped:
  unlocking refuses empty secrets, so such a slot could never be opened again.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from recovery_desktop.storage.atomic import write_atomically
from recovery_desktop.storage.errors import (
    VaultDamagedError,
    VaultError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
)
from recovery_desktop.storage.strict_json import loads_strict

KEY_FILE_FORMAT = 2
SLOT_VERSION = 2
DATA_KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
WRAPPED_KEY_BYTES = DATA_KEY_BYTES + 16  # AES-GCM appends a 16-byte tag
KEY_ID_HEX_CHARS = 32
PASSPHRASE_SLOT = "passphrase"
RECOVERY_SLOT = "recovery"
SLOT_NAMES = (PASSPHRASE_SLOT, RECOVERY_SLOT)
# What a pending key change does with the backups under the old key (`rekey.OldBackups`).
OLD_BACKUP_CHOICES = ("reencrypt", "delete", "keep")

# What a key file may ask for. Outside these, the file is damaged (or hostile), not obeyed.
MEMORY_KIB_BOUNDS = (8, 4 * 1024 * 1024)  # 8 KiB .. 4 GiB
PASSES_BOUNDS = (1, 64)
LANES_BOUNDS = (1, 16)
MAX_KEY_FILE_BYTES = 64 * 1024  # a real file is under 2 KiB

# Crockford's base32: no I, L, O or U, so a code copied by hand is hard to get wrong.
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS = 6
RECOVERY_GROUP_LEN = 5  # 30 symbols = 150 bits


@dataclass(frozen=True, slots=True)
class KdfCost:
    """Argon2id cost. The default follows DESIGN §3 (64 MiB, t=3, 4 lanes).

    `exempt_from_floor` is set only by `cheap()`: it is how code (tests, the throwaway demo)
    asks for a cost below the default. It is never written to or read from a file.
    """

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4
    exempt_from_floor: bool = field(default=False, compare=False, repr=False)

    @classmethod
    def cheap(cls) -> KdfCost:
        """A tiny cost for tests and throwaway demo vaults. Never for a real vault."""
        return cls(memory_kib=64, iterations=1, lanes=1, exempt_from_floor=True)

    def weaker_than(self, other: KdfCost) -> bool:
        """True when guessing against this cost is cheaper than against `other`."""
        return self.memory_kib < other.memory_kib or self.iterations < other.iterations

    def as_json(self) -> dict[str, object]:
        return {
            "name": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }


DEFAULT_COST = KdfCost()


def cost_for_new_wrap(requested: KdfCost | None) -> KdfCost:
    """The cost a new wrap uses: `requested` raised to at least the default, unless code asked
    for the exempt cheap cost. Never derived from what a key file says."""
    if requested is None:
        return DEFAULT_COST
    if requested.exempt_from_floor:
        return requested
    return KdfCost(
        memory_kib=max(requested.memory_kib, DEFAULT_COST.memory_kib),
        iterations=max(requested.iterations, DEFAULT_COST.iterations),
        lanes=requested.lanes,
    )


def check_cost_bounds(cost: KdfCost) -> None:
    """ValueError when a cost lies outside what this app will ever run (files and options)."""
    if not MEMORY_KIB_BOUNDS[0] <= cost.memory_kib <= MEMORY_KIB_BOUNDS[1]:
        raise ValueError("memory cost out of bounds")
    if not PASSES_BOUNDS[0] <= cost.iterations <= PASSES_BOUNDS[1]:
        raise ValueError("pass count out of bounds")
    if not LANES_BOUNDS[0] <= cost.lanes <= LANES_BOUNDS[1]:
        raise ValueError("lane count out of bounds")
    if cost.memory_kib < 8 * cost.lanes:  # Argon2's own rule
        raise ValueError("memory too small for its lanes")


class KeyChangePendingError(VaultError):
    """A change of the vault's key was cut short; its secrets cannot change until it finishes."""

    def __init__(self) -> None:
        super().__init__(
            "A change of the vault's key was cut short and is not finished yet, so the "
            "passphrase and recovery code cannot be changed now. Nothing was changed. Close the "
            "vault in every other window, then lock it and unlock it again: that finishes it."
        )


class EmptySecretError(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "A passphrase or recovery code cannot be empty: nothing could ever open the vault "
            "with it. Nothing was changed."
        )


# --- secrets ---------------------------------------------------------------------------------


def normalise_passphrase(passphrase: str) -> bytes:
    """NFC-normalise so the same passphrase typed on another keyboard or system still works."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8", "surrogatepass")


def generate_recovery_code() -> str:
    """A random code such as `7KQ2M-X4B9D-...`: six groups of five, easy to copy by hand."""
    symbols = "".join(
        secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LEN)
    )
    return "-".join(
        symbols[i : i + RECOVERY_GROUP_LEN] for i in range(0, len(symbols), RECOVERY_GROUP_LEN)
    )


def normalise_recovery_code(code: str) -> str:
    """Upper-case, drop spaces and dashes, and read O as 0 and I or L as 1 (Crockford)."""
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    return cleaned.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))


def secret_bytes(slot_name: str, secret: str) -> bytes:
    """The bytes the KDF sees for a passphrase or a recovery code."""
    if slot_name == PASSPHRASE_SLOT:
        return normalise_passphrase(secret)
    return normalise_recovery_code(secret).encode()


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)


def key_id(data_key: bytes) -> str:
    """A short public name for a data key, so a file says which key its slots wrap.

    A hash of 256 random bits tells nothing about them; it lets unlock tell the current and the
    pending key apart, and lets a backup be matched to the vault without any secret.
    """
    return hashlib.sha256(b"recovery-desktop/key-id\x00" + data_key).hexdigest()[:KEY_ID_HEX_CHARS]


# --- slots -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Slot:
    """One wrap of one data key under one secret."""

    version: int
    cost: KdfCost
    salt: bytes
    nonce: bytes
    wrapped_key: bytes

    def aad(self, slot_name: str, wrapped_key_id: str | None) -> bytes:
        if self.version == 1:
            return f"recovery-desktop/keys/v1/{slot_name}".encode()
        bound = {
            "slot": slot_name,
            "key_id": wrapped_key_id,
            "kdf": self.cost.as_json(),
            "salt": _b64(self.salt),
        }
        return b"recovery-desktop/keys/v2\x00" + json.dumps(bound, sort_keys=True).encode()

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {} if self.version == 1 else {"version": self.version}
        data.update(
            kdf=self.cost.as_json(),
            salt=_b64(self.salt),
            nonce=_b64(self.nonce),
            wrapped_key=_b64(self.wrapped_key),
        )
        return data


def derive_kek(secret: bytes, salt: bytes, cost: KdfCost) -> bytes:
    """The slow part (Argon2id). Bounds are checked first: a hostile cost never runs."""
    check_cost_bounds(cost)
    return Argon2id(
        salt=salt,
        length=32,
        iterations=cost.iterations,
        lanes=cost.lanes,
        memory_cost=cost.memory_kib,
    ).derive(secret)


def wrap(slot_name: str, data_key: bytes, kek: bytes, salt: bytes, cost: KdfCost) -> Slot:
    """Wrap `data_key` under an already derived `kek` (one KDF may serve several wraps)."""
    nonce = os.urandom(NONCE_BYTES)
    draft = Slot(SLOT_VERSION, cost, salt, nonce, b"")
    wrapped = AESGCM(kek).encrypt(nonce, data_key, draft.aad(slot_name, key_id(data_key)))
    return replace(draft, wrapped_key=wrapped)


def unwrap(slot_name: str, slot: Slot, kek: bytes, wrapped_key_id: str | None) -> bytes | None:
    try:
        data_key = AESGCM(kek).decrypt(
            slot.nonce, slot.wrapped_key, slot.aad(slot_name, wrapped_key_id)
        )
    except InvalidTag:
        return None
    if len(data_key) != DATA_KEY_BYTES:
        return None
    if wrapped_key_id is not None and key_id(data_key) != wrapped_key_id:
        return None
    return data_key


@dataclass(frozen=True, slots=True)
class KeySet:
    """The slots of one data key, named by its key id (None only in a format-1 file)."""

    key_id: str | None
    slots: Mapping[str, Slot]

    def as_json(self) -> dict[str, object]:
        return {
            "key_id": self.key_id,
            "slots": {name: slot.as_json() for name, slot in self.slots.items()},
        }


def wrap_key_set(
    data_keys: list[bytes],
    secrets_by_slot: Mapping[str, str],
    cost: KdfCost | None,
) -> list[KeySet]:
    """Wrap each data key under each secret; one KDF run per secret, shared by all keys.

    `cost` goes through `cost_for_new_wrap`, so it is never below the default unless exempt.
    Raises `EmptySecretError` (before any KDF run) for a secret that normalises to nothing.
    """
    if any(not secret_bytes(name, secret) for name, secret in secrets_by_slot.items()):
        raise EmptySecretError()
    effective = cost_for_new_wrap(cost)
    slots: list[dict[str, Slot]] = [{} for _ in data_keys]
    for slot_name, secret in secrets_by_slot.items():
        salt = os.urandom(SALT_BYTES)
        kek = derive_kek(secret_bytes(slot_name, secret), salt, effective)
        for i, data_key in enumerate(data_keys):
            slots[i][slot_name] = wrap(slot_name, data_key, kek, salt, effective)
    return [KeySet(key_id(k), s) for k, s in zip(data_keys, slots, strict=True)]


# --- the file --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Unwrapped:
    """What a secret opened: the current data key and, during a key change, the pending one."""

    slot_name: str
    current: bytes | None
    pending: bytes | None


@dataclass(frozen=True)
class KeyFile:
    """The parsed, validated contents of `vault.keys`."""

    current: KeySet
    pending: KeySet | None = None
    format: int = KEY_FILE_FORMAT
    # With `pending`: what the change does with backups under the old key (OLD_BACKUP_CHOICES).
    pending_old_backups: str | None = None

    # --- making --------------------------------------------------------------------------

    @classmethod
    def create(
        cls, data_key: bytes, passphrase: str, recovery_code: str, cost: KdfCost | None = None
    ) -> KeyFile:
        (key_set,) = wrap_key_set(
            [data_key], {PASSPHRASE_SLOT: passphrase, RECOVERY_SLOT: recovery_code}, cost
        )
        return cls(current=key_set)

    def with_secret(
        self, data_key: bytes, slot_name: str, secret: str, cost: KdfCost | None = None
    ) -> KeyFile:
        """A copy whose `slot_name` slot wraps `data_key` under a new secret (or the same secret
        at a new cost); the other slot is kept as it is. Refused (`KeyChangePendingError`) while
        a key change is pending, and (`VaultError`) when the file holds another data key."""
        if self.pending is not None:
            raise KeyChangePendingError()
        if self.current.key_id not in (None, key_id(data_key)):
            raise VaultError(
                "The vault's key was changed in another window since it was unlocked. Nothing "
                "was changed; please lock the vault, unlock it again and try once more."
            )
        (fresh,) = wrap_key_set([data_key], {slot_name: secret}, cost)
        slots = dict(self.current.slots)
        slots[slot_name] = fresh.slots[slot_name]
        return KeyFile(current=KeySet(key_id(data_key), slots))

    def with_passphrase(
        self, data_key: bytes, passphrase: str, cost: KdfCost | None = None
    ) -> KeyFile:
        return self.with_secret(data_key, PASSPHRASE_SLOT, passphrase, cost)

    # --- reading -------------------------------------------------------------------------

    def slot_cost(self, slot_name: str) -> KdfCost:
        return self.current.slots[slot_name].cost

    def passphrase_cost(self) -> KdfCost:
        return self.slot_cost(PASSPHRASE_SLOT)

    def needs_upgrade(self, slot_name: str, target: KdfCost | None = None) -> bool:
        """True when this slot should be re-wrapped once its secret is known: an old slot
        version, or a cost below what a new wrap would use now."""
        slot = self.current.slots[slot_name]
        return slot.version < SLOT_VERSION or slot.cost.weaker_than(cost_for_new_wrap(target))

    def unwrap(self, slot_name: str, secret: str) -> Unwrapped:
        """Run the KDF and open the slot of the current key and, during a key change, of the
        pending one (one KDF when both slots share salt and cost). Touches no file."""
        secret_b = secret_bytes(slot_name, secret)
        if not secret_b:
            return Unwrapped(slot_name, None, None)
        keks: dict[tuple[bytes, KdfCost], bytes] = {}

        def open_set(key_set: KeySet) -> bytes | None:
            slot = key_set.slots[slot_name]
            kek = keks.get((slot.salt, slot.cost))
            if kek is None:
                kek = keks[(slot.salt, slot.cost)] = derive_kek(secret_b, slot.salt, slot.cost)
            return unwrap(slot_name, slot, kek, key_set.key_id)

        current = open_set(self.current)
        pending = open_set(self.pending) if self.pending is not None else None
        return Unwrapped(slot_name, current, pending)

    def unwrap_with_passphrase(self, passphrase: str) -> bytes:
        """The current data key, or `WrongPassphraseError`. Touches no file."""
        key = self.unwrap(PASSPHRASE_SLOT, passphrase).current
        if key is None:
            raise WrongPassphraseError()
        return key

    def unwrap_with_recovery_code(self, code: str) -> bytes:
        """The current data key, or `WrongRecoveryCodeError`. Touches no file."""
        key = self.unwrap(RECOVERY_SLOT, code).current
        if key is None:
            raise WrongRecoveryCodeError()
        return key

    # --- files ---------------------------------------------------------------------------

    def to_json(self) -> bytes:
        data: dict[str, object] = {"format": self.format}
        data.update(self.current.as_json())
        if self.pending is not None:
            pending = self.pending.as_json()
            if self.pending_old_backups is not None:
                pending["old_backups"] = self.pending_old_backups
            data["pending"] = pending
        return json.dumps(data, indent=2).encode() + b"\n"

    def save(self, path: Path) -> None:
        write_atomically(path, self.to_json())

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        """Read and check every field; anything odd is `VaultDamagedError` (plain words)."""
        try:
            with open(path, "rb") as handle:
                raw = handle.read(MAX_KEY_FILE_BYTES + 1)
        except OSError as error:
            raise _damaged(path, f"it could not be read: {error.strerror or error}") from error
        return cls.parse(raw, path)

    @classmethod
    def parse(cls, raw: bytes, path: Path | None = None) -> KeyFile:
        try:
            if len(raw) > MAX_KEY_FILE_BYTES:
                raise ValueError("far too large")
            data = loads_strict(raw.decode("utf-8"))
            return _key_file_from(data)
        except RecursionError as error:
            raise _damaged(path, "its contents are nested far too deep") from error
        except (ValueError, TypeError, KeyError, OverflowError, AttributeError) as error:
            if isinstance(error, _TooNew):
                raise VaultDamagedError(
                    "The vault's key file was written by a newer version of Recovery Desktop. "
                    "Please update the app; nothing was changed."
                ) from error
            raise _damaged(path, "its contents are not what the app wrote") from error


class _TooNew(ValueError):
    pass


def _damaged(path: Path | None, why: str) -> VaultDamagedError:
    name = path.name if path is not None else "vault.keys"
    return VaultDamagedError(
        f"The vault's key file ({name}) is damaged: {why}. Nothing was changed. If you have a "
        "backup, it holds a copy of this file."
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object, length: int) -> bytes:
    if not isinstance(value, str) or len(value) > 4 * length:
        raise ValueError("not a base64 text of the right size")
    data = base64.b64decode(value.encode("ascii"), validate=True)
    if len(data) != length:
        raise ValueError("wrong length")
    return data


def _int(value: object, bounds: tuple[int, int]) -> int:
    if type(value) is not int or not bounds[0] <= value <= bounds[1]:  # bool and float are out
        raise ValueError("number out of bounds")
    return value


def _dict(value: object, allowed: set[str], required: set[str]) -> dict[str, object]:
    if not isinstance(value, dict):
        raise TypeError("not an object")
    keys = set(value)
    if not required <= keys or not keys <= allowed:
        raise ValueError("unexpected or missing fields")
    return value


def _slot_from(value: object, *, in_v1_file: bool) -> Slot:
    data = _dict(
        value,
        {"version", "kdf", "salt", "nonce", "wrapped_key"},
        {"kdf", "salt", "nonce", "wrapped_key"},
    )
    version = _int(data.get("version", 1), (1, SLOT_VERSION))
    if in_v1_file and version != 1:
        raise ValueError("slot newer than its file")
    kdf_fields = {"name", "memory_kib", "iterations", "lanes"}
    kdf = _dict(data["kdf"], kdf_fields, kdf_fields)
    if kdf["name"] != "argon2id":
        raise ValueError("unknown key derivation")
    cost = KdfCost(
        _int(kdf["memory_kib"], MEMORY_KIB_BOUNDS),
        _int(kdf["iterations"], PASSES_BOUNDS),
        _int(kdf["lanes"], LANES_BOUNDS),
    )
    check_cost_bounds(cost)
    return Slot(
        version,
        cost,
        _unb64(data["salt"], SALT_BYTES),
        _unb64(data["nonce"], NONCE_BYTES),
        _unb64(data["wrapped_key"], WRAPPED_KEY_BYTES),
    )


def _key_set_from(data: dict[str, object], *, in_v1_file: bool) -> KeySet:
    slots_raw = _dict(data["slots"], set(SLOT_NAMES), set(SLOT_NAMES))
    ident = data.get("key_id")
    if not in_v1_file and (
        not isinstance(ident, str)
        or len(ident) != KEY_ID_HEX_CHARS
        or any(c not in "0123456789abcdef" for c in ident)
    ):
        raise ValueError("bad key id")
    return KeySet(
        ident if isinstance(ident, str) else None,
        {name: _slot_from(slots_raw[name], in_v1_file=in_v1_file) for name in SLOT_NAMES},
    )


def _key_file_from(data: object) -> KeyFile:
    if not isinstance(data, dict):
        raise TypeError("not an object")
    fmt = data.get("format")
    if type(fmt) is int and fmt > KEY_FILE_FORMAT:
        raise _TooNew()
    fmt = _int(fmt, (1, KEY_FILE_FORMAT))
    if fmt == 1:
        _dict(data, {"format", "slots"}, {"format", "slots"})
        return KeyFile(current=_key_set_from(data, in_v1_file=True), format=1)
    _dict(data, {"format", "key_id", "slots", "pending"}, {"format", "key_id", "slots"})
    current = _key_set_from(data, in_v1_file=False)
    pending = None
    old_backups = None
    if "pending" in data:
        pending_data = _dict(
            data["pending"], {"key_id", "slots", "old_backups"}, {"key_id", "slots"}
        )
        pending = _key_set_from(pending_data, in_v1_file=False)
        if pending.key_id == current.key_id:
            raise ValueError("pending key equals the current one")
        if "old_backups" in pending_data:
            old_backups = pending_data["old_backups"]
            if old_backups not in OLD_BACKUP_CHOICES:
                raise ValueError("unknown choice for old backups")
    return KeyFile(current=current, pending=pending, format=fmt, pending_old_backups=old_backups)
