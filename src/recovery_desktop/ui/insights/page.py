# SPDX-License-Identifier: GPL-3.0-or-later
"""The Insights page: a period picker, a few findings in plain words, and the charts.

Nothing slow runs on the GUI thread (see `jobs` for the threading contract):
1. When the page is first shown, matplotlib is imported on a worker (`jobs.load_charts`)
   while a placeholder says the charts are on their way; at the same time another worker
   reads the period on its own connection (`jobs.read_period`). The findings show as soon as
   the period is read.
2. The charts are drawn one after another on a worker, each into a picture at the size it
   will have (`jobs.draw_chart`), and appear top to bottom as they are ready.
3. Every request has a number; a result that arrives after a newer request is dropped, so
   changing the period quickly never shows an old period's charts nor blocks the window.
4. Periods read are cached, keyed by their days and today, until the vault's change mark
   (`vault.aggregates.change_mark()`, a cheap pragma) moves: `refresh()`, when the page is
   shown again, re-reads only then, or on a new day.
5. A change of the app's light or dark palette redraws the charts from the cached period.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.insights import Period
from recovery_desktop.ui.insights.chart_card import ChartCard
from recovery_desktop.ui.insights.dates import locale_words
from recovery_desktop.ui.insights.findings import FindingsPanel
from recovery_desktop.ui.insights.jobs import (
    PeriodInsights,
    draw_chart,
    load_charts,
    read_period,
    save_chart,
)
from recovery_desktop.ui.insights.period_choice import PeriodChoice
from recovery_desktop.ui.insights.period_picker import PeriodPicker, default_custom
from recovery_desktop.ui.insights.save_dialog import ask_save_path, default_folder
from recovery_desktop.ui.page import Page, chain_tab_order
from recovery_desktop.ui.theme import SPACING, make_heading
from recovery_desktop.ui.workers import TaskHandle, run_in_background

if TYPE_CHECKING:
    from recovery_desktop.charts import ChartTheme
    from recovery_desktop.storage import Vault
    from recovery_desktop.ui.insights.jobs import DrawnChart

log = logging.getLogger(__name__)

MAX_COLUMN = 1100  # a chart column never grows wider than this (logical pixels)
MIN_TWO_COLUMNS = 720  # side by side only when each column is at least this wide
CACHED_PERIODS = 8


class InsightsPage(Page):
    """Charts of mood, cravings and connection over a chosen period (DESIGN §6).

    `clock` gives today's local date (tests pass a fixed one). Signals for whoever waits:
    `period_shown` once a period's findings are on screen, `charts_drawn` once every chart of
    the latest request is.
    """

    period_shown = Signal()
    charts_drawn = Signal()

    def __init__(
        self,
        vault: Vault,
        parent: QWidget | None = None,
        clock: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("insights_page")
        self.setAccessibleName(self.tr("Insights"))
        self._vault = vault
        self._clock = clock
        self._today = clock()
        self.words = locale_words()
        self.charts: ModuleType | None = None
        self.current: PeriodInsights | None = None
        self.cards: dict[str, ChartCard] = {}
        self._cache: OrderedDict[tuple[Period, date], PeriodInsights] = OrderedDict()
        self._mark: tuple[int, int] | None = None
        self._started = False
        self._request = 0  # the latest period asked for
        self._drawing = 0  # the latest round of drawing
        self._drawn_theme = ""
        self._drawn_for: tuple[PeriodInsights, str] | None = None  # every chart shows these
        self._period_task: TaskHandle | None = None
        self._draw_task: TaskHandle | None = None
        self._columns = 0
        self._last_folder: Path | None = None  # in memory only: gone when the vault locks
        self._build()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("insights_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there: the page is centred, and a bar appearing with the charts moved the
        # title and the period buttons sideways under the pointer.
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(self.scroll)
        content = QWidget()
        content.setObjectName("insights_content")
        self.scroll.setWidget(content)
        centre = QHBoxLayout(content)
        margin = SPACING * 2
        centre.setContentsMargins(margin, margin, margin, margin)
        self.column = QWidget(content)
        self.column.setObjectName("insights_column")
        centre.addStretch(1)
        centre.addWidget(self.column)
        centre.addStretch(1)
        page = QVBoxLayout(self.column)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(SPACING)

        title = QLabel(self.tr("Insights"), self.column)
        title.setObjectName("insights_title")
        make_heading(title, 1.6)
        page.addWidget(title)
        self.picker = PeriodPicker(self._today, self.column)
        self.picker.set_custom_dates(*default_custom(self._today))
        self.picker.changed.connect(self._request_period)
        page.addWidget(self.picker)
        about = QHBoxLayout()  # what is shown, and what is being done: one line, no jumps
        about.setSpacing(SPACING * 2)
        self.period_label = self._muted("insights_period_label")
        self.status = self._muted("insights_status")
        self.period_label.setWordWrap(False)
        about.addWidget(self.period_label)
        about.addWidget(self.status, 1)
        page.addLayout(about)

        self.findings = FindingsPanel(self.column)
        self.findings.hide()  # until the first period is read
        page.addWidget(self.findings)

        self.loading = QWidget(self.column)
        self.loading.setObjectName("insights_loading")
        loading = QVBoxLayout(self.loading)
        loading.setContentsMargins(0, SPACING, 0, SPACING)
        self.loading_text = QLabel(self.tr("Getting your charts ready…"), self.loading)
        self.loading_text.setObjectName("insights_loading_text")
        self.loading_text.setWordWrap(True)
        self.loading_text.setProperty("role", "muted")
        busy = QProgressBar(self.loading)
        busy.setObjectName("insights_loading_bar")
        busy.setRange(0, 0)
        busy.setTextVisible(False)
        busy.setAccessibleName(self.tr("Getting your charts ready"))
        busy.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.loading_bar = busy
        loading.addWidget(self.loading_text)
        loading.addWidget(busy)
        page.addWidget(self.loading)

        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(SPACING + 4)
        self.grid.setVerticalSpacing(SPACING + 4)
        page.addLayout(self.grid)
        page.addStretch(1)

    def _muted(self, name: str) -> QLabel:
        label = QLabel("", self.column)
        label.setObjectName(name)
        label.setProperty("role", "muted")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.hide()
        return label

    # --- the page contract (ui/page.py) ------------------------------------------------------

    def refresh(self) -> None:
        """Shown again: read the period again only if the vault changed or a day passed."""
        if not self._started or not self._vault.is_open:
            return
        today = self._clock()
        new_day = today != self._today
        if new_day:
            self._today = today
            self.picker.set_today(today)
        if self._check_mark() or new_day:
            self._request_period(self.picker.choice)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._started:
            self._started = True
            self._arrange()
            QTimer.singleShot(0, self, self._start)

    def _start(self) -> None:
        run_in_background(self, load_charts, self._charts_loaded, self._charts_failed)
        self._request_period(self.picker.choice)

    # --- reading a period --------------------------------------------------------------------

    def _check_mark(self) -> bool:
        """Forget the cached periods if the vault changed since they were read."""
        mark = self._vault.aggregates.change_mark()
        if mark == self._mark:
            return False
        self._mark = mark
        self._cache.clear()
        return True

    def _request_period(self, choice: PeriodChoice) -> None:
        if not self._started or not self._vault.is_open:
            return
        self._request += 1
        request = self._request
        if self._period_task is not None:
            self._period_task.cancel()
            self._period_task = None
        self._check_mark()
        today = self._today
        period = choice.resolve(today, self._vault.aggregates.first_day)  # an indexed min()
        key = (period, today)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            self._show_period(cached, choice)
            return
        self._say(self.tr("Reading this period…"))
        vault, words, mark = self._vault, self.words, self._mark
        self._period_task = run_in_background(
            self,
            lambda: read_period(vault, period, today, words),
            lambda result: self._period_read(request, key, mark, result, choice),
            lambda error: self._period_failed(request, error),
        )

    def _period_read(
        self,
        request: int,
        key: tuple[Period, date],
        mark: tuple[int, int] | None,
        result: PeriodInsights,
        choice: PeriodChoice,
    ) -> None:
        if mark == self._mark:  # still what the vault holds: worth keeping
            self._cache[key] = result
            while len(self._cache) > CACHED_PERIODS:
                self._cache.popitem(last=False)
        if request == self._request:
            self._period_task = None
            self._show_period(result, choice)

    def _period_failed(self, request: int, error: BaseException) -> None:
        if request != self._request:
            return
        log.warning("Reading insights failed: %s", type(error).__name__)
        self._say(
            self.tr(
                "This period couldn't be read just now. Your journal is safe; choosing the "
                "period again tries once more."
            )
        )

    def _show_period(self, result: PeriodInsights, choice: PeriodChoice) -> None:
        already_drawn = result is self.current and self._drawn_for == (
            result,
            self._drawn_theme,
        )
        self.current = result
        period = result.period
        if not choice.is_custom:
            self.picker.set_custom_dates(period.first, period.last)
        self.period_label.setText(
            self.tr("%1 to %2, %3 days")
            .replace("%1", self.words.day(period.first))
            .replace("%2", self.words.day(period.last))
            .replace("%3", str(period.days))
            if period.days > 1
            else self.words.day(period.first)
        )
        self.period_label.show()
        self.findings.show_findings(result.findings)
        self.findings.show()
        self.period_shown.emit()
        if self.charts is None:
            self._say("")
        elif already_drawn and self.chart_theme().name == self._drawn_theme:
            self._say("")  # the same days again ("Custom" on the days shown): nothing to draw
            self.charts_drawn.emit()
        else:
            self._draw_charts()

    # --- the charts --------------------------------------------------------------------------

    def _charts_loaded(self, charts: ModuleType) -> None:
        self.charts = charts
        self.loading.hide()
        for chart in charts.CHARTS:
            card = ChartCard(chart.key, self.column)
            card.save_requested.connect(self._save_chart)
            self.cards[chart.key] = card
        self._columns = 0
        self._arrange()
        self._fix_tab_order()
        if self.current is not None:
            self._draw_charts()

    def _charts_failed(self, error: BaseException) -> None:
        log.warning("Loading the charts failed: %s", type(error).__name__)
        self.loading_bar.hide()
        self.loading_text.setText(
            self.tr(
                "The charts couldn't be drawn on this computer just now. Your journal is safe, "
                "and the findings above still hold."
            )
        )

    def chart_theme(self) -> ChartTheme:
        """The charts' colours for the app's present palette (light or dark)."""
        assert self.charts is not None
        window = self.palette().color(QPalette.ColorRole.Window)
        return self.charts.DARK if window.lightness() < 128 else self.charts.LIGHT

    def _draw_charts(self) -> None:
        """Draw every chart of the current period, one after another, on a worker."""
        assert self.charts is not None and self.current is not None
        self._drawing += 1
        if self._draw_task is not None:
            self._draw_task.cancel()
            self._draw_task = None
        theme = self.chart_theme()
        self._drawn_theme = theme.name
        self._drawn_for = None
        self._draw_next(self._drawing, self.current, theme, 0)

    def _draw_next(
        self, drawing: int, shown: PeriodInsights, theme: ChartTheme, index: int
    ) -> None:
        assert self.charts is not None
        charts = self.charts.CHARTS
        if index >= len(charts):
            self._draw_task = None
            self._drawn_for = (shown, theme.name)
            self._say("")
            self.charts_drawn.emit()
            return
        self._say(
            self.tr("Drawing the charts… %1 of %2")
            .replace("%1", str(index + 1))
            .replace("%2", str(len(charts)))
        )
        chart, insights, words = charts[index], shown.insights, self.words
        width, ratio = self.chart_width(), self.devicePixelRatioF() or 1.0

        def drawn(result: DrawnChart) -> None:
            if drawing != self._drawing:
                return  # a newer period or theme is on its way
            self.cards[chart.key].show_drawn(result)
            self._fix_tab_order()
            self._draw_next(drawing, shown, theme, index + 1)

        def failed(error: BaseException) -> None:
            if drawing != self._drawing:
                return
            log.warning("Drawing the %s chart failed: %s", chart.key, type(error).__name__)
            self.cards[chart.key].show_failed()
            self._draw_next(drawing, shown, theme, index + 1)

        self._draw_task = run_in_background(
            self,
            lambda: draw_chart(chart, insights, theme, words, width, ratio),
            drawn,
            failed,
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            QTimer.singleShot(0, self, self._follow_theme)

    def _follow_theme(self) -> None:
        if self.charts is None or self.current is None:
            return
        if self.chart_theme().name != self._drawn_theme:
            self._draw_charts()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    # --- saving a chart ----------------------------------------------------------------------

    def _save_chart(self, key: str) -> None:
        if self.charts is None or self.current is None:
            return
        chart = self.charts.CHARTS_BY_KEY[key]
        card = self.cards[key]
        shown = self.current
        period = shown.period
        name = f"{key}-{period.first.isoformat()}-to-{period.last.isoformat()}.png"
        folder = self._last_folder or default_folder()
        path = ask_save_path(self, self.tr("Save “%1”").replace("%1", card.title), folder / name)
        if path is None:
            return
        self._last_folder = path.parent
        card.show_save_status(self.tr("Saving…"))
        theme, words = self.chart_theme(), self.words
        run_in_background(
            self,
            lambda: save_chart(chart, shown.insights, theme, words, path),
            lambda saved: card.show_save_status(self.tr("Saved as %1").replace("%1", str(saved))),
            lambda error: card.show_save_status(self._save_error(error), error=True),
        )

    def _save_error(self, error: BaseException) -> str:
        if isinstance(error, PermissionError):
            reason = self.tr("that folder doesn't let this app write there")
        elif isinstance(error, OSError) and error.errno == 28:
            reason = self.tr("the disk is full")
        elif isinstance(error, OSError):
            reason = self.tr("the file couldn't be written (%1)").replace(
                "%1", error.strerror or type(error).__name__
            )
        else:
            reason = self.tr("something went wrong while drawing it")
        return self.tr("The picture wasn't saved: %1. You can try another folder.").replace(
            "%1", reason
        )

    # --- sizes and keyboard ------------------------------------------------------------------

    def _available_width(self) -> int:
        """The width inside the page margins, as if the scroll bar were shown (so the charts
        do not change size when it appears)."""
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        margins = self.scroll.widget().layout().contentsMargins()
        frame = 2 * self.scroll.frameWidth()
        return max(200, self.scroll.width() - bar - frame - margins.left() - margins.right())

    def _column_width(self, columns: int) -> int:
        gap = self.grid.horizontalSpacing()
        return min(MAX_COLUMN, (self._available_width() - gap * (columns - 1)) // columns)

    def _column_count(self) -> int:
        gap = self.grid.horizontalSpacing()
        return 2 if (self._available_width() - gap) // 2 >= MIN_TWO_COLUMNS else 1

    def chart_width(self) -> int:
        """A chart's width in logical pixels: its column less the card's padding."""
        column = self._column_width(self._column_count())
        card = next(iter(self.cards.values()), None)
        padding = 2 * SPACING + 2
        if card is not None:
            m = card.layout().contentsMargins()
            padding = m.left() + m.right() + 2 * card.frameWidth()
        return max(100, column - padding)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        columns = self._column_count()
        column = self._column_width(columns)
        gap = self.grid.horizontalSpacing()
        self.column.setFixedWidth(columns * column + gap * (columns - 1))
        if columns != self._columns:
            self._columns = columns
            for card in self.cards.values():
                self.grid.removeWidget(card)
            for index, card in enumerate(self.cards.values()):
                self.grid.addWidget(
                    card, index // columns, index % columns, Qt.AlignmentFlag.AlignTop
                )
        width = self.chart_width()
        for card in self.cards.values():
            card.setFixedWidth(column)
            card.set_chart_width(width)

    def _fix_tab_order(self) -> None:
        widgets: list[QWidget] = list(self.picker.focus_order())
        for card in self.cards.values():
            widgets += card.focus_order()
        chain_tab_order(widgets)
