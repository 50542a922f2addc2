# SPDX-License-Identifier: GPL-3.0-or-later
"""An unticked check box or radio button shows its edge (WCAG 1.4.11, 3:1 against what is
around it) in both themes: in the dark one Fusion drew it at 1.1:1, almost invisible (Settings'
"Show 'On this day' memories", the Log a connection dialog). Read from the drawn pixels."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from recovery_desktop.ui.colours import RING_CONTRAST, SCHEMES, contrast_ratio
from recovery_desktop.ui.theme import apply_theme


@pytest.fixture
def app(themed_app: QApplication) -> Iterator[QApplication]:
    yield themed_app
    apply_theme(themed_app)  # back to what the other tests expect


def _strongest_edge(button: QAbstractButton, element: QStyle.SubElement, around: str) -> float:
    """The highest contrast between a pixel of the indicator and the background around it."""
    option = QStyleOptionButton()
    option.initFrom(button)
    rect = button.style().subElementRect(element, option, button)
    assert rect.width() > 4 and rect.height() > 4
    image = button.grab().toImage()
    ratio = 1.0
    for x in range(rect.left(), rect.right() + 1):
        for y in range(rect.top(), rect.bottom() + 1):
            pixel = QColor(image.pixel(x, y)).name()
            ratio = max(ratio, contrast_ratio(pixel, around))
    return ratio


@pytest.mark.parametrize("name", list(SCHEMES))
def test_unticked_boxes_and_radio_buttons_show_their_edge(app, qtbot: QtBot, name: str) -> None:
    apply_theme(app, name)
    scheme = SCHEMES[name]
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    box = QCheckBox("Show “On this day” memories on Today", window)
    radio = QRadioButton("A group", window)
    layout.addWidget(box)
    layout.addWidget(radio)
    window.show()
    qtbot.waitExposed(window)
    assert not box.isChecked() and not radio.isChecked()
    for button, element in (
        (box, QStyle.SubElement.SE_CheckBoxIndicator),
        (radio, QStyle.SubElement.SE_RadioButtonIndicator),
    ):
        ratio = _strongest_edge(button, element, scheme.window)
        assert ratio >= RING_CONTRAST, f"{button.text()}: {ratio:.2f}:1 in {name}"
    box.setCheckState(Qt.CheckState.Checked)  # ticked: the accent, which shows too
    assert _strongest_edge(box, QStyle.SubElement.SE_CheckBoxIndicator, scheme.window) >= 3.0
