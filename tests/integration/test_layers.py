# SPDX-License-Identifier: GPL-3.0-or-later
"""Layers below ui/ import no Qt (DESIGN §2); start-up of the CLI stays light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "recovery_desktop"
QT_FREE = ["core", "storage", "insights", "demo"]
QT_ALLOWED_IN_EXCHANGE = {"report_pdf.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_no_qt_below_ui_in_source() -> None:
    offenders = []
    for layer in [*QT_FREE, "exchange"]:
        for path in (PACKAGE / layer).rglob("*.py"):
            if layer == "exchange" and path.name in QT_ALLOWED_IN_EXCHANGE:
                continue
            if _imports(path) & {"PySide6", "shiboken6", "matplotlib"}:
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def _full_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def test_charts_use_no_qt_and_never_pyplot_in_source() -> None:
    """charts/ builds plain Figures: no Qt (the page embeds them) and no pyplot state."""
    offenders = []
    for path in (PACKAGE / "charts").rglob("*.py"):
        names = _full_imports(path)
        if {n.split(".")[0] for n in names} & {"PySide6", "shiboken6"} or any(
            n == "matplotlib.pyplot" or n.startswith("matplotlib.pyplot.") for n in names
        ):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_charts_load_no_qt_and_no_pyplot_at_run_time(tmp_path: Path) -> None:
    """Building and saving every chart (PNG and SVG) loads neither Qt nor pyplot."""
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from recovery_desktop.charts import CHARTS, DARK, save\n"
        "from recovery_desktop.insights import Insights, Period, Records\n"
        "today = date(2025, 6, 30)\n"
        "insights = Insights.from_records(Records(Period.last_days(30, today), today))\n"
        "for chart in CHARTS:\n"
        f"    save(chart.build(insights, DARK), __import__('pathlib').Path({str(tmp_path)!r}) / (chart.key + '.svg'))\n"
        f"    save(chart.build(insights, DARK), __import__('pathlib').Path({str(tmp_path)!r}) / (chart.key + '.png'))\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6') or m == 'matplotlib.pyplot']\n"
        "print(bad); raise SystemExit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(list(tmp_path.glob("*.png"))) == len(list(tmp_path.glob("*.svg"))) == 7


def test_no_qt_at_run_time() -> None:
    modules = []
    for layer in QT_FREE:
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            rel = path.relative_to(PACKAGE.parent).with_suffix("")
            modules.append(".".join(p for p in rel.parts if p != "__init__"))
    modules.append("recovery_desktop.cli")
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'matplotlib')]\n"
        + "print(bad); raise SystemExit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_check_would_catch_qt(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtCore import QObject\n")
    assert "PySide6" in _imports(sample)


def test_start_up_loads_only_what_the_unlock_window_needs() -> None:
    """DESIGN §2: matplotlib, the pages and the vault's crypto load later, when first used."""
    code = (
        "import sys\n"
        "import recovery_desktop.app, recovery_desktop.ui.controller\n"
        "import recovery_desktop.ui.unlock.unlock_window\n"
        "late = ('matplotlib', 'sqlcipher3', 'cryptography', 'recovery_desktop.ui.journal',\n"
        "        'recovery_desktop.ui.today', 'recovery_desktop.ui.main_window')\n"
        "bad = [m for m in sys.modules if m.startswith(late)]\n"
        "print(bad); raise SystemExit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
