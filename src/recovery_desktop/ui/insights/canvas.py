# SPDX-License-Identifier: GPL-3.0-or-later
"""A still chart on screen: matplotlib's FigureCanvasQTAgg, shown from a picture drawn on a
worker, redrawn on the GUI thread only when it must be.

Import this module only after `jobs.load_charts()` has returned (it imports matplotlib).

Drawing a chart with Agg takes 50-500 ms; on the GUI thread that would freeze the window at
every change of period or theme. So the figure arrives with a picture of itself drawn on a
worker at exactly this canvas's size (`jobs.draw_chart`), and the canvas paints that picture.
Only when the canvas changes size (the window was resized) does it draw the figure itself, on
the GUI thread, which owns the figure from the hand-over on; meanwhile it stretches the last
picture, and waits until the resizing has settled. The charts are not interactive: mouse and
key events go to the page (the wheel scrolls it), so nothing but a draw touches the figure.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QEvent, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import QWidget

from recovery_desktop.ui.insights.figure_width import WidthFit

REDRAW_AFTER_MS = 150  # a resize that stops for this long is drawn at its new size


class ChartCanvas(FigureCanvasQTAgg):
    """Shows `figure`, starting from `picture` (drawn at `width` x `height` logical pixels);
    `fit` keeps the figure's margins in inches when the canvas changes width.

    Focusable by Tab (not by click), so a screen reader reaches the chart and reads its
    accessible name (the title) and description (the one-sentence summary); it shows the
    theme's focus ring then. `draws` counts the draws made on the GUI thread (tests).
    """

    def __init__(
        self,
        figure: Figure,
        picture: QImage | None,
        width: int,
        height: int,
        fit: WidthFit | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(figure)
        self._fit = fit
        if parent is not None:
            self.setParent(parent)
        self._picture = picture
        self.draws = 0
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(REDRAW_AFTER_MS)
        self._redraw.timeout.connect(self._draw_now)
        self.setMouseTracking(False)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setPalette(QPalette())  # matplotlib's canvas sets a white one: take the page's
        self.setFixedSize(width, height)

    # --- painting ----------------------------------------------------------------------------

    def _physical(self) -> tuple[int, int]:
        ratio = self.device_pixel_ratio
        return round(self.width() * ratio), round(self.height() * ratio)

    def picture_fits(self) -> bool:
        """True when the picture on hand was drawn at the canvas's present size."""
        picture = self._picture
        return picture is not None and (picture.width(), picture.height()) == self._physical()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)  # sets the figure's size, then asks for a draw
        fit = getattr(self, "_fit", None)
        if fit is not None:
            fit.apply(float(self.figure.get_size_inches()[0]))

    def draw_idle(self) -> None:
        """matplotlib asks for a draw (after a resize): wait until the size settles, unless
        the picture already fits."""
        if self.picture_fits():
            self._redraw.stop()
        else:
            self._redraw.start()
        self.update()

    def _draw_now(self) -> None:
        if self.picture_fits() or self.width() <= 0 or self.height() <= 0:
            return
        if self.visibleRegion().isEmpty():
            return  # scrolled out of sight: drawn when it is next painted
        self.draw()  # Agg, on this (the GUI) thread
        self.draws += 1
        buffer = self.buffer_rgba()
        rows, columns = buffer.shape[0], buffer.shape[1]
        picture = QImage(bytes(buffer), columns, rows, columns * 4, QImage.Format.Format_RGBA8888)
        picture = picture.copy()
        picture.setDevicePixelRatio(self.device_pixel_ratio)
        self._picture = picture
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        try:
            target = QRectF(self.rect())
            if self._picture is not None:
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.drawImage(target, self._picture)
            else:
                painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
            if self.hasFocus():
                pen = QPen(self.palette().color(QPalette.ColorRole.Highlight))
                pen.setWidthF(2.0)
                painter.setPen(pen)
                painter.setBrush(QColor(0, 0, 0, 0))
                painter.drawRect(target.adjusted(1, 1, -1, -1))
        finally:
            painter.end()
        if not self.picture_fits() and not self._redraw.isActive():
            self._redraw.start()

    # --- a still picture: events go to the page ----------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.update()
        return super().event(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        QWidget.mousePressEvent(self, event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        QWidget.mouseReleaseEvent(self, event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        QWidget.mouseDoubleClickEvent(self, event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        QWidget.mouseMoveEvent(self, event)

    def wheelEvent(self, event) -> None:  # noqa: N802
        QWidget.wheelEvent(self, event)  # ignored: the scroll area scrolls

    def enterEvent(self, event) -> None:  # noqa: N802
        QWidget.enterEvent(self, event)

    def leaveEvent(self, event) -> None:  # noqa: N802
        QWidget.leaveEvent(self, event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        QWidget.keyPressEvent(self, event)

    def keyReleaseEvent(self, event) -> None:  # noqa: N802
        QWidget.keyReleaseEvent(self, event)
