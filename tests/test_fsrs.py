"""FSRS as an option (issue 15): fsrs-rs through fsrs-rs-python, day-based, the SM-2 state
kept alongside; memory states read from the log agree with the ones stepped answer by
answer; undo, check, export, optimize, simulate and plan work with it."""

from __future__ import annotations

import json
import random
import sqlite3
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashcards import service
from flashcards.domain import CardState
from flashcards.formats.deckfile import loads
from flashcards.scheduler import fsrs, sm2
from flashcards.scheduler.exam import Exam
from flashcards.service.scheduling import fill_memory, scheduling
from flashcards.store import open_store

from conftest import ROOT, make_deck
from test_session import moment

DAY0 = date(2026, 3, 2)  # conftest's FIXED_NOW
MODEL = fsrs.Fsrs(fsrs.default_parameters())
FSRS = service.Scheduling("fsrs", MODEL)
BUNDLED = ROOT / "decks" / "india-south-korea-defence.toml"

# fsrs-rs's own published values (src/inference.rs, test_memory_state and
# test_next_interval, FSRS-6 default parameters): ratings Again, Good x5 with 0, 0, 1, 3,
# 8, 21 days between them; and the next interval from stability 1 at retention 0.1..1.0.
GOLDEN_RATINGS = (1, 3, 3, 3, 3, 3)
GOLDEN_GAPS = (0, 0, 1, 3, 8, 21)
GOLDEN_STATE = (53.62691, 6.3574867)
GOLDEN_INTERVALS = [3116766, 34793, 2508, 387, 90, 27, 9, 3, 1, 1]


def _days(gaps) -> list[date]:
    out, day = [], DAY0
    for gap in gaps:
        day += timedelta(days=gap)
        out.append(day)
    return out


def test_the_library_gives_its_published_values():
    engine = fsrs._engine(MODEL.parameters)
    assert len(MODEL.parameters) == 21  # FSRS-6
    assert [max(1, round(engine.next_interval(1.0, r / 10, 1))) for r in range(1, 11)] \
        == GOLDEN_INTERVALS


def test_our_scheduler_steps_to_the_published_memory_state():
    """Grades 0 and 4 are Again and Good: answered on the golden days through our
    scheduler, the card ends in fsrs-rs's published state, and reading the same log at
    once (`memory_states`, what switching and `check` use) gives the same."""
    grades = [{1: 0, 3: 4}[r] for r in GOLDEN_RATINGS]
    state = CardState()
    for grade, day in zip(grades, _days(GOLDEN_GAPS), strict=True):
        state, _ = fsrs.review(state, grade, day, MODEL)
    assert state.stability == pytest.approx(GOLDEN_STATE[0], abs=1e-4)
    assert state.difficulty == pytest.approx(GOLDEN_STATE[1], abs=1e-4)
    [from_log] = fsrs.memory_states([list(zip(grades, _days(GOLDEN_GAPS), strict=True))], MODEL)
    assert from_log == pytest.approx(GOLDEN_STATE, abs=1e-4)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 40)), min_size=1, max_size=12))
def test_stepping_and_reading_the_log_agree(answers):
    state, history = CardState(), []
    day = DAY0
    for grade, gap in answers:
        day += timedelta(days=gap)
        state, _ = fsrs.review(state, grade, day, MODEL)
        history.append((grade, day))
        assert state.due is not None and (state.due == day) == (grade < 3)
        assert state.ease >= 1.3 and not state.redrill  # SM-2 kept alongside, no redrill
    [from_log] = fsrs.memory_states([history], MODEL)
    assert from_log is not None
    assert from_log[0] == pytest.approx(state.stability, rel=1e-5)
    assert from_log[1] == pytest.approx(state.difficulty, rel=1e-5)


def _one_card(db_path: Path):
    store = open_store(db_path)
    service.import_decks(store, [(make_deck("D", 1), None)], moment(DAY0))
    return store


def _card(db_path: Path) -> dict:
    with closing(sqlite3.connect(db_path)) as conn:
        conn.row_factory = sqlite3.Row
        return dict(conn.execute("SELECT * FROM card WHERE id = 1").fetchone())


