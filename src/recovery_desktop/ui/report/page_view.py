# SPDX-License-Identifier: GPL-3.0-or-later
"""The report's pages, one under the other, as they will be saved: a scrollable page view.

The pages are `exchange.report_pdf.ReportPages`, the same laid-out pages the PDF and the
printer are painted from; each page shown is painted into an image at the size it has on the
screen, when it first comes into view. No printer is involved, so opening the preview never
asks the system's print service anything (that would open a socket).

Keyboard: the view takes focus with Tab; arrows, Page Up/Down, Space, Home and End scroll.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from recovery_desktop.exchange.report_pdf import ReportPages
from recovery_desktop.ui.theme import current_scheme, is_dark

# Pages kept painted at the current size: at most two are in view at once, and a page fitted to
# a 2560-pixel-wide window is about 18 MB.
KEPT_IMAGES = 4


class ReportPageView(QAbstractScrollArea):
    """Shows `ReportPages`; fits the pages to the width, or a whole page to the view.

    `page_changed(page, count)` fires when the page mostly in view changes (pages from 1).
    Call on the GUI thread only, with pages made on it (see `ReportPages`).
    """

    page_changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report_preview")
        self.setAccessibleName(self.tr("Preview of the report's pages"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QAbstractScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there, so fitting to the width never makes it come and go.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self._pages: ReportPages | None = None
        self._fit_width = True
        self._images: dict[int, QImage] = {}
        self._images_made_for: tuple[QSize, float] = (QSize(), 1.0)  # page size, pixel ratio
        self._shown = (0, 0)  # (page, count) last told
        self._describe()

    # --- what is shown ------------------------------------------------------------------------

    def set_pages(self, pages: ReportPages | None) -> None:
        """Show new pages (None: none), keeping the page in view where there still is one."""
        keep = self._shown[0]
        self._pages = pages
        self._images.clear()
        self._relayout()
        self.show_page(min(max(keep, 1), self.page_count()))
        self.viewport().update()

    def page_count(self) -> int:
        return self._pages.count if self._pages is not None else 0

    def current_page(self) -> int:
        """The page that fills the middle of the view, from 1 (0 when there is none)."""
        count = self.page_count()
        if not count:
            return 0
        bar = self.verticalScrollBar()
        if bar.value() >= bar.maximum() > 0:
            return count
        middle = bar.value() + self.viewport().height() / 2
        index = int((middle - self._gap() / 2) // (self._page_size().height() + self._gap()))
        return min(max(index, 0), count - 1) + 1

    def show_page(self, page: int) -> None:
        """Scroll so page `page` (from 1) starts at the top of the view."""
        if not self.page_count():
            self._scrolled()
            return
        page = min(max(page, 1), self.page_count())
        self.verticalScrollBar().setValue(self._page_top(page - 1) - self._gap())
        self._scrolled()

    def fits_width(self) -> bool:
        return self._fit_width

    def set_fit_width(self, fit: bool) -> None:
        """Fit the pages to the view's width (True) or a whole page into the view (False)."""
        if fit == self._fit_width:
            return
        page = self.current_page()
        self._fit_width = fit
        self._relayout()
        self.show_page(page)
        self.viewport().update()

    def page_image(self, page: int) -> QImage:
        """Page `page` (from 1) as painted in the view at its current size."""
        return self._image(page - 1)

    # --- geometry -----------------------------------------------------------------------------

    def _gap(self) -> int:
        return max(8, self.fontMetrics().height())

    def _page_size(self) -> QSize:
        if self._pages is None:
            return QSize(0, 0)
        gap = self._gap()
        aspect = self._pages.aspect()
        viewport = self.viewport().size()
        width = max(viewport.width() - 2 * gap, 100)
        if not self._fit_width:
            width = min(width, int(max(viewport.height() - 2 * gap, 100) / aspect))
        return QSize(width, round(width * aspect))

    def _page_top(self, index: int) -> int:
        return self._gap() + index * (self._page_size().height() + self._gap())

    def _page_rect(self, index: int) -> QRect:
        """Where page `index` (from 0) is, in the viewport's coordinates."""
        size = self._page_size()
        left = (self.viewport().width() - size.width()) // 2
        top = self._page_top(index) - self.verticalScrollBar().value()
        return QRect(left, top, size.width(), size.height())

    def _relayout(self) -> None:
        bar = self.verticalScrollBar()
        size = self._page_size()
        count = self.page_count()
        total = self._gap() + count * (size.height() + self._gap()) if count else 0
        viewport = self.viewport().height()
        bar.setRange(0, max(0, total - viewport))
        bar.setSingleStep(max(1, self.fontMetrics().height() * 2))
        step = size.height() + self._gap() if not self._fit_width else viewport - self._gap()
        bar.setPageStep(max(1, step))

    def _image(self, index: int) -> QImage:
        made_for = (self._page_size(), self.devicePixelRatioF())  # another screen: new pixels
        if made_for != self._images_made_for:
            self._images.clear()
            self._images_made_for = made_for
        image = self._images.get(index)
        if image is None:
            assert self._pages is not None
            image = self._pages.image(index, made_for[0].width(), made_for[1])
            if len(self._images) >= KEPT_IMAGES:
                shown = self.current_page() - 1
                del self._images[max(self._images, key=lambda kept: abs(kept - shown))]
            self._images[index] = image
        return image

    # --- Qt overrides -------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        # Keep the same place in the pages (in pages from the top, as 2.4) at the new size.
        stride = self._page_size().height() + self._gap()
        place = self.verticalScrollBar().value() / stride if stride else 0.0
        super().resizeEvent(event)
        self._relayout()
        stride = self._page_size().height() + self._gap()
        self.verticalScrollBar().setValue(round(place * stride))
        self._scrolled()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        scheme = current_scheme()
        painter = QPainter(self.viewport())
        # The pages are white paper in both schemes; the desk around them follows the scheme.
        painter.fillRect(event.rect(), QColor(scheme.sidebar if is_dark() else scheme.border))
        for index in range(self.page_count()):
            rect = self._page_rect(index)
            if rect.bottom() < event.rect().top():
                continue
            if rect.top() > event.rect().bottom():
                break
            painter.fillRect(rect.translated(2, 3), QColor(0, 0, 0, 60))  # a soft shadow
            painter.drawImage(rect.topLeft(), self._image(index))
        if self.hasFocus():  # the focus ring, as the app's other controls show it
            painter.setPen(QPen(QColor(scheme.accent), 2))
            painter.drawRect(self.viewport().rect().adjusted(1, 1, -1, -1))
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        bar = self.verticalScrollBar()
        key = event.key()
        if key == Qt.Key.Key_Home:
            bar.setValue(bar.minimum())
        elif key == Qt.Key.Key_End:
            bar.setValue(bar.maximum())
        elif key == Qt.Key.Key_Space:  # as in a browser: a screenful on, Shift for back
            back = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            bar.setValue(bar.value() + (-bar.pageStep() if back else bar.pageStep()))
        else:
            super().keyPressEvent(event)  # arrows, Page Up and Page Down
            return
        event.accept()

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().focusOutEvent(event)
        self.viewport().update()

    # --- telling -----------------------------------------------------------------------------

    def _scrolled(self, *_: object) -> None:
        shown = (self.current_page(), self.page_count())
        if shown != self._shown:
            self._shown = shown
            self._describe()
            self.page_changed.emit(*shown)

    def _describe(self) -> None:
        count = self.page_count()
        if not count:
            self.setAccessibleDescription(self.tr("No pages yet."))
            return
        self.setAccessibleDescription(
            self.tr("Page %1 of %2. Page Up and Page Down move through the pages.")
            .replace("%1", str(self.current_page()))
            .replace("%2", str(count))
        )
