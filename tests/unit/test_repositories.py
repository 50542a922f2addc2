# SPDX-License-Identifier: GPL-3.0-or-later
"""Repositories over a real encrypted vault."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from recovery_desktop.core.models import (
    SNIPPET_END,
    SNIPPET_START,
    Commitment,
    Community,
    CommunityKind,
    Connection,
    ConnectionKind,
    Contact,
    CrisisLine,
    Entry,
    EntryFilter,
    Goal,
    Outcome,
    RecoveryStart,
    Role,
    Visibility,
)
from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage import Vault

DAY = date(2026, 3, 14)


def test_entry_save_update_delete_restore(vault: Vault) -> None:
    dana = vault.contacts.save(Contact("Dana", Role.SPONSOR))
    entry = vault.entries.save(
        Entry(
            entry_date=DAY,
            title="First",
            body="Called **Dana**",
            mood=4,
            craving=2,
            tags=("Meeting", "meeting", " step  work "),
            people=(dana.id,),
            visibility=Visibility.SHARED,
        )
    )
    assert entry.id is not None and entry.tags == ("Meeting", "step work")
    stored = vault.entries.get(entry.id)
    assert stored == entry
    updated = vault.entries.save(replace(stored, body="Called Dana again", tags=("gratitude",)))
    assert vault.entries.get(entry.id).tags == ("gratitude",)
    assert vault.entries.search("again")[0].id == entry.id
    assert vault.entries.search("Called")[0].id == entry.id
    removed = vault.entries.delete(entry.id)
    assert (
        removed == vault.entries.restore(removed)
        and vault.entries.get(entry.id).body == updated.body
    )
    assert vault.entries.delete(999) is None


def test_search_snippets_and_ranking(vault: Vault) -> None:
    vault.entries.save(Entry(entry_date=DAY, body="A quiet day. The meeting helped a lot."))
    vault.entries.save(Entry(entry_date=DAY, title="Meeting", body="meeting meeting, coffee after"))
    vault.entries.save(Entry(entry_date=DAY, body="Nothing about it"))
    results = vault.entries.search("meeting")
    assert len(results) == 2
    assert results[0].title == "Meeting"  # title matches weigh more
    assert f"{SNIPPET_START}meeting{SNIPPET_END}" in results[1].snippet
    # Typing shows results as you go: the last word is a prefix.
    assert len(vault.entries.search("meet")) == 2
    # FTS syntax typed by a person is taken literally, never an error.
    for odd in ('"', "AND OR NOT", "meeting*", "(", "-x", "title:meeting", "NEAR("):
        vault.entries.search(odd)


def test_filters_combine(vault: Vault) -> None:
    maya = vault.contacts.save(Contact("Maya", Role.FAMILY))
    for i in range(10):
        vault.entries.save(
            Entry(
                entry_date=DAY + timedelta(days=i),
                body=f"walk number {i}",
                mood=1 + i % 5,
                tags=("walk",) if i % 2 else ("rest",),
                people=(maya.id,) if i < 5 else (),
            )
        )
    assert vault.entries.count() == 10
    both = EntryFilter(tag="walk", person=maya.id)
    assert {s.entry_date.day for s in vault.entries.page(both)} == {15, 17}
    ranged = replace(
        both, date_from=DAY + timedelta(days=2), date_to=DAY + timedelta(days=4), text="walk"
    )
    assert [s.entry_date.day for s in vault.entries.page(ranged)] == [17]
    assert vault.entries.count(EntryFilter(mood=2)) == 2
    page = vault.entries.page(EntryFilter(), offset=3, limit=2)
    assert [s.entry_date.day for s in page] == [20, 19]


def test_checkin_and_factors(vault: Vault) -> None:
    checkin = vault.entries.save(
        Entry(
            entry_date=DAY,
            is_checkin=True,
            mood=2,
            craving=7,
            gratitude="My sister called",
            triggers=("stress", "Stress"),
            coping=("walk",),
            sober_today=True,
        )
    )
    assert vault.entries.checkin_for(DAY) == checkin
    assert vault.entries.checkin_for(DAY + timedelta(days=1)) is None
    assert vault.entries.factors("trigger") == ["stress"]
    assert vault.entries.search("sister")[0].preview == "My sister called"
    with pytest.raises(ValidationError):
        vault.entries.factors("other")


def test_invalid_entries_are_refused_plainly(vault: Vault) -> None:
    with pytest.raises(ValidationError, match="Mood"):
        vault.entries.save(Entry(entry_date=DAY, mood=9))
    with pytest.raises(ValidationError, match="before 1900"):
        vault.entries.save(Entry(entry_date=date(1800, 1, 1)))
    assert vault.entries.count() == 0


def test_contacts_communities_connections(vault: Vault) -> None:
    dana = vault.contacts.save(
        Contact("  Dana  ", Role.SPONSOR, emergency=True, reach_out_every_days=3)
    )
    chris = vault.contacts.save(Contact("Chris", Role.FRIEND))
    assert dana.name == "Dana"
    assert [c.name for c in vault.contacts.list()] == ["Dana", "Chris"]
    vault.contacts.save(replace(chris, archived=True))
    assert [c.name for c in vault.contacts.list()] == ["Dana"]
    assert len(vault.contacts.list(include_archived=True)) == 2
    with pytest.raises(ValidationError):
        vault.contacts.save(Contact("   "))
    group = vault.communities.save(Community("Tuesday group", CommunityKind.MEETING))
    when = datetime(2026, 3, 14, 18, 30, tzinfo=UTC)
    call = vault.connections.save(
        Connection(when, ConnectionKind.CALL, contact_id=dana.id, felt_supported=5)
    )
    vault.connections.save(
        Connection(when + timedelta(days=2), ConnectionKind.MEETING, community_id=group.id)
    )
    assert vault.connections.get(call.id) == call
    assert vault.connections.last_in_touch() == {dana.id: when.astimezone().date()}
    assert len(vault.connections.for_community(group.id)) == 1
    with pytest.raises(ValidationError, match="person or a group"):
        vault.connections.save(Connection(when, ConnectionKind.CALL))
    vault.contacts.delete(dana.id)
    kept = vault.connections.get(call.id)  # the log stays, with the name as plain text
    assert (kept.contact_id, kept.contact_name, kept.felt_supported) == (None, "Dana", 5)


def test_goals_commitments_and_trust(vault: Vault) -> None:
    goal = vault.goals.save(Goal("Rebuild trust with Maya"))
    promise = vault.goals.save_commitment(Commitment(goal.id, "Pick Leo up on time", due_date=DAY))
    marked = vault.goals.mark(promise.id, Outcome.KEPT)
    assert marked.outcome is Outcome.KEPT and marked.noted_at is not None
    assert vault.goals.commitments_due(DAY, DAY) == []
    vault.goals.save_commitment(Commitment(goal.id, "Call on Sunday", due_date=DAY))
    assert len(vault.goals.commitments_due(DAY, DAY)) == 1
    assert [c.outcome for c in vault.goals.commitments(goal.id)] == [Outcome.KEPT, Outcome.PENDING]
    vault.goals.delete(goal.id)
    assert vault.goals.commitments(goal.id) == []


def test_recovery_starts_keep_history(vault: Vault) -> None:
    vault.recovery_starts.add(RecoveryStart(DAY, "a new start"))
    vault.recovery_starts.add(RecoveryStart(DAY - timedelta(days=90)))
    assert [s.start_date for s in vault.recovery_starts.list()] == [DAY - timedelta(days=90), DAY]


def test_safety_plan_defaults_and_edits(vault: Vault) -> None:
    plan = vault.safety_plan.get()
    assert plan.warning_signs == ""
    assert any("988" in line.phone for line in plan.crisis_lines)
    assert any(line.phone == "1-800-662-4357" for line in plan.crisis_lines)
    edited = vault.safety_plan.save(
        replace(plan, reasons="Leo", crisis_lines=(CrisisLine("Local line", phone="116 123"),))
    )
    assert edited.reasons == "Leo" and [c.name for c in edited.crisis_lines] == ["Local line"]
    assert vault.safety_plan.get() == edited


def test_settings_and_templates(vault: Vault) -> None:
    assert vault.settings.get("lock_after_minutes", 5) == 5
    vault.settings.set("lock_after_minutes", 10)
    vault.settings.set("lock_after_minutes", 12)
    assert vault.settings.get("lock_after_minutes") == 12
    template_id = vault.templates.add("Evening", "What went well?")
    assert vault.templates.list() == [(template_id, "Evening", "What went well?")]
    vault.templates.delete(template_id)
    assert vault.templates.list() == []


def test_failed_transaction_writes_nothing(vault: Vault) -> None:
    from recovery_desktop.storage.connection import transaction

    with pytest.raises(RuntimeError), transaction(vault.connection):
        vault.entries.save(Entry(entry_date=DAY, body="never committed"))
        raise RuntimeError("boom")
    assert vault.entries.count() == 0


def test_undo_after_writing_something_new_never_overwrites_it(vault: Vault) -> None:
    older = vault.entries.save(Entry(entry_date=DAY, body="older entry"))
    a = vault.entries.save(Entry(entry_date=DAY, body="entry A, deleted by mistake"))
    removed = vault.entries.delete(a.id)
    b = vault.entries.save(Entry(entry_date=DAY, body="entry B, written right after"))
    assert b.id != a.id  # ids are never reused
    vault.entries.restore(removed)
    bodies = sorted(vault.entries.get(i).body for i in (older.id, a.id, b.id))
    assert bodies == ["entry A, deleted by mistake", "entry B, written right after", "older entry"]


def test_updates_keep_when_a_record_was_made(vault: Vault) -> None:
    entry = vault.entries.save(Entry(entry_date=DAY, body="first words"))
    edited = vault.entries.save(
        replace(entry, body="second words", created_at=datetime(2001, 1, 1, tzinfo=UTC))
    )
    stored = vault.entries.get(entry.id)
    assert stored.body == "second words" and stored.created_at == entry.created_at
    assert stored.updated_at >= entry.updated_at and edited.id == entry.id
    # A saved id whose row is gone (autosave racing a delete) is written again, not lost.
    vault.entries.delete(entry.id)
    again = vault.entries.save(replace(stored, body="third words"))
    assert again.id == entry.id and vault.entries.get(entry.id).body == "third words"
    contact = vault.contacts.save(Contact("Dana"))
    vault.contacts.save(replace(contact, name="Dana R."))
    assert [c.name for c in vault.contacts.list()] == ["Dana R."]


def test_punctuation_alone_matches_nothing(vault: Vault) -> None:
    vault.entries.save(Entry(entry_date=DAY, body="something"))
    for text in ("!!!", "?", " - "):
        assert vault.entries.page(EntryFilter(text=text)) == []
        assert vault.entries.count(EntryFilter(text=text)) == 0
    assert vault.entries.count(EntryFilter(text="  ")) == 1  # blank means no search


def test_a_failed_commit_leaves_no_transaction_open(vault: Vault) -> None:
    from recovery_desktop.storage.connection import transaction

    conn = vault.connection
    # A deferred foreign key fails at COMMIT, as a full disk or a busy database can.
    conn.execute("CREATE TEMP TABLE parent (id INTEGER PRIMARY KEY)")
    conn.execute(
        "CREATE TEMP TABLE child (parent_id INTEGER REFERENCES parent (id) "
        "DEFERRABLE INITIALLY DEFERRED)"
    )
    with pytest.raises(Exception, match="FOREIGN KEY"), transaction(conn):
        conn.execute("INSERT INTO child VALUES (42)")
    assert not conn.in_transaction
    vault.entries.save(Entry(entry_date=DAY, body="committed after"))
    assert vault.entries.count() == 1
