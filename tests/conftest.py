# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared fixtures: every test gets its own folders, a cheap KDF and no real user data."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from recovery_desktop.storage import KdfCost, Vault  # noqa: E402

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app's data folder, Qt settings and the temp folder into this test's tmp_path."""
    home = tmp_path / "home"
    tmp = tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    monkeypatch.setenv("RECOVERY_DESKTOP_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    monkeypatch.delenv("RECOVERY_DESKTOP_PASSPHRASE", raising=False)
    return home


@pytest.fixture
def cheap_cost() -> KdfCost:
    return KdfCost.cheap()


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault_and_code(vault_dir: Path, cheap_cost: KdfCost) -> Iterator[tuple[Vault, str]]:
    vault, code = Vault.create(vault_dir, PASSPHRASE, cheap_cost)
    yield vault, code
    vault.close()


@pytest.fixture
def vault(vault_and_code: tuple[Vault, str]) -> Vault:
    """A fresh, open, encrypted vault in tmp_path (cheap KDF)."""
    return vault_and_code[0]


def pytest_report_header() -> str:
    return f"python {sys.version.split()[0]}; QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM')}"
