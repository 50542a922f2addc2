# SPDX-License-Identifier: GPL-3.0-or-later
"""The Safety plan page (issue 7, point 6), driven as a person does: add, reorder and remove
items in every section (buttons, menus and keys), undo a removal, link contacts, edit the crisis
lines and pick a country, and nothing typed lost on flush. Real vault, real widgets."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from recovery_desktop.core.models import Contact, PlanSection, Role
from recovery_desktop.storage import Vault
from recovery_desktop.ui.app_settings import AppSettings
from recovery_desktop.ui.help_now import HelpNowDialog
from recovery_desktop.ui.safety.contact_picker import ContactPicker
from recovery_desktop.ui.safety.page import SafetyPlanPage

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def page(qtbot, themed_app, vault: Vault) -> SafetyPlanPage:
    widget = SafetyPlanPage(vault, app_settings=AppSettings())
    qtbot.addWidget(widget)
    widget.resize(1000, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


@pytest.fixture
def system_locale() -> Iterator[Callable[[str], None]]:
    before = QLocale()
    yield lambda name: QLocale.setDefault(QLocale(name))
    QLocale.setDefault(before)


def _texts(vault: Vault, section: PlanSection) -> list[str]:
    return [item.text for item in vault.safety_plan.items(section)]


def _menu(row, text: str) -> QAction:
    """An action of a row's menu, as the menu shows it (filled when it opens)."""
    row.menu.aboutToShow.emit()
    return next(a for a in row.menu.actions() if a.text() == text)


