# SPDX-License-Identifier: GPL-3.0-or-later
"""The People page: contacts and communities, each with its connection history, figures and
the journal entries that mention it."""
