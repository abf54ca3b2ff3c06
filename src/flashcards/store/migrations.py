"""Numbered schema migrations, run on open, each in its own transaction.

The schema version lives in SQLite's `user_version`. Never edit a migration that has
shipped: add a new one. Migration 1 is frozen in tests/data/schema_v1.sql.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]

_V1 = """
CREATE TABLE deck (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    source TEXT,
    deck_file TEXT,
    meta TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL
);
CREATE TABLE card (
    id INTEGER PRIMARY KEY,
    deck_id INTEGER NOT NULL REFERENCES deck(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'basic',
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '',
    source_file TEXT,
    section TEXT,
    line_start INTEGER,
    line_end INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    suspended BOOLEAN NOT NULL DEFAULT 0,
    retired BOOLEAN NOT NULL DEFAULT 0,
    reps INTEGER NOT NULL DEFAULT 0,
    ease FLOAT NOT NULL DEFAULT 2.5,
    interval INTEGER NOT NULL DEFAULT 0,
    due DATE,
    redrill BOOLEAN NOT NULL DEFAULT 0,
    lapses INTEGER NOT NULL DEFAULT 0,
    last_review DATE,
    UNIQUE (deck_id, key)
);
CREATE INDEX ix_card_deck_id ON card (deck_id);
CREATE INDEX ix_card_due ON card (due);
CREATE TABLE review (
    id INTEGER PRIMARY KEY,
    card_id INTEGER NOT NULL REFERENCES card(id) ON DELETE CASCADE,
    reviewed_at TEXT NOT NULL,
    study_day DATE NOT NULL,
    grade INTEGER NOT NULL CHECK (grade BETWEEN 0 AND 5),
    kind TEXT NOT NULL,
    answer_ms INTEGER,
    session_id TEXT,
    reps_before INTEGER NOT NULL,
    ease_before FLOAT NOT NULL,
    interval_before INTEGER NOT NULL,
    due_before DATE,
    redrill_before BOOLEAN NOT NULL,
    lapses_before INTEGER NOT NULL,
    last_review_before DATE,
    reps_after INTEGER NOT NULL,
    ease_after FLOAT NOT NULL,
    interval_after INTEGER NOT NULL,
    due_after DATE,
    redrill_after BOOLEAN NOT NULL,
    lapses_after INTEGER NOT NULL
);
CREATE INDEX ix_review_card_id ON review (card_id);
CREATE INDEX ix_review_study_day ON review (study_day);
"""


def _v1(conn: sqlite3.Connection) -> None:
    for statement in _V1.split(";"):
        if statement.strip():
            conn.execute(statement)


def _v2(conn: sqlite3.Connection) -> None:
    """Index for retention stats: scheduled answers to cards answered before, by study
    day, young/mature and passed, so `stats` counts a year of answers by walking one
    index in order (GROUP BY without a sort) and never reads the review table itself.
    The plain columns at the end make it covering: SQLite 3.40 reads an expression's
    value from an index only when the columns it uses are in the index too."""
    conn.execute("CREATE INDEX ix_review_retention ON review (kind, (last_review_before IS NULL),"
                 " study_day, (interval_before >= 21), (grade >= 3), card_id,"
                 " last_review_before, interval_before, grade)")


def _v3(conn: sqlite3.Connection) -> None:
    """New cards in deck order without walking the learned ones: the session's new-card
    query (last_review IS NULL ORDER BY deck_id, id) reads this small partial index."""
    conn.execute("CREATE INDEX ix_card_new ON card (deck_id, id) WHERE last_review IS NULL")


def _v4(conn: sqlite3.Connection) -> None:
    """Two card indexes that cost every insert and helped no query. ix_card_deck_id
    repeats the start of the UNIQUE (deck_id, key) index, which serves deck lookups as
    well; ix_card_due held every new card under NULL, and queries on `due` always compare
    it (due <= ?, due > ?), which SQLite reads as `due IS NOT NULL`: a partial index
    serves them. An import writes a sixth less."""
    conn.execute("DROP INDEX ix_card_deck_id")
    conn.execute("DROP INDEX ix_card_due")
    conn.execute("CREATE INDEX ix_card_due ON card (due) WHERE due IS NOT NULL")


def _v5(conn: sqlite3.Connection) -> None:
    """Review kinds as Anki's review log has them, decided by the state before each
    answer (domain.cards.kind_of_answer, the rule the scheduler's branches follow):
    `learn` (a new card), `redrill` (a repeat that changes only the due day), `relearn`
    (scored again after a failure the same day), `review` (the first answer of a study
    day to a learned card). Before, the answer after a failure was logged as a
    `redrill` although SM-2 scored it. Retention counts `review` answers: its index now
    needs no "was new" expression."""
    conn.execute("DROP INDEX ix_review_retention")
    conn.execute("""UPDATE review SET kind = CASE
        WHEN last_review_before IS NULL THEN 'learn'
        WHEN redrill_before THEN 'redrill'
        WHEN last_review_before = study_day THEN 'relearn'
        ELSE 'review' END""")
    conn.execute("CREATE INDEX ix_review_retention ON review (kind, study_day,"
                 " (interval_before >= 21), (grade >= 3), card_id, interval_before, grade)")


def _v6(conn: sqlite3.Connection) -> None:
    """Card control: `buried_until` (a card buried in a session stays out of the queues
    until that study day), `leech` (a card that lapsed `leech_threshold` times; kept in
    its own column so re-importing its deck file, which sets the tags, keeps it), and
    `search` (the card's text folded to lower case without accents, for cards that have
    accented letters; NULL for the rest, which LIKE reads in the columns themselves)."""
    from flashcards.domain.text import search_text

    conn.execute("ALTER TABLE card ADD COLUMN buried_until DATE")
    conn.execute("ALTER TABLE card ADD COLUMN leech BOOLEAN NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE card ADD COLUMN search TEXT")
    rows = conn.execute("SELECT id, question, answer, tags FROM card").fetchall()
    conn.executemany("UPDATE card SET search = ? WHERE id = ?",
                     [(text, card_id) for card_id, q, a, t in rows
                      if (text := search_text(q, a, t)) is not None])


def _v7(conn: sqlite3.Connection) -> None:
    """FSRS as an option: each card's memory state (stability in days, difficulty 1-10;
    NULL until FSRS schedules the card or reads its history), and in the review log
    which scheduler set each answer's due day and the memory state before and after it
    (undo restores it). `meta` holds store-wide values: the FSRS parameters fitted by
    `flashcards optimize`, and the scheduler the cards' due days are from."""
    for column in ("stability", "difficulty"):
        conn.execute(f"ALTER TABLE card ADD COLUMN {column} FLOAT")
    conn.execute("ALTER TABLE review ADD COLUMN scheduler VARCHAR NOT NULL DEFAULT 'sm2'")
    for column in ("stability_before", "difficulty_before", "stability_after",
                   "difficulty_after"):
        conn.execute(f"ALTER TABLE review ADD COLUMN {column} FLOAT")
    conn.execute("CREATE TABLE meta (key VARCHAR NOT NULL PRIMARY KEY, value VARCHAR NOT NULL)")


def _v8(conn: sqlite3.Connection) -> None:
    """An index of the inactive cards (retired or suspended), by deck: few, so it costs
    an import nothing, and `decks` counts every other card from indexes alone."""
    conn.execute("CREATE INDEX ix_card_inactive ON card (deck_id) WHERE retired OR suspended")


def _v9(conn: sqlite3.Connection) -> None:
    """ix_card_due holds, beside each due day, what the counts of due cards test: the
    deck, retired, suspended, the last review and the day a card is buried until. So
    `due --count`, `decks` and the queue's counts read the index alone, where they read a
    card row for every due card: 76,000 cards due of 100,000 (a student back after a
    long break) took `decks` 0.4 s, now 0.15 s. New cards are not in it (due is NULL):
    an import of new cards writes no more."""
    conn.execute("DROP INDEX ix_card_due")
    conn.execute("CREATE INDEX ix_card_due ON card (due, deck_id, retired, suspended, "
                 "last_review, buried_until) WHERE due IS NOT NULL")


MIGRATIONS: list[Migration] = [_v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8, _v9]
LATEST = len(MIGRATIONS)
