# SPDX-License-Identifier: GPL-3.0-or-later
"""SIGKILL a key change at every step, before every file it renames or removes, and at random
moments (issue 6, point 2): the vault always opens, with the new secrets once step 1 wrote
them (else the old), whole; the next unlock finishes the change as chosen; each backup opens
with some secret at every moment; no half-written copy stays behind.

The backups are the copies taken before upgrades (pairs) and one made by "Back up now" (a
folder). The default run kills at each step and at each file operation of one choice (a few
seconds); `-m slow` adds every choice and many random moments.
"""

from __future__ import annotations

import random
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from recovery_desktop.storage import KdfCost, Vault, WrongPassphraseError, WrongRecoveryCodeError
from recovery_desktop.storage.folder import remove_stale_temp_files
from recovery_desktop.storage.key_copies import BackupCopy, managed_copies, opens_with
from recovery_desktop.storage.keys import PASSPHRASE_SLOT, RECOVERY_SLOT, KeyFile
from recovery_desktop.storage.rekey import OldBackups
from recovery_desktop.storage.vault_lock import LOCK_FILE_NAMES
from tests.conftest import PASSPHRASE
from tests.integration.kill_child import kill_at_random, run_child, start_child
from tests.vault_copies import (
    FIRST_BODY,
    backup_entry_count,
    build_vault_with_backups,
    keys_opened_by,
    rekey_leftovers,
    secret_opens,
    table_counts,
)

NEW_PASSPHRASE = "a new passphrase nobody else knows"
NEW_CODE = "7KQ2M-X4B9D-HHJ3P-0RT5V-WXY2Z-ABCDE"


KEYS_TEMP = re.compile(r"\.vault\.keys\.\w{8}\.tmp")  # an atomic write of vault.keys


@dataclass
class Template:
    folder: Path
    old_key: bytes
    old_code: str
    counts: dict[str, int]
    backups: dict[str, int]  # our backups: name -> entries in it
    files: dict[str, bytes]  # every file, as it was


def _template(tmp_path_factory: pytest.TempPathFactory, copies: int) -> Template:
    folder = tmp_path_factory.mktemp("rekey-kill") / "vault"
    info = build_vault_with_backups(folder, PASSPHRASE, KdfCost.cheap(), 240, copies)
    backups: dict[str, int] = dict(info["backups"])  # type: ignore[call-overload]
    # And a backup as "Back up now" makes it (a folder: vault.db, vault.keys, manifest.json).
    with Vault.open(folder, PASSPHRASE) as vault:
        backups[vault.make_backup().path.name] = 240
    return Template(
        folder,
        Vault.derive_key(folder, PASSPHRASE),
        info["code"],  # type: ignore[arg-type]
        info["counts"],  # type: ignore[arg-type]
        backups,
        _files(folder),
    )


def _name(copy: BackupCopy) -> str:
    return copy.folder.name if copy.folder is not None else copy.db.stem


def _copy_files(name: str, files: dict[str, bytes]) -> dict[str, bytes]:
    """The files of our backup `name` (a pair or a folder), by path in the vault folder."""
    return {
        path: data
        for path, data in files.items()
        if path in (f"backups/{name}.db", f"backups/{name}.keys")
        or path.startswith(f"backups/{name}/")
    }


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    """Two backups of ours: a kill can fall between re-encrypting the first and the second."""
    return _template(tmp_path_factory, copies=2)


@pytest.fixture(scope="module")
def small_template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    """One backup of ours, for the default run (fewer moments to kill at)."""
    return _template(tmp_path_factory, copies=1)


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in LOCK_FILE_NAMES
    }


def _child_args(case: Path, choice: OldBackups, how: str, n: int) -> tuple[str, ...]:
    return (
        "rekey_child", str(case), PASSPHRASE, NEW_PASSPHRASE, NEW_CODE, choice.value, how, str(n)
    )


def _run_killed(template: Template, tmp: Path, choice: OldBackups, how: str, n: int) -> list[str]:
    """A fresh copy of the template, a child that kills itself at (how, n); its output."""
    case = tmp / f"{choice.value}-{how}-{n}"
    shutil.copytree(template.folder, case)
    out = run_child(*_child_args(case, choice, how, n))
    return [case.name, *out.split()]


def _count_ops(template: Template, tmp: Path, choice: OldBackups) -> int:
    """How many renames and unlinks a whole key change of this template makes."""
    out = _run_killed(template, tmp, choice, "none", 0)
    return int(out[out.index("ops") + 1])


