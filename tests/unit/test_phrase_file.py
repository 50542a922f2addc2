# SPDX-License-Identifier: GPL-3.0-or-later
"""The demo's phrase bank is a data file under resources/, installed with the package and read
only when the demo first needs a phrase."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

from recovery_desktop.config import resource_path
from recovery_desktop.demo import phrases

ROOT = Path(__file__).resolve().parents[2]


def test_the_phrase_file_is_a_resource_that_installs() -> None:
    path = resource_path(*phrases.PHRASE_FILE)
    assert path.is_file()
    package = resource_path().parent
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["recovery_desktop"]
    installed = {p for pattern in globs for p in package.glob(pattern)}
    assert path in installed


def test_every_key_of_the_file_is_used() -> None:
    data = json.loads(resource_path(*phrases.PHRASE_FILE).read_text(encoding="utf-8"))
    bank = phrases.bank()
    for key in data.keys() - {"about"}:
        assert getattr(bank, key), key
    assert phrases.THEMES is bank.themes and phrases._COPING is bank.coping


def test_importing_reads_nothing_until_a_phrase_is_needed() -> None:
    code = (
        "import recovery_desktop.demo.generator as g, recovery_desktop.demo.phrases as p\n"
        "assert p.bank.cache_info().currsize == 0\n"
        "import random; p.compose_gratitude(random.Random(1))\n"
        "assert p.bank.cache_info().currsize == 1\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
