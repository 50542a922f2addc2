# SPDX-License-Identifier: GPL-3.0-or-later
"""`export` and `import` on the command line, as real processes: a JSON export comes back
into an empty vault equal, CSV as a zip or a folder, Daylio with --mood-map, the question
asked on a terminal, and every refusal one plain line with exit code 1 (2 for a mistyped
command), nothing written."""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import pytest

from recovery_desktop.storage import Vault
from tests.integration.cli_helpers import CHEAP_KDF, run_cli
from tests.integration.terminal_driver import Terminal
from tests.unit.exchange_helpers import (
    DEMO_PASSPHRASE,
    PRIVATE_PHRASE,
    export_tables,
    make_demo_vault,
)

PASS = "a long enough passphrase"
DATA = Path(__file__).resolve().parents[1] / "data"
DAYLIO = DATA / "daylio" / "daylio_android_8col_bom_12h.csv"


def plain_refusal(result, code: int = 1) -> str:
    """The one line a refused command prints; it changed nothing."""
    assert result.returncode == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    if code == 1:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr.strip()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo vault with a private entry (and what is only its own) added."""
    folder = tmp_path_factory.mktemp("demo") / "vault"
    make_demo_vault(folder).close()
    return folder


def new_vault(folder: Path) -> Path:
    result = run_cli("init", "--vault", str(folder), passphrase=PASS)
    assert result.returncode == 0, result.stderr
    return folder


def entry_count(folder: Path) -> int:
    with Vault.open(folder, PASS) as vault:
        return vault.entries.count()


def test_a_json_export_comes_back_into_an_empty_vault_equal(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    exported = run_cli(
        "export", "--vault", str(demo), "--format", "json", "--out", str(out),
        "--include-private", passphrase=DEMO_PASSPHRASE,
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    assert str(out) in exported.stdout and "Private entries are included" in exported.stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert PRIVATE_PHRASE in out.read_text(encoding="utf-8")

    target = new_vault(tmp_path / "new")
    imported = run_cli("import", "json", str(out), "--vault", str(target), "--yes", passphrase=PASS)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.splitlines()[1].startswith("To add: ")
    assert "Imported " in imported.stdout and " entries, " in imported.stdout

    again = tmp_path / "again.json"
    exported_again = run_cli(
        "export", "--vault", str(target), "--format", "json", "--out", str(again),
        "--include-private", passphrase=PASS,
    )  # fmt: skip
    assert exported_again.returncode == 0, exported_again.stderr
    assert export_tables(again) == export_tables(out)

    # The vault now has data: a second import is refused in one line, and changes nothing.
    before = again.read_bytes()
    refused = run_cli("import", "json", str(out), "--vault", str(target), "--yes", passphrase=PASS)
    assert "new, empty vault" in plain_refusal(refused)
    run_cli(
        "export", "--vault", str(target), "--format", "json", "--out", str(again),
        "--include-private", passphrase=PASS,
    )  # fmt: skip
    assert export_tables(again) == json.loads(before)["tables"]


def test_csv_as_a_zip_or_a_folder_and_private_entries_only_when_asked(
    demo: Path, tmp_path: Path
) -> None:
    zipped = tmp_path / "tables.zip"
    result = run_cli(
        "export", "--vault", str(demo), "--format", "csv", "--out", str(zipped),
        passphrase=DEMO_PASSPHRASE,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "private entries were left out; add --include-private" in result.stdout
    with zipfile.ZipFile(zipped) as archive:
        assert "entry.csv" in archive.namelist()
        assert PRIVATE_PHRASE not in archive.read("entry.csv").decode("utf-8-sig")

    folder = tmp_path / "tables"
    result = run_cli(
        "export", "--vault", str(demo), "--format", "csv", "--out", str(folder),
        passphrase=DEMO_PASSPHRASE,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (folder / "entry.csv").is_file() and "new folder" in result.stdout
    # The same folder again now has files in it: refused, and left as it was.
    before = sorted(p.name for p in folder.iterdir())
    again = run_cli(
        "export", "--vault", str(demo), "--format", "csv", "--out", str(folder),
        passphrase=DEMO_PASSPHRASE,
    )  # fmt: skip
    assert "not an empty folder" in plain_refusal(again)
    assert sorted(p.name for p in folder.iterdir()) == before


def test_daylio_with_mood_map_then_again_adds_nothing(tmp_path: Path) -> None:
    target = new_vault(tmp_path / "vault")
    args = ("import", "daylio", str(DAYLIO), "--vault", str(target), "--yes")
    first = run_cli(*args, "--mood-map", "TIRED=2", "--mood-map", "meh=none", passphrase=PASS)
    assert first.returncode == 0, first.stderr
    assert "“tired” (1 entry) → bad (2)" in first.stdout
    assert "“meh” (1 entry) → no mood" in first.stdout
    assert first.stdout.rstrip().endswith("Imported 6 entries.")
    with Vault.open(target, PASS) as vault:
        moods = vault.connection.execute("SELECT mood FROM entry ORDER BY id").fetchall()
    assert [m for (m,) in moods] == [5, None, 2, 4, 1, 2]

    second = run_cli(*args, passphrase=PASS)
    assert second.returncode == 0, second.stderr
    assert "6 already in the vault stay as they are" in second.stdout
    assert "Nothing to import" in second.stdout
    assert entry_count(target) == 6


def test_refusals_are_one_plain_line_and_write_nothing(demo: Path, tmp_path: Path) -> None:
    target = new_vault(tmp_path / "vault")
    daylio = ("import", "daylio", str(DAYLIO), "--vault", str(target))

    no_one_to_ask = run_cli(*daylio, passphrase=PASS)  # standard input is not a terminal
    assert "add --yes" in plain_refusal(no_one_to_ask)
    unknown_mood = run_cli(*daylio, "--yes", "--mood-map", "sleepy=2", passphrase=PASS)
    assert "no mood called “sleepy”" in plain_refusal(unknown_mood)
    not_daylio = run_cli(
        "import", "vcard", str(DATA / "vcard" / "apple_contacts_3_0.vcf"),
        "--vault", str(target), "--mood-map", "rad=5", passphrase=PASS,
    )  # fmt: skip
    assert "--mood-map is for Daylio" in plain_refusal(not_daylio)
    missing = run_cli("import", "jrnl", str(tmp_path / "gone.json"), "--vault", str(target))
    assert "gone.json" in plain_refusal(missing)
    wrong_kind = run_cli("import", "vcard", str(DAYLIO), "--vault", str(target), "--yes")
    assert DAYLIO.name in plain_refusal(wrong_kind)
    wrong_passphrase = run_cli(*daylio, "--yes", passphrase="not the passphrase at all")
    plain_refusal(wrong_passphrase)
    no_vault = run_cli(*daylio[:3], "--vault", str(tmp_path / "nowhere"), "--yes")
    assert "no vault" in plain_refusal(no_vault).lower()
    assert entry_count(target) == 0

    inside = run_cli(
        "export", "--vault", str(demo), "--format", "json", "--out", str(demo / "copy.json"),
        passphrase=DEMO_PASSPHRASE,
    )  # fmt: skip
    assert "inside the vault's own folder" in plain_refusal(inside)
    assert not (demo / "copy.json").exists()
    nowhere = run_cli(
        "export", "--vault", str(demo), "--format", "json",
        "--out", str(tmp_path / "no such folder" / "x.json"), passphrase=DEMO_PASSPHRASE,
    )  # fmt: skip
    assert "does not exist" in plain_refusal(nowhere)

    for usage in (
        ("export", "--vault", str(demo), "--format", "xml", "--out", str(tmp_path / "x")),
        ("export", "--vault", str(demo), "--format", "json"),
        ("import", "spreadsheet", str(DAYLIO), "--vault", str(target)),
        (*daylio, "--mood-map", "tired"),
        (*daylio, "--mood-map", "tired=7"),
    ):
        plain_refusal(run_cli(*usage, passphrase=PASS), code=2)
    assert list(tmp_path.glob("x*")) == []


def test_import_asks_at_a_terminal_and_no_writes_nothing(tmp_path: Path) -> None:
    target = new_vault(tmp_path / "vault")
    args = (CHEAP_KDF, "import", "daylio", str(DAYLIO), "--vault", str(target))
    env = {"RECOVERY_DESKTOP_PASSPHRASE": PASS}

    declined = Terminal(*args, env=env)
    declined.expect("To add: 6 entries")
    declined.expect("Import this? [yes/no] ")
    declined.type("no\n")
    assert declined.wait() == 0
    assert "Nothing was imported." in declined.output
    assert entry_count(target) == 0

    accepted = Terminal(*args, env=env)
    accepted.expect("Import this? [yes/no] ")
    accepted.type("yes\n")
    assert accepted.wait() == 0, accepted.output
    assert "Imported 6 entries." in accepted.output
    assert entry_count(target) == 6
