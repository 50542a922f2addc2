# SPDX-License-Identifier: GPL-3.0-or-later
"""The Today page: quick check-in, sober days, people to reach out to, commitments."""