def test_a_new_card_graded_4_is_due_two_days_later_or_more(db_path):
    store = _one_card(db_path)
    try:
        ans = service.answer(store, 1, 4, moment(DAY0), DAY0, scheduling=FSRS)
    finally:
        store.close()
    assert ans.after.due is not None and (ans.after.due - DAY0).days >= 2
    row = _card(db_path)
    assert row["due"] == ans.after.due.isoformat() and row["stability"] == pytest.approx(2.3065)
    assert (row["reps"], row["ease"], row["interval"]) == (1, 2.5, 1)  # SM-2's, alongside
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("SELECT scheduler FROM review").fetchall() == [("fsrs",)]


def test_switching_keeps_the_history_in_both_directions(db_path):
    """Answers under SM-2 alone (no model: memory unknown), then FSRS: switching reads the
    memory from the log, which is where FSRS would have had it all along; the SM-2 state
    stays SM-2's under FSRS, and switching back goes on from it."""
    store = _one_card(db_path)
    days = _days((0, 1, 6))
    try:
        for day in days:
            service.answer(store, 1, 4, moment(day), day)
        assert _card(db_path)["stability"] is None
        chosen = scheduling(store, "fsrs", 0.9)
        state = CardState()
        for day in days:
            state, _ = fsrs.review(state, 4, day, MODEL)
        assert _card(db_path)["stability"] == pytest.approx(state.stability)
        later = days[-1] + timedelta(days=20)
        ans = service.answer(store, 1, 4, moment(later), later, scheduling=chosen)
        sm2_after, _ = sm2.review(ans.before, 4, later)
        assert (ans.after.repetitions, ans.after.ease, ans.after.interval) == (
            sm2_after.repetitions, sm2_after.ease, sm2_after.interval)
        assert ans.after.due != sm2_after.due  # FSRS set the day
        back = ans.after.due
        ans2 = service.answer(store, 1, 4, moment(back), back,
                              scheduling=service.Scheduling("sm2", MODEL))
        expected, _ = sm2.review(ans2.before, 4, back)  # SM-2 resumes from its own state
        assert (ans2.after.repetitions, ans2.after.ease, ans2.after.interval,
                ans2.after.due) == (expected.repetitions, expected.ease, expected.interval,
                                    expected.due)
        assert ans2.after.stability is not None  # the memory goes on being kept
    finally:
        store.close()


def test_undo_under_fsrs_restores_the_memory_state(db_path):
    store = _one_card(db_path)
    try:
        service.answer(store, 1, 4, moment(DAY0), DAY0, scheduling=FSRS)
        before = _card(db_path)
        later = DAY0 + timedelta(days=3)
        last = service.answer(store, 1, 2, moment(later), later, scheduling=FSRS)
        assert _card(db_path)["stability"] != before["stability"]
        service.undo_answer(store, last.review_id)
    finally:
        store.close()
    assert _card(db_path) == before


def test_check_finds_a_memory_state_the_log_does_not_give_and_repair_fixes_it(cli, db_path):
    store = _one_card(db_path)
    try:
        for day in _days((0, 2, 5)):
            service.answer(store, 1, 4, moment(day), day, scheduling=FSRS)
    finally:
        store.close()
    right = _card(db_path)["stability"]
    assert cli("check").exit_code == 0
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute("UPDATE card SET stability = stability * 2 WHERE id = 1")
    found = cli("check")
    assert found.exit_code == 1 and "FSRS memory state" in found.stdout
    assert cli("check", "--repair").exit_code == 0
    assert _card(db_path)["stability"] == pytest.approx(right)


