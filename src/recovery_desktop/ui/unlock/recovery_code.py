# SPDX-License-Identifier: GPL-3.0-or-later
"""The recovery code: shown once (at set-up, and when the person makes a new one or changes the
vault's key) with copy and "save as a text file", confirmed by typing two groups back, and typed
in to unlock when the passphrase is forgotten.

Saving the code to a text file is the one deliberate plaintext export of the app: the file is
created with owner-only permissions (0600) and the screen says plainly what it is for.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.storage.keys import normalise_recovery_code
from recovery_desktop.ui import clipboard
from recovery_desktop.ui.clipboard import copy_text
from recovery_desktop.ui.theme import SPACING, make_heading, monospace_font
from recovery_desktop.ui.widgets.plain_buttons import without_icons


def code_groups(code: str) -> list[str]:
    return [group for group in code.split("-") if group]


def same_group(typed: str, group: str) -> bool:
    """Case-, space- and dash-insensitive; reads O as 0 and I/L as 1, as the unlock does."""
    return bool(typed.strip()) and normalise_recovery_code(typed) == normalise_recovery_code(group)


def write_code_file(path: Path, text: str) -> None:
    """Write `text` to `path`, readable by its owner only (0600), replacing any old file."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            fd = -1
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    finally:
        if fd != -1:
            os.close(fd)


CLIPBOARD_CLEAR_MS = 60_000  # a copied recovery code leaves the clipboard after a minute
GROUPS_TO_CONFIRM = 2


class RecoveryCodeView(QWidget):
    """The code in big monospace groups, with "Copy" and "Save as text file…"."""

    def __init__(self, parent: QWidget | None = None, *, heading: str | None = None) -> None:
        super().__init__(parent)
        self._code = ""
        heading = QLabel(heading or self.tr("Your recovery code"), self)
        make_heading(heading, 1.4)
        explanation = QLabel(
            self.tr(
                "If you ever forget your passphrase, this code is the only other way into your "
                "vault. Nobody else has a copy, and it won't be shown again.\n\n"
                "Write it on paper and keep it somewhere private, or save it to a file you keep "
                "away from this computer. Anyone who has it can open your journal."
            ),
            self,
        )
        explanation.setWordWrap(True)

        self.code_label = QLabel(self)
        self.code_label.setObjectName("recovery_code")
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        self.code_label.setFont(monospace_font(1.9))
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setObjectName("copy_recovery_code")
        self.copy_button.setAccessibleName(self.tr("Copy the recovery code"))
        self.copy_button.clicked.connect(self.copy)
        self.save_button = QPushButton(self.tr("Save as text file…"), self)
        self.save_button.setObjectName("save_recovery_code")
        self.save_button.setAccessibleName(self.tr("Save the recovery code as a text file"))
        self.save_button.clicked.connect(self.save_as)
        self.feedback = QLabel(self)
        self.feedback.setObjectName("recovery_code_feedback")
        self.feedback.setProperty("role", "muted")
        self.feedback.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addSpacing(8)
        layout.addWidget(self.code_label)
        layout.addLayout(buttons)
        layout.addWidget(self.feedback)
        layout.addStretch(1)

    def set_code(self, code: str) -> None:
        self._code = code
        groups = code_groups(code)
        half = (len(groups) + 1) // 2
        self.code_label.setText("  ".join(groups[:half]) + "\n" + "  ".join(groups[half:]))
        self.feedback.clear()

    def copy(self) -> None:
        copy_text(self._code, secret=True)  # clipboard managers: do not keep it
        self.feedback.setText(
            self.tr(
                "Copied. Paste it somewhere safe now: the clipboard will be cleared in a minute."
            )
        )
        code = self._code
        # Owned by the application, so it still runs after set-up has closed.
        QTimer.singleShot(CLIPBOARD_CLEAR_MS, QApplication.instance(), lambda: forget(code))

    def file_text(self) -> str:
        return self.tr(
            "Recovery Desktop: recovery code\n\n{code}\n\n"
            "This code opens your vault if you forget your passphrase. Keep it private and "
            "somewhere safe, away from this computer if you can. Anyone who has it can read "
            "your journal.\n"
        ).format(code=self._code)

    def save_as(self) -> None:
        start = str(Path.home() / "recovery-desktop-recovery-code.txt")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the recovery code"), start, self.tr("Text files (*.txt)")
        )
        if not path:
            return
        try:
            write_code_file(Path(path), self.file_text())
        except OSError as error:
            self.feedback.setText(
                self.tr("That file could not be written ({reason}). Try another place.").format(
                    reason=error.strerror or error
                )
            )
            return
        self.feedback.setText(
            self.tr("Saved to {path}. Only you can read that file on this computer.").format(
                path=path
            )
        )


