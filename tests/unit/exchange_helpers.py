# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared pieces of the export and import tests: a full demo vault, time zones, sample files."""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

from recovery_desktop.core.models import (
    Connection,
    ConnectionKind,
    Contact,
    Entry,
    Role,
    Visibility,
)
from recovery_desktop.demo.generator import generate_demo_vault
from recovery_desktop.storage import KdfCost, Vault

DATA = Path(__file__).resolve().parents[1] / "data"
DEMO_PASSPHRASE = "demo passphrase for exports"
TODAY = date(2024, 6, 1)
PRIVATE_PHRASE = "lighthouse-keeper secret"
PRIVATE_TAG = "only-in-private"
PRIVATE_TRIGGER = "payday-private-trigger"


def make_demo_vault(folder: Path) -> Vault:
    """The small demo vault plus what the demo does not write: a private entry with its own
    tag, mention and craving note, a connection written in it, a draft and a template."""
    generate_demo_vault(folder, DEMO_PASSPHRASE, cost=KdfCost.cheap(), today=TODAY)
    vault = Vault.open(folder, DEMO_PASSPHRASE)
    secret_friend = vault.contacts.save(Contact("Robin", Role.FRIEND))
    private = vault.entries.save(
        Entry(
            entry_date=date(2024, 5, 30),
            title="Just for me",
            body=f"The {PRIVATE_PHRASE} part of today.",
            mood=2,
            craving=7,
            visibility=Visibility.PRIVATE,
            tags=(PRIVATE_TAG, "meeting"),
            triggers=(PRIVATE_TRIGGER,),
            coping=("walk",),
            people=(secret_friend.id,),
        )
    )
    vault.connections.save(
        Connection(
            occurred_at=datetime(2024, 5, 30, 18, 0, tzinfo=UTC),
            kind=ConnectionKind.CALL,
            contact_id=secret_friend.id,
            felt_supported=4,
            note="Talked it through.",
            entry_id=private.id,
        )
    )
    vault.entries.save(Entry(entry_date=date(2024, 5, 31), body="A draft, half", is_draft=True))
    vault.templates.add("Evening review", "What went well?\n=What would I do again?")
    return vault


def export_tables(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["tables"]


@contextlib.contextmanager
def local_zone(zone: str) -> Iterator[None]:
    """Run with this process's local time zone set to `zone`, as the person's computer has it."""
    saved = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = saved
        time.tzset()


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
