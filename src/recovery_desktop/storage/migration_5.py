# SPDX-License-Identifier: GPL-3.0-or-later
"""Schema 5: people, goals and the safety plan (issue 7).

- Nothing is lost when a contact or group is deleted: connections, goals and promises keep the
  name as plain text (their link becomes NULL instead of the log being deleted with it), an
  entry's mention becomes a kept name (`entry_person_kept`), a linked safety-plan item gets
  the name and number as its text, and `kept_name` remembers the deleted id's name so an undo
  holding that id (an entry or connection put back) writes the name instead of failing.
  Triggers do it, so every path that deletes (the app, the CLI, a future import) keeps names.
- Ids of contacts, groups, connections, goals and promises are never reused (AUTOINCREMENT),
  so an undo can never land on a row written since (as entries since schema 3).
- A reach-out can be snoozed (`contact.snoozed_until`); a promise says to whom.
- The safety plan becomes ordered items per section that may link to a contact; the old text
  moves over one item per line (only blank lines and the spaces around a line are dropped).
- Crisis lines say which country they were seeded for and whether the person edited them, so
  the US lines every vault was seeded with can give way to the chosen country's.
- Indexes for a person's history, newest first, paged, and for overdue promises.

SQLite changes a table's keys and links only by a rebuild: new table, copy, drop, rename (the
foreign keys are off during migrations and checked after this step).
"""

from __future__ import annotations

import json

from recovery_desktop.storage.codec import now_utc, ts
from recovery_desktop.storage.connection import Connection
from recovery_desktop.storage.sql import run_script

# What schema 1 seeded `crisis_line` with (the US lines), frozen here: this step must mark
# exactly those rows, whatever later code calls its defaults.
_SEEDED_US_LINES = (
    (
        "988 Suicide & Crisis Lifeline (US)",
        "988",
        "Text 988",
        "Free and confidential, 24/7. Call or text.",
    ),
    (
        "SAMHSA National Helpline (US)",
        "1-800-662-4357",
        "",
        "Free, confidential treatment referral and information, 24/7, 365 days a year.",
    ),
)
_PLAN_SECTIONS = (
    "warning_signs",
    "coping_strategies",
    "distractions",
    "help_people",
    "professionals",
    "safe_environment",
    "reasons",
)
PLAN_UPDATED_SETTING = "safety_plan_updated_at"

_TABLES = """
CREATE TABLE contact_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('sponsor', 'family', 'friend', 'peer',
        'counselor', 'group facilitator', 'other')),
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    reach_out_every_days INTEGER CHECK (reach_out_every_days > 0),
    emergency INTEGER NOT NULL DEFAULT 0,
    archived INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    snoozed_until TEXT
);
INSERT INTO contact_new (id, name, role, phone, email, notes, reach_out_every_days, emergency,
    archived, created_at)
    SELECT id, name, role, phone, email, notes, reach_out_every_days, emergency, archived,
    created_at FROM contact;
DROP TABLE contact;
ALTER TABLE contact_new RENAME TO contact;

CREATE TABLE community_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('meeting', 'support group', 'online forum',
        'fitness', 'hobby', 'volunteer', 'other')),
    schedule TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    archived INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
INSERT INTO community_new (id, name, kind, schedule, place, notes, archived, created_at)
    SELECT id, name, kind, schedule, place, notes, archived, created_at FROM community;
DROP TABLE community;
ALTER TABLE community_new RENAME TO community;

CREATE TABLE connection_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    occurred_at TEXT NOT NULL,
    occurred_on TEXT NOT NULL,
    contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    community_id INTEGER REFERENCES community (id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('call', 'text', 'in person', 'meeting',
        'online', 'service')),
    initiated_by TEXT NOT NULL DEFAULT 'me' CHECK (initiated_by IN ('me', 'them', 'both')),
    felt_supported INTEGER CHECK (felt_supported BETWEEN 1 AND 5),
    note TEXT NOT NULL DEFAULT '',
    entry_id INTEGER REFERENCES entry (id) ON DELETE SET NULL,
    contact_name TEXT NOT NULL DEFAULT '',
    community_name TEXT NOT NULL DEFAULT '',
    CHECK (contact_id IS NOT NULL OR community_id IS NOT NULL
        OR contact_name <> '' OR community_name <> '')
);
INSERT INTO connection_new (id, occurred_at, occurred_on, contact_id, community_id, kind,
    initiated_by, felt_supported, note, entry_id)
    SELECT id, occurred_at, occurred_on, contact_id, community_id, kind, initiated_by,
    felt_supported, note, entry_id FROM connection;
DROP TABLE connection;
ALTER TABLE connection_new RENAME TO connection;
CREATE INDEX connection_by_day ON connection (occurred_on, occurred_at);
CREATE INDEX connection_by_contact
    ON connection (contact_id, occurred_on, occurred_at, felt_supported);
CREATE INDEX connection_by_community
    ON connection (community_id, occurred_on, occurred_at, felt_supported);
CREATE INDEX connection_by_entry ON connection (entry_id);

CREATE TABLE entry_person_kept (
    entry_id INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    PRIMARY KEY (entry_id, name)
) WITHOUT ROWID;

CREATE TABLE goal_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    why TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('trust', 'health', 'service', 'personal')),
    contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    target_date TEXT,
    status TEXT NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'achieved', 'paused', 'let go')),
    created_at TEXT NOT NULL,
    contact_name TEXT NOT NULL DEFAULT ''
);
INSERT INTO goal_new (id, title, why, kind, contact_id, target_date, status, created_at)
    SELECT id, title, why, kind, contact_id, target_date, status, created_at FROM goal;
DROP TABLE goal;
ALTER TABLE goal_new RENAME TO goal;
CREATE INDEX goal_by_contact ON goal (contact_id);

CREATE TABLE commitment_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    goal_id INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    promise TEXT NOT NULL,
    due_date TEXT,
    outcome TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'kept', 'missed')),
    noted_at TEXT,
    note TEXT NOT NULL DEFAULT '',
    contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    contact_name TEXT NOT NULL DEFAULT ''
);
INSERT INTO commitment_new (id, goal_id, promise, due_date, outcome, noted_at, note)
    SELECT id, goal_id, promise, due_date, outcome, noted_at, note FROM commitment;
DROP TABLE commitment;
ALTER TABLE commitment_new RENAME TO commitment;
CREATE INDEX commitment_by_goal ON commitment (goal_id, due_date);
CREATE INDEX commitment_pending_by_due ON commitment (due_date) WHERE outcome = 'pending';
CREATE INDEX commitment_by_contact ON commitment (contact_id);

CREATE TABLE safety_plan_item (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    section TEXT NOT NULL CHECK (section IN ('warning_signs', 'coping_strategies',
        'distractions', 'help_people', 'professionals', 'safe_environment', 'reasons')),
    position INTEGER NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (text <> '' OR contact_id IS NOT NULL)
);
CREATE INDEX safety_plan_item_by_section ON safety_plan_item (section, position);
CREATE INDEX safety_plan_item_by_contact ON safety_plan_item (contact_id);

ALTER TABLE crisis_line ADD COLUMN country TEXT;
ALTER TABLE crisis_line ADD COLUMN edited INTEGER NOT NULL DEFAULT 0;

CREATE TABLE kept_name (
    kind TEXT NOT NULL CHECK (kind IN ('contact', 'community')),
    id INTEGER NOT NULL,
    name TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;
"""

