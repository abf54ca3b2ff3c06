"""SQL for the service layer's review side (the queue, answers, undo, deck lists). Raw SQL
on the store's sqlite3 connection: the review session never imports SQLAlchemy or
SQLModel (about 0.4 s, more than the rest of its start), and an answer is three short
statements. The columns are the SQLModel tables' (store/models.py).
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from sqlite3 import Connection, Cursor
from typing import Any

from flashcards.domain import CardState, QueueCard, SourceRef
from flashcards.domain.errors import StoreError
from flashcards.store.rows import STATE_COLS as _STATE_COLS
from flashcards.store.rows import like_escaped, state_values
from flashcards.store.stats_queries import deck_filter


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _sql_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


@cache
def _record_type(fields: tuple[str, ...]) -> Any:
    return namedtuple("Record", fields)  # noqa: PYI024


def _records(conn: Connection, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    """Rows with their columns as attributes (row.grade), as the service reads them."""
    cur: Cursor = conn.execute(sql, tuple(params))
    kind = _record_type(tuple(d[0] for d in cur.description))
    return [kind(*row) for row in cur.fetchall()]


def state_of(row: Sequence[Any]) -> CardState:
    """A CardState from the STATE_COLS values, in that order."""
    reps, ease, interval, due, redrill, lapses, last, stability, difficulty = row
    return CardState(reps, ease, interval, _day(due), bool(redrill), lapses, _day(last),
                     stability, difficulty)


# --- decks -----------------------------------------------------------------


def deck_ids(conn: Connection, names: Sequence[str]) -> dict[str, int]:
    marks = ", ".join("?" * len(names)) or "NULL"
    rows = conn.execute(f"SELECT name, id FROM deck WHERE name IN ({marks})", tuple(names))
    return {name: deck_id for name, deck_id in rows}  # noqa: C416


def deck_names(conn: Connection) -> list[str]:
    return [name for (name,) in conn.execute("SELECT name FROM deck ORDER BY name")]


# --- cards -----------------------------------------------------------------

_STATE_SQL = ", ".join(f"c.{c}" for c in _STATE_COLS)


def card_state(conn: Connection, card_id: int) -> CardState | None:
    row = conn.execute(f"SELECT {_STATE_SQL} FROM card c WHERE c.id = ?", (card_id,)).fetchone()
    return None if row is None else state_of(row)


def set_state(conn: Connection, card_id: int, state: CardState) -> None:
    values = state_values(state)
    sets = ", ".join(f"{c} = ?" for c in values)
    conn.execute(f"UPDATE card SET {sets} WHERE id = ?",
                 [*(_sql_value(v) for v in values.values()), card_id])


def set_leech(conn: Connection, card_id: int, leech: bool, suspend: bool) -> None:
    """Mark a card a leech (and suspend it, with `suspend`), or clear the mark (and
    unsuspend it, with `suspend`)."""
    extra = ", suspended = ?" if suspend else ""
    conn.execute(f"UPDATE card SET leech = ?{extra} WHERE id = ?",
                 (leech, leech, card_id) if suspend else (leech, card_id))


def deck_of(conn: Connection, card_id: int) -> int | None:
    row = conn.execute("SELECT deck_id FROM card WHERE id = ?", (card_id,)).fetchone()
    return None if row is None else int(row[0])


def is_leech(conn: Connection, card_id: int) -> bool:
    row = conn.execute("SELECT leech FROM card WHERE id = ?", (card_id,)).fetchone()
    return bool(row and row[0])


# --- the review queue ------------------------------------------------------

_QUEUE_SQL = f"""SELECT c.id, d.name, c.key, c.kind, c.question, c.answer, c.source_file,
    c.section, c.line_start, c.line_end, d.deck_file, {_STATE_SQL}
    FROM card c JOIN deck d ON d.id = c.deck_id"""


def _queue_card(row: Sequence[Any]) -> QueueCard:
    # Unpacked by position (in _QUEUE_SQL order): faster than by name, which matters for
    # the first card of a session with thousands of due reviews.
    card_id, deck, key, kind, question, answer, file, section, start, end, deck_file = row[:11]
    return QueueCard(card_id, deck, key, kind, question, answer, state_of(row[11:]),
                     SourceRef(file, section, start, end), deck_file)


@dataclass(frozen=True)
class Only:
    """Review filters: cards with a tag, or in sections whose title holds some text."""

    tag: str | None = None
    section: str | None = None


def _like(text: str) -> str:
    return f"%{like_escaped(text)}%"


def _queue(conn: Connection, ids: Sequence[int] | None, today: date, only: Only | None,
           where: str, params: Sequence[Any], order: str,
           limit: int | None = None) -> list[QueueCard]:
    """Active cards (not retired, suspended, or buried until after `today`) that also
    meet `where`, in `order`."""
    decks, deck_params = deck_filter(ids)
    sql = (f"{_QUEUE_SQL} WHERE NOT c.retired AND NOT c.suspended AND (c.buried_until IS "
           f"NULL OR c.buried_until <= ?){decks} AND {where}")
    args: list[Any] = [today.isoformat(), *deck_params, *params]
    if only is not None and only.tag:
        sql += " AND (' ' || c.tags || ' ') LIKE ? ESCAPE '\\'"
        args.append(_like(f" {only.tag} "))
    if only is not None and only.section:
        sql += " AND c.section LIKE ? ESCAPE '\\'"
        args.append(_like(only.section))
    sql += f" ORDER BY {order}"
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    return [_queue_card(r) for r in conn.execute(sql, args)]


def redrill_cards(conn: Connection, ids: Sequence[int] | None, today: date,
                  only: Only | None = None) -> list[QueueCard]:
    """Cards answered today that must come back today (answered 3 or below)."""
    day = today.isoformat()  # due == today here: in id order, via ix_card_due
    return _queue(conn, ids, today, only, "c.due <= ? AND c.last_review = ?", [day, day],
                  "c.due, c.id")


def due_cards(conn: Connection, ids: Sequence[int] | None, today: date,
              limit: int | None, only: Only | None = None) -> list[QueueCard]:
    """Learned cards due today or earlier, not yet answered today; most overdue first."""
    day = today.isoformat()
    return _queue(conn, ids, today, only, "c.due <= ? AND c.last_review < ?", [day, day],
                  "c.due, c.id", limit)


def new_cards(conn: Connection, ids: Sequence[int] | None, limit: int,
              today: date, only: Only | None = None) -> list[QueueCard]:
    return _queue(conn, ids, today, only, "c.last_review IS NULL", [], "c.deck_id, c.id",
                  limit)


def _count(conn: Connection, sql: str, params: Sequence[Any]) -> int:
    return int(conn.execute(sql, tuple(params)).fetchone()[0])


def new_introduced(conn: Connection, ids: Sequence[int] | None, today: date) -> int:
    """New cards answered for the first time on study day `today` (`learn` answers)."""
    if ids is None:
        return _count(conn, "SELECT count(*) FROM review WHERE kind = 'learn' AND "
                      "study_day = ?", [today.isoformat()])
    decks, params = deck_filter(ids)
    return _count(conn, "SELECT count(*) FROM review r JOIN card c ON c.id = r.card_id "
                  f"WHERE r.kind = 'learn' AND r.study_day = ?{decks}",
                  [today.isoformat(), *params])


def next_due(conn: Connection, ids: Sequence[int] | None, after: date) -> date | None:
    decks, params = deck_filter(ids)
    row = conn.execute("SELECT min(c.due) FROM card c WHERE c.due > ? AND NOT c.retired AND "
                       f"NOT c.suspended{decks}", [after.isoformat(), *params]).fetchone()
    return _day(row[0])


def count_new(conn: Connection, ids: Sequence[int] | None) -> int:
    """Active cards never answered (the partial index ix_card_new holds just these)."""
    decks, params = deck_filter(ids)
    return _count(conn, "SELECT count(*) FROM card c WHERE c.last_review IS NULL AND NOT "
                  f"c.retired AND NOT c.suspended{decks}", params)


def count_due_on(conn: Connection, ids: Sequence[int] | None, day: date) -> int:
    decks, params = deck_filter(ids)
    return _count(conn, "SELECT count(*) FROM card c WHERE c.due <= ? AND c.last_review IS "
                  f"NOT NULL AND NOT c.retired AND NOT c.suspended{decks}",
                  [day.isoformat(), *params])


# --- the review log --------------------------------------------------------


def insert_review(conn: Connection, values: dict[str, Any]) -> int:
    names = ", ".join(values)
    marks = ", ".join("?" * len(values))
    cur = conn.execute(f"INSERT INTO review ({names}) VALUES ({marks})",
                       [_sql_value(v) for v in values.values()])
    if cur.lastrowid is None:
        raise StoreError("the answer was not logged")
    return int(cur.lastrowid)


def last_review_row(conn: Connection, card_id: int | None = None) -> Any | None:
    """The newest answer in the log (of one card, or of all)."""
    if card_id is None:
        found = _records(conn, "SELECT * FROM review ORDER BY id DESC LIMIT 1")
    else:
        found = _records(conn, "SELECT * FROM review WHERE card_id = ? ORDER BY id DESC "
                         "LIMIT 1", [card_id])
    return found[0] if found else None


def review_row(conn: Connection, review_id: int) -> Any | None:
    found = _records(conn, "SELECT * FROM review WHERE id = ?", [review_id])
    return found[0] if found else None


def delete_review(conn: Connection, review_id: int) -> None:
    conn.execute("DELETE FROM review WHERE id = ?", (review_id,))


def state_before(row: Any) -> CardState:
    return CardState(row.reps_before, row.ease_before, row.interval_before,
                     _day(row.due_before), bool(row.redrill_before), row.lapses_before,
                     _day(row.last_review_before), row.stability_before,
                     row.difficulty_before)


def card_question(conn: Connection, card_id: int) -> str:
    row = conn.execute("SELECT question FROM card WHERE id = ?", (card_id,)).fetchone()
    return str(row[0]) if row else ""


# --- review sessions -------------------------------------------------------


def queue_card(conn: Connection, card_id: int) -> QueueCard | None:
    """One card as the review session shows it (active or not)."""
    row = conn.execute(f"{_QUEUE_SQL} WHERE c.id = ?", (card_id,)).fetchone()
    return None if row is None else _queue_card(row)


def session_reviews(conn: Connection, session_id: str, since: date) -> list[Any]:
    """A session's answers (grade, kind, new or not, time), found through the study-day
    index: a session never starts before `since`."""
    return _records(conn, "SELECT grade, kind, last_review_before, answer_ms FROM review "
                    "WHERE study_day >= ? AND session_id = ?",  # no ORDER BY: a log scan
                    [since.isoformat(), session_id])


def day_retention(conn: Connection, ids: Sequence[int] | None, day: date) -> tuple[int, int]:
    """(passed, total) over the day's `review` answers (the first of the day to a learned
    card): passed = graded 3 or more."""
    decks, params = deck_filter(ids)
    join = " JOIN card c ON c.id = r.card_id" if ids is not None else ""
    total, passed = conn.execute(
        f"SELECT count(*), coalesce(sum(r.grade >= 3), 0) FROM review r{join} "
        f"WHERE r.kind = 'review' AND r.study_day = ?{decks}",
        [day.isoformat(), *params]).fetchone()
    return int(passed), int(total)
