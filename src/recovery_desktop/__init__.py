# SPDX-License-Identifier: GPL-3.0-or-later
"""Recovery Desktop: a private, offline journal and connection tracker for people in recovery."""

__version__ = "0.1.0"
APP_NAME = "recovery-desktop"
