"""A known review history for stats and export tests, and independent readers of it.

`make_history` imports the bundled article deck plus a small deck with hostile text,
then studies every queue over many simulated days (with gaps) through service.answer,
with explicit times and a seeded grade sequence. The `expected_*` helpers recompute
figures straight from the rows with plain Python: they share no code with stats.py.
"""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from contextlib import closing
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from flashcards import service
from flashcards.domain import CardDraft, DeckDraft
from flashcards.formats import deckfile

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 3, 2)  # conftest's FIXED_NOW, 09:00 UTC
FIRST = TODAY - timedelta(days=69)
# Days without study: breaks streaks (the longest run ends on day -41; today's run is 4).
GAPS = {TODAY - timedelta(days=d) for d in (4, 12, 13, 25, 40)}
STUDY_DAYS = [FIRST + timedelta(days=i) for i in range(70) if FIRST + timedelta(days=i)
              not in GAPS]
GRADES = [5, 4, 4, 3, 5, 2, 4, 5, 4, 1, 4, 5, 3, 4, 0, 5, 4, 4]
HOSTILE = DeckDraft(
    name="[bold]Tricky[/bold] :smile:",
    cards=(
        CardDraft("f1", "=HYPERLINK(\"http://x\")", "+1", kind="basic"),
        CardDraft("-k2", "@SUM(A1) \x1b[31mred\x1b[0m", "-2", kind="basic"),
        CardDraft("k3", "Plain, \"quoted\"\nsecond line", "ok", kind="basic",
                  tags=("a", "b")),
    ),
)


def bundled_deck() -> DeckDraft:
    """The bundled deck as it was when these figures were fixed (a copy: rebuilding the
    deck with a better builder must not move the history the stats tests read)."""
    path = ROOT / "tests" / "data" / "history-deck.toml"
    return deckfile.loads(path.read_text(encoding="utf-8"), str(path))


def moment(day: date, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC) + timedelta(minutes=minute)


def make_history(store, new_per_day: int = 6) -> int:
    """Study every queue on every study day; returns the number of answers."""
    service.import_decks(store, [(bundled_deck(), "decks/india-south-korea-defence.toml"),
                                 (HOSTILE, None)], moment(FIRST - timedelta(days=1)))
    rng = random.Random(5)
    answers = 0
    for day in STUDY_DAYS:
        minute = 0
        for _ in range(40):  # passes until nothing is left today (redrills come back)
            queue = service.build_queue(store, [], day, new_per_day=new_per_day)
            if not queue.cards:
                break
            for card in queue.cards:
                grade = GRADES[rng.randrange(len(GRADES))]
                if card.deck.startswith("[bold]") and card.key != "k3":
                    # the hostile cards stay hard: 3 at first sight each day, 4 on redrill
                    grade = 4 if card.state.last_review == day else 3
                service.answer(store, card.card_id, grade, moment(day, minute), day,
                               session_id=f"s-{day.isoformat()}", answer_ms=1000 + 37 * answers)
                minute += 1
                answers += 1
    return answers


def suspend(db_path: Path, key: str) -> None:
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute("UPDATE card SET suspended = 1 WHERE key = ?", (key,))


def rows(db_path: Path, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
    with closing(sqlite3.connect(db_path)) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(sql, params).fetchall()


def reviews(db_path: Path) -> list[sqlite3.Row]:
    return rows(db_path, "SELECT r.*, c.key, c.question, c.section, c.kind AS card_kind,"
                " d.name AS deck FROM review r JOIN card c ON c.id = r.card_id"
                " JOIN deck d ON d.id = c.deck_id ORDER BY r.id")


def cards(db_path: Path) -> list[sqlite3.Row]:
    return rows(db_path, "SELECT c.*, d.name AS deck FROM card c JOIN deck d"
                " ON d.id = c.deck_id ORDER BY d.name, c.id")


def state_of(card: sqlite3.Row, today: str = "") -> str:
    if card["retired"]:
        return "retired"
    if card["leech"]:
        return "leech"
    if card["suspended"]:
        return "suspended"
    if card["buried_until"] is not None and card["buried_until"] > (today or TODAY.isoformat()):
        return "buried"
    if card["last_review"] is None:
        return "new"
    if card["reps"] < 2 or card["redrill"]:
        return "learning"
    return "young" if card["interval"] < 21 else "mature"


def tests_of(rs: list[sqlite3.Row]) -> list[sqlite3.Row]:
    """Retention tests, found without the kind column: each card's first answer of a
    study day (`rs` holds whole days), to a card answered on an earlier day, that is not
    a redrill left over from that day (a redrill changes nothing, so tests nothing)."""
    first: dict[tuple[int, str], int] = {}
    for r in rs:
        key = (r["card_id"], r["study_day"])
        first[key] = min(first.get(key, r["id"]), r["id"])
    return [r for r in rs if first[(r["card_id"], r["study_day"])] == r["id"]
            and r["last_review_before"] is not None and not r["redrill_before"]]


def rate(rs: list[sqlite3.Row]) -> dict:
    return rate_of_tests(tests_of(rs))


def rate_of_tests(tested: list[sqlite3.Row]) -> dict:
    passed = sum(1 for r in tested if r["grade"] >= 3)
    return {"reviews": len(tested), "passed": passed,
            "rate": round(passed / len(tested), 4) if tested else None}


def since(rs: list[sqlite3.Row], days: int) -> list[sqlite3.Row]:
    first = (TODAY - timedelta(days=days - 1)).isoformat()
    return [r for r in rs if r["study_day"] >= first]


def streaks(days: set[date]) -> tuple[int, int]:
    longest = 0
    for day in days:
        if day - timedelta(days=1) not in days:
            n = 0
            while day + timedelta(days=n) in days:
                n += 1
            longest = max(longest, n)
    end = TODAY if TODAY in days else TODAY - timedelta(days=1)
    current = 0
    while end - timedelta(days=current) in days:
        current += 1
    return current, longest


def forecast(cs: list[sqlite3.Row]) -> list[int]:
    due = Counter()
    for c in cs:
        if state_of(c) in ("learning", "young", "mature"):
            day = max(date.fromisoformat(c["due"]), TODAY)
            due[day] += 1
    return [due[TODAY + timedelta(days=i)] for i in range(30)]


def active_learned(cs: list[sqlite3.Row]) -> list[sqlite3.Row]:
    return [c for c in cs if state_of(c) in ("learning", "young", "mature")]


def build_store(path: Path) -> int:
    """The full known history in a fresh store at `path`: the bundled deck and the hostile
    deck studied for 70 days, then a card retired, one suspended and a new deck added."""
    from flashcards.store import open_store

    from conftest import make_deck

    store = open_store(path)
    try:
        answers = make_history(store)
        # a mature card forgotten today: a lapse, back to learning, due again today
        [lapsed] = rows(path, "SELECT id FROM card WHERE interval >= 21 AND last_review < ?"
                        " AND deck_id = 1 AND id > 3 ORDER BY id LIMIT 1", (TODAY.isoformat(),))
        service.answer(store, lapsed["id"], 1, moment(TODAY, 300), TODAY, session_id="late",
                       answer_ms=5000)
        answers += 1
        deck = bundled_deck()
        service.import_decks(store, [(replace(deck, cards=deck.cards[1:]), None),
                                     (make_deck("Later", 3), None)], moment(TODAY, -60))
    finally:
        store.close()
    suspend(path, deck.cards[2].key)
    return answers
