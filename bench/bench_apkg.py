"""Anki package import benchmark: a 20,000-note .apkg into a fresh store, whole process,
for both forms of package: legacy (`collection.anki2`) and modern (`collection.anki21b`).

    uv run python bench/bench_apkg.py [--notes 20000] [--runs 5] [--no-anki]

The legacy package is generated with genanki (Basic, Basic (and reversed card) and Cloze
notes, HTML fields, tags, nested decks). The modern one holds the same notes: the official
Anki library imports the legacy package into a fresh collection and exports it as current
Anki does (`export_anki_package`, legacy=False: zstd-compressed `collection.anki21b`,
schema 18, a `meta` entry, a dummy `collection.anki2`). Each run times `flashcards --db
fresh.db import pkg.apkg` beside the official Anki library importing the same package into
a fresh collection (`Collection.import_anki_package`), also as a whole process, legacy
then modern, taken in turn in the same run.

The Anki library is never a dependency of ours: it lives in a throw-away venv, by default
/tmp/venv-anki, which this script makes when it cannot import `anki` there (with uv, or
venv and pip), pinned to the version the README names:

    uv venv /tmp/venv-anki && uv pip install --python /tmp/venv-anki/bin/python anki==26.9.3

$ANKI_PYTHON names another interpreter that has `anki` (then nothing is installed).
Without Anki (--no-anki, or no way to install it) only our legacy import is timed: the
modern package needs Anki to make it.

Prints the median wall and CPU time of each and their ratios (the median of the
per-run ratios: each run's pair met the same machine). Target: no slower than Anki (wall
time; CPU time is the steadier figure on a busy machine).
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import genanki

from common import OURS, count_cards, run_child, work_env

NOW = "2026-03-02T09:00:00+00:00"
STAMP = 1_772_438_400.0
ANKI_VERSION = "26.9.3"
ANKI_VENV = Path("/tmp/venv-anki")
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

# The legacy package in, the same notes out as current Anki exports them (no scheduling:
# the package has none).
ANKI_MODERN = r"""
import os, sys, tempfile
from anki.collection import (Collection, ExportAnkiPackageOptions, ImportAnkiPackageOptions,
                             ImportAnkiPackageRequest)
with tempfile.TemporaryDirectory() as tmp:
    col = Collection(os.path.join(tmp, "collection.anki2"))
    col.import_anki_package(ImportAnkiPackageRequest(
        package_path=sys.argv[1], options=ImportAnkiPackageOptions()))
    col.export_anki_package(out_path=sys.argv[2], limit=None, options=ExportAnkiPackageOptions(
        with_scheduling=False, with_deck_configs=False, with_media=True, legacy=False))
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


def _has_anki(python: str) -> bool:
    if not Path(python).exists():
        return False
    probe = subprocess.run([python, "-c", "import anki.collection"], capture_output=True)
    return probe.returncode == 0


def anki_python(install: bool = True) -> str | None:
    """An interpreter that can import the official Anki library: $ANKI_PYTHON, or the
    throw-away venv (made here when missing and `install`); None when there is none."""
    if os.environ.get("ANKI_PYTHON"):
        python = os.environ["ANKI_PYTHON"]
        return python if _has_anki(python) else None
    python = str(ANKI_VENV / "bin" / "python")
    if _has_anki(python) or not install:
        return python if _has_anki(python) else None
    print(f"installing anki=={ANKI_VERSION} into the throw-away venv {ANKI_VENV} ...",
          flush=True)
    uv = shutil.which("uv")
    if uv:
        steps = [[uv, "venv", "--quiet", "--allow-existing", "--python", sys.executable,
                  str(ANKI_VENV)],
                 [uv, "pip", "install", "--quiet", "--python", python, f"anki=={ANKI_VERSION}"]]
    else:
        steps = [[sys.executable, "-m", "venv", str(ANKI_VENV)],
                 [python, "-m", "pip", "install", "--quiet", f"anki=={ANKI_VERSION}"]]
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}  # not the project's
    for step in steps:
        if subprocess.run(step, env=env).returncode:
            return None
    return python if _has_anki(python) else None


