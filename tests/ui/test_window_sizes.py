# SPDX-License-Identifier: GPL-3.0-or-later
"""Today and the Journal from 960x600 to 2560x1440 (issue 10, point 2), on a screen that large.

The offscreen platform's screen is 800x800 unless it is given a description of another, and
that is read once, when the app starts. So the checks in `window_sizes_driver.py` run in a
process of their own, on a 2560x1440 screen, and the rest of the suite keeps its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

DRIVER = Path(__file__).with_name("window_sizes_driver.py")
ROOT = Path(__file__).resolve().parents[2]
SCREEN = {
    "screens": [
        {
            "name": "wide",
            "x": 0,
            "y": 0,
            "width": 2560,
            "height": 1440,
            "logicalDpi": 96,
            "physicalWidth": 677,
            "physicalHeight": 381,
        }
    ]
}


def test_no_word_is_cut_from_960x600_to_2560x1440(tmp_path: Path) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(SCREEN), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(DRIVER)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = result.stdout[-8000:] + result.stderr[-2000:]
    assert result.returncode == 0, report
    assert " passed" in result.stdout and "skipped" not in result.stdout, report
