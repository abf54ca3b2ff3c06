"""Data safety on a store of 100,000 cards and 1,000,000 reviews: `flashcards backup`,
`check`, `check --full` and `restore` as whole processes (medians), beside the raw SQLite
work they wrap, in the same run; and the cost of the automatic backup's "did the store
change?" test when nothing changed (it runs after every review session).

    uv run python bench/bench_backup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import timedelta

from flashcards.service import maintenance
from flashcards.store import backup

from common import FLASHCARDS, PYTHON, add_store_options, big_store, interleaved, report

RAW_BACKUP = ("import os, sqlite3, sys; s = sqlite3.connect(sys.argv[1]); "
              "os.path.exists(sys.argv[2]) and os.remove(sys.argv[2]); "
              "d = sqlite3.connect(sys.argv[2]); s.backup(d); d.close()")
RAW_CHECK = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
             "print(c.execute('PRAGMA ' + sys.argv[2]).fetchone())")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_store_options(parser)
    args = parser.parse_args()
    with big_store(args.cards, args.reviews) as (db, env):
        raw_out = str(db.parent / "raw-copy.db")
        t = interleaved({
            "raw backup": [PYTHON, "-c", RAW_BACKUP, str(db), raw_out],
            "backup": [FLASHCARDS, "backup"],
            "raw quick_check": [PYTHON, "-c", RAW_CHECK, str(db), "quick_check"],
            "check": [FLASHCARDS, "check"],
            "raw integrity_check": [PYTHON, "-c", RAW_CHECK, str(db), "integrity_check"],
            "check --full": [FLASHCARDS, "check", "--full"],
            "restore": [FLASHCARDS, "restore", "latest", "--yes"],
        }, args.runs, env)
        size = db.stat().st_size / 2**20
        backup.make_backup(db, backup.list_backups(db)[-1].taken_at)  # newest = the store
        probes = []
        for _ in range(args.runs):
            start = time.perf_counter()
            made = maintenance.auto_backup(db, "interval", backup.list_backups(db)[-1].taken_at
                                      + timedelta(hours=1), 30)
            probes.append(time.perf_counter() - start)
            assert made is None  # unchanged: no backup
    print(f"backup and check, {args.cards:,} cards, {args.reviews:,} reviews "
          f"({size:.0f} MB), median of {args.runs} runs")
    report([
        ("python: backup API copy", t["raw backup"], "baseline"),
        ("flashcards backup", t["backup"], f"{t['backup'] / t['raw backup']:.2f}x baseline "
         "(backup API, fsync, rename, thinning, listing)"),
        ("python: PRAGMA quick_check", t["raw quick_check"], "baseline"),
        ("flashcards check", t["check"],
         f"{t['check'] / t['raw quick_check']:.2f}x baseline (plus foreign keys, invariants)"),
        ("python: PRAGMA integrity_check", t["raw integrity_check"], "baseline"),
        ("flashcards check --full", t["check --full"],
         f"{t['check --full'] / t['raw integrity_check']:.2f}x baseline"),
        ("flashcards restore latest --yes", t["restore"],
         "validates the backup, backs the store up, copies the backup in"),
        ("auto backup, store unchanged", statistics.median(probes),
         "in-process: the per-command cost after a review session"),
    ])


if __name__ == "__main__":
    main()
