"""Exporting a million reviews keeps memory flat (slow: run with -m slow)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LIMIT_KB = 150 * 1024


# A small launcher runs the command and reports its children's peak RSS: measured from the
# test process itself, the figure would include the pages of pytest it was forked from.
_LAUNCHER = ("import resource, subprocess, sys\n"
             "code = subprocess.run(sys.argv[1:]).returncode\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
             "sys.exit(code)\n")


def _peak_kb(argv: list[str], env: dict[str, str], stdout) -> int:
    with tempfile.TemporaryFile() as err:
        code = subprocess.run([sys.executable, "-c", _LAUNCHER, *argv], env=env, stdout=stdout,
                              stderr=err).returncode
        err.seek(0)
        text = err.read().decode()
    assert code == 0, text
    return int(text.strip().splitlines()[-1])  # KB on Linux


@pytest.mark.slow
def test_million_review_export_stays_under_150_mb(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import NOW_ENV, cached_store

    db = cached_store(tmp_path / "big.db", cards=100_000, reviews=1_000_000)
    env = {**os.environ, "FLASHCARDS_DB": str(db), "FLASHCARDS_NOW": NOW_ENV}
    flashcards = [sys.executable, "-c", "from flashcards.cli import main; main()"]
    out = tmp_path / "reviews.csv"
    with out.open("wb") as sink:
        peak = _peak_kb([*flashcards, "export", "reviews"], env, sink)  # through stdout
    assert peak < LIMIT_KB, f"peak RSS {peak / 1024:.0f} MB"
    with out.open("rb") as fh:
        assert sum(1 for _ in fh) == 1_000_001
    peak = _peak_kb([*flashcards, "export", "reviews", "-f", "jsonl", "-o",
                     str(tmp_path / "r.jsonl")], env, subprocess.DEVNULL)
    assert peak < LIMIT_KB, f"peak RSS {peak / 1024:.0f} MB"
    peak = _peak_kb([*flashcards, "stats", "--json"], env, subprocess.DEVNULL)
    assert peak < LIMIT_KB, f"peak RSS {peak / 1024:.0f} MB"
