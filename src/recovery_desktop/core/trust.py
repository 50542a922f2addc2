# SPDX-License-Identifier: GPL-3.0-or-later
"""Trust score of a goal, derived from its commitments (never stored).

The plain score is kept / (kept + missed). The recency-weighted score lets recent promises count
more than old ones, so a person who has been keeping their word lately sees that, even after a
hard start: each commitment weighs 0.5 ** (age / half_life).

Days are the person's local days: the vault notes outcomes in UTC, and a promise kept at 21:00
in New York (02:00 UTC the next day) counts for that evening. `tz` is the zone to count in;
None means the computer's own (tests pass a fixed one).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, tzinfo

from recovery_desktop.core.models import Commitment, Outcome

DEFAULT_HALF_LIFE_DAYS = 60.0


def _resolved(commitments: Iterable[Commitment]) -> list[Commitment]:
    return [c for c in commitments if c.outcome in (Outcome.KEPT, Outcome.MISSED)]


def _outcome_day(commitment: Commitment, tz: tzinfo | None = None) -> date | None:
    """The local day the outcome was noted on (a naive time is taken as local already)."""
    noted = commitment.noted_at
    if noted is not None:
        return (noted.astimezone(tz) if noted.tzinfo is not None else noted).date()
    return commitment.due_date


def trust_score(commitments: Iterable[Commitment]) -> float | None:
    """Share of resolved commitments that were kept, 0..1; None when none is resolved yet."""
    resolved = _resolved(commitments)
    if not resolved:
        return None
    kept = sum(1 for c in resolved if c.outcome is Outcome.KEPT)
    return kept / len(resolved)


def weighted_trust_score(
    commitments: Iterable[Commitment],
    as_of: date,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
    tz: tzinfo | None = None,
) -> float | None:
    """Like `trust_score`, with each commitment weighted by how recent its outcome is.

    Outcomes without any date weigh as if noted on `as_of`; outcomes after `as_of` are ignored.
    """
    if half_life_days <= 0:
        raise ValueError("half_life_days must be positive")
    total = kept = 0.0
    for commitment in _resolved(commitments):
        day = _outcome_day(commitment, tz) or as_of
        age = (as_of - day).days
        if age < 0:
            continue
        weight = 0.5 ** (age / half_life_days)
        total += weight
        if commitment.outcome is Outcome.KEPT:
            kept += weight
    return kept / total if total else None


@dataclass(frozen=True, slots=True)
class TrustPoint:
    day: date
    score: float
    kept: int
    missed: int


def trust_over_time(
    commitments: Sequence[Commitment], tz: tzinfo | None = None
) -> list[TrustPoint]:
    """The running plain score after each local day on which an outcome was recorded."""
    days = ((_outcome_day(c, tz), c) for c in _resolved(commitments))
    dated = sorted(((d, c) for d, c in days if d is not None), key=lambda pair: pair[0])
    points: list[TrustPoint] = []
    kept = missed = 0
    for day, commitment in dated:
        if commitment.outcome is Outcome.KEPT:
            kept += 1
        else:
            missed += 1
        point = TrustPoint(day, kept / (kept + missed), kept, missed)
        if points and points[-1].day == day:
            points[-1] = point
        else:
            points.append(point)
    return points


@dataclass(frozen=True, slots=True)
class TrustSummary:
    """What the Goals page shows for one goal, all from the functions above."""

    kept: int
    missed: int
    pending: int
    score: float | None  # `trust_score`: kept / (kept + missed)
    recent: float | None  # `weighted_trust_score` as of the day asked
    recent_n: int  # how many outcomes the recent score is made of (none after that day)
    outcomes: tuple[Outcome, ...]  # kept and missed in the order they were noted, oldest first


def trust_summary(
    commitments: Sequence[Commitment],
    as_of: date,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
    tz: tzinfo | None = None,
) -> TrustSummary:
    """A goal's figures for `as_of`: counts, both scores, and its outcomes in order (the
    history strip). Outcomes noted after `as_of` count in `score` but not in `recent`, as in
    `weighted_trust_score`."""
    resolved = _resolved(commitments)
    kept = sum(1 for c in resolved if c.outcome is Outcome.KEPT)
    dated = [(_outcome_day(c, tz), i, c) for i, c in enumerate(resolved)]
    in_order = sorted(dated, key=lambda item: (item[0] or as_of, item[1]))
    return TrustSummary(
        kept=kept,
        missed=len(resolved) - kept,
        pending=sum(1 for c in commitments if c.outcome is Outcome.PENDING),
        score=trust_score(resolved),
        recent=weighted_trust_score(resolved, as_of, half_life_days, tz),
        recent_n=sum(1 for d, _, _ in dated if (d or as_of) <= as_of),
        outcomes=tuple(c.outcome for _, _, c in in_order),
    )
