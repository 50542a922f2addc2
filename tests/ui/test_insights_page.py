# SPDX-License-Identifier: GPL-3.0-or-later
"""The Insights page on the small demo vault: findings with their counts, charts drawn off the
GUI thread, a period change, a chart's table against insights' own, saving as PNG and SVG,
the cache and the data-changed mark, the theme, and Tab in reading order.

These tests draw real charts with matplotlib, so there are few of them, each doing a lot.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, QSettings, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from recovery_desktop.core.models import Entry
from recovery_desktop.demo.generator import generate_demo_vault
from recovery_desktop.insights import Period, compute
from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.ui.insights.page import InsightsPage
from recovery_desktop.ui.insights.save_dialog import ask_save_path
from recovery_desktop.ui.theme import apply_theme
from tests.conftest import PASSPHRASE

TODAY = date(2025, 6, 30)
WAIT_MS = 60_000  # drawing seven charts on a busy two-core machine


@pytest.fixture
def demo_vault(tmp_path: Path, cheap_cost: KdfCost) -> Iterator[Vault]:
    folder = tmp_path / "demo"
    generate_demo_vault(folder, PASSPHRASE, scale="small", cost=cheap_cost, today=TODAY)
    vault = Vault.open(folder, PASSPHRASE)
    yield vault
    QThreadPool.globalInstance().waitForDone(30_000)  # no worker outlives the vault
    vault.close()


@pytest.fixture
def page(qtbot: QtBot, themed_app: QApplication, demo_vault: Vault) -> Iterator[InsightsPage]:
    apply_theme(themed_app, "light")
    page = InsightsPage(demo_vault, clock=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    with qtbot.waitSignal(page.charts_drawn, timeout=WAIT_MS):
        page.show()
    yield page
    apply_theme(themed_app, "system")


def settle() -> None:
    """Let the layouts finish (a change relays out over a few rounds of events)."""
    for _ in range(10):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def table_cells(card) -> list[tuple[str, ...]]:
    model = card.model
    return [
        tuple(model.data(model.index(r, c)) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def test_findings_charts_tables_and_saving(
    page: InsightsPage, demo_vault: Vault, qtbot: QtBot, tmp_path: Path, monkeypatch
):
    assert "matplotlib.pyplot" not in __import__("sys").modules
    charts = page.charts
    assert charts is not None and list(page.cards) == [c.key for c in charts.CHARTS]
    expected = compute(demo_vault, Period.last_days(30, TODAY), TODAY)

    # Findings at the top, each sentence with its counts, as insights says them.
    findings = expected.findings(page.words)
    assert findings, "the demo's month has something to say"
    shown = min(len(findings), 5)
    assert [s.text() for s in page.findings.sentences] == [f.text for f in findings[:shown]]
    for finding, counts in zip(findings, page.findings.counts, strict=False):
        assert counts.isVisible() and finding.counts in counts.text()

    # Every chart was drawn on a worker: the canvases show those pictures, and each canvas
    # carries its one-sentence summary, also shown under it.
    for chart in charts.CHARTS:
        card = page.cards[chart.key]
        assert card.canvas is not None and card.canvas.draws == 0
        assert card.canvas.picture_fits()
        summary = chart.summary(expected, page.words)
        assert card.canvas.accessibleDescription() == summary == card.summary.text()
        assert card.canvas.accessibleName() == chart.title(expected)

    # "Show as table": the numbers behind the mood chart, cell for cell as insights has them.
    mood = page.cards["mood"]
    assert not mood.table_view.isVisible()
    qtbot.mouseClick(mood.table_toggle, Qt.MouseButton.LeftButton)
    assert mood.table_view.isVisible() and mood.table_toggle.text() == "Hide table"
    table = charts.CHARTS_BY_KEY["mood"].table(expected, page.words)
    assert table_cells(mood) == list(table.rows) and len(table.rows) == 30
    day, value = table.columns.index("Day"), table.columns.index("Mood (1-5)")
    last = mood.model.index(29, value)
    assert mood.model.data(mood.model.index(29, day)) == page.words.day(TODAY)
    assert mood.model.data(last) == table.rows[29][value] != ""

    # Another period: the charts, findings and tables follow; nothing is drawn on the GUI.
    with qtbot.waitSignal(page.charts_drawn, timeout=WAIT_MS):
        qtbot.mouseClick(page.picker.buttons[1], Qt.MouseButton.LeftButton)
    ninety = compute(demo_vault, Period.last_days(90, TODAY), TODAY)
    assert page.current is not None and page.current.period == ninety.period
    assert table_cells(mood) == list(charts.CHARTS_BY_KEY["mood"].table(ninety, page.words).rows)
    assert mood.canvas.accessibleDescription() == charts.CHARTS_BY_KEY["mood"].summary(
        ninety, page.words
    )
    assert [s.text() for s in page.findings.sentences][0] == ninety.findings(page.words)[0].text
    assert all(card.canvas.draws == 0 for card in page.cards.values())

    # Save as PNG, then as SVG (a name without a suffix takes the chosen type's).
    asked: list[tuple] = []

    def save_as(path: Path, kind: str):
        def fake(*args, **kwargs):
            asked.append(args)
            return str(path), kind

        monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)

    card = page.cards["connections"]
    save_as(tmp_path / "out" / "connections.png", "PNG picture (*.png)")
    (tmp_path / "out").mkdir()
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card.save_status.text().startswith("Saved"), timeout=WAIT_MS)
    png = tmp_path / "out" / "connections.png"
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    suggested = Path(asked[0][2])
    assert suggested.name == f"connections-{ninety.period.first}-to-{TODAY}.png"
    assert asked[0][5] == QFileDialog.Option.DontUseNativeDialog

    save_as(tmp_path / "out" / "connections", "SVG drawing (*.svg)")
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    svg = tmp_path / "out" / "connections.svg"
    qtbot.waitUntil(lambda: str(svg) in card.save_status.text(), timeout=WAIT_MS)
    assert b"<svg" in svg.read_bytes()[:2000]
    assert Path(asked[1][2]).parent == tmp_path / "out"  # the folder, in memory only

    # A place that cannot be written is said plainly, and nothing else changes.
    not_a_folder = tmp_path / "out" / "connections.png" / "again.png"
    save_as(not_a_folder, "PNG picture (*.png)")
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "wasn't saved" in card.save_status.text(), timeout=WAIT_MS)
    assert card.save_status.property("role") == "error"
    assert png.read_bytes().startswith(b"\x89PNG")


def test_periods_are_cached_until_the_vault_changes_and_stale_results_are_dropped(
    page: InsightsPage, demo_vault: Vault, qtbot: QtBot, themed_app: QApplication
):
    month = page.current
    assert month is not None and month.period == Period.last_days(30, TODAY)

    # A year is asked for and left for the cached month before it arrives: the year's
    # result, arriving later, is dropped, and the month stays on screen with its charts.
    page.picker.choose(2)
    with qtbot.waitSignal(page.charts_drawn, timeout=WAIT_MS):
        page.picker.choose(0)
    assert page.current is month
    QThreadPool.globalInstance().waitForDone(30_000)
    QApplication.processEvents()
    assert page.current is month and page.cards["mood"].model.rowCount() == 30
    assert page.picker.group.choice() == 0

    with qtbot.waitSignal(page.charts_drawn, timeout=WAIT_MS):
        page.picker.choose(1)
    assert page.current.period == Period.last_days(90, TODAY)
    assert page.cards["mood"].model.rowCount() == 90

    # Back to 30 days: the cached result, not a new read.
    with qtbot.waitSignal(page.charts_drawn, timeout=WAIT_MS):
        page.picker.choose(0)
    assert page.current is month

    # Shown again with nothing changed: nothing is read or drawn again.
    page.refresh()
    assert page.current is month and page.status.isHidden()

    # A new check-in today: the mark moves, the period is read again and says so.
    before = month.insights.habits.checked_in
    checkin = demo_vault.entries.checkin_for(TODAY)
    if checkin is not None:
        demo_vault.entries.delete(checkin.id)
        expected = before - 1
    else:
        demo_vault.entries.save(Entry(TODAY, mood=4, is_checkin=True))
        expected = before + 1
    with qtbot.waitSignal(page.charts_drawn, timeout=WAIT_MS):
        page.refresh()
    assert page.current is not month
    assert page.current.insights.habits.checked_in == expected

    # The app turns dark: the charts are drawn again in the dark theme, from the cache.
    shown = page.current
    with qtbot.waitSignal(page.charts_drawn, timeout=WAIT_MS):
        apply_theme(themed_app, "dark")
    assert page.current is shown
    # Custom dates: the fields start at the period shown; a new first day, once typing
    # pauses, becomes the period.
    with qtbot.waitSignal(page.charts_drawn, timeout=WAIT_MS):  # the same days, cached
        qtbot.mouseClick(page.picker.buttons[4], Qt.MouseButton.LeftButton)
    assert page.current is shown
    assert page.picker.first_edit.isVisible() and page.picker.last_edit.date().day() == 30
    with qtbot.waitSignal(page.charts_drawn, timeout=WAIT_MS):
        page.picker.first_edit.setDate(QDate(2025, 6, 21))
    assert page.current.period == Period(date(2025, 6, 21), TODAY)
    assert page.cards["mood"].model.rowCount() == 10
    assert page.period_label.text() == (
        f"{page.words.day(date(2025, 6, 21))} to {page.words.day(TODAY)}, 10 days"
    )

    dark = page.charts.DARK.background
    for card in page.cards.values():
        assert card.canvas.figure.get_facecolor()[:3] == pytest.approx(
            tuple(int(dark[i : i + 2], 16) / 255 for i in (1, 3, 5))
        )


def test_tab_walks_the_page_in_reading_order(page: InsightsPage, qtbot: QtBot):
    with qtbot.waitSignal(page.charts_drawn, timeout=WAIT_MS):
        qtbot.mouseClick(page.picker.buttons[4], Qt.MouseButton.LeftButton)  # Custom
    qtbot.mouseClick(page.cards["mood"].table_toggle, Qt.MouseButton.LeftButton)
    keys = list(page.cards)
    expected = ["insights_period_custom", "insights_first_day", "insights_last_day"]
    for key in keys:
        expected += [
            f"insights_{key}_chart",
            f"insights_{key}_table_toggle",
            f"insights_{key}_save",
        ]
        if key == "mood":
            expected.append("insights_mood_table")

    start = page.picker.buttons[4]
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    visited: list[QWidget] = [start]
    for _ in range(200):
        before = QApplication.focusWidget()
        qtbot.keyClick(before, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None and now is not before, f"Tab stayed on {before.objectName()}"
        if now is start:
            break
        if now is not visited[-1]:  # a date field's sections are one stop for this walk
            visited.append(now)
    names = [w.objectName() for w in visited]
    assert names == expected
    for widget in visited:
        assert widget.accessibleName(), widget.objectName()

    # And back with Shift+Tab, in the reverse order.
    back: list[str] = []
    for _ in range(200):
        current = QApplication.focusWidget()
        qtbot.keyClick(current, Qt.Key.Key_Backtab)
        now = QApplication.focusWidget()
        if now is start:
            break
        if not back or back[-1] != now.objectName():
            back.append(now.objectName())
    assert back == list(reversed(expected[1:]))


def test_the_save_dialog_leaves_no_trace(qtbot: QtBot, themed_app: QApplication, tmp_path: Path):
    """Qt's own file dialog writes its history and last folder to QtProject's settings when it
    closes; they are put back as they were, so no folder name stays behind."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.setValue("FileDialog/history", ["file:///somewhere/else"])
    settings.sync()
    before = {key: settings.value(key) for key in settings.allKeys()}
    parent = QWidget()
    qtbot.addWidget(parent)
    target = tmp_path / "secret-folder-name" / "mood"
    target.parent.mkdir()

    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, accept)
            return
        dialog.selectFile(str(target))
        dialog.accept()

    QTimer.singleShot(0, accept)
    chosen = ask_save_path(parent, "Save", tmp_path / "secret-folder-name" / "mood.png")
    assert chosen == target.with_suffix(".png")
    after = QSettings(QSettings.Scope.UserScope, "QtProject")
    assert {key: after.value(key) for key in after.allKeys()} == before
    path = Path(after.fileName())
    assert "secret-folder-name" not in (path.read_text() if path.exists() else "")


