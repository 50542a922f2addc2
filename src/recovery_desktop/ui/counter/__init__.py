# SPDX-License-Identifier: GPL-3.0-or-later
"""The sober-day counter's own parts: offering a start after a check-in answer, the history of
starts with what using used to cost, and the money and time regained on Today."""
