# SPDX-License-Identifier: GPL-3.0-or-later
"""Find words a person cannot read whole: a label or button narrower (or shorter) than its
text, measured with the widget's own font metrics, or a widget its container cuts off.

Used by the window-size tests (issue 10, point 2). Only what is on screen counts: a hidden
widget, or one scrolled out of a scroll area's view, can be reached and is not "cut".
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

SLACK = 1  # pixels of rounding


def _shown_text(text: str) -> str:
    """The text as drawn: a single & marks a shortcut and is not shown."""
    return re.sub(r"&(.)", r"\1", text)


def _describe(widget: QWidget, text: str) -> str:
    name = widget.objectName() or type(widget).__name__
    return f"{name} {text[:40]!r}"


def _inside_containers(widget: QWidget, top: QWidget) -> bool:
    """False when a container that does not scroll cuts part of the widget off."""
    rect = QRect(widget.rect())
    current = widget
    while current is not top and current.parentWidget() is not None:
        parent = current.parentWidget()
        rect.translate(current.pos())
        if parent.objectName() == "qt_scrollarea_viewport" or isinstance(
            parent, QAbstractScrollArea
        ):
            return True  # scrolled: reachable, not cut
        if not parent.rect().contains(rect):
            return False
        current = parent
    return True


def label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text.strip() or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    area = label.contentsRect()
    indent = max(0, label.indent()) + label.margin() * 2
    width = area.width() - indent
    metrics = QFontMetrics(label.font())
    if label.textFormat() != Qt.TextFormat.PlainText and _might_be_rich(text):
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        if label.wordWrap():
            doc.setTextWidth(width)
        needed_w, needed_h = doc.idealWidth(), doc.size().height()
    else:
        shown = _shown_text(text) if label.buddy() is not None else text
        lines = shown.split("\n")
        if label.wordWrap():
            longest = max(
                (metrics.horizontalAdvance(word) for line in lines for word in line.split()),
                default=0,
            )
            needed_w = longest
            needed_h = metrics.boundingRect(
                QRect(0, 0, max(1, width), 100_000),
                int(label.alignment().value) | Qt.TextFlag.TextWordWrap.value,
                shown,
            ).height()
        else:
            needed_w = max(metrics.horizontalAdvance(line) for line in lines)
            needed_h = metrics.height() * len(lines)
    if needed_w > width + SLACK:
        return f"{_describe(label, text)} needs {needed_w:.0f} px wide, has {width}"
    if needed_h > area.height() + SLACK:
        return f"{_describe(label, text)} needs {needed_h:.0f} px high, has {area.height()}"
    return None


def _might_be_rich(text: str) -> bool:
    return "<" in text and ">" in text


def button_problem(button: QAbstractButton) -> str | None:
    text = _shown_text(button.text())
    if not text.strip():
        return None
    if isinstance(button, QPushButton):
        option = QStyleOptionButton()
        button.initStyleOption(option)
        area = button.style().subElementRect(
            QStyle.SubElement.SE_PushButtonContents, option, button
        )
        metrics = QFontMetrics(button.font())
        needed = metrics.horizontalAdvance(text)
        if not button.icon().isNull():
            needed += button.iconSize().width() + 4
        if button.menu() is not None:
            needed += button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator)
        # Focus thickens a border by a pixel each side, into the padding: not a cut.
        if needed > area.width() + 2 + SLACK:
            return f"{_describe(button, text)} needs {needed} px wide, has {area.width()}"
        # A focused button's thicker border may eat into the padding; the text is cut only
        # when it is taller than the button inside its border.
        inside = max(area.height(), button.height() - 4)
        if metrics.height() > inside + SLACK:
            return f"{_describe(button, text)} needs {metrics.height()} px high, has {inside}"
        return None
    hint = button.sizeHint()  # tool buttons, check boxes, faces: text and their own parts
    if hint.width() > button.width() + SLACK:
        return f"{_describe(button, text)} needs {hint.width()} px wide, has {button.width()}"
    if hint.height() > button.height() + SLACK:
        return f"{_describe(button, text)} needs {hint.height()} px high, has {button.height()}"
    return None


def cut_texts(top: QWidget) -> list[str]:
    """Every label and button shown under `top` whose text does not fit, in words."""
    problems: list[str] = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel):
            problem = label_problem(widget)
        elif isinstance(widget, QAbstractButton):
            problem = button_problem(widget)
        else:
            continue
        if problem is None and not _inside_containers(widget, top):
            problem = f"{_describe(widget, getattr(widget, 'text', str)())} is cut by its container"
        if problem is not None:
            problems.append(problem)
    return problems


def checked_count(top: QWidget) -> int:
    """How many labels and buttons with text `cut_texts` looked at (a test can't pass empty)."""
    return sum(
        1
        for widget in top.findChildren(QWidget)
        if isinstance(widget, QLabel | QAbstractButton)
        and widget.isVisibleTo(top)
        and widget.text().strip()
    )
