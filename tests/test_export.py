"""`flashcards export`: CSV/JSON/JSONL field by field, the formula guard, files written
atomically, stdout pipes, and the deck round trip."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flashcards import service
from flashcards.domain import CardDraft, DeckDraft
from flashcards.formats import deckfile
from flashcards.formats.export import spreadsheet_safe, write_csv, write_json, write_jsonl

import history as h

REVIEW_COLUMNS = ["review_id", "reviewed_at", "study_day", "deck", "card_key", "question",
                  "grade", "kind", "reps_before", "ease_before", "interval_before",
                  "due_before", "reps_after", "ease_after", "interval_after", "due_after",
                  "answer_ms", "scheduler", "session_id"]
CARD_COLUMNS = ["deck", "card_key", "kind", "section", "question", "answer", "tags", "status",
                "reps", "ease", "interval", "due", "last_review", "lapses", "reviews",
                "last_grade"]


@pytest.fixture
def db(history_db: Path) -> Path:
    return history_db


def _cell(value) -> str:
    """How a value appears in our CSV: empty for NULL, text guarded, numbers as Python."""
    if value is None:
        return ""
    if isinstance(value, str):
        return spreadsheet_safe(value)
    return str(value)


def _expected_reviews(db):
    return [{"review_id": r["id"], "reviewed_at": r["reviewed_at"], "study_day": r["study_day"],
             "deck": r["deck"], "card_key": r["key"], "question": r["question"],
             "grade": r["grade"], "kind": r["kind"], "reps_before": r["reps_before"],
             "ease_before": r["ease_before"], "interval_before": r["interval_before"],
             "due_before": r["due_before"], "reps_after": r["reps_after"],
             "ease_after": r["ease_after"], "interval_after": r["interval_after"],
             "due_after": r["due_after"], "answer_ms": r["answer_ms"],
             "scheduler": r["scheduler"], "session_id": r["session_id"]}
            for r in h.reviews(db)]


def _expected_cards(db):
    reviews = h.reviews(db)
    out = []
    for c in h.cards(db):
        mine = [r for r in reviews if r["card_id"] == c["id"]]
        out.append({"deck": c["deck"], "card_key": c["key"], "kind": c["kind"],
                    "section": c["section"], "question": c["question"], "answer": c["answer"],
                    "tags": c["tags"], "status": h.state_of(c), "reps": c["reps"],
                    "ease": c["ease"], "interval": c["interval"], "due": c["due"],
                    "last_review": c["last_review"], "lapses": c["lapses"],
                    "reviews": len(mine), "last_grade": mine[-1]["grade"] if mine else None})
    return out


def test_reviews_csv_field_by_field(cli, db):
    result = cli("export", "reviews")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.split("\n", 1)[0] == ",".join(REVIEW_COLUMNS)
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    expected = _expected_reviews(db)
    assert len(rows) == len(expected) > 200
    for row, want in zip(rows, expected, strict=True):
        assert row == {k: _cell(v) for k, v in want.items()}
    assert rows[0]["reviewed_at"].endswith("Z") and "T" in rows[0]["reviewed_at"]


def test_reviews_json_and_jsonl_keep_values(cli, db):
    expected = _expected_reviews(db)
    result = cli("export", "reviews", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == expected
    result = cli("export", "reviews", "-f", "jsonl")
    lines = result.stdout.splitlines()
    assert [json.loads(line) for line in lines] == expected
    assert list(json.loads(lines[0])) == REVIEW_COLUMNS


def test_formula_injection_guard(cli, db):
    rows = list(csv.DictReader(io.StringIO(cli("export", "reviews").stdout, newline="")))
    tricky = {r["card_key"]: r for r in rows if r["deck"].startswith("[bold]")}
    assert tricky["f1"]["question"] == "'=HYPERLINK(\"http://x\")"
    assert tricky["'-k2"]["question"] == "'@SUM(A1) red"
    assert tricky["k3"]["question"] == 'Plain, "quoted"\nsecond line'  # quoted, intact
    cards = list(csv.DictReader(io.StringIO(cli("export", "cards").stdout, newline="")))
    f1 = next(c for c in cards if c["card_key"] == "f1")
    assert f1["answer"] == "'+1"
    k2 = next(c for c in cards if c["card_key"] == "'-k2")
    assert k2["answer"] == "'-2"
    # JSON is data, not a spreadsheet: values exactly as stored
    as_json = json.loads(cli("export", "cards", "-f", "json").stdout)
    assert next(c for c in as_json if c["card_key"] == "-k2")["answer"] == "-2"


def test_spreadsheet_safe_unit():
    for risky in ("=1+1", "+1", "-1", "@A1", "\tx", "\rx", "'=x", "''-x", "'\tx"):
        assert spreadsheet_safe(risky) == "'" + risky
    for fine in ("", "a=1", "1-2", "'quoted", "''", "2026-03-02"):
        assert spreadsheet_safe(fine) == fine


def test_cards_csv_round_trip_keeps_apostrophes(cli, tmp_path, monkeypatch):
    """A text that starts with `'` then a formula character is not mistaken for our guard:
    cards CSV -> import into a fresh store -> cards CSV gives the same bytes."""
    texts = ["'-) is a wink", "''=x", "'=x", "=x", "'hello"]
    deck = DeckDraft("wink", tuple(CardDraft(f"{t[:3]}{i}", f"{t} {i}?", t, tags=(t[:3],))
                                   for i, t in enumerate(texts)))  # every text column
    (tmp_path / "wink.toml").write_text(deckfile.dumps(deck), "utf-8")
    assert cli("import", str(tmp_path / "wink.toml")).exit_code == 0
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    assert cli("export", "cards", "-f", "csv", "-o", str(first)).exit_code == 0
    original = json.loads(cli("export", "cards", "-f", "json").stdout)
    assert [c["answer"] for c in original] == texts
    monkeypatch.setenv("FLASHCARDS_DB", str(tmp_path / "fresh.db"))
    result = cli("import", str(first))
    assert result.exit_code == 0, result.stderr
    assert cli("export", "cards", "-f", "csv", "-o", str(second)).exit_code == 0
    assert second.read_bytes() == first.read_bytes()
    # the bytes alone would not show it: '=x read back as =x is written '=x again
    assert json.loads(cli("export", "cards", "-f", "json").stdout) == original


def test_writers_stream_batches():
    out = io.StringIO(newline="")
    batches = iter([[(1, "=x", None)], [], [(2, "y", 1.5)]])
    assert write_csv(out, ["n", "question", "v"], batches, {"question"}) == 2
    assert out.getvalue() == "n,question,v\r\n1,'=x,\r\n2,y,1.5\r\n"
    out = io.StringIO()
    assert write_json(out, ["n"], iter([[(1,)], [(2,)]])) == 2
    assert json.loads(out.getvalue()) == [{"n": 1}, {"n": 2}]
    out = io.StringIO()
    assert write_json(out, ["n"], iter([])) == 0
    assert json.loads(out.getvalue()) == []
    out = io.StringIO()
    assert write_jsonl(out, ["n", "s"], iter([[(1, "é")]])) == 1
    assert out.getvalue() == '{"n": 1, "s": "é"}\n'


def test_cards_csv_field_by_field(cli, db):
    result = cli("export", "cards")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.split("\n", 1)[0] == ",".join(CARD_COLUMNS)
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    expected = _expected_cards(db)
    assert len(rows) == len(expected) == 31  # the history's 25-card deck and 6 others
    for row, want in zip(rows, expected, strict=True):
        assert row == {k: _cell(v) for k, v in want.items()}
    assert {r["status"] for r in rows} == {"new", "learning", "young", "mature", "suspended",
                                          "retired"}


def test_deck_filter_and_since(cli, db):
    result = cli("export", "reviews", "india-south-korea-defence", "--since", "2026-02-20",
                 "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    got = [json.loads(line) for line in result.stdout.splitlines()]
    expected = [r for r in _expected_reviews(db) if r["deck"] == "india-south-korea-defence"
                and r["study_day"] >= "2026-02-20"]
    assert got == expected and expected
    cards = json.loads(cli("export", "cards", "Later", "-f", "json").stdout)
    assert [c["card_key"] for c in cards] == ["c1", "c2", "c3"]
    assert {c["status"] for c in cards} == {"new"} and cards[0]["last_grade"] is None


def test_bad_since_and_unknown_deck_are_one_line_errors(cli, db):
    for args in (["--since", "yesterday"], ["Nope"]):
        result = cli("export", "reviews", *args)
        assert result.exit_code == 1, args
        assert result.stderr.startswith("flashcards: error: ")
        assert result.stderr.count("\n") == 1
        assert result.stdout == ""


def test_output_file_is_written_atomically(cli, db, tmp_path):
    target = tmp_path / "out" / "reviews.csv"
    result = cli("export", "reviews", "-o", str(target))
    assert result.exit_code == 1 and "cannot write" in result.stderr  # no such folder
    assert not (tmp_path / "out").exists()
    target.parent.mkdir()
    target.write_text("old")
    result = cli("export", "reviews", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    written = target.read_bytes().decode("utf-8")
    assert written.startswith(",".join(REVIEW_COLUMNS) + "\r\n")  # RFC 4180 line ends
    # (the test runner turns CRLF into LF on stdout)
    assert written.replace("\r\n", "\n") == cli("export", "reviews").stdout
    assert os.listdir(target.parent) == ["reviews.csv"]  # no temp file left
    result = cli("export", "reviews", "Nope", "-o", str(target))
    assert result.exit_code == 1
    assert target.read_bytes().decode("utf-8").startswith("review_id,")  # old file kept


# --- decks -----------------------------------------------------------------------------


def test_deck_round_trip_through_a_fresh_store(cli, db, tmp_path, monkeypatch):
    first = tmp_path / "first"
    result = cli("export", "decks", "-o", f"{first}/")
    assert result.exit_code == 0, result.stderr
    files = sorted(p.name for p in first.iterdir())
    assert files == ["bold-tricky-bold-smile.toml", "india-south-korea-defence.toml",
                     "later.toml"]
    monkeypatch.setenv("FLASHCARDS_DB", str(tmp_path / "fresh.db"))
    result = cli("import", *(str(p) for p in sorted(first.iterdir())))
    assert result.exit_code == 0, result.stderr
    second = tmp_path / "second"
    second.mkdir()
    assert cli("export", "decks", "-o", str(second)).exit_code == 0
    for name in files:
        assert (second / name).read_bytes() == (first / name).read_bytes(), name
    # the keys, questions and sources survived
    deck = deckfile.loads((first / "india-south-korea-defence.toml").read_text("utf-8"), "x")
    original = h.bundled_deck()
    assert deck.cards == original.cards[1:]  # the first card was retired
    assert (deck.name, deck.source, deck.meta) == (original.name, original.source,
                                                   original.meta)


def test_deck_round_trip_through_the_service(store, tmp_path):
    from flashcards.store import open_store

    service.import_decks(store, [(h.bundled_deck(), None), (h.HOSTILE, None)], h.moment(h.TODAY))
    exported = [deckfile.dumps(d) for d, _ in service.export_decks(store, [])]
    fresh = open_store(tmp_path / "fresh.db")
    try:
        service.import_decks(fresh, [(deckfile.loads(t, "x.toml"), None) for t in exported],
                             h.moment(h.TODAY))
        again = [deckfile.dumps(d) for d, _ in service.export_decks(fresh, [])]
    finally:
        fresh.close()
    assert again == exported


def test_one_deck_to_stdout_or_a_file(cli, db, tmp_path):
    result = cli("export", "decks")
    assert result.exit_code == 1 and "3 decks: name one deck" in result.stderr
    result = cli("export", "decks", "Later")
    assert result.exit_code == 0, result.stderr
    assert deckfile.loads(result.stdout, "-").name == "Later"
    target = tmp_path / "later.toml"
    assert cli("export", "decks", "Later", "-o", str(target)).exit_code == 0
    assert target.read_text("utf-8") == result.stdout


# --- pipes -----------------------------------------------------------------------------


def test_broken_pipe_ends_quietly(db):
    # make the log long enough to fill a pipe buffer
    with __import__("sqlite3").connect(db) as conn:
        conn.execute("INSERT INTO review (card_id, reviewed_at, study_day, grade, kind,"
                     " answer_ms, session_id, reps_before, ease_before, interval_before,"
                     " due_before, redrill_before, lapses_before, last_review_before,"
                     " reps_after, ease_after, interval_after, due_after, redrill_after,"
                     " lapses_after) SELECT card_id, reviewed_at, study_day, grade, kind,"
                     " answer_ms, session_id, reps_before, ease_before, interval_before,"
                     " due_before, redrill_before, lapses_before, last_review_before,"
                     " reps_after, ease_after, interval_after, due_after, redrill_after,"
                     " lapses_after FROM review, (SELECT 1 UNION ALL SELECT 2 UNION ALL"
                     " SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6)")
    code = ("import subprocess, sys\n"
            f"p = subprocess.Popen([sys.executable, '-c', 'from flashcards.cli import main; "
            f"main()', '--db', {str(db)!r}, 'export', 'reviews'], stdout=subprocess.PIPE,"
            " stderr=subprocess.PIPE)\n"
            "first = p.stdout.readline()\n"
            "p.stdout.close()\n"
            "err = p.stderr.read()\n"
            "print(p.wait(), repr(first[:9]), repr(err))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)
    assert proc.stdout.strip() == "0 b'review_id' b''"


def test_guard_finds_risky_cells_anywhere_in_a_batch():
    rows = [(1, "plain", None), (2, "multi\n=line", "ok"), (3, "fine", "-3"), (4, "", "@x")]
    out = io.StringIO(newline="")
    write_csv(out, ["n", "question", "section"], [rows], {"question", "section"})
    got = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert got[1:] == [["1", "plain", ""], ["2", "multi\n=line", "ok"], ["3", "fine", "'-3"],
                       ["4", "", "'@x"]]


@pytest.mark.parametrize("args", [["stats", "--json"], ["export", "reviews"],
                                  ["export", "cards", "-f", "json"]])
def test_stats_json_and_export_skip_sqlalchemy_the_orm_and_rich(db, args):
    from conftest import modules_imported

    _, imported = modules_imported(*args, env={**os.environ, "FLASHCARDS_DB": str(db)})
    assert not imported & {"sqlalchemy", "sqlmodel", "rich"}


@pytest.mark.parametrize(("decks", "since"), [([], None), (["india-south-korea-defence"], None),
                                              ([], "2026-02-25")])
def test_review_csv_fast_path_matches_the_generic_writer(db, decks, since):
    from datetime import date

    from flashcards.formats.export import write_review_csv
    from flashcards.store import open_store

    with __import__("sqlite3").connect(db) as conn:  # missing values must stay empty cells
        conn.execute("UPDATE review SET answer_ms = NULL, session_id = NULL WHERE id % 7 = 0")
        conn.execute("UPDATE review SET session_id = '=cmd' WHERE id % 11 = 0")
        conn.execute("UPDATE review SET ease_after = 2.0, interval_after = 36500,"
                     " ease_before = 1.3 WHERE id % 13 = 0")  # numbers print alike too
    first = None if since is None else date.fromisoformat(since)
    store = open_store(db)
    try:
        generic, fast = io.StringIO(newline=""), io.StringIO(newline="")
        with service.export_rows(store, "reviews", decks, first) as (columns, batches):
            n = write_csv(generic, columns, batches)
        with service.export_review_csv(store, decks, first) as (columns, parts):
            assert write_review_csv(fast, columns, parts) == n > 0
    finally:
        store.close()
    assert fast.getvalue() == generic.getvalue()
    assert ",'=cmd\r\n" in fast.getvalue()  # guarded
    assert ",,sm2,\r\n" in fast.getvalue()  # no answer time, no session: empty cells


def test_ctrl_c_on_the_third_deck_file_says_what_was_written(cli, db_path, tmp_path,
                                                             monkeypatch):
    from safety import seed_store

    from conftest import interrupt_on_write

    seed_store(db_path, decks=4)
    monkeypatch.chdir(tmp_path)
    interrupt_on_write(monkeypatch, 3)
    result = cli("export", "decks", "-o", "decks/")
    assert result.exit_code == 130
    assert result.stderr == (
        "flashcards: interrupted: wrote decks/deck-0.toml, decks/deck-1.toml; "
        "not written: decks/deck-2.toml, decks/deck-3.toml\n")
    assert sorted(p.name for p in (tmp_path / "decks").iterdir()) == ["deck-0.toml",
                                                                     "deck-1.toml"]
    assert deckfile.loads((tmp_path / "decks" / "deck-1.toml").read_text(), "x").name == \
        "Deck 1"