def _click(qtbot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _choose(picker, code: str) -> None:
    index = picker.findData(code)
    picker.setCurrentIndex(index)
    picker.activated.emit(index)


# --- items: add, reorder, remove, undo ---------------------------------------------------------


def test_add_reorder_and_remove_in_every_section(qtbot, page, vault):
    for section in PlanSection:
        editor = page.sections[section]
        one, two = f"One {section.value}", f"Two {section.value}"
        _click(qtbot, editor.add_button)
        first = editor.rows()[-1]
        assert first.edit.hasFocus() and first.edit.placeholderText()
        qtbot.keyClicks(first.edit, one)
        qtbot.keyClick(first.edit, Qt.Key.Key_Return)  # kept, and a new line below
        second = editor.rows()[-1]
        assert second is not first and second.edit.hasFocus()
        qtbot.keyClicks(second.edit, two)
        assert _texts(vault, section) == [one]

        qtbot.keyClick(second.edit, Qt.Key.Key_Up, ALT)  # kept first, then moved up
        assert _texts(vault, section) == [two, one], section
        assert second.edit.hasFocus() and editor.rows()[:2] == [second, first]
        _menu(second, "Move down").trigger()
        assert _texts(vault, section) == [one, two]

        _menu(first, "Remove").trigger()
        assert _texts(vault, section) == [two]
        assert page.undo_bar.isVisible() and one in page.undo_bar.label.text()
        assert second.edit.hasFocus()  # the focus stays in the section
        _click(qtbot, page.undo_bar.undo_button)
        assert _texts(vault, section) == [one, two], section
        assert [r.text() for r in editor.rows()] == [one, two]
        assert page.undo_bar.isHidden()
    assert not page.has_unsaved_changes()
    assert "Last changed" in page.changed_label.text()


def test_keys_move_between_lines_take_back_and_remove(qtbot, page, vault):
    section = PlanSection.REASONS
    for text in ("Leo's laugh", "Waking up clear", "The garden"):
        vault.safety_plan.add_item(section, text)
    page.refresh()
    editor = page.sections[section]
    rows = editor.rows()
    rows[0].edit.setFocus()
    qtbot.keyClick(rows[0].edit, Qt.Key.Key_Down)
    assert rows[1].edit.hasFocus()
    qtbot.keyClicks(rows[1].edit, " again")
    qtbot.keyClick(rows[1].edit, Qt.Key.Key_Escape)  # takes back what was not kept yet
    assert rows[1].edit.text() == "Waking up clear"
    qtbot.keyClick(rows[1].edit, Qt.Key.Key_Down, ALT)
    assert _texts(vault, section) == ["Leo's laugh", "The garden", "Waking up clear"]

    rows[1].edit.selectAll()
    qtbot.keyClick(rows[1].edit, Qt.Key.Key_Backspace)  # the words go...
    qtbot.keyClick(rows[1].edit, Qt.Key.Key_Backspace)  # ...then the emptied line
    assert _texts(vault, section) == ["Leo's laugh", "The garden"]
    _click(qtbot, page.undo_bar.undo_button)  # back in its place
    assert _texts(vault, section) == ["Leo's laugh", "The garden", "Waking up clear"]


def test_flush_keeps_what_is_typed(qtbot, page, vault):
    editor = page.sections[PlanSection.WARNING_SIGNS]
    row = editor.rows()[0]  # an empty section offers one empty line
    assert row.is_new()
    qtbot.keyClicks(row.edit, "Not sleeping")
    vault.safety_plan.add_item(PlanSection.COPING_STRATEGIES, "A walk")
    page.refresh()  # another change meanwhile: what is typed is kept first
    assert _texts(vault, PlanSection.WARNING_SIGNS) == ["Not sleeping"]
    row = page.sections[PlanSection.COPING_STRATEGIES].rows()[0]
    qtbot.keyClicks(row.edit, " in the park")
    assert row.is_dirty()
    page.flush()
    assert _texts(vault, PlanSection.COPING_STRATEGIES) == ["A walk in the park"]
    assert not page.has_unsaved_changes()


def test_a_refused_line_stays_with_its_reason(qtbot, page, vault):
    row = page.crisis_lines.rows()[0]
    _click(qtbot, row.fields["name"])
    row.fields["name"].setText("A" * 600)  # longer than a line's name may be
    page.flush()
    assert page.has_unsaved_changes()
    assert row.error.isVisible() and "very long" in row.error.text()
    assert row.fields["name"].text() == "A" * 600  # still there to shorten
    page.refresh()  # nothing replaces what the vault refused
    assert page.crisis_lines.rows()[0] is row
    row.fields["name"].setText("My crisis line")
    page.flush()
    assert not page.has_unsaved_changes() and row.error.isHidden()
    assert vault.crisis_lines.list()[0].name == "My crisis line"


def test_typing_survives_a_page_switch_and_a_lock(qtbot, make_controller, vault_and_code):
    from tests.conftest import PASSPHRASE
    from tests.ui.conftest import unlock_with

    vault, _ = vault_and_code
    folder = vault.folder
    vault.close()
    controller = make_controller(folder)
    controller.start()
    main = unlock_with(qtbot, controller, PASSPHRASE)
    page = main.show_page("safety_plan")
    row = page.sections[PlanSection.REASONS].rows()[0]
    qtbot.keyClicks(row.edit, "My sister's wedding")
    main.show_page("journal")  # the page left saves first
    assert _texts(controller.vault, PlanSection.REASONS) == ["My sister's wedding"]
    page = main.show_page("safety_plan")
    row = page.sections[PlanSection.REASONS].rows()[0]
    qtbot.keyClicks(row.edit, " in June")
    controller.lock()
    qtbot.waitUntil(lambda: controller.main_window is None)
    with Vault.open(folder, PASSPHRASE) as reopened:
        assert _texts(reopened, PlanSection.REASONS) == ["My sister's wedding in June"]


def test_words_of_an_item_removed_elsewhere_are_kept(qtbot, page, vault):
    item = vault.safety_plan.add_item(PlanSection.SAFE_ENVIRONMENT, "Nothing in the house")
    page.refresh()
    row = page.sections[PlanSection.SAFE_ENVIRONMENT].rows()[0]
    vault.safety_plan.delete_item(item.id)  # the command line, meanwhile
    qtbot.keyClicks(row.edit, ", not even for guests")
    page.flush()
    assert _texts(vault, PlanSection.SAFE_ENVIRONMENT) == [
        "Nothing in the house, not even for guests"
    ]


# --- contacts ----------------------------------------------------------------------------------


def test_link_contacts_instead_of_retyping_them(qtbot, page, vault):
    dana = vault.contacts.save(Contact("Dana R.", Role.SPONSOR, phone="555-0142", emergency=True))
    vault.contacts.save(Contact("Chris", Role.FRIEND, phone="555-0190"))
    editor = page.sections[PlanSection.HELP_PEOPLE]

    _click(qtbot, editor.link_button)
    picker = editor.picker
    assert isinstance(picker, ContactPicker)
    qtbot.waitUntil(lambda: picker.isVisible() and picker.search.hasFocus())
    assert picker.proxy.rowCount() == 2
    qtbot.keyClicks(picker.search, "dan")
    assert picker.proxy.rowCount() == 1
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not picker.isVisible())
    [item] = vault.safety_plan.items(PlanSection.HELP_PEOPLE)
    assert item.contact_id == dana.id and item.text == ""
    row = editor.rows()[0]
    assert row.contact_label.text() == "Dana R. · 555-0142"
    page.activateWindow()  # as the desktop does when the picker closes (offscreen does not)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    assert row.edit.hasFocus()  # ready for a note
    qtbot.keyClicks(row.edit, "Calls back, always")
    qtbot.keyClick(row.edit, Qt.Key.Key_Return)
    assert vault.safety_plan.items(PlanSection.HELP_PEOPLE)[0].text == "Calls back, always"

    # A line typed with a name and number, then linked: the name and number were the contact's.
    typed = editor.rows()[-1]
    qtbot.keyClicks(typed.edit, "Chris 555-0190")
    _menu(typed, "Link a contact…").trigger()
    picker = editor.picker
    qtbot.waitUntil(lambda: picker.isVisible())
    qtbot.keyClicks(picker.search, "chr")
    _click(qtbot, picker.choose_button)
    items = vault.safety_plan.items(PlanSection.HELP_PEOPLE)
    assert [(i.text, i.contact_id is not None) for i in items] == [
        ("Calls back, always", True),
        ("", True),
    ]

    # Someone who is not a contact yet: added to the contacts and linked at once.
    professionals = page.sections[PlanSection.PROFESSIONALS]
    _click(qtbot, professionals.link_button)
    picker = professionals.picker
    qtbot.waitUntil(lambda: picker.isVisible())
    qtbot.keyClicks(picker.new_name, "Dr. Ellis")
    qtbot.keyClicks(picker.new_phone, "555-0101")
    _click(qtbot, picker.new_button)
    ellis = next(c for c in vault.contacts.list() if c.name == "Dr. Ellis")
    assert ellis.phone == "555-0101"
    assert vault.safety_plan.items(PlanSection.PROFESSIONALS)[0].contact_id == ellis.id

    # Unlinking keeps the person as words; Help now lists each person once.
    _menu(editor.rows()[1], "Unlink (keep the name as text)").trigger()
    assert _texts(vault, PlanSection.HELP_PEOPLE)[1] == "Chris 555-0190"
    dialog = HelpNowDialog.for_vault(vault)
    qtbot.addWidget(dialog)
    assert dialog.people_names == ["Dana R.", "Chris", "Dr. Ellis"]


