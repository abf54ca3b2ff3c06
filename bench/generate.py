"""Make a realistic store for benchmarks: N cards, M reviews spread over the past year.

Cards are answered in order, each simulated with the real SM-2 scheduler from a start day
in the past year until today, until M reviews exist; the remaining cards are new. Rows go
in with raw sqlite3 executemany (the schema comes from the app's own migrations).

    uv run python bench/generate.py out.db --cards 100000 --reviews 1000000

`cached_store()` keeps one copy per size in bench/.data/ so repeated runs are quick.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from flashcards.domain import CardState
from flashcards.scheduler import sm2
from flashcards.store import open_store

TODAY = date(2026, 3, 2)  # matches the benches' FLASHCARDS_NOW
LATE = TODAY + timedelta(days=280)  # the store's day, months later: most cards are due
LATE_ENV = f"{LATE.isoformat()}T09:00:00+00:00"
NOW_ENV = "2026-03-02T09:00:00+00:00"
DECKS = 10
_GRADES = [0, 1, 2, 3, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5]


def _card_rows(cards: int) -> list[tuple[object, ...]]:
    stamp = "2025-03-01T00:00:00.000Z"
    return [
        (i + 1, i % DECKS + 1, f"k{i}", "fact" if i % 3 else "challenge",
         f"Question number {i}: what is the value of item {i * 7 % 1000}?",
         f"Answer {i}", "bench gs2", "article.txt", "Facts", i % 50 + 1, i % 50 + 1,
         stamp, stamp)
        for i in range(cards)
    ]


def _simulate(card_id: int, start: date, rng: random.Random, budget: int,
              out: list[tuple[object, ...]]) -> CardState:
    state, day = CardState(), start
    while budget > 0 and day < TODAY:
        grade = rng.choice(_GRADES)
        after, kind = sm2.review(state, grade, day)
        stamp = f"{day.isoformat()}T{8 + len(out) % 12:02d}:00:00.000Z"
        out.append((card_id, stamp, day.isoformat(), grade, str(kind), 4000 + grade * 500,
                    "bench", state.repetitions, state.ease, state.interval,
                    state.due and state.due.isoformat(), state.redrill, state.lapses,
                    state.last_review and state.last_review.isoformat(),
                    after.repetitions, after.ease, after.interval,
                    after.due and after.due.isoformat(), after.redrill, after.lapses))
        state, budget = after, budget - 1
        day = after.due if after.due and after.due > day else day  # same-day repeat
    return state


def make_store(path: Path, cards: int = 100_000, reviews: int = 1_000_000,
               seed: int = 0) -> None:
    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    open_store(path).close()  # schema from the app's migrations
    rng = random.Random(seed)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO deck (id, name, source, meta, created_at) VALUES (?,?,?,?,?)",
                     [(d + 1, f"Deck {d + 1:02d}", "article.txt", "{}", "2025-03-01T00:00:00Z")
                      for d in range(DECKS)])
    conn.executemany(
        "INSERT INTO card (id, deck_id, key, kind, question, answer, tags, source_file, section,"
        " line_start, line_end, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        _card_rows(cards))
    review_rows: list[tuple[object, ...]] = []
    states: list[tuple[object, ...]] = []
    card_id = 0
    while len(review_rows) < reviews and card_id < cards:
        card_id += 1
        start = TODAY - timedelta(days=rng.randrange(1, 366))
        s = _simulate(card_id, start, rng, reviews - len(review_rows), review_rows)
        states.append((s.repetitions, s.ease, s.interval, s.due and s.due.isoformat(),
                       s.redrill, s.lapses, s.last_review and s.last_review.isoformat(),
                       card_id))
    conn.executemany(
        "INSERT INTO review (card_id, reviewed_at, study_day, grade, kind, answer_ms, session_id,"
        " reps_before, ease_before, interval_before, due_before, redrill_before, lapses_before,"
        " last_review_before, reps_after, ease_after, interval_after, due_after, redrill_after,"
        " lapses_after) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", review_rows)
    conn.executemany(
        "UPDATE card SET reps=?, ease=?, interval=?, due=?, redrill=?, lapses=?, last_review=?"
        " WHERE id=?", states)
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def cached_store(dest: Path, cards: int = 100_000, reviews: int = 1_000_000) -> Path:
    """Copy a cached generated store (made on first use) to `dest` and return it."""
    cache = Path(__file__).parent / ".data" / f"store-{cards}-{reviews}.db"
    if not cache.exists():
        cache.parent.mkdir(exist_ok=True)
        # in a process of its own: the memory it takes would otherwise count in the peak
        # RSS of every child the bench starts later (a forked child starts with ours)
        subprocess.run([sys.executable, __file__, str(cache), "--cards", str(cards),
                        "--reviews", str(reviews)], check=True)
    shutil.copyfile(cache, dest)
    return dest


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    make_store(args.out, args.cards, args.reviews, args.seed)
    print(f"wrote {args.out}: {args.cards} cards, {args.reviews} reviews", file=sys.stderr)


if __name__ == "__main__":
    main()