_TRIGGERS = """
CREATE TRIGGER contact_delete_keeps_name BEFORE DELETE ON contact
BEGIN
    INSERT OR REPLACE INTO kept_name (kind, id, name, phone)
        VALUES ('contact', old.id, old.name, old.phone);
    UPDATE connection SET contact_name = old.name WHERE contact_id = old.id;
    INSERT OR IGNORE INTO entry_person_kept (entry_id, name)
        SELECT entry_id, old.name FROM entry_person WHERE contact_id = old.id;
    UPDATE goal SET contact_name = old.name WHERE contact_id = old.id;
    UPDATE commitment SET contact_name = old.name WHERE contact_id = old.id;
    UPDATE safety_plan_item
        SET text = old.name
            || CASE WHEN old.phone <> '' THEN ' ' || old.phone ELSE '' END
            || CASE WHEN text <> '' THEN ': ' || text ELSE '' END
        WHERE contact_id = old.id;
END;

CREATE TRIGGER community_delete_keeps_name BEFORE DELETE ON community
BEGIN
    INSERT OR REPLACE INTO kept_name (kind, id, name) VALUES ('community', old.id, old.name);
    UPDATE connection SET community_name = old.name WHERE community_id = old.id;
END;
"""


def migrate_to_5(conn: Connection) -> None:
    """People, goals and the safety plan: names kept on delete, ids never reused, snooze, to
    whom, safety-plan items, crisis lines by country, history indexes."""
    run_script(conn, _TABLES)
    _plan_text_to_items(conn)
    _mark_seeded_crisis_lines(conn)
    run_script(conn, _TRIGGERS)


def _plan_text_to_items(conn: Connection) -> None:
    row = conn.execute(
        f"SELECT {', '.join(_PLAN_SECTIONS)}, updated_at FROM safety_plan WHERE id = 1"
    ).fetchone()
    if row is not None:
        stamp = row[-1] or ts(now_utc())
        items = []
        for section, text in zip(_PLAN_SECTIONS, row[:-1], strict=True):
            lines = [line.strip() for line in (text or "").splitlines()]
            items += [
                (section, position, line, stamp, stamp)
                for position, line in enumerate(line for line in lines if line)
            ]
        conn.executemany(
            "INSERT INTO safety_plan_item (section, position, text, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            items,
        )
        if row[-1]:
            conn.execute(
                "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                (PLAN_UPDATED_SETTING, json.dumps(row[-1])),
            )
    conn.execute("DROP TABLE safety_plan")


def _mark_seeded_crisis_lines(conn: Connection) -> None:
    """A line as seeded is US and unedited; a seeded line the person changed is US and edited;
    any other line is the person's own (no country, edited)."""
    names = {name for name, *_ in _SEEDED_US_LINES}
    phones = {phone for _, phone, *_ in _SEEDED_US_LINES}
    for line_id, *fields in conn.execute(
        "SELECT id, name, phone, text, notes FROM crisis_line"
    ).fetchall():
        if tuple(fields) in _SEEDED_US_LINES:
            country, edited = "US", 0
        elif fields[0] in names or fields[1] in phones:
            country, edited = "US", 1
        else:
            country, edited = None, 1
        conn.execute(
            "UPDATE crisis_line SET country = ?, edited = ? WHERE id = ?",
            (country, edited, line_id),
        )
