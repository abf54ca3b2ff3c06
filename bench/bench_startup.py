"""Start-up: `flashcards --help`, and `flashcards decks` on a 100,000-card store, whole
processes, medians, each beside its floor in the same run.

    uv run python bench/bench_startup.py [--runs 7] [--cards 100000]

Floors: for `--help`, `python -c "import typer"` (all that `--help` needs); for `decks`,
bench/floor.py: a Python process that imports typer and sqlite3 and runs, on the same
store, the statement `decks` runs (recorded from our query code, so the two never drift
apart), and prints its rows. `decks` no longer imports SQLAlchemy or SQLModel, so
`import sqlmodel` is no yardstick for it. What `decks` does beyond its floor: open and
check the store (pragmas, schema version), the settings, the clock, and the Rich table.
Runs are taken in turn (typer, --help, decks floor, decks, ...); each prints its median
wall and CPU time (CPU time is the steadier figure on a busy machine) and its peak RSS;
the ratios are the median of the per-round ratios.

Targets (issue 16): `--help` at most 1.2x `import typer`; `decks` under 0.15 s (it skips
Typer: cli/fast.py, and counts from indexes: stats_queries.deck_counts), on the store's
day (2% of the cards due) and 280 days later (76%: a student back after a long break;
`env` sets the later clock for it and its floor alike).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from datetime import date
from pathlib import Path

from common import (
    FLASHCARDS,
    FLOOR,
    PYTHON,
    Recorder,
    interleaved_runs,
    paired_ratio,
    report_runs,
    versus_floor,
    write_statements,
)
from generate import LATE, LATE_ENV, NOW_ENV, TODAY, cached_store


def decks_statements(db: Path, today: date) -> list[tuple[str, list[object]]]:
    """The statements `flashcards decks` runs on this store (service.deck_summaries)."""
    from flashcards.store import open_store
    from flashcards.store import stats_queries as sq

    store = open_store(db)
    try:
        with store.raw_read() as conn:
            recorder = Recorder(conn)
            sq.deck_counts(recorder, today)  # type: ignore[arg-type]  (duck-typed)
    finally:
        store.close()
    return recorder.statements


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cards", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = cached_store(Path(tmp) / "bench.db", cards=args.cards, reviews=args.cards * 10)
        env = {"FLASHCARDS_DB": str(db), "FLASHCARDS_NOW": NOW_ENV, "NO_COLOR": "1",
               "FLASHCARDS_CONFIG": str(Path(tmp) / "none.toml")}
        spec = write_statements(Path(tmp) / "decks.json", decks_statements(db, TODAY))
        late = write_statements(Path(tmp) / "late.json", decks_statements(db, LATE))
        at_late = ["env", f"FLASHCARDS_NOW={LATE_ENV}"]
        t = interleaved_runs({
            "typer": [PYTHON, "-c", "import typer"],
            "help": [FLASHCARDS, "--help"],
            "floor": [PYTHON, FLOOR, "rows", str(db), str(spec)],
            "decks": [FLASHCARDS, "decks"],
            "floor-late": [*at_late, PYTHON, FLOOR, "rows", str(db), str(late)],
            "decks-late": [*at_late, FLASHCARDS, "decks"],
        }, args.runs, env)
    print(f"start-up, {args.cards:,} cards, median of {args.runs} runs taken in turn "
          "(peak: the largest)")
    help_ratio = paired_ratio([c.wall for c in t["help"]], [c.wall for c in t["typer"]])
    decks = statistics.median(c.wall for c in t["decks"])
    late_decks = statistics.median(c.wall for c in t["decks-late"])
    report_runs([
        ("python -c 'import typer'", t["typer"], "floor for --help"),
        ("flashcards --help", t["help"],
         f"{versus_floor(t['help'], t['typer'])} (target <= 1.2x wall: "
         f"{'met' if help_ratio <= 1.2 else 'MISSED'})"),
        ("floor: typer + sqlite3 + the decks query", t["floor"], "floor for decks"),
        ("flashcards decks", t["decks"], f"{versus_floor(t['decks'], t['floor'])} "
         f"(target < 150 ms: {'met' if decks < 0.15 else 'MISSED'})"),
        (f"floor, {LATE}: most cards due", t["floor-late"], "floor for decks, later"),
        (f"flashcards decks, {LATE}", t["decks-late"],
         f"{versus_floor(t['decks-late'], t['floor-late'])} (target < 150 ms: "
         f"{'met' if late_decks < 0.15 else 'MISSED'})"),
    ])

if __name__ == "__main__":
    main()
