"""Crash harness: a child process answers, undoes and imports against one store and is
SIGKILLed at random (seeded) points, 50 times. After every kill the store passes
integrity_check and `flashcards check`, every acknowledged answer is there (and nothing
but what was acknowledged, give or take the one operation in flight), no import is half
applied, and every backup that has its final name is a sound database.

The child is forked from the test process (modules already imported), so a kill costs
milliseconds rather than an interpreter start; it is a separate process all the same.
"""

from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import threading
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest

from flashcards import service
from flashcards.domain.days import study_day
from flashcards.service import maintenance
from flashcards.store import backup, open_store, restore
from safety import T0, assert_sound, query

from conftest import make_deck

KILLS = 50
SEED = int(os.environ.get("FLASHCARDS_CRASH_SEED", "20260302"))


def child(db: Path, seed: int, wfd: int) -> None:
    """The workload: a seeded stream of answers, undos and imports; an ack after each."""
    out = os.fdopen(wfd, "w", buffering=1)
    rng = random.Random(seed)
    store = open_store(db)
    with store.raw_read() as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM card WHERE retired = 0")]
    moment = T0 + timedelta(hours=seed % 1000)
    for n in range(10_000):
        roll = rng.random()
        if roll < 0.12:
            name, size = f"import-{seed}-{n}", rng.randint(20, 250)
            out.write(f"begin import {name} {size}\n")
            maintenance.auto_backup(db, "import", moment, 30)
            deck = make_deck(name, size, prefix=f"k{n}-")
            service.import_decks(store, [(deck, None)], moment)
            out.write(f"ack import {name} {size}\n")
        elif roll < 0.2:
            out.write("begin undo\n")
            undone = service.undo_last(store)
            out.write(f"ack undo {'none' if undone is None else undone.card_id}\n")
        else:
            card, grade = rng.choice(ids), rng.randint(0, 5)
            done = service.answer(store, card, grade, moment, study_day(moment))
            out.write(f"ack answer {done.review_id} {card} {grade}\n")
        moment += timedelta(seconds=rng.randint(1, 900))
    out.write("finished\n")


def run_child(db: Path, seed: int, wfd: int, rfd: int) -> None:
    os.close(rfd)
    code = 0
    try:
        child(db, seed, wfd)
    except BaseException:
        os.write(wfd, ("error " + traceback.format_exc().replace("\n", " | ") + "\n").encode())
        code = 1
    finally:
        os._exit(code)


@dataclass
class Model:
    """What the store must hold, from the acknowledgements."""

    reviews: dict[int, tuple[int, int]] = field(default_factory=dict)  # id -> (card, grade)
    decks: dict[str, int] = field(default_factory=dict)  # imported deck -> cards


class Lines:
    """The child's output: complete lines only (a line torn by the kill is no ack)."""

    def __init__(self, fd: int) -> None:
        self.fd, self.buf, self.lines = fd, b"", []

    def _feed(self, chunk: bytes) -> list[str]:
        self.buf += chunk
        *complete, self.buf = self.buf.split(b"\n")
        new = [raw.decode() for raw in complete]
        self.lines += new
        return new

    def until(self, deadline: float, want: int, stop_on_begin_import: bool) -> None:
        """Read until `want` acks, a begin-import (if asked), or the deadline."""
        acks = 0
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], deadline - time.monotonic())
            chunk = os.read(self.fd, 65536) if ready else b""
            if not chunk:
                return
            for line in self._feed(chunk):
                acks += line.startswith("ack")
                if acks >= want or (stop_on_begin_import and line.startswith("begin import")):
                    return

    def drain(self) -> None:
        while chunk := os.read(self.fd, 65536):
            self._feed(chunk)


def verify(db: Path, model: Model, lines: list[str]) -> str:
    """Check the store against the model; return what happened to the operation in flight."""
    errors = [line for line in lines if line.startswith("error")]
    assert not errors, errors[0]
    in_flight = lines[-1] if lines else ""
    for line in lines:
        parts = line.split()
        if parts[:2] == ["ack", "answer"]:
            model.reviews[int(parts[2])] = (int(parts[3]), int(parts[4]))
        elif parts[:2] == ["ack", "undo"] and parts[2] != "none":
            del model.reviews[max(model.reviews)]
        elif parts[:2] == ["ack", "import"]:
            model.decks[parts[2]] = int(parts[3])
    assert_sound(db, today=T0.date() + timedelta(days=400))
    stored = {r[0]: (r[1], r[2]) for r in query(db, "SELECT id, card_id, grade FROM review")}
    missing = {i: v for i, v in model.reviews.items() if stored.get(i) != v}
    extra = {i: v for i, v in stored.items() if i not in model.reviews}
    if in_flight == "begin undo" and missing:
        assert list(missing) == [max(model.reviews)], missing  # the undo did commit
    else:
        assert not missing, f"acknowledged answers lost: {missing}"
    assert len(extra) <= 1 and all(i > max(model.reviews, default=0) for i in extra), extra
    model.reviews = stored  # resolve the operation in flight
    counts = dict(query(db, "SELECT d.name, count(c.id) FROM deck d "
                            "LEFT JOIN card c ON c.deck_id = d.id GROUP BY d.id"))
    for name, size in model.decks.items():
        assert counts.get(name) == size, f"import {name} not all there"
    outcome = "none"
    if in_flight.startswith("begin import"):
        _, _, name, size = in_flight.split()
        assert counts.get(name, 0) in (0, int(size)), f"import {name} half applied"
        if counts.get(name):
            model.decks[name] = int(size)
        outcome = "import committed" if counts.get(name) else "import rolled back"
    assert set(counts) - {"Deck 0", "Deck 1"} == set(model.decks)
    return outcome


