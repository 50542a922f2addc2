# SPDX-License-Identifier: GPL-3.0-or-later
"""The People page's storage on a real vault: lists, history, figures, deletes that keep
names, and undo."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from recovery_desktop.core.models import (
    Community,
    CommunityKind,
    ConnectionKind,
    Contact,
    Entry,
    EntryFilter,
    InitiatedBy,
    PeopleSort,
    Role,
)
from recovery_desktop.core.reach_out import reach_outs_due
from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage import Vault

TODAY = date(2026, 3, 14)


def _at(day: date, hour: int = 18) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC).astimezone()


def _people(vault: Vault) -> dict[str, Contact]:
    saved = [
        vault.contacts.save(Contact("Dana R.", Role.SPONSOR, phone="555-0142", emergency=True)),
        vault.contacts.save(Contact("Zoë", Role.FRIEND, notes="Climbing on Thursdays")),
        vault.contacts.save(Contact("Ana", Role.PEER, email="ana@example.org")),
        vault.contacts.save(Contact("Maya", Role.FAMILY, phone="555-0178", emergency=True)),
        vault.contacts.save(Contact("Old friend", Role.FRIEND, archived=True)),
    ]
    return {c.name: c for c in saved}


def test_contact_list_pins_emergency_sorts_and_searches(vault: Vault) -> None:
    people = _people(vault)
    vault.connections.log(
        _at(TODAY - timedelta(days=1)), ConnectionKind.CALL, contact_ids=[people["Ana"].id]
    )
    vault.connections.log(
        _at(TODAY - timedelta(days=5)), ConnectionKind.TEXT, contact_ids=[people["Maya"].id]
    )

    def names(**kw: object) -> list[str]:
        return [item.contact.name for item in vault.contacts.overview(**kw)]

    assert names() == ["Dana R.", "Maya", "Ana", "Zoë"]
    assert names(sort=PeopleSort.ROLE) == ["Dana R.", "Maya", "Zoë", "Ana"]  # friend, peer
    assert names(sort=PeopleSort.LAST_IN_TOUCH) == ["Maya", "Dana R.", "Ana", "Zoë"]
    assert names(include_archived=True)[-1] == "Zoë" and "Old friend" in names(
        include_archived=True
    )
    assert names(search="zoë") == ["Zoë"] == names(search="ZOË")  # any case, not only ASCII
    assert names(search="thursday") == ["Zoë"]  # notes
    assert names(search="0142") == ["Dana R."]  # a number
    assert names(search="sponsor") == ["Dana R."]  # the role
    assert names(search="ana example") == ["Ana"]  # every word must match
    assert names(search="nobody") == []
    last = {i.contact.name: i.last_in_touch for i in vault.contacts.overview()}
    assert last["Ana"] == TODAY - timedelta(days=1) and last["Zoë"] is None
    assert [c.name for c in vault.contacts.emergency()] == ["Dana R.", "Maya"]


def test_community_list_and_history(vault: Vault) -> None:
    tuesday = vault.communities.save(
        Community(
            "Tuesday group", CommunityKind.MEETING, schedule="Tuesdays 7 pm", place="St. Mark's"
        )
    )
    run = vault.communities.save(Community("Run club", CommunityKind.FITNESS, schedule="Saturdays"))
    vault.communities.save(Community("Old forum", CommunityKind.ONLINE_FORUM, archived=True))
    vault.connections.log(
        _at(TODAY), ConnectionKind.MEETING, community_id=tuesday.id, felt_supported=4
    )
    vault.connections.log(
        _at(TODAY - timedelta(days=40)),
        ConnectionKind.SERVICE,
        community_id=tuesday.id,
        felt_supported=5,
    )

    def names(**kw: object) -> list[str]:
        return [item.community.name for item in vault.communities.overview(**kw)]

    assert names() == ["Run club", "Tuesday group"]
    assert names(sort=PeopleSort.LAST_IN_TOUCH) == ["Tuesday group", "Run club"]
    assert names(sort=PeopleSort.ROLE) == ["Tuesday group", "Run club"]  # meeting, then fitness
    assert names(search="saturday") == ["Run club"]
    assert len(names(include_archived=True)) == 3
    stats = vault.connections.stats(TODAY, community_id=tuesday.id)
    assert (stats.total, stats.last_30_days, stats.last_90_days) == (2, 1, 2)
    assert stats.mean_felt_supported == pytest.approx(4.5) and stats.felt_supported_n == 2
    assert [c.kind for c in vault.connections.history(community_id=tuesday.id)] == [
        ConnectionKind.MEETING,
        ConnectionKind.SERVICE,
    ]
    assert vault.connections.history(community_id=run.id) == []
    archived = vault.communities.archive(run.id)
    assert archived.archived and names() == ["Tuesday group"]


def test_history_is_newest_first_and_paged_with_figures(vault: Vault) -> None:
    dana = vault.contacts.save(Contact("Dana", Role.SPONSOR))
    other = vault.contacts.save(Contact("Chris"))
    for n in range(120):
        vault.connections.log(
            _at(TODAY - timedelta(days=n)),
            ConnectionKind.CALL,
            contact_ids=[dana.id],
            felt_supported=(n % 5) + 1 if n % 2 == 0 else None,
            note=f"call {n}",
        )
    vault.connections.log(_at(TODAY), ConnectionKind.TEXT, contact_ids=[other.id])
    vault.connections.log(
        _at(TODAY + timedelta(days=2)), ConnectionKind.CALL, contact_ids=[other.id]
    )
    assert vault.connections.stats(TODAY, contact_id=other.id).last_30_days == 1  # not ahead
    first = vault.connections.history(contact_id=dana.id, limit=50)
    second = vault.connections.history(contact_id=dana.id, offset=50, limit=50)
    rest = vault.connections.history(contact_id=dana.id, offset=100, limit=50)
    notes = [c.note for c in first + second + rest]
    assert notes == [f"call {n}" for n in range(120)]
    assert all(c.contact_name == "Dana" for c in first)
    stats = vault.connections.stats(TODAY, contact_id=dana.id)
    assert stats.total == 120 and stats.last_in_touch == TODAY
    assert (stats.last_30_days, stats.last_90_days) == (30, 90)
    answers = [(n % 5) + 1 for n in range(120) if n % 2 == 0]
    assert stats.felt_supported_n == len(answers) == 60
    assert stats.mean_felt_supported == pytest.approx(sum(answers) / len(answers))
    empty = vault.connections.stats(TODAY, contact_id=vault.contacts.save(Contact("New")).id)
    assert (
        empty.total,
        empty.last_in_touch,
        empty.mean_felt_supported,
        empty.felt_supported_n,
    ) == (
        0,
        None,
        None,
        0,
    )
    with pytest.raises(ValueError):
        vault.connections.history(contact_id=dana.id, community_id=1)


def test_log_with_several_people_edit_delete_and_undo(vault: Vault) -> None:
    people = _people(vault)
    group = vault.communities.save(Community("Tuesday group"))
    ids = [people["Dana R."].id, people["Maya"].id]
    logged = vault.connections.log(
        _at(TODAY),
        ConnectionKind.IN_PERSON,
        contact_ids=ids,
        initiated_by=InitiatedBy.THEM,
        felt_supported=5,
        note="Dinner together",
    )
    assert [c.contact_id for c in logged] == ids
    assert all(c.note == "Dinner together" and c.initiated_by is InitiatedBy.THEM for c in logged)
    assert [c.contact_name for c in logged] == ["Dana R.", "Maya"]
    (meeting,) = vault.connections.log(_at(TODAY), ConnectionKind.MEETING, community_id=group.id)
    assert meeting.community_name == "Tuesday group"
    with pytest.raises(ValidationError, match="people, or with a group"):
        vault.connections.log(_at(TODAY), ConnectionKind.CALL)
    with pytest.raises(ValidationError, match="people, or with a group"):
        vault.connections.log(
            _at(TODAY), ConnectionKind.CALL, contact_ids=ids, community_id=group.id
        )
    with pytest.raises(ValidationError, match="1 to 5"):
        vault.connections.log(_at(TODAY), ConnectionKind.CALL, contact_ids=ids, felt_supported=6)
    assert vault.connections.count() == 3  # the refused ones wrote nothing

    edited = vault.connections.save(replace(logged[0], kind=ConnectionKind.CALL, felt_supported=3))
    assert vault.connections.get(logged[0].id) == edited
    removed = vault.connections.delete_many([c.id for c in logged])
    assert vault.connections.count() == 1
    vault.connections.log(_at(TODAY), ConnectionKind.TEXT, contact_ids=[people["Ana"].id])
    restored = vault.connections.restore(removed)
    assert [c.id for c in restored] == [c.id for c in logged]  # ids never reused
    assert vault.connections.get(logged[0].id).felt_supported == 3
    assert vault.connections.count() == 4
    assert vault.connections.delete(10_000) is None


def test_log_an_entrys_people_once(vault: Vault) -> None:
    people = _people(vault)
    day = TODAY - timedelta(days=3)
    entry = vault.entries.save(
        Entry(entry_date=day, body="Lunch", people=(people["Ana"].id, people["Zoë"].id))
    )
    logged = vault.connections.log_mentions(entry.id)
    assert sorted(c.contact_name for c in logged) == ["Ana", "Zoë"]
    assert all(c.entry_id == entry.id and c.kind is ConnectionKind.IN_PERSON for c in logged)
    assert all(c.occurred_at.astimezone().date() == day for c in logged)
    assert vault.connections.log_mentions(entry.id) == []  # a second time adds nothing
    assert {c.id for c in vault.connections.for_entry(entry.id)} == {c.id for c in logged}
    with pytest.raises(ValidationError, match="no longer exists"):
        vault.connections.log_mentions(10_000)


def test_entries_that_mention_a_contact(vault: Vault) -> None:
    people = _people(vault)
    ana = people["Ana"].id
    group = vault.communities.save(Community("Tuesday group"))
    for n in range(5):
        entry = vault.entries.save(
            Entry(
                entry_date=TODAY - timedelta(days=n),
                body=f"day {n}",
                people=(ana,) if n % 2 == 0 else (),
            )
        )
        if n == 1:
            vault.connections.log(
                _at(entry.entry_date),
                ConnectionKind.MEETING,
                community_id=group.id,
                entry_id=entry.id,
            )
    assert [s.preview for s in vault.entries.mentioning(ana)] == ["day 0", "day 2", "day 4"]
    assert [s.preview for s in vault.entries.mentioning(ana, offset=1, limit=1)] == ["day 2"]
    assert vault.entries.count(EntryFilter(person=ana)) == 3
    assert [s.preview for s in vault.entries.linked_to_community(group.id)] == ["day 1"]


def test_contacts_to_complete_usage_and_archive(vault: Vault) -> None:
    people = _people(vault)
    sam = vault.contacts.save(Contact("Sam", Role.OTHER))  # as the People field makes them
    jo = vault.contacts.save(Contact("Jo", Role.OTHER))
    assert vault.contacts.to_complete() == [jo, sam]
    vault.contacts.save(replace(sam, phone="555-0100"))
    assert vault.contacts.to_complete() == [jo]
    vault.contacts.archive(jo.id)
    assert vault.contacts.to_complete() == []
    assert vault.contacts.archive(jo.id, archived=False).archived is False

    maya = people["Maya"]
    assert not vault.contacts.usage(maya.id).anywhere
    vault.entries.save(Entry(entry_date=TODAY, body="x", people=(maya.id,)))
    vault.connections.log(_at(TODAY), ConnectionKind.CALL, contact_ids=[maya.id])
    usage = vault.contacts.usage(maya.id)
    assert (usage.entries, usage.connections, usage.anywhere) == (1, 1, True)


def test_delete_a_mentioned_contact_keeping_the_name_then_undo_an_entry_delete(
    vault: Vault,
) -> None:
    """Issue 7: undo of an entry delete after a mentioned contact was deleted (before schema 5
    the restore failed on the foreign key)."""
    people = _people(vault)
    dana, maya = people["Dana R."], people["Maya"]
    entry = vault.entries.save(
        Entry(
            entry_date=TODAY, title="Coffee", body="with Dana and Maya", people=(dana.id, maya.id)
        )
    )
    (call,) = vault.connections.log(
        _at(TODAY), ConnectionKind.CALL, contact_ids=[dana.id], entry_id=entry.id
    )
    removed = vault.entries.delete(entry.id)  # the journal holds this for Undo
    vault.contacts.delete(dana.id)  # "delete and keep the name as text"
    restored = vault.entries.restore(removed)
    assert restored.people == (maya.id,) and restored.people_kept == ("Dana R.",)
    stored = vault.entries.get(entry.id)
    assert stored.people == (maya.id,) and stored.people_kept == ("Dana R.",)
    assert stored.body == "with Dana and Maya"
    kept = vault.connections.get(call.id)
    assert (kept.contact_id, kept.contact_name) == (None, "Dana R.")
    assert kept.entry_id is None  # the entry delete let go of the link (not restored)
    # Saving the entry again keeps the kept name; the editor's next save does not lose it.
    again = vault.entries.save(replace(stored, body="edited"))
    assert vault.entries.get(again.id).people_kept == ("Dana R.",)
    # Typing the name again (a new contact of that name) makes the kept text redundant.
    dana_again = vault.contacts.save(Contact("Dana R.", Role.OTHER))
    relinked = vault.entries.save(replace(again, people=(maya.id, dana_again.id)))
    assert relinked.people_kept == () and vault.entries.get(again.id).people_kept == ()
    # And an undo of the connection's delete, made before the contact went, works too.
    vault.connections.delete(call.id)
    assert vault.connections.restore([kept])[0].contact_name == "Dana R."


def test_archive_instead_of_delete_keeps_every_link(vault: Vault) -> None:
    people = _people(vault)
    ana = people["Ana"]
    entry = vault.entries.save(Entry(entry_date=TODAY, body="x", people=(ana.id,)))
    vault.connections.log(_at(TODAY), ConnectionKind.CALL, contact_ids=[ana.id])
    vault.contacts.archive(ana.id)
    assert vault.entries.get(entry.id).people == (ana.id,)
    assert vault.connections.history(contact_id=ana.id)[0].contact_name == "Ana"
    assert ana.id not in [i.contact.id for i in vault.contacts.overview()]


def test_deleted_community_keeps_its_name_on_connections(vault: Vault) -> None:
    group = vault.communities.save(Community("Tuesday group"))
    (meeting,) = vault.connections.log(_at(TODAY), ConnectionKind.MEETING, community_id=group.id)
    vault.communities.delete(group.id)
    kept = vault.connections.get(meeting.id)
    assert (kept.community_id, kept.community_name) == (None, "Tuesday group")


def test_snooze_holds_a_reach_out_back(vault: Vault) -> None:
    dana = vault.contacts.save(Contact("Dana", reach_out_every_days=3))
    vault.connections.log(
        _at(TODAY - timedelta(days=5)), ConnectionKind.CALL, contact_ids=[dana.id]
    )

    def due(today: date) -> list[str]:
        return [
            d.contact.name
            for d in reach_outs_due(vault.contacts.list(), vault.connections.last_in_touch(), today)
        ]

    assert due(TODAY) == ["Dana"]
    snoozed = vault.contacts.snooze(dana.id, TODAY + timedelta(days=3))
    assert snoozed.snoozed_until == TODAY + timedelta(days=3)
    assert due(TODAY) == [] and due(TODAY + timedelta(days=2)) == []
    assert due(TODAY + timedelta(days=3)) == ["Dana"]  # back when the snooze ends
    vault.contacts.snooze(dana.id, None)
    assert due(TODAY) == ["Dana"]
    # Logging the connection clears it as before.
    vault.connections.log(_at(TODAY), ConnectionKind.CALL, contact_ids=[dana.id])
    assert due(TODAY) == []
