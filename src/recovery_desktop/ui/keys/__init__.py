# SPDX-License-Identifier: GPL-3.0-or-later
"""Key management screens (issue 6, points 1-3): what a changed passphrase or recovery code
means for the key copies the app manages, a new recovery code, and a change of the vault's key.
The passphrase dialog itself stays in `ui/unlock/new_passphrase.py` (the unlock window uses it
after a recovery-code unlock)."""
