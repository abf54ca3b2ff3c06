"""Backups of big stores (slow: run with -m slow): a realistic store's backup is at most
35% of its size, and backing up or restoring 1,000,000 reviews never holds the store in
memory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from flashcards.store import backup
from safety import T0
from test_export_big import _peak_kb

from conftest import ROOT


def _generated(dest: Path, cards: int, reviews: int) -> Path:
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import cached_store

    return cached_store(dest, cards=cards, reviews=reviews)


@pytest.mark.slow
def test_a_realistic_backup_is_at_most_35_percent_of_the_store(tmp_path: Path):
    db = _generated(tmp_path / "store.db", 20_000, 200_000)
    made = backup.make_backup(db, T0)
    assert made.size <= 0.35 * db.stat().st_size, f"{made.size / db.stat().st_size:.0%}"


@pytest.mark.slow
def test_backup_and_restore_of_a_million_reviews_stay_under_150_mb(tmp_path: Path):
    db = _generated(tmp_path / "store.db", 100_000, 1_000_000)
    env = {**os.environ, "FLASHCARDS_DB": str(db)}
    flashcards = [sys.executable, "-c", "from flashcards.cli import main; main()"]
    for args in (["backup"], ["restore", "latest", "--yes"]):
        peak = _peak_kb([*flashcards, *args], env, subprocess.DEVNULL)
        assert peak < 150 * 1024, f"{args[0]}: peak RSS {peak / 1024:.0f} MB"
    assert len(backup.list_backups(db)) == 2  # the backup, and the one before the restore
