"""Import benchmark: a 100,000-card TSV into a fresh store, as a whole process.

    uv run python bench/bench_import.py [--cards 100000] [--runs 5] [--no-anki]

Each run times `flashcards --db fresh.db import big.tsv` (a new store every run) beside,
in the same round, Anki 26.9.3 importing the same TSV into a new collection
(`Collection.import_csv`, Basic notes, the tags column mapped; Anki from PyPI in a
throw-away venv, bench_apkg.anki_python) and a raw floor: a separate `python -c`
process that reads the TSV with the csv module, creates an equivalent card table (same
columns, indexes and pragmas) and inserts the same rows with sqlite3 executemany in one
transaction. Prints medians, the paired ratios, peak RSS (from os.wait4: the largest
process) and, from a run of each apart, the peak memory of all its processes together
(ours parses a big file in a second process while it writes: formats.background).
Byte-code is cached (in the temp dir) and warmed by one untimed run, as after an install.
Targets (issue 16): at most 0.4x Anki's time, peak memory at most 0.5x Anki's.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from bench_apkg import anki_python
from common import OURS, count_cards, paired_ratio, run_child, tree_peak_mb, work_env

TARGET_RATIO = 0.4  # of Anki's wall time
TARGET_RSS = 0.5  # of Anki's peak memory
ANKI_CSV = r"""
import os, sys, tempfile
from anki.collection import Collection, ImportCsvRequest
with tempfile.TemporaryDirectory() as tmp:
    col = Collection(os.path.join(tmp, "collection.anki2"))
    metadata = col.get_csv_metadata(path=sys.argv[1], delimiter=None)
    metadata.tags_column = 3  # question, answer, tags
    col.import_csv(ImportCsvRequest(path=sys.argv[1], metadata=metadata))
    print(col.card_count())
    col.close()