def test_a_removed_linked_person_comes_back_linked(qtbot, page, vault):
    maya = vault.contacts.save(Contact("Maya", Role.FAMILY, phone="555-0178"))
    vault.safety_plan.add_item(PlanSection.DISTRACTIONS, "Coffee on Sundays", contact_id=maya.id)
    page.refresh()
    editor = page.sections[PlanSection.DISTRACTIONS]
    _menu(editor.rows()[0], "Remove").trigger()
    assert vault.safety_plan.items(PlanSection.DISTRACTIONS) == []
    assert "Maya: Coffee on Sundays" in page.undo_bar.label.text()
    _click(qtbot, page.undo_bar.undo_button)
    [item] = vault.safety_plan.items(PlanSection.DISTRACTIONS)
    assert item.contact_id == maya.id
    assert editor.rows()[0].contact_label.text() == "Maya · 555-0178"


# --- crisis lines and the country --------------------------------------------------------------


def test_pick_a_country_keeps_the_lines_you_changed(qtbot, page, vault):
    lines = page.crisis_lines
    assert lines.country_picker.currentText() == "United States"
    names = [row.fields["name"].text() for row in lines.rows()]
    assert names == ["988 Suicide & Crisis Lifeline (US)", "SAMHSA National Helpline (US)"]
    samhsa = lines.rows()[1]
    _click(qtbot, samhsa.fields["notes"])
    samhsa.fields["notes"].selectAll()
    qtbot.keyClicks(samhsa.fields["notes"], "Ask about treatment near me")
    samhsa.fields["name"].setFocus()  # leaving the field keeps it
    assert vault.crisis_lines.list()[1].edited

    _choose(lines.country_picker, "CA")
    assert [row.fields["phone"].text() for row in lines.rows()] == ["988", "1-800-662-4357"]
    assert lines.rows()[0].fields["name"].text() == "9-8-8 Suicide Crisis Helpline (Canada)"
    assert vault.crisis_lines.country() == "CA"
    assert AppSettings().crisis_country() == "CA"  # the unlock screen shows Canada's too
    assert "Canada" in lines.status.text()

    _choose(lines.country_picker, "ZZ")  # somewhere without lines of its own
    names = [row.fields["name"].text() for row in lines.rows()]
    assert names == ["Your local emergency number", "", "SAMHSA National Helpline (US)"]
    local = lines.rows()[0]
    local.fields["phone"].setFocus()
    qtbot.keyClicks(local.fields["phone"], "112")
    qtbot.keyClick(local.fields["phone"], Qt.Key.Key_Tab)
    assert vault.crisis_lines.list()[0].phone == "112"


