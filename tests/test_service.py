"""Service layer: import plans, today's queue, answers and undo."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, timedelta

import pytest

from flashcards import service
from flashcards.domain import CardState, ReviewKind
from flashcards.domain.errors import NotFoundError

from conftest import at, make_deck

NOW = at("2026-03-02T09:00:00+00:00")
TODAY = date(2026, 3, 2)


def _ids(cards):
    return [c.key for c in cards]


def test_import_adds_then_reports_unchanged_updated_retired(store):
    deck = make_deck("D", 4)
    [plan] = service.import_decks(store, [(deck, None)], NOW)
    assert plan.deck_is_new and plan.added == ["c1", "c2", "c3", "c4"]
    edited = replace(deck, cards=(deck.cards[0]._replace(answer="New answer"),
                                  *deck.cards[1:3]))
    [plan] = service.import_decks(store, [(edited, None)], NOW)
    assert plan.updated == ["c1"]
    assert plan.unchanged == ["c2", "c3"]
    assert plan.retired == ["c4"] and plan.added == []
    assert [s.total for s in service.deck_summaries(store, TODAY)] == [3]


def test_update_keeps_state_and_history(store, db_path):
    deck = make_deck("D", 2)
    service.import_decks(store, [(deck, None)], NOW)
    queue = service.build_queue(store, [], TODAY, new_per_day=20)
    first = queue.new[0]
    service.answer(store, first.card_id, 5, NOW, TODAY)
    edited = replace(deck, cards=(deck.cards[0]._replace(question="Edited?"), deck.cards[1]))
    service.import_decks(store, [(edited, None)], NOW)
    conn = sqlite3.connect(db_path)
    row = conn.execute("SELECT question, reps, interval FROM card WHERE key='c1'").fetchone()
    assert row == ("Edited?", 1, 1)
    assert conn.execute("SELECT count(*) FROM review").fetchone()[0] == 1


def test_prune_deletes_and_retired_cards_come_back(store, db_path):
    deck = make_deck("D", 3)
    service.import_decks(store, [(deck, None)], NOW)
    short = replace(deck, cards=deck.cards[:2])
    service.import_decks(store, [(short, None)], NOW)
    [plan] = service.import_decks(store, [(deck, None)], NOW)
    assert plan.updated == ["c3"]  # revived
    [plan] = service.import_decks(store, [(short, None)], NOW, prune=True)
    assert plan.pruned == ["c3"]
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM card").fetchone()[0] == 2


def test_dry_run_changes_nothing(store, db_path):
    [plan] = service.import_decks(store, [(make_deck("D", 3), None)], NOW, dry_run=True)
    assert plan.added == ["c1", "c2", "c3"]
    assert service.deck_summaries(store, TODAY) == []


def test_import_strips_control_characters(store, db_path):
    deck = make_deck("D", 1)
    nasty = deck.cards[0]._replace(question="\x1b[31mred\x1b[0m \u202eevil [bold]x[/]\x07?")
    service.import_decks(store, [(replace(deck, cards=(nasty,)), None)], NOW)
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT question FROM card").fetchone()[0] == "red evil [bold]x[/]?"


def test_queue_order_redrill_then_most_overdue_then_new(store):
    service.import_decks(store, [(make_deck("D", 6), None)], NOW)
    ids = {c.key: c.card_id for c in service.build_queue(store, [], TODAY, new_per_day=20).new}
    earlier = TODAY - timedelta(days=10)
    service.answer(store, ids["c1"], 5, NOW - timedelta(days=10), earlier)  # due day -9
    service.answer(store, ids["c2"], 5, NOW - timedelta(days=5), TODAY - timedelta(days=5))
    service.answer(store, ids["c3"], 3, NOW, TODAY)  # redrill today
    queue = service.build_queue(store, [], TODAY, new_per_day=20)
    assert _ids(queue.redrill) == ["c3"]
    assert _ids(queue.due) == ["c1", "c2"]
    assert _ids(queue.new) == ["c4", "c5", "c6"]
    assert queue.new_today == 1  # c3 was introduced today


def test_new_card_limit_counts_cards_introduced_today(store):
    service.import_decks(store, [(make_deck("D", 10), None)], NOW)
    queue = service.build_queue(store, [], TODAY, new_per_day=4)
    assert len(queue.new) == 4
    for card in queue.new[:3]:
        service.answer(store, card.card_id, 4, NOW, TODAY)
    # restarting the session: only one new card is left for today
    again = service.build_queue(store, [], TODAY, new_per_day=4)
    assert len(again.new) == 1
    tomorrow = service.build_queue(store, [], TODAY + timedelta(days=1), new_per_day=4)
    assert len(tomorrow.new) == 4 and len(tomorrow.due) == 3


def test_limit_caps_the_whole_queue(store):
    service.import_decks(store, [(make_deck("D", 10), None)], NOW)
    assert len(service.build_queue(store, [], TODAY, new_per_day=20, limit=3).cards) == 3


def test_queue_for_named_decks_and_unknown_deck(store):
    service.import_decks(store, [(make_deck("A", 2), None), (make_deck("B", 3), None)], NOW)
    assert len(service.build_queue(store, ["B"], TODAY, new_per_day=20).new) == 3
    with pytest.raises(NotFoundError, match="no deck named 'C'"):
        service.build_queue(store, ["C"], TODAY, new_per_day=20)


def test_answer_writes_review_and_state_in_one_go(store, db_path):
    service.import_decks(store, [(make_deck("D", 1), None)], NOW)
    card = service.build_queue(store, [], TODAY, new_per_day=20).new[0]
    result = service.answer(store, card.card_id, 3, NOW, TODAY, session_id="s", answer_ms=900)
    assert result.kind is ReviewKind.LEARN and result.after.redrill
    again = service.answer(store, card.card_id, 4, NOW, TODAY, session_id="s")
    assert again.kind is ReviewKind.REDRILL
    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT grade, kind, reps_before, reps_after, due_after, answer_ms "
                        "FROM review ORDER BY id").fetchall()
    assert rows == [(3, "learn", 0, 1, "2026-03-02", 900),
                    (4, "redrill", 1, 1, "2026-03-03", None)]
    assert conn.execute("SELECT reps, due, redrill FROM card").fetchone() == (1, "2026-03-03", 0)


def test_undo_restores_exact_state_even_after_restart(store, db_path):
    from flashcards.store import open_store

    service.import_decks(store, [(make_deck("D", 1), None)], NOW)
    card = service.build_queue(store, [], TODAY, new_per_day=20).new[0]
    service.answer(store, card.card_id, 5, NOW, TODAY, session_id="one")
    second_day = TODAY + timedelta(days=1)
    before = service.build_queue(store, [], second_day, new_per_day=20).due[0].state
    service.answer(store, card.card_id, 2, NOW + timedelta(days=1), second_day)
    store.close()
    reopened = open_store(db_path)
    undone = service.undo_last(reopened)
    assert undone is not None and undone.grade == 2 and undone.restored == before
    assert service.build_queue(reopened, [], second_day, new_per_day=20).due[0].state == before
    assert service.undo_last(reopened) is not None
    state = service.build_queue(reopened, [], TODAY, new_per_day=20).new[0].state
    assert state == CardState()
    assert service.undo_last(reopened) is None
    reopened.close()


def test_a_card_that_only_moved_in_the_article_is_not_reported_as_changed(store, db_path):
    from flashcards.domain import SourceRef

    deck = make_deck("D", 2)
    service.import_decks(store, [(deck, None)], NOW)
    shifted = replace(deck, cards=(
        deck.cards[0]._replace(source=SourceRef("sample.txt", "S", 7, 8)), deck.cards[1]))
    [plan] = service.import_decks(store, [(shifted, None)], NOW)
    assert plan.moved == ["c1"] and plan.updated == [] and plan.unchanged == ["c2"]
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT line_start, line_end FROM card WHERE key='c1'").fetchone() \
        == (7, 8)