"""
NOW = "2026-03-02T09:00:00+00:00"

_TOPICS = ["the Indian Constitution", "the monsoon", "fiscal federalism", "the Mauryan empire",
           "India-Korea defence ties", "the Green Revolution", "coral bleaching",
           "the Panchayati Raj", "the Directive Principles", "the Bhakti movement"]


def make_tsv(path: Path, cards: int) -> None:
    """Realistic rows: varied lengths, commas and quotes, a few multi-line answers."""
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("question\tanswer\ttags\n")
        for i in range(cards):
            topic = _TOPICS[i % len(_TOPICS)]
            question = (f"In the study of {topic}, what is fact number {i} about item "
                        f"{i * 7 % 1000}, and why does it matter?")
            answer = f"Answer {i}: the value is {i * 13 % 997}, as the notes explain"
            answer += ", with context" * (i % 5)
            if i % 50 == 0:
                answer = f'"{answer}\nsecond line with ""quotes"" {i}"'
            out.write(f"{question}\t{answer}\tgs{i % 4 + 1} bench topic-{i % 10}\n")


FLOOR = r"""
import csv, sqlite3, sys
db, tsv = sys.argv[1], sys.argv[2]
conn = sqlite3.connect(db, isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("PRAGMA synchronous = FULL")
conn.execute("PRAGMA foreign_keys = ON")
conn.executescript('''
CREATE TABLE deck (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, source TEXT,
    deck_file TEXT, meta TEXT NOT NULL DEFAULT '{}', created_at TEXT NOT NULL);
CREATE TABLE card (id INTEGER PRIMARY KEY,
    deck_id INTEGER NOT NULL REFERENCES deck(id) ON DELETE CASCADE, key TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'basic', question TEXT NOT NULL, answer TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '', source_file TEXT, section TEXT, line_start INTEGER,
    line_end INTEGER, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    suspended BOOLEAN NOT NULL DEFAULT 0, retired BOOLEAN NOT NULL DEFAULT 0,
    reps INTEGER NOT NULL DEFAULT 0, ease FLOAT NOT NULL DEFAULT 2.5,
    interval INTEGER NOT NULL DEFAULT 0, due DATE, redrill BOOLEAN NOT NULL DEFAULT 0,
    lapses INTEGER NOT NULL DEFAULT 0, last_review DATE, UNIQUE (deck_id, key));
CREATE INDEX ix_card_deck_id ON card (deck_id);
CREATE INDEX ix_card_due ON card (due);
''')
with open(tsv, encoding="utf-8", newline="") as fh:
    reader = csv.reader(fh, delimiter="\t")
    next(reader)
    now = "2026-03-02T09:00:00.000Z"
    rows = [(1, f"k{i}", "basic", q, a, t, now, now)
            for i, (q, a, t) in enumerate(reader)]
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO deck (id, name, created_at) VALUES (1, 'big', ?)", (now,))
conn.executemany("INSERT INTO card (deck_id, key, kind, question, answer, tags, created_at,"
                 " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
conn.execute("COMMIT")
print(len(rows))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-anki", action="store_true")
    args = parser.parse_args()
    anki = None if args.no_anki else anki_python()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        work = Path(tmp)
        tsv = work / "big.tsv"
        make_tsv(tsv, args.cards)
        size_mb = tsv.stat().st_size / 2**20
        env = work_env(work, NOW)  # one warm-up run below fills the bytecode cache
        run_child([*OURS, "--db", str(work / "warm.db"), "import", str(tsv), "--dry-run"], env)
        if anki:
            run_child([anki, "-c", ANKI_CSV, str(tsv)], env)  # its bytecode, warmed too
        ours: list[tuple[float, float, float]] = []
        floor: list[tuple[float, float, float]] = []
        theirs: list[tuple[float, float, float]] = []
        for i in range(args.runs):
            db = work / f"ours-{i}.db"
            *result, _ = run_child([*OURS, "--db", str(db), "import", str(tsv)], env)
            assert count_cards(db) == args.cards, "our import lost cards"
            ours.append((result[0], result[1], result[2]))
            *result, out = run_child([sys.executable, "-c", FLOOR, str(work / f"floor-{i}.db"),
                                      str(tsv)], env)
            assert int(out) == args.cards
            floor.append((result[0], result[1], result[2]))
            if anki:
                *result, out = run_child([anki, "-c", ANKI_CSV, str(tsv)], env)
                assert int(out) >= args.cards, "Anki lost cards"  # (+1: it keeps the header)
                theirs.append((result[0], result[1], result[2]))
            print(f"run {i + 1}: ours {_fmt(ours[-1])}; raw sqlite3 {_fmt(floor[-1])}"
                  + (f"; Anki {_fmt(theirs[-1])}" if theirs else ""), flush=True)
        # memory with every process counted (ours parses in a child): a run of each apart
        tree_ours = tree_peak_mb([*OURS, "--db", str(work / "tree.db"), "import", str(tsv)],
                                 env)
        tree_anki = tree_peak_mb([anki, "-c", ANKI_CSV, str(tsv)], env) if anki else None
    print(f"\n{args.cards:,} cards ({size_mb:.1f} MB TSV), median of {args.runs} runs "
          "taken in turn")
    print(f"  flashcards import : {_fmt(_median(ours))}")
    print(f"  raw sqlite3 floor : {_fmt(_median(floor))}  "
          f"(ours {paired_ratio([r[0] for r in ours], [r[0] for r in floor]):.2f}x)")
    print("  (peak RSS: of the largest process; ours parses in a second process)")
    print(f"  memory, all processes (peak PSS, a run apart): ours {tree_ours:.0f} MB"
          + (f", Anki {tree_anki:.0f} MB" if tree_anki else ""))
    if theirs and tree_anki:
        wall = paired_ratio([r[0] for r in ours], [r[0] for r in theirs])
        peak = tree_ours / tree_anki
        floor_wall = paired_ratio([r[0] for r in floor], [r[0] for r in theirs])
        print(f"  Anki import_csv   : {_fmt(_median(theirs))}  (floor {floor_wall:.2f}x)")
        print(f"  ours / Anki       : {wall:.2f}x wall (target <= {TARGET_RATIO}x: "
              f"{'met' if wall <= TARGET_RATIO else 'MISSED'}), memory {peak:.2f}x (all "
              f"processes; target <= {TARGET_RSS}x: {'met' if peak <= TARGET_RSS else 'MISSED'})")


def _median(runs: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
            max(r[2] for r in runs))


def _fmt(result: tuple[float, float, float]) -> str:
    wall, cpu, rss = result
    return f"{wall:5.2f} s wall, {cpu:5.2f} s CPU, {rss:4.0f} MB peak RSS"


if __name__ == "__main__":
    main()
