"""Data safety on a store of 100,000 cards and 1,000,000 reviews: `flashcards backup`,
`check`, `check --full` and `restore` as whole processes (medians), beside the raw SQLite
work they wrap, in the same run; the size of a (zstd-compressed) backup as a share of the
store, and where a backup's time goes (snapshot, compression, verification); and the cost
of the automatic backup's "did the store change?" test when nothing changed (it runs
after every review session), beside what decompressing the backup for it would cost.

    uv run python bench/bench_backup.py [--runs 5] [--cards 20000 --reviews 200000]
                                        [--levels 1,3,6,9]

--levels also compresses one snapshot at each zstd level: size and time, to choose one.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from flashcards.domain.files import scratch_file
from flashcards.service import maintenance
from flashcards.store import backup, compress

from common import FLASHCARDS, PYTHON, add_store_options, big_store, interleaved, report

RAW_BACKUP = ("import os, sqlite3, sys; s = sqlite3.connect(sys.argv[1]); "
              "os.path.exists(sys.argv[2]) and os.remove(sys.argv[2]); "
              "d = sqlite3.connect(sys.argv[2]); s.backup(d); d.close()")
RAW_CHECK = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
             "print(c.execute('PRAGMA ' + sys.argv[2]).fetchone())")


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def median_of(runs: int, work: Callable[[], object]) -> float:
    return statistics.median(timed(work) for _ in range(runs))


def backup_parts(db: Path, runs: int) -> dict[str, float]:
    """Median seconds of each step of make_backup, in-process, each into a new file."""
    folder = backup.backup_dir(db)
    target = folder / "bench-parts.db.zst"
    times: dict[str, list[float]] = {"snapshot": [], "compress": [], "verify": []}
    for _ in range(runs):
        with scratch_file(folder, "bench") as snapshot:
            times["snapshot"].append(timed(lambda: backup._copy(db, snapshot)))  # noqa: B023
            times["compress"].append(
                timed(lambda: compress.compress(snapshot, target, "{}")))  # noqa: B023
        times["verify"].append(timed(lambda: backup._verify(target)))
        target.unlink()
    return {step: statistics.median(values) for step, values in times.items()}


def change_test(db: Path, runs: int) -> tuple[float, float]:
    """The unchanged-store probe as it is (the fingerprint in the backup's note), and what
    reading the fingerprint by decompressing the newest backup would cost instead."""
    backup.make_backup(db, backup.list_backups(db)[-1].taken_at)  # newest = the store
    newest = backup.list_backups(db)[-1]

    def probe() -> None:
        later = newest.taken_at + timedelta(hours=1)
        assert maintenance.auto_backup(db, "interval", later, 30) is None  # unchanged

    def by_decompressing() -> None:
        with compress.as_database(newest.path, newest.path.parent) as plain:
            assert backup.fingerprint(plain) == backup.fingerprint(db)

    return median_of(runs, probe), median_of(runs, by_decompressing)


def level_sweep(db: Path, levels: list[int]) -> None:
    folder, store, chosen = backup.backup_dir(db), db.stat().st_size, compress.LEVEL
    with scratch_file(folder, "bench") as snapshot:
        raw = median_of(3, lambda: backup._copy(db, snapshot))
        print(f"zstd levels (one snapshot; raw backup API copy {raw * 1000:.0f} ms):")
        for level in levels:
            compress.LEVEL = level
            target = folder / f"bench-level-{level}.db.zst"
            seconds = median_of(3, lambda: compress.compress(snapshot, target, "{}"))  # noqa: B023
            print(f"  level {level:2d}: {target.stat().st_size / 2**20:7.1f} MB "
                  f"({target.stat().st_size / store:5.1%} of the store)  "
                  f"compress {seconds * 1000:6.0f} ms")
            target.unlink()
    compress.LEVEL = chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_store_options(parser)
    parser.add_argument("--levels", default="", help="zstd levels to compare, e.g. 1,3,6")
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
        store = db.stat().st_size
        made = backup.list_backups(db)[-1].size
        parts = backup_parts(db, args.runs)
        probe, decompressing = change_test(db, args.runs)
        if args.levels:
            level_sweep(db, [int(n) for n in args.levels.split(",")])
    print(f"backup and check, {args.cards:,} cards, {args.reviews:,} reviews "
          f"({store / 2**20:.1f} MB), median of {args.runs} runs")
    print(f"  a backup: {made / 2**20:.1f} MB, {made / store:.1%} of the store "
          f"(zstd level {compress.LEVEL})")
    report([
        ("python: backup API copy", t["raw backup"], "baseline"),
        ("flashcards backup", t["backup"], f"{t['backup'] / t['raw backup']:.2f}x baseline "
         "(snapshot, compress, verify, thinning, listing)"),
        ("  snapshot (backup API)", parts["snapshot"], "in-process"),
        ("  compress (zstd, streamed)", parts["compress"], "in-process"),
        ("  verify (decompress, quick_check)", parts["verify"], "in-process"),
        ("python: PRAGMA quick_check", t["raw quick_check"], "baseline"),
        ("flashcards check", t["check"],
         f"{t['check'] / t['raw quick_check']:.2f}x baseline (plus foreign keys, invariants)"),
        ("python: PRAGMA integrity_check", t["raw integrity_check"], "baseline"),
        ("flashcards check --full", t["check --full"],
         f"{t['check --full'] / t['raw integrity_check']:.2f}x baseline"),
        ("flashcards restore latest --yes", t["restore"],
         "validates (decompresses) the backup, backs the store up, copies the backup in"),
        ("auto backup, store unchanged", probe,
         "in-process: the per-command cost after a review session (note read)"),
        ("  the same by decompressing", decompressing,
         "in-process: not used; what the note saves each time"),
    ])


if __name__ == "__main__":
    main()
