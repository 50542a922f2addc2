# SPDX-License-Identifier: GPL-3.0-or-later
"""Choosing a passphrase: the field, its confirmation, a "show" toggle and a warm strength hint.

Used by the set-up wizard and the new-passphrase dialog, so both speak the same way.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from recovery_desktop.core.passphrase_strength import MIN_CHARS, Level, estimate


class PassphraseFields(QWidget):
    """Two password fields that say, kindly, how the choice looks; `changed` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("new_passphrase")
        self.passphrase.setAccessibleName(self.tr("New passphrase"))
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("A few unrelated words work well"))

        self.confirmation = QLineEdit(self)
        self.confirmation.setObjectName("confirm_passphrase")
        self.confirmation.setAccessibleName(self.tr("The same passphrase again"))
        self.confirmation.setEchoMode(QLineEdit.EchoMode.Password)

        self.show_toggle = QCheckBox(self.tr("Show what I type"), self)
        self.show_toggle.setObjectName("show_new_passphrase")
        self.show_toggle.setAccessibleName(self.tr("Show the passphrase"))
        self.show_toggle.toggled.connect(self._set_visible)

        self.strength = QLabel(self)
        self.strength.setObjectName("strength_hint")
        self.strength.setWordWrap(True)
        self.strength.setProperty("role", "muted")
        self.strength.setAccessibleName(self.tr("How strong the passphrase looks"))

        self.match = QLabel(self)
        self.match.setObjectName("match_hint")
        self.match.setWordWrap(True)
        self.match.setProperty("role", "muted")

        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Once more"), self.confirmation)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.show_toggle)
        layout.addWidget(self.strength)
        layout.addWidget(self.match)

        self.passphrase.textChanged.connect(self._update)
        self.confirmation.textChanged.connect(self._update)
        self._update()

    def _set_visible(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.confirmation.setEchoMode(mode)

    def strength_text(self, passphrase: str) -> str:
        if not passphrase:
            return self.tr(
                "Choose something you can remember without writing it down: a short, odd "
                "sentence or a few unrelated words."
            )
        result = estimate(passphrase)
        if result.level == Level.TOO_SHORT:
            return self.tr("A little longer, please: at least {n} characters.").format(n=MIN_CHARS)
        if result.level == Level.COMMON:
            return self.tr(
                "That one is on the lists people try first. Something only you would think of "
                "will keep your journal safer."
            )
        if result.level == Level.WEAK:
            return self.tr(
                "Okay, but easy to guess. Adding another word or two makes a big difference."
            )
        if result.level == Level.FAIR:
            return self.tr("Good. One more word would make it even harder to guess.")
        return self.tr("Strong. Now make sure you'll remember it.")

    def _update(self) -> None:
        first = self.passphrase.text()
        self.strength.setText(self.strength_text(first))
        second = self.confirmation.text()
        if not second:
            self.match.setText("")
        elif second == first:
            self.match.setText(self.tr("Both match."))
        elif first.startswith(second):
            self.match.setText("")
        else:
            self.match.setText(self.tr("The two don't match yet."))
        self.changed.emit()

    @property
    def acceptable(self) -> bool:
        """Long enough, not a common password, and typed the same twice."""
        first = self.passphrase.text()
        return estimate(first).acceptable and first == self.confirmation.text()

    def value(self) -> str:
        return self.passphrase.text()

    def clear(self) -> None:
        self.passphrase.clear()
        self.confirmation.clear()
