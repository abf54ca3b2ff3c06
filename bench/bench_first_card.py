"""Time to first card: `flashcards review --lines` on a 100,000-card store with 1,000,000
reviews, whole process, until the first question is printed; beside
`python -c "import sqlmodel"` in the same run. Plus one answer (commit included),
measured in-process.

    uv run python bench/bench_first_card.py [--runs 7] [--answers 200]

Targets: first card at most 1.3x `import sqlmodel`; an answer under 10 ms.

Both processes run with bytecode caching on (a private PYTHONPYCACHEPREFIX, warmed by a
first round that is not counted), as on a normal install: this sandbox sets
PYTHONDONTWRITEBYTECODE, which would otherwise make every run recompile every module.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from datetime import datetime
from pathlib import Path

from common import FLASHCARDS, PYTHON
from generate import NOW_ENV, TODAY, cached_store

READY = "space show answer"  # the footer printed under the first question


def first_card_seconds(env: dict[str, str]) -> tuple[float, float]:
    """(seconds until the first question is printed, seconds until the process is done)."""
    start = time.perf_counter()
    with subprocess.Popen([FLASHCARDS, "review", "--lines"], env=env, text=True,
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL) as proc:
        assert proc.stdout is not None and proc.stdin is not None
        shown = None
        for line in proc.stdout:
            if READY in line:
                shown = time.perf_counter() - start
                break
        if shown is None:
            raise SystemExit("flashcards review never printed a question")
        proc.stdin.write("q\n")
        proc.stdin.close()
        proc.stdout.read()
    if proc.returncode:
        raise SystemExit(f"flashcards review exited with {proc.returncode}")
    return shown, time.perf_counter() - start


def import_seconds(env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([PYTHON, "-c", "import sqlmodel"], env=env, check=True)
    return time.perf_counter() - start


def answer_ms(db: Path, answers: int) -> list[float]:
    """Answer the first `answers` cards of the queue in-process, one commit each, then
    undo them all so the store is left as it was."""
    from flashcards import service
    from flashcards.store import open_store

    store = open_store(db)
    try:
        queue = service.build_queue(store, (), TODAY, new_per_day=20, limit=answers)
        now = datetime.fromisoformat(NOW_ENV)
        times = []
        for i, card in enumerate(queue.cards):
            start = time.perf_counter()
            service.answer(store, card.card_id, 5 - i % 3, now, TODAY, session_id="bench",
                           answer_ms=1000)
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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = cached_store(Path(tmp) / "bench.db", args.cards, args.reviews)
        env = {**os.environ, "FLASHCARDS_DB": str(db), "FLASHCARDS_NOW": NOW_ENV,
               "FLASHCARDS_CONFIG": str(Path(tmp) / "none.toml"), "NO_COLOR": "1",
               "COLUMNS": "100", "PYTHONDONTWRITEBYTECODE": "",
               "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache")}
        first: list[float] = []
        whole: list[float] = []
        base: list[float] = []
        for i in range(args.runs + 1):  # round robin; round 0 warms caches
            shown, done = first_card_seconds(env)
            imported = import_seconds(env)
            if i:
                first.append(shown)
                whole.append(done)
                base.append(imported)
        answers = answer_ms(db, args.answers)
    m_first, m_whole, m_base = (statistics.median(x) for x in (first, whole, base))
    m_answer = statistics.median(answers)
    p95 = statistics.quantiles(answers, n=20)[-1] if len(answers) >= 20 else max(answers)
    print(f"time to first card, {args.cards:,} cards, {args.reviews:,} reviews, "
          f"median of {args.runs} runs")
    print(f"  python -c 'import sqlmodel'        {m_base * 1000:8.1f} ms  baseline")
    print(f"  flashcards review: first question  {m_first * 1000:8.1f} ms  "
          f"{m_first / m_base:.2f}x import sqlmodel (target <= 1.3x)")
    print(f"  flashcards review: whole, 'q'      {m_whole * 1000:8.1f} ms  "
          f"{m_whole / m_base:.2f}x (with the summary)")
    print(f"  one answer, commit included        {m_answer:8.2f} ms  median of {len(answers)}, "
          f"p95 {p95:.2f} ms (target < 10 ms)")


if __name__ == "__main__":
    main()