def test_add_move_and_remove_a_crisis_line(qtbot, page, vault):
    lines = page.crisis_lines
    _click(qtbot, lines.add_button)
    row = lines.rows()[-1]
    assert row.fields["name"].hasFocus()
    qtbot.keyClicks(row.fields["name"], "Local warmline")
    qtbot.keyClick(row.fields["name"], Qt.Key.Key_Tab)
    qtbot.keyClicks(row.fields["phone"], "555-0100")
    qtbot.keyClick(row.fields["phone"], Qt.Key.Key_Up, ALT)
    stored = [(line.name, line.phone) for line in vault.crisis_lines.list()]
    assert stored[1] == ("Local warmline", "555-0100")
    assert row.fields["phone"].hasFocus()

    row.menu.aboutToShow.emit()
    next(a for a in row.menu.actions() if a.text() == "Remove").trigger()
    assert len(vault.crisis_lines.list()) == 2
    _click(qtbot, page.undo_bar.undo_button)
    assert [line.name for line in vault.crisis_lines.list()][1] == "Local warmline"
    dialog = HelpNowDialog.for_vault(vault)
    qtbot.addWidget(dialog)
    assert list(dialog.copy_buttons.values()) == ["988", "555-0100", "1-800-662-4357"]


def test_a_new_vault_takes_the_systems_country(qtbot, themed_app, vault, system_locale):
    system_locale("en_IE")
    page = SafetyPlanPage(vault, app_settings=AppSettings())
    qtbot.addWidget(page)
    assert page.crisis_lines.country_picker.currentText() == "Ireland"
    assert [row.fields["phone"].text() for row in page.crisis_lines.rows()] == ["116 123"]


# --- keyboard and sizes ------------------------------------------------------------------------


