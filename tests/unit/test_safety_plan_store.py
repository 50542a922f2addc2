# SPDX-License-Identifier: GPL-3.0-or-later
"""The safety plan as items, and crisis lines by country, on a real vault."""

from __future__ import annotations

from dataclasses import replace

import pytest

from recovery_desktop.core.crisis_lines import crisis_lines_for
from recovery_desktop.core.help_now import HelpPerson
from recovery_desktop.core.models import (
    DEFAULT_CRISIS_LINES,
    Contact,
    CrisisLine,
    PlanSection,
    Role,
)
from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage import Vault

S = PlanSection


def _texts(vault: Vault, section: PlanSection) -> list[str]:
    return [i.text for i in vault.safety_plan.items(section)]


def test_items_add_reorder_remove_and_undo_in_every_section(vault: Vault) -> None:
    assert vault.safety_plan.is_empty() and vault.safety_plan.updated_at() is None
    for section in PlanSection:
        a = vault.safety_plan.add_item(section, f"{section.value} a")
        b = vault.safety_plan.add_item(section, f"  {section.value}\n b ")
        c = vault.safety_plan.add_item(section, f"{section.value} first", position=0)
        assert b.text == f"{section.value} b"  # one line, spaces tidied
        assert _texts(vault, section) == [c.text, a.text, b.text]
        moved = vault.safety_plan.move_item(c.id, 2)
        assert [i.text for i in moved] == [a.text, b.text, c.text]
        assert [i.position for i in moved] == [0, 1, 2]
        vault.safety_plan.reorder(section, [b.id, c.id, a.id])
        assert _texts(vault, section) == [b.text, c.text, a.text]
        removed = vault.safety_plan.delete_item(c.id)
        assert _texts(vault, section) == [b.text, a.text]
        assert [i.position for i in vault.safety_plan.items(section)] == [0, 1]
        vault.safety_plan.restore_item(removed)
        assert _texts(vault, section) == [b.text, c.text, a.text]
        edited = vault.safety_plan.update_item(replace(a, text="changed"))
        assert edited.position == 2 and _texts(vault, section)[-1] == "changed"
    assert not vault.safety_plan.is_empty() and vault.safety_plan.updated_at() is not None
    assert len(vault.safety_plan.items()) == 3 * len(PlanSection)
    with pytest.raises(ValidationError, match="few words"):
        vault.safety_plan.add_item(S.REASONS, "   ")
    with pytest.raises(ValidationError, match="changed meanwhile"):
        vault.safety_plan.reorder(S.REASONS, [1])


def test_people_items_link_contacts_and_keep_them_after_a_delete(vault: Vault) -> None:
    dana = vault.contacts.save(Contact("Dana R.", Role.SPONSOR, phone="555-0142", emergency=True))
    ellis = vault.contacts.save(Contact("Dr. Ellis", Role.COUNSELOR, phone="555-0101"))
    vault.safety_plan.add_item(S.HELP_PEOPLE, contact_id=dana.id)
    vault.safety_plan.add_item(S.HELP_PEOPLE, "Maya 555-0178")
    note = vault.safety_plan.add_item(S.PROFESSIONALS, "Thursdays at 4", contact_id=ellis.id)
    with pytest.raises(ValidationError, match="people parts"):
        vault.safety_plan.add_item(S.WARNING_SIGNS, contact_id=dana.id)
    assert vault.safety_plan.help_people() == [
        HelpPerson("Dana R.", "555-0142", "", dana.id),
        HelpPerson("Maya", "555-0178"),
        HelpPerson("Dr. Ellis", "555-0101", "Thursdays at 4", ellis.id),
    ]  # Dana once, though she is an emergency contact as well
    assert vault.safety_plan.get().professionals == "Dr. Ellis 555-0101: Thursdays at 4"
    assert vault.contacts.usage(ellis.id).plan_items == 1

    removed = vault.safety_plan.delete_item(note.id)  # held for undo...
    vault.contacts.delete(ellis.id)  # ...while the contact is deleted
    restored = vault.safety_plan.restore_item(removed)
    assert (restored.contact_id, restored.text) == (None, "Dr. Ellis 555-0101: Thursdays at 4")
    vault.contacts.delete(dana.id)
    (first, _) = vault.safety_plan.items(S.HELP_PEOPLE)
    assert (first.contact_id, first.text) == (None, "Dana R. 555-0142")


