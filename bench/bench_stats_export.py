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
import subprocess

from common import (
    FLASHCARDS,
    PYTHON,
    add_store_options,
    bench_env,
    big_store,
    interleaved,
    peak_rss_mb,
    report,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_store_options(parser)
    args = parser.parse_args()
    with big_store(args.cards, args.reviews) as (db, env):
        full_env = bench_env(env)
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
