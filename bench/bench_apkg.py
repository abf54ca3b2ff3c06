"""Anki package import benchmark: a 20,000-note .apkg into a fresh store, whole process.

    uv run python bench/bench_apkg.py [--notes 20000] [--runs 3]

The package is generated with genanki (Basic, Basic (and reversed card) and Cloze notes,
HTML fields, tags, nested decks). Each run times `flashcards --db fresh.db import pkg.apkg`
beside the official Anki library importing the same package into a fresh collection
(`Collection.import_anki_package`), also as a whole process, in the same run, taken in
turn. The Anki column uses /tmp/venv-anki/bin/python (or $ANKI_PYTHON) and is skipped,
with a note, when that interpreter cannot import `anki`:

    python -m venv /tmp/venv-anki && /tmp/venv-anki/bin/pip install anki

Prints the median wall time of each and their ratio. Target: no slower than Anki.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import genanki

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


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr}")
    return elapsed, proc.stdout


def anki_available() -> bool:
    if not Path(ANKI_PYTHON).exists():
        return False
    probe = subprocess.run([ANKI_PYTHON, "-c", "import anki.collection"], capture_output=True)
    return probe.returncode == 0


def count_cards(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM card").fetchone()[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notes", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-apkg-") as tmp:
        work = Path(tmp)
        pkg = work / "bench.apkg"
        make_package(pkg, args.notes)
        env = {**os.environ, "FLASHCARDS_NOW": NOW, "FLASHCARDS_DATA_DIR": str(work / "data"),
               "FLASHCARDS_CONFIG": str(work / "config.toml"), "NO_COLOR": "1"}
        env.pop("FLASHCARDS_DB", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        ours_cmd = [sys.executable, "-c", "from flashcards.cli import main; main()"]
        with_anki = anki_available()
        # warm-up (byte-code, page cache), untimed
        run([*ours_cmd, "--db", str(work / "warm.db"), "import", str(pkg)], env)
        if with_anki:
            run([ANKI_PYTHON, "-c", ANKI_IMPORT, str(pkg)], env)
        ours: list[float] = []
        anki: list[float] = []
        cards = 0
        for i in range(args.runs):
            db = work / f"ours-{i}.db"
            elapsed, _ = run([*ours_cmd, "--db", str(db), "import", str(pkg)], env)
            ours.append(elapsed)
            cards = count_cards(db)
            line = f"run {i + 1}: flashcards {elapsed:5.2f} s ({cards:,} cards)"
            if with_anki:
                elapsed, out = run([ANKI_PYTHON, "-c", ANKI_IMPORT, str(pkg)], env)
                anki.append(elapsed)
                line += f"; Anki {elapsed:5.2f} s ({int(out):,} cards)"
            print(line, flush=True)
        size = pkg.stat().st_size / 2**20
    print(f"\n{args.notes:,} notes, {cards:,} cards ({size:.1f} MB package), "
          f"median of {args.runs} runs, whole processes")
    ours_median = statistics.median(ours)
    print(f"  flashcards import     : {ours_median:5.2f} s")
    if anki:
        anki_median = statistics.median(anki)
        ratio = ours_median / anki_median
        print(f"  Anki (official lib)   : {anki_median:5.2f} s")
        print(f"  ratio                 : {ratio:.2f}x (target <= 1x: "
              f"{'met' if ratio <= 1 else 'MISSED'})")
    else:
        print(f"  Anki (official lib)   : skipped ({ANKI_PYTHON} cannot import anki; "
              "pip install anki in a separate venv)")


if __name__ == "__main__":
    main()
