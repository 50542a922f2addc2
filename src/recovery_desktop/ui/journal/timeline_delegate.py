# SPDX-License-Identifier: GPL-3.0-or-later
"""Paints one timeline row: date, mood face, craving, badges, title and a two-line preview.

Grouped by day (the Journal's "Group by day"), a day's date is written once, on its first row,
and the rows of one day are joined by a short rule; a full rule separates days.

Every row has the same height (the view sets uniform item sizes), so Qt never measures rows it
has not shown: that keeps scrolling through thousands of entries smooth. Colours come from the
palette and ui.theme so rows read well in light and dark. Marks are drawn (a dot, a padlock)
rather than emoji, and every mark has a word beside it, so colour is never the only cue.
"""

from __future__ import annotations

import re

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from recovery_desktop.core.models import (
    SNIPPET_END,
    SNIPPET_START,
    EntrySummary,
    Visibility,
)
from recovery_desktop.ui.journal.timeline_model import TimelineModel, first_words, snippet_html
from recovery_desktop.ui.theme import current_scheme, is_dark
from recovery_desktop.ui.widgets.dates import medium_date
from recovery_desktop.ui.widgets.mood_picker import mood_word, paint_face

_Index = QModelIndex | QPersistentModelIndex
PAD = 8


def highlight_colour() -> str:
    """A soft marker yellow in light mode, a muted amber in dark mode."""
    return "#6b5514" if is_dark() else "#fbe7a1"


