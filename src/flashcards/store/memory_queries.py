"""FSRS's side of the store: store-wide values in `meta` (the fitted parameters), each
card's review history as FSRS reads it, and the memory states read from it. Raw SQL on
the sqlite3 connection (a whole log is read at once: the ORM would only slow it down)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
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


def histories(conn: Connection, which: str = "all"
              ) -> list[tuple[int, History, float | None, float | None]]:
    """Answered cards' logs, oldest answer first: (card id, [(grade, study day)], stored
    stability, stored difficulty), by card id. `which`: "all", "unknown" (no memory
    state stored yet) or "known". The log is read once in its own order (the answers of
    each card come in order), which is several times faster than by card."""
    where = {"all": "", "unknown": " AND stability IS NULL",
             "known": " AND stability IS NOT NULL"}[which]
    cards = {card_id: (stability, difficulty) for card_id, stability, difficulty in
             conn.execute("SELECT id, stability, difficulty FROM card WHERE last_review IS "
                          f"NOT NULL{where}")}
    if not cards:
        return []  # (the usual case for "unknown": no need to read the log)
    logs: dict[int, History] = {}
    days: dict[str, date] = {}  # a log has few distinct days: parse each once
    for card_id, grade, day in conn.execute("SELECT card_id, grade, study_day FROM review"):
        if card_id in cards:
            when = days.get(day) or days.setdefault(day, date.fromisoformat(day))
            logs.setdefault(card_id, []).append((int(grade), when))
    return [(card_id, logs[card_id], *cards[card_id]) for card_id in sorted(logs)]


def set_memory(conn: Connection,
               states: Iterable[tuple[int, tuple[float, float] | None]]) -> None:
    conn.executemany("UPDATE card SET stability = ?, difficulty = ? WHERE id = ?",
                     [(s[0] if s else None, s[1] if s else None, card_id)
                      for card_id, s in states])
