"""Child processes for crash and concurrency tests: `python tests/workers.py answer DB N`.

`answer` answers cards in a loop (cycling grades) and prints "ACK <review id>" after each
committed answer, so the parent knows exactly what was acknowledged.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from flashcards import service
from flashcards.store import open_store

START = datetime.fromisoformat("2026-03-02T09:00:00+00:00")


def answer(db: str, count: int, tag: str = "w") -> None:
    store = open_store(Path(db))
    grades = [5, 3, 4, 2, 4, 5, 1, 4]
    done = 0
    day_offset = 0
    while done < count:
        today = date(2026, 3, 2) + timedelta(days=day_offset)
        queue = service.build_queue(store, [], today, new_per_day=1000)
        if not queue.cards:
            day_offset += 1
            continue
        for card in queue.cards:
            now = START + timedelta(days=day_offset)
            result = service.answer(store, card.card_id, grades[done % len(grades)], now, today,
                                    session_id=tag)
            print(f"ACK {result.review_id}", flush=True)
            done += 1
            if done >= count:
                break
    store.close()


if __name__ == "__main__":
    command, db, n, *rest = sys.argv[1:]
    if command == "answer":
        answer(db, int(n), *rest)