def test_whole_plan_text_view_keeps_links_in_unchanged_sections(vault: Vault) -> None:
    dana = vault.contacts.save(Contact("Dana", Role.SPONSOR, phone="555-0142"))
    vault.safety_plan.add_item(S.HELP_PEOPLE, contact_id=dana.id)
    plan = vault.safety_plan.get()
    assert plan.help_people == "Dana 555-0142"
    assert [c.phone for c in plan.crisis_lines] == ["988", "1-800-662-4357"]
    saved = vault.safety_plan.save(replace(plan, reasons="Leo's laugh\n\nWaking up clear"))
    assert saved.reasons == "Leo's laugh\nWaking up clear"
    assert vault.safety_plan.items(S.HELP_PEOPLE)[0].contact_id == dana.id  # link kept
    assert vault.safety_plan.get() == saved


def test_crisis_lines_follow_the_chosen_country_only_where_never_edited(vault: Vault) -> None:
    lines = vault.crisis_lines.list()
    assert [(line.phone, line.country, line.edited) for line in lines] == [
        ("988", "US", False),
        ("1-800-662-4357", "US", False),
    ]
    assert lines[0].name == DEFAULT_CRISIS_LINES[0].name
    # The person edits the SAMHSA line and adds their own.
    vault.crisis_lines.save(replace(lines[1], notes="Ask for the Spanish line."))
    own = vault.crisis_lines.save(CrisisLine("Clinic after hours", phone="555-0199"))
    assert own.edited and own.country is None
    unchanged = vault.crisis_lines.save(lines[0])  # saved as it was: still replaceable
    assert not unchanged.edited

    after = vault.crisis_lines.choose_country("gb")
    assert vault.crisis_lines.country() == "GB"
    assert [(line.name, line.phone) for line in after] == [
        ("Samaritans", "116 123"),
        ("SAMHSA National Helpline (US)", "1-800-662-4357"),
        ("Clinic after hours", "555-0199"),
    ]
    assert vault.crisis_lines.choose_country("GB") == after  # not seeded twice
    elsewhere = vault.crisis_lines.choose_country("DE")
    assert [line.name for line in elsewhere][:2] == ["Your local emergency number", ""]
    assert [line.phone for line in elsewhere][:2] == ["", ""]
    assert all(line.country == "DE" for line in elsewhere[:2])
    # The blank line is left out of the text view (Help now shows nothing empty).
    assert "" not in [line.name for line in vault.safety_plan.get().crisis_lines]
    local = vault.crisis_lines.save(replace(elsewhere[0], phone="112"))
    assert local.edited
    nz = vault.crisis_lines.choose_country("NZ")
    assert [line.phone for line in nz] == ["1737", "112", "1-800-662-4357", "555-0199"]
    with pytest.raises(ValidationError, match="name or a number"):
        vault.crisis_lines.save(CrisisLine("  "))


def test_crisis_line_delete_reorder_and_undo(vault: Vault) -> None:
    lines = vault.crisis_lines.choose_country("US")
    own = vault.crisis_lines.save(CrisisLine("Clinic", phone="555-0199"))
    removed, position = vault.crisis_lines.delete(own.id)
    another = vault.crisis_lines.save(CrisisLine("Warm line", phone="555-0111"))
    back = vault.crisis_lines.restore(removed, position)
    assert back.id != another.id
    assert [line.name for line in vault.crisis_lines.list()] == [
        lines[0].name,
        lines[1].name,
        "Clinic",
        "Warm line",
    ]
    ids = [line.id for line in vault.crisis_lines.list()]
    assert [line.id for line in vault.crisis_lines.reorder(list(reversed(ids)))] == list(
        reversed(ids)
    )
    assert vault.crisis_lines.delete(10_000) is None
    assert crisis_lines_for("US")[0].name == lines[0].name
