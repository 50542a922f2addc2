# SPDX-License-Identifier: GPL-3.0-or-later
"""Mood 1-5 as five drawn, labelled faces (awful, bad, okay, good, great).

Faces are painted with QPainter in the theme's mood colours rather than emoji, because there may
be no colour emoji font, and a drawn face looks the same everywhere. The label is always written
under the face, so colour is never the only cue.

One picker and one set of words everywhere (DESIGN §5): Today's check-in uses the full-size
picker, the Journal's detail row the compact one (smaller faces, the same words), and lists and
filters draw the same face with `mood_icon` and say the same word with `mood_word`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QIcon,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QSizePolicy, QWidget

from recovery_desktop.ui.theme import current_scheme, mood_color
from recovery_desktop.ui.widgets.roving import RovingButtonGroup

FACE_INK = QColor("#26292b")  # features: dark on every mood colour, in both schemes
# How much each mood's mouth curves: -1 a deep frown .. +1 a wide smile.
_MOUTH = {1: -1.0, 2: -0.45, 3: 0.0, 4: 0.5, 5: 1.0}
FACE_HEIGHTS = {False: 3.0, True: 1.7}  # a face's size in lines of text: full, compact


def mood_word(mood: int) -> str:
    """The word for a mood, the same on every screen: awful, bad, okay, good, great."""
    words = {
        1: QT_TRANSLATE_NOOP("Mood", "awful"),
        2: QT_TRANSLATE_NOOP("Mood", "bad"),
        3: QT_TRANSLATE_NOOP("Mood", "okay"),
        4: QT_TRANSLATE_NOOP("Mood", "good"),
        5: QT_TRANSLATE_NOOP("Mood", "great"),
    }
    return QCoreApplication.translate("Mood", words[mood])


def paint_face(painter: QPainter, face: QRectF, mood: int, *, faded: bool = False) -> None:
    """Draw the face for `mood` in `face` (a square), in its mood colour."""
    body = QColor(mood_color(mood))
    if faded:
        body.setAlphaF(0.55)  # another face is chosen: let that one stand out
    painter.setPen(QPen(body.darker(125), 1.5 if face.width() > 20 else 1.0))
    painter.setBrush(body)
    painter.drawEllipse(face)

    w, h = face.width(), face.height()
    cx, cy = face.center().x(), face.center().y()
    ink = QPen(FACE_INK, max(1.0, w / 16), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    painter.setPen(ink)
    painter.setBrush(FACE_INK)
    eye_r = max(0.8, w * 0.055)
    for dx in (-0.17, 0.17):
        painter.drawEllipse(QPointF(cx + dx * w, cy - 0.1 * h), eye_r, eye_r)
    if mood == 1:  # worried brows
        painter.drawLine(QPointF(cx - 0.27 * w, cy - 0.2 * h), QPointF(cx - 0.1 * w, cy - 0.26 * h))
        painter.drawLine(QPointF(cx + 0.27 * w, cy - 0.2 * h), QPointF(cx + 0.1 * w, cy - 0.26 * h))

    curve = _MOUTH[mood]
    left = QPointF(cx - 0.2 * w, cy + 0.2 * h - curve * 0.05 * h)
    right = QPointF(cx + 0.2 * w, left.y())
    control = QPointF(cx, left.y() + curve * 0.22 * h)
    mouth = QPainterPath(left)
    mouth.quadTo(control, right)
    if mood == 5:  # an open, happy smile
        mouth.quadTo(QPointF(cx, left.y() + 0.02 * h), left)
        painter.drawPath(mouth)
    else:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(mouth)


def mood_icon(mood: int, size: int = 16) -> QIcon:
    """The mood's face as an icon (for lists and filters), sharp on high-DPI screens."""
    ratio = 2
    pixmap = QPixmap(size * ratio, size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_face(painter, QRectF(0.5, 0.5, size - 1, size - 1), mood)
    painter.end()
    return QIcon(pixmap)


class MoodFaceButton(QAbstractButton):
    """One checkable face with its word underneath."""

    def __init__(
        self, mood: int, label: str, parent: QWidget | None = None, *, compact: bool = False
    ) -> None:
        super().__init__(parent)
        self.mood = mood
        self.compact = compact
        self.setText(label)
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        metrics = self.fontMetrics()
        face = round(metrics.height() * FACE_HEIGHTS[self.compact])
        pad = metrics.height() * (1 if self.compact else 2)
        bold = self.font()
        bold.setBold(True)  # the chosen face's word is bold: room for it either way
        text = QFontMetrics(bold).horizontalAdvance(self.text())
        below = 1.75 if self.compact else 2.2  # a line of text and its descenders, in the frame
        return QSize(max(face, text) + pad, face + round(metrics.height() * below))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def frames(self) -> tuple[QRectF, QRectF]:
        """(the focus ring's box, the chosen face's frame inside it, so the ring shows on it)."""
        box = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        return box, box.adjusted(2.5, 2.5, -2.5, -2.5)

    def face_and_label(self) -> tuple[QRectF, QRectF]:
        """Where the face and its word are drawn: the word inside the chosen face's frame
        (below it, the bold word's descenders, the "g" of "great", crossed it)."""
        metrics = self.fontMetrics()
        box, inner = self.frames()
        size = min(
            box.width() - metrics.height() * 0.6, metrics.height() * FACE_HEIGHTS[self.compact]
        )
        top = metrics.height() * (0.2 if self.compact else 0.35)
        face = QRectF(0, 0, size, size)
        face.moveCenter(QPointF(box.center().x(), box.top() + top + size / 2))
        label = QRectF(box.left(), face.bottom(), box.width(), inner.bottom() - face.bottom())
        return face, label

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        scheme = current_scheme()
        colour = mood_color(self.mood)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box, inner = self.frames()

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

        face, text_rect = self.face_and_label()
        group = self.group()
        other_chosen = group is not None and group.checkedButton() not in (None, self)
        paint_face(painter, face, self.mood, faded=other_chosen)

        font = self.font()
        font.setBold(self.isChecked())
        painter.setFont(font)
        painter.setPen(QColor(scheme.text))
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, self.text())
        painter.end()


class MoodPicker(QWidget):
    """Five faces in a row, one choice (or none yet). `mood_changed` carries 1-5.

    `compact`: smaller faces for a row of details (the Journal). `name` prefixes the object
    names (`<name>_1`..`<name>_5`), so two pickers in one window stay apart. `cleared` when
    a chosen mood is taken back (`set_mood(None)`).
    """

    mood_changed = Signal(int)
    cleared = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        compact: bool = False,
        name: str = "mood",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mood_picker" if name == "mood" else name)
        self.compact = compact
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4 if compact else 8)
        self._group = RovingButtonGroup(self)
        self.buttons: dict[int, MoodFaceButton] = {}
        for mood in range(1, 6):
            label = mood_word(mood)
            button = MoodFaceButton(mood, label, self, compact=compact)
            button.setObjectName(f"{name}_{mood}")
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
        had = self._group.choice()
        self._group.set_choice(mood)
        if mood is None and had is not None:
            self.cleared.emit()
        for button in self.buttons.values():
            button.update()
