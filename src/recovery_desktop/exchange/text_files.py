# SPDX-License-Identifier: GPL-3.0-or-later
"""Reading other apps' files whole, whatever encoding a phone or a spreadsheet gave them."""

from __future__ import annotations

import codecs
import contextlib
from collections.abc import Iterator
from pathlib import Path

from recovery_desktop.exchange.progress import ImportFileError

MAX_FILE_BYTES = 512 * 1024 * 1024


def read_bytes(path: Path, what: str) -> bytes:
    """The whole file; `ImportFileError` when it cannot be opened or is far too large."""
    with _opened(path, what):
        return path.read_bytes()


def read_utf8(path: Path, what: str) -> str:
    """The whole file as UTF-8 text (a byte-order mark is dropped), decoded as it is read, so
    the bytes and the text are never both held whole."""
    with _opened(path, what), path.open(encoding="utf-8-sig") as handle:
        return handle.read()


@contextlib.contextmanager
def _opened(path: Path, what: str) -> Iterator[None]:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ImportFileError(f"{path.name} is larger than 512 MB, too large for {what}.")
        yield
    except IsADirectoryError as error:
        raise ImportFileError(f"{path.name} is a folder; choose the {what} file itself.") from error
    except OSError as error:
        raise ImportFileError(
            f"{path.name} could not be opened: {error.strerror or error}."
        ) from error


def decode_text(raw: bytes, name: str) -> tuple[str, list[str]]:
    """Text from UTF-8 (with or without a byte-order mark) or UTF-16 (with one); anything else
    is read as Windows-1252, the usual encoding of a file saved again by a spreadsheet on
    Windows, and the returned problems say so."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), []
        except UnicodeDecodeError as error:
            raise ImportFileError(
                f"{name} says it is UTF-16 text but is damaged ({error.reason})."
            ) from error
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    text = raw.decode("cp1252", errors="replace")
    return text, [
        f"{name} is not in UTF-8, so it was read as Windows-1252 (Western European). "
        "Please check accented letters and symbols in the preview."
    ]
