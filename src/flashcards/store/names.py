"""Deck and card names for shell completion, read straight from the store file with
sqlite3, read-only: no ORM, no migration, nothing written. A missing, locked or damaged
store gives no names."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from flashcards.store.rows import like_escaped

LIMIT = 200  # names offered at most


def _names(path: Path, sql: str, prefix: str) -> list[str]:
    if not path.is_file():
        return []
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                     timeout=0.2)) as conn:
            return [str(n) for (n,) in conn.execute(sql, (like_escaped(prefix) + "%", LIMIT))]
    except sqlite3.Error:
        return []


def deck_names(path: Path, prefix: str) -> list[str]:
    return _names(path, "SELECT name FROM deck WHERE name LIKE ? ESCAPE '\\' ORDER BY name "
                        "LIMIT ?", prefix)


def card_names(path: Path, prefix: str) -> list[str]:
    """DECK/KEY names that start with `prefix`, retired cards aside."""
    return _names(path, "SELECT d.name || '/' || c.key FROM card c JOIN deck d ON "
                        "d.id = c.deck_id WHERE d.name || '/' || c.key LIKE ? ESCAPE '\\' "
                        "AND NOT c.retired ORDER BY 1 LIMIT ?", prefix)