def check_after_kill(template: Template, case: Path, choice: OldBackups, output: list[str]) -> None:
    """Everything a kill may leave, then what the next unlock makes of it."""
    steps = [int(output[i + 1]) for i, word in enumerate(output) if word == "step"]
    wrote_keys = bool(steps) and max(steps) >= 1
    foreign = case / "backups" / "another-key"

    # Before anyone unlocks: vault.keys opens with exactly one generation of secrets, the new
    # one once step 1 said it was written; every backup opens with some secret.
    old_opens = keys_opened_by(case / "vault.keys", PASSPHRASE_SLOT, PASSPHRASE)
    new_opens = keys_opened_by(case / "vault.keys", PASSPHRASE_SLOT, NEW_PASSPHRASE)
    assert bool(old_opens) != bool(new_opens), output
    if wrote_keys:
        assert new_opens and not old_opens, output
    for copy in managed_copies([case / "backups"]):
        assert any(
            secret_opens(copy.keys, copy.db, slot, secret)
            for slot, secret in (
                (PASSPHRASE_SLOT, PASSPHRASE),
                (PASSPHRASE_SLOT, NEW_PASSPHRASE),
                (RECOVERY_SLOT, NEW_CODE),
            )
        ), (copy, output)
    assert (foreign.with_suffix(".db").read_bytes(), foreign.with_suffix(".keys").read_bytes()) == (
        template.files["backups/another-key.db"],
        template.files["backups/another-key.keys"],
    )

    # The next unlock: with the new passphrase or recovery code (by turns), else the old.
    use_code = sum(map(ord, case.name)) % 2 == 1
    pending = KeyFile.load(case / "vault.keys").pending is not None
    try:
        if use_code:
            unlocked = Vault.unlock_key_with_recovery_code(case, NEW_CODE)
        else:
            unlocked = Vault.unlock_key(case, NEW_PASSPHRASE)
        changed = True
    except (WrongPassphraseError, WrongRecoveryCodeError):
        assert not wrote_keys, output
        unlocked = Vault.unlock_key(case, PASSPHRASE)
        changed = False
    if pending:
        assert unlocked.finished_key_change is not None, output
        assert not unlocked.finished_key_change.failed, output
    with Vault.from_data_key(case, unlocked) as vault:
        conn = vault.connection
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", output
        assert table_counts(conn) == template.counts, output
        assert vault.entries.get(1).body == FIRST_BODY
        new_key = vault._data_key
    assert not rekey_leftovers(case), output

    if not changed:  # killed before step 1 wrote vault.keys: all as it was
        assert new_key == template.old_key
        # ...but for the temp file of a key-file write cut short before its rename, which the
        # folder's rule for interrupted writes removes once it is stale.
        removed = remove_stale_temp_files(case, older_than=-1)
        assert len(removed) <= 1 and all(KEYS_TEMP.fullmatch(n) for n in removed), output
        assert _files(case) == template.files, output
        return
    assert KeyFile.load(case / "vault.keys").pending is None, output
    assert not opens_with(case / "vault.db", template.old_key), output
    with pytest.raises(WrongPassphraseError):
        Vault.unlock_key(case, PASSPHRASE)
    with pytest.raises(WrongRecoveryCodeError):
        Vault.unlock_key_with_recovery_code(case, template.old_code)
    ours = {_name(c): c for c in managed_copies([case / "backups"]) if _name(c) in template.backups}
    if choice is OldBackups.DELETE:
        assert not ours, output
        assert sorted(p.name for p in (case / "backups").iterdir()) == [
            "another-key.db",
            "another-key.keys",
        ], output
    elif choice is OldBackups.REENCRYPT:
        assert sorted(ours) == sorted(template.backups), output
        for name, copy in ours.items():
            assert backup_entry_count(copy, new_key) == template.backups[name], output
            assert secret_opens(copy.keys, copy.db, PASSPHRASE_SLOT, NEW_PASSPHRASE), output
            assert not secret_opens(copy.keys, copy.db, PASSPHRASE_SLOT, PASSPHRASE), output
            assert KeyFile.load(copy.keys).pending is None, output
    else:
        for name in template.backups:
            kept = _copy_files(name, template.files)
            assert kept and _copy_files(name, _files(case)) == kept, output


def _kill_each_step_and_op(template: Template, tmp: Path, choice: OldBackups) -> int:
    runs = 0
    for step in range(6):
        output = _run_killed(template, tmp, choice, "step", step)
        check_after_kill(template, tmp / output[0], choice, output)
        runs += 1
    for op in range(1, _count_ops(template, tmp, choice) + 1):
        output = _run_killed(template, tmp, choice, "op", op)
        check_after_kill(template, tmp / output[0], choice, output)
        runs += 1
    return runs


def test_a_kill_at_every_step_and_file_operation_leaves_a_whole_vault(
    small_template: Template, tmp_path: Path
) -> None:
    runs = _kill_each_step_and_op(small_template, tmp_path, OldBackups.REENCRYPT)
    assert runs >= 6 + 9  # the key files, the switch, the backup's re-encryption


@pytest.mark.slow
@pytest.mark.parametrize("choice", list(OldBackups))
def test_a_kill_at_every_step_and_file_operation_two_backups(
    template: Template, tmp_path: Path, choice: OldBackups
) -> None:
    _kill_each_step_and_op(template, tmp_path, choice)


@pytest.mark.slow
@pytest.mark.parametrize("choice", list(OldBackups))
def test_kills_at_random_moments(template: Template, tmp_path: Path, choice: OldBackups) -> None:
    """Between the file operations too: inside the export, the checks, the syncs."""
    rng = random.Random(f"rekey-{choice.value}")
    start = time.monotonic()
    _run_killed(template, tmp_path, choice, "none", 0)
    whole = time.monotonic() - start
    for n in range(40):
        case = tmp_path / f"{choice.value}-random-{n}"
        shutil.copytree(template.folder, case)
        child = start_child(*_child_args(case, choice, "none", 0))
        out = kill_at_random(child, rng.uniform(0.0, whole))
        check_after_kill(template, case, choice, [case.name, "started", *out.split()])
