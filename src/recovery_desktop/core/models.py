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
    """One moment of contact with a person or a community. At least one of the two is set."""

    occurred_at: datetime
    kind: ConnectionKind
    contact_id: int | None = None
    community_id: int | None = None
    initiated_by: InitiatedBy = InitiatedBy.ME
    felt_supported: int | None = None  # 1..5
    note: str = ""
    entry_id: int | None = None
    id: int | None = None


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


@dataclass(frozen=True, slots=True)
class RecoveryStart:
    """The first sober day of a run. A new one is "a new start"; earlier ones are kept."""

    start_date: date
    note: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class CrisisLine:
    name: str
    phone: str = ""
    text: str = ""  # a number or short instruction for texting, e.g. "Text 988"
    notes: str = ""
    id: int | None = None


DEFAULT_CRISIS_LINES: tuple[CrisisLine, ...] = (
    CrisisLine(
        name="988 Suicide & Crisis Lifeline (US)",
        phone="988",
        text="Text 988",
        notes="Free and confidential, 24/7. Call or text.",
    ),
    CrisisLine(
        name="SAMHSA National Helpline (US)",
        phone="1-800-662-4357",
        notes="Free, confidential treatment referral and information, 24/7, 365 days a year.",
    ),
)


@dataclass(frozen=True, slots=True)
class SafetyPlan:
    """The person's own plan for a hard moment: six steps plus reasons to keep going.

    Each field is free text, one item per line, written in the person's own words.
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
