# SPDX-License-Identifier: GPL-3.0-or-later
"""A believable demo vault: a person's months or years in recovery, generated from a seed.

Small scale (about 6 months): daily check-ins, journal entries a few times a week, a dozen
contacts of every role (two emergency contacts, one reach-out snoozed, one named in an entry and
still to complete), groups with schedules and places, goals with promises kept, missed and
pending (one overdue), one new start of the sober count with what using used to cost each day,
and a safety plan whose people link to contacts. Large scale (10 years): 20,000 entries of about
1,500 characters, 50,000 connections and 300 contacts, for the benchmarks.

Moods move with life: a slow drift, better on days with a connection or a meeting, harder in the
weeks before a new start. Nothing here is about a real person.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from recovery_desktop.core.models import (
    Commitment,
    Community,
    CommunityKind,
    Connection,
    ConnectionKind,
    Contact,
    Entry,
    Goal,
    GoalKind,
    GoalStatus,
    InitiatedBy,
    Outcome,
    RecoveryStart,
    Role,
    Visibility,
)
from recovery_desktop.core.reach_out import reach_outs_due
from recovery_desktop.demo import phrases, story
from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.storage.connection import transaction

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Scale:
    years: float
    journal_entries: int | None  # None: a few a week
    entry_chars: int
    connections: int | None  # None: a few a week plus meetings
    contacts: int
    communities: int
    daily_checkins: bool


SCALES = {
    "small": Scale(0.5, None, 700, None, 13, 5, True),
    "large": Scale(10, 20_000, 1500, 50_000, 300, 15, False),
}


def generate_demo_vault(
    folder: Path,
    passphrase: str,
    scale: str = "small",
    cost: KdfCost | None = None,
    seed: int = 7,
    years: float | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> str:
    """Create a new vault in `folder` (which must not hold one) and fill it; returns a summary.

    Deterministic for a given seed and `today`. `progress(done, total, what)` is called now and
    then; it runs on the calling thread.
    """
    spec = SCALES[scale]
    today = today or date.today()
    span_days = max(14, round((years if years is not None else spec.years) * 365.25))
    rng = random.Random(seed)
    vault, _code = Vault.create(folder, passphrase, cost)
    with vault:
        return _Writer(vault, spec, rng, today, span_days, progress or (lambda *_: None)).run()


class _Writer:
    def __init__(
        self,
        vault: Vault,
        spec: Scale,
        rng: random.Random,
        today: date,
        span_days: int,
        progress: Progress,
    ) -> None:
        self.vault = vault
        self.spec = spec
        self.rng = rng
        self.today = today
        self.first_day = today - timedelta(days=span_days - 1)
        self.days = [self.first_day + timedelta(days=i) for i in range(span_days)]
        self.progress = progress

    # --- the story ---------------------------------------------------------------------------

    def run(self) -> str:
        contacts = self._contacts()
        communities = self._communities()
        starts = self._recovery_starts()
        connections_by_day = self._connections(contacts, communities)
        entries = self._entries(contacts, connections_by_day, starts)
        goals = self._goals(contacts)
        self._safety_plan(contacts)
        self._snooze_one(contacts)
        self.vault.recovery_starts.set_daily_cost(story.DAILY_COST)
        self.vault.settings.set("on_this_day", False)
        n_connections = sum(len(v) for v in connections_by_day.values())
        return (
            f"{entries:,} entries, {n_connections:,} connections, {len(contacts):,} contacts, "
            f"{len(communities)} groups, {goals} goals, {len(starts)} recovery starts, "
            f"{(self.today - self.first_day).days + 1} days"
        )

    def _contacts(self) -> list[Contact]:
        rng = self.rng
        with transaction(self.vault.connection):
            saved = [self.vault.contacts.save(c) for c in story.CORE_CONTACTS[: self.spec.contacts]]
            roles = list(Role)
            names = list(phrases.FIRST_NAMES)
            rng.shuffle(names)
            while len(saved) < self.spec.contacts:
                name = f"{names[len(saved) % len(names)]} {rng.choice(phrases.LAST_INITIALS)}."
                role = rng.choices(roles, weights=(1, 6, 10, 14, 1, 2, 4))[0]
                phone = f"555-{rng.randrange(100, 10000):04d}" if rng.random() < 0.6 else ""
                saved.append(
                    self.vault.contacts.save(
                        Contact(
                            name,
                            role,
                            phone=phone,
                            reach_out_every_days=rng.choice((None, None, 7, 14, 30)),
                            archived=rng.random() < 0.1,
                            emergency=bool(phone) and role is Role.FAMILY and rng.random() < 0.1,
                        )
                    )
                )
        return saved

    def _communities(self) -> list[Community]:
        chosen = list(phrases.COMMUNITY_NAMES)
        self.rng.shuffle(chosen)
        # Always one meeting first: the demo person goes to meetings.
        chosen.sort(key=lambda pair: pair[1] != "meeting")
        with transaction(self.vault.connection):
            return [
                self.vault.communities.save(
                    Community(
                        name,
                        CommunityKind(kind),
                        schedule=self.rng.choice(
                            (
                                "Tuesdays 7 pm",
                                "Saturday mornings",
                                "Daily at noon",
                                "Thursdays 6:30 pm",
                                "First Sunday of the month",
                                "Any time",
                            )
                        ),
                        place=self.rng.choice(story.PLACES.get(CommunityKind(kind), ("",))),
                    )
                )
                for name, kind in chosen[: self.spec.communities]
            ]

    def _recovery_starts(self) -> list[date]:
        """The first start a little before the story; then one new start per ~3 years (at least
        one), so the demo always shows a kind "new start" with history kept."""
        span = len(self.days)
        resets = max(1, round(span / (365 * 3)))
        starts = [self.first_day - timedelta(days=self.rng.randrange(20, 60))]
        for i in range(resets):
            offset = round(span * (i + 1) / (resets + 1.6)) + self.rng.randrange(-10, 10)
            starts.append(self.first_day + timedelta(days=max(30, min(span - 30, offset))))
        with transaction(self.vault.connection):
            for n, start in enumerate(starts):
                note = "The day I decided." if n == 0 else "A new start. Told Dana right away."
                self.vault.recovery_starts.add(RecoveryStart(start, note))
        return starts

    def _strain(self, day: date, starts: list[date]) -> float:
        """0..1: how hard the days around a new start were (weeks before, a little after)."""
        worst = 0.0
        for start in starts[1:]:
            before = (start - day).days
            if 0 < before <= 21:
                worst = max(worst, 1 - before / 21)
            elif -10 <= before <= 0:
                worst = max(worst, 0.5 + before / 20)
        return worst

    def _connections(
        self, contacts: list[Contact], communities: list[Community]
    ) -> dict[date, list[Connection]]:
        rng = self.rng
        active = [c for c in contacts if not c.archived] or contacts
        weights = [
            {Role.SPONSOR: 8, Role.FAMILY: 5, Role.PEER: 4, Role.FRIEND: 3, Role.COUNSELOR: 1}.get(
                c.role, 1
            )
            for c in active
        ]
        total = self.spec.connections
        counts = _daily_counts(rng, len(self.days), total, rate=0.45)
        meetings = [c for c in communities if c.kind is CommunityKind.MEETING] or communities
        by_day: dict[date, list[Connection]] = {}
        for day, count in zip(self.days, counts, strict=True):
            todays: list[Connection] = []
            for _ in range(count):
                if rng.random() < 0.25 and communities:
                    community = rng.choice(meetings if rng.random() < 0.7 else communities)
                    kind = (
                        ConnectionKind.MEETING
                        if community.kind is CommunityKind.MEETING
                        else (
                            ConnectionKind.SERVICE
                            if community.kind is CommunityKind.VOLUNTEER
                            else ConnectionKind.IN_PERSON
                        )
                    )
                    todays.append(self._connection(day, kind, community_id=community.id))
                else:
                    contact = rng.choices(active, weights)[0]
                    kind = rng.choice(
                        (
                            ConnectionKind.CALL,
                            ConnectionKind.CALL,
                            ConnectionKind.TEXT,
                            ConnectionKind.IN_PERSON,
                            ConnectionKind.ONLINE,
                        )
                    )
                    todays.append(
                        self._connection(day, kind, contact_id=contact.id, name=contact.name)
                    )
            if (
                total is None and day.weekday() in (1, 5) and meetings
            ):  # Tuesday and Saturday meetings
                todays.append(
                    self._connection(day, ConnectionKind.MEETING, community_id=meetings[0].id)
                )
            if todays:
                by_day[day] = todays
        flat = [c for day in self.days for c in by_day.get(day, ())]
        self._write_in_chunks(flat, self.vault.connections.save, "Connections")
        return by_day

    def _connection(
        self,
        day: date,
        kind: ConnectionKind,
        *,
        contact_id: int | None = None,
        community_id: int | None = None,
        name: str | None = None,
    ) -> Connection:
        rng = self.rng
        moment = datetime.combine(
            day, time(rng.randrange(7, 22), rng.randrange(0, 60))
        ).astimezone()
        first_name = name.split()[0] if name else None
        return Connection(
            occurred_at=moment,
            kind=kind,
            contact_id=contact_id,
            community_id=community_id,
            initiated_by=rng.choices(list(InitiatedBy), weights=(6, 3, 1))[0],
            felt_supported=rng.choice((None, 3, 4, 4, 5, 5)),
            note=phrases.compose_connection_note(rng, kind=kind.value, person=first_name)
            if rng.random() < 0.5
            else "",
        )

    def _entries(
        self,
        contacts: list[Contact],
        connections_by_day: dict[date, list[Connection]],
        starts: list[date],
    ) -> int:
        rng = self.rng
        spec = self.spec
        names = {c.id: c.name.split()[0].strip("(") for c in contacts}
        mood_drift = 0.0
        counts = _daily_counts(rng, len(self.days), spec.journal_entries, rate=0.45)
        new_starts = set(starts[1:])
        entries: list[Entry] = []
        for day, count in zip(self.days, counts, strict=True):
            mood_drift = 0.85 * mood_drift + rng.gauss(0, 0.35)
            strain = self._strain(day, starts)
            todays = connections_by_day.get(day, [])
            met = any(c.kind is ConnectionKind.MEETING for c in todays)
            base = 3.4 + mood_drift + 0.45 * bool(todays) + 0.35 * met - 1.6 * strain
            craving_base = 2.2 - 0.8 * mood_drift - 0.6 * met + 5.0 * strain
            sober = day + timedelta(days=1) not in new_starts
            mentioned = [c.contact_id for c in todays if c.contact_id is not None][:3]
            if spec.daily_checkins and rng.random() < 0.88:
                mood = _clamp(round(base + rng.gauss(0, 0.6)), 1, 5)
                craving = _clamp(round(craving_base + rng.gauss(0, 1.2)), 0, 10)
                entries.append(self._checkin(day, mood, craving, sober))
            if not sober and spec.journal_entries is None:
                count = max(count, 1)  # the person writes on the hardest day, too
            for _ in range(count):
                mood = _clamp(round(base + rng.gauss(0, 0.6)), 1, 5)
                craving = _clamp(round(craving_base + rng.gauss(0, 1.2)), 0, 10)
                themes = rng.sample(phrases.THEMES, 2)
                if met:
                    themes[0] = "meetings"
                if craving >= 6:
                    themes[1] = "cravings"
                people = [names[i] for i in mentioned if i in names]
                target = max(200, round(rng.gauss(spec.entry_chars, spec.entry_chars * 0.15)))
                if sober:
                    title, body = phrases.compose_entry(
                        rng,
                        mood=mood,
                        craving=craving,
                        themes=themes,
                        people=people,
                        target_chars=target,
                    )
                else:  # the day before a new start: the phrase bank assumes a sober day
                    title, body = rng.choice(story.SLIP_DAY_ENTRIES)
                entries.append(
                    Entry(
                        entry_date=day,
                        title=title,
                        body=body,
                        mood=mood,
                        craving=craving,
                        sober_today=sober if rng.random() < 0.7 else None,
                        visibility=rng.choices(list(Visibility), weights=(1, 7, 2))[0],
                        tags=tuple(rng.sample(phrases.ENTRY_TAGS, rng.randrange(0, 4))),
                        people=tuple(mentioned),
                        created_at=_evening(rng, day),
                    )
                )
        # The person typed Jess in a recent entry's People field: she waits to be completed.
        jess = next((c.id for c in contacts if c.name == story.TO_COMPLETE), None)
        latest = next(
            (i for i in range(len(entries) - 1, -1, -1) if not entries[i].is_checkin), None
        )
        if jess is not None and latest is not None:
            entry = entries[latest]
            entries[latest] = replace(entry, people=tuple(dict.fromkeys((*entry.people, jess))))
        self._write_in_chunks(entries, self.vault.entries.save, "Entries")
        return len(entries)

    def _checkin(self, day: date, mood: int, craving: int, sober: bool) -> Entry:
        rng = self.rng
        triggers = coping = ()
        if craving >= 5:
            triggers = tuple(rng.sample(phrases.TRIGGER_TAGS, rng.randrange(1, 3)))
            coping = tuple(rng.sample(phrases.COPING_TAGS, rng.randrange(1, 3)))
        return Entry(
            entry_date=day,
            is_checkin=True,
            mood=mood,
            craving=craving,
            sober_today=sober,
            gratitude=phrases.compose_gratitude(rng) if rng.random() < 0.8 else "",
            intention=phrases.compose_intention(rng) if rng.random() < 0.4 else "",
            triggers=triggers,
            coping=coping,
            created_at=_evening(rng, day),
        )

    def _goals(self, contacts: list[Contact]) -> int:
        """Trust goals with promises to the person (kept more often as time goes on), one due
        today and two coming up, one left unanswered two days ago (Today asks about it); a
        service goal, a paused health goal and an achieved personal one."""
        rng = self.rng
        by_role = {c.role: c for c in reversed(contacts)}
        family = [c for c in contacts if c.role is Role.FAMILY][:2]
        # (title, kind, the person it is about, why, status)
        specs = [
            (
                f"Rebuild trust with {family[0].name if family else 'my family'}",
                GoalKind.TRUST,
                family[0] if family else None,
                "I want to be someone they can count on again.",
                GoalStatus.ACTIVE,
            ),
            (
                f"Show up for {family[1].name if len(family) > 1 else 'the people I love'}",
                GoalKind.TRUST,
                family[1] if len(family) > 1 else None,
                "Being there, every time I said I would.",
                GoalStatus.ACTIVE,
            ),
            (
                "Give back at the food bank",
                GoalKind.SERVICE,
                None,
                "Helping someone else gets me out of my own head.",
                GoalStatus.ACTIVE,
            ),
            (
                "Sleep before midnight",
                GoalKind.HEALTH,
                None,
                "Everything is harder when I'm tired.",
                GoalStatus.PAUSED,
            ),
            (
                "Run the spring 5k",
                GoalKind.PERSONAL,
                None,
                "Proof to myself that I can finish something.",
                GoalStatus.ACHIEVED,
            ),
        ]
        span = len(self.days)
        with transaction(self.vault.connection):
            for index, (title, kind, about, why, status) in enumerate(specs):
                goal = self.vault.goals.save(
                    Goal(
                        title,
                        kind,
                        why=why,
                        contact_id=about.id if about else None,
                        status=status,
                        created_at=datetime.combine(self.first_day, time(20)).astimezone(),
                    )
                )
                to_whom = about.id if about else None
                person = (about or by_role.get(Role.FRIEND) or contacts[0]).name.split()[0]
                n = max(6, min(60, span // 20))
                for i in range(n):
                    due = self.first_day + timedelta(days=round((i + 1) * span / (n + 1)))
                    kept_chance = 0.55 + 0.4 * (i / n)  # trust grows over time
                    if status is GoalStatus.ACHIEVED:
                        kept_chance = 0.9
                    outcome = Outcome.KEPT if rng.random() < kept_chance else Outcome.MISSED
                    self.vault.goals.save_commitment(
                        Commitment(
                            goal.id,
                            phrases.compose_commitment(rng, person),
                            due_date=due,
                            outcome=outcome,
                            noted_at=datetime.combine(due, time(21)).astimezone(),
                            note="Told them the truth about it."
                            if outcome is Outcome.MISSED and rng.random() < 0.3
                            else "",
                            contact_id=to_whom,
                        )
                    )
                if status is GoalStatus.ACHIEVED:
                    continue
                # One due today and two coming up; the first goal also has one left unanswered.
                for ahead in (-2, 0, 3, 9) if index == 0 else (0, 3, 9):
                    self.vault.goals.save_commitment(
                        Commitment(
                            goal.id,
                            phrases.compose_commitment(rng, person),
                            due_date=self.today + timedelta(days=ahead),
                            contact_id=to_whom,
                        )
                    )
        return len(specs)

    def _safety_plan(self, contacts: list[Contact]) -> None:
        """The plan as items, the people linked to their contacts; the US crisis lines."""
        by_name = {c.name: c.id for c in contacts}
        with transaction(self.vault.connection):
            for section, text, who in story.PLAN:
                contact_id = by_name.get(who) if who else None
                if who and contact_id is None:
                    text = text or who  # a smaller vault without that contact: the name
                self.vault.safety_plan.add_item(section, text, contact_id=contact_id)
            self.vault.crisis_lines.choose_country("US")

    def _snooze_one(self, contacts: list[Contact]) -> None:
        """Snooze the reach-out of one person who is due (not an emergency contact) for three
        days, as a person does when a call will have to wait until the weekend."""
        due = reach_outs_due(contacts, self.vault.connections.last_in_touch(), self.today)
        waiting = [d.contact for d in due if not d.contact.emergency]
        if waiting:
            assert waiting[-1].id is not None
            self.vault.contacts.snooze(waiting[-1].id, self.today + timedelta(days=3))

    def _write_in_chunks(self, items: list, save: Callable, what: str, chunk: int = 2000) -> None:
        total = len(items)
        for start in range(0, total, chunk):
            with transaction(self.vault.connection):
                for item in items[start : start + chunk]:
                    save(item)
            self.progress(min(total, start + chunk), total, what)


def _daily_counts(rng: random.Random, days: int, total: int | None, rate: float) -> list[int]:
    """How many items fall on each day: exactly `total` spread at random, or about `rate` a day."""
    if total is None:
        return [int(rng.random() < rate) for _ in range(days)]
    counts = [0] * days
    for index in rng.choices(range(days), k=total):
        counts[index] += 1
    return counts


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def _evening(rng: random.Random, day: date) -> datetime:
    return datetime.combine(day, time(rng.randrange(18, 23), rng.randrange(0, 60))).astimezone()
