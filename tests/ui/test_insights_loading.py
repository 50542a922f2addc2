# SPDX-License-Identifier: GPL-3.0-or-later
"""Opening Insights in a fresh process: matplotlib is not imported until the page is shown,
and then on a worker thread while a placeholder is on screen; pyplot never."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from recovery_desktop.demo.generator import generate_demo_vault
from recovery_desktop.storage import KdfCost
from tests.conftest import PASSPHRASE

TODAY = date(2025, 6, 30)

SCRIPT = """
import sys, threading
from datetime import date
from pathlib import Path

importers = []

class Watch:
    def find_spec(self, name, path=None, target=None):
        if name == "matplotlib":
            importers.append(threading.current_thread() is threading.main_thread())
        return None

sys.meta_path.insert(0, Watch())

from PySide6.QtWidgets import QApplication
from recovery_desktop.storage import Vault
from recovery_desktop.ui.main_window import MainWindow
from recovery_desktop.ui.app_settings import AppSettings
from recovery_desktop.ui.theme import apply_theme

app = QApplication([])
apply_theme(app)
vault = Vault.open(Path(sys.argv[1]), sys.argv[2])
window = MainWindow(vault, app_settings=AppSettings(Path(sys.argv[3])))
window.resize(1000, 700)
window.show()
app.processEvents()
assert "matplotlib" not in sys.modules, "imported before Insights was opened"
page = window.show_page("insights")
app.processEvents()
assert page.loading.isVisible(), "no placeholder while the charts load"
drawn = []
page.charts_drawn.connect(lambda: drawn.append(True))
page.charts_drawn.connect(app.quit)
app.exec()
assert drawn and page.cards["mood"].canvas is not None
assert not page.loading.isVisible()
assert importers and not any(importers), f"matplotlib imported on the GUI thread: {importers}"
assert "matplotlib.pyplot" not in sys.modules
vault.close()
print("ok")
"""


def test_matplotlib_loads_on_a_worker_when_insights_first_opens(tmp_path: Path):
    folder = tmp_path / "demo"
    generate_demo_vault(folder, PASSPHRASE, scale="small", cost=KdfCost.cheap(), today=TODAY)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(folder), PASSPHRASE, str(tmp_path / "settings.conf")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0 and result.stdout.strip().endswith("ok"), (
        result.stdout + result.stderr
    )
