"""Streaming reads for export: rows in batches straight from SQLite's cursor.

A million reviews never sit in memory at once: the DB-API cursor steps through the result
and `fetchmany` hands out a batch at a time (plain tuples: no ORM objects, no date
parsing; dates stay ISO text as stored). The caller's read transaction keeps the snapshot.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Generator, Sequence
from datetime import date
from typing import Any

from flashcards.domain import CardDraft, DeckDraft, SourceRef
from flashcards.store.stats_queries import deck_filter, status_sql

BATCH = 2_000

REVIEW_COLUMNS: tuple[str, ...] = (
    "review_id", "reviewed_at", "study_day", "deck", "card_key", "question", "grade", "kind",
    "reps_before", "ease_before", "interval_before", "due_before",
    "reps_after", "ease_after", "interval_after", "due_after", "answer_ms", "scheduler",
    "session_id",
)
_REVIEW_SQL = """SELECT r.id, r.reviewed_at, r.study_day, d.name, c.key, c.question, r.grade,
    r.kind, r.reps_before, r.ease_before, r.interval_before, r.due_before,
    r.reps_after, r.ease_after, r.interval_after, r.due_after, r.answer_ms, r.scheduler,
    r.session_id
    FROM review r JOIN card c ON c.id = r.card_id JOIN deck d ON d.id = c.deck_id
    WHERE 1{where} ORDER BY r.id"""

CARD_COLUMNS: tuple[str, ...] = (
    "deck", "card_key", "kind", "section", "question", "answer", "tags", "status",
    "reps", "ease", "interval", "due", "last_review", "lapses", "reviews", "last_grade",
)
_CARD_SQL = """SELECT d.name, c.key, c.kind, c.section, c.question, c.answer, c.tags,
    {status}, c.reps, c.ease, c.interval, c.due, c.last_review, c.lapses,
    COALESCE(a.n, 0), r.grade
    FROM card c JOIN deck d ON d.id = c.deck_id
    LEFT JOIN (SELECT card_id, COUNT(*) AS n, MAX(id) AS last_id FROM review
               GROUP BY card_id) a ON a.card_id = c.id
    LEFT JOIN review r ON r.id = a.last_id
    WHERE 1{where} ORDER BY d.name, c.id"""


def _batches(conn: sqlite3.Connection, sql: str, params: Sequence[Any],
             size: int) -> Generator[list[tuple[Any, ...]]]:
    cur = conn.cursor()
    try:
        cur.execute(sql, tuple(params))
        while batch := cur.fetchmany(size):
            yield batch
    finally:
        cur.close()


def review_batches(conn: sqlite3.Connection, ids: Sequence[int] | None, since: date | None,
                   size: int = BATCH) -> Generator[list[tuple[Any, ...]]]:
    """The review log in answer order, one tuple per answer (REVIEW_COLUMNS)."""
    where, params = deck_filter(ids)
    if since is not None:
        where, params = where + " AND r.study_day >= ?", [*params, since.isoformat()]
    return _batches(conn, _REVIEW_SQL.format(where=where), params, size)


# The CSV fast path: SQLite formats the cells that never need quoting (numbers, ISO dates
# and times, the review kind) into two comma-separated segments, one printf each, so
# Python handles four values per answer instead of eighteen. `%!.15g` is how SQLite turns
# a REAL into text (EF has two decimals: the same digits as Python's repr). The three text
# cells of each card come once per card.
_REVIEW_CSV_SQL = """SELECT printf('%d,%s,%s', r.id, r.reviewed_at, r.study_day), r.card_id,
    printf('%d,%s,%d,%!.15g,%d,%s,%d,%!.15g,%d,%s,%s,%s', r.grade, r.kind, r.reps_before,
           r.ease_before, r.interval_before, IFNULL(r.due_before, ''), r.reps_after,
           r.ease_after, r.interval_after, IFNULL(r.due_after, ''), IFNULL(r.answer_ms, ''),
           r.scheduler),
    r.session_id
    FROM review r{join} WHERE 1{where} ORDER BY r.id"""
# (segment before the card: review_id..study_day; card_id; segment after:
# grade..scheduler; session_id), and the text cells of cards first seen in the batch:
# (card_id, deck, key, question).
CsvBatch = tuple[list[tuple[int, str, str, str]], list[tuple[str, int, str, str | None]]]


def review_csv_batches(conn: sqlite3.Connection, ids: Sequence[int] | None, since: date | None,
                       size: int = BATCH) -> Generator[CsvBatch]:
    """The review log as review_batches, in the compact shape of the CSV fast path."""
    where, params = deck_filter(ids)
    join = " JOIN card c ON c.id = r.card_id" if ids is not None else ""
    if since is not None:
        where, params = where + " AND r.study_day >= ?", [*params, since.isoformat()]
    seen: set[int] = set()
    for batch in _batches(conn, _REVIEW_CSV_SQL.format(join=join, where=where), params, size):
        new = sorted({row[1] for row in batch} - seen)
        seen.update(new)
        yield _card_texts(conn, new), batch


def _card_texts(conn: sqlite3.Connection, card_ids: list[int]) -> list[tuple[int, str, str, str]]:
    """Deck, key and question of these cards, in at most 999 variables a statement (the
    limit of SQLite before 3.32)."""
    found: list[tuple[int, str, str, str]] = []
    for start in range(0, len(card_ids), 999):
        chunk = card_ids[start:start + 999]
        found += conn.execute("SELECT c.id, d.name, c.key, c.question FROM card c JOIN deck d"
                              f" ON d.id = c.deck_id WHERE c.id IN ({', '.join('?' * len(chunk))})",
                              chunk).fetchall()
    return found


def card_batches(conn: sqlite3.Connection, ids: Sequence[int] | None, since: date | None,
                 today: date, size: int = BATCH) -> Generator[list[tuple[Any, ...]]]:
    """Every card with its state and counts (CARD_COLUMNS), by deck name then card id."""
    where, params = deck_filter(ids)
    if since is not None:
        where, params = where + " AND c.last_review >= ?", [*params, since.isoformat()]
    return _batches(conn, _CARD_SQL.format(where=where, status=status_sql(today)), params,
                    size)


def deck_drafts(conn: sqlite3.Connection, ids: Sequence[int] | None
                ) -> list[tuple[DeckDraft, str | None]]:
    """Each deck with its current (not retired) cards in their stored order, as drafts,
    with the file it was last imported from."""
    where, params = deck_filter(ids, "id")
    decks = conn.execute(
        f"SELECT id, name, source, meta, deck_file FROM deck WHERE 1{where} ORDER BY name",
        tuple(params)).fetchall()
    out = []
    for deck_id, name, source, meta, deck_file in decks:
        rows = conn.execute(
            "SELECT key, kind, question, answer, tags, source_file, section, line_start,"
            " line_end FROM card WHERE deck_id = ? AND NOT retired ORDER BY id", (deck_id,))
        cards = tuple(
            CardDraft(key=key, question=question, answer=answer, kind=kind,
                      tags=tuple(tags.split()),
                      source=SourceRef(source_file, section, line_start, line_end))
            for key, kind, question, answer, tags, source_file, section, line_start, line_end
            in rows)
        loaded = json.loads(meta or "{}")
        meta_dict = {str(k): str(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {}
        out.append((DeckDraft(str(name), cards, source, meta_dict), deck_file))
    return out
