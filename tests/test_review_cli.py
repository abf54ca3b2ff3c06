"""`flashcards review --lines` and `flashcards undo`, driven through the CLI."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date, timedelta

import pytest

from flashcards import service
from flashcards.domain import CardDraft, DeckDraft

from conftest import at, make_deck

DECK_TOML = '''[deck]
name = "bundled"
source = "article.txt"

[[cards]]
key = "one"
kind = "challenge"
question = "Which perception slows the ties?"
answer = "The old Cold War lens."
section = "Challenges"
lines = [3, 3]

[[cards]]
key = "two"
kind = "opportunity"
question = "Which maritime cooperation is possible?"
answer = "Joint patrolling."
section = "Opportunities"
lines = [5, 5]
'''


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """An empty current folder, so the repo's own decks/ is never picked up."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def reviews(db_path) -> list[tuple]:
    with closing(sqlite3.connect(db_path)) as conn:
        return conn.execute("SELECT card_id, grade, kind, interval_after, ease_after, "
                            "session_id FROM review ORDER BY id").fetchall()


def add_deck(store, deck: DeckDraft, deck_file: str | None = None) -> None:
    service.import_decks(store, [(deck, deck_file)], at("2026-03-01T09:00:00+00:00"))


def test_needs_a_terminal_without_lines(cli, store, workdir):
    add_deck(store, make_deck())
    result = cli("review")
    assert result.exit_code == 1
    assert result.stderr.startswith("flashcards: error: review needs a terminal")
    assert result.stderr.count("\n") == 1
    assert reviews(store.path) == []


