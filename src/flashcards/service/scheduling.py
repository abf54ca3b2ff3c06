"""The scheduler a review uses (settings scheduler and desired_retention), and FSRS's
upkeep: memory states read from the review log, parameters fitted to it (`optimize`),
and the check that the stored states agree with the log."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from flashcards.domain.errors import FlashcardsError
from flashcards.scheduler import fsrs
from flashcards.service.review import Scheduling

if TYPE_CHECKING:
    from flashcards.store import RawConnection as Connection
    from flashcards.store import Store

_TOLERANCE = 1e-3  # relative: stored states are the engine's float32 values, read back


def _model(conn: Connection, retention: float) -> fsrs.Fsrs:
    from flashcards.store import memory_queries as mq

    return fsrs.Fsrs(mq.parameters(conn) or fsrs.default_parameters(), retention)


def model(store: Store, retention: float = 0.9) -> fsrs.Fsrs:
    """The FSRS model: this store's fitted parameters (FSRS-6's defaults before
    `optimize`) at the desired retention."""
    with store.raw_read() as conn:
        return _model(conn, retention)


def scheduling(store: Store, name: str, retention: float) -> Scheduling:
    """What answers are scheduled with. Switching to FSRS first reads the memory state of
    every card answered without one from its log, so no history is lost."""
    chosen = Scheduling(name, model(store, retention))
    if name == "fsrs":
        fill_memory(store, chosen.model)  # type: ignore[arg-type]
    return chosen


def fill_memory(store: Store, model: fsrs.Fsrs, every: bool = False) -> int:
    """Read memory states from the log: for the cards without one, or `every` card.
    Returns how many were set."""
    from flashcards.store import memory_queries as mq

    with store.raw_write() as conn:
        found = mq.histories(conn, "all" if every else "unknown")
        states = fsrs.memory_states([h for _, h, _, _ in found], model)
        mq.set_memory(conn, zip((card_id for card_id, *_ in found), states, strict=True))
    return len(found)


@dataclass(frozen=True)
class Mismatch:
    card_id: int
    stored: tuple[float | None, float | None]
    from_log: tuple[float, float] | None


def memory_mismatches(conn: Connection, retention: float = 0.9) -> list[Mismatch]:
    """Cards whose stored FSRS memory state is not the one their log gives (cards with
    no state yet are fine: it is read from the log when FSRS needs it)."""
    from flashcards.store import memory_queries as mq

    model = _model(conn, retention)
    known = mq.histories(conn, "known")
    states = fsrs.memory_states([h for _, h, _, _ in known], model)
    wrong = []
    for (card_id, _, s, d), state in zip(known, states, strict=True):
        if state is None or s is None or d is None or not all(
                abs(a - b) <= _TOLERANCE * max(1.0, abs(b))
                for a, b in zip((s, d), state, strict=True)):
            wrong.append(Mismatch(card_id, (s, d), state))
    return wrong


def optimize(store: Store) -> fsrs.Fit:
    """Fit FSRS parameters to the whole review log, store them, and read every card's
    memory state again with them: one transaction."""
    from flashcards.store import memory_queries as mq

    with store.raw_write() as conn:
        found = mq.histories(conn)
        start = mq.parameters(conn) or fsrs.default_parameters()
        try:
            result = fsrs.fit([h for _, h, _, _ in found], start)
        except fsrs.TooLittleHistory as exc:
            raise FlashcardsError(
                f"optimize needs at least {fsrs.MIN_REVIEWS} answers given a day or more "
                f"after the card's previous one; the log has {exc.args[0]} (keep "
                "reviewing, and run it again later)") from None
        mq.set_parameters(conn, result.parameters)
        states = fsrs.memory_states([h for _, h, _, _ in found],
                                    fsrs.Fsrs(result.parameters))
        mq.set_memory(conn, zip((card_id for card_id, *_ in found), states, strict=True))
    return result


def repair_memory(store_path: Path) -> int:
    """Set every mismatched memory state to the one its log gives: one transaction."""
    from flashcards.store import memory_queries as mq
    from flashcards.store.check import connect

    conn = connect(store_path)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            wrong = memory_mismatches(conn)
            mq.set_memory(conn, ((m.card_id, m.from_log) for m in wrong))
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    finally:
        conn.close()
    return len(wrong)
