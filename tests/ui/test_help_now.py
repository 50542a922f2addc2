# SPDX-License-Identifier: GPL-3.0-or-later
"""Help now: the person's crisis lines, people and emergency contacts, each number one click
from the clipboard; the defaults and a kind note when the plan is still empty."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from recovery_desktop.core.models import Contact, CrisisLine, Role
from recovery_desktop.ui.help_now import HelpNowDialog, phone_in


def _texts(dialog: HelpNowDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_empty_plan_shows_defaults_and_a_kind_note(qtbot, themed_app, vault):
    dialog = HelpNowDialog.for_vault(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    assert list(dialog.copy_buttons.values()) == ["988", "1-800-662-4357"]
    note = dialog.findChild(QLabel, "help_now_note")
    assert note is not None and "safety plan" in note.text()
    assert "988 Suicide & Crisis Lifeline" in _texts(dialog)


def test_the_persons_plan_and_emergency_contacts(qtbot, themed_app, vault):
    plan = vault.safety_plan.get()
    vault.safety_plan.save(
        replace(
            plan,
            help_people="Dana (sponsor) 555-0142\nMy neighbour Ruth",
            crisis_lines=(
                CrisisLine("Local warmline", phone="+1 (555) 010-2000", notes="Evenings"),
            ),
        )
    )
    vault.contacts.save(Contact("Maya", Role.FAMILY, phone="555-0178", emergency=True))
    vault.contacts.save(Contact("Not urgent", Role.FRIEND, phone="555-0000"))
    dialog = HelpNowDialog.for_vault(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    numbers = list(dialog.copy_buttons.values())
    assert numbers == ["+1 (555) 010-2000", "555-0142", "555-0178"]
    assert dialog.findChild(QLabel, "help_now_note") is None
    text = _texts(dialog)
    assert "My neighbour Ruth" in text and "Maya" in text and "Not urgent" not in text
    for button, number in dialog.copy_buttons.items():
        assert button.accessibleName().startswith("Copy the number of")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert QApplication.clipboard().text() == number


def test_while_locked_points_to_the_plan_after_unlock(qtbot, themed_app):
    dialog = HelpNowDialog.while_locked()
    qtbot.addWidget(dialog)
    assert list(dialog.copy_buttons.values()) == ["988", "1-800-662-4357"]
    assert "once you unlock" in dialog.findChild(QLabel, "help_now_note").text()


def test_phone_in_a_line_of_the_plan():
    assert phone_in("Dana (sponsor) 555-0142") == "555-0142"
    assert phone_in("call 988 any time") == "988"
    assert phone_in("+44 20 7946 0958 (Sam)") == "+44 20 7946 0958"
    assert phone_in("Mum, at home") == ""