def test_sigkill_at_random_points_loses_nothing_acknowledged(db_path: Path):
    kill_repeatedly(db_path, KILLS, SEED)


@pytest.mark.slow
def test_sigkill_many_more_times(db_path: Path):
    kill_repeatedly(db_path, 300, SEED + 1)  # ~7 min: CI runs it, within its 20


def kill_repeatedly(db_path: Path, kills: int, seed: int) -> None:
    assert threading.active_count() == 1  # fork only from a single-threaded process
    store = open_store(db_path)
    service.import_decks(store, [(make_deck(f"Deck {i}", 30, prefix=f"d{i}-"), None)
                                 for i in range(2)], T0)
    store.close()
    rng = random.Random(seed)
    model, checked, kinds = Model(), set(), {"answer": 0, "import": 0, "undo": 0}
    outcomes: Counter[str] = Counter()
    for kill in range(kills):
        rfd, wfd = os.pipe()
        pid = os.fork()
        if pid == 0:
            run_child(db_path, seed * 1000 + kill, wfd, rfd)
        os.close(wfd)
        try:
            in_import = kill % 3 == 0  # a third of the kills aim inside an import
            out = Lines(rfd)
            out.until(time.monotonic() + 20, rng.randint(1, 12), in_import)
            time.sleep(rng.uniform(0, 0.03 if in_import else 0.004))
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            out.drain()
            lines = out.lines
        finally:
            os.close(rfd)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, lines[-1:]
        for line in lines:
            for kind in kinds:
                kinds[kind] += line.startswith(f"ack {kind}")
        outcomes[verify(db_path, model, lines)] += 1
        for made in backup.list_backups(db_path):
            if made.path not in checked:
                assert query(made.path, "PRAGMA quick_check") == [("ok",)], made.name
                checked.add(made.path)
    assert all(kinds.values()), kinds  # the stream exercised every operation
    assert outcomes["import rolled back"] >= 1, outcomes  # some kills landed inside imports
    # what a kill left half-made is a hidden temp file, never a file with a backup's name
    listed = {b.name for b in backup.list_backups(db_path)}
    others = {p.name for p in (db_path.parent / "backups").iterdir()} - listed
    assert all(n.startswith(".store-") and n.endswith((".tmp", "-journal", "-wal", "-shm"))
               for n in others), others
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_sigkill_during_restore_leaves_one_whole_version(db_path: Path):
    """A restore copies the backup in through the backup API, in one transaction: killed
    at any point, the store is wholly the old one or wholly the backup, never a mix."""
    assert threading.active_count() == 1
    store = open_store(db_path)
    service.import_decks(store, [(make_deck("Small", 50, prefix="s"), None)], T0)
    store.close()
    small = backup.make_backup(db_path, T0)
    store = open_store(db_path)
    service.import_decks(store, [(make_deck("Large", 3000, prefix="l"), None)], T0)
    store.close()
    large = backup.make_backup(db_path, T0 + timedelta(hours=1))
    versions = {query(p, "SELECT count(*) FROM card")[0][0] for p in (small.path, large.path)}
    assert versions == {50, 3050}
    rng = random.Random(SEED)
    seen: Counter[int] = Counter()
    for kill in range(12):
        done_r, done_w = os.pipe()  # the child writes a byte after each whole restore
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                os.close(done_r)
                for n in range(1000):  # back and forth until killed
                    source = (small, large)[(kill + n) % 2]
                    restore.restore(db_path, source.path, T0 + timedelta(days=1, minutes=n))
                    os.write(done_w, b".")
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        os.close(done_w)
        # wait for a random number of whole restores, however slow the machine, then kill
        # soon after: usually inside the next restore, sometimes between two
        for _ in range(rng.randint(1, 3)):
            ready, _, _ = select.select([done_r], [], [], 120)
            assert ready and os.read(done_r, 1) == b".", "the restoring child stopped"
        time.sleep(rng.uniform(0, 0.05))
        os.kill(pid, signal.SIGKILL)
        os.close(done_r)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status), "the restoring child stopped by itself"
        assert query(db_path, "PRAGMA integrity_check") == [("ok",)]
        [(cards,)] = query(db_path, "SELECT count(*) FROM card")
        assert cards in versions
        seen[cards] += 1
        assert_sound(db_path)
        for saved in (db_path.parent / "backups").glob("*.db.zst"):  # the pre-restore backups
            if saved not in (small.path, large.path):
                saved.unlink()
    assert len(seen) == 2, seen  # kills left it in both states
