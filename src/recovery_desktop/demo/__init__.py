# SPDX-License-Identifier: GPL-3.0-or-later
"""Generated demo vaults: a believable life in recovery, for newcomers and benchmarks."""
