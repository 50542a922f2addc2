# SPDX-License-Identifier: GPL-3.0-or-later
"""The performance suite (DESIGN §8): `make bench`."""
