"""Instructions executed by an .apkg import, ours beside the official Anki library's,
counted by valgrind (callgrind), which the load on a shared machine cannot disturb.

    uv run python bench/bench_instructions.py [--notes 20000] [--modern] [--no-anki]

The packages are bench_apkg.py's: the legacy one (genanki, `collection.anki2`) and, with
--modern, the same notes as current Anki exports them (`collection.anki21b`). Each
import runs once, as a whole process, under

    valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=/dev/null CMD

and its count is the sum of callgrind's `Collected` lines: every instruction of every
thread of the process (and of any child it starts), from the interpreter's start to its
exit. Both imports run with PYTHONHASHSEED=0 and warm byte-code caches (one untimed
run each first), so the counts repeat from run to run within a fraction of a percent.
Anki comes from the same throw-away venv as in bench_apkg.py (installed there when
missing; $ANKI_PYTHON names another). Under callgrind a run is about 50 to 100 times
slower: with the defaults the whole script takes a few minutes (about twice that with
--modern).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench_apkg import ANKI_IMPORT, NOW, anki_python, make_modern, make_package
from common import OURS, count_cards, run_child, work_env

_COLLECTED = re.compile(r"^==\d+== Collected : (\d+)$", re.MULTILINE)


def instructions(argv: Sequence[str], env: dict[str, str]) -> int:
    """Instructions executed by the command and its threads and children (callgrind)."""
    proc = subprocess.run(["valgrind", "--tool=callgrind", "--trace-children=yes",
                           "--callgrind-out-file=/dev/null", *argv], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    counts = [int(n) for n in _COLLECTED.findall(proc.stderr)]
    if proc.returncode or not counts:
        sys.exit(f"failed under valgrind: {' '.join(argv)}\n{proc.stderr[-3000:]}")
    return sum(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=20_000)
    parser.add_argument("--modern", action="store_true",
                        help="also count the modern package (collection.anki21b)")
    parser.add_argument("--no-anki", action="store_true",
                        help="count our import alone; install nothing")
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    anki = None if args.no_anki else anki_python()
    with tempfile.TemporaryDirectory(prefix="bench-instructions-") as tmp:
        work = Path(tmp)
        env = {**work_env(work, NOW), "PYTHONHASHSEED": "0"}
        packages = {"legacy": work / "legacy.apkg"}
        make_package(packages["legacy"], args.notes)
        if args.modern and anki:
            packages["modern"] = work / "modern.apkg"
            make_modern(anki, packages["legacy"], packages["modern"], env)
        print(f"{args.notes:,} notes; instructions executed, whole process (valgrind "
              "--tool=callgrind), one run each", flush=True)
        for form, pkg in packages.items():
            warm = work / f"warm-{form}.db"
            run_child([*OURS, "--db", str(warm), "import", str(pkg)], env)  # byte-code cache
            cards = count_cards(warm)
            ours = instructions([*OURS, "--db", str(work / f"ours-{form}.db"), "import",
                                 str(pkg)], env)
            line = f"  {form:<6} ({cards:,} cards): flashcards {ours / 1e9:.2f} billion"
            if anki:
                run_child([anki, "-c", ANKI_IMPORT, str(pkg)], env)
                theirs = instructions([anki, "-c", ANKI_IMPORT, str(pkg)], env)
                line += f", Anki {theirs / 1e9:.2f} billion: {ours / theirs:.2f}x"
            print(line, flush=True)
    if not anki:
        print("  Anki: skipped (no interpreter with `anki`; see bench_apkg.py --help)")


if __name__ == "__main__":
    main()
