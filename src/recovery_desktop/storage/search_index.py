# SPDX-License-Identifier: GPL-3.0-or-later
"""The full-text index: how text becomes words, the query a person's typing becomes, and the
rebuild of the index in short batches after the way words are made changes (schema 4).

Emoji and other symbols are words of their own (DESIGN §4). SQLite's `unicode61` tokenizer is
told that symbols are word characters (`categories 'L* N* Co S*'`), and before any text reaches
the index, and before a query is built, every symbol is fenced off from its neighbours with an
invisible U+200B (a separator to the tokenizer). The same rule on both sides is what makes
"😀good" match "good" and "😀", and "👍🏽" (thumb, then skin tone) match "👍". The fence is
removed from every snippet before anyone sees it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence

from recovery_desktop.core.models import SNIPPET_END, SNIPPET_START
from recovery_desktop.storage.connection import Connection, transaction

# Must match the tokenizer that `_migrate_to_4` gives `entry_fts`.
TOKENIZER = "unicode61 remove_diacritics 2 categories 'L* N* Co S*'"
FENCE = "\u200b"  # ZERO WIDTH SPACE: category Cf, which unicode61 treats as a separator
REBUILD_BATCH = 200  # entries per transaction: a few tens of milliseconds of write lock
CLEAR_BATCH = 500  # rows of the old index removed per transaction
OLD_INDEX = "entry_fts_old"
_OLD_SHADOWS = ("data", "content", "docsize", "idx")

# Candidates only (ASCII symbols, and anything outside ASCII that is not a letter, digit or
# space); `_fenced` decides by Unicode category. Plain prose never reaches the callback.
_CANDIDATE = re.compile(r"[$+<=>^`|~]|[^\w\s\x00-\x7f]")
_ASCII_SYMBOL = re.compile(r"[$+<=>^`|~]")  # the same rule for ASCII text, 7x faster
_WORDLIKE = re.compile(r"[^\W_]")
_fences: dict[str, str] = {}

# Marks that continue an emoji after a match (skin tones, variation selectors, keycap, tag
# characters, or a zero-width joiner and the next emoji), so a highlight covers it whole.
_CONTINUES = "\U0001f3fb-\U0001f3ff\ufe0e\ufe0f\u20e3\U000e0020-\U000e007f"
_TAIL = re.compile(f"{SNIPPET_END}((?:[{_CONTINUES}]|\u200d[^{SNIPPET_START}{SNIPPET_END}\\s])+)")
_HEAD = re.compile(f"((?:[^{SNIPPET_START}{SNIPPET_END}\\s][{_CONTINUES}]*\u200d)+){SNIPPET_START}")
_JOINED = re.compile(f"[{_CONTINUES}\u200d]")


def _is_symbol(char: str) -> bool:
    # Cn: an emoji newer than Python's Unicode tables is still its own word.
    category = unicodedata.category(char)
    return category[0] == "S" or category == "Cn"


def _fenced(match: re.Match[str]) -> str:
    char = match.group()
    fenced = _fences.get(char)
    if fenced is None:
        fenced = f"{FENCE}{char}{FENCE}" if _is_symbol(char) else char
        if len(_fences) < 10_000:
            _fences[char] = fenced
    return fenced


def index_text(text: str) -> str:
    """`text` as it goes into the index: every symbol fenced off as a word of its own."""
    if not text:
        return text
    return (_ASCII_SYMBOL if text.isascii() else _CANDIDATE).sub(_fenced, text)


def _has_word(chunk: str) -> bool:
    if _WORDLIKE.search(chunk):
        return True
    return any(_is_symbol(c) or unicodedata.category(c) == "Co" for c in chunk)


def fts_query(text: str) -> str | None:
    """Turn what a person typed into a safe FTS5 query, or None when it holds no word at all.

    Every space-separated part must appear (as a phrase, so "😀good" or "well-being" match
    as written); the last may be the start of a word, so results follow typing. The parts go
    through `index_text`, so the tokenizer splits them exactly as it split the entries.
    Operators and quotes are taken literally.
    """
    phrases = [
        '"' + index_text(chunk).replace('"', '""') + '"'
        for chunk in text.replace("\x00", " ").split()  # FTS5 reads a NUL as the end
        if _has_word(chunk)
    ]
    if not phrases:
        return None
    phrases[-1] += "*"
    return " ".join(phrases)


def shown_snippet(snippet: str) -> str:
    """A snippet from the index as a person should see it: no fences, and the match marks
    widened to take in the whole emoji (a skin tone, a joined family), so it is drawn whole."""
    if not snippet:
        return snippet
    text = snippet.replace(FENCE, "")
    if _JOINED.search(text):
        text = _TAIL.sub(lambda m: m.group(1) + SNIPPET_END, text)
        text = _HEAD.sub(lambda m: SNIPPET_START + m.group(1), text)
        text = text.replace(f"{SNIPPET_END}\u200d{SNIPPET_START}", "\u200d")
    return text


def fts_row(title: str, body_parts: Iterable[str], tags: Iterable[str]) -> tuple[str, str, str]:
    """The (title, body, tags) columns of an entry's index row; one rule for saves and the
    rebuild, so both put the same words in."""
    body = "\n".join(part for part in body_parts if part)
    return index_text(title), index_text(body), index_text(" ".join(tags))


def write_entry_row(
    conn: Connection, entry_id: int, title: str, body_parts: Sequence[str], tags: Sequence[str]
) -> None:
    """Replace the index row of one entry (call inside the entry's write transaction)."""
    conn.execute("DELETE FROM entry_fts WHERE rowid=?", (entry_id,))
    conn.execute(
        "INSERT INTO entry_fts (rowid, title, body, tags) VALUES (?, ?, ?, ?)",
        (entry_id, *fts_row(title, body_parts, tags)),
    )


class SearchIndex:
    """Upkeep of the index on one connection (so one thread). Qt-free.

    After the upgrade to schema 4 the index starts empty and `search_rebuild` holds the next
    entry id to index. `rebuild` fills it in batches, each its own short transaction, so the
    GUI's saves never wait long; it is resumable (a kill loses at most the batch in flight)
    and correct while entries are saved meanwhile: a save writes its own index row, and a batch
    deletes and rewrites the rows of its id range from `entry` as they are at that moment.
    A worker runs it on its own connection (`vault.open_connection()`).
    """

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def complete(self) -> bool:
        """True when every entry is in the index, so search results are whole."""
        return self._next_id() is None

    def rebuild_pending(self) -> bool:
        """True while entries remain to index, or the old index remains to be cleared."""
        return not self.complete() or self._old_index_exists()

    def rebuild(
        self,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        batch_size: int = REBUILD_BATCH,
    ) -> bool:
        """Index the entries still missing, then clear the old index; True when all is done,
        False when `cancelled()` said stop (call again to resume).

        `progress(done, total)` counts entries and reaches total when search is complete
        (before the old index is cleared, which search does not need).
        """
        stop = cancelled or (lambda: False)
        total = self._count("SELECT count(*) FROM entry")
        next_id = self._next_id()
        if next_id is not None:
            done = self._count("SELECT count(*) FROM entry WHERE id < ?", next_id)
            while next_id is not None:
                if progress is not None:
                    progress(min(done, total), total)
                if stop():
                    return False
                indexed, next_id = self._index_batch(batch_size)
                done += indexed
            if progress is not None:
                progress(total, total)
        while self._old_index_exists():
            if stop():
                return False
            self._clear_old_batch()
        return True

    # --- internals -----------------------------------------------------------------------------

    def _count(self, sql: str, *params: object) -> int:
        return int(self._conn.execute(sql, params).fetchone()[0])

    def _next_id(self) -> int | None:
        row = self._conn.execute("SELECT next_id FROM search_rebuild").fetchone()
        return None if row is None else int(row[0])

    def _old_index_exists(self) -> bool:
        row = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (OLD_INDEX,)
        ).fetchone()
        return row is not None

    def _index_batch(self, batch_size: int) -> tuple[int, int | None]:
        """Index the next `batch_size` entries; return how many and the next id (None: done)."""
        conn = self._conn
        with transaction(conn):
            first = self._next_id()
            if first is None:  # another connection finished it meanwhile
                return 0, None
            rows = conn.execute(
                "SELECT id, title, body, gratitude, intention, evening_review FROM entry "
                "WHERE id >= ? ORDER BY id LIMIT ?",
                (first, batch_size),
            ).fetchall()
            if not rows:
                conn.execute("DELETE FROM search_rebuild")
                return 0, None
            last = rows[-1][0]
            tags: dict[int, list[str]] = {}
            for entry_id, name in conn.execute(
                "SELECT et.entry_id, t.name FROM entry_tag et JOIN tag t ON t.id = et.tag_id "
                "WHERE et.entry_id BETWEEN ? AND ? ORDER BY et.entry_id, t.name",
                (first, last),
            ):
                tags.setdefault(entry_id, []).append(name)
            conn.execute("DELETE FROM entry_fts WHERE rowid BETWEEN ? AND ?", (first, last))
            conn.executemany(
                "INSERT INTO entry_fts (rowid, title, body, tags) VALUES (?, ?, ?, ?)",
                [(r[0], *fts_row(r[1], r[2:], tags.get(r[0], ()))) for r in rows],
            )
            if len(rows) < batch_size:
                conn.execute("DELETE FROM search_rebuild")
                return len(rows), None
            conn.execute("UPDATE search_rebuild SET next_id = ?", (last + 1,))
            return len(rows), last + 1

    def _clear_old_batch(self) -> None:
        """Empty the old index a few hundred rows at a time, then drop it: dropping it whole
        takes about a second at 20,000 entries, holding the write lock all that time."""
        conn = self._conn
        with transaction(conn):
            if not self._old_index_exists():  # another connection finished it meanwhile
                return
            for shadow in _OLD_SHADOWS:
                table = f"{OLD_INDEX}_{shadow}"
                if not conn.execute(
                    "SELECT 1 FROM sqlite_master WHERE name = ?", (table,)
                ).fetchone():
                    continue
                key = "segid, term" if shadow == "idx" else "rowid"
                cursor = conn.execute(
                    f'DELETE FROM "{table}" WHERE ({key}) IN (SELECT {key} FROM "{table}" LIMIT ?)',
                    (CLEAR_BATCH,),
                )
                if cursor.rowcount:
                    return
            conn.execute(f'DROP TABLE "{OLD_INDEX}"')
