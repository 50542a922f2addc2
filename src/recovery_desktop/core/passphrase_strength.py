# SPDX-License-Identifier: GPL-3.0-or-later
"""A simple, honest estimate of how hard a passphrase is to guess (no Qt).

One rule for every place a passphrase is chosen: the set-up wizard, the new-passphrase dialog and
the command line (`init`, `demo`, `change-passphrase`, `change-key`) all accept a passphrase
exactly when `estimate(...).acceptable`. Not a promise: it looks at length, variety and a short list of passwords everyone tries first.
The hint built on it is warm ("a few unrelated words work well"), never a scolding.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import IntEnum

MIN_CHARS = 8  # the set-up wizard, the new-passphrase dialog and the command line share it

# The passwords tried first by anyone guessing (from public lists of the most common ones),
# plus a few that people in recovery might reach for.
COMMON_PASSWORDS = frozenset(
    [
        "123456",
        "123456789",
        "12345678",
        "12345",
        "1234567",
        "1234567890",
        "111111",
        "000000",
        "123123",
        "654321",
        "666666",
        "121212",
        "112233",
        "password",
        "password1",
        "password123",
        "passw0rd",
        "p@ssw0rd",
        "qwerty",
        "qwerty123",
        "qwertyuiop",
        "asdfgh",
        "asdfghjkl",
        "zxcvbnm",
        "1q2w3e4r",
        "1qaz2wsx",
        "abc123",
        "abcd1234",
        "iloveyou",
        "letmein",
        "welcome",
        "welcome1",
        "admin",
        "admin123",
        "monkey",
        "dragon",
        "football",
        "baseball",
        "sunshine",
        "princess",
        "master",
        "shadow",
        "superman",
        "michael",
        "jesus",
        "trustno1",
        "starwars",
        "whatever",
        "freedom",
        "secret",
        "changeme",
        "hello123",
        "recovery",
        "sobriety",
        "serenity",
        "onedayatatime",
    ]
)


class Level(IntEnum):
    TOO_SHORT = 0
    COMMON = 1
    WEAK = 2
    FAIR = 3
    STRONG = 4


@dataclass(frozen=True, slots=True)
class Estimate:
    level: Level
    bits: float  # a rough guess at the search space, in bits
    words: int
    classes: int  # lower, upper, digits, symbols/spaces present

    @property
    def acceptable(self) -> bool:
        """Long enough and not on the common list: the set-up lets the person go on."""
        return self.level >= Level.WEAK


def _squash(passphrase: str) -> str:
    return re.sub(r"[^a-z0-9@]", "", passphrase.lower())


def estimate(passphrase: str) -> Estimate:
    classes = sum(
        bool(re.search(pattern, passphrase))
        for pattern in (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^A-Za-z0-9]")
    )
    pool = 0
    pool += 26 if re.search(r"[a-z]", passphrase) else 0
    pool += 26 if re.search(r"[A-Z]", passphrase) else 0
    pool += 10 if re.search(r"[0-9]", passphrase) else 0
    pool += 33 if re.search(r"[^A-Za-z0-9]", passphrase) else 0
    # Repeated characters add little: count distinct runs, not raw length.
    effective = len(re.sub(r"(.)\1+", r"\1", passphrase))
    bits = effective * math.log2(pool) if pool else 0.0
    words = len([w for w in re.split(r"[\s\-_.,]+", passphrase) if len(w) >= 3])
    if words >= 4:  # several words are worth more than their letters suggest to a guesser...
        bits = max(bits, words * 11.0)  # ...about 11 bits each from a 2,000-word vocabulary

    squashed = _squash(passphrase)
    stripped = squashed.rstrip("0123456789!")
    if len(passphrase) < MIN_CHARS:
        level = Level.TOO_SHORT
    elif squashed in COMMON_PASSWORDS or stripped in COMMON_PASSWORDS or len(set(passphrase)) <= 2:
        level = Level.COMMON
    elif bits < 45:
        level = Level.WEAK
    elif bits < 70:
        level = Level.FAIR
    else:
        level = Level.STRONG
    return Estimate(level=level, bits=bits, words=words, classes=classes)
