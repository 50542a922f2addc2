# SPDX-License-Identifier: GPL-3.0-or-later
"""Mood 1-5 as five drawn, labelled faces (awful, bad, okay, good, great).

Faces are painted with QPainter in the theme's mood colours rather than emoji, because there may
be no colour emoji font, and a drawn face looks the same everywhere. The label is always written
under the face, so colour is never the only cue.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QSizePolicy, QWidget

from recovery_desktop.ui.theme import current_scheme, mood_color
from recovery_desktop.ui.widgets.roving import RovingButtonGroup

FACE_INK = QColor("#26292b")  # features: dark on every mood colour, in both schemes
# How much each mood's mouth curves: -1 a deep frown .. +1 a wide smile.
_MOUTH = {1: -1.0, 2: -0.45, 3: 0.0, 4: 0.5, 5: 1.0}


class MoodFaceButton(QAbstractButton):
    """One checkable face with its word underneath."""

    def __init__(self, mood: int, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mood = mood
        self.setText(label)
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        metrics = self.fontMetrics()
        face = round(metrics.height() * 3.0)
        width = max(face, metrics.horizontalAdvance(self.text())) + metrics.height() * 2
        return QSize(width, face + round(metrics.height() * 2.2))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        scheme = current_scheme()
        colour = mood_color(self.mood)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        box = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        # The chosen face's frame sits inside the focus ring, so the ring shows on it too.
        inner = box.adjusted(2.5, 2.5, -2.5, -2.5)

        if self.isChecked():
            fill = QColor(colour)
            fill.setAlpha(70)
            painter.setPen(QPen(colour, 2))
            painter.setBrush(fill)
            painter.drawRoundedRect(inner, 6, 6)
        elif self.underMouse():
            painter.setPen(QPen(QColor(scheme.border), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(inner, 6, 6)
        if self.hasFocus():  # the theme's focus ring: solid, two pixels, on the outer edge
            painter.setPen(QPen(QColor(scheme.focus), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(-0.5, -0.5, 0.5, 0.5), 8, 8)

        size = min(box.width() - metrics.height() * 0.6, metrics.height() * 3.0)
        face = QRectF(0, 0, size, size)
        face.moveCenter(QPointF(box.center().x(), box.top() + metrics.height() * 0.35 + size / 2))
        self._draw_face(painter, face, colour, chosen=self.isChecked())

        text_rect = QRectF(box.left(), face.bottom(), box.width(), box.bottom() - face.bottom())
        font = self.font()
        font.setBold(self.isChecked())
        painter.setFont(font)
        painter.setPen(QColor(scheme.text))
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, self.text())
        painter.end()

    def _draw_face(self, painter: QPainter, face: QRectF, colour: QColor, *, chosen: bool) -> None:
        body = QColor(colour)
        if not chosen and self.group() is not None and self.group().checkedButton() is not None:
            body.setAlphaF(0.55)  # another face is chosen: let that one stand out
        painter.setPen(QPen(body.darker(125), 1.5))
        painter.setBrush(body)
        painter.drawEllipse(face)

        w, h = face.width(), face.height()
        cx, cy = face.center().x(), face.center().y()
        ink = QPen(FACE_INK, max(1.6, w / 16), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(ink)
        painter.setBrush(FACE_INK)
        eye_r = w * 0.055
        for dx in (-0.17, 0.17):
            painter.drawEllipse(QPointF(cx + dx * w, cy - 0.1 * h), eye_r, eye_r)
        if self.mood == 1:  # worried brows
            painter.drawLine(
                QPointF(cx - 0.27 * w, cy - 0.2 * h), QPointF(cx - 0.1 * w, cy - 0.26 * h)
            )
            painter.drawLine(
                QPointF(cx + 0.27 * w, cy - 0.2 * h), QPointF(cx + 0.1 * w, cy - 0.26 * h)
            )

        curve = _MOUTH[self.mood]
        left = QPointF(cx - 0.2 * w, cy + 0.2 * h - curve * 0.05 * h)
        right = QPointF(cx + 0.2 * w, left.y())
        control = QPointF(cx, left.y() + curve * 0.22 * h)
        mouth = QPainterPath(left)
        mouth.quadTo(control, right)
        if self.mood == 5:  # an open, happy smile
            mouth.quadTo(QPointF(cx, left.y() + 0.02 * h), left)
            painter.drawPath(mouth)
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(mouth)


class MoodPicker(QWidget):
    """Five faces in a row, one choice (or none yet). `mood_changed` carries 1-5."""

    mood_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mood_picker")
        labels = {
            1: self.tr("awful"),
            2: self.tr("bad"),
            3: self.tr("okay"),
            4: self.tr("good"),
            5: self.tr("great"),
        }
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self._group = RovingButtonGroup(self)
        self.buttons: dict[int, MoodFaceButton] = {}
        for mood, label in labels.items():
            button = MoodFaceButton(mood, label, self)
            button.setObjectName(f"mood_{mood}")
            button.setAccessibleName(self.tr("Mood: %1").replace("%1", label))
            button.setToolTip(self.tr("I feel %1").replace("%1", label))
            self._group.add(button, mood)
            layout.addWidget(button)
            self.buttons[mood] = button
        layout.addStretch(1)
        self._group.idToggled.connect(self._on_toggled)

    def _on_toggled(self, mood: int, checked: bool) -> None:
        for button in self.buttons.values():
            button.update()  # the unchosen faces fade
        if checked:
            self.mood_changed.emit(mood)

    def mood(self) -> int | None:
        return self._group.choice()

    def set_mood(self, mood: int | None) -> None:
        self._group.set_choice(mood)
        for button in self.buttons.values():
            button.update()
