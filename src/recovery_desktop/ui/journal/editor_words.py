# SPDX-License-Identifier: GPL-3.0-or-later
"""The translation context of the entry editor's parts built outside its class: its bars,
detail fields and save messages (ui/words.py). The editor's own words stay in `self.tr()`."""

from __future__ import annotations

from recovery_desktop.ui.words import QtWords


class EditorWords(QtWords):
    """The words of the entry editor's bars, fields and save messages."""
