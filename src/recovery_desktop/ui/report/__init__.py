# SPDX-License-Identifier: GPL-3.0-or-later
"""The counselor report dialog (REPORT.md): `open_report_dialog(vault, parent)`.

The Export & backup page calls it from its "Counselor report" section. The dialog chooses the
period, the parts and the person's own words, previews the pages, and saves or prints them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from recovery_desktop.storage import Vault
    from recovery_desktop.ui.report.dialog import ReportDialog

__all__ = ["open_report_dialog"]


def open_report_dialog(
    vault: Vault, parent: QWidget | None = None, *, today: date | None = None
) -> ReportDialog:
    """Show the report dialog (not modal, deleted on close) and return it. Loads matplotlib
    and the report's modules on first use."""
    from recovery_desktop.ui.report.dialog import ReportDialog

    dialog = ReportDialog(vault, parent, today=today)
    dialog.show()
    dialog.raise_()
    return dialog
