# SPDX-License-Identifier: GPL-3.0-or-later
"""Numbered schema migrations, tracked in `PRAGMA user_version`.

Each `_migrate_to_N` takes the schema from N-1 to N; add a step by writing `_migrate_to_N`
(a module of its own when it is long, as `migration_5`), adding it to `STEPS` and raising
`SCHEMA_VERSION`. Steps are never edited once released: a vault
of every released version is kept in tests/fixtures and must migrate forward. Before the first
step on an existing vault, an encrypted copy of the database is put in `backups/`
(`upgrade_backup`). The copy and the steps of one upgrade run in one transaction, under the
write lock, with the version read again inside it (see `migrate`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from recovery_desktop.storage.connection import Connection, transaction
from recovery_desktop.storage.errors import VaultError, VaultTooNewError
from recovery_desktop.storage.migration_5 import migrate_to_5
from recovery_desktop.storage.sql import run_script as _run_script
from recovery_desktop.storage.upgrade_backup import backup_before_migration

SCHEMA_VERSION = 6


def _migrate_to_1(conn: Connection) -> None:
    """The first schema: DESIGN §4."""
    _run_script(
        conn,
        """
        CREATE TABLE entry (
            id INTEGER PRIMARY KEY,
            entry_date TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            mood INTEGER CHECK (mood BETWEEN 1 AND 5),
            craving INTEGER CHECK (craving BETWEEN 0 AND 10),
            sober_today INTEGER CHECK (sober_today IN (0, 1)),
            visibility TEXT NOT NULL DEFAULT 'normal'
                CHECK (visibility IN ('private', 'normal', 'shared')),
            is_draft INTEGER NOT NULL DEFAULT 0 CHECK (is_draft IN (0, 1))
        );
        CREATE INDEX entry_by_date ON entry (entry_date DESC, id DESC);

        CREATE TABLE tag (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE
        );
        CREATE TABLE entry_tag (
            entry_id INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
            PRIMARY KEY (entry_id, tag_id)
        ) WITHOUT ROWID;
        CREATE INDEX entry_tag_by_tag ON entry_tag (tag_id, entry_id);

        CREATE TABLE contact (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('sponsor', 'family', 'friend', 'peer',
                'counselor', 'group facilitator', 'other')),
            phone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            reach_out_every_days INTEGER CHECK (reach_out_every_days > 0),
            emergency INTEGER NOT NULL DEFAULT 0,
            archived INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );

        CREATE TABLE entry_person (
            entry_id INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
            contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
            PRIMARY KEY (entry_id, contact_id)
        ) WITHOUT ROWID;
        CREATE INDEX entry_person_by_contact ON entry_person (contact_id, entry_id);

        CREATE VIRTUAL TABLE entry_fts USING fts5 (
            title, body, tags, tokenize = 'unicode61 remove_diacritics 2'
        );

        CREATE TABLE community (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('meeting', 'support group', 'online forum',
                'fitness', 'hobby', 'volunteer', 'other')),
            schedule TEXT NOT NULL DEFAULT '',
            place TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            archived INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );

        CREATE TABLE connection (
            id INTEGER PRIMARY KEY,
            occurred_at TEXT NOT NULL,
            occurred_on TEXT NOT NULL,
            contact_id INTEGER REFERENCES contact (id) ON DELETE CASCADE,
            community_id INTEGER REFERENCES community (id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('call', 'text', 'in person', 'meeting',
                'online', 'service')),
            initiated_by TEXT NOT NULL DEFAULT 'me' CHECK (initiated_by IN ('me', 'them', 'both')),
            felt_supported INTEGER CHECK (felt_supported BETWEEN 1 AND 5),
            note TEXT NOT NULL DEFAULT '',
            entry_id INTEGER REFERENCES entry (id) ON DELETE SET NULL,
            CHECK (contact_id IS NOT NULL OR community_id IS NOT NULL)
        );
        CREATE INDEX connection_by_time ON connection (occurred_at);
        CREATE INDEX connection_by_contact ON connection (contact_id, occurred_on);
        CREATE INDEX connection_by_community ON connection (community_id, occurred_on);

        CREATE TABLE goal (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            why TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL CHECK (kind IN ('trust', 'health', 'service', 'personal')),
            contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
            target_date TEXT,
            status TEXT NOT NULL DEFAULT 'active'
                CHECK (status IN ('active', 'achieved', 'paused', 'let go')),
            created_at TEXT NOT NULL
        );

        CREATE TABLE commitment (
            id INTEGER PRIMARY KEY,
            goal_id INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
            promise TEXT NOT NULL,
            due_date TEXT,
            outcome TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'kept', 'missed')),
            noted_at TEXT,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX commitment_by_goal ON commitment (goal_id, due_date);

        CREATE TABLE recovery_start (
            id INTEGER PRIMARY KEY,
            start_date TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );

        CREATE TABLE safety_plan (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            warning_signs TEXT NOT NULL DEFAULT '',
            coping_strategies TEXT NOT NULL DEFAULT '',
            distractions TEXT NOT NULL DEFAULT '',
            help_people TEXT NOT NULL DEFAULT '',
            professionals TEXT NOT NULL DEFAULT '',
            safe_environment TEXT NOT NULL DEFAULT '',
            reasons TEXT NOT NULL DEFAULT '',
            updated_at TEXT
        );
        CREATE TABLE crisis_line (
            id INTEGER PRIMARY KEY,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            phone TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT ''
        );

        CREATE TABLE setting (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        """,
    )
    # The default crisis lines are data the person may edit or remove; seed them once.
    from recovery_desktop.core.models import DEFAULT_CRISIS_LINES

    conn.executemany(
        "INSERT INTO crisis_line (position, name, phone, text, notes) VALUES (?, ?, ?, ?, ?)",
        [(i, c.name, c.phone, c.text, c.notes) for i, c in enumerate(DEFAULT_CRISIS_LINES)],
    )


def _migrate_to_2(conn: Connection) -> None:
    """Daily check-ins (gratitude, intention, evening review), craving triggers and coping, and
    the person's own writing templates."""
    _run_script(
        conn,
        """
        ALTER TABLE entry ADD COLUMN is_checkin INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE entry ADD COLUMN gratitude TEXT NOT NULL DEFAULT '';
        ALTER TABLE entry ADD COLUMN intention TEXT NOT NULL DEFAULT '';
        ALTER TABLE entry ADD COLUMN evening_review TEXT NOT NULL DEFAULT '';
        CREATE INDEX entry_checkin_by_date ON entry (entry_date) WHERE is_checkin = 1;

        CREATE TABLE entry_factor (
            entry_id INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('trigger', 'coping')),
            name TEXT NOT NULL COLLATE NOCASE,
            PRIMARY KEY (entry_id, kind, name)
        ) WITHOUT ROWID;

        CREATE TABLE writing_template (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        """,
    )


def _migrate_to_3(conn: Connection) -> None:
    """Entry ids are never reused (AUTOINCREMENT), so undoing a delete can never land on an
    entry written since. SQLite's way to change a key: new table, copy, drop, rename."""
    _run_script(
        conn,
        """
        CREATE TABLE entry_new (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            entry_date TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            mood INTEGER CHECK (mood BETWEEN 1 AND 5),
            craving INTEGER CHECK (craving BETWEEN 0 AND 10),
            sober_today INTEGER CHECK (sober_today IN (0, 1)),
            visibility TEXT NOT NULL DEFAULT 'normal'
                CHECK (visibility IN ('private', 'normal', 'shared')),
            is_draft INTEGER NOT NULL DEFAULT 0 CHECK (is_draft IN (0, 1)),
            is_checkin INTEGER NOT NULL DEFAULT 0,
            gratitude TEXT NOT NULL DEFAULT '',
            intention TEXT NOT NULL DEFAULT '',
            evening_review TEXT NOT NULL DEFAULT ''
        );
        INSERT INTO entry_new SELECT id, entry_date, created_at, updated_at, title, body, mood,
            craving, sober_today, visibility, is_draft, is_checkin, gratitude, intention,
            evening_review FROM entry;
        DROP TABLE entry;
        ALTER TABLE entry_new RENAME TO entry;
        CREATE INDEX entry_by_date ON entry (entry_date DESC, id DESC);
        CREATE INDEX entry_checkin_by_date ON entry (entry_date) WHERE is_checkin = 1;
        """,
    )


def _migrate_to_4(conn: Connection) -> None:
    """Emoji and symbols become words in a new, empty search index, filled later in batches."""
    # Dropping a large index takes about a second (20,000 entries), so the old one is renamed
    # and `SearchIndex.rebuild` clears it off the GUI thread after filling the new one.
    has_entries = conn.execute("SELECT EXISTS (SELECT 1 FROM entry)").fetchone()[0]
    pending = "INSERT INTO search_rebuild VALUES (0);"
    _run_script(
        conn,
        """
        ALTER TABLE entry_fts RENAME TO entry_fts_old;
        CREATE VIRTUAL TABLE entry_fts USING fts5 (
            title, body, tags, tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co S*'"
        );
        CREATE TABLE search_rebuild (next_id INTEGER NOT NULL);
        """
        + (pending if has_entries else "DROP TABLE entry_fts_old;"),
    )


def _migrate_to_6(conn: Connection) -> None:
    """Covering indexes for the day-by-day figures of Insights and the report (no table change)."""
    # Measured on the 10-year demo: the days query reads 6 ms instead of 82 ms of whole entry
    # rows, and the per-day connections 10 ms instead of 21 ms (without it the planner also
    # picks a slower skip-scan). ANALYZE gives the planner figures for the new indexes (tens of
    # milliseconds on the 10-year vault); without them it keeps to the old, stale ones.
    _run_script(
        conn,
        """
        CREATE INDEX entry_day_figures
            ON entry (entry_date, visibility, mood, craving, is_checkin, sober_today);
        CREATE INDEX connection_day_figures
            ON connection (occurred_on, kind, contact_id, community_id, felt_supported);
        ANALYZE entry;
        ANALYZE connection;
        """,
    )


STEPS: dict[int, Callable[[Connection], None]] = {
    1: _migrate_to_1,
    2: _migrate_to_2,
    3: _migrate_to_3,
    4: _migrate_to_4,
    5: migrate_to_5,
    6: _migrate_to_6,
}


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


# Another process may be upgrading a large vault: wait for its write lock this long, not the
# few seconds an ordinary write waits.
UPGRADE_WAIT_MS = 120_000
_TRIES = 10


class _WalNotEmpty(Exception):
    """A write landed between our checkpoint and our lock: the file alone is not the vault."""


def migrate(
    conn: Connection,
    db_path: Path,
    backups_dir: Path,
    target: int = SCHEMA_VERSION,
) -> int:
    """Bring the database to `target`; return the version it had before.

    Raises `VaultTooNewError` (changing nothing) if the database is newer than this code, and
    `VaultError` (changing nothing, leaving no partial copy) when the disk has no room for the
    copy put aside first.

    Several processes may open an old vault at once (issue 6, #17): the version is read again
    under the write lock, so one upgrades and the others wait, then find it done. The copy and
    every step run in one transaction under that lock: the vault is at the old version or the
    new one, never between, and the copy is of exactly what the steps started from.
    """
    found = schema_version(conn)  # a quick look without the lock: nearly always up to date
    if found > SCHEMA_VERSION:
        raise VaultTooNewError(found, SCHEMA_VERSION)
    if found >= target:
        return found
    busy_ms = int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
    conn.execute(f"PRAGMA busy_timeout = {UPGRADE_WAIT_MS:d}")
    # Steps may rebuild tables; with foreign keys on, dropping a table would cascade into its
    # links. The pragma only takes effect outside a transaction, and each step is checked.
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        for _ in range(_TRIES):
            try:
                return _upgrade_under_lock(conn, db_path, backups_dir, target)
            except _WalNotEmpty:
                continue
        raise VaultError(
            "The vault is busy in another window or program, so it could not be upgraded. "
            "Nothing was changed; please close the other one and try again."
        )
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {busy_ms:d}")


def _upgrade_under_lock(conn: Connection, db_path: Path, backups_dir: Path, target: int) -> int:
    # Fold the WAL into the file first (it cannot be done inside a transaction), so the file
    # alone is the whole vault when it is copied under the lock.
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    with transaction(conn):  # BEGIN IMMEDIATE: other openers wait here, with the long timeout
        found = schema_version(conn)
        if found > SCHEMA_VERSION:
            raise VaultTooNewError(found, SCHEMA_VERSION)
        if found >= target:
            return found  # another process upgraded while we waited
        if found > 0:
            if _wal_has_frames(db_path):
                raise _WalNotEmpty
            backup_before_migration(db_path, backups_dir, found)
        for version in range(found + 1, target + 1):
            STEPS[version](conn)
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"migration to {version} broke links: {broken[:5]}")
            conn.execute(f"PRAGMA user_version = {version:d}")
    return found


def _wal_has_frames(db_path: Path) -> bool:
    try:
        return db_path.with_name(db_path.name + "-wal").stat().st_size > 0
    except FileNotFoundError:
        return False
