# SPDX-License-Identifier: GPL-3.0-or-later
"""Locking never throws away writing the vault did not take (here: an entry over the size
limit, the same path as a full disk): idle lock waits, Ctrl+L and closing ask first."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from recovery_desktop.core.validation import MAX_TEXT_CHARS
from recovery_desktop.storage import Vault
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock_with

TOO_LONG = ("A long line of words that goes on.\n" * (MAX_TEXT_CHARS // 35 + 1))[
    : MAX_TEXT_CHARS + 1
]


def _write(qtbot, main, text: str):
    journal = main.show_page("journal")
    journal.new_entry()
    journal.editor.body.setPlainText(text)
    journal.flush()
    return journal


def test_idle_lock_waits_while_writing_cannot_be_saved(qtbot, make_controller, vault_folder):
    controller = make_controller(vault_folder, idle_interval_ms=300)
    controller.start()
    main = unlock_with(qtbot, controller, PASSPHRASE)
    journal = _write(qtbot, main, TOO_LONG)
    assert journal.has_unsaved_changes()
    assert "Not saved yet" in journal.editor.error.text()

    qtbot.wait(900)  # three idle intervals
    assert controller.main_window is main and controller.vault.is_open
    assert "Not locked" in main.statusBar().currentMessage()

    journal.editor.body.setPlainText("A shorter entry, kept.")
    with qtbot.waitSignal(controller.locked, timeout=5000):
        pass  # the next idle interval saves it and locks
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        assert [s.preview for s in vault.entries.search("shorter")] == ["A shorter entry, kept."]


def test_lock_and_close_ask_first(qtbot, make_controller, vault_folder, monkeypatch):
    answers: list[QMessageBox.StandardButton] = []
    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    controller = make_controller(vault_folder)
    controller.start()
    main = unlock_with(qtbot, controller, PASSPHRASE)
    _write(qtbot, main, TOO_LONG)

    answers.append(QMessageBox.StandardButton.Cancel)
    controller.lock()
    assert controller.vault.is_open and "Lock anyway" in asked[-1]

    answers.append(QMessageBox.StandardButton.Cancel)
    main.close()
    assert main.isVisible() and "Close anyway" in asked[-1]

    answers.append(QMessageBox.StandardButton.Discard)
    with qtbot.waitSignal(controller.locked, timeout=5000):
        controller.lock()
    assert controller.vault is None
