"""Helpers shared by the data-safety tests (backups, check, crashes, concurrency)."""

from __future__ import annotations

import contextlib
import random
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

from flashcards import service
from flashcards.store import open_store
from flashcards.store.check import check
from flashcards.store.compress import as_database

from conftest import make_deck

T0 = datetime.fromisoformat("2026-03-02T09:00:00+00:00")
DAY0 = date(2026, 3, 2)


def seed_store(path: Path, *, decks: int = 2, cards: int = 20, answers: int = 30,
               seed: int = 0) -> list[int]:
    """A store with decks and answered cards; returns the review ids written."""
    rng = random.Random(seed)
    store = open_store(path)
    try:
        service.import_decks(store, [(make_deck(f"Deck {i}", cards), None)
                                     for i in range(decks)], T0)
        with store.raw_read() as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM card")]
        written = []
        for n in range(answers):
            moment = T0 + timedelta(minutes=n)
            done = service.answer(store, rng.choice(ids), rng.randint(0, 5), moment, DAY0)
            written.append(done.review_id)
        return written
    finally:
        store.close()


@contextlib.contextmanager
def opened(path: Path) -> Iterator[Path]:
    """A store or a backup as an SQLite file (a `.db.zst` backup decompressed beside it)."""
    with as_database(Path(path), Path(path).parent) as plain:
        yield plain


def query(path: Path, sql: str, *args: object) -> list[tuple[object, ...]]:
    with opened(path) as plain:
        conn = sqlite3.connect(plain)
        try:
            return [tuple(r) for r in conn.execute(sql, args)]
        finally:
            conn.close()


def integrity(path: Path) -> str:
    return str(query(path, "PRAGMA integrity_check")[0][0])


def assert_sound(path: Path, today: date = DAY0) -> None:
    """integrity_check ok and every invariant `flashcards check` verifies holds."""
    assert integrity(path) == "ok"
    with opened(path) as plain:
        report = check(plain, today, full=True)
    assert report.ok, [f.message for f in report.findings]


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """The whole content of a store, table by table, for before/after comparisons."""
    return {t: query(path, f"SELECT * FROM {t} ORDER BY id") for t in ("deck", "card", "review")}
