# SPDX-License-Identifier: GPL-3.0-or-later
"""A small disk for the full-disk tests: a tmpfs of a chosen size, and a file that fills it.

The CLI, the key change, an upgrade, a backup and a restore are each tested on a full disk;
they all need the same mount (root, as on CI; the test is skipped where mounting is not
allowed), the same clean unmount, and the same way of leaving no room at all.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def mount_tmpfs(point: Path, options: str) -> None:
    """A new tmpfs at `point` with mount `options` ("size=2m,mode=0700"); skips the test
    where this process may not mount."""
    point.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)], capture_output=True
    )
    if result.returncode != 0:
        pytest.skip("cannot mount a small filesystem here (needs root)")


def unmount(point: Path) -> None:
    subprocess.run(["umount", "-l", str(point)], check=False)


def small_disk_at(point: Path, size: str) -> Iterator[Path]:
    """For a fixture: a tmpfs of `size` ("2m") at `point` while the test runs."""
    mount_tmpfs(point, f"size={size}")
    try:
        yield point
    finally:
        unmount(point)


def fill(folder: Path) -> Path:
    """Write zeros into `folder/filler` until the disk refuses more; the filler (delete it
    to make room again, or truncate it to leave some)."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        with contextlib.suppress(OSError):
            while True:
                os.write(fd, b"\0" * 4096)
    finally:
        os.close(fd)
    return filler
