"""Exam-date mode (issue 15, first part): no card slips past the exam, new cards finish
two weeks before it, and `plan` lays out the days to it."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from flashcards import service
from flashcards.domain import CardState
from flashcards.formats.deckfile import loads
from flashcards.scheduler import sm2
from flashcards.scheduler.exam import Exam, cap, new_cards_needed
from flashcards.store import open_store

from conftest import ROOT
from test_session import moment

BUNDLED = ROOT / "decks" / "india-south-korea-defence.toml"
DAY0 = date(2026, 3, 2)  # conftest's FIXED_NOW


@given(st.integers(0, 5), st.integers(0, 400), st.integers(0, 30), st.integers(1, 400),
       st.integers(1, 10), st.integers(0, 10_000))
def test_no_due_day_after_the_exam_unless_answered_in_the_final_window(
        reps, interval, offset, exam_in, final_days, card_id):
    today = DAY0 + timedelta(days=offset)
    exam = Exam(today + timedelta(days=exam_in), final_days)
    state = CardState(reps, 2.5, interval, today + timedelta(days=interval), False, 0, today)
    capped = cap(state, today, exam, card_id)
    assert (capped.repetitions, capped.ease, capped.interval) == (reps, 2.5, interval)
    if today < exam.window_start:
        assert capped.due is not None and today <= capped.due <= exam.day
        if state.due is not None and state.due > exam.day:  # brought into the last days
            assert today < capped.due and capped.due >= exam.window_start
        else:
            assert capped == state
    else:  # answered in the final window: not pulled back again
        assert capped == state


def test_new_cards_needed_spreads_them_to_two_weeks_before_the_exam():
    exam = Exam(DAY0 + timedelta(days=20))
    assert new_cards_needed(26, DAY0, exam) == 5  # 6 days to day 6: ceil(26 / 6)
    assert new_cards_needed(26, DAY0 + timedelta(days=6), exam) == 26  # the day itself
    assert new_cards_needed(0, DAY0, exam) == 0


def _answer_due(store, day: date, exam: service.ExamRule | None, grade: int = 5) -> int:
    queue = service.build_queue(store, [], day, new_per_day=100)
    for card in queue.cards:
        service.answer(store, card.card_id, grade, moment(day), day, exam=exam)
    return len(queue.cards)


def _learned_due(db_path: Path) -> list[date]:
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(db_path)) as conn:
        return [date.fromisoformat(d) for (d,) in conn.execute(
            "SELECT due FROM card WHERE last_review IS NOT NULL")]


def test_the_bundled_deck_answered_on_days_0_1_7_leaves_nothing_due_after_the_exam(
        db_path):
    deck = loads(BUNDLED.read_text(encoding="utf-8"), str(BUNDLED))
    exam_day = DAY0 + timedelta(days=20)
    for with_exam in (False, True):
        path = db_path.with_name(f"exam-{with_exam}.db")
        store = open_store(path)
        try:
            service.import_decks(store, [(deck, None)], moment(DAY0))
            rule = service.exam_rule(store, Exam(exam_day), []) if with_exam else None
            for offset in (0, 1, 7):
                assert _answer_due(store, DAY0 + timedelta(days=offset), rule) > 0
        finally:
            store.close()
        dues = _learned_due(path)
        assert len(dues) == len(deck.cards)
        if with_exam:
            assert max(dues) <= exam_day
            assert min(dues) > DAY0 + timedelta(days=7)
        else:  # SM-2 alone: 1, 6, then 17 days: past the exam
            assert max(dues) > exam_day


def test_the_exam_rule_covers_only_its_decks(db_path):
    from conftest import make_deck

    store = open_store(db_path)
    try:
        service.import_decks(store, [(make_deck("A", 1), None), (make_deck("B", 1), None)],
                             moment(DAY0))
        rule = service.exam_rule(store, Exam(DAY0 + timedelta(days=5)), ["A"])
        for offset in (0, 1):  # the second answer sets a 6-day interval: day 7
            _answer_due(store, DAY0 + timedelta(days=offset), rule)
    finally:
        store.close()
    dues = sorted(_learned_due(db_path))
    assert dues[0] <= DAY0 + timedelta(days=5) < dues[1]  # B's card is not capped


def test_review_raises_the_new_card_limit_to_finish_before_the_exam(cli, db_path):
    assert cli("config", "exam_date", (DAY0 + timedelta(days=20)).isoformat()).exit_code == 0
    assert cli("config", "new_per_day", "1").exit_code == 0
    deck = BUNDLED
    assert cli("import", str(deck)).exit_code == 0
    result = cli("review", "--lines", input="\n5\n" * 5 + "q\n")
    assert result.exit_code == 0, result.stderr
    assert "Exam on 22 Mar 2026: 5 new cards a day" in result.stdout
    assert "5 / 5" in result.stdout


def test_plan_covers_every_day_to_the_exam(cli, db_path):
    assert cli("plan").exit_code == 1  # no exam date yet
    assert cli("config", "exam_date", "2026-03-22").exit_code == 0
    assert cli("import", str(BUNDLED)).exit_code == 0
    doc = json.loads(cli("plan", "--json").stdout)
    days = [d["day"] for d in doc["days"]]
    assert days[0] == "2026-03-02" and days[-1] == "2026-03-21" and len(days) == 20
    assert sum(d["new"] for d in doc["days"]) == 26 and doc["new_cards_left"] == 0
    assert doc["new_cards_done"] == "2026-03-03"  # 20 a day
    assert all(d["feasible"] for d in doc["days"])
    assert cli("config", "daily_minutes", "1").exit_code == 0
    tight = json.loads(cli("plan", "--json").stdout)
    assert not tight["days"][0]["feasible"]  # 20 new cards at 10 s: over a minute
    screen = cli("plan")
    assert screen.exit_code == 0 and "over the budget" in screen.stdout


def test_sm2_reference_unchanged_without_an_exam():
    state, _ = sm2.review(CardState(), 5, DAY0)
    assert cap(state, DAY0, Exam(DAY0 + timedelta(days=30))) == state
