# SPDX-License-Identifier: GPL-3.0-or-later
"""Paints a row of the People page's lists: a bold first line, a muted second line, and an
optional word on the right ("Emergency", "To complete", "Archived").

Rows have one height (the views set uniform item sizes), so a long history scrolls without
Qt measuring rows it has not shown. Colours come from the palette, so light and dark both
read; the badge is a word, never a colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

_Index = QModelIndex | QPersistentModelIndex
PAD = 8

DetailRole = Qt.ItemDataRole.UserRole + 10
BadgeRole = Qt.ItemDataRole.UserRole + 11
MutedRole = Qt.ItemDataRole.UserRole + 12  # archived: the first line is muted too


class TwoLineDelegate(QStyledItemDelegate):
    """Draws DisplayRole over DetailRole, with BadgeRole on the right."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        line = QFontMetrics(option.font).lineSpacing()
        return QSize(160, PAD * 2 + line * 2 + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette: QPalette = option.palette
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        group = QPalette.ColorGroup.Active
        if selected:
            painter.fillRect(rect, palette.color(group, QPalette.ColorRole.Highlight))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, palette.color(group, QPalette.ColorRole.AlternateBase))
        text_colour = palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted_colour = (
            text_colour if selected else palette.color(group, QPalette.ColorRole.PlaceholderText)
        )
        painter.setPen(QPen(palette.color(group, QPalette.ColorRole.Mid), 1))
        painter.drawLine(rect.left() + PAD, rect.bottom(), rect.right() - PAD, rect.bottom())

        inner = rect.adjusted(PAD + 4, PAD, -PAD - 4, -PAD)
        bold = QFont(option.font)
        bold.setBold(True)
        metrics = QFontMetrics(option.font)
        bold_metrics = QFontMetrics(bold)

        badge = index.data(BadgeRole)
        right = inner.right()
        if badge:
            small = QFont(option.font)
            small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.85))
            small_metrics = QFontMetrics(small)
            width = small_metrics.horizontalAdvance(str(badge)) + 12
            height = small_metrics.height() + 2
            box = QRectF(inner.right() - width, inner.top() + 1, width, height)
            painter.setFont(small)
            painter.setPen(QPen(text_colour if selected else muted_colour, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, height / 2, height / 2)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(badge))
            right = int(box.left()) - 8

        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.setFont(bold)
        painter.setPen(muted_colour if index.data(MutedRole) and not selected else text_colour)
        first = QRect(inner.left(), inner.top(), right - inner.left(), bold_metrics.height())
        painter.drawText(
            first,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            bold_metrics.elidedText(title, Qt.TextElideMode.ElideRight, first.width()),
        )
        detail = str(index.data(DetailRole) or "")
        painter.setFont(option.font)
        painter.setPen(muted_colour)
        second = QRect(inner.left(), first.bottom() + 2, inner.width(), metrics.lineSpacing())
        painter.drawText(
            second,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(detail, Qt.TextElideMode.ElideRight, second.width()),
        )
        if focused:  # the keyboard's row: a ring, on the highlight too
            ring = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
            painter.setPen(QPen(palette.color(group, ring), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(rect).adjusted(2, 2, -2, -2), 4, 4)
        painter.restore()


def two_line_list(name: str, accessible: str, parent: QWidget) -> QListView:
    """A list of the People page drawn by `TwoLineDelegate` (the directory and a person's
    history alike): one row chosen at a time, rows of one height, smooth scrolling, hover."""
    view = QListView(parent)
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setItemDelegate(TwoLineDelegate(view))
    view.setUniformItemSizes(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setMouseTracking(True)
    view.setFrameShape(QFrame.Shape.NoFrame)
    return view
