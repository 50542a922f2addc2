# SPDX-License-Identifier: GPL-3.0-or-later
"""The Journal screen: timeline of entries, search and filters, and the entry editor."""
