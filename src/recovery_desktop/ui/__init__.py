# SPDX-License-Identifier: GPL-3.0-or-later
"""Qt widgets only: the main window, one package per screen, models, dialogs and workers."""
