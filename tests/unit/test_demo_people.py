# SPDX-License-Identifier: GPL-3.0-or-later
"""The small demo vault shows every People, Goals and Safety plan field with believable data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from recovery_desktop.core.models import EntryFilter, GoalStatus, Outcome, PlanSection
from recovery_desktop.core.reach_out import reach_outs_due
from recovery_desktop.demo.generator import generate_demo_vault
from recovery_desktop.storage import KdfCost, Vault

TODAY = date(2026, 3, 14)
PASS = "demo passphrase"


def test_small_demo_fills_the_new_fields(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    generate_demo_vault(folder, PASS, scale="small", cost=KdfCost.cheap(), today=TODAY)
    with Vault.open(folder, PASS) as vault:
        contacts = vault.contacts.list(include_archived=True)
        assert [c.name for c in vault.contacts.emergency()] == ["Dana R.", "Maya (sister)"]
        snoozed = [c for c in contacts if c.snoozed_until is not None]
        assert len(snoozed) == 1 and snoozed[0].snoozed_until > TODAY
        due = reach_outs_due(contacts, vault.connections.last_in_touch(), TODAY)
        assert due and snoozed[0] not in [d.contact for d in due]  # Today still has some
        (jess,) = vault.contacts.to_complete()
        assert jess.name == "Jess" and vault.entries.count(EntryFilter(person=jess.id)) >= 1

        groups = vault.communities.list()
        assert len(groups) == 5 and all(g.schedule and g.place for g in groups)
        tuesday = vault.connections.stats(TODAY, community_id=groups[0].id)
        dana = vault.contacts.emergency()[0]
        stats = vault.connections.stats(TODAY, contact_id=dana.id)
        assert stats.total > 5 and stats.felt_supported_n > 0 and tuesday is not None

        items = vault.safety_plan.items()
        assert {i.section for i in items} == set(PlanSection)
        linked = [i for i in items if i.contact_id is not None]
        assert len(linked) >= 4
        helpers = vault.safety_plan.help_people()
        assert [h.name for h in helpers][:2] == ["Dana R.", "Maya (sister)"]
        assert len({h.name for h in helpers}) == len(helpers)  # each person once
        assert vault.crisis_lines.country() == "US"

        goals = vault.goals.list()
        assert {g.status for g in goals} == {
            GoalStatus.ACTIVE,
            GoalStatus.PAUSED,
            GoalStatus.ACHIEVED,
        }
        outcomes = {c.outcome for g in goals for c in vault.goals.commitments(g.id)}
        assert outcomes == set(Outcome)
        overdue = vault.goals.overdue(TODAY)
        assert len(overdue) == 1 and overdue[0].contact_name  # promised to someone
        assert vault.goals.commitments_due(TODAY, TODAY)
        assert vault.recovery_starts.daily_cost().money == Decimal("18.50")
