# SPDX-License-Identifier: GPL-3.0-or-later
"""Every word the insights and charts show, from a small vault whose own data (names, titles,
coping and triggers) is in capitals and whose dates are in digits: so that with a translator
that writes in capitals, a lowercase letter anywhere is a word that missed the translator."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text

from recovery_desktop.core.models import (
    Commitment,
    Community,
    CommunityKind,
    Connection,
    ConnectionKind,
    Contact,
    Entry,
    Goal,
    Outcome,
    RecoveryStart,
    Role,
)
from recovery_desktop.insights import DateWords, Insights, Period, Records, compute
from recovery_desktop.storage import Vault

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "recovery_desktop"


@dataclass(frozen=True)
class Message:
    numerus: bool  # has plural forms for a translator
    files: frozenset[Path]  # where it was found


def lupdate() -> str:
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    found = str(beside) if beside.exists() else shutil.which("pyside6-lupdate")
    assert found, "pyside6-lupdate comes with PySide6; it was not found beside Python"
    return found


def extract_messages(folder: Path, sources: list[Path]) -> dict[tuple[str, str], Message]:
    """(context, source text) -> message, as pyside6-lupdate writes them for `sources` (files
    or folders) into a .ts file in `folder`; what a translator gets."""
    ts = folder / "recovery_desktop.ts"
    result = subprocess.run(
        [lupdate(), "-extensions", "py", "-locations", "absolute", *map(str, sources)]
        + ["-ts", str(ts)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    messages = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            files = frozenset(
                (ts.parent / location.get("filename", "")).resolve()
                for location in message.iter("location")
            )
            messages[(name, message.findtext("source") or "")] = Message(
                message.get("numerus") == "yes", files
            )
    return messages


D = date(2025, 3, 3)  # a Monday
TODAY = D + timedelta(days=39)
DIGIT_DATES = DateWords(
    day=lambda d: d.isoformat(),
    short_day=lambda d: f"{d.month:02}-{d.day:02}",
    month=lambda d: f"{d.year}-{d.month:02}",
)
# The calendar's weekday letters come from the C library's locale (strftime), not a translation.
WEEKDAYS = {(date(2024, 1, 1) + timedelta(days=n)).strftime("%a") for n in range(7)}
_FIELD_OR_COUNT = re.compile(r"(\{\w+\}|%n)")


def shout(context: str, text: str, disambiguation: str | None, n: int) -> str:
    """A translation into capitals. Like a real one it keeps the `{fields}` and `%n`, and has
    its own plural forms (so no "(s)" is left)."""
    if n >= 0:
        text = text.replace("(s)", "" if n == 1 else "s")
    parts = _FIELD_OR_COUNT.split(text)
    return "".join(p if _FIELD_OR_COUNT.fullmatch(p) else p.upper() for p in parts)


def _at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC).astimezone()


def fill_vault(vault: Vault) -> None:
    """40 days ending on TODAY: check-ins with gaps, cravings, a trigger and a coping, calls,
    texts and meetings, a goal with promises kept and missed, and a new start."""
    vault.recovery_starts.add(RecoveryStart(D - timedelta(days=10)))
    vault.recovery_starts.add(RecoveryStart(D + timedelta(days=20)))
    dana = vault.contacts.save(Contact("DANA", Role.SPONSOR))
    sam = vault.contacts.save(Contact("SAM", Role.FRIEND))
    group = vault.communities.save(Community("TUESDAY GROUP", CommunityKind.MEETING))
    for n in range(40):
        day = D + timedelta(days=n)
        if n not in (5, 6, 25):
            vault.entries.save(
                Entry(
                    entry_date=day,
                    is_checkin=True,
                    mood=1 + n % 5,
                    craving=(8, 3, 9, 2, 7, 4)[n % 6],
                    triggers=("PAYDAY",) if n % 6 == 0 else (),
                    coping=("WALK",) if n % 3 == 0 else (),
                )
            )
        if n % 2 == 0:
            vault.connections.save(
                Connection(_at(day), ConnectionKind.CALL, contact_id=dana.id, felt_supported=4)
            )
        if n % 5 == 0:
            vault.connections.save(
                Connection(_at(day), ConnectionKind.MEETING, community_id=group.id)
            )
        if n % 7 == 0:
            vault.connections.save(Connection(_at(day, 15), ConnectionKind.TEXT, contact_id=sam.id))
    goal = vault.goals.save(Goal("CALL MUM"))
    for n, outcome in (
        (11, Outcome.KEPT),
        (13, Outcome.MISSED),
        (18, Outcome.KEPT),
        (22, Outcome.KEPT),
    ):
        vault.goals.save_commitment(
            Commitment(goal.id, "SUNDAY CALL", outcome=outcome, noted_at=_at(D + timedelta(days=n)))
        )
    vault.goals.save_commitment(Commitment(goal.id, "NEXT CALL", due_date=TODAY))


def periods(vault: Vault) -> Iterator[Insights]:
    """The filled vault over the last 30 days, one day, a few days, 15 months; and an empty
    period (every kind sentence)."""
    for period in (
        Period.last_days(30, TODAY),
        Period(TODAY, TODAY),
        Period(D + timedelta(days=10), D + timedelta(days=12)),
        Period(TODAY - timedelta(days=450), TODAY),
    ):
        yield compute(vault, period, TODAY)
    yield Insights.from_records(Records(Period.last_days(30, TODAY), TODAY))


def every_word(insights: Insights) -> list[str]:
    """What the Insights page shows for one period, in order: the findings with their counts,
    and for each chart its title, summary, table and the texts drawn in its figure."""
    from recovery_desktop.charts import CHARTS, LIGHT

    texts: list[str] = []
    for finding in insights.findings(DIGIT_DATES):
        texts += [finding.text, finding.counts]
    for chart in CHARTS:
        table = chart.table(insights, DIGIT_DATES)
        texts += [chart.title(insights), chart.summary(insights, DIGIT_DATES), *table.columns]
        texts += [cell for row in table.rows for cell in row]
        figure = chart.build(insights, LIGHT, DIGIT_DATES)
        FigureCanvasAgg(figure).draw()  # tick labels are made when drawn
        texts += [t.get_text() for t in figure.findobj(Text) if t.get_text()]
    return texts
