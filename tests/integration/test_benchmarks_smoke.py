# SPDX-License-Identifier: GPL-3.0-or-later
"""The benchmark suite still runs (its numbers are judged in `make bench`, never here)."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks import run


def test_benchmarks_run_on_the_small_vault(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(run, "CACHE", tmp_path / "bench")
    out = tmp_path / "results.json"
    assert run.main(["--scale", "small", "--out", str(out)]) == 0
    results = json.loads(out.read_text())["results"]
    names = {r["name"] for r in results}
    assert any(name.startswith("search two common words") for name in names)
    assert all(r["value"] > 0 for r in results)