def test_the_session_export_and_stats_work_under_fsrs(cli, db_path):
    assert cli("config", "scheduler", "fsrs").exit_code == 0
    assert cli("import", str(BUNDLED)).exit_code == 0
    run = cli("review", "--lines", "--limit", "3", input="\n4\n\n0\n\n5\nu\n\n5\n\n4\nq\n")
    assert run.exit_code == 0, run.stderr
    with closing(sqlite3.connect(db_path)) as conn:
        rows = conn.execute("SELECT grade, scheduler, due_after FROM review ORDER BY id"
                            ).fetchall()
    assert [g for g, *_ in rows] == [4, 0, 5, 4] and {s for _, s, _ in rows} == {"fsrs"}
    assert date.fromisoformat(rows[0][2]) >= DAY0 + timedelta(days=2)
    export = cli("export", "reviews", "-f", "json")
    assert [r["scheduler"] for r in json.loads(export.stdout)] == ["fsrs"] * 4
    stats = json.loads(cli("stats", "--json").stdout)
    assert stats["today_summary"]["reviewed"] == 4
    assert cli("check").exit_code == 0


def test_exam_capping_holds_under_fsrs(db_path):
    deck = loads(BUNDLED.read_text(encoding="utf-8"), str(BUNDLED))
    exam_day = DAY0 + timedelta(days=20)
    store = open_store(db_path)
    try:
        service.import_decks(store, [(deck, None)], moment(DAY0))
        rule = service.exam_rule(store, Exam(exam_day), [])
        for offset in (0, 1, 7):
            day = DAY0 + timedelta(days=offset)
            for card in service.build_queue(store, [], day, new_per_day=100).cards:
                service.answer(store, card.card_id, 5, moment(day), day, exam=rule,
                               scheduling=FSRS)
    finally:
        store.close()
    with closing(sqlite3.connect(db_path)) as conn:
        dues = [date.fromisoformat(d) for (d,) in conn.execute(
            "SELECT due FROM card WHERE last_review IS NOT NULL")]
    assert len(dues) == len(deck.cards) and max(dues) <= exam_day


def _history(db_path: Path, cards: int, per_card: int, seed: int = 7) -> int:
    """A generated log: `cards` cards answered `per_card` times each by a student whose
    memory is FSRS's default model, written straight into the store."""
    store = open_store(db_path)
    try:
        service.import_decks(store, [(make_deck("Big", cards), None)], moment(DAY0))
    finally:
        store.close()
    draw = random.Random(seed)
    rows, states = [], {}
    for card_id in range(1, cards + 1):
        state, day = CardState(), DAY0 - timedelta(days=400)
        for n in range(per_card):
            chance = 0.75 if state.is_new else (fsrs.recall(state, day, MODEL) or 0.0)
            grade = draw.choice((3, 4, 4, 5)) if draw.random() < chance else draw.choice((0, 1, 2))
            after, kind = fsrs.review(state, grade, day, MODEL)
            rows.append((card_id, f"{day}T09:00:00Z", day.isoformat(), grade, str(kind),
                         state.repetitions, state.ease, state.interval, after.repetitions,
                         after.ease, after.interval, after.due.isoformat()))
            state = after
            day = after.due if n % 3 else after.due + timedelta(days=draw.randint(0, 5))
        states[card_id] = state
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.executemany(
            "INSERT INTO review (card_id, reviewed_at, study_day, grade, kind, reps_before,"
            " ease_before, interval_before, redrill_before, lapses_before, reps_after,"
            " ease_after, interval_after, due_after, redrill_after, lapses_after, scheduler)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, 0, 0, 'fsrs')", rows)
        conn.executemany("UPDATE card SET reps = ?, ease = ?, interval = ?, due = ?,"
                         " last_review = ? WHERE id = ?",
                         [(s.repetitions, s.ease, s.interval, s.due.isoformat(),
                           s.last_review.isoformat(), i) for i, s in states.items()])
    return len(rows)


def test_optimize_fits_the_log_and_keeps_the_parameters(cli, db_path):
    assert _history(db_path, 300, 10) == 3000
    result = cli("optimize")
    assert result.exit_code == 0, result.stderr
    assert "log loss" in result.stdout and "RMSE" in result.stdout
    with closing(sqlite3.connect(db_path)) as conn:
        [(raw,)] = conn.execute("SELECT value FROM meta WHERE key = 'fsrs_parameters'")
        missing = conn.execute("SELECT count(*) FROM card WHERE last_review IS NOT NULL"
                               " AND stability IS NULL").fetchone()[0]
    fitted = json.loads(raw)
    assert len(fitted) == 21 and fitted != list(MODEL.parameters)
    from flashcards.service.scheduling import memory_mismatches

    with closing(sqlite3.connect(db_path)) as conn:  # every state read with the new ones
        assert missing == 0 and memory_mismatches(conn) == []


