"""Anki package import benchmark: a 20,000-note .apkg into a fresh store, whole process.

    uv run python bench/bench_apkg.py [--notes 20000] [--runs 3]

The package is generated with genanki (Basic, Basic (and reversed card) and Cloze notes,
HTML fields, tags, nested decks). Each run times `flashcards --db fresh.db import pkg.apkg`
beside the official Anki library importing the same package into a fresh collection
(`Collection.import_anki_package`), also as a whole process, in the same run, taken in
turn. The Anki column uses /tmp/venv-anki/bin/python (or $ANKI_PYTHON) and is skipped,
with a note, when that interpreter cannot import `anki`:

    python -m venv /tmp/venv-anki && /tmp/venv-anki/bin/pip install anki

Prints the median wall and CPU time of each and their ratios. Target: no slower than
Anki (wall time; CPU time is the steadier figure on a busy machine).
"""

from __future__ import annotations

import argparse
import itertools
import os
import sqlite3
import statistics
import subprocess
import tempfile
import zipfile
from pathlib import Path

import genanki

from common import OURS, count_cards, run_child, work_env

NOW = "2026-03-02T09:00:00+00:00"
STAMP = 1_772_438_400.0
ANKI_PYTHON = os.environ.get("ANKI_PYTHON", "/tmp/venv-anki/bin/python")
_TOPICS = ["Polity", "Geography", "Economy", "History", "Environment"]

ANKI_IMPORT = r"""
import os, sys, tempfile
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
with tempfile.TemporaryDirectory() as tmp:
    col = Collection(os.path.join(tmp, "collection.anki2"))
    col.import_anki_package(ImportAnkiPackageRequest(
        package_path=sys.argv[1], options=ImportAnkiPackageOptions()))
    print(col.card_count())
    col.close()
"""


def _note(i: int) -> genanki.Note:
    topic = _TOPICS[i % len(_TOPICS)]
    tags = [f"gs{i % 4 + 1}", topic.lower(), f"set-{i % 10}"]
    if i % 10 == 9:
        return genanki.Note(genanki.CLOZE_MODEL, [
            f"In {topic}, {{{{c1::fact {i}::what}}}} follows from "
            f"{{{{c2::item {i * 7 % 1000}}}}} &amp; more", f"Extra note {i}"],
            tags=tags, guid=f"bench-{i}")
    model = genanki.BASIC_AND_REVERSED_CARD_MODEL if i % 5 == 0 else genanki.BASIC_MODEL
    question = f"<b>{topic}</b>: what is fact number {i} about item {i * 7 % 1000}?"
    answer = f"<div>Answer {i}: the value is {i * 13 % 997}</div><div>as the notes explain"
    answer += ", with context" * (i % 5) + "</div>"
    return genanki.Note(model, [question, answer], tags=tags, guid=f"bench-{i}")


def make_package(path: Path, notes: int) -> None:
    decks = [genanki.Deck(1_000 + n, f"Bench::{topic}") for n, topic in enumerate(_TOPICS)]
    for i in range(notes):
        decks[i % len(decks)].add_note(_note(i))
    db = path.with_suffix(".anki2")
    conn = sqlite3.connect(db)
    genanki.Package(decks).write_to_db(conn.cursor(), STAMP, itertools.count(int(STAMP * 1000)))
    conn.commit()
    conn.close()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        out.write(db, "collection.anki2")
        out.writestr("media", "{}")
    db.unlink()


def anki_available() -> bool:
    if not Path(ANKI_PYTHON).exists():
        return False
    probe = subprocess.run([ANKI_PYTHON, "-c", "import anki.collection"], capture_output=True)
    return probe.returncode == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notes", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-apkg-") as tmp:
        work = Path(tmp)
        pkg = work / "bench.apkg"
        make_package(pkg, args.notes)
        env = work_env(work, NOW)
        with_anki = anki_available()
        # warm-up (byte-code, page cache), untimed
        run_child([*OURS, "--db", str(work / "warm.db"), "import", str(pkg)], env)
        if with_anki:
            run_child([ANKI_PYTHON, "-c", ANKI_IMPORT, str(pkg)], env)
        ours: list[tuple[float, float]] = []
        anki: list[tuple[float, float]] = []
        cards = 0
        for i in range(args.runs):
            db = work / f"ours-{i}.db"
            wall, cpu, *_ = run_child([*OURS, "--db", str(db), "import", str(pkg)], env)
            ours.append((wall, cpu))
            cards = count_cards(db)
            line = f"run {i + 1}: flashcards {_fmt(wall, cpu)} ({cards:,} cards)"
            if with_anki:
                wall, cpu, _, out = run_child([ANKI_PYTHON, "-c", ANKI_IMPORT, str(pkg)], env)
                anki.append((wall, cpu))
                line += f"; Anki {_fmt(wall, cpu)} ({int(out):,} cards)"
            print(line, flush=True)
        size = pkg.stat().st_size / 2**20
    print(f"\n{args.notes:,} notes, {cards:,} cards ({size:.1f} MB package), "
          f"median of {args.runs} runs, whole processes")
    ours_wall, ours_cpu = _medians(ours)
    print(f"  flashcards import     : {_fmt(ours_wall, ours_cpu)}")
    if anki:
        anki_wall, anki_cpu = _medians(anki)
        ratio = ours_wall / anki_wall
        print(f"  Anki (official lib)   : {_fmt(anki_wall, anki_cpu)}")
        print(f"  ratio                 : {ratio:.2f}x wall, {ours_cpu / anki_cpu:.2f}x CPU "
              f"(target <= 1x wall: {'met' if ratio <= 1 else 'MISSED'})")
    else:
        print(f"  Anki (official lib)   : skipped ({ANKI_PYTHON} cannot import anki; "
              "pip install anki in a separate venv)")


def _medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def _fmt(wall: float, cpu: float) -> str:
    return f"{wall:5.2f} s wall, {cpu:5.2f} s CPU"

if __name__ == "__main__":
    main()
