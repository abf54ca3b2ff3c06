"""FSRS's side of the store: store-wide values in `meta` (the fitted parameters), each
card's review history as FSRS reads it, and the memory states read from it. Raw SQL on
the sqlite3 connection (a whole log is read at once: the ORM would only slow it down)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from sqlite3 import Connection

PARAMETERS = "fsrs_parameters"


def get_meta(conn: Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_meta(conn: Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
                 "DO UPDATE SET value = excluded.value", (key, value))


def parameters(conn: Connection) -> tuple[float, ...] | None:
    """The FSRS parameters `optimize` fitted to this store's log; None before it has."""
    raw = get_meta(conn, PARAMETERS)
    return None if raw is None else tuple(float(x) for x in json.loads(raw))


def set_parameters(conn: Connection, values: Sequence[float]) -> None:
    set_meta(conn, PARAMETERS, json.dumps(list(values)))


History = list[tuple[int, date]]


def histories(conn: Connection, only_unknown: bool = False
              ) -> Iterator[tuple[int, History, float | None, float | None]]:
    """Every answered card's log, oldest answer first: (card id, [(grade, study day)],
    stored stability, stored difficulty). With `only_unknown`, the cards whose memory
    state is not known yet."""
    where = "c.last_review IS NOT NULL"
    if only_unknown:
        where += " AND c.stability IS NULL"
    rows = conn.execute(
        f"""SELECT r.card_id, r.grade, r.study_day, c.stability, c.difficulty
            FROM card c JOIN review r ON r.card_id = c.id WHERE {where}
            ORDER BY r.card_id, r.id""")
    current: int | None = None
    history: History = []
    stored: tuple[float | None, float | None] = (None, None)
    for card_id, grade, day, stability, difficulty in rows:
        if card_id != current:
            if current is not None:
                yield current, history, *stored
            current, history, stored = card_id, [], (stability, difficulty)
        history.append((int(grade), date.fromisoformat(day)))
    if current is not None:
        yield current, history, *stored


def set_memory(conn: Connection,
               states: Iterable[tuple[int, tuple[float, float] | None]]) -> None:
    conn.executemany("UPDATE card SET stability = ?, difficulty = ? WHERE id = ?",
                     [(s[0] if s else None, s[1] if s else None, card_id)
                      for card_id, s in states])