def test_optimize_below_the_minimum_history_says_so(cli, db_path):
    _history(db_path, 5, 4)
    result = cli("optimize")
    assert result.exit_code == 1
    assert result.stderr.startswith("flashcards: error: optimize needs at least 400 answers")
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("SELECT count(*) FROM meta").fetchone()[0] == 0


def test_simulate_reports_both_schedulers_for_a_year(cli, db_path):
    assert cli("import", str(BUNDLED)).exit_code == 0
    result = cli("simulate", "--days", "365", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data["schedulers"]) == {"sm2", "fsrs"}
    for run in data["schedulers"].values():
        assert len(run["days"]) == 365 and run["reviews"] == sum(d["reviews"] for d in
                                                                   run["days"]) > 26
        assert sum(d["new"] for d in run["days"]) == 26
        assert 0.5 < run["final_retention"] <= 1
    table = cli("simulate", "--days", "30")
    assert "SM-2 reviews" in table.stdout and "FSRS reviews" in table.stdout


def test_plan_predicts_recall_on_exam_day_under_fsrs(cli):
    assert cli("import", str(BUNDLED)).exit_code == 0
    assert cli("config", "exam_date", (DAY0 + timedelta(days=20)).isoformat()).exit_code == 0
    assert "predicted_recall" not in json.loads(cli("plan", "--json").stdout)
    assert cli("config", "scheduler", "fsrs").exit_code == 0
    data = json.loads(cli("plan", "--json").stdout)
    assert data["scheduler"] == "fsrs" and 0.5 < data["predicted_recall"] <= 1
    assert len(data["days"]) == 20
    assert "FSRS predicts" in cli("plan").stdout


def test_settings_refuse_bad_scheduler_values(cli):
    for key, value in (("scheduler", "sm18"), ("desired_retention", "0.5"),
                       ("desired_retention", "most")):
        result = cli("config", key, value)
        assert result.exit_code == 1 and result.stderr.count("\n") == 1, (key, value)
        assert f"setting {key}" in result.stderr
    assert cli("config", "desired_retention", "0.85").stdout.strip() == \
        "desired_retention = 0.85"


def test_fill_memory_reads_only_the_cards_without_one(db_path):
    store = _one_card(db_path)
    try:
        service.answer(store, 1, 4, moment(DAY0), DAY0)
        assert fill_memory(store, MODEL) == 1
        assert fill_memory(store, MODEL) == 0
    finally:
        store.close()


def test_the_legend_shows_fsrs_intervals(store, db_path):
    from test_session import one_card, open_session, press

    one_card(store)
    session = open_session(store, DAY0)
    session.scheduling = FSRS
    press(session, " ", DAY0)
    legend = {row.grade: row.days for row in session.view(DAY0).legend}
    # a new card: Easy 8.3 days, Good 2.3, Hard 1.3 (at least a day), failures today
    assert legend == {5: 8, 4: 2, 3: 1, 2: 0, 1: 0, 0: 0}
    press(session, "4", DAY0)
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("SELECT scheduler, due_after FROM review").fetchall() == [
            ("fsrs", (DAY0 + timedelta(days=2)).isoformat())]


def test_switching_to_fsrs_reads_the_memory_states_at_once(cli, db_path):
    store = _one_card(db_path)
    try:
        service.answer(store, 1, 4, moment(DAY0), DAY0)  # SM-2 alone: no memory state
    finally:
        store.close()
    result = cli("config", "scheduler", "fsrs")
    assert result.exit_code == 0
    assert "Read the FSRS memory state of 1 card from their review log." in result.stdout
    assert _card(db_path)["stability"] == pytest.approx(2.3065)
    assert "Read the" not in cli("config", "scheduler", "fsrs").stdout  # nothing left
