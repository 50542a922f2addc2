# SPDX-License-Identifier: GPL-3.0-or-later
"""Envelope encryption of the vault's data key (DESIGN §3).

A random 256-bit data key opens the database. `vault.keys` (JSON) holds that key wrapped twice
with AES-256-GCM: once under a key derived from the passphrase, once under a key derived from the
recovery code, each with Argon2id and its own salt. The KDF cost is stored beside each wrap, so it
can be raised later by rewrapping. Changing the passphrase rewraps; the database is untouched.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from recovery_desktop.storage.atomic import write_atomically
from recovery_desktop.storage.errors import (
    VaultDamagedError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
)

KEY_FILE_FORMAT = 1
DATA_KEY_BYTES = 32
PASSPHRASE_SLOT = "passphrase"
RECOVERY_SLOT = "recovery"
# Crockford's base32: no I, L, O or U, so a code copied by hand is hard to get wrong.
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS = 6
RECOVERY_GROUP_LEN = 5  # 30 symbols = 150 bits


@dataclass(frozen=True, slots=True)
class KdfCost:
    """Argon2id cost. The default follows DESIGN §3 (64 MiB, t=3); tests pass `KdfCost.cheap()`."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    @classmethod
    def cheap(cls) -> KdfCost:
        """A tiny cost for tests and throwaway demo vaults. Never for a real vault."""
        return cls(memory_kib=64, iterations=1, lanes=1)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


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


def _derive(secret: bytes, salt: bytes, cost: KdfCost) -> bytes:
    return Argon2id(
        salt=salt,
        length=32,
        iterations=cost.iterations,
        lanes=cost.lanes,
        memory_cost=cost.memory_kib,
    ).derive(secret)


def _wrap(slot: str, data_key: bytes, secret: bytes, cost: KdfCost) -> dict[str, object]:
    salt = os.urandom(16)
    nonce = os.urandom(12)
    wrapped = AESGCM(_derive(secret, salt, cost)).encrypt(nonce, data_key, _aad(slot))
    return {
        "kdf": {"name": "argon2id", **asdict(cost)},
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "wrapped_key": _b64(wrapped),
    }


def _aad(slot: str) -> bytes:
    # Binds each wrap to its slot, so a passphrase wrap cannot be swapped into the recovery slot.
    return f"recovery-desktop/keys/v{KEY_FILE_FORMAT}/{slot}".encode()


@dataclass(frozen=True)
class KeyFile:
    """The parsed contents of `vault.keys`."""

    slots: dict[str, dict[str, object]]
    format: int = KEY_FILE_FORMAT

    @classmethod
    def create(cls, data_key: bytes, passphrase: str, recovery_code: str, cost: KdfCost) -> KeyFile:
        return cls(
            slots={
                PASSPHRASE_SLOT: _wrap(
                    PASSPHRASE_SLOT, data_key, normalise_passphrase(passphrase), cost
                ),
                RECOVERY_SLOT: _wrap(
                    RECOVERY_SLOT, data_key, normalise_recovery_code(recovery_code).encode(), cost
                ),
            }
        )

    def with_passphrase(self, data_key: bytes, passphrase: str, cost: KdfCost) -> KeyFile:
        """A copy whose passphrase slot is rewrapped; the recovery slot is kept as it is."""
        slots = dict(self.slots)
        slots[PASSPHRASE_SLOT] = _wrap(
            PASSPHRASE_SLOT, data_key, normalise_passphrase(passphrase), cost
        )
        return KeyFile(slots=slots, format=self.format)

    def passphrase_cost(self) -> KdfCost:
        return _cost_of(self.slots[PASSPHRASE_SLOT])

    def unwrap_with_passphrase(self, passphrase: str) -> bytes:
        """The data key, or `WrongPassphraseError`. Touches no file."""
        key = _unwrap(PASSPHRASE_SLOT, self.slots, normalise_passphrase(passphrase))
        if key is None:
            raise WrongPassphraseError()
        return key

    def unwrap_with_recovery_code(self, code: str) -> bytes:
        """The data key, or `WrongRecoveryCodeError`. Touches no file."""
        normalised = normalise_recovery_code(code)
        key = _unwrap(RECOVERY_SLOT, self.slots, normalised.encode()) if normalised else None
        if key is None:
            raise WrongRecoveryCodeError()
        return key

    def to_json(self) -> bytes:
        return json.dumps({"format": self.format, "slots": self.slots}, indent=2).encode() + b"\n"

    def save(self, path: Path) -> None:
        write_atomically(path, self.to_json())

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            raw = json.loads(path.read_bytes())
            slots = raw["slots"]
            fmt = int(raw["format"])
            for slot in (PASSPHRASE_SLOT, RECOVERY_SLOT):
                _cost_of(slots[slot])
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise VaultDamagedError(
                f"The vault's key file ({path.name}) cannot be read ({type(error).__name__}). "
                "Nothing was changed. If you have a backup, it holds a copy of this file."
            ) from error
        if fmt > KEY_FILE_FORMAT:
            raise VaultDamagedError(
                "The vault's key file was written by a newer version of Recovery Desktop. "
                "Please update the app; nothing was changed."
            )
        return cls(slots=slots, format=fmt)


def _cost_of(slot: dict[str, object]) -> KdfCost:
    kdf = slot["kdf"]
    if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
        raise ValueError("unknown key derivation")
    return KdfCost(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"]))


def _unwrap(slot_name: str, slots: dict[str, dict[str, object]], secret: bytes) -> bytes | None:
    slot = slots[slot_name]
    key = _derive(secret, _unb64(str(slot["salt"])), _cost_of(slot))
    try:
        data_key = AESGCM(key).decrypt(
            _unb64(str(slot["nonce"])), _unb64(str(slot["wrapped_key"])), _aad(slot_name)
        )
    except InvalidTag:
        return None
    if len(data_key) != DATA_KEY_BYTES:
        return None
    return data_key


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)