class TimelineDelegate(QStyledItemDelegate):
    """Draws `TimelineModel` rows; in search mode the preview is the highlighted snippet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    # Qt asks this for every row unless the view has uniform sizes; keep it cheap anyway.
    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        line = QFontMetrics(option.font).lineSpacing()
        return QSize(200, PAD * 2 + line * 4 + 6)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        summary = index.data(TimelineModel.SummaryRole)
        if not isinstance(summary, EntrySummary):
            return
        model = index.model()
        searching = isinstance(model, TimelineModel) and model.searching
        grouped = isinstance(model, TimelineModel) and model.groups_by_day()
        starts_day = not grouped or model.starts_day(index.row())
        ends_day = not grouped or model.ends_day(index.row())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect: QRect = option.rect
        scheme = current_scheme()

        # Background: a soft card, the accent when selected, a thin rule between rows.
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
            ink = palette.color(QPalette.ColorRole.HighlightedText)
            muted = QColor(ink)
        else:
            if option.state & QStyle.StateFlag.State_MouseOver:
                painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
            ink = palette.color(QPalette.ColorRole.Text)
            muted = QColor(scheme.muted)
            painter.setPen(QPen(QColor(scheme.border), 1))
            # The rows of one day are joined by a short rule; days by a full one.
            left = rect.left() if ends_day else rect.left() + PAD * 3
            painter.drawLine(QPointF(left, rect.bottom()), QPointF(rect.right(), rect.bottom()))

        font = QFont(option.font)
        metrics = QFontMetrics(font)
        line = metrics.lineSpacing()
        inner = rect.adjusted(PAD + 4, PAD, -PAD - 4, -PAD)
        x, y = inner.left(), inner.top()

        # Line 1: mood face, date, then badges from the right.
        dot = metrics.height() * 0.8
        dot_rect = QRectF(x, y + (line - dot) / 2, dot, dot)
        if summary.mood is not None:  # the picker's face, and its word after the date
            paint_face(painter, dot_rect, summary.mood)
        else:  # no mood: a hollow ring, so the column still lines up
            painter.setPen(QPen(muted, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(dot_rect.adjusted(1, 1, -1, -1))

        small = QFont(font)
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.9)
        small_metrics = QFontMetrics(small)
        painter.setFont(small)
        parts = [medium_date(summary.entry_date, weekday=True)] if starts_day else []
        if summary.mood is not None:
            parts.append(mood_word(summary.mood))
        date_text = "  ·  ".join(parts)
        right = inner.right()
        right = self._badges(painter, summary, small_metrics, right, y, line, ink, muted, selected)
        if grouped and starts_day:  # the day's heading
            small.setBold(True)
            small_metrics = QFontMetrics(small)
            painter.setFont(small)
        painter.setPen(ink if grouped and starts_day else muted)
        date_left = int(dot_rect.right() + 6)
        painter.drawText(
            QRect(date_left, y, max(0, right - date_left - 6), line),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            small_metrics.elidedText(date_text, Qt.TextElideMode.ElideRight, right - date_left - 6),
        )

        # Line 2: title (or the first words), bold.
        y += line + 2
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(ink)
        preview = plain_preview(summary.preview)
        if summary.title:
            title = summary.title
        elif summary.is_checkin:
            title = self.tr("Daily check-in")
        else:  # no title: its first words stand in, and the preview goes on from there
            title = first_words(preview, 8) or self.tr("(empty entry)")
            preview = " ".join(preview.split()[8:])
        snippet = summary.snippet if searching else ""
        title_is_match = bool(snippet) and _unmarked(snippet).strip() == summary.title.strip()
        title_rect = QRect(x, y, inner.width(), line)
        if title_is_match:
            self._paint_snippet(painter, snippet, title_rect, bold, ink)
        else:
            painter.drawText(
                title_rect,
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight, inner.width()),
            )

        # Lines 3-4: the preview, or the search snippet with its matches highlighted.
        y += line + 2
        body_rect = QRect(x, y, inner.width(), line * 2 + 2)
        painter.setFont(font)
        if snippet and not title_is_match:
            self._paint_snippet(painter, snippet, body_rect, font, ink if selected else muted)
        else:
            painter.setPen(muted)
            painter.drawText(
                body_rect,
                int(
                    Qt.AlignmentFlag.AlignTop
                    | Qt.AlignmentFlag.AlignLeft
                    | Qt.TextFlag.TextWordWrap
                ),
                _two_lines(preview, metrics, inner.width()),
            )
        if option.state & QStyle.StateFlag.State_HasFocus:
            _paint_focus_ring(painter, QRectF(rect), selected)
        painter.restore()

    def _badges(
        self,
        painter: QPainter,
        summary: EntrySummary,
        metrics: QFontMetrics,
        right: int,
        y: int,
        line: int,
        ink: QColor,
        muted: QColor,
        selected: bool,
    ) -> int:
        """Draw the right-hand labels from right to left; returns where they begin."""
        scheme = current_scheme()
        labels: list[tuple[str, str]] = []
        if summary.is_draft:
            labels.append(("pill", self.tr("Draft")))
        if summary.visibility == Visibility.PRIVATE:
            labels.append(("lock", self.tr("Private")))
        elif summary.visibility == Visibility.SHARED:
            labels.append(("plain", self.tr("Shared")))
        if summary.craving is not None:
            labels.append(("plain", self.tr("Craving %1").replace("%1", str(summary.craving))))
        for kind, text in labels:
            width = metrics.horizontalAdvance(text)
            if kind == "pill":
                box = QRectF(
                    right - width - 12,
                    y + (line - metrics.height()) / 2 - 1,
                    width + 12,
                    metrics.height() + 2,
                )
                painter.setPen(QPen(ink if selected else QColor(scheme.accent), 1))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
                painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
                right = int(box.left()) - 8
                continue
            painter.setPen(muted)
            painter.drawText(
                QRect(right - width, y, width, line),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
                text,
            )
            right -= width
            if kind == "lock":
                right -= 4
                _draw_padlock(painter, QPointF(right, y + line / 2), metrics.height() * 0.7, muted)
                right -= int(metrics.height() * 0.6)
            right -= 10
        return right

    def _paint_snippet(
        self, painter: QPainter, snippet: str, rect: QRect, font: QFont, colour: QColor
    ) -> None:
        doc = QTextDocument()
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        doc.setTextWidth(rect.width())
        doc.setHtml(
            f'<span style="color:{colour.name()}">'
            + snippet_html(plain_preview(snippet), highlight_colour(), current_scheme().text)
            + "</span>"
        )
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRect(0, 0, rect.width(), rect.height()))
        context = QAbstractTextDocumentLayout.PaintContext()
        doc.documentLayout().draw(painter, context)
        painter.restore()


_MARKUP = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`|^#+\s|(?<=\s)#+\s|^>\s?)")


def plain_preview(text: str) -> str:
    """The preview without the commonest Markdown marks (bold, italics, headings, quotes)."""
    return " ".join(_MARKUP.sub("", text).split())


def _unmarked(snippet: str) -> str:
    return snippet.replace(SNIPPET_START, "").replace(SNIPPET_END, "")


def _two_lines(text: str, metrics: QFontMetrics, width: int) -> str:
    """Cut the preview so it fits in two wrapped lines, ending with an ellipsis if cut."""
    if metrics.horizontalAdvance(text) <= width * 2 - metrics.averageCharWidth() * 4:
        return text
    budget = width * 2 - metrics.horizontalAdvance("…") - metrics.averageCharWidth() * 6
    words = text.split(" ")
    out = ""
    for word in words:
        candidate = f"{out} {word}" if out else word
        if metrics.horizontalAdvance(candidate) > budget:
            break
        out = candidate
    return out + "…"


def _draw_padlock(painter: QPainter, centre_right: QPointF, size: float, colour: QColor) -> None:
    """A small padlock: a rounded body and a shackle, drawn so no icon font is needed."""
    painter.save()
    w = size * 0.8
    h = size * 0.55
    body = QRectF(centre_right.x() - w, centre_right.y() - h / 2 + size * 0.15, w, h)
    painter.setPen(QPen(colour, 1.2))
    painter.setBrush(colour)
    painter.drawRoundedRect(body, 1.5, 1.5)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    shackle = QRectF(body.left() + w * 0.2, body.top() - h * 0.7, w * 0.6, h * 1.2)
    painter.drawArc(shackle, 0, 180 * 16)
    painter.drawLine(
        QPointF(shackle.left(), shackle.center().y()), QPointF(shackle.left(), body.top())
    )
    painter.drawLine(
        QPointF(shackle.right(), shackle.center().y()), QPointF(shackle.right(), body.top())
    )
    painter.restore()


def _paint_focus_ring(painter: QPainter, rect: QRectF, selected: bool) -> None:
    """The theme's focus ring round the row the keyboard is on (only while the list has the
    focus): two pixels, in the accent, or round a chosen row in the colour that shows on it."""
    scheme = current_scheme()
    painter.setPen(QPen(QColor(scheme.focus_on_accent if selected else scheme.focus), 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