class RecoveryCodeCheck(QWidget):
    """The set-up check ("Let's check you have it"): two random groups of the code, typed back.

    Set-up and every screen that makes a new code use this one check. `changed` when a field
    changes; `submitted` on Enter in the last field. The buttons belong to the screen.
    """

    changed = Signal()
    submitted = Signal()

    def __init__(self, parent: QWidget | None = None, *, rng: random.Random | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_code_check")
        self._rng = rng or random.SystemRandom()
        self._code = ""
        self.requested_groups: list[int] = []
        heading = QLabel(self.tr("Let's check you have it"), self)
        make_heading(heading, 1.5)
        self.text = _plain_label(self, "")
        self.fields: list[QLineEdit] = []
        self.labels: list[QLabel] = []
        form = QFormLayout()
        for i in range(GROUPS_TO_CONFIRM):
            field = QLineEdit(self)
            field.setObjectName(f"confirm_group_{i}")
            field.setAccessibleName(self.tr("A group of the recovery code"))
            field.setFont(monospace_font(1.4))
            field.setMaxLength(12)
            field.setMaximumWidth(self.fontMetrics().averageCharWidth() * 26)
            field.textChanged.connect(self.changed)
            label = QLabel(self)
            label.setBuddy(field)
            form.addRow(label, field)
            self.fields.append(field)
            self.labels.append(label)
        self.fields[-1].returnPressed.connect(self.submitted)
        self.hint = _plain_label(self, "")
        self.hint.setObjectName("confirm_hint")
        self.hint.setProperty("role", "muted")
        self.error = _plain_label(self, "")
        self.error.setObjectName("confirm_error")
        self.error.setProperty("role", "error")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.text)
        layout.addSpacing(SPACING)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        layout.addWidget(self.error)

    def ask_for(self, code: str) -> None:
        """Choose which groups of `code` to ask for, and say so."""
        self._code = code
        count = len(code_groups(code))
        self.requested_groups = sorted(self._rng.sample(range(count), GROUPS_TO_CONFIRM))
        numbers = [str(i + 1) for i in self.requested_groups]
        self.text.setText(
            self.tr(
                "Please type groups {first} and {second} of your recovery code (counting from "
                "the left). Capital letters and dashes don't matter."
            ).format(first=numbers[0], second=numbers[1])
        )
        for label, field, number in zip(self.labels, self.fields, numbers, strict=True):
            label.setText(self.tr("Group {n}").format(n=number))
            field.setAccessibleName(self.tr("Group {n} of the recovery code").format(n=number))
        self.reset()

    def reset(self) -> None:
        for field in self.fields:
            field.clear()
        self.error.clear()

    def forget_code(self) -> None:
        self._code = ""
        self.requested_groups = []
        self.reset()

    @property
    def filled(self) -> bool:
        return all(field.text().strip() for field in self.fields)

    def wrong_groups(self) -> list[int]:
        """The numbers (counting from 1, as the person reads them) of the groups typed wrong."""
        groups = code_groups(self._code)
        return [
            index + 1
            for field, index in zip(self.fields, self.requested_groups, strict=True)
            if not (self._code and same_group(field.text(), groups[index]))
        ]

    def check(self) -> bool:
        """True when the typed groups match; otherwise says kindly which group does not, puts
        the cursor in it with its text selected, and returns False."""
        wrong = self.wrong_groups()
        if not wrong:
            self.error.clear()
            return True
        if len(wrong) == 1:
            text = self.tr(
                "Group {n} doesn't quite match. Have another look at it; it's fine to go back "
                "and check the code."
            ).format(n=wrong[0])
        else:
            text = self.tr(
                "Groups {first} and {second} don't quite match. Have another look at them; "
                "it's fine to go back and check the code."
            ).format(first=wrong[0], second=wrong[1])
        self.error.setText(text)
        first_wrong = self.fields[[i + 1 for i in self.requested_groups].index(wrong[0])]
        first_wrong.setFocus(Qt.FocusReason.OtherFocusReason)
        first_wrong.selectAll()
        return False


def _plain_label(parent: QWidget, text: str) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class RecoveryCodeDialog(QDialog):
    """Asks for the recovery code; the unlock window runs the slow check after `accepted`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_code_dialog")
        self.setWindowTitle(self.tr("Use your recovery code"))
        text = QLabel(
            self.tr(
                "Type the recovery code you saved when you set up this vault. Dashes, spaces and "
                "capital letters don't matter. After it opens, you'll choose a new passphrase."
            ),
            self,
        )
        text.setWordWrap(True)
        self.code_field = QLineEdit(self)
        self.code_field.setObjectName("recovery_code_field")
        self.code_field.setAccessibleName(self.tr("Recovery code"))
        self.code_field.setFont(monospace_font(1.2))
        self.code_field.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("recovery_code_unlock")
        self.ok_button.setAccessibleName(self.tr("Unlock with this recovery code"))
        self.ok_button.setDefault(True)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("recovery_code_cancel")
        cancel.setAccessibleName(self.tr("Cancel"))
        without_icons(buttons)  # as every other button: words only
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.code_field.textChanged.connect(
            lambda text: self.ok_button.setEnabled(bool(normalise_recovery_code(text)))
        )
        self.ok_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.code_field)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def code(self) -> str:
        return self.code_field.text()


def forget(code: str) -> None:
    """Take the code off the clipboard, unless something else has been copied since."""
    clipboard.forget(code)
