# SPDX-License-Identifier: GPL-3.0-or-later
"""Series and statistics for charts and reports, computed from repositories. No Qt."""
