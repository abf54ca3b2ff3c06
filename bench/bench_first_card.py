"""Time to first card: `flashcards review --lines` on a 100,000-card store with 1,000,000
reviews, whole process, until the first question is printed; beside Anki 26.9.3 showing
its first card from the same cards and log (bench/anki_store.py: open the collection,
build the v3 queue, render the question), runs taken in turn, ratios paired. Plus one
answer (commit included), measured in-process.

    uv run python bench/bench_first_card.py [--runs 7] [--answers 200] [--no-anki]

Anki comes from PyPI into a throw-away venv (bench_apkg.anki_python; never the
project's). Targets (issue 16): first card at most 0.8x Anki; an answer under 3 ms.

Both processes run with bytecode caching on (a private PYTHONPYCACHEPREFIX, warmed by a
first round that is not counted), as on a normal install: this sandbox sets
PYTHONDONTWRITEBYTECODE, which would otherwise make every run recompile every module.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from datetime import datetime
from pathlib import Path

from anki_store import FIRST_CARD, MARKER, anki_collection

from bench_apkg import ANKI_VERSION, anki_python
from common import FLASHCARDS, paired_ratio
from generate import NOW_ENV, TODAY, cached_store

READY = "space show answer"  # the footer printed under the first question


def first_card_seconds(env: dict[str, str], argv: list[str] | None = None,
                       ready: str = READY) -> tuple[float, float]:
    """(seconds until the first question is printed, seconds until the process is done)."""
    start = time.perf_counter()
    with subprocess.Popen(argv or [FLASHCARDS, "review", "--lines"], env=env, text=True,
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL) as proc:
        assert proc.stdout is not None and proc.stdin is not None
        shown = None
        for line in proc.stdout:
            if ready in line:
                shown = time.perf_counter() - start
                break
        if shown is None:
            raise SystemExit(f"{argv or 'flashcards review'} never printed a question")
        proc.stdin.write("q\n")
        proc.stdin.close()
        proc.stdout.read()
    if proc.returncode:
        raise SystemExit(f"flashcards review exited with {proc.returncode}")
    return shown, time.perf_counter() - start


def answer_ms(db: Path, answers: int) -> list[float]:
    """Answer the first `answers` cards of the queue in-process, one commit each, then
    undo them all so the store is left as it was."""
    from flashcards import service
    from flashcards.service.scheduling import scheduling
    from flashcards.store import open_store

    store = open_store(db)
    try:
        chosen = scheduling(store, "sm2", 0.9)  # as a session: SM-2, FSRS memory kept
        queue = service.build_queue(store, (), TODAY, new_per_day=20, limit=answers)
        now = datetime.fromisoformat(NOW_ENV)
        times = []
        for i, card in enumerate(queue.cards):
            start = time.perf_counter()
            service.answer(store, card.card_id, 5 - i % 3, now, TODAY, session_id="bench",
                           answer_ms=1000, scheduling=chosen)
            times.append((time.perf_counter() - start) * 1000)
        for _ in queue.cards:
            service.undo_last(store)
    finally:
        store.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--answers", type=int, default=200)
    parser.add_argument("--no-anki", action="store_true")
    args = parser.parse_args()
    anki = None if args.no_anki else anki_python()
    with tempfile.TemporaryDirectory() as tmp:
        db = cached_store(Path(tmp) / "bench.db", args.cards, args.reviews)
        collection = None
        if anki:
            cache = Path(__file__).parent / ".data" / f"anki-{args.cards}-{args.reviews}.anki2"
            collection = Path(tmp) / "collection.anki2"
            shutil.copyfile(anki_collection(anki, db, cache, TODAY.isoformat()), collection)
        env = {**os.environ, "FLASHCARDS_DB": str(db), "FLASHCARDS_NOW": NOW_ENV,
               "FLASHCARDS_CONFIG": str(Path(tmp) / "none.toml"), "NO_COLOR": "1",
               "COLUMNS": "100", "PYTHONDONTWRITEBYTECODE": "",
               "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache")}
        first: list[float] = []
        whole: list[float] = []
        base: list[float] = []
        for i in range(args.runs + 1):  # round robin; round 0 warms caches
            shown, done = first_card_seconds(env)
            theirs = (first_card_seconds(env, [anki, "-c", FIRST_CARD, str(collection)],
                                         MARKER)[0] if anki else None)
            if i:
                first.append(shown)
                whole.append(done)
                if theirs is not None:
                    base.append(theirs)
        answers = answer_ms(db, args.answers)
    m_first, m_whole = statistics.median(first), statistics.median(whole)
    m_answer = statistics.median(answers)
    p95 = statistics.quantiles(answers, n=20)[-1] if len(answers) >= 20 else max(answers)
    print(f"time to first card, {args.cards:,} cards, {args.reviews:,} reviews, "
          f"median of {args.runs} runs taken in turn")
    if base:
        print(f"  Anki {ANKI_VERSION}: first question         {statistics.median(base) * 1000:8.1f}"
              " ms  baseline")
        print(f"  flashcards review: first question  {m_first * 1000:8.1f} ms  "
              f"{paired_ratio(first, base):.2f}x Anki (target <= 0.8x)")
    else:
        print(f"  flashcards review: first question  {m_first * 1000:8.1f} ms  (no Anki)")
    print(f"  flashcards review: whole, 'q'      {m_whole * 1000:8.1f} ms  (with the summary)")
    print(f"  one answer, commit included        {m_answer:8.2f} ms  median of {len(answers)}, "
          f"p95 {p95:.2f} ms (target <= 3 ms)")


if __name__ == "__main__":
    main()
