# SPDX-License-Identifier: GPL-3.0-or-later
"""SIGKILL a restore before every file operation it makes, at every progress report, and (with
`-m slow`) at random moments: the next open finds a vault that opens, whole, either as it was
(its passphrase, its rows) or as the backup (the backup's passphrase, the backup's rows), and
once restored the vault as it was is kept and restores back. Nothing half-done stays behind."""

from __future__ import annotations

import random
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from recovery_desktop.core.models import Entry
from recovery_desktop.storage import KdfCost, Vault, WrongPassphraseError
from recovery_desktop.storage.backup_format import BackupKind, backup_folders_in
from recovery_desktop.storage.restore import restore_backup
from tests.backup_helpers import make_demo_vault, vault_rows
from tests.conftest import PASSPHRASE
from tests.integration.kill_child import kill_at_random, run_child, start_child

NOW_PASSPHRASE = "the passphrase I use these days"


@dataclass
class Template:
    vault: Path
    backup: Path
    rows_then: dict
    rows_now: dict


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    base = tmp_path_factory.mktemp("restore-kill")
    folder = base / "vault"
    make_demo_vault(folder, PASSPHRASE)
    rows_then = vault_rows(folder, PASSPHRASE)
    with Vault.open(folder, PASSPHRASE) as vault:
        made = vault.make_backup()
        shutil.copytree(made.path, base / "drive-backup")
        shutil.rmtree(made.path)
        vault.change_passphrase(NOW_PASSPHRASE, KdfCost.cheap())
        for n in range(20):
            vault.entries.save(Entry(entry_date=date_of(n), body=f"written after the backup {n}"))
    for leftover in ("vault.db-wal", "vault.db-shm"):
        (folder / leftover).unlink(missing_ok=True)
    return Template(folder, base / "drive-backup", rows_then, vault_rows(folder, NOW_PASSPHRASE))


def date_of(n: int):  # type: ignore[no-untyped-def]
    from datetime import date

    return date(2026, 4, 1 + n % 28)


def _run(template: Template, tmp: Path, how: str, n: int) -> tuple[Path, str]:
    case = tmp / f"{how}-{n}"
    shutil.copytree(template.vault, case)
    return case, run_child(*_child_args(template, case, how, n))


def _child_args(template: Template, case: Path, how: str, n: int) -> tuple[str, ...]:
    return ("restore_child", str(case), str(template.backup), PASSPHRASE, how, str(n))


def check_after_kill(template: Template, case: Path, output: str) -> str:
    """The next open: exactly one of the two vaults, whole. Returns "old" or "restored"."""
    try:
        rows = vault_rows(case, PASSPHRASE)  # unlocking finishes a committed restore first
        outcome = "restored"
    except WrongPassphraseError:
        rows = vault_rows(case, NOW_PASSPHRASE)
        outcome = "old"
    if outcome == "restored":
        assert rows == template.rows_then, output
        with pytest.raises(WrongPassphraseError):
            Vault.derive_key(case, NOW_PASSPHRASE)
    else:
        assert rows == template.rows_now, output
    with Vault.open(case, PASSPHRASE if outcome == "restored" else NOW_PASSPHRASE) as vault:
        assert vault.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    leftovers = [
        p.name
        for place in (case, case / "backups")
        for p in place.iterdir()
        if p.name.startswith((".restore-", ".before-restore", "restore-in-progress", ".partial-"))
    ]
    assert not leftovers, (leftovers, output)
    kept = [b for b, m in backup_folders_in(case / "backups") if m.kind is BackupKind.BEFORE_RESTORE]
    if outcome == "restored":
        assert len(kept) == 1, output
        restore_backup(kept[0], case, NOW_PASSPHRASE)  # the way back is whole
        assert vault_rows(case, NOW_PASSPHRASE) == template.rows_now, output
    else:
        assert not kept, output
    return outcome


def test_a_kill_before_every_file_operation_leaves_a_vault_that_opens(
    template: Template, tmp_path: Path
) -> None:
    _, out = _run(template, tmp_path, "none", 0)
    words = out.split()
    ops, reports = int(words[words.index("ops") + 1]), int(words[words.index("reports") + 1])
    assert ops >= 10
    outcomes = []
    for op in range(1, ops + 1):
        case, output = _run(template, tmp_path, "op", op)
        outcomes.append(check_after_kill(template, case, f"op {op}: {output}"))
    for step in range(1, reports + 1):
        case, output = _run(template, tmp_path, "step", step)
        outcomes.append(check_after_kill(template, case, f"step {step}: {output}"))
    # Kills before the commit leave the old vault, kills after it finish the restore.
    assert "old" in outcomes and "restored" in outcomes
    first = outcomes.index("restored")
    assert all(o == "restored" for o in outcomes[first:ops])


@pytest.mark.slow
def test_kills_at_random_moments(template: Template, tmp_path: Path) -> None:
    rng = random.Random("restore")
    start = time.monotonic()
    _run(template, tmp_path, "none", 0)
    whole = time.monotonic() - start
    for n in range(30):
        case = tmp_path / f"random-{n}"
        shutil.copytree(template.vault, case)
        child = start_child(*_child_args(template, case, "none", 0))
        out = kill_at_random(child, rng.uniform(0.0, whole))
        check_after_kill(template, case, f"random {n}: {out}")
