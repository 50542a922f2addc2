# SPDX-License-Identifier: GPL-3.0-or-later
"""Walk a window with Tab only, as a keyboard user does, and say what they would meet.

`tab_walk(qtbot, first)` puts the focus on `first`, presses Tab until the focus comes back to
it, then Shift+Tab the whole way back. `assert_walkable(walk)` fails, naming the widgets, when:

- the focus is **trapped**: a Tab leaves it where it was, goes round a smaller circle without
  coming back to `first`, or never comes back;
- it lands on an **invisible** widget: hidden, of no size, out of view, or a stop that shows
  no focus ring (WCAG 2.4.7: the pixels that change when it takes the focus, at 3:1 or more
  against how they looked before, cover less than its outline once round);
- it **skips a control** that has an accessible name: visible, enabled and never reached
  (a button of a group with one Tab stop counts as reached when the group was);
- Shift+Tab does not go back the same way, or a stop has no accessible name.

Every page's test calls it, so the next pages get the same check (see tests/ui/test_tab_walk.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

RING_CONTRAST = 3.0  # WCAG 2.4.11/2.4.13: the focus indicator changes pixels by at least 3:1
RING_COVERAGE = 1.0  # ... over at least the widget's outline, once round (in pixels)

_CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
)


@dataclass
class TabWalk:
    """What one walk met: the stops forward and backward, and every problem, in words."""

    first: QWidget
    forward: list[QWidget] = field(default_factory=list)
    backward: list[QWidget] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def names(self) -> list[str]:
        return [describe(w) for w in self.forward]


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    name = widget.objectName() or type(widget).__name__
    accessible = widget.accessibleName()
    return f"{name} ({accessible!r})" if accessible else name


def tab_walk(qtbot, first: QWidget, *, max_stops: int = 300, rings: bool = True) -> TabWalk:
    """Walk from `first` with Tab until back at it, then with Shift+Tab; see the module doc.

    `rings=False` skips the focus-ring check (only for a quick look at the order).
    """
    window = first.window()
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    # The pointer rests on the window's corner: a control under it (the page scrolls as the
    # focus moves) would show its hover edge and blur what the focus itself changes.
    QTest.mouseMove(window, QPoint(0, 0))
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    walk = TabWalk(first)
    walk.forward = _go(qtbot, walk, first, forward=True, max_stops=max_stops, rings=rings)
    if not walk.problems:
        walk.backward = _go(qtbot, walk, first, forward=False, max_stops=max_stops, rings=False)
        expected = [walk.first, *reversed(walk.forward[1:])]
        if walk.backward != expected:
            walk.problems.append(
                "Shift+Tab does not go back the way Tab came:\n  Tab:       "
                + " > ".join(describe(w) for w in walk.forward)
                + "\n  Shift+Tab: "
                + " > ".join(describe(w) for w in walk.backward)
            )
    _check_skipped(walk, window)
    return walk


def assert_walkable(walk: TabWalk) -> None:
    assert not walk.problems, "\n".join(
        [f"Walking with Tab from {describe(walk.first)}:", *walk.problems]
    )


def _go(qtbot, walk: TabWalk, first: QWidget, *, forward: bool, max_stops: int, rings: bool):
    key, modifier = Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier
    if not forward:
        modifier = Qt.KeyboardModifier.ShiftModifier
    direction = "Tab" if forward else "Shift+Tab"
    stops = [first]
    window = first.window()
    current = first
    for _ in range(max_stops):
        _settle()
        before = _grab(current) if rings else None
        qtbot.keyClick(current, key, modifier)
        _settle()
        reached = QApplication.focusWidget()
        if reached is current and current is first and len(stops) == 1:
            return stops  # the only control there is: Tab rightly stays on it
        if reached is current:
            walk.problems.append(f"{direction} is trapped in {describe(current)}: it stays there.")
            return stops
        if reached is None or reached.window() is not window:
            walk.problems.append(
                f"{direction} from {describe(current)} leaves the window (to {describe(reached)})."
            )
            return stops
        if before is not None and not _related(current, reached):
            _check_ring(walk, current, before, _grab(current))
        if reached is first:
            return stops
        if reached in stops:
            walk.problems.append(
                f"{direction} is trapped in a circle that never comes back to "
                f"{describe(first)}: " + " > ".join(describe(w) for w in stops)
            )
            return stops
        _check_visible(walk, reached)
        if not reached.accessibleName():
            walk.problems.append(f"{describe(reached)} is a Tab stop without an accessible name.")
        stops.append(reached)
        current = reached
    walk.problems.append(f"{direction} never came back to {describe(first)} in {max_stops} stops.")
    return stops


def _settle() -> None:
    """Let pending layouts and scrolling finish, so both grabs show the widget where it is."""
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def _related(a: QWidget, b: QWidget) -> bool:
    return a.isAncestorOf(b) or b.isAncestorOf(a)


def _check_visible(walk: TabWalk, widget: QWidget) -> None:
    if not widget.isVisible():
        walk.problems.append(f"Tab lands on {describe(widget)}, which is hidden.")
    elif widget.width() < 4 or widget.height() < 4:
        walk.problems.append(f"Tab lands on {describe(widget)}, which has no size.")
    elif not _in_view(widget):
        walk.problems.append(f"Tab lands on {describe(widget)}, which is out of view.")


def _in_view(widget: QWidget) -> bool:
    """Does any of it show through every parent (a scroll area shows only part of a page)?"""
    window = widget.window()
    shown = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        shown = shown.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return not shown.isEmpty()


def _grab(widget: QWidget) -> np.ndarray:
    """The widget as it shows on its parent: grabbed alone, a widget's margins would be filled
    with its own background (a filled button would look filled to its very edge)."""
    parent = widget.parentWidget()
    pixmap = parent.grab(widget.geometry()) if parent is not None else widget.grab()
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    rows = data.reshape(height, image.bytesPerLine())[:, : width * 4]
    return rows.reshape(height, width, 4)[:, :, 2::-1].astype(np.float64) / 255.0  # BGRA > RGB


def _luminance(rgb: np.ndarray) -> np.ndarray:
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return linear @ np.array([0.2126, 0.7152, 0.0722])


def ring_pixels(focused: np.ndarray, unfocused: np.ndarray) -> int:
    """How many pixels change by `RING_CONTRAST` or more between the two states."""
    if focused.shape != unfocused.shape:
        return 0
    a, b = _luminance(focused), _luminance(unfocused)
    ratio = (np.maximum(a, b) + 0.05) / (np.minimum(a, b) + 0.05)
    return int((ratio >= RING_CONTRAST).sum())


def _check_ring(walk: TabWalk, widget: QWidget, focused: np.ndarray, unfocused: np.ndarray):
    width, height = widget.width(), widget.height()
    if isinstance(widget, QAbstractItemView) and widget.currentIndex().isValid():
        row = widget.visualRect(widget.currentIndex())  # a list rings the row it is on
        width, height = min(width, row.width()), min(height, row.height())
    outline = 2 * (width + height)
    changed = ring_pixels(focused, unfocused)
    if changed < RING_COVERAGE * outline:
        walk.problems.append(
            f"{describe(widget)} shows no visible focus ring: {changed} pixels change by "
            f"{RING_CONTRAST}:1 when it takes the focus, fewer than its outline ({outline})."
        )


def _is_control(widget: QWidget) -> bool:
    if isinstance(widget, QLabel):
        return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    return isinstance(widget, _CONTROLS) or bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _covered(widget: QWidget, reached: set[int]) -> bool:
    """Reached another way: its group's single Tab stop, its focus proxy, or its owner (the
    line edit inside a combo or date box)."""
    proxy = widget.focusProxy()
    if proxy is not None and id(proxy) in reached:
        return True
    group = widget.group() if isinstance(widget, QAbstractButton) else None
    if group is not None and any(id(b) in reached for b in group.buttons()):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if id(parent) in reached and isinstance(parent, (QAbstractSpinBox, QComboBox)):
            return True
        parent = parent.parentWidget()
    return False


def _check_skipped(walk: TabWalk, window: QWidget) -> None:
    reached = {id(w) for w in walk.forward}
    for widget in window.findChildren(QWidget):
        if (
            widget.accessibleName()
            and widget.isVisible()
            and widget.isEnabled()
            and _is_control(widget)
            and id(widget) not in reached
            and not _covered(widget, reached)
        ):
            walk.problems.append(f"Tab never reaches {describe(widget)}.")
