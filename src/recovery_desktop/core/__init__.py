# SPDX-License-Identifier: GPL-3.0-or-later
"""Plain-Python domain: dataclasses, validation and pure calculations. No Qt, no SQL."""
