# SPDX-License-Identifier: GPL-3.0-or-later
"""The Goals page: goals, the promises that build them, and trust growing back."""
