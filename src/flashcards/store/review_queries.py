"""SQL for the service layer's review side (the queue, answers, undo, deck lists), through
SQLAlchemy Core and the SQLModel tables. Imports use import_queries (raw SQL).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    Row,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)

from flashcards.domain import CardState, QueueCard, SourceRef
from flashcards.domain.errors import StoreError
from flashcards.store.models import Card, Deck, Review
from flashcards.store.rows import STATE_COLS as _STATE_COLS
from flashcards.store.rows import like_escaped, state_values

deck_t = Deck.__table__  # type: ignore[attr-defined]
card_t = Card.__table__  # type: ignore[attr-defined]
review_t = Review.__table__  # type: ignore[attr-defined]


def state_of(row: Any) -> CardState:
    return CardState(row.reps, row.ease, row.interval, row.due, bool(row.redrill),
                     row.lapses, row.last_review, row.stability, row.difficulty)


# --- decks -----------------------------------------------------------------


def deck_ids(conn: Connection, names: Sequence[str]) -> dict[str, int]:
    rows = conn.execute(select(deck_t.c.name, deck_t.c.id).where(deck_t.c.name.in_(names)))
    return {name: deck_id for name, deck_id in rows}  # noqa: C416


def all_decks(conn: Connection) -> list[Row[Any]]:
    return list(conn.execute(select(deck_t).order_by(deck_t.c.name)))


# --- cards -----------------------------------------------------------------


def card_state(conn: Connection, card_id: int) -> CardState | None:
    row = conn.execute(select(*(card_t.c[c] for c in _STATE_COLS))
                       .where(card_t.c.id == card_id)).first()
    return None if row is None else state_of(row)


def set_state(conn: Connection, card_id: int, state: CardState) -> None:
    conn.execute(update(card_t).where(card_t.c.id == card_id).values(**state_values(state)))


def set_leech(conn: Connection, card_id: int, leech: bool, suspend: bool) -> None:
    """Mark a card a leech (and suspend it, with `suspend`), or clear the mark (and
    unsuspend it, with `suspend`)."""
    values: dict[str, Any] = {"leech": leech}
    if suspend:
        values["suspended"] = leech
    conn.execute(update(card_t).where(card_t.c.id == card_id).values(**values))


def deck_of(conn: Connection, card_id: int) -> int | None:
    value = conn.execute(select(card_t.c.deck_id).where(card_t.c.id == card_id)).scalar()
    return None if value is None else int(value)


def is_leech(conn: Connection, card_id: int) -> bool:
    return bool(conn.execute(select(card_t.c.leech).where(card_t.c.id == card_id)).scalar())


# --- the review queue ------------------------------------------------------

_QUEUE_COLS = (card_t.c.id, deck_t.c.name, card_t.c.key, card_t.c.kind, card_t.c.question,
               card_t.c.answer, card_t.c.source_file, card_t.c.section, card_t.c.line_start,
               card_t.c.line_end, deck_t.c.deck_file, *(card_t.c[c] for c in _STATE_COLS))


def _queue_card(row: Any) -> QueueCard:
    # Unpacked by position (in _QUEUE_COLS order): three times faster than by name, which
    # matters for the first card of a session with thousands of due reviews.
    (card_id, deck, key, kind, question, answer, file, section, start, end, deck_file,
     reps, ease, interval, due, redrill, lapses, last_review, stability, difficulty) = row
    return QueueCard(card_id, deck, key, kind, question, answer,
                     CardState(reps, ease, interval, due, bool(redrill), lapses, last_review,
                               stability, difficulty),
                     SourceRef(file, section, start, end), deck_file)


@dataclass(frozen=True)
class Only:
    """Review filters: cards with a tag, or in sections whose title holds some text."""

    tag: str | None = None
    section: str | None = None


def _like(text: str) -> str:
    return f"%{like_escaped(text)}%"


def _queue_base(ids: Sequence[int] | None, today: date, only: Only | None = None) -> Any:
    """Active cards (not retired, suspended, or buried until after `today`)."""
    query = (select(*_QUEUE_COLS).select_from(card_t.join(deck_t, card_t.c.deck_id == deck_t.c.id))
             .where(card_t.c.retired.is_(False), card_t.c.suspended.is_(False),
                    or_(card_t.c.buried_until.is_(None), card_t.c.buried_until <= today)))
    if ids is not None:
        query = query.where(card_t.c.deck_id.in_(ids))
    if only is not None and only.tag:
        query = query.where((" " + card_t.c.tags + " ").like(_like(f" {only.tag} "),
                                                               escape="\\"))
    if only is not None and only.section:
        query = query.where(card_t.c.section.like(_like(only.section), escape="\\"))
    return query


def redrill_cards(conn: Connection, ids: Sequence[int] | None, today: date,
                  only: Only | None = None) -> list[QueueCard]:
    """Cards answered today that must come back today (answered 3 or below)."""
    query = _queue_base(ids, today, only).where(
        card_t.c.due <= today, card_t.c.last_review == today
    ).order_by(card_t.c.due, card_t.c.id)  # due == today here: in id order, via ix_card_due
    return [_queue_card(r) for r in conn.execute(query)]


def due_cards(conn: Connection, ids: Sequence[int] | None, today: date,
              limit: int | None, only: Only | None = None) -> list[QueueCard]:
    """Learned cards due today or earlier, not yet answered today; most overdue first."""
    query = _queue_base(ids, today, only).where(
        card_t.c.due <= today, card_t.c.last_review < today
    ).order_by(card_t.c.due, card_t.c.id).limit(limit)
    return [_queue_card(r) for r in conn.execute(query)]


def new_cards(conn: Connection, ids: Sequence[int] | None, limit: int,
              today: date, only: Only | None = None) -> list[QueueCard]:
    query = _queue_base(ids, today, only).where(card_t.c.last_review.is_(None)).order_by(
        card_t.c.deck_id, card_t.c.id).limit(limit)
    return [_queue_card(r) for r in conn.execute(query)]


def new_introduced(conn: Connection, ids: Sequence[int] | None, today: date) -> int:
    """New cards answered for the first time on study day `today` (`learn` answers)."""
    query = select(func.count()).select_from(review_t).where(
        review_t.c.kind == "learn", review_t.c.study_day == today)
    if ids is not None:
        query = query.join(card_t, card_t.c.id == review_t.c.card_id).where(
            card_t.c.deck_id.in_(ids))
    return int(conn.execute(query).scalar_one())


def next_due(conn: Connection, ids: Sequence[int] | None, after: date) -> date | None:
    query = select(func.min(card_t.c.due)).where(
        card_t.c.due > after, card_t.c.retired.is_(False), card_t.c.suspended.is_(False))
    if ids is not None:
        query = query.where(card_t.c.deck_id.in_(ids))
    value = conn.execute(query).scalar()
    return value if isinstance(value, date) else None


def count_new(conn: Connection, ids: Sequence[int] | None) -> int:
    """Active cards never answered (the partial index ix_card_new holds just these)."""
    query = select(func.count()).select_from(card_t).where(
        card_t.c.last_review.is_(None), card_t.c.retired.is_(False),
        card_t.c.suspended.is_(False))
    if ids is not None:
        query = query.where(card_t.c.deck_id.in_(ids))
    return int(conn.execute(query).scalar_one())


def count_due_on(conn: Connection, ids: Sequence[int] | None, day: date) -> int:
    query = select(func.count()).select_from(card_t).where(
        card_t.c.due <= day, card_t.c.last_review.is_not(None),
        card_t.c.retired.is_(False), card_t.c.suspended.is_(False))
    if ids is not None:
        query = query.where(card_t.c.deck_id.in_(ids))
    return int(conn.execute(query).scalar_one())


# --- the review log --------------------------------------------------------


def insert_review(conn: Connection, values: dict[str, Any]) -> int:
    result = conn.execute(insert(review_t).values(**values))
    pk = result.inserted_primary_key
    if pk is None:
        raise StoreError("the answer was not logged")
    return int(pk[0])


def last_review_row(conn: Connection, card_id: int | None = None) -> Row[Any] | None:
    """The newest answer in the log (of one card, or of all)."""
    query = select(review_t)
    if card_id is not None:
        query = query.where(review_t.c.card_id == card_id)
    return conn.execute(query.order_by(review_t.c.id.desc()).limit(1)).first()


def review_row(conn: Connection, review_id: int) -> Row[Any] | None:
    return conn.execute(select(review_t).where(review_t.c.id == review_id)).first()


def delete_review(conn: Connection, review_id: int) -> None:
    conn.execute(delete(review_t).where(review_t.c.id == review_id))


def state_before(row: Any) -> CardState:
    return CardState(row.reps_before, row.ease_before, row.interval_before, row.due_before,
                     bool(row.redrill_before), row.lapses_before, row.last_review_before,
                     row.stability_before, row.difficulty_before)


def card_question(conn: Connection, card_id: int) -> str:
    return str(conn.execute(select(card_t.c.question).where(card_t.c.id == card_id)).scalar())


# --- review sessions -------------------------------------------------------


def queue_card(conn: Connection, card_id: int) -> QueueCard | None:
    """One card as the review session shows it (active or not)."""
    query = (select(*_QUEUE_COLS).select_from(card_t.join(deck_t, card_t.c.deck_id == deck_t.c.id))
             .where(card_t.c.id == card_id))
    row = conn.execute(query).first()
    return None if row is None else _queue_card(row)


def session_reviews(conn: Connection, session_id: str, since: date) -> list[Row[Any]]:
    """A session's answers (grade, kind, new or not, time), found through the study-day
    index: a session never starts before `since`."""
    query = select(review_t.c.grade, review_t.c.kind, review_t.c.last_review_before,
                   review_t.c.answer_ms).where(
        review_t.c.study_day >= since, review_t.c.session_id == session_id)
    return list(conn.execute(query))  # no ORDER BY id: it would make SQLite scan the log


def day_retention(conn: Connection, ids: Sequence[int] | None, day: date) -> tuple[int, int]:
    """(passed, total) over the day's `review` answers (the first of the day to a learned
    card): passed = graded 3 or more."""
    query = select(func.count(), func.coalesce(func.sum((review_t.c.grade >= 3).cast(Integer)),
                                               0)).select_from(review_t).where(
        review_t.c.kind == "review", review_t.c.study_day == day)
    if ids is not None:
        query = query.join(card_t, card_t.c.id == review_t.c.card_id).where(
            card_t.c.deck_id.in_(ids))
    total, passed = conn.execute(query).one()
    return int(passed), int(total)
