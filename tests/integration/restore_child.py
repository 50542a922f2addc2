# SPDX-License-Identifier: GPL-3.0-or-later
"""A child process that restores a backup and is SIGKILLed by its own hand at a chosen moment.

Usage: python -m tests.integration.restore_child VAULT BACKUP PASSPHRASE HOW N

HOW says when the child kills itself (SIGKILL: no clean-up, no `finally`, as a power cut):
- `op`: just before its N-th file operation (every rename, replace, unlink, link, rmdir and
  mkdir the restore makes), so every file-level moment is a kill point;
- `step`: at the N-th progress report (inside the copy and the checks);
- `none`: never; the parent kills it at a random time.

It prints `started`, then `ops N` (operations made) and `done` if it lives to the end.
"""

from __future__ import annotations

import sys
from pathlib import Path

from recovery_desktop.storage.restore import restore_backup
from tests.integration.kill_child import FileOperations, die


def main() -> None:
    folder, backup, secret, how, n = sys.argv[1:6]
    kill_at = int(n)
    reports = 0

    def progress(done: int, total: int) -> None:
        nonlocal reports
        reports += 1
        if how == "step" and reports == kill_at:
            die()

    ops = FileOperations(
        ("replace", "rename", "unlink", "link", "rmdir", "mkdir"),
        kill_at if how == "op" else None,
    )
    print("started", flush=True)
    restore_backup(Path(backup), Path(folder), secret, progress=progress)
    print(f"ops {ops.count} reports {reports}", flush=True)
    print("done", flush=True)


if __name__ == "__main__":
    main()
