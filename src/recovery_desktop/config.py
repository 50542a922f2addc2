# SPDX-License-Identifier: GPL-3.0-or-later
"""Where things live on disk: the default vault folder and bundled resources.

One place for paths, so tests and `--vault` can always point elsewhere.
`RECOVERY_DESKTOP_HOME` overrides the data folder (used by tests and the dev setup).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from recovery_desktop import APP_NAME


def default_vault_dir() -> Path:
    """The vault folder used when none is given: the platform's user data folder."""
    override = os.environ.get("RECOVERY_DESKTOP_HOME")
    if override:
        return Path(override) / "vault"
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "vault"


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource; also works inside a PyInstaller bundle (`sys._MEIPASS`)."""
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) / "recovery_desktop" if base else Path(__file__).resolve().parent
    return root.joinpath("resources", *parts)