def test_nothing_moves_when_the_charts_arrive_or_a_table_opens(
    qtbot: QtBot, themed_app: QApplication, demo_vault: Vault
):
    """Seen on a real screen: the title and period buttons moved sideways when the charts
    came (a scroll bar appeared), "Save as picture…" moved when "Show as table" became "Hide
    table", and a table opened on a new period kept the old one's scroll position."""
    apply_theme(themed_app, "light")
    page = InsightsPage(demo_vault, clock=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    with qtbot.waitSignal(page.charts_drawn, timeout=WAIT_MS):
        page.show()
        for _ in range(10):  # laid out, but no timer run yet: the charts have not started
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        assert not page.cards and page.loading.isVisible()
        picker_at = page.picker.mapTo(page, page.picker.rect().topLeft())
    settle()
    assert page.column.height() > page.scroll.viewport().height()  # the page scrolls now
    assert page.picker.mapTo(page, page.picker.rect().topLeft()) == picker_at

    card = page.cards["cravings"]
    settle()
    save_at = card.save_button.pos()
    qtbot.mouseClick(card.table_toggle, Qt.MouseButton.LeftButton)
    assert card.table_toggle.text() == "Hide table"
    settle()
    assert card.save_button.pos() == save_at

    bar = card.table_view.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    with qtbot.waitSignal(page.charts_drawn, timeout=WAIT_MS):
        page.picker.choose(1)
    assert card.model.rowCount() == 90 and bar.value() == 0
    apply_theme(themed_app, "system")
