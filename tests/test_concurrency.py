"""Two processes answering and one importing (through the real command, with its
automatic backup) into the same store at the same time: everything is recorded, nobody
crashes, nobody sees "database is locked"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from flashcards import service
from flashcards.store import backup, open_store
from safety import T0, assert_sound, query

from conftest import make_deck

REVIEWER = """
import sys
import time
from datetime import timedelta
from flashcards import service
from flashcards.domain.days import study_day
from flashcards.store import open_store
from safety import T0
db, who, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
store = open_store(db)
with store.raw_read() as conn:
    ids = [r[0] for r in conn.execute("SELECT id FROM card ORDER BY id")]
print("ready", flush=True)
sys.stdin.readline()  # start together
for n in range(count):
    moment = T0 + timedelta(minutes=n, seconds=who)
    card = ids[(n * 7 + who * 13) % len(ids)]
    done = service.answer(store, card, (n + who) % 6, moment, study_day(moment),
                          session_id=f"reviewer-{who}")
    print("ack", done.review_id, card, flush=True)
    time.sleep(0.005)  # a (very fast) student's pace
store.close()
"""

IMPORTER = """
import sys
from flashcards.cli import main
print("ready", flush=True)
sys.stdin.readline()
sys.argv = ["flashcards", "import", sys.argv[1]]
main()
"""


def test_two_reviewers_and_an_importer_at_once(db_path: Path, tmp_path: Path):
    store = open_store(db_path)
    service.import_decks(store, [(make_deck("Shared", 40), None)], T0)
    store.close()
    deck = tmp_path / "big.csv"
    deck.write_text("question,answer\n" + "".join(f"Q{i}?,A{i}\n" for i in range(3000)))
    tests = str(Path(__file__).parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([tests, os.environ.get("PYTHONPATH", "")]),
           "FLASHCARDS_DB": str(db_path)}
    answers = 200
    errs = [(tmp_path / f"stderr-{n}.txt").open("w+") for n in range(3)]
    procs = [subprocess.Popen([sys.executable, "-c", REVIEWER, str(db_path), str(who),
                               str(answers)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=errs[who - 1], text=True, env=env) for who in (1, 2)]
    procs.append(subprocess.Popen([sys.executable, "-c", IMPORTER, str(deck)],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=errs[2], text=True, env=env))
    for proc in procs:  # wait until all three are up, then release them together
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    reviewers, importer = procs[:2], procs[2]
    for proc in reviewers:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    early = []
    for proc in reviewers:  # the import starts while both are mid-stream
        assert proc.stdout is not None
        early.append([proc.stdout.readline() for _ in range(20)])
    assert importer.stdin is not None
    importer.stdin.write("go\n")
    importer.stdin.flush()
    results = []
    for proc, head, err in zip(procs, [*early, []], errs, strict=True):
        assert proc.stdout is not None
        out = "".join(head) + proc.stdout.read()  # the rest, after the lines read above
        proc.wait(timeout=180)
        err.seek(0)
        results.append((out, err.read()))
        for pipe in (proc.stdin, proc.stdout, err):
            pipe.close()
    for proc, (_, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err, err
    acked = [tuple(map(int, line.split()[1:])) for out, _ in results[:2]
             for line in out.splitlines() if line.startswith("ack")]
    assert len(acked) == 2 * answers
    stored = set(query(db_path, "SELECT id, card_id FROM review"))
    assert set(acked) <= stored and len(stored) == 2 * answers
    assert query(db_path, "SELECT count(*) FROM card c JOIN deck d ON d.id = c.deck_id "
                          "WHERE d.name = 'big'") == [(3000,)]
    assert_sound(db_path, today=T0.date().replace(day=10))
    [made] = backup.list_backups(db_path)  # the import's backup, taken mid-stream
    assert_sound(made.path, today=T0.date().replace(day=10))
    assert query(made.path, "SELECT count(*) FROM card") == [(40,)]
    [(in_backup,)] = query(made.path, "SELECT count(*) FROM review")
    assert 40 <= in_backup < 2 * answers  # the import really ran while both were answering


def test_two_review_sessions_and_an_import_through_the_commands(db_path: Path, tmp_path: Path):
    """The same, through `flashcards review --lines` (the real session) twice at once."""
    import re

    store = open_store(db_path)
    service.import_decks(store, [(make_deck("Shared", 60), None)], T0)
    store.close()
    deck = tmp_path / "more.csv"
    deck.write_text("question,answer\n" + "".join(f"Q{i}?,A{i}\n" for i in range(2000)))
    env = {**os.environ, "FLASHCARDS_DB": str(db_path)}
    keys = "".join(f"space\n{4 + n % 2}\n" for n in range(40)) + "q\n"
    cmd = [sys.executable, "-c", "import sys; from flashcards.cli import main; "
           "sys.argv[0] = 'flashcards'; main()"]
    procs = [subprocess.Popen([*cmd, "review", "--lines", "--new", "40", "Shared"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env) for _ in range(2)]
    procs.append(subprocess.Popen([*cmd, "import", str(deck)], stdin=subprocess.DEVNULL,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  env=env))
    for proc in procs[:2]:  # both sessions get all their keys at once: they run together
        assert proc.stdin is not None
        proc.stdin.write(keys)
        proc.stdin.close()
    results = []
    for proc in procs:
        assert proc.stdout is not None and proc.stderr is not None
        results.append((proc.stdout.read(), proc.stderr.read()))  # small: no pipe fills
        proc.wait(timeout=180)
        proc.stdout.close()
        proc.stderr.close()
    graded = 0
    for proc, (_, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err, err
    for out, _ in results[:2]:
        [grades] = re.findall(r"Grades\s+5: (\d+)\s+4: (\d+)\s+3: (\d+)\s+2: (\d+)\s+1: (\d+)"
                              r"\s+0: (\d+)", out)
        graded += sum(map(int, grades))
    assert graded >= 40
    assert query(db_path, "SELECT count(*) FROM review") == [(graded,)]
    assert query(db_path, "SELECT count(*) FROM card") == [(2060,)]
    assert_sound(db_path)
