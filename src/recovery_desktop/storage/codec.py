# SPDX-License-Identifier: GPL-3.0-or-later
"""How values are written in the database: UTC ISO-8601 timestamps, ISO calendar days."""

from __future__ import annotations

from datetime import UTC, date, datetime


def now_utc() -> datetime:
    return datetime.now(UTC)


def ts(value: datetime) -> str:
    """A timezone-aware (or naive local) datetime as UTC ISO-8601 with microseconds."""
    if value.tzinfo is None:
        value = value.astimezone()
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def from_ts(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def from_day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def flag(value: bool | None) -> int | None:
    return None if value is None else int(bool(value))


def from_flag(value: int | None) -> bool | None:
    return None if value is None else bool(value)