def _tab_walk(qtbot, start: QWidget, within: QWidget, *, back: bool = False) -> list[QWidget]:
    """Press Tab (or Shift+Tab) from `start` until the focus leaves `within`."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    seen = [start]
    modifier = Qt.KeyboardModifier.ShiftModifier if back else Qt.KeyboardModifier.NoModifier
    for _ in range(600):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, modifier)
        now = QApplication.focusWidget()
        if now is None or not within.isAncestorOf(now):
            return seen
        assert now not in seen, f"Tab came back to {now.objectName()} without leaving"
        seen.append(now)
    raise AssertionError("Tab never left the page")


def _reads_after(first: QWidget, second: QWidget, page: QWidget) -> bool:
    a = first.rect().translated(first.mapTo(page, first.rect().topLeft()))
    b = second.rect().translated(second.mapTo(page, second.rect().topLeft()))
    below = b.top() >= a.bottom() - 4
    same_line = b.top() < a.bottom() and a.top() < b.bottom()
    return below or (same_line and b.left() > a.left())


def test_tab_walks_the_page_in_reading_order(qtbot, themed_app, vault):
    from recovery_desktop.ui.main_window import MainWindow

    dana = vault.contacts.save(Contact("Dana R.", Role.SPONSOR, phone="555-0142"))
    vault.safety_plan.add_item(PlanSection.WARNING_SIGNS, "Skipping meals")
    vault.safety_plan.add_item(PlanSection.HELP_PEOPLE, "Any time", contact_id=dana.id)
    vault.safety_plan.add_item(PlanSection.HELP_PEOPLE, "My neighbour Ruth")
    window = MainWindow(vault, app_settings=AppSettings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = window.show_page("safety_plan")
    _menu(page.sections[PlanSection.REASONS].rows()[0], "Remove")  # a menu filled: no stop
    first = page.sections[PlanSection.WARNING_SIGNS].rows()[0].edit

    walk = _tab_walk(qtbot, first, page)
    reachable = [
        w
        for w in page.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(page) and w.isEnabled()
    ]
    assert set(walk) == set(reachable)  # every control, each once
    assert [w.objectName() for w in walk if not w.accessibleName()] == []
    assert len({w.objectName() for w in walk}) == len(walk)
    out_of_order = [
        (a.objectName(), b.objectName())
        for a, b in zip(walk, walk[1:], strict=False)
        if not _reads_after(a, b, page)
    ]
    assert out_of_order == []
    assert walk[-1] is page.sections[PlanSection.REASONS].add_button
    assert _tab_walk(qtbot, walk[-1], page, back=True) == walk[::-1]  # and back again


@pytest.mark.parametrize("size", [(960, 600), (2560, 1440)])
def test_nothing_is_cut_from_small_to_large(qtbot, themed_app, vault, size):
    from recovery_desktop.ui.main_window import MainWindow

    dana = vault.contacts.save(Contact("Maya (sister)", Role.FAMILY, phone="555-0178"))
    vault.safety_plan.add_item(PlanSection.HELP_PEOPLE, "Any time, even late", contact_id=dana.id)
    window = MainWindow(vault, app_settings=AppSettings())
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("safety_plan")
    qtbot.waitUntil(lambda: page.scroll.widget().width() > 0)
    content = page.scroll.widget()
    assert content.width() <= page.scroll.viewport().width()  # no sideways scrolling
    for widget in content.findChildren(QWidget):
        if widget.isVisibleTo(page) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            hint = widget.minimumSizeHint()
            assert widget.width() >= hint.width(), widget.objectName()
    if size[0] > 2000:  # a comfortable line length, centred
        section = page.sections[PlanSection.WARNING_SIGNS]
        assert section.width() < size[0] * 0.6


@pytest.mark.parametrize("size", [(960, 600), (1280, 800), (2560, 1440)])
def test_linked_people_read_as_one_form(qtbot, themed_app, vault, size):
    """The names of linked people make one column for the whole page: every note field starts
    at the same place, the usual gap after the name (as between a crisis line's fields)."""
    from recovery_desktop.ui.main_window import MainWindow

    plan = vault.safety_plan
    for section, name, phone, note in (
        (PlanSection.HELP_PEOPLE, "Dana R.", "555-0142", ""),
        (PlanSection.HELP_PEOPLE, "Maya (sister)", "555-0178", "Any time, even late"),
        (PlanSection.PROFESSIONALS, "Dr. Ellis", "555-0101", "Thursdays at 4"),
        (PlanSection.DISTRACTIONS, "Leo", "555-0133", "A walk by the river"),
    ):
        contact = vault.contacts.save(Contact(name, Role.FRIEND, phone=phone))
        plan.add_item(section, note, contact_id=contact.id)
    plan.add_item(PlanSection.PROFESSIONALS, "The clinic's after-hours line")
    window = MainWindow(vault, app_settings=AppSettings())
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("safety_plan")
    content = page.scroll.widget()
    rows = [row for editor in page.sections.values() for row in editor.rows()]
    linked = [row for row in rows if row.contact is not None]
    assert len(linked) == 4
    qtbot.waitUntil(lambda: all(row.edit.width() > 0 for row in rows))

    crisis = page.crisis_lines.rows()[0]
    name, phone = crisis.fields["name"].geometry(), crisis.fields["phone"].geometry()
    gap = phone.left() - name.right() - 1  # the page's gap between fields side by side
    for row in linked:
        label, edit = row.contact_label.geometry(), row.edit.geometry()
        assert row.contact_label.width() >= row.contact_label.sizeHint().width()  # not cut
        assert edit.left() - label.right() - 1 == gap, row.contact_label.text()
        assert row.actions_button.x() - edit.right() - 1 == gap
        assert edit.width() >= row.edit.minimumSizeHint().width()
    assert len({row.edit.x() for row in linked}) == 1  # one column for the whole page
    if page._two_columns is False:  # one above the other: the fields line up on screen
        assert len({row.edit.mapTo(content, row.edit.rect().topLeft()).x() for row in linked}) == 1
    # Tab still goes name's note, then its menu, in each row.
    for row in linked:
        assert row.edit.nextInFocusChain() is row.actions_button
        assert row.edit.objectName().startswith("plan_item_")
        assert row.edit.accessibleName().startswith("Note for")
