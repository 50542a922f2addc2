# SPDX-License-Identifier: GPL-3.0-or-later
"""Getting into the vault: the first-run set-up wizard, the unlock window, the recovery-code
flow and the new-passphrase dialog. Imported at start-up, so it stays light (no pages, no
matplotlib)."""
