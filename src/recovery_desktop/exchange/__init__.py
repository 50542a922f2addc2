# SPDX-License-Identifier: GPL-3.0-or-later
"""Exports, importers and the counselor report. No Qt except in `report_pdf.py`."""
