# SPDX-License-Identifier: GPL-3.0-or-later
"""The README's first command on a machine without Python's venv module says what to install."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_a_missing_venv_module_is_named_in_one_plain_line(tmp_path: Path) -> None:
    for name in ("Makefile", "pyproject.toml", "constraints.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    # Debian's python3 without python3-venv fails like this.
    fake = tmp_path / "python3"
    fake.write_text(
        "#!/bin/sh\necho 'The virtual environment was not created successfully because "
        "ensurepip is not available.' >&2\nmkdir -p .venv/bin\nexit 1\n"
    )
    fake.chmod(0o755)
    result = subprocess.run(
        ["make", "test", f"PYTHON={fake}"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "sudo apt-get install python3-venv" in result.stderr
    assert not (tmp_path / ".venv").exists()  # the next try starts clean
