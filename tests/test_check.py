"""`flashcards check`: SQLite's checks, our invariants, repairs in one transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from flashcards.store import backup
from flashcards.store import check as chk
from safety import DAY0, T0, assert_sound, opened, query, seed_store, snapshot


def damage(path: Path, *sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.close()


def codes(report: chk.Report) -> set[str]:
    return {f.code for f in report.findings}


REVIEWED = "(SELECT card_id FROM review ORDER BY id DESC LIMIT 1)"
UNREVIEWED = "(SELECT min(id) FROM card WHERE id NOT IN (SELECT card_id FROM review))"

CASES = {
    "orphan-card": [f"UPDATE card SET deck_id = 999 WHERE id = {REVIEWED}"],
    "orphan-review": ["INSERT INTO review (card_id, reviewed_at, study_day, grade, kind, "
                      "reps_before, ease_before, interval_before, redrill_before, lapses_before, "
                      "reps_after, ease_after, interval_after, redrill_after, lapses_after) "
                      "VALUES (999, 'x', '2026-03-01', 4, 'learn', 0, 2.5, 0, 0, 0, 1, 2.5, "
                      "1, 0, 0)"],
    "ease-low": [f"UPDATE card SET ease = 1.1 WHERE id = {UNREVIEWED}"],
    "bad-state": [f"UPDATE card SET interval = -4, reps = -1 WHERE id = {UNREVIEWED}"],
    "bad-date": [f"UPDATE card SET due = 'soon', last_review = '2026-02-02' "
                 f"WHERE id = {UNREVIEWED}"],
    "due-range": [f"UPDATE card SET due = '1999-12-31', last_review = '1999-12-01' "
                  f"WHERE id = {UNREVIEWED}",
                  "UPDATE card SET due = '2200-01-01', last_review = '2026-03-01' "
                  "WHERE id = (SELECT max(id) FROM card WHERE id NOT IN "
                  "(SELECT card_id FROM review))"],
    "state-mismatch": [f"UPDATE card SET reps = reps + 7 WHERE id = {REVIEWED}"],
    # the first answer to a card is a learn; this one says review
    "kind-mismatch": ["UPDATE review SET kind = 'review' WHERE id = 1"],
}


def test_a_healthy_store_passes(db_path: Path, cli):
    seed_store(db_path)
    assert chk.check(db_path, DAY0, full=True).ok
    result = cli("check")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "OK" in result.stdout


def test_an_empty_or_missing_store_passes(db_path: Path, cli):
    assert "nothing to check" in cli("check").stdout
    from flashcards.store import open_store

    open_store(db_path).close()
    assert cli("check").exit_code == 0


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_broken_invariant_is_found_and_repaired(db_path: Path, cli, code: str):
    seed_store(db_path)
    reviews = query(db_path, "SELECT count(*) FROM review")[0][0]
    damage(db_path, *CASES[code])
    found = chk.check(db_path, DAY0)
    assert code in codes(found)
    result = cli("check")
    assert result.exit_code == 1
    assert "--repair" in result.stdout
    repaired = cli("check", "--repair")
    assert repaired.exit_code == 0, repaired.stdout + repaired.stderr
    assert "Repaired" in repaired.stdout
    assert_sound(db_path)
    [saved] = backup.list_backups(db_path)  # the backup taken before the repair
    with opened(saved.path) as plain:
        assert code in codes(chk.check(plain, DAY0))
    if code != "orphan-review":
        assert query(db_path, "SELECT count(*) FROM review")[0][0] == reviews  # history kept


def test_orphan_cards_move_to_a_recovered_deck_with_their_history(db_path: Path):
    seed_store(db_path)
    card = query(db_path, f"SELECT id FROM card WHERE id = {REVIEWED}")[0][0]
    history = query(db_path, "SELECT * FROM review WHERE card_id = ?", card)
    damage(db_path, *CASES["orphan-card"])
    report = chk.repair(db_path, DAY0)
    assert report.ok and report.repaired
    assert query(db_path, "SELECT d.name FROM card c JOIN deck d ON d.id = c.deck_id "
                          "WHERE c.id = ?", card) == [(chk.RECOVERED_DECK,)]
    assert query(db_path, "SELECT * FROM review WHERE card_id = ?", card) == history


def test_mismatch_is_repaired_from_the_review_log(db_path: Path):
    seed_store(db_path)
    card = query(db_path, f"SELECT id FROM card WHERE id = {REVIEWED}")[0][0]
    state = query(db_path, "SELECT reps, ease, interval, due, redrill, lapses, last_review "
                           "FROM card WHERE id = ?", card)
    damage(db_path, f"UPDATE card SET reps = 40, ease = 1.9, interval = 300, due = "
                    f"'2027-01-01', redrill = 1, lapses = 9, last_review = '2026-01-01' "
                    f"WHERE id = {card}")
    assert chk.repair(db_path, DAY0).ok
    assert query(db_path, "SELECT reps, ease, interval, due, redrill, lapses, last_review "
                          "FROM card WHERE id = ?", card) == state


def test_what_cannot_be_repaired_is_said_and_fails(db_path: Path, cli):
    seed_store(db_path)
    damage(db_path, "UPDATE review SET ease_before = 0.5 WHERE id = 1")
    result = cli("check", "--repair")
    assert result.exit_code == 1
    assert "impossible values" in result.stdout
    assert "bad-review" in codes(chk.check(db_path, DAY0))


def test_repair_is_one_transaction(db_path: Path, monkeypatch):
    seed_store(db_path)
    damage(db_path, *CASES["orphan-review"], *CASES["ease-low"])
    before = snapshot(db_path)

    def boom(conn: sqlite3.Connection, today: object) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setitem(chk._FIXES, "ease-low", boom)  # runs after orphan-review's fix
    with pytest.raises(RuntimeError):
        chk.repair(db_path, DAY0)
    assert snapshot(db_path) == before


def corrupt(path: Path) -> None:
    """Overwrite the middle of the file with garbage, as a failing disk might."""
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(size // 2 // 4096 * 4096)
        fh.write(b"\xde\xad\xbe\xef" * 1024)


def test_a_damaged_file_gets_the_advice_to_restore(db_path: Path, cli):
    seed_store(db_path, cards=200, answers=300)
    backup.make_backup(db_path, T0)
    corrupt(db_path)
    report = chk.check(db_path, DAY0, full=True)
    assert report.corrupt
    result = cli("check", "--repair")
    assert result.exit_code == 1
    assert "flashcards restore latest" in result.stdout
    assert "store-2026-03-02T090000Z.db" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    restored = cli("restore", "latest", "--yes")
    assert restored.exit_code == 0, restored.stderr
    assert cli("check", "--full").exit_code == 0


def test_a_file_that_is_not_sqlite(db_path: Path, cli):
    db_path.write_bytes(b"hello, I am a text file\n" * 200)
    result = cli("check")
    assert result.exit_code == 1
    assert "damaged" in result.stdout


def test_index_damage_is_found_by_full_check_and_rebuilt(db_path: Path, cli):
    seed_store(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX ix_card_due ON card (interval)' "
                 "WHERE name = 'ix_card_due'")
    conn.commit()
    conn.close()
    assert "integrity" in codes(chk.check(db_path, DAY0, full=True))
    result = cli("check", "--full", "--repair")
    assert result.exit_code == 0, result.stdout
    assert "REINDEX" in result.stdout
    assert chk.check(db_path, DAY0, full=True).ok
