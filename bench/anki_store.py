"""The generated store (bench/generate.py) as an Anki collection, for side-by-side timing
with Anki itself: the same decks, cards (one Basic note each), scheduling state and
review log, made by the official `anki` package in its throw-away venv
(bench_apkg.anki_python). Dates are shifted so that the store's "today" is the day Anki
reads from the clock. Cached in bench/.data/ beside the store.

FIRST_CARD is what Anki does to show a first card: open the collection, build the queue
(v3 scheduler), render the question; it prints a marker then, as `flashcards review`
prints its footer under the first question.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

MARKER = "first-card-rendered"

MAKE = r"""
import sqlite3, sys
from datetime import date
from anki.collection import AddNoteRequest, Collection

src, dst, today_iso = sys.argv[1], sys.argv[2], sys.argv[3]
ours = sqlite3.connect(src)
col = Collection(dst)
today = col.sched.today
ours_today = date.fromisoformat(today_iso)
basic = col.models.by_name("Basic")
# under one parent deck, the current one: Anki builds its queue for the current deck
decks = {i: col.decks.id(f"All::{name}") for i, name in ours.execute("SELECT id, name FROM deck")}
col.decks.select(col.decks.id("All"))
rows = ours.execute("SELECT id, deck_id, question, answer FROM card ORDER BY id").fetchall()
for start in range(0, len(rows), 5000):
    requests = []
    for _, deck_id, question, answer in rows[start:start + 5000]:
        note = col.new_note(basic)
        note.fields[0], note.fields[1] = question, answer
        requests.append(AddNoteRequest(note=note, deck_id=decks[deck_id]))
    col.add_notes(requests)
anki_ids = col.db.list("SELECT c.id FROM cards c JOIN notes n ON n.id = c.nid ORDER BY n.id")
card_of = {our_id: anki_ids[i] for i, (our_id, *_) in enumerate(rows)}

def day(iso):
    return today + (date.fromisoformat(iso) - ours_today).days

updates = []
for our_id, reps, ease, interval, due, lapses, last in ours.execute(
        "SELECT id, reps, ease, interval, due, lapses, last_review FROM card"):
    if last is None:
        continue
    updates.append((day(due), max(interval, 1), int(ease * 1000), reps, lapses,
                    card_of[our_id]))
col.db.executemany("UPDATE cards SET type = 2, queue = 2, due = ?, ivl = ?, factor = ?,"
                   " reps = ?, lapses = ? WHERE id = ?", updates)
kinds = {"learn": 0, "review": 1, "relearn": 2, "redrill": 2}
revlog = []
for n, (card_id, grade, kind, ivl_after, ivl_before, ease, ms) in enumerate(ours.execute(
        "SELECT card_id, grade, kind, interval_after, interval_before, ease_after,"
        " answer_ms FROM review ORDER BY id")):
    revlog.append((1_500_000_000_000 + n, card_of[card_id], -1, (1, 1, 1, 2, 3, 4)[grade],
                   ivl_after, ivl_before, int(ease * 1000), ms or 0, kinds[kind]))
col.db.executemany("INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time,"
                   " type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", revlog)
col.close()
print(len(rows), len(revlog))
"""

FIRST_CARD = f"""
import sys
from anki.collection import Collection
col = Collection(sys.argv[1])
card = col.sched.getCard()
question = card.question()
print(question[:60].replace("\\n", " "))
print({MARKER!r}, flush=True)
sys.stdin.read()
col.close(downgrade=False)
"""


def anki_collection(python: str, store: Path, cache: Path, today_iso: str) -> Path:
    """The Anki copy of `store` (made once, kept at `cache`)."""
    if not cache.exists():
        partial = cache.with_suffix(".partial.anki2")
        partial.unlink(missing_ok=True)
        subprocess.run([python, "-c", MAKE, str(store), str(partial), today_iso],
                       check=True, stdout=subprocess.DEVNULL)
        partial.rename(cache)
    return cache
