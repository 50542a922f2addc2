# SPDX-License-Identifier: GPL-3.0-or-later
"""Help now (issue 7, point 7): each person once from every page, numbers one click from the
clipboard, the crisis lines of the chosen country with an empty plan and on the unlock screen
(where no people show), a way into the Safety plan page, and a window as tall as its content."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLabel

from recovery_desktop.core.models import Contact, PlanSection, Role
from recovery_desktop.storage import Vault
from recovery_desktop.ui.app_settings import AppSettings
from recovery_desktop.ui.help_now import HelpNowDialog
from recovery_desktop.ui.main_window import MainWindow
from recovery_desktop.ui.safety.page import SafetyPlanPage
from recovery_desktop.ui.sidebar_pages import SAFETY_PLAN, SIDEBAR_PAGES
from tests.ui.test_unlock import _unnamed_focusable


@pytest.fixture
def system_locale() -> Iterator[Callable[[str], None]]:
    """Set the locale the app reads the system's country from (`QLocale()`), for one test."""
    before = QLocale()
    yield lambda name: QLocale.setDefault(QLocale(name))
    QLocale.setDefault(before)


@pytest.fixture
def window(qtbot, themed_app, vault: Vault) -> MainWindow:
    """The main window with its real pages."""
    main = MainWindow(vault, app_settings=AppSettings())
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def _open(qtbot, main: MainWindow) -> HelpNowDialog:
    qtbot.mouseClick(main.help_button, Qt.MouseButton.LeftButton)
    dialog = main.findChild(HelpNowDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def _close(qtbot, main: MainWindow, dialog: HelpNowDialog) -> None:
    dialog.reject()
    qtbot.waitUntil(lambda: main.findChild(HelpNowDialog) is None)


def _texts(dialog: HelpNowDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def _choose(picker, code: str) -> None:
    """Pick a country as a person does: the list's entry, then `activated`."""
    index = picker.findData(code)
    picker.setCurrentIndex(index)
    picker.activated.emit(index)


def test_from_every_page_each_emergency_person_once(qtbot, window, vault):
    dana = vault.contacts.save(Contact("Dana R.", Role.SPONSOR, phone="555-0142", emergency=True))
    maya = vault.contacts.save(
        Contact("Maya (sister)", Role.FAMILY, phone="555-0178", emergency=True)
    )
    vault.contacts.save(Contact("Chris", Role.FRIEND, phone="555-0190"))  # not an emergency one
    vault.safety_plan.add_item(PlanSection.HELP_PEOPLE, "", contact_id=dana.id)
    vault.safety_plan.add_item(PlanSection.HELP_PEOPLE, "Any time, even late", contact_id=maya.id)
    # A line typed before plans linked contacts, with Dana's number in it.
    vault.safety_plan.add_item(PlanSection.PROFESSIONALS, "Dana (sponsor) 555-0142")
    vault.safety_plan.add_item(PlanSection.PROFESSIONALS, "Dr. Ellis 555-0101")

    for spec in SIDEBAR_PAGES:
        window.show_page(spec.key)
        dialog = _open(qtbot, window)
        assert dialog.people_names == ["Dana R.", "Maya (sister)", "Dr. Ellis"], spec.key
        people = [n for b, n in dialog.copy_buttons.items() if b.property("help_kind") == "person"]
        assert people == ["555-0142", "555-0178", "555-0101"], spec.key
        text = _texts(dialog)
        assert "Chris" not in text and "Any time, even late" in text
        assert _unnamed_focusable(dialog) == []
        _close(qtbot, window, dialog)


def test_numbers_are_copied_and_nothing_else_happens(qtbot, window, vault):
    vault.contacts.save(Contact("Maya", Role.FAMILY, phone="+1 (555) 010-2000", emergency=True))
    dialog = _open(qtbot, window)
    for button, number in dialog.copy_buttons.items():
        assert button.accessibleName().startswith("Copy the number of")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert QApplication.clipboard().text() == number
        assert button.text() == "Copied"
    assert "+1 (555) 010-2000" in dialog.copy_buttons.values()
    QApplication.clipboard().clear()
    _close(qtbot, window, dialog)


def test_empty_plan_shows_the_countrys_lines_and_opens_the_plan(
    qtbot, window, vault, system_locale
):
    system_locale("en_GB")  # a vault that never chose a country takes the system's
    dialog = _open(qtbot, window)
    assert list(dialog.copy_buttons.values()) == ["116 123"]
    assert "Samaritans" in _texts(dialog) and "988" not in _texts(dialog)
    assert dialog.country_picker.currentText() == "United Kingdom"
    assert vault.crisis_lines.country() == "GB"
    assert dialog.people_names == []
    assert "safety plan" in dialog.findChild(QLabel, "help_now_note").text()

    _choose(dialog.country_picker, "CA")  # a person who lives elsewhere picks their country
    assert list(dialog.copy_buttons.values()) == ["988"]
    assert "Canada" in _texts(dialog) and "Samaritans" not in _texts(dialog)
    assert vault.crisis_lines.country() == "CA"
    assert AppSettings().crisis_country() == "CA"  # so the unlock screen shows them too

    assert dialog.plan_button is not None and dialog.plan_button.text() == "Write my safety plan"
    qtbot.mouseClick(dialog.plan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(HelpNowDialog) is None)
    assert isinstance(window.stack.currentWidget(), SafetyPlanPage)
    assert window.current_key == SAFETY_PLAN
    dialog = _open(qtbot, window)  # still Canada's lines, from the vault
    assert list(dialog.copy_buttons.values()) == ["988"]
    _close(qtbot, window, dialog)


def test_a_country_without_lines_of_its_own(qtbot, window, vault, system_locale):
    system_locale("de_DE")
    dialog = _open(qtbot, window)
    assert dialog.country_picker.currentText() == "Another country"
    assert "Your local emergency number" in _texts(dialog)
    assert "988" not in _texts(dialog)
    _close(qtbot, window, dialog)


def test_unlock_screen_shows_the_countrys_lines_and_no_people(
    qtbot, make_controller, vault_and_code, system_locale
):
    vault, _ = vault_and_code
    vault.contacts.save(Contact("Dana R.", Role.SPONSOR, phone="555-0142", emergency=True))
    folder = vault.folder
    vault.close()
    system_locale("en_AU")
    controller = make_controller(folder)
    controller.start()
    unlock = controller.unlock_window

    def open_locked() -> HelpNowDialog:
        qtbot.mouseClick(unlock.help_button, Qt.MouseButton.LeftButton)
        dialog = unlock.findChild(HelpNowDialog)
        assert dialog is not None and dialog.isVisible()
        return dialog

    dialog = open_locked()
    assert list(dialog.copy_buttons.values()) == ["13 11 14"]  # the system's country
    assert "Dana" not in _texts(dialog) and dialog.people_names == []
    assert "once you unlock" in dialog.findChild(QLabel, "help_now_note").text()
    assert dialog.plan_button is None
    _choose(dialog.country_picker, "NZ")
    assert list(dialog.copy_buttons.values()) == ["1737"]
    dialog.reject()
    qtbot.waitUntil(lambda: unlock.findChild(HelpNowDialog) is None)

    dialog = open_locked()  # the country picked is kept (app settings, nothing private)
    assert list(dialog.copy_buttons.values()) == ["1737"]
    assert AppSettings().crisis_country() == "NZ"
    dialog.reject()
    qtbot.waitUntil(lambda: unlock.findChild(HelpNowDialog) is None)
    AppSettings().set_crisis_country("IE")
    dialog = open_locked()
    assert list(dialog.copy_buttons.values()) == ["116 123"]
    dialog.reject()


def test_help_is_never_an_empty_box(qtbot, themed_app, vault):
    for line in vault.crisis_lines.list():  # the person removed every crisis line
        vault.crisis_lines.delete(line.id)
    dialog = HelpNowDialog.for_vault(vault)
    qtbot.addWidget(dialog)
    assert list(dialog.copy_buttons.values()) == ["988", "1-800-662-4357"]


def test_a_number_typed_into_the_plan_is_there_at_once(qtbot, window, vault):
    page = window.show_page(SAFETY_PLAN)
    row = page.sections[PlanSection.HELP_PEOPLE].rows()[0]
    qtbot.keyClicks(row.edit, "Ruth 555-0166")  # not left yet: Help now saves it first
    window.show_help_now()
    dialog = window.findChild(HelpNowDialog)
    assert dialog.people_names == ["Ruth"] and "555-0166" in dialog.copy_buttons.values()
    _close(qtbot, window, dialog)


def test_crisis_lines_only_when_the_plan_cannot_be_read(qtbot, themed_app, system_locale):
    system_locale("en_NZ")
    dialog = HelpNowDialog.crisis_lines_only()
    qtbot.addWidget(dialog)
    assert list(dialog.copy_buttons.values()) == ["1737"]
    assert "couldn't be read" in dialog.findChild(QLabel, "help_now_note").text()


def test_no_country_known_shows_the_lines_a_vault_starts_with(qtbot, themed_app, system_locale):
    system_locale("C")  # as in a minimal container: the locale names no country
    dialog = HelpNowDialog.while_locked()
    qtbot.addWidget(dialog)
    assert list(dialog.copy_buttons.values()) == ["988", "1-800-662-4357"]
    assert dialog.country_picker.currentText() == "United States"


def test_the_window_is_as_tall_as_its_content(qtbot, themed_app, vault):
    for number in range(4):
        contact = vault.contacts.save(
            Contact(f"Friend {number}", Role.FRIEND, phone=f"555-01{number}0")
        )
        vault.safety_plan.add_item(PlanSection.HELP_PEOPLE, "Evenings", contact_id=contact.id)
    vault.safety_plan.add_item(PlanSection.REASONS, "Waking up clear")
    dialog = HelpNowDialog.for_vault(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.scroll.verticalScrollBar().maximum() == 0  # nothing hidden below
    body = dialog.body.layout()
    assert dialog.scroll.viewport().height() >= body.totalHeightForWidth(dialog.body.width())
    assert dialog.height() <= dialog.screen().availableGeometry().height()


def test_someone_without_a_number_is_listed_calmly_after_those_to_call(qtbot, themed_app, vault):
    """A plan item with no number ("The clinic's after-hours line") says so where a number
    would be, with no Copy button, after everyone who has a number to call."""
    dana = vault.contacts.save(Contact("Dana R.", Role.SPONSOR, phone="555-0142"))
    vault.safety_plan.add_item(PlanSection.HELP_PEOPLE, "", contact_id=dana.id)
    vault.safety_plan.add_item(PlanSection.PROFESSIONALS, "The clinic's after-hours line")
    vault.safety_plan.add_item(PlanSection.PROFESSIONALS, "Dr. Ellis 555-0101")
    dialog = HelpNowDialog.for_vault(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    assert dialog.people_names == ["Dana R.", "Dr. Ellis", "The clinic's after-hours line"]
    people = [n for b, n in dialog.copy_buttons.items() if b.property("help_kind") == "person"]
    assert people == ["555-0142", "555-0101"]  # each number one click away; none made up
    assert not any("clinic" in b.accessibleName() for b in dialog.copy_buttons)
    [missing] = dialog.findChildren(QLabel, "help_now_no_number")
    assert missing.isVisible() and missing.text() == "No number saved"
    assert missing.property("role") == "muted"
    name = next(w for w in dialog.findChildren(QLabel) if w.text() == "The clinic's after-hours line")
    on_its_row = missing.mapTo(dialog, missing.rect().center()).y()
    top = name.mapTo(dialog, name.rect().topLeft()).y()
    assert top <= on_its_row <= top + name.parentWidget().height()  # beside the name it is for
    copy = next(b for b, n in dialog.copy_buttons.items() if n == "555-0101")
    right = missing.mapTo(dialog, missing.rect().topRight()).x()
    assert right == copy.mapTo(dialog, copy.rect().topRight()).x()  # in the numbers' column
    numbers = [
        w for w in dialog.findChildren(QLabel) if w.text() in ("555-0142", "555-0101", "988")
    ]
    assert all(w.font().pointSizeF() > missing.font().pointSizeF() for w in numbers)
