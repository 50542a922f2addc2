# SPDX-License-Identifier: GPL-3.0-or-later
"""The counselor report as PDF pages: the only module below ui/ that uses Qt (QtGui, QtSvg).

    prepared = prepare_report(sources, options, today, progress=..., cancelled=...)
    pages = ReportPages(prepared)                     # laid out once, as the PDF measures
    pages.image(index, width)                         # the preview's picture of one page
    pages.paint_on(printer)                           # printing, when the person asks
    write_report(sources, options, path, today, ...)  # prepare, paint, save: whole or nothing

`report_content` decides what the report says, `report_html` words it; here Qt's rich text
lays it out in pages (A4 or Letter, 18 mm margins, tables that carry their header row onto each
page), every page gets its footer ("Page 2 of 6", the period, "Shared by the client"), and the
charts are drawn from matplotlib's SVG through QtSvg, so they stay vectors and their words stay
text. Fonts are matplotlib's own DejaVu Sans, registered with Qt, so the charts and the pages
match on every system and the PDF embeds them.

Threads: `prepare_report` and `write_report` run on a worker (they use the vault connection
they are given and build matplotlib figures without pyplot). A QGuiApplication must exist.
Cancelling raises `Cancelled` between steps; `write_report` then leaves no file behind.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date, tzinfo
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QLocale,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QPyTextObject,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtSvg import QSvgRenderer

from recovery_desktop.exchange.files import private_output_file
from recovery_desktop.exchange.progress import CancelCheck, Meter, Progress
from recovery_desktop.exchange.report_content import (
    Paper,
    ReportContent,
    ReportOptions,
    ReportSources,
    Section,
    read_report,
)
from recovery_desktop.exchange.report_html import build_html
from recovery_desktop.exchange.report_svg import ChartPicture, Picture, flatten_hatches
from recovery_desktop.exchange.report_words import (
    KEEP_WITH_NEXT,
    SHARED_BY,
    TITLE,
    ReportWords,
    period_words,
)

MARGIN_MM = 18.0
BOTTOM_MARGIN_MM = 12.0
FOOTER_MM = 10.0
KEEP_SPACE_MM = 32.0  # a heading needs this much room below it, or it starts the next page  # the footer's band at the bottom of the printable area
RESOLUTION = 300  # dots per inch of the PDF's coordinates (vectors: not an image resolution)
BODY_FONT_PT = 10.0
FONT_FAMILY = "DejaVu Sans"
CSS_DPI = 96.0
# Progress in steps: reading, each chart, laying out, the pages, saving.
_READ, _CHART, _LAYOUT, _PAGES, _SAVE = 20, 12, 10, 15, 7

_fonts_lock = threading.Lock()
_fonts_ready = False


def ensure_fonts() -> None:
    """Register matplotlib's DejaVu Sans with Qt once, so pages and charts share one font."""
    global _fonts_ready
    if QGuiApplication.instance() is None:  # Qt's font database would crash the process
        raise RuntimeError("The report is drawn with Qt: make a QGuiApplication first.")
    with _fonts_lock:
        if _fonts_ready:
            return
        import matplotlib

        folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
        for name in (
            "DejaVuSans.ttf",
            "DejaVuSans-Bold.ttf",
            "DejaVuSans-Oblique.ttf",
            "DejaVuSans-BoldOblique.ttf",
        ):
            if (folder / name).exists():
                QFontDatabase.addApplicationFont(str(folder / name))
        _fonts_ready = True


def report_font(points: float) -> QFont:
    """DejaVu Sans without ligatures: "fi" copied from the PDF stays two letters."""
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(points)
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


# --- preparing: everything slow, off the GUI thread -------------------------------------------


@dataclass(frozen=True, slots=True)
class PreparedReport:
    """The content and the charts as SVG text: all the report needs to be painted, any
    number of times (preview, printing, the PDF), quickly, on any thread."""

    content: ReportContent
    charts: tuple[ChartPicture, ...]

    @property
    def options(self) -> ReportOptions:
        return self.content.options


def chart_picture(chart, insights) -> ChartPicture:
    """One chart from the Insights page's own builder, in the print theme, as SVG whose words
    are text (selectable in the PDF) and whose hatches are plain vectors."""
    import matplotlib

    from recovery_desktop.charts import PRINT, is_kind_message, to_bytes

    figure = chart.build(insights, PRINT)
    title, summary = chart.title(insights), chart.summary(insights)
    if is_kind_message(figure):  # too little to draw: its sentence says so, once
        return ChartPicture(chart.key, "", 0.0, summary, title)
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        svg = to_bytes(figure, "svg").decode("utf-8")
    width, height = figure.get_size_inches()
    return ChartPicture(chart.key, flatten_hatches(svg), height / width, summary, title)


