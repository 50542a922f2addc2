# SPDX-License-Identifier: GPL-3.0-or-later
"""Small reusable widgets: mood faces, craving scale, tag chips, flow layout."""
