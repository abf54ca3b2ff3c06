"""The store: schema, migrations, pragmas, refusal of newer databases."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from flashcards.domain.errors import StoreError
from flashcards.store import migrations, open_store

FROZEN_V1 = Path(__file__).parent / "data" / "schema_v1.sql"


def _columns(conn: sqlite3.Connection, table: str) -> dict[str, bool]:
    return {row[1]: bool(row[3]) for row in conn.execute(f"PRAGMA table_info({table})")}


def test_new_store_is_at_latest_version(db_path):
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_models_describe_the_migrated_schema(db_path):
    from flashcards.store.models import Card, Deck, Meta, Review

    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    for model in (Deck, Card, Review, Meta):
        table = model.__table__
        assert set(_columns(conn, table.name)) == {c.name for c in table.columns}, table.name


def test_every_connection_sets_its_pragmas(store):
    with store.raw_read() as conn:
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_frozen_first_schema_upgrades_and_keeps_data(db_path):
    conn = sqlite3.connect(db_path)
    conn.executescript(FROZEN_V1.read_text())
    conn.close()
    store = open_store(db_path)
    from flashcards import service

    summaries = service.deck_summaries(store, date(2026, 1, 5))
    store.close()
    assert [(s.name, s.new, s.total) for s in summaries] == [("Frozen", 2, 3)]
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert conn.execute("SELECT grade, answer_ms, session_id FROM review").fetchall() == [
        (4, 1234, "s1")]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_store_from_a_newer_version_is_refused(db_path):
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer flashcards"):
        open_store(db_path)


def test_newer_store_is_one_line_on_the_cli(cli, db_path):
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    result = cli("decks")
    assert result.exit_code == 1
    assert "newer flashcards" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
def test_failed_raw_write_rolls_back(store, error):
    with pytest.raises(error), store.raw_write() as conn:
        conn.execute("INSERT INTO deck (name, meta, created_at) VALUES ('x', '{}', 'now')")
        raise error("boom")
    with store.raw_read() as conn:
        assert conn.execute("SELECT count(*) FROM deck").fetchone()[0] == 0
        assert conn.in_transaction
    assert not store._conn.in_transaction  # the read snapshot ended too


def test_a_locked_store_is_one_clear_error_from_raw_write(db_path):
    store = open_store(db_path)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    store._conn.execute("PRAGMA busy_timeout = 50")
    try:
        with pytest.raises(StoreError, match="kept the store busy"), store.raw_write():
            pass
    finally:
        other.execute("ROLLBACK")
        store.close()


def test_migration_4_leaves_the_indexes_the_queries_use(db_path):
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    indexes = dict(conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'card'"))
    assert "ix_card_deck_id" not in indexes  # UNIQUE (deck_id, key) serves deck lookups
    assert indexes["ix_card_due"].endswith("WHERE due IS NOT NULL")


def test_the_queue_queries_never_scan_the_card_table(store):
    """Every statement building today's queue (for all decks and for some) is answered
    from an index: with 100,000 cards a table scan would delay the first card. (Walking
    ix_card_new is fine: it holds only the cards never answered.)"""
    from flashcards import service

    from conftest import make_deck

    service.import_decks(store, [(make_deck("A", 30), None), (make_deck("B", 30), None)],
                         datetime(2026, 3, 2, 9, tzinfo=UTC))
    seen: list[str] = []

    def capture(statement: str) -> None:  # the SQL as run, its parameters filled in
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    store._conn.set_trace_callback(capture)
    for decks in ([], ["A"]):
        service.build_queue(store, decks, date(2026, 3, 2), new_per_day=20)
        service.due_count(store, decks, date(2026, 3, 3))
        service.next_due_day(store, decks, date(2026, 3, 2))
    store._conn.set_trace_callback(None)
    assert len(seen) >= 10
    with store.raw_read() as conn:
        for statement in seen:
            plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {statement}")]
            scans = [step for step in plan if step.startswith("SCAN card")
                     and step != "SCAN card USING INDEX ix_card_new"]  # new cards only
            assert not scans, (statement, plan)


def test_migration_5_recomputes_every_logged_kind(db_path):
    """A version-4 log (kinds `scheduled`/`redrill`; the scored answer after a failure
    logged as a redrill) gets Anki's four kinds, read from each answer's state before."""
    from flashcards import service

    from conftest import make_deck

    store = open_store(db_path)
    service.import_decks(store, [(make_deck("D", 1), None)], datetime(2026, 1, 1, tzinfo=UTC))
    day0 = date(2026, 1, 1)
    for offset, grade in [(0, 5), (1, 5), (7, 4), (24, 3), (24, 4), (68, 2), (68, 4), (69, 4)]:
        day = day0 + timedelta(days=offset)
        service.answer(store, 1, grade, datetime(day.year, day.month, day.day, 9, tzinfo=UTC),
                       day)
    store.close()
    old = ["scheduled"] * 4 + ["redrill", "scheduled", "redrill", "scheduled"]
    conn = sqlite3.connect(db_path)
    with conn:  # back to how version 4 kept it
        for review_id, kind in enumerate(old, start=1):
            conn.execute("UPDATE review SET kind = ? WHERE id = ?", (kind, review_id))
        conn.execute("DROP INDEX ix_review_retention")
        conn.execute("CREATE INDEX ix_review_retention ON review (kind, (last_review_before "
                     "IS NULL), study_day, (interval_before >= 21), (grade >= 3), card_id, "
                     "last_review_before, interval_before, grade)")
        conn.execute("DROP INDEX ix_card_due")  # migration 4's, as 9 left it
        conn.execute("CREATE INDEX ix_card_due ON card (due) WHERE due IS NOT NULL")
        for column in ("buried_until", "leech", "search", "stability", "difficulty"):
            conn.execute(f"ALTER TABLE card DROP COLUMN {column}")  # migrations 6 and 7
        for column in ("scheduler", "stability_before", "difficulty_before",
                       "stability_after", "difficulty_after"):
            conn.execute(f"ALTER TABLE review DROP COLUMN {column}")
        conn.execute("DROP TABLE meta")
        conn.execute("DROP INDEX ix_card_inactive")  # migration 8's
    conn.execute("PRAGMA user_version = 4")
    conn.close()
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    assert [k for (k,) in conn.execute("SELECT kind FROM review ORDER BY id")] == [
        "learn", "review", "review", "review", "redrill", "review", "relearn", "review"]
    assert "last_review_before" not in conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'ix_review_retention'").fetchone()[0]
    conn.close()


def test_retention_and_new_card_counts_read_the_retention_index(store):
    """The queue's count of today's new cards and the session's retention seek one day's
    answers in ix_review_retention, never walking the review log."""
    from flashcards.store import stats_queries as sq

    with store.raw_read() as conn:
        for sql, params in [
            ("SELECT count(*) FROM review WHERE kind = 'learn' AND study_day = ?",
             ("2026-03-02",)),
            (f"SELECT count(*) FROM review r WHERE {sq._TESTED} AND r.study_day >= ?",
             ("2026-03-02",)),
        ]:
            plan = " ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
            assert "ix_review_retention" in plan and "SCAN review " not in plan, plan


def test_counts_of_due_cards_read_the_due_index_alone(store):
    """`due --count`, the queue and `decks` count due cards from ix_card_due alone (a
    covering index), never a card row per due card (migration 9). (Counts for named
    decks are left to the planner: a small deck is read faster through its own index.)"""
    from datetime import date

    from flashcards.store import card_queries as cq
    from flashcards.store import stats_queries as sq

    with store.raw_read() as conn:
        statements: list[tuple[str, tuple]] = []

        class Recording:
            def execute(self, sql: str, params=()):
                statements.append((sql, tuple(params)))
                return conn.execute(sql, params)

        cq.due_counts(Recording(), None, date(2026, 3, 2), 20)  # type: ignore[arg-type]
        sq.deck_counts(Recording(), date(2026, 3, 2))  # type: ignore[arg-type]
        due = [(sql, params) for sql, params in statements if "c.due <=" in sql]
        assert len(due) == 2, statements
        for sql, params in due:
            plan = " ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}",
                                                          params))
            assert "COVERING INDEX ix_card_due" in plan, (sql, plan)


def test_deck_counts_from_indexes_agree_with_a_scan_of_every_card(history_db):
    """`decks` counts from indexes; a plain scan of the card table is the oracle, with
    suspended, retired, new, due and not-yet-due cards in several decks."""
    from flashcards.store import stats_queries as sq

    with closing(sqlite3.connect(history_db)) as conn, conn:
        conn.execute("UPDATE card SET suspended = 1 WHERE id % 7 = 0")
        conn.execute("UPDATE card SET retired = 1 WHERE id % 11 = 0")
    oracle = """SELECT d.name,
        COALESCE(SUM(NOT c.retired AND NOT c.suspended AND c.last_review IS NULL), 0),
        COALESCE(SUM(NOT c.retired AND NOT c.suspended AND c.last_review IS NOT NULL
                     AND c.due <= ?), 0),
        COALESCE(SUM(NOT c.retired AND NOT c.suspended), 0)
        FROM deck d LEFT JOIN card c ON c.deck_id = d.id GROUP BY d.id ORDER BY d.name"""
    with closing(sqlite3.connect(history_db)) as conn:
        for day in (date(2026, 3, 2), date(2026, 6, 1), date(2025, 1, 1)):
            expected = [tuple(r) for r in conn.execute(oracle, (day.isoformat(),))]
            assert sq.deck_counts(conn, day) == expected
            assert any(r[1] for r in expected) and any(r[3] for r in expected)
        assert any(r[2] for r in conn.execute(oracle, ("2026-06-01",)))


def test_check_finds_columns_the_declared_schema_has_and_the_store_lacks(cli, db_path):
    """`check` holds the store to the SQLModel tables (models.py): a column dropped by
    another program is one clear finding, not a crash in the checks after it."""
    open_store(db_path).close()
    assert cli("check").exit_code == 0
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute("ALTER TABLE card DROP COLUMN difficulty")
    result = cli("check")
    assert result.exit_code == 1
    assert "lacks columns its schema declares: card.difficulty" in result.stdout
