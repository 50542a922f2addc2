# SPDX-License-Identifier: GPL-3.0-or-later
"""Hold one of the vault's locks in a child process until stdin closes or we are killed.

`python -m tests.integration.lock_holder FOLDER shared|exclusive|upgrade|gui|vault [PASSPHRASE]`
prints "held" (or the error's class name) on one line, then waits. Used by
test_vault_lock_processes.py, so the lock semantics are tested across real processes, and
through `held_elsewhere` by the tests of what is refused while another program has the vault
open (a key change, a restore, a passphrase change).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from recovery_desktop.storage.errors import VaultError
from recovery_desktop.storage.vault_lock import (
    GuiInstanceLock,
    VaultUseLock,
    exclusive_vault_lock,
)


def main() -> int:
    folder, how = Path(sys.argv[1]), sys.argv[2]
    try:
        if how == "shared":
            held: object = VaultUseLock.acquire_shared(folder)
        elif how == "upgrade":
            held = VaultUseLock.acquire_shared(folder)
            held.upgrade_to_exclusive()  # type: ignore[attr-defined]
        elif how == "exclusive":
            held = exclusive_vault_lock(folder)
            held.__enter__()  # type: ignore[attr-defined]
        elif how == "gui":
            held = GuiInstanceLock.acquire(folder)
        elif how == "vault":
            from recovery_desktop.storage import Vault

            held = Vault.open(folder, sys.argv[3])
        else:
            raise SystemExit(f"unknown lock {how}")
    except VaultError as error:
        print(type(error).__name__, flush=True)
        return 1
    print("held", flush=True)
    sys.stdin.read()  # until the test closes our stdin (or kills us)
    del held
    return 0


@contextmanager
def held_elsewhere(folder: Path, how: str, *extra: str) -> Iterator[None]:
    """While the block runs, another process holds `how` ("vault", "shared"…; `extra` is the
    passphrase where one is needed) on the vault at `folder`; it lets go when the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.lock_holder", str(folder), how, *extra],
        cwd=Path(__file__).resolve().parents[2],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
