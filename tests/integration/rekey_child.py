# SPDX-License-Identifier: GPL-3.0-or-later
"""A child process that changes a vault's key and is SIGKILLed by its own hand at a chosen moment.

Usage: python -m tests.integration.rekey_child VAULT OLD_PASS NEW_PASS NEW_CODE CHOICE HOW N

HOW says when the child kills itself (SIGKILL: no clean-up, no `finally`, as a power cut):
- `step`: in the progress callback, right after step N (0 = nothing written yet, 5 = done);
- `op`: just before its N-th rename or unlink of a file (every `os.replace` and `os.unlink`
  the change makes, including the atomic writes of key files), so every file-level moment of
  the change, and of each backup's re-encryption, is a kill point;
- `none`: never; the parent kills it at a random time.

It prints `started`, then `step K` after each step, then `ops N` (renames and unlinks made) and
`done` if it lives to the end. The data key is derived first, as the app does after the person
types the passphrase; new wraps use the cheap test cost (an exemption code asks for).
"""

from __future__ import annotations

import sys
from pathlib import Path

from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.storage.rekey import OldBackups, change_vault_key
from tests.integration.kill_child import FileOperations, die


def main() -> None:
    folder, old_pass, new_pass, new_code, choice, how, n = sys.argv[1:8]
    kill_at = int(n)
    key = Vault.derive_key(Path(folder), old_pass)

    def progress(done: int, total: int) -> None:
        print(f"step {done}", flush=True)
        if how == "step" and done == kill_at:
            die()

    ops = FileOperations(("replace", "unlink"), kill_at if how == "op" else None)
    print("started", flush=True)
    change_vault_key(
        Path(folder),
        key,
        new_pass,
        new_code,
        old_backups=OldBackups(choice),
        cost=KdfCost.cheap(),
        progress=progress,
    )
    print(f"ops {ops.count}", flush=True)
    print("done", flush=True)


if __name__ == "__main__":
    main()
