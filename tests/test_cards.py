"""The student in control of their cards (issue 14): `cards`, `due`, `suspend` and
`unsuspend`, burying in a session, leeches."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import date, timedelta

import pytest

from flashcards import service
from flashcards.domain import CardDraft, DeckDraft, SourceRef
from flashcards.domain.views import Phase
from flashcards.store import open_store

from conftest import make_deck
from test_session import DAY0, moment, open_session, press

TODAY = date(2026, 3, 2)  # conftest's FIXED_NOW


def _deck() -> DeckDraft:
    texts = [("El Niño warms the Pacific.", "the Pacific", ("climate",)),
             ("Who chairs the GST Council?", "The Union Finance Minister", ("polity",)),
             ("What is CAFÉ?", "A fuel-economy standard", ("energy",)),
             ("Which body runs UPI?", "NPCI", ("economy", "polity"))]
    cards = tuple(CardDraft(f"k/{i}", q, a, "fact", tags, SourceRef("a.txt", "S", i, i))
                  for i, (q, a, tags) in enumerate(texts, 1))
    return DeckDraft("notes", cards, source="a.txt")


@pytest.fixture
def notes(db_path):
    store = open_store(db_path)
    try:
        service.import_decks(store, [(_deck(), None)], moment(TODAY))
    finally:
        store.close()
    return db_path


def _column(db_path, sql, *args):
    with closing(sqlite3.connect(db_path)) as conn:
        return [r[0] if len(r) == 1 else r for r in conn.execute(sql, args)]


# --- cards ---------------------------------------------------------------------


@pytest.mark.parametrize(("query", "keys"), [
    ("nino", ["k/1"]),  # accents ignored
    ("NIÑO", ["k/1"]),  # any case, accents in the query too
    ("cafe", ["k/3"]),
    ("council", ["k/2"]),
    ("npci", ["k/4"]),  # the answer
    ("energy", ["k/3"]),  # the tags
    ("100%", []),  # LIKE's wildcards are literal
])
def test_cards_search_is_case_and_accent_insensitive(cli, notes, query, keys):
    result = cli("cards", "--search", query, "--json")
    assert result.exit_code == 0, result.stderr
    assert [c["key"] for c in json.loads(result.stdout)] == keys


def test_cards_json_fields_and_filters(cli, notes):
    [card] = json.loads(cli("cards", "--tag", "energy", "--json").stdout)
    assert set(card) == {"deck", "key", "question", "answer", "tags", "state", "due", "ease",
                         "interval", "reps", "lapses", "section", "source"}
    assert (card["deck"], card["state"], card["tags"], card["section"]) == (
        "notes", "new", ["energy"], "S")
    assert [c["key"] for c in json.loads(cli("cards", "--tag", "polity", "--json").stdout)] \
        == ["k/2", "k/4"]
    assert json.loads(cli("cards", "--state", "mature", "--json").stdout) == []
    assert len(json.loads(cli("cards", "--limit", "3", "--json").stdout)) == 3
    table = cli("cards", "notes")
    assert table.exit_code == 0 and "notes/k/2" in table.stdout and "4 cards" in table.stdout
    bad = cli("cards", "nope")
    assert bad.exit_code == 1 and bad.stderr.startswith("flashcards: error: no deck named")


def test_cards_sort_by_lapses_and_due(cli, notes, db_path):
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute("UPDATE card SET lapses = 3, due = '2026-03-01', last_review = "
                     "'2026-02-20', reps = 3, interval = 5 WHERE key = 'k/3'")
        conn.execute("UPDATE card SET lapses = 1, due = '2026-03-09', last_review = "
                     "'2026-02-20', reps = 3, interval = 30 WHERE key = 'k/2'")
    by_lapses = json.loads(cli("cards", "--sort", "lapses", "--json").stdout)
    assert [c["key"] for c in by_lapses][:2] == ["k/3", "k/2"]
    due = json.loads(cli("cards", "--due", "--json").stdout)
    assert [(c["key"], c["state"], c["due"]) for c in due] == [("k/3", "young", "2026-03-01")]
    assert [c["key"] for c in json.loads(cli("cards", "--state", "mature", "--json").stdout)] \
        == ["k/2"]


# --- due -----------------------------------------------------------------------


def test_due_counts_reviews_relearns_and_new_under_the_limit(cli, notes, db_path):
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute("UPDATE card SET due = '2026-03-01', last_review = '2026-02-25', reps = 2,"
                     " interval = 4 WHERE key = 'k/1'")  # due yesterday
        conn.execute("UPDATE card SET due = '2026-03-02', last_review = '2026-03-02', reps = 0,"
                     " redrill = 1 WHERE key = 'k/2'")  # failed today: to relearn
    assert cli("due", "--count").stdout == "4\n"
    assert json.loads(cli("due", "--json").stdout) == {
        "day": "2026-03-02", "due": 4, "reviews": 1, "relearn": 1, "new": 2}
    assert cli("config", "new_per_day", "1").exit_code == 0
    assert cli("due").stdout == "3 due today: 1 to review, 1 to relearn, 1 new\n"
    assert cli("due", "nope").exit_code == 1


# --- suspend -------------------------------------------------------------------


def test_suspend_by_name_keeps_history_and_leaves_the_queue(cli, notes, db_path):
    result = cli("suspend", "notes/k/2")
    assert result.exit_code == 0 and result.stdout == "1 card suspended\n"
    assert _column(db_path, "SELECT key FROM card WHERE suspended") == ["k/2"]
    assert cli("due", "--count").stdout == "3\n"
    review = cli("review", "--lines", input="\n5\n\n5\n\n5\nq\n")
    assert "GST Council" not in review.stdout
    assert cli("suspend", "notes/k/2").stdout == "0 cards suspended (1 already were)\n"
    assert cli("unsuspend", "notes/k/2").stdout == "1 card unsuspended\n"
    assert _column(db_path, "SELECT count(*) FROM card WHERE suspended") == [0]


def test_suspend_a_name_that_matches_nothing_changes_nothing(cli, notes, db_path):
    result = cli("suspend", "notes/k/1", "notes/k/9")
    assert result.exit_code == 1
    assert result.stderr == ("flashcards: error: no card named 'notes/k/9' (a card is named "
                             "DECK/KEY, as `flashcards cards` lists it)\n")
    assert _column(db_path, "SELECT count(*) FROM card WHERE suspended") == [0]
    assert cli("suspend").exit_code == 1


def test_suspend_many_asks_first(cli, db_path):
    store = open_store(db_path)
    service.import_decks(store, [(make_deck("Big", 25), None)], moment(TODAY))
    store.close()
    declined = cli("suspend", "--search", "question", input="n\n")
    assert declined.exit_code == 1 and "Suspend 25 cards?" in declined.stderr
    assert _column(db_path, "SELECT count(*) FROM card WHERE suspended") == [0]
    assert cli("suspend", "--search", "question", "--yes").stdout == "25 cards suspended\n"
    assert cli("unsuspend", "--tag", "t", input="y\n").exit_code == 0
    assert _column(db_path, "SELECT count(*) FROM card WHERE suspended") == [0]


# --- bury ----------------------------------------------------------------------


def test_bury_takes_a_card_out_until_tomorrow_and_undo_brings_it_back(store, db_path):
    service.import_decks(store, [(make_deck("D", 3), None)], moment(DAY0))
    session = open_session(store, DAY0)
    press(session, "b", DAY0)  # from the question side
    assert [e.card.key for e in session.pending] == ["c2", "c3"]
    assert "Buried until tomorrow" in session.view(DAY0).notice
    assert _column(db_path, "SELECT buried_until FROM card WHERE key = 'c1'") == [
        (DAY0 + timedelta(1)).isoformat()]
    assert _column(db_path, "SELECT count(*) FROM review") == [0]  # not an answer
    press(session, "u", DAY0)
    assert [e.card.key for e in session.pending] == ["c1", "c2", "c3"]
    assert _column(db_path, "SELECT buried_until FROM card WHERE key = 'c1'") == [None]
    press(session, " b", DAY0)  # from the answer side
    assert [e.card.key for e in session.pending] == ["c2", "c3"]
    again = open_session(store, DAY0, sid="s2")
    assert [e.card.key for e in again.pending] == ["c2", "c3"]  # not today
    tomorrow = open_session(store, DAY0 + timedelta(1), sid="s3")
    assert [e.card.key for e in tomorrow.pending][0] == "c1"  # back the next day


def test_buried_cards_show_in_stats_and_export(cli, notes, db_path):
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute("UPDATE card SET buried_until = '2026-03-03' WHERE key = 'k/1'")
    stats = json.loads(cli("stats", "--json").stdout)
    assert stats["cards"]["buried"] == 1 and stats["cards"]["new"] == 3
    export = cli("export", "cards", "-f", "json")
    states = {c["card_key"]: c["status"] for c in json.loads(export.stdout)}
    assert states == {"k/1": "buried", "k/2": "new", "k/3": "new", "k/4": "new"}


# --- leeches ---------------------------------------------------------------------


def _fail_until_leech(store, threshold: int, suspend: bool = True):
    """One card learned, then failed on `threshold` later days."""
    service.import_decks(store, [(make_deck("D", 1), None)], moment(DAY0))
    rule = service.LeechRule(threshold, suspend)
    day = DAY0
    service.answer(store, 1, 5, moment(day), day, leech=rule)
    answers = []
    for _ in range(threshold):
        day += timedelta(days=2)
        answers.append(service.answer(store, 1, 1, moment(day), day, leech=rule))
        service.answer(store, 1, 5, moment(day), day, leech=rule)  # relearned
    return answers, day


def test_the_lapse_that_reaches_the_threshold_makes_a_leech(store, db_path):
    answers, _ = _fail_until_leech(store, 3)
    assert [a.leech for a in answers] == [False, False, True]
    assert [a.after.lapses for a in answers] == [1, 2, 3]
    assert answers[-1].suspended
    assert _column(db_path, "SELECT leech, suspended FROM card") == [(1, 1)]


def test_leech_action_tag_keeps_the_card_active(store, db_path):
    answers, _ = _fail_until_leech(store, 2, suspend=False)
    assert answers[-1].leech and not answers[-1].suspended
    assert _column(db_path, "SELECT leech, suspended FROM card") == [(1, 0)]


def test_a_leech_is_said_at_once_with_its_source_and_undo_clears_it(store, db_path):
    service.import_decks(store, [(make_deck("D", 2), None)], moment(DAY0))
    rule = service.LeechRule(1, True)
    service.answer(store, 1, 5, moment(DAY0), DAY0, leech=rule)
    day = DAY0 + timedelta(1)
    session = open_session(store, day)
    session.leech = rule
    assert session.current.card.key == "c1"
    press(session, " 1", day)  # the first lapse reaches a threshold of 1
    view = session.view(day)
    assert session.phase is Phase.LEECH and view.card.key == "c1"
    assert "Leech: this card has lapsed 1 times and is now suspended" in view.notice
    press(session, "s", day)  # its source, not the next card's
    assert session.phase is Phase.SOURCE and session.view(day).card.key == "c1"
    press(session, "x", day)  # back to the notice
    assert session.phase is Phase.LEECH
    press(session, "u", day)  # undo: the lapse and the leech mark
    assert _column(db_path, "SELECT leech, suspended, lapses FROM card WHERE id = 1") == [
        (0, 0, 0)]
    assert session.current.card.key == "c1" and session.phase is Phase.QUESTION
    press(session, " 1", day)
    press(session, "n", day)  # any key: on to the next card (the leech is not requeued)
    assert [e.card.key for e in session.pending] == ["c2"]
    assert session.phase is Phase.QUESTION


def test_leeches_are_listed_and_counted(cli, db_path):
    store = open_store(db_path)
    try:
        _fail_until_leech(store, 2)
    finally:
        store.close()
    [card] = json.loads(cli("cards", "--state", "leech", "--json").stdout)
    assert card["state"] == "leech" and "leech" in card["tags"]
    assert json.loads(cli("cards", "--tag", "leech", "--json").stdout) == [card]
    assert [c["key"] for c in json.loads(cli("cards", "--state", "suspended", "--json").stdout)
            ] == ["c1"]
    assert json.loads(cli("stats", "--json").stdout)["cards"]["leech"] == 1
    assert cli("unsuspend", "D/c1").stdout == "1 card unsuspended\n"
    assert _column(db_path, "SELECT leech, suspended FROM card") == [(0, 0)]


def test_leech_settings_are_checked(cli):
    assert cli("config", "leech_threshold", "0").exit_code == 1
    bad = cli("config", "leech_action", "delete")
    assert bad.exit_code == 1 and "not one of suspend, tag" in bad.stderr
    assert cli("config", "leech_action", "tag").exit_code == 0


def test_stats_lists_the_leeches(cli, db_path):
    store = open_store(db_path)
    try:
        _fail_until_leech(store, 2)
    finally:
        store.close()
    doc = json.loads(cli("stats", "--json").stdout)
    assert [(c["key"], c["lapses"]) for c in doc["leeches"]] == [("c1", 2)]
    screen = cli("stats")
    assert "Leeches" in screen.stdout and "Question 1?" in screen.stdout


# --- typed answers -----------------------------------------------------------------


@pytest.mark.parametrize(("typed", "answer", "grade"), [
    ("prime minister narendra modi", "Prime Minister Narendra Modi", 5),  # any case
    ("Prime Minster Narendra Modi", "Prime Minister Narendra Modi", 5),  # a slip
    ("el nino", "El Niño", 5),  # accents aside
    ("union finance minister", "The Union Finance Minister", 4),  # close
    ("1650 MW", "1,650 MW", 4),
    ("Narendra Modi", "Prime Minister Narendra Modi", 3),  # half the words
    ("Modi", "Prime Minister Narendra Modi", 1),  # some of them
    ("President Macron", "Prime Minister Narendra Modi", 0),  # none
    ("2016", "2018", 0),  # a number is right or wrong
    ("", "Anything", 0),
])
def test_a_typed_answer_suggests_a_grade(typed, answer, grade):
    from flashcards.service.session import suggest_grade

    assert suggest_grade(typed, answer) == grade


def test_typed_answers_in_a_session(store, db_path):
    service.import_decks(store, [(make_deck("D", 2), None)], moment(DAY0))
    session = open_session(store, DAY0)
    session.typing = True
    assert session.wants_text()
    press(session, "Answr 1", DAY0)  # typed, letter by letter: no command keys
    press(session, "\x7f", DAY0)  # backspace
    assert session.view(DAY0).typed == "Answr "
    press(session, "1\r", DAY0)
    view = session.view(DAY0)
    assert view.phase is Phase.ANSWER and view.typed == "Answr 1" and view.suggested == 4
    press(session, " ", DAY0)  # Enter (or space) takes the suggestion
    assert _column(db_path, "SELECT grade FROM review") == [4]
    assert session.view(DAY0).typed == "" and session.wants_text()
    session.submit_text("nothing like it")
    assert session.view(DAY0).suggested == 0
    press(session, "5", DAY0)  # a grade key overrides
    assert _column(db_path, "SELECT grade FROM review ORDER BY id") == [4, 5]


def test_review_type_in_lines_mode(cli, notes, db_path):
    # a typed answer on one line; then an empty line accepts the grade, or a grade
    result = cli("review", "--lines", "--type", input="the pacific\n\nfinance minister\n2\nq\n")
    assert result.exit_code == 0, result.stderr
    assert "You typed:  the pacific" in result.stdout
    assert "Suggested grade: 5" in result.stdout and "Suggested grade: 3" in result.stdout
    assert _column(db_path, "SELECT grade FROM review ORDER BY id") == [5, 2]


def test_review_by_tag_or_section(cli, notes, db_path):
    result = cli("review", "--lines", "--tag", "polity", input="\n5\n\n5\n\n5\n")
    assert result.exit_code == 0, result.stderr
    assert _column(db_path, "SELECT c.key FROM review r JOIN card c ON c.id = r.card_id "
                            "ORDER BY r.id") == ["k/2", "k/4"]
    assert "El Niño" not in result.stdout
    none = cli("review", "--lines", "--section", "Nowhere", input="q\n")
    assert none.exit_code == 0 and "Nothing due" in none.stdout and "Nowhere" in none.stdout


# --- edit ------------------------------------------------------------------------

EDITOR = '''import re, sys
line, path = sys.argv[1], sys.argv[2]
with open(sys.argv[0] + ".log", "a") as log:
    log.write(line + "\\n")
text = open(path, encoding="utf-8").read()
open(path, "w", encoding="utf-8").write(text.replace(OLD, NEW))
'''


def _editor(tmp_path, monkeypatch, old: str, new: str, exit_code: int = 0):
    script = tmp_path / "editor.py"
    script.write_text(f"OLD, NEW = {old!r}, {new!r}\n" + EDITOR
                      + f"raise SystemExit({exit_code})\n")
    import sys

    monkeypatch.setenv("VISUAL", f"{sys.executable} {script}")
    monkeypatch.delenv("EDITOR", raising=False)
    return script


DECK_FILE = '''[deck]
name = "geo"

[[cards]]
key = "one"
question = "Capital of France?"
answer = "Paris"

[[cards]]
key = "two"
question = "Capital of Japan?"
answer = "Kyoto"
'''


def test_edit_opens_the_deck_file_at_the_card_and_reimports_it(cli, tmp_path, monkeypatch,
                                                               db_path):
    deck = tmp_path / "geo.toml"
    deck.write_text(DECK_FILE)
    assert cli("import", str(deck)).exit_code == 0
    assert cli("review", "--lines", input="\n5\nq\n").exit_code == 0  # some progress
    script = _editor(tmp_path, monkeypatch, "Kyoto", "Tokyo")
    result = cli("edit", "geo/two")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "editor.py.log").read_text() == "+10\n"  # the card's key line
    assert "updated         1" in result.stdout
    assert _column(db_path, "SELECT answer FROM card WHERE key = 'two'") == ["Tokyo"]
    assert _column(db_path, "SELECT count(*) FROM review") == [1]
    assert script.exists()


def test_edit_without_a_deck_file_saves_the_fields(cli, notes, tmp_path, monkeypatch,
                                                   db_path):
    _editor(tmp_path, monkeypatch, "the Pacific", "the Pacific Ocean")
    result = cli("edit", "notes/k/1")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "notes/k/1: saved; progress kept\n"
    assert _column(db_path, "SELECT answer FROM card WHERE key = 'k/1'") == [
        "the Pacific Ocean"]
    _editor(tmp_path, monkeypatch, "nothing to find", "x")
    assert cli("edit", "notes/k/1").stdout == "notes/k/1: unchanged\n"


def test_edit_refuses_a_bad_result_or_a_failed_editor(cli, notes, tmp_path, monkeypatch,
                                                      db_path):
    _editor(tmp_path, monkeypatch, 'answer = "the Pacific"', 'answer = ""')
    empty = cli("edit", "notes/k/1")
    assert empty.exit_code == 1
    assert empty.stderr == "flashcards: error: notes/k/1:answer: must be non-empty text\n"
    _editor(tmp_path, monkeypatch, "the Pacific", "changed", exit_code=3)
    failed = cli("edit", "notes/k/1")
    assert failed.exit_code == 1 and "exited with code 3" in failed.stderr
    assert _column(db_path, "SELECT answer FROM card WHERE key = 'k/1'") == ["the Pacific"]
    assert cli("edit", "notes/k/9").exit_code == 1


# --- shell completion --------------------------------------------------------------


def _complete(db_path, words: str) -> list[str]:
    import os
    import subprocess
    import sys

    env = {**os.environ, "FLASHCARDS_DB": str(db_path), "_FLASHCARDS_COMPLETE": "complete_bash",
           "COMP_WORDS": words, "COMP_CWORD": str(len(words.split(" ")) - 1)}
    run = subprocess.run([sys.executable, "-c", "from flashcards.cli import main; main()"],
                         env=env, capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    return run.stdout.split()


def test_completion_offers_commands_deck_names_and_card_names(notes, db_path):
    store = open_store(db_path)
    service.import_decks(store, [(make_deck("notes-extra", 1), None)], moment(TODAY))
    store.close()
    assert "suspend" in _complete(db_path, "flashcards su")
    assert _complete(db_path, "flashcards review no") == ["notes", "notes-extra"]
    assert _complete(db_path, "flashcards stats notes-") == ["notes-extra"]
    assert _complete(db_path, "flashcards suspend not") == ["notes/", "notes-extra/"]
    assert _complete(db_path, "flashcards edit notes/k/") == [
        "notes/k/1", "notes/k/2", "notes/k/3", "notes/k/4"]
    assert "--search" in _complete(db_path, "flashcards cards --se")


def test_completion_in_zsh_and_fish_names_the_command_too(notes, db_path):
    import os
    import subprocess
    import sys

    for shell in ("zsh", "fish"):
        env = {**os.environ, "FLASHCARDS_DB": str(db_path),
               "_FLASHCARDS_COMPLETE": f"complete_{shell}",
               "_TYPER_COMPLETE_FISH_ACTION": "get-args",
               "_TYPER_COMPLETE_ARGS": "flashcards --db " + str(db_path) + " edit notes/k/"}
        run = subprocess.run([sys.executable, "-c", "from flashcards.cli import main; main()"],
                             env=env, capture_output=True, text=True, timeout=60, check=False)
        assert run.returncode == 0, run.stderr
        assert "notes/k/1" in run.stdout and "notes/k/4" in run.stdout, (shell, run.stdout)


def test_completion_without_a_store_offers_nothing(tmp_path):
    assert _complete(tmp_path / "none.db", "flashcards review ") == []
    assert not (tmp_path / "none.db").exists()


def test_completion_scripts_for_each_shell():
    """The script each shell sources (what `--show-completion` prints for the shell it
    detects from its parent process, so asked for by name here: a test runner's parent
    need not be a shell)."""
    import os
    import shlex
    import subprocess
    import sys

    main = [sys.executable, "-c", "from flashcards.cli import main; main()"]
    for shell in ("bash", "zsh", "fish"):
        run = subprocess.run(main, capture_output=True, text=True, timeout=60, check=False,
                             env={**os.environ, "_FLASHCARDS_COMPLETE": f"source_{shell}"})
        assert run.returncode == 0 and "_FLASHCARDS_COMPLETE" in run.stdout, (shell, run)
        assert shell in run.stdout or shell == "bash", run.stdout
    in_bash = subprocess.run(["bash", "-c", f"{shlex.join(main)} --show-completion; true"],
                             capture_output=True, text=True, timeout=60, check=False)
    assert "complete -o default -F _flashcards_completion" in in_bash.stdout, in_bash


def test_the_card_table_shows_fifty_unless_told(cli, db_path):
    store = open_store(db_path)
    service.import_decks(store, [(make_deck("Big", 60), None)], moment(TODAY))
    store.close()
    table = cli("cards")
    assert "Big/c50" in table.stdout and "Big/c51" not in table.stdout
    assert "The first 50 cards; more match" in table.stdout
    assert "60 cards" in cli("cards", "--limit", "100").stdout
    assert len(json.loads(cli("cards", "--json").stdout)) == 60
    assert len(json.loads(cli("cards", "--json", "--limit", "5").stdout)) == 5


def test_the_card_table_keeps_long_names_whole_and_cuts_questions(cli, db_path, monkeypatch):
    long_deck = "A deck whose name alone is wider than the narrow terminal it runs in"
    store = open_store(db_path)
    service.import_decks(store, [(make_deck(long_deck, 1), None)], moment(TODAY))
    store.close()
    monkeypatch.setenv("COLUMNS", "60")
    lines = cli("cards").stdout.splitlines()
    assert lines[0] == "Card"
    assert lines[1].split() == ["Question", "State", "Due", "EF", "Lapses"]
    assert lines[2] == f"{long_deck}/c1"  # whole, on a line of its own
    assert lines[3].split()[-3:] == ["—", "2.50", "0"] and "new" in lines[3]
    assert len(lines[1]) <= 60 and len(lines[3]) <= 60
