"""Answers survive SIGKILL; two processes answering at once both get recorded."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from flashcards import service

from conftest import at, make_deck

WORKER = Path(__file__).parent / "workers.py"


def _seed(store, cards: int) -> None:
    service.import_decks(store, [(make_deck("D", cards), None)], at("2026-03-01T09:00:00+00:00"))


def _worker(db_path: Path, count: int, tag: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(WORKER), "answer", str(db_path), str(count), tag],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _review_ids(db_path: Path) -> set[int]:
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {row[0] for row in conn.execute("SELECT id FROM review")}
    finally:
        conn.close()


def test_sigkill_mid_stream_loses_no_committed_answer(store, db_path):
    _seed(store, 40)
    store.close()
    acked: set[int] = set()
    for kill_after in (3, 17, 1, 30, 9):
        proc = _worker(db_path, 10_000, "crash")
        assert proc.stdout is not None
        for _ in range(kill_after):
            line = proc.stdout.readline()
            assert line.startswith("ACK "), proc.stderr.read() if proc.stderr else line
            acked.add(int(line.split()[1]))
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()  # reap it and close its pipes
        present = _review_ids(db_path)
        assert acked <= present
        # the card states agree with the log: each card's state is its last review's after
        conn = sqlite3.connect(db_path)
        mismatched = conn.execute(
            "SELECT count(*) FROM card c JOIN review r ON r.id = "
            "(SELECT max(id) FROM review WHERE card_id = c.id) "
            "WHERE c.reps != r.reps_after OR c.ease != r.ease_after "
            "OR c.interval != r.interval_after").fetchone()[0]
        conn.close()
        assert mismatched == 0


def test_two_processes_answering_at_once(store, db_path):
    _seed(store, 200)
    store.close()
    first, second = _worker(db_path, 60, "one"), _worker(db_path, 60, "two")
    outs = [p.communicate(timeout=120) for p in (first, second)]
    for proc, (out, err) in zip((first, second), outs, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err
        assert out.count("ACK") == 60
    conn = sqlite3.connect(db_path)
    by_session = dict(conn.execute("SELECT session_id, count(*) FROM review GROUP BY 1"))
    assert by_session == {"one": 60, "two": 60}
    acked = {int(line.split()[1]) for out, _ in outs for line in out.splitlines()}
    assert acked == _review_ids(db_path)
