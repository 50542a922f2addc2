# SPDX-License-Identifier: GPL-3.0-or-later
"""Logging a connection, shared by Today, People and the Journal: the dialog, the Journal's
small action for an entry's people, and the words every page uses for roles and kinds."""