def test_no_decks_at_all(cli, workdir):
    result = cli("review", "--lines", input="q\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == "No decks yet. Import one: flashcards import decks/*.toml"


def test_bundled_decks_are_imported_on_first_run(cli, workdir, db_path):
    (workdir / "decks").mkdir()
    (workdir / "decks" / "bundled.toml").write_text(DECK_TOML)
    (workdir / "seeds").mkdir()
    (workdir / "seeds" / "article.txt").write_text(
        "Title\n\nChallenges: the old lens persists.\n\nMaritime patrols are possible.\n")
    result = cli("review", "--lines", input="\ns\n\n5\nq\n")
    assert result.exit_code == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first == "First run: imported 2 cards from 1 bundled deck file in decks/ (bundled)."
    assert "Which perception slows the ties?" in result.stdout
    assert "The old Cold War lens." in result.stdout
    assert "Card from decks/bundled.toml" in result.stdout  # the file to edit
    assert "Challenges: the old lens persists." in result.stdout  # the source passage
    assert "seeds/article.txt, line 3" in result.stdout
    assert [r[:3] for r in reviews(db_path)] == [(1, 5, "learn")]
    again = cli("review", "--lines", input="q\n")
    assert "First run" not in again.stdout
    assert "Which maritime cooperation is possible?" in again.stdout


def test_worked_example_across_days(cli, store, workdir, monkeypatch, db_path):
    """../shared/DESIGN.md section 3, typed into the CLI one day at a time."""
    add_deck(store, make_deck("Solo", 1))
    day0 = date(2026, 3, 2)
    for offset, keys in [(0, "5"), (1, "5"), (7, "4"), (24, "3 4"), (68, "2 4"), (69, "4"),
                         (75, "5")]:
        day = day0 + timedelta(days=offset)
        monkeypatch.setenv("FLASHCARDS_NOW", f"{day.isoformat()}T10:00:00+00:00")
        typed = "".join(f"\n{k}\n" for k in keys.split())
        result = cli("review", "--lines", input=typed + "q\n")
        assert result.exit_code == 0, result.stderr
        assert "All done for now." in result.stdout
        between = day + timedelta(days=1)
        monkeypatch.setenv("FLASHCARDS_NOW", f"{between.isoformat()}T10:00:00+00:00")
        if offset not in (0, 68):  # the day after is not a review day
            assert cli("review", "--lines", input="q\n").stdout.startswith("Nothing due")
    rows = reviews(db_path)
    assert [r[3] for r in rows] == [1, 6, 17, 44, 44, 0, 1, 6, 16]
    assert [r[4] for r in rows] == [2.6, 2.7, 2.7, 2.56, 2.56, 2.56, 2.56, 2.56, 2.66]
    assert [r[2] for r in rows] == ["learn", "review", "review", "review", "redrill", "review",
                                    "relearn", "review", "review"]


def test_nothing_due_is_one_line(cli, store, workdir):
    add_deck(store, make_deck("A", 2))
    assert cli("review", "--lines", input="\n5\n\n4\n").exit_code == 0
    result = cli("review", "--lines", input="q\n")
    assert result.exit_code == 0
    assert result.stdout == ("Nothing due in any deck today; next card due tomorrow "
                             "(2026-03-03).\n")
    named = cli("review", "A", "--lines", input="q\n")
    assert named.stdout.startswith("Nothing due in A today;")


def test_unknown_deck_is_one_clear_line(cli, store, workdir):
    add_deck(store, make_deck("A", 2))
    result = cli("review", "Nope", "--lines", input="q\n")
    assert result.exit_code == 1
    assert result.stderr == "flashcards: error: no deck named 'Nope' (decks: A)\n"


def test_session_screens_and_summary(cli, store, workdir, db_path):
    add_deck(store, make_deck("A", 3))
    result = cli("review", "--lines", input="\n5\n\n2\n\n4\n\n5\nq\n")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "1 / 3   new 3" in out and "3 / 4   new 1 · again today 1" in out
    assert "space show answer" in out and "0-5 grade" in out
    for label in ("perfect", "correct, after hesitation", "blackout"):
        assert label in out
    assert "tomorrow" in out and "again today" in out
    summary = out[out.index("All done for now."):]
    for words in ("Reviewed      4 answers", "New cards     3", "5: 2  4: 1  3: 0  2: 1",
                  "Due tomorrow  3", "Next due      tomorrow (2026-03-03)"):
        assert words in summary
    assert out.count("All done for now.") == 1  # shown once in line mode
    assert len({r[5] for r in reviews(db_path)}) == 1  # one session id


def test_retention_in_summary(cli, store, workdir, monkeypatch):
    add_deck(store, make_deck("A", 4))
    cli("review", "--lines", input="\n5\n" * 4)
    monkeypatch.setenv("FLASHCARDS_NOW", "2026-03-03T09:00:00+00:00")
    result = cli("review", "--lines", input="\n5\n\n4\n\n3\n\n1\nq\n")
    assert "Retention     75% today (3 of 4 reviews recalled)" in result.stdout
    assert "Session ended." in result.stdout
    assert "Next due      today (2 still due)" in result.stdout


def test_new_and_limit_options(cli, store, workdir, db_path):
    add_deck(store, make_deck("A", 10))
    result = cli("review", "--new", "3", "--lines", input="\n5\n\n5\nq\n")
    assert "1 / 3   new 3" in result.stdout
    result = cli("review", "--new", "3", "--lines", input="\n5\n\n5\n")
    assert "1 / 1   new 1" in result.stdout  # two of today's three were seen already
    assert len(reviews(db_path)) == 3
    assert "1 / 2   new 2" in cli("review", "--limit", "2", "--lines", input="q\n").stdout


def test_several_decks(cli, store, workdir):
    for name in ("A", "B", "C"):
        add_deck(store, make_deck(name, 1, name.lower()))
    out = cli("review", "A", "C", "--lines", input="\n5\n\n5\n").stdout
    assert "1 / 2" in out and "A · basic" in out and "C · basic" in out
    assert "B · basic" not in out


def test_card_text_is_literal(cli, store, workdir, db_path):
    add_deck(store, DeckDraft("Lit", (CardDraft("k", "Q", "A"),)))
    with closing(sqlite3.connect(db_path)) as conn, conn:  # stored raw, as by an old version
        conn.execute("UPDATE card SET question = ?, answer = ?",
                     ("[bold]Bold?[/bold] :smile: \x1b[31mred\x1b[0m \x1b]0;title\x07end",
                      "[link=http://x]y[/link] :+1: \x9b2J"))
    out = cli("review", "--lines", input="\nq\n").stdout
    assert "[bold]Bold?[/bold] :smile: red end" in out
    assert "[link=http://x]y[/link] :+1:" in out
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out
    assert "😄" not in out and "title" not in out


def test_narrow_terminal_wraps_without_cutting(cli, store, workdir, monkeypatch):
    words = " ".join(["antidisestablishment parliamentary committee recommendations"] * 3)
    add_deck(store, DeckDraft("A deck with a rather long name indeed", (
        CardDraft("k", f"Why {words}?", f"Because {words}", kind="way-forward"),)),
        "/some/where/decks/a-long-deck-file-name.toml")
    monkeypatch.setenv("COLUMNS", "40")
    out = cli("review", "--lines", input="\n?\nx\ns\nx\n5\nq\n").stdout
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 40
    flat = " ".join(" ".join(line.strip("│ ").split()) for line in lines)
    assert f"Why {words}?" in flat and f"Because {words}" in flat
    assert "/some/where/decks/a-long-deck-file-name.toml" in flat.replace(" ", "")
    assert "A deck with a rather long name indeed" in flat
    assert "wrong, recalled" in out  # short labels at this width


def test_undo_command(cli, store, workdir, db_path):
    add_deck(store, make_deck("A", 2))
    cli("review", "--lines", input="\n5\n\n4\nq\n")
    result = cli("undo")
    assert result.exit_code == 0
    assert result.stdout == "Undid grade 4 on: Question 2?\n"
    assert [r[:2] for r in reviews(db_path)] == [(1, 5)]
    out = cli("review", "--lines", input="q\n").stdout
    assert "Question 2?" in out and "1 / 1" in out  # the card is back
    cli("undo")
    result = cli("undo")
    assert result.exit_code == 0
    assert result.stdout == "Nothing to undo: no answer has been recorded yet.\n"


def test_undo_key_after_restart(cli, store, workdir, db_path):
    add_deck(store, make_deck("A", 3))
    cli("review", "--lines", input="\n5\n\n3\nq\n")
    out = cli("review", "--lines", input="u\nq\n").stdout
    assert "Undid grade 3: Question 2?" in out
    assert [r[:2] for r in reviews(db_path)] == [(1, 5)]


def test_help_lists_review_and_undo(cli):
    out = cli("--help").stdout
    assert "review" in out and "undo" in out
    review_help = cli("review", "--help").stdout
    for option in ("--new", "--limit", "--lines"):
        assert option in review_help


def test_nothing_due_says_when_the_new_card_limit_is_reached(cli, store, workdir):
    add_deck(store, make_deck("A", 5))
    cli("review", "--new", "2", "--lines", input="\n5\n\n5\n")
    result = cli("review", "--new", "2", "--lines", input="q\n")
    assert result.exit_code == 0
    assert result.stdout == ("Nothing due in any deck today (3 new cards wait: today's limit "
                             "of 2 new is reached; --new N raises it); next card due tomorrow "
                             "(2026-03-03).\n")


def test_a_session_that_changed_the_store_is_backed_up(cli, store, workdir, db_path,
                                                        monkeypatch):
    from flashcards.store import backup

    add_deck(store, make_deck("D", 5))
    assert backup.list_backups(db_path) == []
    assert cli("review", "--lines", input="\n5\nq\n").exit_code == 0
    assert len(backup.list_backups(db_path)) == 1
    # within the interval: no second backup
    monkeypatch.setenv("FLASHCARDS_NOW", "2026-03-02T09:10:00+00:00")
    assert cli("review", "--lines", input="\n5\nq\n").exit_code == 0
    assert len(backup.list_backups(db_path)) == 1
    # after it, and the store changed since the newest backup: one more
    monkeypatch.setenv("FLASHCARDS_NOW", "2026-03-02T09:45:00+00:00")
    assert cli("review", "--lines", input="q\n").exit_code == 0
    assert len(backup.list_backups(db_path)) == 2
    monkeypatch.setenv("FLASHCARDS_NOW", "2026-03-02T10:30:00+00:00")
    assert cli("undo").exit_code == 0
    assert len(backup.list_backups(db_path)) == 3


def test_default_deck_setting_picks_the_deck_to_review(cli, store, workdir, db_path):
    add_deck(store, make_deck("Alpha", 2))
    add_deck(store, make_deck("Beta", 3, prefix="b"))
    assert cli("config", "default_deck", "Beta").exit_code == 0
    result = cli("review", "--lines", input="q\n")
    assert result.exit_code == 0
    assert "1 / 3" in result.stdout
    assert "1 / 5" in cli("review", "--lines", "Alpha", "Beta", input="q\n").stdout


def test_unknown_default_deck_says_it_comes_from_the_setting(cli, store, workdir):
    add_deck(store, make_deck("Alpha", 2))
    assert cli("config", "default_deck", "Alhpa").exit_code == 0
    result = cli("review", "--lines", input="q\n")
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("flashcards: error: setting default_deck: no deck named "
                                    "'Alhpa' (decks: Alpha)")
    assert "flashcards config default_deck NAME" in result.stderr
    named = cli("review", "--lines", "Nope", input="q\n")  # a deck named by hand: as before
    assert named.stderr == "flashcards: error: no deck named 'Nope' (decks: Alpha)\n"


def test_summary_says_new_cards_wait_when_no_review_is_scheduled(cli, store, workdir):
    add_deck(store, make_deck("D", 4))
    # one card failed and passed on its redrill: due tomorrow; three new cards left
    result = cli("review", "--lines", "--limit", "1", input="\n2\n\n5\nq\n")
    assert result.exit_code == 0, result.stderr
    assert "tomorrow" in result.stdout.split("Next due", 1)[1].splitlines()[0]
    # a deck where nothing is scheduled: quitting at once leaves only new cards waiting
    add_deck(store, make_deck("E", 3, prefix="e"))
    result = cli("review", "--lines", "E", input="q\n")
    line = result.stdout.split("Next due", 1)[1].splitlines()[0]
    assert "no review scheduled yet; 3 new cards waiting" in line
