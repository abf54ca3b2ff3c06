"""SQL for importing decks, on the store's sqlite3 connection (Store.raw_write).

Raw SQL like stats_queries and export_queries: an import needs no ORM, and skipping
SQLAlchemy and SQLModel takes about 0.4 s off every `flashcards import`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date
from operator import itemgetter
from typing import Any, NamedTuple

from flashcards.domain.errors import StoreError

# --- decks -----------------------------------------------------------------


def deck_id(conn: sqlite3.Connection, name: str) -> int | None:
    row = conn.execute("SELECT id FROM deck WHERE name = ?", (name,)).fetchone()
    return None if row is None else int(row[0])


def deck_file(conn: sqlite3.Connection, deck_id: int) -> str | None:
    """The file a deck was last imported from."""
    row = conn.execute("SELECT deck_file FROM deck WHERE id = ?", (deck_id,)).fetchone()
    return row[0] if row is not None and isinstance(row[0], str) else None


def upsert_deck(conn: sqlite3.Connection, name: str, source: str | None,
                deck_file: str | None, meta: dict[str, str], now_iso: str) -> int:
    values = (source, deck_file, json.dumps(meta, sort_keys=True))
    found = deck_id(conn, name)
    if found is not None:
        conn.execute("UPDATE deck SET source = ?, deck_file = ?, meta = ? WHERE id = ?",
                     (*values, found))
        return found
    cur = conn.execute("INSERT INTO deck (name, source, deck_file, meta, created_at) "
                       "VALUES (?, ?, ?, ?, ?)", (name, *values, now_iso))
    if cur.lastrowid is None:
        raise StoreError(f"deck {name!r} was not inserted")
    return cur.lastrowid


# --- cards -----------------------------------------------------------------


class StoredCard(NamedTuple):
    """A card of the store as an import compares it with its draft."""

    id: int
    key: str
    kind: str
    question: str
    answer: str
    tags: str
    source_file: str | None
    section: str | None
    line_start: int | None
    line_end: int | None
    retired: int


_STORED = ", ".join(StoredCard._fields)


def cards_by_key(conn: sqlite3.Connection, deck_id: int) -> dict[str, StoredCard]:
    rows = conn.execute(f"SELECT {_STORED} FROM card WHERE deck_id = ?", (deck_id,))
    return {row.key: row for row in map(StoredCard._make, rows)}


def _iso(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(v.isoformat() if isinstance(v, date) else v for v in row)


def insert_cards(conn: sqlite3.Connection, columns: Sequence[str],
                 rows: Iterable[tuple[Any, ...]]) -> None:
    """Many rows, each a tuple of the columns' values."""
    if "due" in columns or "last_review" in columns:
        rows = map(_iso, rows)
    _insert_many(conn, "card", columns, rows)


def _insert_many(conn: sqlite3.Connection, table: str, columns: Sequence[str],
                 rows: Iterable[tuple[Any, ...]]) -> None:
    """Insert rows in order, one prepared statement run per row (executemany). Measured
    against multi-row `VALUES (...), (...), ...` statements of 999 variables on 100,000
    cards, it takes a fifth less time (bench/bench_import.py)."""
    placeholders = ", ".join("?" * len(columns))
    conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})",
                     rows)


def update_cards(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> None:
    """Each row has `card_id` plus the columns to set (the same in every row)."""
    if not rows:
        return
    cols = [c for c in rows[0] if c != "card_id"]
    sql = f"UPDATE card SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?"
    conn.executemany(sql, (_iso((*itemgetter(*cols)(row), row["card_id"])) for row in rows))


def set_retired(conn: sqlite3.Connection, card_ids: Iterable[int], now_iso: str) -> None:
    conn.executemany("UPDATE card SET retired = 1, updated_at = ? WHERE id = ?",
                     ((now_iso, card_id) for card_id in card_ids))


def delete_cards(conn: sqlite3.Connection, card_ids: Iterable[int]) -> None:
    """The cards and their review history (a statement per card: no limit on how many)."""
    ids = [(card_id,) for card_id in card_ids]
    conn.executemany("DELETE FROM review WHERE card_id = ?", ids)
    conn.executemany("DELETE FROM card WHERE id = ?", ids)


def insert_reviews(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> None:
    """Many review rows with the same columns."""
    if rows:
        cols = list(rows[0])
        _insert_many(conn, "review", cols, map(_iso, map(itemgetter(*cols), rows)))
