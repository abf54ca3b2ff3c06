"""The review session state machine, driven key by key over simulated days."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from flashcards import service
from flashcards.domain import CardDraft, DeckDraft, SourceRef
from flashcards.service.session import (
    MAX_ANSWER_MS,
    Origin,
    Phase,
    Session,
    find_passage,
    key_action,
    line_keys,
    terminal_keys,
)

from conftest import make_deck

DAY0 = date(2026, 1, 5)


def moment(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def open_session(store, day: date, decks=(), new: int = 20, limit=None, sid="s1",
                 cwd: Path | None = None) -> Session:
    queue = service.build_queue(store, decks, day, new_per_day=new, limit=limit)
    session = Session(store, queue, sid, tuple(decks), cwd or Path.cwd())
    session.start(day, 0.0)
    return session


def press(session: Session, keys: str, day: date, clock: float = 0.0) -> None:
    for key in keys:
        session.press(key, moment(day), day, clock)


def review_rows(db: Path) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("SELECT * FROM review ORDER BY id").fetchall()


def card_row(db: Path, card_id: int) -> tuple:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("SELECT * FROM card WHERE id = ?", (card_id,)).fetchone()


def one_card(store) -> None:
    service.import_decks(store, [(make_deck("Solo", 1), None)], moment(DAY0 - timedelta(1)))


# --- SM-2 through the session ------------------------------------------------


def test_worked_example_through_sessions(store, db_path):
    """../shared/DESIGN.md section 3: q 5,5,4,3,(redrill)4,2,4,4,5 on days 0,1,7,24,24,68,68,69,
    75."""
    one_card(store)
    script = [(0, "5"), (1, "5"), (7, "4"), (24, "34"), (68, "24"), (69, "4"), (75, "5")]
    for offset, grades in script:
        day = DAY0 + timedelta(days=offset)
        session = open_session(store, day)
        assert session.current is not None, f"nothing due on day {offset}"
        for grade in grades:
            assert session.phase is Phase.QUESTION
            press(session, " " + grade, day)
        assert session.phase is Phase.FINISHED, f"day {offset}: the card came back again"
    rows = [(r[4], r[5], r[17], r[16]) for r in review_rows(db_path)]  # grade, kind, I, EF
    assert [r[0] for r in rows] == [5, 5, 4, 3, 4, 2, 4, 4, 5]
    assert [r[2] for r in rows] == [1, 6, 17, 44, 44, 0, 1, 6, 16]
    assert [r[3] for r in rows] == [2.6, 2.7, 2.7, 2.56, 2.56, 2.56, 2.56, 2.56, 2.66]
    # the 4 after the failure on day 68 is scored (I 1): a relearn, not a redrill
    assert [r[1] for r in rows] == ["learn", "review", "review", "review", "redrill",
                                    "review", "relearn", "review", "review"]
    # nothing is due between the scheduled days
    for offset in (2, 8, 25, 70):
        assert open_session(store, DAY0 + timedelta(days=offset)).current is None


def test_redrill_repeats_until_four_or_five(store, db_path):
    service.import_decks(store, [(make_deck("D", 2), None)], moment(DAY0))
    session = open_session(store, DAY0)
    press(session, " 3", DAY0)  # card 1: correct with difficulty -> back later today
    assert [e.card.key for e in session.pending] == ["c2", "c1"]
    assert session.pending[1].origin is Origin.REDRILL
    press(session, " 5", DAY0)  # card 2 done
    for grade in "302":  # card 1 keeps coming back
        assert session.current.card.key == "c1"
        press(session, " " + grade, DAY0)
        assert session.phase is Phase.QUESTION
    press(session, " 4", DAY0)
    assert session.phase is Phase.FINISHED
    rows = review_rows(db_path)
    c1 = [r for r in rows if r[1] == 1]
    assert [(r[4], r[5]) for r in c1] == [(3, "learn"), (3, "redrill"), (0, "redrill"),
                                          (2, "redrill"), (4, "redrill")]
    # redrills leave EF, n and I alone; the last one releases the card I days ahead
    assert {(r[15], r[16], r[17]) for r in c1[1:]} == {(c1[0][15], c1[0][16], c1[0][17])}
    state = service.queue_card(store, 1).state
    assert state.due == DAY0 + timedelta(days=1) and not state.redrill


def test_redrill_survives_a_restart(store):
    service.import_decks(store, [(make_deck("D", 3), None)], moment(DAY0))
    session = open_session(store, DAY0, sid="a")
    press(session, " 2", DAY0)
    session.quit()
    again = open_session(store, DAY0, sid="b")
    assert again.current.card.key == "c1"  # the failed card comes first
    assert again.current.origin is Origin.REDRILL
    assert [e.card.key for e in again.pending] == ["c1", "c2", "c3"]


def test_grades_only_after_reveal_and_unknown_keys_ignored(store, db_path):
    one_card(store)
    session = open_session(store, DAY0)
    for key in ("5", "x", "\x1b[A", "Z", "9"):
        assert session.press(key, moment(DAY0), DAY0, 0.0) is False
    assert session.phase is Phase.QUESTION and review_rows(db_path) == []
    assert session.press(" ", moment(DAY0), DAY0, 0.0)
    assert session.press(" ", moment(DAY0), DAY0, 0.0) is False  # already shown
    assert session.press("4", moment(DAY0), DAY0, 0.0)
    assert len(review_rows(db_path)) == 1


def test_answer_time_is_measured_and_capped(store, db_path):
    service.import_decks(store, [(make_deck("D", 3), None)], moment(DAY0))
    session = open_session(store, DAY0)
    press(session, " 5", DAY0, clock=12.5)  # shown at 0.0
    press(session, " ", DAY0, clock=13.0)
    press(session, "5", DAY0, clock=20.25)  # shown at 12.5
    press(session, " 5", DAY0, clock=20.25 + 3600)  # an hour away from the screen
    assert [r[6] for r in review_rows(db_path)] == [12_500, 7_750, MAX_ANSWER_MS]


def test_counts_and_progress(store):
    service.import_decks(store, [(make_deck("D", 4), None)], moment(DAY0))
    session = open_session(store, DAY0)
    press(session, " 5", DAY0)  # a learned card, due tomorrow
    session.quit()
    day1 = DAY0 + timedelta(days=1)
    session = open_session(store, day1, new=2)  # 1 due + 2 new (limit counts per day)
    view = session.view(day1)
    assert (view.position, view.total) == (1, 3)
    assert view.left == {Origin.NEW: 2, Origin.DUE: 1, Origin.REDRILL: 0}
    assert view.origin is Origin.DUE
    press(session, " 1", day1)
    view = session.view(day1)
    assert (view.position, view.total) == (2, 4)
    assert view.left == {Origin.NEW: 2, Origin.DUE: 0, Origin.REDRILL: 1}


def test_legend_says_when_each_grade_brings_the_card_back(store):
    one_card(store)
    for offset, grade in ((0, "5"), (1, "5")):
        day = DAY0 + timedelta(days=offset)
        press(open_session(store, day), " " + grade, day)
    day = DAY0 + timedelta(days=7)
    session = open_session(store, day)
    press(session, " ", day)
    legend = {row.grade: row.days for row in session.view(day).legend}
    # n=2, I=6, EF=2.7: 5 -> EF 2.8, ceil(6*2.8)=17; 4 -> EF 2.7, ceil(16.2)=17
    assert legend == {5: 17, 4: 17, 3: 0, 2: 0, 1: 0, 0: 0}


# --- new cards ----------------------------------------------------------------


def test_new_card_limit_holds_across_restarts(store, db_path):
    service.import_decks(store, [(make_deck("D", 10), None)], moment(DAY0))
    first = open_session(store, DAY0, new=4, sid="a")
    assert len(first.pending) == 4
    press(first, " 5 1", DAY0)  # two new cards seen, one of them failed
    first.quit()
    second = open_session(store, DAY0, new=4, sid="b")
    assert [e.origin for e in second.pending] == [Origin.REDRILL, Origin.NEW, Origin.NEW]
    while second.current is not None:
        press(second, " 5", DAY0)
    third = open_session(store, DAY0, new=4, sid="c")
    assert third.current is None
    firsts = [r for r in review_rows(db_path) if r[14] is None and r[5] == "learn"]
    assert len(firsts) == 4
    day1 = DAY0 + timedelta(days=1)
    assert [e.origin for e in open_session(store, day1, new=4).pending].count(Origin.NEW) == 4


def test_limit_caps_the_session(store):
    service.import_decks(store, [(make_deck("D", 10), None)], moment(DAY0))
    assert len(open_session(store, DAY0, limit=3).pending) == 3


def test_several_decks_or_all(store):
    service.import_decks(store, [(make_deck("A", 2, "a"), None), (make_deck("B", 2, "b"), None),
                                 (make_deck("C", 2, "c"), None)], moment(DAY0))
    assert {e.card.deck for e in open_session(store, DAY0, decks=("A", "C")).pending} == {
        "A", "C"}
    assert len(open_session(store, DAY0).pending) == 6


# --- undo ---------------------------------------------------------------------


def test_undo_restores_exact_state_and_log(store, db_path):
    service.import_decks(store, [(make_deck("D", 3), None)], moment(DAY0))
    session = open_session(store, DAY0)
    press(session, " 5", DAY0)
    before_rows, before_card = review_rows(db_path), card_row(db_path, 2)
    press(session, " 2", DAY0)  # card 2 failed: re-queued at the back
    assert [e.card.key for e in session.pending] == ["c3", "c2"]
    assert session.press("u", moment(DAY0), DAY0, 0.0)
    assert review_rows(db_path) == before_rows
    assert card_row(db_path, 2) == before_card
    assert [e.card.key for e in session.pending] == ["c2", "c3"]  # back on screen, once
    assert session.phase is Phase.QUESTION and session.answered == 1
    assert session.current.origin is Origin.NEW
    assert "Undid grade 2" in session.view(DAY0).notice
    press(session, "u", DAY0)  # and the one before
    assert review_rows(db_path) == [] and session.answered == 0
    assert [e.card.key for e in session.pending] == ["c1", "c2", "c3"]
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("SELECT reps, ease, interval, due, redrill, lapses, last_review,"
                            " stability, difficulty FROM card WHERE id = 1").fetchone() \
            == (0, 2.5, 0, None, 0, 0, None, None, None)


def test_undo_after_a_restart_brings_the_card_back(store, db_path):
    service.import_decks(store, [(make_deck("D", 3), None)], moment(DAY0))
    first = open_session(store, DAY0, sid="a")
    press(first, " 4 5", DAY0)
    first.quit()
    card1 = card_row(db_path, 1)
    second = open_session(store, DAY0, sid="b")
    assert second.current.card.key == "c3"
    press(second, "u", DAY0)  # nothing answered in this session: the store's last answer
    assert [e.card.key for e in second.pending] == ["c2", "c3"]
    assert second.current.card.state.is_new
    assert [r[1] for r in review_rows(db_path)] == [1]
    assert card_row(db_path, 1) == card1  # only the last answer was undone


def test_undo_with_nothing_to_undo(store):
    one_card(store)
    session = open_session(store, DAY0)
    assert session.press("u", moment(DAY0), DAY0, 0.0)
    assert session.view(DAY0).notice == "Nothing to undo."
    assert session.phase is Phase.QUESTION and len(session.pending) == 1


def test_undo_on_the_finished_screen(store, db_path):
    one_card(store)
    session = open_session(store, DAY0)
    press(session, " 5", DAY0)
    assert session.phase is Phase.FINISHED
    press(session, "u", DAY0)
    assert session.phase is Phase.QUESTION and review_rows(db_path) == []
    press(session, " 5", DAY0)
    press(session, "x", DAY0)  # any other key ends it
    assert session.phase is Phase.DONE


def test_undo_of_a_card_from_another_deck_does_not_join_the_session(store):
    service.import_decks(store, [(make_deck("A", 2, "a"), None), (make_deck("B", 2, "b"), None)],
                         moment(DAY0))
    first = open_session(store, DAY0, decks=("A",), sid="a")
    press(first, " 5", DAY0)
    second = open_session(store, DAY0, decks=("B",), sid="b")
    press(second, "u", DAY0)
    assert [e.card.deck for e in second.pending] == ["B", "B"]
    assert service.queue_card(store, 1).state.is_new


def test_undo_after_another_process_undid_that_answer_changes_nothing(store, db_path):
    """The session undoes its own last answer by id: when `flashcards undo` (another
    store connection) got there first, `u` says so and leaves the earlier answer alone."""
    from flashcards.store import open_store

    service.import_decks(store, [(make_deck("D", 3), None)], moment(DAY0))
    session = open_session(store, DAY0)
    press(session, " 5", DAY0)
    press(session, " 4", DAY0)
    other = open_store(db_path)
    try:
        assert service.undo_last(other).card_id == 2  # the session's last answer, elsewhere
    finally:
        other.close()
    rows, card1 = review_rows(db_path), card_row(db_path, 1)
    assert len(rows) == 1
    assert session.press("u", moment(DAY0), DAY0, 0.0)
    assert "no longer in the store" in session.view(DAY0).notice
    assert review_rows(db_path) == rows and card_row(db_path, 1) == card1
    press(session, "u", DAY0)  # the answer before it is still the session's to undo
    assert review_rows(db_path) == [] and "Undid grade 5" in session.view(DAY0).notice


def test_undo_after_a_prune_deleted_the_card_changes_nothing(store, db_path):
    service.import_decks(store, [(make_deck("D", 3), None)], moment(DAY0))
    session = open_session(store, DAY0)
    press(session, " 5", DAY0)
    press(session, " 4", DAY0)
    service.import_decks(store, [(make_deck("D", 1), None)], moment(DAY0), prune=True)
    rows = review_rows(db_path)
    assert len(rows) == 1 and rows[0][1] == 1  # card 2 and its answer are gone
    assert session.press("u", moment(DAY0), DAY0, 0.0)
    assert "Cannot undo" in session.view(DAY0).notice
    assert review_rows(db_path) == rows


def test_undo_refuses_an_answer_that_is_not_the_cards_last(store, db_path):
    from flashcards.domain.errors import ConflictError

    one_card(store)
    first = service.answer(store, 1, 2, moment(DAY0), DAY0)
    service.answer(store, 1, 5, moment(DAY0, 10), DAY0)
    rows, card = review_rows(db_path), card_row(db_path, 1)
    with pytest.raises(ConflictError, match="answered again since"):
        service.undo_answer(store, first.review_id)
    assert review_rows(db_path) == rows and card_row(db_path, 1) == card


# --- overlays, keys, source ---------------------------------------------------


def test_help_and_source_overlays_return_to_the_card(store, tmp_path):
    one_card(store)
    session = open_session(store, DAY0, cwd=tmp_path)
    press(session, " ?", DAY0)
    assert session.phase is Phase.HELP
    press(session, "5", DAY0)  # any key closes it, and does not grade
    assert session.phase is Phase.ANSWER and session.answered == 0
    press(session, "s", DAY0)
    assert session.phase is Phase.SOURCE
    assert "not found" in session.view(DAY0).passage.note
    press(session, "q", DAY0)
    assert session.phase is Phase.ANSWER
    press(session, "q", DAY0)
    assert session.phase is Phase.DONE


def test_key_parsing():
    assert [key_action(k) for k in (" ", "\r", "\n", "space", "0", "5", "u", "s", "?", "q")] == [
        "reveal", "reveal", "reveal", "reveal", "0", "5", "undo", "source", "help", "quit"]
    assert key_action("6") is None and key_action("x") is None
    assert line_keys("\n") == [" "] and line_keys("  4 \n") == ["4"]
    assert line_keys("space\n") == ["space"]
    assert terminal_keys("45") == ["4", "5"] and terminal_keys("\x1b[A") == ["\x1b[A"]


def _sourced(tmp_path: Path, file: str, lines: tuple[int, int] | None) -> DeckDraft:
    span = lines or (None, None)
    card = CardDraft("k", "Q?", "A.", source=SourceRef(file, "Challenges", *span))
    return DeckDraft("Src", (card,), source=file)


def test_source_passage_found_beside_the_deck_file(store, tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "decks").mkdir()
    (tmp_path / "seeds" / "art.txt").write_text("Title\n\nIntro.\n1. **Role:** first.\n2. Two.\n")
    deck_file = str(tmp_path / "decks" / "art.toml")
    service.import_decks(store, [(_sourced(tmp_path, "art.txt", (4, 5)), deck_file)],
                         moment(DAY0))
    card = service.queue_card(store, 1)
    passage = find_passage(card, tmp_path / "elsewhere")
    assert passage.note is None and passage.section == "Challenges"
    assert passage.lines == ("1. **Role:** first.", "2. Two.")
    assert passage.path == tmp_path / "seeds" / "art.txt"


def test_source_passage_notes(store, tmp_path):
    (tmp_path / "art.txt").write_text("one line\n")
    service.import_decks(store, [(_sourced(tmp_path, "art.txt", (7, 8)), None),
                                 (DeckDraft("None", (CardDraft("n", "Q", "A"),)), None)],
                         moment(DAY0))
    assert "not in art.txt" in find_passage(service.queue_card(store, 1), tmp_path).note
    assert "not found" in find_passage(service.queue_card(store, 1), tmp_path / "x").note
    assert "no source" in find_passage(service.queue_card(store, 2), tmp_path).note


@pytest.mark.parametrize("grade", [0, 1, 2, 3])
def test_every_answer_below_four_comes_back(store, grade):
    one_card(store)
    session = open_session(store, DAY0)
    press(session, f" {grade}", DAY0)
    assert session.current is not None and session.current.origin is Origin.REDRILL
    assert session.current.card.state.due == DAY0


def test_a_card_deleted_meanwhile_is_skipped(store, db_path):
    service.import_decks(store, [(make_deck("D", 3), None)], moment(DAY0))
    session = open_session(store, DAY0)
    without_first = DeckDraft("D", make_deck("D", 3).cards[1:])
    service.import_decks(store, [(without_first, None)], moment(DAY0), prune=True)
    press(session, " 5", DAY0)
    assert "deleted meanwhile: Question 1?" in session.view(DAY0).notice
    assert session.current.card.key == "c2" and review_rows(db_path) == []
    press(session, " 5", DAY0)
    assert [r[1] for r in review_rows(db_path)] == [2]


def test_ctrl_c_ends_the_session_even_over_help_or_source(store):
    one_card(store)
    for overlay in ("?", "s", " s"):
        session = open_session(store, DAY0)
        press(session, overlay, DAY0)
        assert session.phase in (Phase.HELP, Phase.SOURCE)
        assert session.press("\x03", moment(DAY0), DAY0, 0.0)
        assert session.phase is Phase.DONE
    session = open_session(store, DAY0)
    press(session, "?q", DAY0)  # q, like any other key, only closes the overlay
    assert session.phase is Phase.QUESTION


def test_source_on_the_question_side_leads_to_the_answer(store, tmp_path):
    """The passage holds the answer: after reading it the card is on its answer side,
    to be graded honestly, never back on an unrevealed question."""
    one_card(store)
    session = open_session(store, DAY0, cwd=tmp_path)
    assert session.phase is Phase.QUESTION
    press(session, "s", DAY0)
    assert session.phase is Phase.SOURCE
    press(session, "x", DAY0)
    assert session.phase is Phase.ANSWER
    press(session, "?", DAY0)
    press(session, "x", DAY0)
    assert session.phase is Phase.ANSWER  # help does not change sides