def report_charts() -> list:
    from recovery_desktop.charts import CHARTS

    return [chart for chart in CHARTS if chart.in_report]


def prepare_report(
    sources: ReportSources,
    options: ReportOptions,
    today: date | None = None,
    *,
    tz: tzinfo | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck = None,
    meter: Meter | None = None,
) -> PreparedReport:
    """Read the vault and draw the charts. Call on the thread that owns `sources`."""
    charts = report_charts() if options.has(Section.CHARTS) else []
    meter = meter or Meter(_READ + _CHART * len(charts), progress, cancelled)
    meter.check()
    content = read_report(sources, options, today, tz=tz)
    meter.advance(_READ)
    pictures = []
    for chart in charts:
        pictures.append(chart_picture(chart, content.insights))
        meter.advance(_CHART)
    return PreparedReport(content, tuple(pictures))


# --- laying out and painting ------------------------------------------------------------------


# Where Letter paper is the usual size (the rest of the world uses A4).
_LETTER = frozenset(
    {
        QLocale.Country.UnitedStates,
        QLocale.Country.Canada,
        QLocale.Country.Mexico,
        QLocale.Country.Philippines,
        QLocale.Country.PuertoRico,
        QLocale.Country.Chile,
        QLocale.Country.Colombia,
        QLocale.Country.Venezuela,
        QLocale.Country.CostaRica,
        QLocale.Country.Guatemala,
        QLocale.Country.ElSalvador,
        QLocale.Country.DominicanRepublic,
    }
)


def default_paper(locale: QLocale | None = None) -> Paper:
    """The paper size usual where the person lives: Letter in the Americas' Letter countries,
    A4 elsewhere."""
    territory = (locale or QLocale.system()).territory()
    return Paper.LETTER if territory in _LETTER else Paper.A4


def page_layout(paper: Paper) -> QPageLayout:
    size = QPageSize(
        QPageSize.PageSizeId.Letter if paper is Paper.LETTER else QPageSize.PageSizeId.A4
    )
    return QPageLayout(
        size,
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, BOTTOM_MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


class _SvgObjects(QPyTextObject):
    """Draws the report's `<img>` tags from their SVG, as vectors (it replaces Qt's image
    handler, so no picture is ever loaded from a file or anywhere else). PySide6 registers a
    Python handler only through `QPyTextObject`, its QObject + QTextObjectInterface."""

    def __init__(self, pictures: dict[str, Picture], device_dpi: float) -> None:
        super().__init__()
        self._pictures = pictures
        self._scale = device_dpi / CSS_DPI
        self._renderers: dict[str, QSvgRenderer] = {}

    def _renderer(self, name: str) -> QSvgRenderer | None:
        if name not in self._renderers and name in self._pictures:
            self._renderers[name] = QSvgRenderer(QByteArray(self._pictures[name].svg.encode()))
        return self._renderers.get(name)

    def intrinsicSize(self, doc, pos_in_document, fmt) -> QSizeF:  # noqa: N802 (Qt override)
        picture = self._pictures.get(fmt.toImageFormat().name())
        if picture is None:
            return QSizeF(0, 0)
        return QSizeF(picture.width * self._scale, picture.height * self._scale)

    def drawObject(self, painter, rect, doc, pos_in_document, fmt) -> None:  # noqa: N802
        renderer = self._renderer(fmt.toImageFormat().name())
        if renderer is not None:
            renderer.render(painter, rect)


class _ReportDocument(QTextDocument):
    """Rich text that never loads a resource: pictures come from `_SvgObjects` only."""

    def loadResource(self, kind: int, name) -> object:  # noqa: N802 (Qt override)
        return None


@dataclass
class LaidOut:
    document: QTextDocument
    handler: _SvgObjects  # kept alive as long as the document
    page_height: float
    width: float
    footer_top: float
    pages: int


def lay_out(prepared: PreparedReport, device: QPagedPaintDevice) -> LaidOut:
    """The report laid out in pages for `device` (its page layout must be set already)."""
    ensure_fonts()
    dpi = float(device.logicalDpiY())
    layout = device.pageLayout()
    paint = layout.paintRectPixels(round(dpi))
    footer = FOOTER_MM / 25.4 * dpi
    body_height = paint.height() - footer
    html, pictures = build_html(prepared.content, prepared.charts, paint.width() / dpi * CSS_DPI)
    document = _ReportDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDefaultFont(report_font(BODY_FONT_PT))
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(paint.width(), body_height))
    handler = _SvgObjects(pictures, dpi)
    document.documentLayout().registerHandler(QTextFormat.ObjectTypes.ImageObject, handler)
    document.setHtml(html)
    keep_headings_with_text(document, body_height, dpi)
    return LaidOut(document, handler, body_height, paint.width(), body_height, document.pageCount())


