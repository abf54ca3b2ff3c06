"""Use cases over the store: import decks, build today's queue, answer, undo.

Plain functions, no Rich and no Typer. Each unit of work is one transaction. Times are
arguments: nothing here reads the clock.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from itertools import chain
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any

from flashcards.domain import (
    NO_SOURCE,
    CardDraft,
    CardState,
    DeckDraft,
    DeckSummary,
    ImportPlan,
    QueueCard,
    ReviewKind,
    SessionSummary,
)
from flashcards.errors import InputError, NotFoundError
from flashcards.scheduler import sm2
from flashcards.text import clean, iso_utc, needs_cleaning

if TYPE_CHECKING:
    import sqlite3

    from flashcards.stats import Stats
    from flashcards.store import Connection, Store


# --- import ----------------------------------------------------------------


def clean_draft(draft: CardDraft) -> CardDraft:
    key, question, answer = clean(draft.key).strip(), clean(draft.question), clean(draft.answer)
    kind = clean(draft.kind)
    tags = draft.tags if all(t.isprintable() for t in draft.tags) else \
        tuple(clean(t) for t in draft.tags)
    if (key is draft.key and question is draft.question and answer is draft.answer
            and kind is draft.kind and tags is draft.tags):
        return draft  # the common case: nothing to strip (clean returns its argument)
    return replace(draft, key=key, question=question, answer=answer, kind=kind, tags=tags)


def _texts(cards: Sequence[CardDraft]) -> Iterator[str]:
    """Every text of the cards that clean_draft cleans."""
    return chain(chain.from_iterable(map(attrgetter("key", "question", "answer", "kind"), cards)),
                 chain.from_iterable(map(attrgetter("tags"), cards)))


_PLACE = ("source_file", "section", "line_start", "line_end")


def _change(row: Any, values: dict[str, Any]) -> str | None:
    """'updated' when the card's text changed (or it comes back from retirement), 'moved'
    when only its place in the article did (an edit above it shifts its lines), else None."""
    changed = {k for k, v in values.items() if getattr(row, k) != v}
    if row.retired or changed - set(_PLACE):
        return "updated"
    return "moved" if changed else None


def _import_one(conn: sqlite3.Connection, deck: DeckDraft, deck_file: str | None,
                now: datetime, prune: bool, dry_run: bool,
                progress: Callable[[int], None] | None) -> ImportPlan:
    from flashcards.store import import_queries as q
    from flashcards.store.rows import draft_values

    now_iso = iso_utc(now)
    if not deck.name.isprintable():  # deck names are untrusted text too
        deck = replace(deck, name=clean(deck.name).strip())
    if not deck.name.strip():
        raise InputError(deck_file or "deck", None, "the deck has no name")
    existing_id = q.deck_id(conn, deck.name)
    plan = ImportPlan(deck.name, deck_is_new=existing_id is None)
    existing = q.cards_by_key(conn, existing_id) if existing_id is not None else {}
    if existing_id is not None and deck_file is not None:
        before = q.deck_file(conn, existing_id)
        plan.previous_file = before if before not in (None, deck_file) else None
    inserts: list[CardDraft] = []  # cleaned drafts; their rows are built chunk by chunk
    updates: list[dict[str, Any]] = []
    seen: set[str] = set()
    cards = deck.cards
    if needs_cleaning(_texts(cards)):
        cards = tuple(map(clean_draft, cards))
    for draft in cards:
        key = draft.key.strip()
        if key is not draft.key:  # str.strip gives back the very string when unchanged
            draft = replace(draft, key=key)
        if key in seen or not key:
            raise InputError(deck_file or deck.name, f"card {len(seen) + 1}",
                             f"duplicate key {key!r}" if key else "empty key")
        seen.add(key)
        row = existing.pop(key, None)
        if row is None:
            plan.added.append(key)
            inserts.append(draft)
            continue
        values = draft_values(draft)
        change = _change(row, values)
        if change is None:
            plan.unchanged.append(key)
            continue
        getattr(plan, change).append(key)
        plan.questions[key] = draft.question
        updates.append({"card_id": row.id, **values, "retired": False, "updated_at": now_iso})
    gone = [row for row in existing.values() if not row.retired]
    plan.questions.update((row.key, row.question) for row in existing.values())
    (plan.pruned if prune else plan.retired).extend(row.key for row in gone)
    if prune:
        plan.pruned.extend(row.key for row in existing.values() if row.retired)
    if dry_run:
        return plan
    deck_id = q.upsert_deck(conn, deck.name, deck.source, deck_file, deck.meta, now_iso)
    _insert(conn, deck_id, inserts, now_iso, progress)
    q.update_cards(conn, updates)
    if prune:
        q.delete_cards(conn, [row.id for row in existing.values()])
    else:
        q.set_retired(conn, [row.id for row in gone], now_iso)
    return plan


_CHUNK = 5_000
_BARE = ("key", "kind", "question", "answer", "tags", "deck_id", "created_at", "updated_at")


def _insert(conn: sqlite3.Connection, deck_id: int, inserts: list[CardDraft], now_iso: str,
            progress: Callable[[int], None] | None) -> None:
    from flashcards.store import import_queries as q
    from flashcards.store.rows import draft_values, review_values, state_values

    with_history: list[CardDraft] = []
    fresh = {**state_values(CardState()), "deck_id": deck_id, "created_at": now_iso,
             "updated_at": now_iso}
    for start in range(0, len(inserts), _CHUNK):
        chunk = inserts[start:start + _CHUNK]
        if all(d.state is None and (d.source is NO_SOURCE or d.source == NO_SOURCE)
               for d in chunk):
            # New cards with no source (CSV, Anki): fewer columns, a quarter faster; the
            # table's defaults are CardState()'s (tests/test_import.py checks they agree).
            q.insert_cards(conn, _BARE, [(d.key, d.kind, d.question, d.answer, " ".join(d.tags),
                                          deck_id, now_iso, now_iso) for d in chunk])
        else:
            rows = [{**draft_values(d), **fresh, **state_values(d.state)}
                    if d.state is not None else {**draft_values(d), **fresh} for d in chunk]
            cols = (*draft_values(chunk[0]), *fresh)
            q.insert_cards(conn, cols, map(itemgetter(*cols), rows))
        with_history += [d for d in chunk if d.history]
        if progress:
            progress(len(chunk))
    if with_history:
        ids = q.cards_by_key(conn, deck_id)
        q.insert_reviews(conn, [
            {"card_id": ids[d.key].id, "reviewed_at": iso_utc(h.reviewed_at),
             "study_day": h.study_day, "grade": h.grade, "kind": str(h.kind),
             "answer_ms": h.answer_ms, "session_id": "import",
             **review_values(h.before, h.after)}
            for d in with_history for h in d.history
        ])


def import_decks(store: Store, decks: Sequence[tuple[DeckDraft, str | None]], now: datetime,
                 *, prune: bool = False, dry_run: bool = False,
                 progress: Callable[[int], None] | None = None) -> list[ImportPlan]:
    """Import decks (each with the file it came from) in one transaction: all or nothing."""
    if dry_run:
        with store.raw_read() as conn:
            return [_import_one(conn, d, f, now, prune, True, None) for d, f in decks]
    with store.raw_write() as conn:
        return [_import_one(conn, d, f, now, prune, False, progress) for d, f in decks]


# --- decks -----------------------------------------------------------------


def deck_summaries(store: Store, today: date) -> list[DeckSummary]:
    from flashcards.store import queries as q

    with store.read() as conn:
        return [DeckSummary(r.name, int(r.new), int(r.due), int(r.total))
                for r in q.deck_counts(conn, today)]


def resolve_decks(conn: Connection, names: Sequence[str]) -> list[int] | None:
    """Deck ids for the names given; None (all decks) when no name is given."""
    from flashcards.store import queries as q

    if not names:
        return None
    found = q.deck_ids(conn, list(names))
    missing = [n for n in names if n not in found]
    if missing:
        known = ", ".join(r.name for r in q.all_decks(conn)) or "none yet"
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
                limit: int | None = None) -> Queue:
    """Today's cards: redrills first, then due reviews (most overdue first), then new
    cards up to what is left of the daily limit after those already introduced today."""
    from flashcards.store import queries as q

    with store.read() as conn:
        ids = resolve_decks(conn, decks)
        redrill = q.redrill_cards(conn, ids, today)
        left = None if limit is None else max(0, limit - len(redrill))
        due = q.due_cards(conn, ids, today, left)
        introduced = q.new_introduced(conn, ids, today)
        new_limit = max(0, new_per_day - introduced)
        if limit is not None:
            new_limit = min(new_limit, max(0, limit - len(redrill) - len(due)))
        new = q.new_cards(conn, ids, new_limit) if new_limit else []
    if limit is not None:
        redrill = redrill[:limit]
    return Queue(redrill, due, new, introduced)


def next_due_day(store: Store, decks: Sequence[str], after: date) -> date | None:
    from flashcards.store import queries as q

    with store.read() as conn:
        return q.next_due(conn, resolve_decks(conn, decks), after)


def due_count(store: Store, decks: Sequence[str], day: date) -> int:
    """Learned cards due on or before `day`."""
    from flashcards.store import queries as q

    with store.read() as conn:
        return q.count_due_on(conn, resolve_decks(conn, decks), day)


# --- answering -------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    review_id: int
    card_id: int
    kind: ReviewKind
    before: CardState
    after: CardState


def answer(store: Store, card_id: int, grade: int, now: datetime, today: date, *,
           session_id: str | None = None, answer_ms: int | None = None) -> Answer:
    """Record one answer: the review row and the card's new state, in one transaction."""
    from flashcards.store import queries as q
    from flashcards.store.rows import review_values

    with store.write() as conn:
        before = q.card_state(conn, card_id)
        if before is None:
            raise NotFoundError(f"no card with id {card_id}")
        kind = sm2.review_kind(before, today)
        after = sm2.review(before, grade, today)
        review_id = q.insert_review(conn, {
            "card_id": card_id, "reviewed_at": iso_utc(now), "study_day": today,
            "grade": grade, "kind": str(kind), "answer_ms": answer_ms,
            "session_id": session_id, **review_values(before, after),
        })
        q.set_state(conn, card_id, after)
    return Answer(review_id, card_id, kind, before, after)


