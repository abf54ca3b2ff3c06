"""SIGKILL a review session after N answers: exactly N answers are kept, the store is
sound, and the next session starts from the right card."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing

from flashcards import service

from conftest import at, make_deck

CLI = "from flashcards.cli import main; main()"
GRADES = ["5", "4", "2", "5"]  # card 3 fails: it is due again today


def count_reviews(db_path) -> int:
    with closing(sqlite3.connect(db_path, timeout=10)) as conn:
        return int(conn.execute("SELECT count(*) FROM review").fetchone()[0])


def wait_for(predicate, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def answer_then_kill(proc: subprocess.Popen, db_path) -> None:
    assert proc.stdin is not None
    for n, grade in enumerate(GRADES, start=1):
        proc.stdin.write(f"\n{grade}\n".encode())
        proc.stdin.flush()
        wait_for(lambda n=n: count_reviews(db_path) == n)
    proc.stdin.write(b"\n")  # the next card's answer is on screen, not graded
    proc.stdin.flush()
    time.sleep(0.3)
    assert proc.poll() is None, "the session ended early"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)


def test_sigkill_after_n_answers_keeps_exactly_n(store, db_path, tmp_path):
    service.import_decks(store, [(make_deck("A", 8), None)], at("2026-03-01T09:00:00+00:00"))
    store.close()
    with subprocess.Popen([sys.executable, "-c", CLI, "review", "--lines"],
                          stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, cwd=tmp_path, env=os.environ.copy()) as proc:
        try:
            answer_then_kill(proc, db_path)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute("SELECT card_id, grade FROM review ORDER BY id").fetchall()
    assert rows == [(1, 5), (2, 4), (3, 2), (4, 5)]
    from flashcards.store import open_store

    reopened = open_store(db_path)
    try:
        queue = service.build_queue(reopened, (), at("2026-03-02T09:00:00+00:00").date(),
                                    new_per_day=20)
    finally:
        reopened.close()
    # the failed card first (redrill), then the cards never answered, in order
    assert [c.key for c in queue.cards] == ["c3", "c5", "c6", "c7", "c8"]
    assert queue.new_today == 4
