"""Progress stats and exports, read in one snapshot each. Raw SQL (store.stats_queries,
store.export_queries): these commands never import SQLAlchemy."""

from __future__ import annotations

from collections.abc import Generator, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any

from flashcards.domain.errors import NotFoundError

if TYPE_CHECKING:
    from flashcards.domain import DeckDraft
    from flashcards.domain.stats import Stats
    from flashcards.store import RawConnection, Store


def deck_ids_of(conn: RawConnection, names: Sequence[str]) -> list[int] | None:
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
    from flashcards.service import stats

    with store.raw_read() as conn:
        ids = deck_ids_of(conn, decks)
        return stats.collect(conn, ids, list(decks) or None, today, days)


@contextmanager
def export_rows(store: Store, what: str, decks: Sequence[str], since: date | None,
                today: date | None = None
                ) -> Iterator[tuple[tuple[str, ...], Generator[list[tuple[Any, ...]]]]]:
    """Columns and batches of rows of `reviews` or `cards`, streamed from one read snapshot.
    Deck names are checked before the first row; `today` (for `cards`) tells which cards
    are buried."""
    from flashcards.store import export_queries as eq

    with store.raw_read() as conn:
        ids = deck_ids_of(conn, decks)
        if what == "reviews":
            columns, batches = eq.REVIEW_COLUMNS, eq.review_batches(conn, ids, since)
        else:
            columns, batches = eq.CARD_COLUMNS, eq.card_batches(
                conn, ids, since, today or date.min)
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
        batches = eq.review_csv_batches(conn, deck_ids_of(conn, decks), since)
        try:
            yield eq.REVIEW_COLUMNS, batches
        finally:
            batches.close()


def export_decks(store: Store, decks: Sequence[str]) -> list[tuple[DeckDraft, str | None]]:
    """Decks as drafts (current cards, no progress) with the file each came from."""
    from flashcards.store import export_queries as eq

    with store.raw_read() as conn:
        return eq.deck_drafts(conn, deck_ids_of(conn, decks))
