"""Importing decks: each deck's plan (added, updated, unchanged, moved, retired, pruned)
and its writes, all decks in one transaction. Raw SQL (store.import_queries)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from itertools import chain
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any

from flashcards.domain import NO_SOURCE, CardDraft, CardState, DeckDraft, Duplicates
from flashcards.domain.days import iso_utc
from flashcards.domain.errors import InputError
from flashcards.domain.reports import ImportPlan
from flashcards.domain.text import clean, needs_cleaning, search_text

if TYPE_CHECKING:
    from flashcards.store import RawConnection, Store


def clean_draft(draft: CardDraft) -> CardDraft:
    key, question, answer = clean(draft.key).strip(), clean(draft.question), clean(draft.answer)
    kind = clean(draft.kind)
    tags = draft.tags if all(t.isprintable() for t in draft.tags) else \
        tuple(clean(t) for t in draft.tags)
    if (key is draft.key and question is draft.question and answer is draft.answer
            and kind is draft.kind and tags is draft.tags):
        return draft  # the common case: nothing to strip (clean returns its argument)
    return draft._replace(key=key, question=question, answer=answer, kind=kind, tags=tags)


def _texts(cards: Sequence[CardDraft]) -> Iterator[str]:
    """Every text of the cards that clean_draft cleans."""
    return chain(chain.from_iterable(map(attrgetter("key", "question", "answer", "kind"), cards)),
                 chain.from_iterable(map(attrgetter("tags"), cards)))


def _chunks(deck: DeckDraft, plan: ImportPlan) -> Iterator[tuple[CardDraft, ...]]:
    """The deck's cards: all at once, or as a streamed file's chunks come (its last item,
    the file's repeated rows, goes into the plan)."""
    yield deck.cards
    for part in deck.later or ():
        if isinstance(part, Duplicates):
            plan.duplicates = part
        else:
            yield part


_PLACE = ("source_file", "section", "line_start", "line_end")


def _change(row: Any, values: dict[str, Any]) -> str | None:
    """'updated' when the card's text changed (or it comes back from retirement), 'moved'
    when only its place in the article did (an edit above it shifts its lines), else None."""
    changed = {k for k, v in values.items() if getattr(row, k) != v}
    if row.retired or changed - set(_PLACE):
        return "updated"
    return "moved" if changed else None


def _import_one(conn: RawConnection, deck: DeckDraft, deck_file: str | None,
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
    plan = ImportPlan(deck.name, deck_is_new=existing_id is None, duplicates=deck.duplicates)
    existing = q.cards_by_key(conn, existing_id) if existing_id is not None else {}
    if existing_id is not None and deck_file is not None:
        before = q.deck_file(conn, existing_id)
        plan.previous_file = before if before not in (None, deck_file) else None
    inserts: list[CardDraft] = []  # cleaned drafts; their rows are built chunk by chunk
    updates: list[dict[str, Any]] = []
    seen: set[str] = set()
    deck_id = None  # set now for a new deck read in chunks: each chunk is written at once
    if deck.later is not None and existing_id is None and not dry_run:
        deck_id = q.upsert_deck(conn, deck.name, deck.source, deck_file, deck.meta, now_iso)
    for cards in _chunks(deck, plan):
        if needs_cleaning(_texts(cards)):
            cards = tuple(map(clean_draft, cards))
        for draft in cards:
            key = draft.key.strip()
            if key is not draft.key:  # str.strip gives back the very string when unchanged
                draft = draft._replace(key=key)
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
            updates.append({"card_id": row.id, **values, "retired": False,
                            "updated_at": now_iso, "search": search_text(
                                draft.question, draft.answer, values["tags"])})
        if deck_id is not None:
            _insert(conn, deck_id, inserts, now_iso, progress)
            inserts.clear()
    gone = [row for row in existing.values() if not row.retired]
    plan.questions.update((row.key, row.question) for row in existing.values())
    (plan.pruned if prune else plan.retired).extend(row.key for row in gone)
    if prune:
        plan.pruned.extend(row.key for row in existing.values() if row.retired)
    if dry_run:
        return plan
    if deck_id is None:
        deck_id = q.upsert_deck(conn, deck.name, deck.source, deck_file, deck.meta, now_iso)
    _insert(conn, deck_id, inserts, now_iso, progress)
    q.update_cards(conn, updates)
    if prune:
        q.delete_cards(conn, [row.id for row in existing.values()])
    else:
        q.set_retired(conn, [row.id for row in gone], now_iso)
    return plan


_CHUNK = 5_000
_BARE = ("key", "kind", "question", "answer", "tags", "deck_id", "created_at", "updated_at",
         "search")


def _insert(conn: RawConnection, deck_id: int, inserts: list[CardDraft], now_iso: str,
            progress: Callable[[int], None] | None) -> None:
    from flashcards.store import import_queries as q
    from flashcards.store.rows import draft_values, review_values, state_values

    with_history: list[CardDraft] = []
    fresh = {**state_values(CardState()), "deck_id": deck_id, "created_at": now_iso,
             "updated_at": now_iso}
    for start in range(0, len(inserts), _CHUNK):
        chunk = inserts[start:start + _CHUNK]
        if all(d.state is None and not d.suspended
               and (d.source is NO_SOURCE or d.source == NO_SOURCE) for d in chunk):
            # New cards with no source (CSV, Anki): fewer columns, a quarter faster; the
            # table's defaults are CardState()'s (tests/test_import.py checks they agree).
            q.insert_cards(conn, _BARE, [
                (d.key, d.kind, d.question, d.answer, tags, deck_id, now_iso, now_iso,
                 search_text(d.question, d.answer, tags))
                for d in chunk for tags in (" ".join(d.tags),)])
        else:
            rows = [{**draft_values(d), **fresh, **state_values(d.state)}
                    if d.state is not None else {**draft_values(d), **fresh} for d in chunk]
            for row, draft in zip(rows, chunk, strict=True):
                row["search"] = search_text(row["question"], row["answer"], row["tags"])
                row["suspended"] = draft.suspended
            cols = (*draft_values(chunk[0]), *fresh, "search", "suspended")
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


