# SPDX-License-Identifier: GPL-3.0-or-later
"""`recovery-desktop report` in a child process: a PDF with no display (no DISPLAY, no
WAYLAND_DISPLAY, no QT_QPA_PLATFORM given), its agenda from standard input, and one plain line
with exit code 1 for each mistake."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from tests.integration.cli_helpers import CHEAP_KDF, REPO, run_cli
from tests.report_helpers import PASSPHRASE, PRIVATE_PHRASE, SHARED_PHRASE, make_demo, squeezed

NO_DISPLAY = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("report-cli") / "demo")


def _headless_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in NO_DISPLAY}


def test_the_report_is_made_without_a_display(demo_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "june.pdf"
    env = _headless_env()
    env["RECOVERY_DESKTOP_PASSPHRASE"] = PASSPHRASE
    result = subprocess.run(
        [
            sys.executable, "-m", "recovery_desktop", CHEAP_KDF, "report", "--vault",
            str(demo_folder), "--from", "2025-06-01", "--to", "2025-06-30", "--out", str(out),
            "--talk-about", "-", "--include-safety-plan", "--paper", "letter",
        ],
        cwd=REPO,
        env=env,
        input="Sleep, and the weekend with my sister.\n",
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Report for 1 Jun 2025 to 30 Jun 2025 written to")
    assert "Traceback" not in result.stderr and "qt." not in result.stderr
    reader = pypdf.PdfReader(out)
    text = squeezed(" ".join(page.extract_text() for page in reader.pages))
    assert squeezed("Sleep, and the weekend with my sister.") in text
    assert squeezed(SHARED_PHRASE) in text and squeezed(PRIVATE_PHRASE) not in text
    assert squeezed("Reasons to keep going") in text  # the safety plan, as asked
    assert round(float(reader.pages[0].mediabox.width)) == 612  # Letter
    assert out.stat().st_mode & 0o777 == 0o600


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace")
def test_the_report_command_opens_no_socket(demo_folder: Path, tmp_path: Path) -> None:
    trace = tmp_path / "trace.txt"
    env = _headless_env()
    env["RECOVERY_DESKTOP_PASSPHRASE"] = PASSPHRASE
    result = subprocess.run(
        [
            "strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", str(trace), sys.executable,
            "-m", "recovery_desktop", CHEAP_KDF, "report", "--vault", str(demo_folder), "--from",
            "2025-06-01", "--to", "2025-06-30", "--out", str(tmp_path / "r.pdf"),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )  # fmt: skip
    if result.returncode != 0 and "ptrace" in result.stderr:
        pytest.skip("strace may not trace here")
    assert result.returncode == 0, result.stderr
    calls = [
        line for line in trace.read_text().splitlines() if "socket(" in line or "connect(" in line
    ]
    assert calls == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2025-06-30", "--to", "2025-06-01"], "--to is the last day"),
        (["--from", "2025-06-01", "--to", "2999-01-01"], "up to today"),
        (["--from", "2025-02-30", "--to", "2025-06-01"], "not a real calendar day"),
    ],
)
def test_mistakes_get_one_plain_line(
    demo_folder: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "r.pdf"
    result = run_cli(
        "report", "--vault", str(demo_folder), *args, "--out", str(out), passphrase=PASSPHRASE
    )
    assert result.returncode == 1, result.stderr
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_a_folder_is_not_a_file_name(demo_folder: Path, tmp_path: Path) -> None:
    result = run_cli(
        "report", "--vault", str(demo_folder), "--from", "2025-06-01", "--to", "2025-06-30",
        "--out", str(tmp_path), passphrase=PASSPHRASE,
    )  # fmt: skip
    assert result.returncode == 1 and "is a folder" in result.stderr


def test_a_missing_option_is_a_usage_error(demo_folder: Path, tmp_path: Path) -> None:
    result = run_cli(
        "report", "--vault", str(demo_folder), "--from", "2025-06-01", passphrase=PASSPHRASE
    )
    assert result.returncode == 2 and "--to" in result.stderr
