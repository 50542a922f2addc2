# SPDX-License-Identifier: GPL-3.0-or-later
"""The domain's dataclasses, in the user's own words.

Records are frozen: change one with `dataclasses.replace` and save it through its repository.
`id` is None until the record has been saved. Timestamps are timezone-aware UTC datetimes;
calendar days (an entry's day, a due date) are plain `date`s in the user's local calendar.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class Visibility(StrEnum):
    """Who may ever see an entry outside the vault."""

    PRIVATE = "private"  # never leaves the vault, not even in exports unless asked for
    NORMAL = "normal"
    SHARED = "shared"  # may appear in a counselor report


MOOD_LABELS: dict[int, str] = {1: "awful", 2: "bad", 3: "okay", 4: "good", 5: "great"}
MOOD_RANGE = range(1, 6)
CRAVING_RANGE = range(0, 11)


class Role(StrEnum):
    SPONSOR = "sponsor"
    FAMILY = "family"
    FRIEND = "friend"
    PEER = "peer"
    COUNSELOR = "counselor"
    FACILITATOR = "group facilitator"
    OTHER = "other"


class CommunityKind(StrEnum):
    MEETING = "meeting"
    SUPPORT_GROUP = "support group"
    ONLINE_FORUM = "online forum"
    FITNESS = "fitness"
    HOBBY = "hobby"
    VOLUNTEER = "volunteer"
    OTHER = "other"


class ConnectionKind(StrEnum):
    CALL = "call"
    TEXT = "text"
    IN_PERSON = "in person"
    MEETING = "meeting"
    ONLINE = "online"
    SERVICE = "service"


class InitiatedBy(StrEnum):
    """Who reached out first."""

    ME = "me"
    THEM = "them"
    BOTH = "both"


class GoalKind(StrEnum):
    TRUST = "trust"
    HEALTH = "health"
    SERVICE = "service"
    PERSONAL = "personal"


class GoalStatus(StrEnum):
    ACTIVE = "active"
    ACHIEVED = "achieved"
    PAUSED = "paused"
    LET_GO = "let go"


class Outcome(StrEnum):
    PENDING = "pending"
    KEPT = "kept"
    MISSED = "missed"


class TagKind(StrEnum):
    """Ordinary tags, and the two check-in follow-ups that feed the insights."""

    TOPIC = "topic"
    TRIGGER = "trigger"  # what set a craving off
    COPING = "coping"  # what helped


@dataclass(frozen=True, slots=True)
class Entry:
    """A journal entry or a daily check-in (a check-in is an entry with `is_checkin`)."""

    entry_date: date
    body: str = ""
    title: str = ""
    mood: int | None = None
    craving: int | None = None
    sober_today: bool | None = None
    visibility: Visibility = Visibility.NORMAL
    tags: tuple[str, ...] = ()
    triggers: tuple[str, ...] = ()
    coping: tuple[str, ...] = ()
    people: tuple[int, ...] = ()  # ids of contacts mentioned
    # Names of mentioned people whose contact was deleted, kept as plain text (schema 5).
    people_kept: tuple[str, ...] = ()
    is_draft: bool = False
    is_checkin: bool = False
    gratitude: str = ""
    intention: str = ""  # "today I will..."
    evening_review: str = ""
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class EntrySummary:
    """A light row for timelines and search results: no full body."""

    id: int
    entry_date: date
    title: str
    preview: str
    mood: int | None
    craving: int | None
    visibility: Visibility
    is_draft: bool
    is_checkin: bool
    snippet: str = ""  # search matches wrapped in SNIPPET_START/SNIPPET_END


SNIPPET_START = "\x02"
SNIPPET_END = "\x03"


@dataclass(frozen=True, slots=True)
class EntryFilter:
    """Filters for the timeline and search; all optional, and they combine (AND)."""

    text: str = ""
    tag: str | None = None
    mood: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    person: int | None = None
    include_drafts: bool = True
    checkins: bool | None = None  # True: only check-ins; False: only written entries; None: both


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    role: Role = Role.FRIEND
    phone: str = ""
    email: str = ""
    notes: str = ""
    reach_out_every_days: int | None = None
    emergency: bool = False
    archived: bool = False
    id: int | None = None
    snoozed_until: date | None = None  # no reach-out reminder before this local day


@dataclass(frozen=True, slots=True)
class Community:
    """A support group, meeting, forum, fitness or hobby group, or volunteer role."""

    name: str
    kind: CommunityKind = CommunityKind.MEETING
    schedule: str = ""
    place: str = ""
    notes: str = ""
    archived: bool = False
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Connection:
    """One moment of contact with a person or a community.

    Read from the vault, `contact_name`/`community_name` hold the linked one's current name, or
    the name kept as text after the contact or group was deleted (its id is then None). A
    connection always names someone: a linked id or a kept name.
    """

    occurred_at: datetime
    kind: ConnectionKind
    contact_id: int | None = None
    community_id: int | None = None
    initiated_by: InitiatedBy = InitiatedBy.ME
    felt_supported: int | None = None  # 1..5
    note: str = ""
    entry_id: int | None = None
    id: int | None = None
    contact_name: str = ""
    community_name: str = ""


@dataclass(frozen=True, slots=True)
class Goal:
    title: str
    kind: GoalKind = GoalKind.TRUST
    why: str = ""
    contact_id: int | None = None  # the relationship it rebuilds
    target_date: date | None = None
    status: GoalStatus = GoalStatus.ACTIVE
    id: int | None = None
    created_at: datetime | None = None
    contact_name: str = ""  # as `Connection.contact_name`: current, or kept after a delete


@dataclass(frozen=True, slots=True)
class Commitment:
    """A promise made within a goal; its outcome feeds the goal's trust score."""

    goal_id: int
    promise: str
    due_date: date | None = None
    outcome: Outcome = Outcome.PENDING
    noted_at: datetime | None = None  # when the outcome was recorded
    note: str = ""
    id: int | None = None
    contact_id: int | None = None  # to whom it was promised (optional)
    contact_name: str = ""  # as `Connection.contact_name`: current, or kept after a delete


