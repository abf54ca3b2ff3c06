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


def _peak_kb(argv: list[str], env: dict[str, str], stdout) -> int:
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, env=env, stdout=stdout, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        assert proc.returncode == 0, err.read().decode()
    return usage.ru_maxrss  # KB on Linux, this child only


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
