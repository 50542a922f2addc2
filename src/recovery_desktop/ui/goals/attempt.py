# SPDX-License-Identifier: GPL-3.0-or-later
"""Run a write and turn what the vault refuses into a plain sentence (nothing is lost: the
editor keeps the text on screen with that sentence beside it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage.errors import storage_failure_message

T = TypeVar("T")


def attempt(write: Callable[[], T]) -> tuple[T | None, str | None]:
    """(result, None) when stored; (None, why in plain words) when the vault refused it: bad
    input, a full disk, a read-only folder. Anything else is a bug and is raised."""
    try:
        return write(), None
    except ValidationError as error:
        return None, str(error)
    except Exception as error:
        message = storage_failure_message(error)
        if message is None:
            raise
        return None, message


def same_words(text: str) -> str:
    """A one-line text as the vault keeps it (goal titles and promises: spaces folded)."""
    return " ".join(text.split())
