# SPDX-License-Identifier: GPL-3.0-or-later
"""Paints a row of the goal and promise lists as the Journal's timeline does: a calm rule
between rows, the accent when selected, the first line in bold and the second muted, an
optional mark at the left (the model's decoration). Long lines end in "…", the whole text is
in the tooltip and in the row's accessible text.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from recovery_desktop.ui.theme import current_scheme

_Index = QModelIndex | QPersistentModelIndex
PAD = 7
TITLE_ROLE = Qt.ItemDataRole.UserRole + 10
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 11
TEXT_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.ToolTipRole,
    TITLE_ROLE,
    DETAIL_ROLE,
)


def row_text(role: int, title: str, detail: str) -> str | None:
    """What a row of two lines says for one of `TEXT_ROLES`: the two lines as painted, read
    aloud as two sentences, whole in the tooltip. The goal and promise lists answer these the
    same way, so the delegate, a screen reader and the tooltip agree with each other."""
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
        return f"{title}\n{detail}"
    if role == Qt.ItemDataRole.AccessibleTextRole:
        return f"{title}. {detail}"
    if role == TITLE_ROLE:
        return title
    if role == DETAIL_ROLE:
        return detail
    return None


class TwoLineDelegate(QStyledItemDelegate):
    """Rows from a model that answers `TITLE_ROLE` and `DETAIL_ROLE`."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        line = QFontMetrics(option.font).lineSpacing()
        return QSize(160, PAD * 2 + line * 2 + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        painter.save()
        palette: QPalette = option.palette
        scheme = current_scheme()
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
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
            painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        inner = rect.adjusted(PAD + 2, PAD, -PAD - 2, -PAD)
        font = QFont(option.font)
        metrics = QFontMetrics(font)
        line = metrics.lineSpacing()
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(icon, QIcon) and not icon.isNull():
            size = metrics.height()
            icon.paint(painter, QRect(inner.left(), inner.top(), size, size))
            inner.setLeft(inner.left() + size + PAD)
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(ink)
        title = str(index.data(TITLE_ROLE) or "")
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight, inner.width()),
        )
        painter.setFont(font)
        painter.setPen(muted)
        detail = str(index.data(DETAIL_ROLE) or "")
        painter.drawText(
            QRect(inner.left(), inner.top() + line, inner.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(detail, Qt.TextElideMode.ElideRight, inner.width()),
        )
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
            if selected:
                painter.setPen(QPen(ink, 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()