@dataclass(frozen=True)
class Undone:
    card_id: int
    grade: int
    question: str
    restored: CardState


def undo_last(store: Store, session_id: str | None = None) -> Undone | None:
    """Remove the last answer (of a session, or of all) and restore the state before it."""
    from flashcards.store import queries as q

    with store.write() as conn:
        row = q.last_review_row(conn, session_id)
        if row is None:
            return None
        restored = q.state_before(row)
        q.set_state(conn, row.card_id, restored)
        q.delete_review(conn, row.id)
        question = q.card_question(conn, row.card_id)
    return Undone(row.card_id, row.grade, question, restored)


# --- review sessions -------------------------------------------------------


def queue_card(store: Store, card_id: int) -> QueueCard | None:
    """One card with its deck, text, state and source, as a review session shows it."""
    from flashcards.store import queries as q

    with store.read() as conn:
        return q.queue_card(conn, card_id)


def session_summary(store: Store, decks: Sequence[str], session_id: str, since: date,
                    today: date) -> SessionSummary:
    """What a review session did, read back from the review log, and what comes next."""
    from datetime import timedelta

    from flashcards.store import queries as q

    with store.read() as conn:
        ids = resolve_decks(conn, decks)
        rows = q.session_reviews(conn, session_id, since)
        retained, total = q.day_retention(conn, ids, today)
        due_now = q.count_due_on(conn, ids, today)
        tomorrow = q.count_due_on(conn, ids, today + timedelta(days=1))
        nxt = q.next_due(conn, ids, today)
        waiting = q.count_new(conn, ids)
    grades = {g: sum(1 for r in rows if r.grade == g) for g in range(6)}
    new = sum(1 for r in rows if r.last_review_before is None and r.kind == "scheduled")
    return SessionSummary(len(rows), new, grades, sum(r.answer_ms or 0 for r in rows),
                          retained, total, due_now, tomorrow, nxt, waiting)