def make_modern(python: str, legacy: Path, modern: Path, env: dict[str, str]) -> None:
    """The legacy package's notes as current Anki exports them (collection.anki21b)."""
    run_child([python, "-c", ANKI_MODERN, str(legacy), str(modern)], env)
    with zipfile.ZipFile(modern) as archive:
        names = set(archive.namelist())
    if "collection.anki21b" not in names:
        raise SystemExit(f"Anki wrote no collection.anki21b: {sorted(names)}")


Timing = tuple[float, float]  # wall, CPU seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notes", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-anki", action="store_true",
                        help="time our legacy import alone; install nothing")
    args = parser.parse_args()
    anki = None if args.no_anki else anki_python()
    with tempfile.TemporaryDirectory(prefix="bench-apkg-") as tmp:
        work = Path(tmp)
        env = work_env(work, NOW)
        packages = {"legacy": work / "legacy.apkg"}
        make_package(packages["legacy"], args.notes)
        if anki:
            packages["modern"] = work / "modern.apkg"
            make_modern(anki, packages["legacy"], packages["modern"], env)
        # warm-up (byte-code, page cache), untimed
        for form, pkg in packages.items():
            run_child([*OURS, "--db", str(work / f"warm-{form}.db"), "import", str(pkg)], env)
            if anki:
                run_child([anki, "-c", ANKI_IMPORT, str(pkg)], env)
        ours: dict[str, list[Timing]] = {form: [] for form in packages}
        theirs: dict[str, list[Timing]] = {form: [] for form in packages}
        cards: dict[str, int] = {}
        for i in range(args.runs):
            line = f"run {i + 1}:"
            for form, pkg in packages.items():
                db = work / f"ours-{form}-{i}.db"
                wall, cpu, *_ = run_child([*OURS, "--db", str(db), "import", str(pkg)], env)
                ours[form].append((wall, cpu))
                cards[form] = count_cards(db)
                db.unlink()
                line += f" {form}: flashcards {_fmt(wall, cpu)} ({cards[form]:,} cards)"
                if anki:
                    wall, cpu, _, out = run_child([anki, "-c", ANKI_IMPORT, str(pkg)], env)
                    theirs[form].append((wall, cpu))
                    line += f", Anki {_fmt(wall, cpu)} ({int(out):,} cards);"
            print(line.rstrip(";"), flush=True)
        sizes = {form: pkg.stat().st_size / 2**20 for form, pkg in packages.items()}
    print(f"\n{args.notes:,} notes, median of {args.runs} runs, whole processes, taken in turn")
    for form in packages:
        entry = "collection.anki21b" if form == "modern" else "collection.anki2"
        print(f"{form} package ({entry}, {sizes[form]:.1f} MB, {cards[form]:,} cards):")
        ours_wall, ours_cpu = _medians(ours[form])
        print(f"  flashcards import     : {_fmt(ours_wall, ours_cpu)}")
        if theirs[form]:
            anki_wall, anki_cpu = _medians(theirs[form])
            wall_ratio = statistics.median(a[0] / b[0] for a, b in zip(ours[form], theirs[form],
                                                                      strict=True))
            cpu_ratio = statistics.median(a[1] / b[1] for a, b in zip(ours[form], theirs[form],
                                                                     strict=True))
            print(f"  Anki (official lib)   : {_fmt(anki_wall, anki_cpu)}")
            print(f"  ratio                 : {wall_ratio:.2f}x wall, {cpu_ratio:.2f}x CPU "
                  f"(target <= 1x wall: {'met' if wall_ratio <= 1 else 'MISSED'})")
    if not anki:
        print("  Anki (official lib)   : skipped (no interpreter with `anki`; see --help), "
              "and with it the modern package")


def _medians(runs: list[Timing]) -> Timing:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def _fmt(wall: float, cpu: float) -> str:
    return f"{wall:5.2f} s wall, {cpu:5.2f} s CPU"


if __name__ == "__main__":
    main()
