# SPDX-License-Identifier: GPL-3.0-or-later
"""Changing the vault's key from the GUI: what the passphrase dialog collects (`KeyChangePlan`),
the choice about old backups, and how a dialog inside the session reaches the controller.

The change rewrites the database (`storage/rekey.py`), so the app's own connection must be
closed first and the vault reopened under the new key afterwards: only the controller, which
owns the session, can do that. It puts a `KeyChangeHost` on the main window; a dialog finds it
with `KeyChangeHost.near(widget)` and hands it the plan. Without a host (a dialog shown on its
own), the option is not offered.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from recovery_desktop.storage.rekey import OldBackups
from recovery_desktop.ui.keys.copies_text import KeyWords
from recovery_desktop.ui.theme import make_heading

if TYPE_CHECKING:
    from recovery_desktop.storage.unlocking import SlotUpgrade


def _closing_message() -> str:
    return KeyWords.tr(
        "The app is closing, so the vault's key was not changed. Nothing was changed."
    )


@dataclass
class KeyChangePlan:
    """Everything the change needs once the new recovery code is confirmed. Holds secrets:
    kept only until the change has run."""

    folder: Path
    current_key: bytes = field(repr=False)
    new_passphrase: str = field(repr=False)
    new_recovery_code: str = field(repr=False)
    old_backups: OldBackups = OldBackups.REENCRYPT
    slot_upgrade: SlotUpgrade | None = field(default=None, repr=False)


class KeyChangeHost(QObject):
    """Lives on the main window; `start(plan)` ends the session and runs the change.

    `refusal()` says, in a sentence, why a change cannot start now (another window or program
    has the vault open), or None. `start(plan)` returns such a sentence and changes nothing,
    or None once it has taken over: the main window and its dialogs are then closing.
    Both are bound methods of the controller, held weakly: a window must not keep its
    controller alive (and PySide crashes when a dying child drops the last reference).
    """

    def __init__(
        self,
        refusal: Callable[[], str | None],
        start: Callable[[KeyChangePlan], str | None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("key_change_host")
        self._refusal = weakref.WeakMethod(refusal)  # type: ignore[arg-type]
        self._start = weakref.WeakMethod(start)  # type: ignore[arg-type]

    def refusal(self) -> str | None:
        refusal = self._refusal()
        if refusal is None:
            return _closing_message()
        return refusal()

    def start(self, plan: KeyChangePlan) -> str | None:
        start = self._start()
        if start is None:
            return _closing_message()
        return start(plan)

    @staticmethod
    def near(widget: QWidget | None) -> KeyChangeHost | None:
        """The host of the window `widget` belongs to (through dialogs over dialogs)."""
        while widget is not None:
            host = widget.findChild(
                KeyChangeHost, "key_change_host", Qt.FindChildOption.FindDirectChildrenOnly
            )
            if host is not None:
                return host
            widget = widget.parentWidget()
        return None


class OldBackupsChoice(QWidget):
    """Re-encrypt (the default), delete or keep the backups made under the old key, each
    with what it means in plain words. Never decided silently."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("old_backups_choice")
        heading = QLabel(self.tr("Backups under the old key"), self)
        make_heading(heading, 1.3)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.text)
        self.buttons: dict[OldBackups, QRadioButton] = {}
        for choice, label, accessible, note, role in (
            (
                OldBackups.REENCRYPT,
                self.tr("Re-encrypt them under the new key (recommended)"),
                self.tr("Re-encrypt the old backups under the new key"),
                self.tr(
                    "They'll open with your new passphrase and recovery code, like the vault. "
                    "This takes a little longer."
                ),
                "muted",
            ),
            (
                OldBackups.DELETE,
                self.tr("Delete them"),
                self.tr("Delete the old backups"),
                self.tr(
                    "They can't be brought back. Choose this only if you don't need them, or "
                    "you have other backups."
                ),
                "error",
            ),
            (
                OldBackups.KEEP,
                self.tr("Keep them as they are"),
                self.tr("Keep the old backups under the old key"),
                self.tr(
                    "They will still open with your OLD passphrase and recovery code, so anyone "
                    "who knows those can read them."
                ),
                "error",
            ),
        ):
            radio = QRadioButton(label, self)
            radio.setObjectName(f"old_backups_{choice.value}")
            radio.setAccessibleName(accessible)
            radio.setAccessibleDescription(note)
            explanation = QLabel(note, self)
            explanation.setWordWrap(True)
            explanation.setProperty("role", role)
            explanation.setIndent(radio.iconSize().width() + 8)
            self.group.addButton(radio)
            self.buttons[choice] = radio
            layout.addSpacing(4)
            layout.addWidget(radio)
            layout.addWidget(explanation)
        self.buttons[OldBackups.REENCRYPT].setChecked(True)
        layout.addStretch(1)

    def set_count(self, count: int, folders: Sequence[Path]) -> None:
        """`count` backups under the current key, in `folders` (every place the app keeps
        backups in that holds one)."""
        if count == 1:
            text = self.tr(
                "There is a backup made with the vault's current key ({folder}), so the old "
                "passphrase and recovery code would still open it. What should happen to it?"
            )
        else:
            text = self.tr(
                "There are {n} backups made with the vault's current key ({folder}), so the "
                "old passphrase and recovery code would still open them. What should happen "
                "to them?"
            )
        self.text.setText(text.format(n=count, folder=", ".join(str(f) for f in folders)))
        self.buttons[OldBackups.REENCRYPT].setChecked(True)

    def choice(self) -> OldBackups:
        for choice, radio in self.buttons.items():
            if radio.isChecked():
                return choice
        return OldBackups.REENCRYPT
