# SPDX-License-Identifier: GPL-3.0-or-later
"""The counselor report for the last year of the demo vault (DESIGN §8: under 2 s).

Measured in a child process (it needs a QGuiApplication, on the offscreen platform):
- the first report of a fresh process, counted from its first import: Qt, matplotlib and the
  fonts loading, the QGuiApplication and the (cheap-KDF) unlock included;
- warm: the median of the next few, as a second report from the dialog would be;
- the floor: the same year's entries laid out as a 365-row table and written by QPdfWriter
  (no vault, no charts), the bare cost of making that many pages.

Rows are (name, value in ms, target, floor in ms or None, target in ms for the verdict).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

Row = tuple[str, float, str, float | None, float]
TARGET_MS = 2000.0

_PROBE = r"""
import json, os, statistics, sys, tempfile, time
from datetime import date
from pathlib import Path
start = time.perf_counter()
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
from recovery_desktop.exchange.report_content import DEFAULT_SECTIONS, ReportOptions
from recovery_desktop.exchange.report_pdf import write_report
from recovery_desktop.insights import Period
from recovery_desktop.storage import Vault

folder, passphrase = sys.argv[1], sys.argv[2]
out = Path(tempfile.mkdtemp()) / "report.pdf"
with Vault.open(folder, passphrase) as vault:
    today = date.today()
    options = ReportOptions(Period.last_days(365, today), DEFAULT_SECTIONS)
    begin = time.perf_counter()
    summary = write_report(vault, options, out, today)
    first = (time.perf_counter() - start) * 1000  # with the imports and the app
    warm = []
    for _ in range(3):
        begin = time.perf_counter()
        write_report(vault, options, out, today)
        warm.append((time.perf_counter() - begin) * 1000)
    rows = vault.connection.execute(
        "SELECT entry_date, title, substr(body, 1, 120) FROM entry WHERE entry_date >= ?",
        (options.period.first.isoformat(),),
    ).fetchall()[:365]

from PySide6.QtCore import QBuffer, QIODevice, QSizeF
from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument
import html as h

def floor():
    buffer = QBuffer(); buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer); writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    doc = QTextDocument(); doc.documentLayout().setPaintDevice(writer)
    rect = writer.pageLayout().paintRectPixels(300)
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    doc.setHtml("<table>" + "".join(
        f"<tr><td>{d}</td><td>{h.escape(t)}</td><td>{h.escape(b)}</td></tr>" for d, t, b in rows
    ) + "</table>")
    doc.print_(writer)

floor()
times = []
for _ in range(3):
    begin = time.perf_counter(); floor(); times.append((time.perf_counter() - begin) * 1000)
print(json.dumps({"first": first, "warm": statistics.median(warm),
                  "floor": statistics.median(times), "pages": summary.pages}))
"""


def bench_report(folder: Path, passphrase: str) -> list[Row]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(folder), passphrase],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    got = json.loads(result.stdout.strip().splitlines()[-1])
    pages = got["pages"]
    return [
        (
            f"counselor report, last year ({pages} pages), warm",
            got["warm"],
            "2 s",
            got["floor"],
            TARGET_MS,
        ),
        (
            "counselor report, last year, first (imports, app, unlock included)",
            got["first"],
            "2 s",
            got["floor"],
            TARGET_MS,
        ),
    ]
