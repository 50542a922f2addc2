# SPDX-License-Identifier: GPL-3.0-or-later
"""The counselor report's PDF of the demo vault, read back with pypdf (issue 9, point 1).

Page count and footers, the key figures (recomputed from the vault's tables in
`tests.report_helpers`), a phrase of a shared entry present and phrases of private and normal
entries absent, charts as vectors with no `qt.svg` warning, fonts embedded, A4 and Letter, and a
cancelled report that leaves no file.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler

from recovery_desktop.exchange.progress import Cancelled
from recovery_desktop.exchange.report_content import (
    DEFAULT_SECTIONS,
    TALK_ABOUT_LIMIT,
    Paper,
    ReportOptions,
    Section,
)
from recovery_desktop.exchange.report_pdf import write_report
from recovery_desktop.insights import Period
from recovery_desktop.storage import Vault
from tests.report_helpers import (
    NORMAL_PHRASE,
    PASSPHRASE,
    PRIVATE_PHRASE,
    SHARED_PHRASE,
    TODAY,
    expected_figures,
    make_demo,
    normal_and_private_sentences,
    squeezed,
)

TALK_ABOUT = "My sister's visit, and sleeping before midnight."
EVERYTHING = DEFAULT_SECTIONS | {Section.SAFETY_PLAN}


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("report-pdf") / "demo")


@pytest.fixture
def demo(qapp, demo_folder: Path) -> Iterator[Vault]:
    """The demo vault, open; with the QApplication the pages are drawn with."""
    with Vault.open(demo_folder, PASSPHRASE) as vault:
        yield vault


@pytest.fixture
def qt_messages(qapp) -> Iterator[list[tuple[str, str]]]:
    """Every Qt message while the test runs, as (category, text); qt.svg ones fail it."""
    seen: list[tuple[str, str]] = []

    def handler(kind: QtMsgType, context, message: str) -> None:
        seen.append((context.category or "", message))

    previous = qInstallMessageHandler(handler)
    try:
        yield seen
    finally:
        qInstallMessageHandler(previous)
    assert [m for m in seen if m[0].startswith("qt.svg")] == []


def _pages(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def test_the_demo_report_holds_the_vaults_figures_and_only_shared_words(
    demo: Vault, tmp_path: Path, qt_messages
) -> None:
    period = Period.last_days(30, TODAY)
    options = ReportOptions(period, EVERYTHING, talk_about=TALK_ABOUT, name="J. D.")
    out = tmp_path / "report.pdf"
    summary = write_report(demo, options, out, TODAY)
    pages = _pages(out)
    assert len(pages) == summary.pages >= 9
    for number, text in enumerate(pages, start=1):  # every footer
        flat = squeezed(text)
        assert squeezed(f"Page {number} of {len(pages)}") in flat
        assert squeezed("1 Jun 2025 to 30 Jun 2025") in flat
        assert squeezed("Shared by the client") in flat
    first = squeezed(pages[0])
    assert squeezed("Shared by the client on 30 Jun 2025") in first
    assert squeezed(TALK_ABOUT) in first and squeezed("Client: J. D.") in first

    now = expected_figures(demo, period.first, period.last)
    before = expected_figures(
        demo, period.first - timedelta(days=30), period.first - timedelta(days=1)
    )
    assert now.checked_in and now.connections and now.mood_mean is not None  # a real check
    rows = [
        f"Days checked in {now.checked_in} of 30 days {before.checked_in} of 30 days",
        f"Mood, mean of the days (1–5) {now.mood_mean:.1f} (n = {now.mood_days} days) "
        f"{before.mood_mean:.1f} (n = {before.mood_days} days)",
        f"Days with craving 7 or more, of days noted {now.high_craving_days} of "
        f"{now.craving_days} days noted {before.high_craving_days} of {before.craving_days} "
        "days noted",
        f"Sober days, from the start dates {now.sober_days} of 30 days {before.sober_days} of "
        "30 days",
        f"Sober run on the period's last day {now.run_at_end} days {before.run_at_end} days",
        f"Connections (with how many people, groups) {now.connections} ({now.people} people, "
        f"{now.groups} groups) {before.connections} ({before.people} people, {before.groups} "
        "groups)",
        f"Meetings attended {now.meetings} meetings {before.meetings} meetings",
    ]
    for row in rows:
        assert squeezed(row) in first, row

    everything = squeezed(" ".join(pages))
    assert squeezed(SHARED_PHRASE) in everything
    assert squeezed(PRIVATE_PHRASE) not in everything
    assert squeezed(NORMAL_PHRASE) not in everything
    hidden = normal_and_private_sentences(demo, period.first, period.last)
    assert len(hidden) >= 3
    for sentence in hidden:
        assert squeezed(sentence) not in everything, sentence
    titles = demo.connection.execute(
        "SELECT title FROM entry WHERE visibility = 'shared' AND entry_date >= ? AND title != ''",
        (period.first.isoformat(),),
    ).fetchall()
    assert titles and all(squeezed(t[0]) in everything for t in titles)
    assert squeezed("Warning signs that a hard moment may be coming") in everything
    last = squeezed(pages[-1])  # how to read it comes last, after the safety plan
    assert squeezed("How to read this report") in last
    assert everything.index(squeezed("Reasons to keep going")) < everything.rindex(
        squeezed("How to read this report")
    )


def test_charts_are_vectors_text_is_text_and_fonts_are_embedded(
    demo: Vault, tmp_path: Path, qt_messages
) -> None:
    out = tmp_path / "report.pdf"
    write_report(demo, ReportOptions(Period.last_days(120, TODAY)), out, TODAY)
    reader = pypdf.PdfReader(out)
    fonts = set()
    for page in reader.pages:
        resources = page["/Resources"]
        for xobject in (resources.get("/XObject") or {}).values():
            assert xobject.get_object()["/Subtype"] != "/Image"  # no picture anywhere
        # QtSvg paints an SVG hatch pattern as a bitmap tile: there is none.
        assert len(resources.get("/Pattern") or {}) == 0
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor  # embedded
            fonts.add(str(font["/BaseFont"]))
    assert any("DejaVuSans" in f for f in fonts)
    text = squeezed(" ".join(p.extract_text() for p in reader.pages))
    # The charts' words are text (selectable), and a long period reads week by week.
    assert squeezed("Cravings, and the days you went to a meeting") in text
    assert squeezed("Week by week") in text and squeezed("Day by day") not in text


def test_at_a_glance_stays_one_page_with_the_longest_agenda(demo: Vault, tmp_path: Path) -> None:
    agenda = ("How the weekend with my sister went, and sleeping before midnight. " * 40)[
        :TALK_ABOUT_LIMIT
    ]
    out = tmp_path / "r.pdf"
    options = ReportOptions(
        Period.last_days(120, TODAY), talk_about=agenda, name="Jordan D.", paper=Paper.LETTER
    )
    write_report(demo, options, out, TODAY)
    pages = _pages(out)
    assert squeezed("How to read this report: last page") in squeezed(pages[0])
    assert squeezed(pages[1]).startswith(squeezed("Week by week"))


@pytest.mark.parametrize(("paper", "size"), [(Paper.A4, (595, 842)), (Paper.LETTER, (612, 792))])
def test_a4_and_letter(demo: Vault, tmp_path: Path, paper: Paper, size: tuple[int, int]) -> None:
    out = tmp_path / "report.pdf"
    write_report(demo, ReportOptions(Period.last_days(30, TODAY), paper=paper), out, TODAY)
    box = pypdf.PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_left_out_parts_are_left_out(demo: Vault, tmp_path: Path) -> None:
    out = tmp_path / "short.pdf"
    summary = write_report(
        demo, ReportOptions(Period.last_days(30, TODAY), frozenset()), out, TODAY
    )
    pages = _pages(out)
    assert summary.pages == len(pages) == 2  # at a glance, and how to read it
    assert squeezed(SHARED_PHRASE) not in squeezed(" ".join(pages))
    days_only = write_report(
        demo, ReportOptions(Period.last_days(30, TODAY), frozenset({Section.DAYS})), out, TODAY
    )
    assert days_only.pages == 3


@pytest.mark.parametrize("stop_at_check", [1, 2, 4, 7, 10])
def test_a_cancelled_report_leaves_no_file(demo: Vault, tmp_path: Path, stop_at_check: int) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    checks = 0

    def cancelled() -> bool:
        nonlocal checks
        checks += 1
        return checks >= stop_at_check

    with pytest.raises(Cancelled):
        write_report(
            demo,
            ReportOptions(Period.last_days(30, TODAY)),
            folder / "r.pdf",
            TODAY,
            cancelled=cancelled,
        )
    assert list(folder.iterdir()) == []


def test_cancelled_at_the_very_last_check_still_leaves_no_file(demo: Vault, tmp_path: Path) -> None:
    """The last check comes after the bytes are written to the temp file, before it is renamed
    into place: a Cancel that arrives then still leaves nothing behind."""
    options = ReportOptions(Period.last_days(30, TODAY))
    calls: list[int] = []
    write_report(
        demo, options, tmp_path / "counted.pdf", TODAY, cancelled=lambda: bool(calls.append(1))
    )
    folder = tmp_path / "out"
    folder.mkdir()
    checks = 0

    def cancelled() -> bool:
        nonlocal checks
        checks += 1
        return checks == len(calls)

    with pytest.raises(Cancelled):
        write_report(demo, options, folder / "r.pdf", TODAY, cancelled=cancelled)
    assert list(folder.iterdir()) == []


def test_cancelling_never_touches_an_earlier_report(demo: Vault, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "r.pdf"
    out.write_bytes(b"an earlier report")
    with pytest.raises(Cancelled):
        write_report(
            demo, ReportOptions(Period.last_days(30, TODAY)), out, TODAY, cancelled=lambda: True
        )
    assert out.read_bytes() == b"an earlier report" and list(folder.iterdir()) == [out]


def test_the_file_is_private(demo: Vault, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    write_report(demo, ReportOptions(Period.last_days(7, TODAY)), out, TODAY)
    assert out.stat().st_mode & 0o777 == 0o600