def keep_headings_with_text(document: QTextDocument, page_height: float, dpi: float) -> None:
    """Start a heading on the next page when less room is left below it than it asks for (Qt's
    rich text has no "keep with next"). Top to bottom, so each move is seen by the ones after."""
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        keep_mm = _kept_millimetres(block)
        if keep_mm:
            top = layout.blockBoundingRect(block).top()
            on_page = top % page_height
            if page_height - on_page < keep_mm / 25.4 * dpi and on_page > 1:
                fmt = block.blockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                fmt.setTopMargin(0)
                QTextCursor(block).setBlockFormat(fmt)
                # Qt's incremental relayout after a format change can leave later blocks
                # unplaced (zero size: they would not print); lay out the rest again.
                document.markContentsDirty(
                    block.position(), document.characterCount() - block.position()
                )
        block = block.next()


def _kept_millimetres(block: QTextBlock) -> int:
    it = block.begin()
    while not it.atEnd():
        for name in it.fragment().charFormat().anchorNames():
            if name.startswith(KEEP_WITH_NEXT):
                return int(name.removeprefix(KEEP_WITH_NEXT))
        it += 1
    return 0


def footer_words(content: ReportContent) -> str:
    title, shared_by = ReportWords.tr(TITLE), ReportWords.tr(SHARED_BY)
    return f"{title} · {period_words(content.period)} · {shared_by}"


def _pdf_writer(buffer: QBuffer, prepared: PreparedReport) -> QPdfWriter:
    """The PDF's writer: its resolution and page layout are what the pages are measured in."""
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(f"{ReportWords.tr(TITLE)}, {period_words(prepared.content.period)}")
    writer.setCreator("Recovery Desktop")
    writer.setPageLayout(page_layout(prepared.options.paper))
    return writer


