# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line (DESIGN §7). With no command it opens the desktop app.

Exit codes: 0 done, 1 user error (one plain line on stderr, no traceback), 2 usage.
The passphrase comes from `RECOVERY_DESKTOP_PASSPHRASE`, `--passphrase-file`, or a prompt;
never from an option's value. Modules load lazily, so a command starts light:

- `arguments`: the options (never abbreviated, secrets refused without being repeated)
- `session`: the vault folder, opening, KDF costs, slot upgrades, plain words for errors
- `passphrases`: secret files, variables and prompts; the rule for a new passphrase
- `terminal`: output encoding, closed pipes, reading entry text, giving typed text back
- `journal` (add, search), `create` (init, demo), `keys` (change-passphrase,
  new-recovery-code, change-key), `exchange` (export, import), `backups` (backup, restore),
  `report` (the counselor report)
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from recovery_desktop.cli.session import UserError

__all__ = ["UserError", "main"]

# command -> (module, function), imported only when that command runs
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("create", "cmd_init"),
    "add": ("journal", "cmd_add"),
    "search": ("journal", "cmd_search"),
    "export": ("exchange", "cmd_export"),
    "import": ("exchange", "cmd_import"),
    "change-passphrase": ("keys", "cmd_change_passphrase"),
    "new-recovery-code": ("keys", "cmd_new_recovery_code"),
    "change-key": ("keys", "cmd_change_key"),
    "backup": ("backups", "cmd_backup"),
    "restore": ("backups", "cmd_restore"),
    "demo": ("create", "cmd_demo"),
    "report": ("report", "cmd_report"),
}


def _command(name: str) -> Callable[..., int]:
    module, function = COMMANDS[name]
    return getattr(import_module(f"recovery_desktop.cli.{module}"), function)


def main(argv: Sequence[str] | None = None) -> int:
    from recovery_desktop.cli import arguments, session, terminal
    from recovery_desktop.hardening import disable_core_dumps

    disable_core_dumps()  # before anything is decrypted: no plain text in crash output
    terminal.prepare_streams()
    args = arguments.parse(argv)
    if args.command is None:
        from recovery_desktop.app import run_gui

        return run_gui(args.vault, demo=args.demo)
    args.slot_upgrades = []
    try:
        try:
            code = _command(args.command)(args)
            terminal.flush_stdout()
        except BrokenPipeError:  # `search ... | head -1`: the reader has what it wanted
            terminal.silence_stdout()
            code = 0
        if code == 0:  # the person's output first, then the slower re-wrap
            session.run_slot_upgrades(args)
        return code
    except KeyboardInterrupt:
        print("\nStopped. Nothing was half-written.", file=sys.stderr)
        return 1
    except EOFError:
        print("\nStopped. Nothing was changed.", file=sys.stderr)
        return 1
    except Exception as error:
        message = session.explain(error, args)
        if message is None:
            raise
        print(message, file=sys.stderr)
        return 1
    finally:
        for upgrade in args.slot_upgrades:  # never keep a secret longer than the command
            upgrade.forget()
