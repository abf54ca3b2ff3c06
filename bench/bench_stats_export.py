"""Stats and export on a store of 100,000 cards and 1,000,000 reviews: whole processes,
medians, peak memory, each beside its floor in the same run.

    uv run python bench/bench_stats_export.py [--runs 5]

The floors (bench/floor.py) are what each command needs at the least: a Python process
that imports typer and sqlite3 and runs, on the same store, the very statements the
command runs (recorded from our own query code before timing, so they cannot drift
apart), then
- for `stats --json`: prints the raw result sets as JSON (no folding, no document);
- for `export reviews --format csv`: writes the same CSV bytes (checked before timing).
Neither command imports SQLAlchemy or SQLModel any more, so `import sqlmodel` is no
yardstick for them. Runs are taken in turn (floor, command, floor, command, ...); each
prints its median wall and CPU time (CPU time is the steadier figure on a busy machine)
and its peak RSS; each ratio is the median of the per-round ratios.

Targets: `flashcards stats --json` at most 1.5 s, `flashcards export reviews --format csv
-o /dev/null` at most 4 s, peak memory under 150 MB for both.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import subprocess
from datetime import date
from pathlib import Path

from common import (
    FLASHCARDS,
    FLOOR,
    PYTHON,
    Recorder,
    add_store_options,
    bench_env,
    big_store,
    interleaved_runs,
    report_runs,
    versus_floor,
    write_statements,
)
from generate import TODAY

Statements = list[tuple[str, list[object]]]


def stats_statements(db: Path, today: date) -> tuple[Statements, dict[str, object]]:
    """The statements `flashcards stats --json` runs on this store, and the document
    they give (to check against the command's own)."""
    from flashcards.service import stats
    from flashcards.store import open_store

    store = open_store(db)
    try:
        with store.raw_read() as conn:
            recorder = Recorder(conn)
            figures = stats.collect(recorder, None, None, today,  # type: ignore[arg-type]
                                    stats.DEFAULT_DAYS)
    finally:
        store.close()
    return recorder.statements, stats.as_json(figures)


def export_statements(db: Path) -> tuple[Statements, str]:
    """The statements `flashcards export reviews --format csv` runs (the review query,
    then the lookups of card texts), and the CSV header."""
    from flashcards.store import export_queries as eq
    from flashcards.store import open_store

    store = open_store(db)
    try:
        with store.raw_read() as conn:
            recorder = Recorder(conn)
            batches = eq.review_csv_batches(recorder, None, None)  # type: ignore[arg-type]
            for _ in batches:
                pass
    finally:
        store.close()
    return recorder.statements, ",".join(eq.REVIEW_COLUMNS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_store_options(parser)
    args = parser.parse_args()
    with big_store(args.cards, args.reviews) as (db, env):
        work = db.parent
        full_env = bench_env(env)
        stats_cmd = [FLASHCARDS, "stats", "--json"]
        export_cmd = [FLASHCARDS, "export", "reviews", "--format", "csv", "-o", "/dev/null"]

        statements, document = stats_statements(db, TODAY)
        ours = json.loads(subprocess.run(stats_cmd, env=full_env, check=True,
                                         capture_output=True, text=True).stdout)
        if ours != document:
            raise SystemExit("the recorded stats statements do not give the command's figures")
        stats_floor = [PYTHON, FLOOR, "rows", str(db),
                       str(write_statements(work / "stats.json", statements))]

        statements, header = export_statements(db)
        spec = write_statements(work / "export.json", statements, header=header)
        subprocess.run([*export_cmd[:-1], str(work / "ours.csv")], env=full_env, check=True)
        subprocess.run([PYTHON, FLOOR, "csv", str(db), str(spec), str(work / "floor.csv")],
                       env=full_env, check=True)
        if not filecmp.cmp(work / "ours.csv", work / "floor.csv", shallow=False):
            raise SystemExit("the export floor does not write the command's bytes")
        rows = sum(1 for _ in (work / "ours.csv").open("rb")) - 1
        (work / "ours.csv").unlink()
        (work / "floor.csv").unlink()
        export_floor = [PYTHON, FLOOR, "csv", str(db), str(spec), "/dev/null"]

        commands = {"stats floor": stats_floor, "stats": stats_cmd,
                    "export floor": export_floor, "export": export_cmd}
        t = interleaved_runs(commands, args.runs, env)
    print(f"stats and export, {args.cards:,} cards, {args.reviews:,} reviews "
          f"({rows:,} exported rows), median of {args.runs} runs taken in turn "
          "(peak: the largest)")
    report_runs([
        ("floor: typer + sqlite3 + the stats queries", t["stats floor"], ""),
        ("flashcards stats --json", t["stats"],
         f"{versus_floor(t['stats'], t['stats floor'])} (targets: 1.5 s, 150 MB)"),
        ("floor: typer + sqlite3 + the export queries", t["export floor"], "(same CSV bytes)"),
        ("flashcards export reviews -o /dev/null", t["export"],
         f"{versus_floor(t['export'], t['export floor'])} (targets: 4 s, 150 MB)"),
    ])

if __name__ == "__main__":
    main()
