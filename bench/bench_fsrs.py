"""FSRS on a generated history: `flashcards optimize` (fit the parameters to the log and
read every card's memory state again) and `flashcards simulate --days 365`, whole
processes, medians, beside the floor in the same run.

    uv run python bench/bench_fsrs.py [--runs 3] [--cards 3000] [--per-card 10]

The history: each card answered `--per-card` times by a student whose memory is FSRS-6's
default model (3,000 cards x 10 = 30,000 answers, issue 15's size), written straight
into a migrated store. The floor is a Python process that reads the same log with
sqlite3 and gives it to fsrs-rs's optimizer (compute_parameters) alone: what any
program that fits FSRS to this log pays.

Target (issue 15): optimize under 60 s on the shared 2-core machine.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import subprocess
import tempfile
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

from common import FLASHCARDS, PYTHON, bench_env, interleaved_runs, report_runs, versus_floor

TODAY = date(2026, 3, 2)
FLOOR = """
import sqlite3, sys
from datetime import date
from fsrs_rs_python import DEFAULT_PARAMETERS, FSRS, FSRSItem, FSRSReview
conn = sqlite3.connect(sys.argv[1])
rows = conn.execute("SELECT card_id, grade, study_day FROM review ORDER BY card_id, id")
histories = {}
for card, grade, day in rows:
    histories.setdefault(card, []).append(((1, 1, 1, 2, 3, 4)[grade], date.fromisoformat(day)))
items = []
for h in histories.values():
    for end in range(2, len(h) + 1):
        if h[end - 1][1] > h[end - 2][1]:
            reviews, last = [], None
            for rating, day in h[:end]:
                reviews.append(FSRSReview(rating, 0 if last is None else (day - last).days))
                last = day
            items.append(FSRSItem(reviews))
FSRS(DEFAULT_PARAMETERS).compute_parameters(items)
"""


def make_store(db: Path, cards: int, per_card: int, env: dict[str, str]) -> int:
    from flashcards.domain import CardState
    from flashcards.scheduler import fsrs

    deck = db.parent / "big.csv"
    deck.write_text("question,answer\n" + "".join(f"Question {i}?,Answer {i}\n"
                                                 for i in range(cards)))
    subprocess.run([FLASHCARDS, "import", str(deck)], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    model = fsrs.Fsrs(fsrs.default_parameters())
    draw = random.Random(0)
    rows, states = [], {}
    for card_id in range(1, cards + 1):
        state, day = CardState(), TODAY - timedelta(days=500)
        for _ in range(per_card):
            chance = 0.75 if state.is_new else (fsrs.recall(state, day, model) or 0.0)
            grade = draw.choice((3, 4, 4, 5)) if draw.random() < chance else draw.choice((0, 1))
            after, kind = fsrs.review(state, grade, day, model)
            rows.append((card_id, f"{day}T09:00:00Z", day.isoformat(), grade, str(kind),
                         state.repetitions, state.ease, state.interval, after.repetitions,
                         after.ease, after.interval, after.due.isoformat()))  # type: ignore[union-attr]
            state = after
            day = min(TODAY, after.due or day)
        states[card_id] = state
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.executemany(
            "INSERT INTO review (card_id, reviewed_at, study_day, grade, kind, reps_before,"
            " ease_before, interval_before, redrill_before, lapses_before, reps_after,"
            " ease_after, interval_after, due_after, redrill_after, lapses_after, scheduler)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, 0, 0, 'fsrs')", rows)
        conn.executemany("UPDATE card SET reps = ?, ease = ?, interval = ?, due = ?,"
                         " last_review = ? WHERE id = ?",
                         [(s.repetitions, s.ease, s.interval, str(s.due), str(s.last_review),
                           i) for i, s in states.items()])
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cards", type=int, default=3000)
    parser.add_argument("--per-card", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "fsrs.db"
        env = {"FLASHCARDS_DB": str(db), "FLASHCARDS_NOW": f"{TODAY}T09:00:00Z",
               "NO_COLOR": "1", "FLASHCARDS_CONFIG": str(Path(tmp) / "none.toml")}
        answers = make_store(db, args.cards, args.per_card, bench_env(env))
        pristine = Path(tmp) / "pristine.db"
        shutil.copyfile(db, pristine)
        floor = Path(tmp) / "floor.py"
        floor.write_text(FLOOR)
        runs = interleaved_runs({
            "floor": [PYTHON, str(floor), str(pristine)],
            "optimize": [FLASHCARDS, "optimize"],
            "simulate": [FLASHCARDS, "simulate", "--days", "365", "--json"],
        }, args.runs, env)
    print(f"{args.cards:,} cards, {answers:,} answers; median of {args.runs} runs taken in "
          "turn (peak: the largest)")
    report_runs([
        ("floor: fsrs-rs compute_parameters", runs["floor"], ""),
        ("flashcards optimize", runs["optimize"],
         f"{versus_floor(runs['optimize'], runs['floor'])} (target < 60 s)"),
        ("flashcards simulate --days 365", runs["simulate"], "SM-2 and FSRS"),
    ])


if __name__ == "__main__":
    main()
