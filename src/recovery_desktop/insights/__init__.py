# SPDX-License-Identifier: GPL-3.0-or-later
"""Series and statistics for charts and reports, computed from repositories. No Qt, no
matplotlib.

    from recovery_desktop.insights import Period, compute
    insights = compute(vault, Period.last_days(30, today), today)
    insights.mood.summary(); insights.mood.table(); insights.findings()

Every series has `summary(words)` (one sentence: the chart's accessible description) and
`table(words)` (the numbers behind it). The honesty rules of the counselor report hold: no
missing day is filled in, no trend is drawn from fewer than 7 points, every mean has its n.
Every word goes through the translation hook (`wording.InsightWords`, core/words.py), so the
sentences and tables follow the app's language once the UI has installed Qt's translator.
"""

from __future__ import annotations

from recovery_desktop.insights.bundle import Insights, compute
from recovery_desktop.insights.findings import Finding
from recovery_desktop.insights.period import WORDS, Bin, DateWords, Period
from recovery_desktop.insights.records import Records, read_records, sources_on
from recovery_desktop.insights.stats import Interval, Mean
from recovery_desktop.insights.tables import Table

__all__ = [
    "WORDS",
    "Bin",
    "DateWords",
    "Finding",
    "Insights",
    "Interval",
    "Mean",
    "Period",
    "Records",
    "Table",
    "compute",
    "read_records",
    "sources_on",
]
