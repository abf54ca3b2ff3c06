"""Stats and export on a store of 100,000 cards and 1,000,000 reviews: whole processes,
medians, peak memory, beside `python -c "import sqlmodel"` in the same run.

    uv run python bench/bench_stats_export.py [--runs 5]

Targets: `flashcards stats --json` at most 1.5 s, `flashcards export reviews --format csv
-o /dev/null` at most 4 s, peak memory under 150 MB for both. Runs are interleaved (round
robin) so that load from other processes falls on every command alike; the baseline shows
what the machine gives a Python process that imports the store's stack.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
from pathlib import Path

from common import FLASHCARDS, PYTHON, interleaved, peak_rss_mb, report
from generate import NOW_ENV, cached_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = cached_store(Path(tmp) / "bench.db", cards=args.cards, reviews=args.reviews)
        env = {"FLASHCARDS_DB": str(db), "FLASHCARDS_NOW": NOW_ENV, "NO_COLOR": "1",
               "FLASHCARDS_CONFIG": str(Path(tmp) / "none.toml")}
        full_env = {**os.environ, **env}
        # open once: runs the migrations (the cached store may predate an index)
        subprocess.run([FLASHCARDS, "decks"], env=full_env, check=True,
                       stdout=subprocess.DEVNULL)
        stats_cmd = [FLASHCARDS, "stats", "--json"]
        export_cmd = [FLASHCARDS, "export", "reviews", "--format", "csv", "-o", "/dev/null"]
        doc = json.loads(subprocess.run(stats_cmd, env=full_env, check=True,
                                        capture_output=True, text=True).stdout)
        assert doc["calendar"]["reviews"] > 0
        lines = subprocess.run(f"{FLASHCARDS} export reviews | wc -l", shell=True,
                               env=full_env, check=True, capture_output=True, text=True)
        t = interleaved({
            "sqlmodel": [PYTHON, "-c", "import sqlmodel"],
            "stats": stats_cmd,
            "export": export_cmd,
        }, args.runs, env)
        rss = {name: peak_rss_mb(cmd, env) for name, cmd in
               (("sqlmodel", [PYTHON, "-c", "import sqlmodel"]), ("stats", stats_cmd),
                ("export", export_cmd))}
    print(f"stats and export, {args.cards:,} cards, {args.reviews:,} reviews "
          f"({int(lines.stdout) - 1:,} exported rows), median of {args.runs} runs")
    report([
        ("python -c 'import sqlmodel'", t["sqlmodel"], f"baseline, peak {rss['sqlmodel']:.0f} MB"),
        ("flashcards stats --json", t["stats"],
         f"{t['stats'] / t['sqlmodel']:.2f}x baseline, peak {rss['stats']:.0f} MB "
         "(targets: 1.5 s, 150 MB)"),
        ("flashcards export reviews -o /dev/null", t["export"],
         f"{t['export'] / t['sqlmodel']:.2f}x baseline, peak {rss['export']:.0f} MB "
         "(targets: 4 s, 150 MB)"),
    ])


if __name__ == "__main__":
    main()
