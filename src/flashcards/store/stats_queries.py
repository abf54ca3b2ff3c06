"""Aggregate queries for progress stats: GROUP BY in SQLite, small results to Python.

Every function takes the deck ids to look at (None: all decks) and returns plain tuples.
Dates travel as ISO strings (the columns hold them as text), so comparisons stay in SQL
and nothing converts a million values. "Active" cards are neither retired nor suspended;
"learned" cards have been answered at least once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from sqlite3 import Connection
from typing import Any

from flashcards.domain.limits import MATURE_DAYS, START_EASE


def status_sql(today: date) -> str:
    """One place for the card states the dashboard counts, `cards` lists and `export
    cards` writes. A leech is a leech whether suspended or only tagged; a card buried
    until a later day is buried today. (`today` is a date of ours: safe inline.)"""
    return f"""CASE
    WHEN c.retired THEN 'retired'
    WHEN c.leech THEN 'leech'
    WHEN c.suspended THEN 'suspended'
    WHEN c.buried_until > '{today.isoformat()}' THEN 'buried'
    WHEN c.last_review IS NULL THEN 'new'
    WHEN c.reps < 2 OR c.redrill THEN 'learning'
    WHEN c.interval < {MATURE_DAYS} THEN 'young'
    ELSE 'mature' END"""
_ACTIVE = "NOT c.retired AND NOT c.suspended"
_LEARNED = f"{_ACTIVE} AND c.last_review IS NOT NULL"


def deck_filter(ids: Sequence[int] | None, column: str = "c.deck_id") -> tuple[str, list[Any]]:
    """An `AND column IN (...)` clause and its parameters; empty for all decks."""
    if ids is None:
        return "", []
    return f" AND {column} IN ({', '.join('?' * len(ids)) or 'NULL'})", list(ids)


def _rows(conn: Connection, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    return conn.execute(sql, tuple(params)).fetchall()


def deck_ids(conn: Connection) -> dict[str, int]:
    """Every deck's id by name, in name order. Raw SQL on the sqlite3 connection, as
    all of stats and export: those commands skip importing SQLAlchemy and SQLModel."""
    return {str(name): int(i) for name, i in _rows(conn, "SELECT name, id FROM deck"
                                                         " ORDER BY name", ())}


def deck_counts(conn: Connection, today: date) -> list[tuple[str, int, int, int]]:
    """Per deck, by name: name, new cards, learned cards due today or earlier, active
    cards (the `decks` list). Each count is read from an index, never the card table
    (100,000 cards: 15 ms, not 200): all cards from UNIQUE (deck_id, key), new ones
    from ix_card_new, due ones from ix_card_due, less the few inactive (retired or
    suspended) cards that ix_card_inactive holds."""
    total = dict(_rows(conn, "SELECT deck_id, count(*) FROM card GROUP BY deck_id", ()))
    new = dict(_rows(conn, "SELECT deck_id, count(*) FROM card WHERE last_review IS NULL "
                     "GROUP BY deck_id", ()))
    due = dict(_rows(conn, f"SELECT deck_id, count(*) FROM card c WHERE c.due <= ? AND "
                     f"{_LEARNED} GROUP BY +deck_id", (today.isoformat(),)))  # + : by due
    off = {deck: (n, fresh) for deck, n, fresh in _rows(
        conn, "SELECT deck_id, count(*), sum(last_review IS NULL) FROM card "
        "WHERE retired OR suspended GROUP BY deck_id", ())}
    return [(name, new.get(i, 0) - off.get(i, (0, 0))[1], due.get(i, 0),
             total.get(i, 0) - off.get(i, (0, 0))[0])
            for i, name in _rows(conn, "SELECT id, name FROM deck ORDER BY name", ())]


def _review_source(ids: Sequence[int] | None) -> tuple[str, list[Any]]:
    """`FROM review r` (joined to its card only when decks are filtered)."""
    if ids is None:
        return "review r WHERE 1", []
    where, params = deck_filter(ids)
    return f"review r JOIN card c ON c.id = r.card_id WHERE 1{where}", params


def day_summary(conn: Connection, ids: Sequence[int] | None, day: date) -> tuple[Any, ...]:
    """Answers on one study day: (reviewed, new learned, tested, passed, answer ms).

    `tested` counts `review` answers (the first of the day to a learned card); `passed`
    those of them graded 3 or more. New learned: `learn` answers (first answers ever).
    """
    source, params = _review_source(ids)
    sql = f"""SELECT COUNT(*),
        COALESCE(SUM(r.kind = 'learn'), 0),
        COALESCE(SUM(r.kind = 'review'), 0),
        COALESCE(SUM(r.kind = 'review' AND r.grade >= 3), 0),
        COALESCE(SUM(r.answer_ms), 0)
        FROM {source} AND r.study_day = ?"""
    return _rows(conn, sql, [*params, day.isoformat()])[0]


def card_mix(conn: Connection, ids: Sequence[int] | None,
             today: date) -> list[tuple[str, int, float, int]]:
    """Cards counted per (state, interval, EF): one scan gives the state counts and both
    histograms (a few thousand groups at most: EF has two decimals)."""
    where, params = deck_filter(ids)
    sql = f"""SELECT {status_sql(today)} AS status, c.interval, c.ease, COUNT(*) FROM card c
        WHERE 1{where} GROUP BY 1, 2, 3"""
    return [(str(s), int(i), float(e), int(n)) for s, i, e, n in _rows(conn, sql, params)]


def due_by_day(conn: Connection, ids: Sequence[int] | None, today: date,
               last: date) -> list[tuple[str, int]]:
    """Learned active cards due on each day up to `last`; overdue cards count on `today`."""
    where, params = deck_filter(ids)
    day = today.isoformat()
    sql = f"""SELECT CASE WHEN c.due < ? THEN ? ELSE c.due END AS day, COUNT(*)
        FROM card c WHERE {_LEARNED} AND c.due <= ?{where} GROUP BY day"""
    return [(str(d), int(n)) for d, n in _rows(conn, sql, [day, day, last.isoformat(), *params])]


def reviews_by_day(conn: Connection, ids: Sequence[int] | None,
                   first: date | None = None) -> list[tuple[str, int]]:
    """Answers per study day (from `first` on, or all), in day order."""
    source, params = _review_source(ids)
    since = ""
    if first is not None:
        since, params = " AND r.study_day >= ?", [*params, first.isoformat()]
    sql = f"SELECT r.study_day, COUNT(*) FROM {source}{since} GROUP BY r.study_day ORDER BY 1"
    return [(str(d), int(n)) for d, n in _rows(conn, sql, params)]


# True retention counts `review` answers (index ix_review_retention, migration 5).
_TESTED = "r.kind = 'review'"


def study_days(conn: Connection, ids: Sequence[int] | None) -> list[str]:
    """Every study day with at least one answer, in order. For all decks this hops from
    day to day through ix_review_study_day (one index seek per day, not a scan of the
    log); for some decks it has to look at their answers."""
    if ids is not None:
        return [d for d, _ in reviews_by_day(conn, ids)]
    sql = """WITH RECURSIVE days(d) AS (
        SELECT MIN(study_day) FROM review
        UNION ALL
        SELECT (SELECT MIN(study_day) FROM review WHERE study_day > days.d)
        FROM days WHERE days.d IS NOT NULL)
        SELECT d FROM days WHERE d IS NOT NULL"""
    return [str(d) for (d,) in _rows(conn, sql, ())]


def retention_by_day(conn: Connection, ids: Sequence[int] | None,
                     first: date) -> list[tuple[str, int, int, int]]:
    """`review` answers from `first` on, counted per (study day, mature, passed):
    mature = interval before >= 21, passed = grade >= 3."""
    params: list[Any] = [first.isoformat()]
    decks = ""
    if ids is not None:
        where, deck_params = deck_filter(ids, "deck_id")
        decks, params = f" AND r.card_id IN (SELECT id FROM card WHERE 1{where})", [
            *params, *deck_params]
    sql = f"""SELECT r.study_day, r.interval_before >= {MATURE_DAYS}, r.grade >= 3, COUNT(*)
        FROM review r WHERE {_TESTED} AND r.study_day >= ?{decks}
        GROUP BY r.study_day, r.interval_before >= {MATURE_DAYS}, r.grade >= 3"""
    return [(str(d), int(m), int(p), int(n)) for d, m, p, n in _rows(conn, sql, params)]


def retention_by_part(conn: Connection, ids: Sequence[int] | None,
                      first: date) -> list[tuple[int, str, int, int]]:
    """(deck id, section or kind, tested, passed) from `first` on, as retention_by_day
    counts them; grouped per card first (from the index alone), then per part."""
    where, params = deck_filter(ids)
    sql = f"""SELECT c.deck_id, COALESCE(c.section, c.kind), SUM(x.n), SUM(x.p)
        FROM (SELECT r.card_id AS card_id, COUNT(*) AS n, SUM(r.grade >= 3) AS p
              FROM review r WHERE {_TESTED} AND r.study_day >= ? GROUP BY r.card_id) x
        JOIN card c ON c.id = x.card_id WHERE 1{where} GROUP BY 1, 2"""
    return [(int(d), str(part), int(n), int(p))
            for d, part, n, p in _rows(conn, sql, [first.isoformat(), *params])]


def cards_by_part(conn: Connection, ids: Sequence[int] | None,
                  today: date) -> list[tuple[Any, ...]]:
    """Per (deck id, deck name, section-or-kind, has section): active cards, due, new,
    learned, sum of EF over learned cards, lapses. Decks without cards give one row."""
    where, params = deck_filter(ids, "d.id")
    sql = f"""SELECT d.id, d.name, COALESCE(c.section, c.kind), MAX(c.section IS NOT NULL),
        COUNT(c.id), COALESCE(SUM(c.last_review IS NOT NULL AND c.due <= ?), 0),
        COALESCE(SUM(c.last_review IS NULL), 0), COALESCE(SUM(c.last_review IS NOT NULL), 0),
        COALESCE(SUM(CASE WHEN c.last_review IS NOT NULL THEN c.ease END), 0),
        COALESCE(SUM(c.lapses), 0)
        FROM deck d LEFT JOIN card c ON c.deck_id = d.id AND {_ACTIVE}
        WHERE 1{where}
        GROUP BY d.id, COALESCE(c.section, c.kind) ORDER BY d.name, MIN(c.id)"""
    return _rows(conn, sql, [today.isoformat(), *params])


def leeches(conn: Connection, ids: Sequence[int] | None, limit: int) -> list[tuple[Any, ...]]:
    """Leeches (suspended or only marked), most lapses first, as `hardest` gives cards."""
    where, params = deck_filter(ids)
    sql = f"""SELECT d.name, c.key, c.question, c.ease, c.lapses, c.interval, c.reps, c.due
        FROM card c JOIN deck d ON d.id = c.deck_id
        WHERE c.leech AND NOT c.retired{where} ORDER BY c.lapses DESC, c.id LIMIT ?"""
    return _rows(conn, sql, [*params, limit])


def hardest(conn: Connection, ids: Sequence[int] | None, limit: int) -> list[tuple[Any, ...]]:
    """Learned active cards with the lowest EF, then the most lapses: (deck, key, question,
    ease, lapses, interval, reps, due). Only cards below the starting EF or with lapses."""
    where, params = deck_filter(ids)
    sql = f"""SELECT d.name, c.key, c.question, c.ease, c.lapses, c.interval, c.reps, c.due
        FROM card c JOIN deck d ON d.id = c.deck_id
        WHERE {_LEARNED} AND (c.ease < {START_EASE} OR c.lapses > 0){where}
        ORDER BY c.ease, c.lapses DESC, c.id LIMIT ?"""
    return _rows(conn, sql, [*params, limit])
