"""The student's control of their cards: find and list them, suspend and unsuspend,
bury for the day, count what is due. Raw SQL (store.card_queries), one transaction per
change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from flashcards.domain.days import iso_utc
from flashcards.domain.errors import FlashcardsError, NotFoundError
from flashcards.domain.listing import CardRow, DeckSummary, DueSummary
from flashcards.service.reports import deck_ids_of

if TYPE_CHECKING:
    from flashcards.store import RawConnection, Store
    from flashcards.store.card_queries import Filters


def deck_summaries(store: Store, today: date) -> list[DeckSummary]:
    """Every deck's counts, by name: new, due, total (stats_queries.deck_counts)."""
    from flashcards.store import stats_queries as sq

    with store.raw_read() as conn:
        return [DeckSummary(str(name), int(new), int(due), int(total))
                for name, new, due, total in sq.deck_counts(conn, today)]


def _row(raw: tuple[Any, ...]) -> CardRow:
    deck, key, question, answer, tags, state, due, ease, interval, reps, lapses, section, \
        source, leech, _ = raw
    tag_list = tuple(tags.split()) + (("leech",) if leech else ())
    return CardRow(deck, key, question, answer, tag_list, state,
                   date.fromisoformat(due) if due else None, ease, interval, reps, lapses,
                   section, source)


def list_cards(store: Store, decks: Sequence[str], filters: Filters,
               today: date) -> list[CardRow]:
    from flashcards.store import card_queries as cq

    with store.raw_read() as conn:
        filters = replace(filters, ids=deck_ids_of(conn, decks))
        return [_row(r) for r in cq.find(conn, filters, today)]


def due_summary(store: Store, decks: Sequence[str], today: date,
                new_per_day: int) -> DueSummary:
    from flashcards.store import card_queries as cq

    with store.raw_read() as conn:
        ids = deck_ids_of(conn, decks)
        left = max(0, new_per_day - cq.new_introduced(conn, ids, today))
        reviews, relearn, new = cq.due_counts(conn, ids, today, left)
    return DueSummary(today, reviews, relearn, new)


def resolve(conn: RawConnection, names: Sequence[str]) -> list[int]:
    """Card ids for `DECK/KEY` names; the first name that matches nothing is an error."""
    from flashcards.store import card_queries as cq

    ids: list[int] = []
    for name in names:
        card_id = cq.by_name(conn, name)
        if card_id is None:
            raise NotFoundError(f"no card named {name!r} (a card is named DECK/KEY, as "
                                "`flashcards cards` lists it)")
        ids.append(card_id)
    return list(dict.fromkeys(ids))


def matching(store: Store, names: Sequence[str], filters: Filters | None,
             today: date) -> list[int]:
    """The cards named, plus those the filters find (suspend --search/--tag)."""
    from flashcards.store import card_queries as cq

    with store.raw_read() as conn:
        ids = resolve(conn, names)
        if filters is not None:
            ids += cq.ids_of(conn, filters, today)
    if not ids:
        raise FlashcardsError("no cards match")
    return list(dict.fromkeys(ids))


def set_suspended(store: Store, ids: Sequence[int], suspended: bool, now: datetime) -> int:
    """Suspend (or unsuspend) cards in one transaction; how many changed."""
    from flashcards.store import card_queries as cq

    with store.raw_write() as conn:
        return cq.set_suspended(conn, ids, suspended, iso_utc(now))


def bury(store: Store, card_id: int, today: date) -> None:
    """Take a card out of today's queues: it comes back on the next study day."""
    from flashcards.store import card_queries as cq

    with store.raw_write() as conn:
        cq.set_buried(conn, card_id, today + timedelta(days=1))


def unbury(store: Store, card_id: int) -> None:
    from flashcards.store import card_queries as cq

    with store.raw_write() as conn:
        cq.set_buried(conn, card_id, None)