class ReportPages:
    """The report laid out in pages once, measured as the saved PDF measures it (a PDF writer
    at `RESOLUTION` dots per inch, writing to memory that is dropped): the PDF, the preview's
    page images and printing all paint these pages, so what is seen is what is saved or
    printed, page for page. Nothing here asks for a printer, so nothing reaches the system's
    print service.

    Threads: paint the pages on the thread that made them (a QGuiApplication must exist). The
    layout holds font data of that thread's font cache: painted from another thread once the
    first has ended, it crashes. The preview makes its pages on the GUI thread (about 0.1 s);
    saving makes its own on the worker. Coordinates are the writer's dots, from the top-left
    of the margins.
    """

    def __init__(self, prepared: PreparedReport) -> None:
        self._buffer = QBuffer()
        self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self._measure = _pdf_writer(self._buffer, prepared)  # kept alive with the document
        self.page_layout = page_layout(prepared.options.paper)
        self.dpi = float(self._measure.logicalDpiY())
        self._laid = lay_out(prepared, self._measure)
        self._footer_text = footer_words(prepared.content)

    @property
    def count(self) -> int:
        return self._laid.pages

    @property
    def document(self) -> QTextDocument:
        """The laid-out text (one page of it is `page_height` dots tall)."""
        return self._laid.document

    @property
    def page_height(self) -> float:
        return self._laid.page_height

    def aspect(self) -> float:
        """The paper's height over its width."""
        full = self.page_layout.fullRect(QPageLayout.Unit.Millimeter)
        return full.height() / full.width()

    def paint_page(self, painter: QPainter, index: int) -> None:
        """Page `index` (from 0), its footer included, in the writer's dots from the top-left
        of the margins."""
        laid = self._laid
        painter.save()
        painter.translate(0, -index * laid.page_height)
        laid.document.drawContents(
            painter, QRectF(0, index * laid.page_height, laid.width, laid.page_height)
        )
        painter.restore()
        painter.save()
        # Points are sized by the device painted on: 8 points on the writer's dots, on any.
        painter.setFont(report_font(8 * self.dpi / painter.device().logicalDpiY()))
        painter.setPen(QPen(QColor("#9a9a94"), self.dpi / 144))
        top = laid.footer_top + self.dpi * 0.08
        painter.drawLine(0, round(top), round(laid.width), round(top))
        painter.setPen(QColor("#4a4a4a"))
        band = QRectF(0, top, laid.width, FOOTER_MM / 25.4 * self.dpi - self.dpi * 0.08)
        flags = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(band, flags | Qt.AlignmentFlag.AlignLeft, self._footer_text)
        page = ReportWords.tr("Page {page} of {pages}", page=index + 1, pages=laid.pages)
        painter.drawText(band, flags | Qt.AlignmentFlag.AlignRight, page)
        painter.restore()

    def paint_on(self, device: QPagedPaintDevice, *, meter: Meter | None = None) -> int:
        """Paint every page on `device` (a QPdfWriter, or a QPrinter the person chose), scaled
        from the writer's dots to the device's; sets the device's page layout. Returns the
        number of pages."""
        device.setPageLayout(self.page_layout)
        scale_x = device.logicalDpiX() / self.dpi
        scale_y = device.logicalDpiY() / self.dpi
        painter = QPainter()
        if not painter.begin(device):
            raise OSError(ReportWords.tr("The pages could not be drawn."))
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            for index in range(self.count):
                if meter is not None:
                    meter.check()
                if index:
                    device.newPage()
                painter.save()
                painter.scale(scale_x, scale_y)
                self.paint_page(painter, index)
                painter.restore()
        finally:
            painter.end()
        return self.count

    def image(self, index: int, width: int, pixel_ratio: float = 1.0) -> QImage:
        """Page `index` as a picture of the whole sheet, margins included, `width` logical
        pixels wide (for the preview: screen pixels, times `pixel_ratio` on a high-density
        screen)."""
        dots = round(self.dpi)
        sheet = self.page_layout.fullRectPixels(dots)
        margins = self.page_layout.marginsPixels(dots)
        pixels_wide = max(1, round(width * pixel_ratio))
        scale = pixels_wide / sheet.width()
        image = QImage(
            pixels_wide, max(1, round(sheet.height() * scale)), QImage.Format.Format_RGB32
        )
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        try:
            for hint in (
                QPainter.RenderHint.Antialiasing,
                QPainter.RenderHint.TextAntialiasing,
                QPainter.RenderHint.SmoothPixmapTransform,
            ):
                painter.setRenderHint(hint)
            painter.scale(scale, scale)
            painter.translate(margins.left(), margins.top())
            self.paint_page(painter, index)
        finally:
            painter.end()
        image.setDevicePixelRatio(pixel_ratio)
        return image


def paint_report(
    prepared: PreparedReport,
    device: QPagedPaintDevice,
    *,
    meter: Meter | None = None,
) -> int:
    """Lay out the pages (`ReportPages`) and paint every one on `device`; returns how many."""
    pages = ReportPages(prepared)
    if meter is not None:
        meter.advance(_LAYOUT)
    count = pages.paint_on(device, meter=meter)
    if meter is not None:
        meter.advance(_PAGES)
    return count


@dataclass(frozen=True, slots=True)
class ReportSummary:
    path: Path
    pages: int
    period: str


def pdf_bytes(prepared: PreparedReport, *, meter: Meter | None = None) -> tuple[bytes, int]:
    """The report as the bytes of a PDF, made in memory (nothing on disk), and its pages."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _pdf_writer(buffer, prepared)
    pages = paint_report(prepared, writer, meter=meter)
    del writer  # finishes the file
    data = bytes(buffer.data())
    buffer.close()
    return data, pages


def write_report(
    sources: ReportSources,
    options: ReportOptions,
    path: Path,
    today: date | None = None,
    *,
    tz: tzinfo | None = None,
    prepared: PreparedReport | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck = None,
) -> ReportSummary:
    """Make the report and save it at `path` (0600, whole or not at all). Reuses `prepared`
    when it was made for the same options. Raises `Cancelled` (no file) or `ExportError`."""
    reuse = prepared is not None and prepared.options == options
    charts = len(report_charts()) if options.has(Section.CHARTS) and not reuse else 0
    reading = 0 if reuse else _READ
    meter = Meter(reading + _CHART * charts + _LAYOUT + _PAGES + _SAVE, progress, cancelled)
    if prepared is None or not reuse:
        prepared = prepare_report(sources, options, today, tz=tz, meter=meter)
    data, pages = pdf_bytes(prepared, meter=meter)
    meter.check()
    with private_output_file(Path(path)) as handle:
        handle.write(data)
        meter.check()  # cancelled at the last moment: the temp file goes, nothing is kept
    meter.finish()
    return ReportSummary(Path(path), pages, period_words(options.period))