@dataclass(frozen=True, slots=True)
class RecoveryStart:
    """The first sober day of a run. A new one is "a new start"; earlier ones are kept."""

    start_date: date
    note: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class CrisisLine:
    """A line to call or text in a crisis. Lines seeded for a country (`country` set, `edited`
    False) may be replaced by another country's when the person picks one; lines the person
    wrote or changed (`edited`) are theirs and never replaced."""

    name: str
    phone: str = ""
    text: str = ""  # a number or short instruction for texting, e.g. "Text 988"
    notes: str = ""
    id: int | None = None
    country: str | None = None  # ISO 3166 code it was seeded for; None: the person's own
    edited: bool = False


# The US lines every vault was seeded with (schema 1); `core.crisis_lines` has every country.
DEFAULT_CRISIS_LINES: tuple[CrisisLine, ...] = (
    CrisisLine(
        name="988 Suicide & Crisis Lifeline (US)",
        phone="988",
        text="Text 988",
        notes="Free and confidential, 24/7. Call or text.",
        country="US",
    ),
    CrisisLine(
        name="SAMHSA National Helpline (US)",
        phone="1-800-662-4357",
        notes="Free, confidential treatment referral and information, 24/7, 365 days a year.",
        country="US",
    ),
)


class PlanSection(StrEnum):
    """The sections of the safety plan, in the order a person works through them in a crisis
    (the six steps of the Stanley-Brown plan, in our own words, plus reasons to keep going)."""

    WARNING_SIGNS = "warning_signs"
    COPING_STRATEGIES = "coping_strategies"
    DISTRACTIONS = "distractions"  # people and places that take my mind off things
    HELP_PEOPLE = "help_people"  # people I can ask for help
    PROFESSIONALS = "professionals"  # professionals and crisis lines
    SAFE_ENVIRONMENT = "safe_environment"  # making my surroundings safer
    REASONS = "reasons"  # reasons to keep going


# Sections whose items may link to a contact instead of retyping a name and number.
PEOPLE_SECTIONS = frozenset(
    {PlanSection.DISTRACTIONS, PlanSection.HELP_PEOPLE, PlanSection.PROFESSIONALS}
)


@dataclass(frozen=True, slots=True)
class SafetyPlanItem:
    """One short item of a safety plan section, in the person's words, optionally linked to a
    contact (then `text` is an optional note beside the contact's name and number). `position`
    orders the items of a section from 0."""

    section: PlanSection
    text: str = ""
    contact_id: int | None = None
    position: int = 0
    id: int | None = None


@dataclass(frozen=True, slots=True)
class SafetyPlan:
    """The person's own plan for a hard moment: six steps plus reasons to keep going.

    Each field is one item per line. Since schema 5 the plan is stored as `SafetyPlanItem`s;
    this whole-plan view (a linked item reads as "name number: note") stays for the code that
    reads the plan as text (Help now, the report) until it reads the items.
    """

    warning_signs: str = ""
    coping_strategies: str = ""
    distractions: str = ""  # people and places that take my mind off things
    help_people: str = ""  # people I can ask for help
    professionals: str = ""  # professionals and services
    safe_environment: str = ""  # making my surroundings safer
    reasons: str = ""  # reasons to keep going
    crisis_lines: tuple[CrisisLine, ...] = field(default=DEFAULT_CRISIS_LINES)
    updated_at: datetime | None = None

    FIELDS = (
        "warning_signs",
        "coping_strategies",
        "distractions",
        "help_people",
        "professionals",
        "safe_environment",
        "reasons",
    )


# --- what the People and Goals pages read (derived, never stored) -----------------------------


class PeopleSort(StrEnum):
    """How the People lists are ordered; emergency contacts are pinned on top in every order."""

    NAME = "name"
    ROLE = "role"  # contacts: in `Role` order; communities: in `CommunityKind` order
    LAST_IN_TOUCH = "last in touch"  # most recent first; never in touch last


@dataclass(frozen=True, slots=True)
class ContactListItem:
    contact: Contact
    last_in_touch: date | None  # local day of the latest connection


@dataclass(frozen=True, slots=True)
class CommunityListItem:
    community: Community
    last_in_touch: date | None


@dataclass(frozen=True, slots=True)
class ConnectionStats:
    """One person's (or group's) figures for the People page."""

    total: int
    last_in_touch: date | None
    last_30_days: int  # connections on the 30 local days ending today (today included)
    last_90_days: int
    mean_felt_supported: float | None  # over every connection with an answer
    felt_supported_n: int  # how many answers the mean is made of


@dataclass(frozen=True, slots=True)
class ContactUsage:
    """Where a contact appears: what deleting them would turn into plain text."""

    entries: int
    connections: int
    goals: int
    commitments: int
    plan_items: int

    @property
    def anywhere(self) -> bool:
        return any((self.entries, self.connections, self.goals, self.commitments, self.plan_items))


@dataclass(frozen=True, slots=True)
class OutcomeCounts:
    kept: int = 0
    missed: int = 0
    pending: int = 0
