# SPDX-License-Identifier: GPL-3.0-or-later
"""Small pieces the unlock screens share: a busy indicator and plain error sentences."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from recovery_desktop.ui.words import QtWords


class UnlockWords(QtWords):
    """The words the unlock screens share."""


class BusyIndicator(QWidget):
    """An indeterminate bar with a sentence, shown while the slow key derivation runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("busy_indicator")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setProperty("role", "muted")
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(UnlockWords.tr("Working"))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar, 1)
        self.hide()

    def start(self, text: str) -> None:
        self.label.setText(text)
        self.bar.setAccessibleDescription(text)
        self.show()

    def stop(self) -> None:
        self.hide()

    @property
    def busy(self) -> bool:
        return not self.isHidden()


def describe_error(error: BaseException) -> str:
    """A sentence a person can act on, for errors other than a wrong passphrase or code."""
    from recovery_desktop.storage.errors import storage_failure_message

    return storage_failure_message(error) or UnlockWords.tr(
        "Something unexpected went wrong ({name}). Nothing was changed."
    ).format(name=type(error).__name__)
