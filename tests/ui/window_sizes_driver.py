# SPDX-License-Identifier: GPL-3.0-or-later
"""Today and the Journal at the smallest and largest window sizes: no word is cut.

Run by `test_window_sizes.py` in a process of its own, whose offscreen screen is 2560x1440
(the default is 800x800, too small for these sizes); not collected with the rest of the suite
(its name does not start with `test_`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QEvent, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from recovery_desktop.core.models import Commitment, Contact, Entry, EntryFilter, Goal, Role
from recovery_desktop.demo.generator import generate_demo_vault
from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.ui.app_settings import AppSettings
from recovery_desktop.ui.main_window import MainWindow
from recovery_desktop.ui.theme import apply_theme
from tests.ui.text_fit import checked_count, cut_texts

SIZES = [(960, 600), (1280, 800), (2560, 1440)]
TODAY_SIZES = [*SIZES, (1180, 720)]  # Today's narrowest two columns
PASSPHRASE = "a demo passphrase for sizes"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    """The demo vault, with the longest words a person might give it on top."""
    folder = tmp_path_factory.mktemp("sizes") / "vault"
    generate_demo_vault(folder, PASSPHRASE, cost=KdfCost.cheap())
    vault = Vault.open(folder, PASSPHRASE)
    today = date.today()
    long_name = vault.contacts.save(
        Contact("Bartholomew Featherstonehaugh-Smythe", Role.FACILITATOR, reach_out_every_days=1)
    )
    goal = vault.goals.save(Goal("Be someone my family can count on again, one promise at a time"))
    vault.goals.save_commitment(
        Commitment(
            goal.id,
            "Cook dinner for Maya on Wednesday and stay for the dishes afterwards",
            due_date=today,
        )
    )
    vault.entries.save(
        Entry(
            today - timedelta(days=1),
            title="An unusually long title for an entry, written after a long and tiring day",
            body="Words. " * 200,
            mood=3,
            craving=7,
            tags=("family", "sleep", "a tag with several words"),
        )
    )
    assert long_name.id is not None
    yield vault
    vault.close()


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    apply_theme(qapp, request.param)
    yield request.param
    apply_theme(qapp, "light")


def _window(qtbot, vault: Vault, size: tuple[int, int]) -> MainWindow:
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert screen.width() >= 2560, "run through test_window_sizes.py (a 2560x1440 screen)"
    window = MainWindow(vault, app_settings=AppSettings())
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    _settle()
    assert (window.width(), window.height()) == size  # the window goes down to 960x600
    return window


def _settle() -> None:
    """Let the layouts finish (a page shown or changed relays out over a few rounds)."""
    for _ in range(30):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def _assert_fits(window: MainWindow, what: str) -> None:
    _settle()
    assert checked_count(window) >= 15, what
    problems = cut_texts(window)
    assert not problems, f"{what}: " + "; ".join(problems)


@pytest.mark.parametrize("size", TODAY_SIZES)
def test_today_cuts_no_word(qtbot, demo: Vault, theme: str, size: tuple[int, int]) -> None:
    window = _window(qtbot, demo, size)
    today = window.show_page("today")
    _assert_fits(window, f"Today at {size}")
    # Answers and follow-ups that open in place fit too.
    qtbot.mouseClick(today.checkin.sober_buttons[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(today.checkin.craving.buttons[8], Qt.MouseButton.LeftButton)
    menu = today.reach_out.menu  # "I connected with…"
    next(a for a in menu.actions() if a.objectName().startswith("connect_contact_")).trigger()
    assert today.reach_out.follow_up.isVisible()
    _assert_fits(window, f"Today at {size}, follow-ups open")


@pytest.mark.parametrize("size", SIZES)
def test_journal_cuts_no_word(qtbot, demo: Vault, theme: str, size: tuple[int, int]) -> None:
    window = _window(qtbot, demo, size)
    journal = window.show_page("journal")
    assert journal.splitter.orientation() == Qt.Orientation.Horizontal  # side by side
    rows = demo.entries.page(EntryFilter(), 0, 40)
    written = next(r for r in rows if not r.is_checkin and len(r.title) > 40)
    checkin = next(r for r in rows if r.is_checkin)
    journal.open_entry(written.id)
    _assert_fits(window, f"a written entry at {size}")
    journal.open_entry(checkin.id)
    _assert_fits(window, f"a check-in at {size}")
    journal.new_entry()
    _assert_fits(window, f"a new entry at {size}")
    journal.group_by_day.setChecked(True)
    journal.search_bar.kind_buttons[2].click()
    qtbot.keyClicks(journal.search_bar.search, "zzzz no such words")
    journal.search_bar.search.returnPressed.emit()
    assert journal.model.total() == 0
    _assert_fits(window, f"an empty search at {size}")
    if size[0] >= 2560:
        # Reading and writing keep a comfortable line length on a wide screen.
        chars = journal.editor.body.width() / journal.editor.body.fontMetrics().averageCharWidth()
        assert chars <= 90, chars
        assert journal.list_panel.width() < size[0] / 3


def test_a_large_system_font_stacks_the_journal_and_cuts_no_word(
    qtbot, demo: Vault, qapp: QApplication
) -> None:
    apply_theme(qapp, "light")
    font = qapp.font()
    large = qapp.font()
    large.setPointSizeF(font.pointSizeF() * 1.4)
    qapp.setFont(large)
    try:
        window = _window(qtbot, demo, (960, 600))
        journal = window.show_page("journal")
        assert journal.splitter.orientation() == Qt.Orientation.Vertical  # list above editor
        rows = demo.entries.page(EntryFilter(), 0, 40)
        journal.open_entry(next(r for r in rows if not r.is_checkin).id)
        _assert_fits(window, "the Journal with a large font")
        journal.open_entry(next(r for r in rows if r.is_checkin).id)
        _assert_fits(window, "a check-in with a large font")
        window.show_page("today")
        _assert_fits(window, "Today with a large font")
    finally:
        qapp.setFont(font)


def _saved_geometry(qtbot, x: int, y: int, width: int, height: int) -> QByteArray:
    """What a window of this size, at this place, saves (as an older version might have)."""
    window = QWidget()
    qtbot.addWidget(window)
    window.setGeometry(x, y, width, height)
    return window.saveGeometry()


def test_a_saved_geometry_is_restored_only_when_it_fits(
    qtbot, vault: Vault, tmp_path: Path
) -> None:
    settings = AppSettings()
    fits = QRect(40, 60, 1400, 900)
    settings.set_geometry("main", _saved_geometry(qtbot, *fits.getRect()))
    window = MainWindow(vault, app_settings=settings)
    qtbot.addWidget(window)
    assert window.geometry() == fits

    first_run = MainWindow(vault, app_settings=AppSettings(tmp_path / "nothing-saved.conf"))
    qtbot.addWidget(first_run)
    for x, y, width, height in (
        (40, 60, 700, 500),  # smaller than the minimum the pages need
        (0, 0, 4000, 2400),  # larger than the screen
    ):
        settings.set_geometry("main", _saved_geometry(qtbot, x, y, width, height))
        window = MainWindow(vault, app_settings=settings)
        qtbot.addWidget(window)
        assert window.size() == first_run.size(), (width, height)
        assert window.minimumSize() == QSize(960, 600)


@pytest.mark.parametrize("size", [(960, 600), (1920, 1080)])
def test_insights_charts_are_never_narrower_than_they_are_laid_out_for(
    qtbot, demo: Vault, qapp: QApplication, size: tuple[int, int]
) -> None:
    """Legends and tick labels are fitted to `NARROWEST` inches; the page must not show a
    chart narrower than that, even in the smallest window (the insights' own layout tests
    check the words at that width)."""
    from recovery_desktop.charts.base import DPI, NARROWEST

    apply_theme(qapp, "light")
    window = _window(qtbot, demo, size)
    page = window.show_page("insights")
    with qtbot.waitSignal(page.charts_drawn, timeout=120_000):
        pass
    _settle()
    for card in page.cards.values():
        assert card.canvas is not None and card.canvas.width() >= NARROWEST * DPI, card.key
