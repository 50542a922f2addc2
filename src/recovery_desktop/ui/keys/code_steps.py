# SPDX-License-Identifier: GPL-3.0-or-later
"""A new recovery code, shown once and confirmed as at set-up: the same view (copy, save as a
text file) and the same check (two groups typed back), as two pages a dialog can hold."""

from __future__ import annotations

import random

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.ui.unlock.common import BusyIndicator
from recovery_desktop.ui.unlock.recovery_code import RecoveryCodeCheck, RecoveryCodeView, forget

SHOW, CHECK = range(2)


def button(
    parent: QWidget, text: str, name: str, accessible: str, *, primary: bool = False
) -> QPushButton:
    widget = QPushButton(text, parent)
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    if primary:
        widget.setProperty("primary", True)
    return widget


def button_row(primary: QPushButton, *others: QPushButton) -> QHBoxLayout:
    """`others` on the left, the primary button on the right, as the set-up wizard does."""
    row = QHBoxLayout()
    for other in others:
        row.addWidget(other)
    row.addStretch(1)
    row.addWidget(primary)
    return row


class NewCodeSteps(QStackedWidget):
    """Show `code` (`start`), then ask for two of its groups; `confirmed` once they match,
    `cancelled` from Cancel on the first page. `confirm_label` names what confirming does
    ("Save the new code"). `busy` shows the slow work the dialog runs after confirming."""

    confirmed = Signal()
    cancelled = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        confirm_label: str,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("new_code_steps")
        self._code = ""

        show = QWidget(self)
        self.view = RecoveryCodeView(show, heading=self.tr("Your new recovery code"))
        self.cancel_button = button(show, self.tr("Cancel"), "new_code_cancel", self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancelled)
        self.next_button = button(
            show,
            self.tr("I've kept it safe"),
            "new_code_next",
            self.tr("I've kept the new recovery code safe, continue"),
            primary=True,
        )
        self.next_button.clicked.connect(lambda: self.go(CHECK))
        show_layout = QVBoxLayout(show)
        show_layout.setContentsMargins(0, 0, 0, 0)
        show_layout.addWidget(self.view, 1)
        self.until_confirmed = QLabel(
            self.tr("Your old code keeps working until you've typed part of this one back."), show
        )
        self.until_confirmed.setWordWrap(True)
        self.until_confirmed.setProperty("role", "muted")
        show_layout.addWidget(self.until_confirmed)
        show_layout.addLayout(button_row(self.next_button, self.cancel_button))

        check = QWidget(self)
        self.check = RecoveryCodeCheck(check, rng=rng)
        self.check.changed.connect(self._update)
        self.check.submitted.connect(self._confirm)
        self.busy = BusyIndicator(check)
        self.back_button = button(
            check, self.tr("Show the code again"), "new_code_back", self.tr("Show the code again")
        )
        self.back_button.clicked.connect(lambda: self.go(SHOW))
        self.confirm_button = button(
            check, confirm_label, "new_code_confirm", confirm_label, primary=True
        )
        self.confirm_button.clicked.connect(self._confirm)
        check_layout = QVBoxLayout(check)
        check_layout.setContentsMargins(0, 0, 0, 0)
        check_layout.addWidget(self.check, 1)
        check_layout.addWidget(self.busy)
        check_layout.addLayout(button_row(self.confirm_button, self.back_button))

        self.addWidget(show)
        self.addWidget(check)

    @property
    def code(self) -> str:
        return self._code

    @property
    def page(self) -> int:
        return self.currentIndex()

    def start(self, code: str) -> None:
        self._code = code
        self.view.set_code(code)
        self.check.ask_for(code)
        self.go(SHOW)

    def go(self, index: int) -> None:
        self.setCurrentIndex(index)
        if index == CHECK:
            self.check.reset()
            self.check.fields[0].setFocus()
        else:
            self.view.copy_button.setFocus()
        self._update()

    def set_busy(self, text: str | None) -> None:
        """While the dialog saves: the check stays on screen, nothing can be pressed."""
        if text is None:
            self.busy.stop()
        else:
            self.busy.start(text)
        for widget in (*self.check.fields, self.back_button):
            widget.setEnabled(text is None)
        self._update()

    def show_error(self, text: str) -> None:
        self.check.error.setText(text)

    def forget(self) -> None:
        """Off the clipboard (if it still holds the code) and out of the widgets."""
        if self._code:
            forget(self._code)
        self._code = ""
        self.view.set_code("")
        self.check.forget_code()

    def _update(self) -> None:
        self.confirm_button.setEnabled(self.check.filled and not self.busy.busy)

    def _confirm(self) -> None:
        if not self.confirm_button.isEnabled() or not self.check.check():
            return
        forget(self._code)  # typed back, so kept safe: off the clipboard now
        self.confirmed.emit()
