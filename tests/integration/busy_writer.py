# SPDX-License-Identifier: GPL-3.0-or-later
"""Hold the vault's write lock in a child process, as a long save elsewhere would.

`python -m tests.integration.busy_writer FOLDER PASSPHRASE` opens the vault, begins a write
transaction and prints "busy"; one line on stdin rolls it back and prints "free"; closing stdin
ends it. Any other writer meanwhile waits for the busy timeout, then is refused ("busy").
"""

from __future__ import annotations

import sys
from pathlib import Path

from recovery_desktop.storage import Vault


def main() -> int:
    vault = Vault.open(Path(sys.argv[1]), sys.argv[2])
    vault.connection.execute("BEGIN IMMEDIATE")
    print("busy", flush=True)
    sys.stdin.readline()
    vault.connection.execute("ROLLBACK")
    print("free", flush=True)
    sys.stdin.read()
    vault.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
