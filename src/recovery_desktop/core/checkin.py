# SPDX-License-Identifier: GPL-3.0-or-later
"""Pure helpers behind the Today page: check-in state, sober-day summary, "on this day" days.

No Qt here, so every rule the Today page shows (which milestone, which day a month ago, who comes
first in "I connected with…") is tested without a window. Wording lives in the UI (it must go
through Qt's translator); these functions return facts, not sentences.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from enum import StrEnum

from recovery_desktop.core import sobriety
from recovery_desktop.core.models import Contact, Entry, RecoveryStart

CRAVING_FOLLOW_UP_AT = 5  # from this craving on, ask what set it off and what helped
RECENT_MILESTONE_DAYS = 7  # a milestone reached this many days ago or less is still celebrated

STARTER_TRIGGERS: tuple[str, ...] = (
    "stress",
    "loneliness",
    "tiredness",
    "conflict",
    "boredom",
    "payday",
    "celebration",
    "an old place or person",
)
STARTER_COPING: tuple[str, ...] = (
    "called someone",
    "went to a meeting",
    "walk",
    "music",
    "wrote it down",
    "ate something",
    "rest",
    "prayer or meditation",
)


class PartOfDay(StrEnum):
    MORNING = "morning"  # 04:00-11:59
    AFTERNOON = "afternoon"  # 12:00-17:59
    EVENING = "evening"  # 18:00-03:59 (late nights still say "good evening")


def part_of_day(hour: int) -> PartOfDay:
    if 4 <= hour < 12:
        return PartOfDay.MORNING
    if 12 <= hour < 18:
        return PartOfDay.AFTERNOON
    return PartOfDay.EVENING


def wants_follow_up(craving: int | None) -> bool:
    """Whether to ask "what set it off?" and "what helped?"."""
    return craving is not None and craving >= CRAVING_FOLLOW_UP_AT


def checkin_is_empty(entry: Entry) -> bool:
    """True when nothing has been filled in yet (nothing worth storing)."""
    return (
        entry.mood is None
        and entry.craving is None
        and entry.sober_today is None
        and not entry.gratitude.strip()
        and not entry.intention.strip()
        and not entry.evening_review.strip()
        and not entry.triggers
        and not entry.coping
    )


def checkin_fields_equal(a: Entry, b: Entry) -> bool:
    """Same answers in the fields the check-in edits (ignoring ids and timestamps)."""
    fields = (
        "mood",
        "craving",
        "sober_today",
        "gratitude",
        "intention",
        "evening_review",
    )
    if any(getattr(a, f) != getattr(b, f) for f in fields):
        return False
    return _folded(a.triggers) == _folded(b.triggers) and _folded(a.coping) == _folded(b.coping)


# Where both sides changed the same text, both are kept: the stored one first, then this
# window's. One-line answers stay on one line; longer texts get a line of their own between.
BOTH_TEXTS_BETWEEN = "\n\n---\n\n"
ONE_LINE_BETWEEN = " / "
ONE_LINE_FIELDS = frozenset({"title", "gratitude", "intention"})
_NOT_MERGED = frozenset({"id", "created_at", "updated_at", "is_checkin"})


@dataclass(frozen=True, slots=True)
class Merge:
    """A check-in changed here and elsewhere, put together field by field."""

    entry: Entry  # the stored one (its id and time) with this window's changes applied
    both_texts: tuple[str, ...]  # text fields changed on both sides: both texts kept in them
    mine_chosen: tuple[str, ...]  # answers changed on both sides: this window's one kept


def merge_entry(loaded: Entry | None, mine: Entry, stored: Entry) -> Merge:
    """Three-way merge of `mine` (what this window shows, edited from `loaded`, or from a blank
    check-in when it loaded none) into `stored` (what the vault holds now).

    A field this window did not change takes the stored value; one changed only here takes
    this window's. Changed on both sides to different values: texts keep both; lists (tags,
    triggers...) keep the other side's and add or remove what was added or removed here;
    single answers (mood, craving...) keep this window's, as the person just gave it.
    """
    base = loaded or Entry(entry_date=stored.entry_date, is_checkin=stored.is_checkin)
    changes: dict[str, object] = {}
    both: list[str] = []
    chosen: list[str] = []
    for field in fields(Entry):
        name = field.name
        if name in _NOT_MERGED:
            continue
        was, here, there = getattr(base, name), getattr(mine, name), getattr(stored, name)
        if here in (was, there):
            continue  # the stored value stands
        if there == was:
            changes[name] = here
        elif isinstance(here, str):
            if not here.strip() or here in there:
                continue  # cleared here, or already in the stored text: that keeps both
            if not there.strip() or there in here:
                changes[name] = here
            else:
                between = ONE_LINE_BETWEEN if name in ONE_LINE_FIELDS else BOTH_TEXTS_BETWEEN
                changes[name] = there + between + here
                both.append(name)
        elif isinstance(here, tuple):
            removed, added = set(was) - set(here), [v for v in here if v not in was]
            kept = [v for v in there if v not in removed]
            changes[name] = tuple(dict.fromkeys([*kept, *added]))
        else:
            changes[name] = here
            chosen.append(name)
    return Merge(replace(stored, **changes), tuple(both), tuple(chosen))


def _folded(values: Iterable[str]) -> set[str]:
    return {v.strip().casefold() for v in values if v.strip()}


def merge_suggestions(used: Sequence[str], starters: Sequence[str], limit: int = 16) -> list[str]:
    """Chip suggestions: the person's own most-used words first, then the starters, no repeats.

    At most `limit`; a long personal list leaves room for the starters, so the basic choices
    never disappear.
    """
    room_for_used = max(limit - len(starters), limit // 2)
    seen: set[str] = set()
    result: list[str] = []
    for word in (*used[:room_for_used], *starters, *used[room_for_used:]):
        key = word.strip().casefold()
        if key and key not in seen:
            seen.add(key)
            result.append(word.strip())
    return result[:limit]


def on_this_day_dates(today: date) -> list[tuple[str, date]]:
    """("month", one month ago) and ("year", one year ago).

    A day that does not exist a month or a year back falls on that month's last day:
    31 March looks back to 28 (or 29) February; 29 February looks back to 28 February.
    """
    return [
        ("month", sobriety.add_months(today, -1)),
        ("year", sobriety.add_months(today, -12)),
    ]


@dataclass(frozen=True, slots=True)
class MilestoneParts:
    """A milestone as a number and a unit, so the UI can translate and pluralise it."""

    count: int
    unit: str  # "day", "month" or "year"


def milestone_parts(label: str) -> MilestoneParts:
    """'7 days' -> (7, 'day'); '6 months' -> (6, 'month'); '1 year' -> (1, 'year')."""
    number, _, word = label.partition(" ")
    unit = word.rstrip("s")
    if unit not in ("day", "month", "year"):
        raise ValueError(f"Not a milestone label: {label!r}")
    return MilestoneParts(int(number), unit)


@dataclass(frozen=True, slots=True)
class SoberSummary:
    """Everything the sober-day card shows, derived from the recovery starts."""

    has_start: bool
    current_days: int = 0
    current_start: date | None = None
    total_days: int = 0
    longest_days: int = 0
    runs: int = 0  # how many starts, the current one included
    next_milestone: MilestoneParts | None = None
    next_milestone_on: date | None = None
    days_to_next: int = 0
    recent_milestone: MilestoneParts | None = None  # reached within RECENT_MILESTONE_DAYS
    recent_milestone_on: date | None = None
    start_in_future: date | None = None  # a start recorded for a later day (planned)

    @property
    def is_new_start(self) -> bool:
        """More than one run: the current one is "a new start" and earlier days still count."""
        return self.runs > 1


def sober_summary(starts: Sequence[RecoveryStart], today: date) -> SoberSummary:
    future = sorted(s.start_date for s in starts if s.start_date > today)
    all_runs = sobriety.runs(starts, today)
    if not all_runs:
        return SoberSummary(has_start=False, start_in_future=future[0] if future else None)
    current = all_runs[-1]
    upcoming = sobriety.next_milestone(current.start, today)
    reached = sobriety.last_milestone(current.start, today)
    recent = None
    if reached is not None and (today - reached.reached_on).days <= RECENT_MILESTONE_DAYS:
        recent = reached
    return SoberSummary(
        has_start=True,
        current_days=current.days,
        current_start=current.start,
        total_days=sum(r.days for r in all_runs),
        longest_days=max(r.days for r in all_runs),
        runs=len(all_runs),
        next_milestone=milestone_parts(upcoming.label) if upcoming else None,
        next_milestone_on=upcoming.reached_on if upcoming else None,
        days_to_next=(upcoming.reached_on - today).days if upcoming else 0,
        recent_milestone=milestone_parts(recent.label) if recent else None,
        recent_milestone_on=recent.reached_on if recent else None,
        start_in_future=future[0] if future else None,
    )


def milestone_progress(summary: SoberSummary) -> float:
    """0..1 of the way from the last milestone (or the start) to the next one."""
    if not summary.has_start or summary.next_milestone_on is None or summary.current_start is None:
        return 0.0
    previous = sobriety.last_milestone(summary.current_start, summary.next_milestone_on - _DAY)
    begin = previous.reached_on if previous is not None else summary.current_start
    span = (summary.next_milestone_on - begin).days
    done = span - summary.days_to_next
    return max(0.0, min(1.0, done / span)) if span > 0 else 0.0


_DAY = timedelta(days=1)


def contacts_for_connect_menu(
    contacts: Sequence[Contact], last_in_touch: Mapping[int, date]
) -> list[Contact]:
    """Emergency contacts first, then the most recently in touch, then the rest by name."""

    def key(contact: Contact) -> tuple[int, int, str]:
        last = last_in_touch.get(contact.id or -1)
        recency = -(last.toordinal()) if last is not None else 0
        return (0 if contact.emergency else 1, recency, contact.name.casefold())

    return sorted((c for c in contacts if not c.archived), key=key)
