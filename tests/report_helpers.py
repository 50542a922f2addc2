# SPDX-License-Identifier: GPL-3.0-or-later
"""What the report tests share: the demo vault with three marked entries, and the key figures
recomputed straight from the vault's tables (plain SQL and plain Python, none of the app's
insights code), so the report's numbers are checked against the data, not against themselves."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from recovery_desktop.core.models import Entry, Visibility
from recovery_desktop.demo.generator import generate_demo_vault
from recovery_desktop.storage import KdfCost, Vault

PASSPHRASE = "report demo passphrase"
TODAY = date(2025, 6, 30)  # the demo's "today": every run makes the same vault

# One entry of each visibility inside the last 30 days, with words found nowhere else.
PRIVATE_PHRASE = "cobalt lantern under the stairs"
NORMAL_PHRASE = "saffron kettle on the windowsill"
SHARED_PHRASE = "juniper harbour at low tide"


def make_demo(folder: Path, today: date = TODAY) -> Path:
    generate_demo_vault(
        folder, PASSPHRASE, scale="small", cost=KdfCost.cheap(), seed=7, today=today
    )
    with Vault.open(folder, PASSPHRASE) as vault:
        for days_ago, visibility, phrase in (
            (3, Visibility.PRIVATE, PRIVATE_PHRASE),
            (4, Visibility.NORMAL, NORMAL_PHRASE),
            (5, Visibility.SHARED, SHARED_PHRASE),
        ):
            vault.entries.save(
                Entry(
                    entry_date=today - timedelta(days=days_ago),
                    title=f"A {visibility.value} note",
                    body=f"Today: {phrase}.\n\n- **one** thing\n- another",
                    mood=1 if visibility is Visibility.PRIVATE else None,
                    craving=10 if visibility is Visibility.PRIVATE else None,
                    visibility=visibility,
                )
            )
    return folder


def squeezed(text: str) -> str:
    """Text without any white space, ligatures unfolded: PDF text extraction spaces words its
    own way, so phrases are compared squeezed."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@dataclass(frozen=True)
class Expected:
    days: int
    checked_in: int
    mood_mean: float | None
    mood_days: int
    craving_days: int
    high_craving_days: int
    sober_days: int
    run_at_end: int
    new_starts: list[date]
    connections: int
    people: int
    groups: int
    meetings: int
    service: int


def expected_figures(vault: Vault, first: date, last: date) -> Expected:
    """The key figures of first..last, straight from the tables. Private entries never count."""
    conn = vault.connection
    where = "entry_date BETWEEN ? AND ? AND visibility != 'private'"
    span = (first.isoformat(), last.isoformat())
    checked_in = conn.execute(
        f"SELECT count(DISTINCT entry_date) FROM entry WHERE is_checkin = 1 AND {where}", span
    ).fetchone()[0]
    day_moods = [
        r[0]
        for r in conn.execute(
            f"SELECT avg(mood) FROM entry WHERE mood IS NOT NULL AND {where} GROUP BY entry_date",
            span,
        )
    ]
    day_cravings = [
        r[0]
        for r in conn.execute(
            f"SELECT max(craving) FROM entry WHERE craving IS NOT NULL AND {where} "
            "GROUP BY entry_date",
            span,
        )
    ]
    starts = sorted(
        date.fromisoformat(r[0]) for r in conn.execute("SELECT start_date FROM recovery_start")
    )

    def sober(day: date) -> bool:
        # Sober when a run has begun by then and the day is not the slip day before a new start.
        begun = [s for s in starts if s <= day]
        later = [s for s in starts if s > day]
        return bool(begun) and not (later and later[0] == day + timedelta(days=1))

    days = (last - first).days + 1
    every_day = [first + timedelta(days=i) for i in range(days)]
    connections = conn.execute(
        "SELECT count(*), count(DISTINCT contact_id), count(DISTINCT community_id), "
        "total(kind = 'meeting'), total(kind = 'service') FROM connection "
        "WHERE occurred_on BETWEEN ? AND ?",
        span,
    ).fetchone()
    return Expected(
        days=days,
        checked_in=checked_in,
        mood_mean=sum(day_moods) / len(day_moods) if day_moods else None,
        mood_days=len(day_moods),
        craving_days=len(day_cravings),
        high_craving_days=sum(1 for c in day_cravings if c >= 7),
        sober_days=sum(1 for d in every_day if sober(d)),
        run_at_end=(last - max(s for s in starts if s <= last)).days,
        new_starts=[s for s in starts if first <= s <= last and s != starts[0]],
        connections=connections[0],
        people=connections[1],
        groups=connections[2],
        meetings=int(connections[3]),
        service=int(connections[4]),
    )


def normal_and_private_sentences(vault: Vault, first: date, last: date) -> list[str]:
    """Sentences of the demo's normal and private entries in the period that no shared entry
    holds (the demo's phrase bank repeats itself across entries)."""
    rows = vault.connection.execute(
        "SELECT visibility, body FROM entry WHERE entry_date BETWEEN ? AND ? AND is_checkin = 0",
        (first.isoformat(), last.isoformat()),
    ).fetchall()
    shared = squeezed(" ".join(body for visibility, body in rows if visibility == "shared"))
    found = []
    for visibility, body in rows:
        if visibility == "shared":
            continue
        for sentence in body.replace("\n", " ").split(". "):
            words = sentence.strip()
            if len(words) > 40 and squeezed(words) not in shared:
                found.append(words)
                break
    return found
