# SPDX-License-Identifier: GPL-3.0-or-later
"""The Insights page: charts of mood, cravings and connection over a chosen period.

`page.InsightsPage` is the sidebar page. Its parts can be reused on their own: `jobs` (what
runs on a worker: reading a period, drawing a chart to a picture, saving one), `canvas`
(a chart shown from a picture drawn on a worker), `chart_card` (a chart with its summary,
table and Save), `table_model` (an `insights.Table` as a Qt model), `findings` (the sentences
at the top), `dates` (dates in the locale's words) and `save_dialog` (a file dialog that leaves
no trace). Only `canvas` imports matplotlib at module level; load it through `jobs.load_charts`.
"""
