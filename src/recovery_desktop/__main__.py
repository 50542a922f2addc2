# SPDX-License-Identifier: GPL-3.0-or-later
"""`python -m recovery_desktop` behaves like the `recovery-desktop` command."""

from recovery_desktop.cli import main

raise SystemExit(main())
