"""Reviewing: deck lists, today's queue, answering, undo, a session's summary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from flashcards.domain import CardState, QueueCard, ReviewKind
from flashcards.domain.days import iso_utc
from flashcards.domain.errors import ConflictError, NotFoundError
from flashcards.domain.reports import SessionSummary
from flashcards.scheduler import fsrs, sm2
from flashcards.scheduler.exam import Exam, cap

if TYPE_CHECKING:
    from flashcards.store import RawConnection as Connection
    from flashcards.store import Store


# --- decks -----------------------------------------------------------------


def resolve_decks(conn: Connection, names: Sequence[str]) -> list[int] | None:
    """Deck ids for the names given; None (all decks) when no name is given."""
    from flashcards.store import review_queries as q

    if not names:
        return None
    found = q.deck_ids(conn, list(names))
    missing = [n for n in names if n not in found]
    if missing:
        known = ", ".join(q.deck_names(conn)) or "none yet"
        raise NotFoundError(f"no deck named {missing[0]!r} (decks: {known})")
    return [found[n] for n in names]


# --- the queue -------------------------------------------------------------


@dataclass(frozen=True)
class Queue:
    redrill: list[QueueCard]
    due: list[QueueCard]
    new: list[QueueCard]
    new_today: int  # new cards already introduced today, before this queue

    @property
    def cards(self) -> list[QueueCard]:
        return [*self.redrill, *self.due, *self.new]


def build_queue(store: Store, decks: Sequence[str], today: date, *, new_per_day: int,
                limit: int | None = None, tag: str | None = None,
                section: str | None = None) -> Queue:
    """Today's cards: redrills first, then due reviews (most overdue first), then new
    cards up to what is left of the daily limit after those already introduced today.
    `tag` and `section` narrow it to cards with that tag, or in sections whose title
    holds that text; the daily new-card limit counts every new card seen today."""
    from flashcards.store import review_queries as q

    only = q.Only(tag, section) if tag or section else None
    with store.raw_read() as conn:
        ids = resolve_decks(conn, decks)
        redrill = q.redrill_cards(conn, ids, today, only)
        left = None if limit is None else max(0, limit - len(redrill))
        due = q.due_cards(conn, ids, today, left, only)
        introduced = q.new_introduced(conn, ids, today)
        new_limit = max(0, new_per_day - introduced)
        if limit is not None:
            new_limit = min(new_limit, max(0, limit - len(redrill) - len(due)))
        new = q.new_cards(conn, ids, new_limit, today, only) if new_limit else []
    if limit is not None:
        redrill = redrill[:limit]
    return Queue(redrill, due, new, introduced)


def next_due_day(store: Store, decks: Sequence[str], after: date) -> date | None:
    from flashcards.store import review_queries as q

    with store.raw_read() as conn:
        return q.next_due(conn, resolve_decks(conn, decks), after)


def new_remaining(store: Store, decks: Sequence[str]) -> int:
    """Active cards never answered yet, in these decks (all when none named)."""
    from flashcards.store import review_queries as q

    with store.raw_read() as conn:
        return q.count_new(conn, resolve_decks(conn, decks))


def exam_rule(store: Store, exam: Exam, decks: Sequence[str]) -> ExamRule:
    """The exam rule for these decks (all when none named); unknown names are errors."""
    with store.raw_read() as conn:
        ids = resolve_decks(conn, decks)
    return ExamRule(exam, None if ids is None else frozenset(ids))


def due_count(store: Store, decks: Sequence[str], day: date) -> int:
    """Learned cards due on or before `day`."""
    from flashcards.store import review_queries as q

    with store.raw_read() as conn:
        return q.count_due_on(conn, resolve_decks(conn, decks), day)


# --- answering -------------------------------------------------------------


@dataclass(frozen=True)
class LeechRule:
    """A card that lapses `threshold` times is a leech: marked, and with `suspend`
    suspended (settings leech_threshold and leech_action, as Anki's)."""

    threshold: int = 8
    suspend: bool = True


@dataclass(frozen=True)
class Answer:
    review_id: int
    card_id: int
    kind: ReviewKind
    before: CardState
    after: CardState
    leech: bool = False  # this answer made the card a leech
    suspended: bool = False  # ... and suspended it


@dataclass(frozen=True)
class ExamRule:
    """Exam-date mode (settings exam_date, exam_final_days, exam_decks): answers in these
    decks (None: all) are never scheduled past the exam (scheduler.exam.cap)."""

    exam: Exam
    deck_ids: frozenset[int] | None = None


@dataclass(frozen=True)
class Scheduling:
    """Which scheduler sets due days (settings scheduler), and the FSRS model, whose
    memory states are kept up to date under SM-2 too; without a model (SM-2 only) an
    answer leaves the card's memory state unknown, to be read from its log."""

    name: str = "sm2"  # sm2 | fsrs
    model: fsrs.Fsrs | None = None

    def review(self, before: CardState, grade: int,
               today: date) -> tuple[CardState, ReviewKind]:
        if self.name == "fsrs" and self.model is not None:
            return fsrs.review(before, grade, today, self.model)
        after, kind = sm2.review(before, grade, today)
        stability, difficulty = (None, None) if self.model is None \
            else fsrs.remember(before, grade, today, self.model)
        return CardState(after.repetitions, after.ease, after.interval, after.due,
                         after.redrill, after.lapses, after.last_review, stability,
                         difficulty), kind


SM2 = Scheduling()


def answer(store: Store, card_id: int, grade: int, now: datetime, today: date, *,
           session_id: str | None = None, answer_ms: int | None = None,
           leech: LeechRule | None = None, exam: ExamRule | None = None,
           scheduling: Scheduling = SM2) -> Answer:
    """Record one answer: the review row and the card's new state, in one transaction;
    the lapse that reaches the leech threshold marks the card in the same one."""
    from flashcards.store import review_queries as q
    from flashcards.store.rows import review_values

    with store.raw_write() as conn:
        before = q.card_state(conn, card_id)
        if before is None:
            raise NotFoundError(f"no card with id {card_id}")
        after, kind = scheduling.review(before, grade, today)
        if exam is not None and (exam.deck_ids is None
                                 or q.deck_of(conn, card_id) in exam.deck_ids):
            after = cap(after, today, exam.exam, card_id)
        review_id = q.insert_review(conn, {
            "card_id": card_id, "reviewed_at": iso_utc(now), "study_day": today,
            "grade": grade, "kind": str(kind), "answer_ms": answer_ms,
            "session_id": session_id, "scheduler": scheduling.name,
            **review_values(before, after),
        })
        q.set_state(conn, card_id, after)
        made_leech = suspended = False
        if leech is not None and before.lapses < leech.threshold <= after.lapses:
            q.set_leech(conn, card_id, True, leech.suspend)
            made_leech, suspended = True, leech.suspend
    return Answer(review_id, card_id, kind, before, after, made_leech, suspended)


@dataclass(frozen=True)
class Undone:
    review_id: int
    card_id: int
    grade: int
    question: str
    restored: CardState


def undo_answer(store: Store, review_id: int, leech: LeechRule | None = None) -> Undone:
    """Undo exactly this answer: remove it from the log and restore the card's state
    before it, in one transaction. Refused, changing nothing, when the answer is gone
    (undone by another process, or its card deleted by a re-import with --prune) or when
    the card was answered again since (only a card's last answer can be undone)."""
    from flashcards.store import review_queries as q

    with store.raw_write() as conn:
        row = q.review_row(conn, review_id)
        if row is None:
            raise ConflictError("that answer is no longer in the store (undone elsewhere, "
                                "or its card was deleted): nothing was undone")
        return _undo(conn, row, leech)


def undo_last(store: Store, leech: LeechRule | None = None) -> Undone | None:
    """Undo the last answer in the store (of any session); None when there is none."""
    from flashcards.store import review_queries as q

    with store.raw_write() as conn:
        row = q.last_review_row(conn)
        return None if row is None else _undo(conn, row, leech)


def _undo(conn: Connection, row: Any, leech: LeechRule | None = None) -> Undone:
    from flashcards.store import review_queries as q

    latest = q.last_review_row(conn, card_id=row.card_id)
    if latest is None or latest.id != row.id:
        raise ConflictError("that card was answered again since (in another session): "
                            "nothing was undone")
    restored = q.state_before(row)
    q.set_state(conn, row.card_id, restored)
    q.delete_review(conn, row.id)
    if leech is not None and restored.lapses < leech.threshold <= row.lapses_after \
            and q.is_leech(conn, row.card_id):  # the answer that made it a leech
        q.set_leech(conn, row.card_id, False, leech.suspend)
    return Undone(row.id, row.card_id, row.grade, q.card_question(conn, row.card_id), restored)


# --- review sessions -------------------------------------------------------


def queue_card(store: Store, card_id: int) -> QueueCard | None:
    """One card with its deck, text, state and source, as a review session shows it."""
    from flashcards.store import review_queries as q

    with store.raw_read() as conn:
        return q.queue_card(conn, card_id)


def session_summary(store: Store, decks: Sequence[str], session_id: str, since: date,
                    today: date) -> SessionSummary:
    """What a review session did, read back from the review log, and what comes next."""
    from datetime import timedelta

    from flashcards.store import review_queries as q

    with store.raw_read() as conn:
        ids = resolve_decks(conn, decks)
        rows = q.session_reviews(conn, session_id, since)
        retained, total = q.day_retention(conn, ids, today)
        due_now = q.count_due_on(conn, ids, today)
        tomorrow = q.count_due_on(conn, ids, today + timedelta(days=1))
        nxt = q.next_due(conn, ids, today)
        waiting = q.count_new(conn, ids)
    grades = {g: sum(1 for r in rows if r.grade == g) for g in range(6)}
    new = sum(1 for r in rows if r.kind == ReviewKind.LEARN)
    return SessionSummary(len(rows), new, grades, sum(r.answer_ms or 0 for r in rows),
                          retained, total, due_now, tomorrow, nxt, waiting)


def deck_names(store: Store) -> list[str]:
    """The names of all decks (cheap: does not count cards)."""
    from flashcards.store import review_queries as q

    with store.raw_read() as conn:
        return q.deck_names(conn)