def deck_names(store: Store) -> list[str]:
    """The names of all decks (cheap: does not count cards)."""
    from flashcards.store import queries as q

    with store.read() as conn:
        return [r.name for r in q.all_decks(conn)]


# --- stats and export ------------------------------------------------------


def _deck_ids(conn: sqlite3.Connection, names: Sequence[str]) -> list[int] | None:
    """As resolve_decks, in raw SQL (stats and export skip SQLAlchemy: they start faster)."""
    from flashcards.store import stats_queries as sq

    if not names:
        return None
    known = sq.deck_ids(conn)
    missing = [n for n in names if n not in known]
    if missing:
        raise NotFoundError(f"no deck named {missing[0]!r} (decks: "
                            f"{', '.join(known) or 'none yet'})")
    return [known[n] for n in names]


def progress(store: Store, decks: Sequence[str], today: date, *, days: int) -> Stats:
    """The progress dashboard's figures (stats.py) for some decks, or all."""
    from flashcards import stats

    with store.raw_read() as conn:
        ids = _deck_ids(conn, decks)
        return stats.collect(conn, ids, list(decks) or None, today, days)


@contextmanager
def export_rows(store: Store, what: str, decks: Sequence[str], since: date | None
                ) -> Iterator[tuple[tuple[str, ...], Generator[list[tuple[Any, ...]]]]]:
    """Columns and batches of rows of `reviews` or `cards`, streamed from one read snapshot.
    Deck names are checked before the first row."""
    from flashcards.store import export_queries as eq

    with store.raw_read() as conn:
        ids = _deck_ids(conn, decks)
        if what == "reviews":
            columns, batches = eq.REVIEW_COLUMNS, eq.review_batches(conn, ids, since)
        else:
            columns, batches = eq.CARD_COLUMNS, eq.card_batches(conn, ids, since)
        try:
            yield columns, batches
        finally:
            batches.close()  # the cursor goes before the connection does


@contextmanager
def export_review_csv(store: Store, decks: Sequence[str], since: date | None
                      ) -> Iterator[tuple[tuple[str, ...], Generator[Any]]]:
    """Like export_rows("reviews"), in the compact shape formats.export.write_review_csv
    takes (the CSV fast path)."""
    from flashcards.store import export_queries as eq

    with store.raw_read() as conn:
        batches = eq.review_csv_batches(conn, _deck_ids(conn, decks), since)
        try:
            yield eq.REVIEW_COLUMNS, batches
        finally:
            batches.close()


def export_decks(store: Store, decks: Sequence[str]) -> list[tuple[DeckDraft, str | None]]:
    """Decks as drafts (current cards, no progress) with the file each came from."""
    from flashcards.store import export_queries as eq

    with store.raw_read() as conn:
        return eq.deck_drafts(conn, _deck_ids(conn, decks))
