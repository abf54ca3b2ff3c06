"""`flashcards import`: plans, re-import keeping history, dry run, retire and prune,
all-or-nothing, literal text, and nothing written outside the store."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from flashcards import service
from flashcards.formats import deckfile

from conftest import at

CSV = "question,answer,tags\nWhat is 2+2?,4,math\nCapital of France?,Paris,geo\n" \
      "Longest river in India?,Ganga,geo\n"


def rows(db: Path, sql: str, *args: object) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return list(conn.execute(sql, args))


def dump(db: Path) -> list[str]:
    if not db.exists():
        return []
    with sqlite3.connect(db) as conn:
        return list(conn.iterdump())


def plan_counts(stdout: str) -> dict[str, int]:
    counts = {}
    for line in stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] in ("added", "updated", "unchanged", "retired",
                                             "pruned") and parts[1].isdigit():
            counts[parts[0]] = int(parts[1])
    return counts


def answer_all(store, db: Path, grade: int = 5) -> None:
    for (card_id,) in rows(db, "SELECT id FROM card ORDER BY id"):
        service.answer(store, card_id, grade, at("2026-03-02T09:00:00+00:00"),
                       date(2026, 3, 2), session_id="s1")


def test_import_csv_then_same_file_again(cli, tmp_path, db_path):
    deck = tmp_path / "geo.csv"
    deck.write_text(CSV)
    first = cli("import", str(deck))
    assert first.exit_code == 0, first.stderr
    assert plan_counts(first.stdout) == {"added": 3, "updated": 0, "unchanged": 0, "retired": 0}
    assert "geo (new deck)" in first.stdout and "3 added" in first.stdout
    assert rows(db_path, "SELECT name, deck_file FROM deck") == [("geo", str(deck.resolve()))]
    again = cli("import", str(deck))
    assert again.exit_code == 0, again.stderr
    assert plan_counts(again.stdout)["unchanged"] == 3
    assert rows(db_path, "SELECT count(*) FROM card") == [(3,)]
    listing = cli("decks").stdout.split()
    assert listing[listing.index("geo"):listing.index("geo") + 4] == ["geo", "3", "0", "3"]


def test_reimport_with_changed_text_keeps_history(cli, tmp_path, db_path, store):
    deck = tmp_path / "geo.csv"
    deck.write_text(CSV)
    assert cli("import", str(deck)).exit_code == 0
    answer_all(store, db_path)
    before = rows(db_path, "SELECT id, key, reps, ease, interval, due, last_review FROM card "
                           "ORDER BY id")
    reviews = rows(db_path, "SELECT * FROM review ORDER BY id")
    assert len(reviews) == 3
    deck.write_text(CSV.replace("Paris,geo", "Paris (on the Seine),geo europe"))
    result = cli("import", str(deck))
    assert result.exit_code == 0, result.stderr
    assert plan_counts(result.stdout) == {"added": 0, "updated": 1, "unchanged": 2,
                                          "retired": 0}
    assert rows(db_path, "SELECT id, key, reps, ease, interval, due, last_review FROM card "
                         "ORDER BY id") == before
    assert rows(db_path, "SELECT * FROM review ORDER BY id") == reviews
    assert rows(db_path, "SELECT answer, tags FROM card WHERE question LIKE 'Capital%'") == [
        ("Paris (on the Seine)", "geo europe")]


def test_toml_deck_question_edit_keeps_history_by_key(cli, tmp_path, db_path, store):
    from conftest import make_deck

    path = tmp_path / "sample.toml"
    path.write_text(deckfile.dumps(make_deck("Sample", 3)))
    assert cli("import", str(path)).exit_code == 0
    answer_all(store, db_path, grade=4)
    path.write_text(path.read_text().replace("Question 2?", "Question two, reworded?"))
    result = cli("import", str(path))
    assert plan_counts(result.stdout)["updated"] == 1
    assert rows(db_path, "SELECT question, reps, last_review FROM card WHERE key = 'c2'") == [
        ("Question two, reworded?", 1, "2026-03-02")]
    assert rows(db_path, "SELECT count(*) FROM review") == [(3,)]


def test_dry_run_changes_nothing(cli, tmp_path, db_path):
    deck = tmp_path / "geo.csv"
    deck.write_text(CSV)
    dry = cli("import", "--dry-run", str(deck))
    assert dry.exit_code == 0, dry.stderr
    assert "Dry run: nothing was changed" in dry.stdout
    assert plan_counts(dry.stdout)["added"] == 3
    assert rows(db_path, "SELECT count(*) FROM deck") == [(0,)]
    assert cli("import", str(deck)).exit_code == 0
    before = dump(db_path)
    deck.write_text("question,answer\nWhat is 2+2?,four\nNew one?,yes\n")
    dry = cli("import", str(deck), "--dry-run", "--prune")
    assert plan_counts(dry.stdout) == {"added": 1, "updated": 1, "unchanged": 0, "pruned": 2}
    assert dump(db_path) == before


def test_removed_cards_retire_with_history_then_prune_deletes(cli, tmp_path, db_path, store):
    deck = tmp_path / "geo.csv"
    deck.write_text(CSV)
    cli("import", str(deck))
    answer_all(store, db_path)
    deck.write_text("question,answer,tags\nWhat is 2+2?,4,math\n")
    result = cli("import", str(deck))
    assert plan_counts(result.stdout)["retired"] == 2
    assert "history kept" in result.stdout
    assert "- Capital of France?" in result.stdout  # retired cards listed by question
    assert rows(db_path, "SELECT count(*), sum(retired) FROM card") == [(3, 2)]
    assert rows(db_path, "SELECT count(*) FROM review") == [(3,)]
    listing = cli("decks").stdout.split()
    assert listing[listing.index("geo") + 3] == "1"  # retired cards leave the queue
    # Back in the file: the card returns with its progress.
    deck.write_text("question,answer,tags\nWhat is 2+2?,4,math\nCapital of France?,Paris,geo\n")
    back = cli("import", str(deck))
    assert plan_counts(back.stdout)["updated"] == 1
    assert rows(db_path, "SELECT retired, reps FROM card WHERE answer = 'Paris'") == [(0, 1)]
    pruned = cli("import", "--prune", str(deck))
    assert plan_counts(pruned.stdout)["pruned"] == 1
    assert "deleted with their history" in pruned.stdout
    assert rows(db_path, "SELECT count(*) FROM card") == [(2,)]
    assert rows(db_path, "SELECT count(*) FROM review") == [(2,)]


def test_one_bad_card_in_any_file_changes_nothing(cli, tmp_path, db_path):
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_text(CSV)
    assert cli("import", str(good)).exit_code == 0
    before = dump(db_path)
    good.write_text(CSV + "Brand new?,yes,\n")
    bad.write_text("question,answer\n" + "".join(f"Q{i}?,A{i}\n" for i in range(50))
                   + "Q50?,\n")
    result = cli("import", str(good), str(bad))
    assert result.exit_code == 1
    assert result.stderr == f"flashcards: error: {bad}:line 52: empty answer\n"
    assert result.stdout == ""
    assert dump(db_path) == before


def test_bad_file_never_creates_the_store(cli, tmp_path, db_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("question,answer\nQ,\n")
    assert cli("import", str(bad)).exit_code == 1
    assert not db_path.exists()


def test_deck_option_and_name_clashes(cli, tmp_path, db_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text(CSV)
    b.write_text("question,answer\nOther?,x\n")
    result = cli("import", "--deck", "UPSC Geography", str(a))
    assert result.exit_code == 0, result.stderr
    assert rows(db_path, "SELECT name FROM deck") == [("UPSC Geography",)]
    clash = cli("import", "--deck", "X", str(a), str(b))
    assert clash.exit_code == 1 and "names one deck" in clash.stderr
    assert rows(db_path, "SELECT name FROM deck") == [("UPSC Geography",)]


def test_text_is_stored_literally_and_controls_are_stripped(cli, tmp_path, db_path):
    deck = tmp_path / "odd.csv"
    deck.write_text('question,answer,key\n[bold red]x[/],:smile: [link=http://e.x]y[/link],'
                    '[b]k[/b]\n'
                    'Esc\x1b[31m red\x1b[0m?,C1\x9b2J and bidi \u202egnp.exe\u202c here,k2\n'
                    'Title\x1b]0;pwned\x07?,ok\x08\x7f,k3\n')
    result = cli("import", str(deck))
    assert result.exit_code == 0, result.stderr
    stored = rows(db_path, "SELECT key, question, answer FROM card ORDER BY id")
    assert stored == [
        ("[b]k[/b]", "[bold red]x[/]", ":smile: [link=http://e.x]y[/link]"),
        ("k2", "Esc red?", "C1 and bidi gnp.exe here"),
        ("k3", "Title?", "ok"),
    ]
    deck.write_text(deck.read_text().replace(":smile:", ":wave:"))
    shown = cli("import", str(deck)).stdout
    assert "- [bold red]x[/]\n" in shown  # the updated card's question, shown literally


def test_deck_file_path_is_absolute_and_nothing_written_elsewhere(cli, tmp_path, db_path,
                                                                   monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    (work / "geo.csv").write_text(CSV)
    monkeypatch.chdir(work)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = cli("import", "geo.csv")
    assert result.exit_code == 0, result.stderr
    assert rows(db_path, "SELECT deck_file FROM deck") == [(str(work / "geo.csv"),)]
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    new = {str(p) for p in after} - {str(p) for p in before}
    assert new <= {"store.db", "store.db-wal", "store.db-shm"}, new


def test_several_decks_in_one_transaction(cli, tmp_path, db_path):
    files = []
    for name in ("one", "two", "three"):
        path = tmp_path / f"{name}.csv"
        path.write_text(f"question,answer\n{name} Q?,{name} A\n")
        files.append(str(path))
    result = cli("import", *files)
    assert result.exit_code == 0, result.stderr
    assert "Imported 3 decks: 3 added." in result.stdout
    assert rows(db_path, "SELECT name FROM deck ORDER BY name") == [
        ("one",), ("three",), ("two",)]


def test_anki_text_export_with_deck_column(cli, tmp_path, db_path):
    export = tmp_path / "export.txt"
    export.write_text("#separator:tab\n#html:true\n#guid column:1\n#deck column:2\n"
                      "#tags column:5\n"
                      "g1\tPolity\tArticle 21?\tLife &amp; liberty\tgs2\n"
                      "g2\tHistory\tFirst Mughal emperor?\tBabur<br>(1526)\t\n")
    result = cli("import", str(export))
    assert result.exit_code == 0, result.stderr
    assert rows(db_path, "SELECT d.name, c.key, c.answer FROM card c JOIN deck d "
                         "ON d.id = c.deck_id ORDER BY c.key") == [
        ("Polity", "g1", "Life & liberty"), ("History", "g2", "Babur\n(1526)")]


def test_import_help_and_missing_file(cli, tmp_path):
    assert "--dry-run" in cli("import", "--help").stdout
    missing = cli("import", str(tmp_path / "nope.csv"))
    assert missing.exit_code == 1
    assert missing.stderr.startswith(f"flashcards: error: {tmp_path / 'nope.csv'}: cannot read")


def test_50000_cards_import_faithfully(cli, tmp_path, db_path):
    big = tmp_path / "big.tsv"
    with big.open("w") as out:
        out.write("question\tanswer\ttags\n")
        for i in range(50_000):
            out.write(f"Question {i}: what is item {i}?\tAnswer {i}\tt{i % 7}\n")
    result = cli("import", str(big))
    assert result.exit_code == 0, result.stderr
    assert "50,000 added" in result.stdout
    assert rows(db_path, "SELECT count(*), count(DISTINCT key) FROM card") == [(50_000, 50_000)]
    assert rows(db_path, "SELECT question, answer, tags FROM card WHERE id = "
                         "(SELECT max(id) FROM card)") == [
        ("Question 49999: what is item 49999?", "Answer 49999", "t5")]


# --- the progress bar ----------------------------------------------------


def test_progress_bar_only_on_a_terminal_and_for_large_imports(monkeypatch):
    import io

    monkeypatch.setenv("TERM", "xterm-256color")
    from rich.console import Console

    from flashcards.ui.plan import PROGRESS_FROM, import_progress

    tty = Console(file=io.StringIO(), force_terminal=True, width=80)
    pipe = Console(file=io.StringIO(), force_terminal=False, width=80)
    with import_progress(pipe, PROGRESS_FROM * 2) as tick:
        assert tick is None
    with import_progress(tty, PROGRESS_FROM - 1) as tick:
        assert tick is None
    with import_progress(tty, PROGRESS_FROM) as tick:
        assert tick is not None
        tick(PROGRESS_FROM)
    drawn = tty.file.getvalue()  # type: ignore[attr-defined]
    assert "Importing" in drawn and f"{PROGRESS_FROM}/{PROGRESS_FROM}" in drawn
    estimate = Console(file=io.StringIO(), force_terminal=True, width=80)
    with import_progress(estimate, PROGRESS_FROM * 2, estimated=True) as tick:
        assert tick is not None
        tick(PROGRESS_FROM)  # a streamed file: its lines, not a count of cards
    drawn = estimate.file.getvalue()  # type: ignore[attr-defined]
    assert "50%" in drawn and f"/{PROGRESS_FROM * 2}" not in drawn


@pytest.mark.parametrize("count", [1, 6_000])
def test_service_reports_progress_for_inserted_cards(store, count):
    from conftest import make_deck

    seen: list[int] = []
    service.import_decks(store, [(make_deck("Big", count), None)],
                         at("2026-03-02T09:00:00+00:00"), progress=seen.append)
    assert sum(seen) == count


def test_cli_output_has_no_bar_when_piped(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("TERM", "xterm-256color")  # a terminal type that could draw one:
    big = tmp_path / "big.csv"  # only the pipe (the test runner's output) says no bar
    big.write_text("question,answer\n" + "".join(f"Q{i},A{i}\n" for i in range(6_000)))
    result = cli("import", str(big))
    assert result.exit_code == 0
    assert "Importing" not in result.stdout + result.stderr


def test_anki_package_with_and_without_progress(cli, tmp_path, db_path):
    package = Path(__file__).resolve().parent / "data" / "anki" / "modern.apkg"
    plain = cli("import", str(package))
    assert plain.exit_code == 0, plain.stderr
    assert "UPSC::Geography (new deck)" in plain.stdout
    assert rows(db_path, "SELECT count(*) FROM review") == [(0,)]
    other = tmp_path / "other.db"
    kept = cli("--db", str(other), "import", "--with-progress", str(package))
    assert kept.exit_code == 0, kept.stderr
    assert rows(other, "SELECT count(*) FROM review")[0][0] > 0
    assert rows(other, "SELECT count(*) FROM card WHERE last_review IS NOT NULL")[0][0] > 0


def test_plan_lists_a_few_cards_by_question_on_one_line_each():
    import io

    from rich.console import Console

    from flashcards.domain.reports import ImportPlan
    from flashcards.ui.plan import SHOWN, plan_view

    keys = [f"k{i}" for i in range(SHOWN + 7)]
    plan = ImportPlan("Geo", retired=keys, unchanged=["u"],
                      questions={k: f"Question {k}\nsecond line " + "x" * 200 for k in keys})
    out = Console(file=io.StringIO(), width=60, markup=False)
    out.print(plan_view([plan], ["/decks/geo.csv"], dry_run=True))
    text = out.file.getvalue()  # type: ignore[attr-defined]
    listed = [line for line in text.splitlines() if line.lstrip().startswith("- ")]
    assert len(listed) == SHOWN
    assert all(len(line) <= 60 and line.endswith("…") for line in listed)
    assert listed[0].strip().startswith("- Question k0 second line")
    assert "and 7 more" in text
    assert "Dry run: nothing was changed" in text and "12 retired" in text


def test_deck_names_are_cleaned_too(cli, tmp_path, db_path):
    path = tmp_path / "d.toml"
    path.write_text('[deck]\nname = "geo\\u001b[31m \\u202egraphy"\n\n[[cards]]\nkey = "a"\n'
                    'question = "Q?"\nanswer = "A"\n')
    result = cli("import", str(path))
    assert result.exit_code == 0, result.stderr
    assert rows(db_path, "SELECT name FROM deck") == [("geo graphy",)]
    blank = tmp_path / "blank.toml"
    blank.write_text(path.read_text().replace("geo\\u001b[31m \\u202egraphy", "\\u001b[0m"))
    result = cli("import", str(blank))
    assert result.exit_code == 1 and "no name" in result.stderr


def test_service_refuses_nameless_and_duplicate_key_decks(store, db_path):
    from dataclasses import replace

    from flashcards.domain.errors import InputError

    from conftest import make_deck

    deck = make_deck("Geo", 2)
    with pytest.raises(InputError, match="no name"):
        service.import_decks(store, [(replace(deck, name="\x1b[0m\u202e"), None)],
                             at("2026-03-02T09:00:00+00:00"))
    twins = replace(deck, cards=(deck.cards[0], deck.cards[1]._replace(key="c1\x1b[0m ")))
    with pytest.raises(InputError, match="duplicate key 'c1'"):
        service.import_decks(store, [(twins, "/decks/geo.toml")],
                             at("2026-03-02T09:00:00+00:00"))
    assert rows(db_path, "SELECT count(*) FROM deck") == [(0,)]


def test_new_cards_start_in_the_new_state_whatever_the_insert_path(store, db_path):
    """Fresh CSV cards rely on the card table's defaults; they must be CardState()'s."""
    from dataclasses import replace

    from flashcards.domain import NEW_STATE, SourceRef
    from flashcards.store import review_queries as q

    from conftest import make_deck

    deck = make_deck("Src", 2)  # cards with a source: every column written
    bare = replace(deck, name="Bare", cards=tuple(c._replace(source=SourceRef())
                                                  for c in deck.cards))
    service.import_decks(store, [(deck, None), (bare, None)], at("2026-03-02T09:00:00+00:00"))
    with store.raw_read() as conn:
        states = [q.card_state(conn, card_id) for (card_id,) in rows(db_path,
                                                                     "SELECT id FROM card")]
    assert len(states) == 4 and all(s == NEW_STATE for s in states)
    assert rows(db_path, "SELECT count(*) FROM card WHERE source_file IS NULL") == [(2,)]


def test_plan_says_when_a_deck_last_came_from_another_file(cli, tmp_path):
    first, second = tmp_path / "a" / "geo.csv", tmp_path / "b" / "geo.csv"
    for path in (first, second):
        path.parent.mkdir()
        path.write_text(CSV)
    assert "last imported from" not in cli("import", str(first)).stdout
    assert "last imported from" not in cli("import", str(first)).stdout
    moved = cli("import", str(second)).stdout
    assert f"last imported from {first}" in moved
    assert plan_counts(moved)["unchanged"] == 3


@pytest.mark.parametrize("extra", [[], ["--dry-run"], ["--prune"]])
def test_import_skips_sqlalchemy_and_the_orm(tmp_path, db_path, extra):
    """Imports run on raw SQL: SQLAlchemy, SQLModel are never imported (about 0.4 s)."""
    from conftest import modules_imported

    deck = tmp_path / "geo.csv"
    deck.write_text(CSV)
    for _ in range(2):  # a new deck, then a re-import over it
        _, imported = modules_imported("--db", str(db_path), "import", str(deck), *extra)
        assert not imported & {"sqlalchemy", "sqlmodel"}
    assert rows(db_path, "SELECT count(*) FROM card") == [(0 if extra == ["--dry-run"] else 3,)]


@pytest.mark.parametrize("with_source", [True, False])
def test_many_cards_are_stored_in_deck_order_with_every_field(store, db_path, with_source):
    """Rows go to SQLite many to a statement: every batch, and the short last one, keeps
    the deck's order (new cards are shown in id order) and every value."""
    from dataclasses import replace

    from flashcards.domain import SourceRef

    from conftest import make_deck

    deck = make_deck("Big", 1_003)  # not a multiple of any batch size
    if not with_source:
        deck = replace(deck, cards=tuple(c._replace(source=SourceRef()) for c in deck.cards))
    service.import_decks(store, [(deck, None)], at("2026-03-02T09:00:00+00:00"))
    stored = rows(db_path, "SELECT key, question, answer, tags, section, line_start FROM card "
                           "ORDER BY id")
    assert stored == [(c.key, c.question, c.answer, " ".join(c.tags), c.source.section,
                       c.source.line_start) for c in deck.cards]


def test_ctrl_c_during_an_import_saves_nothing_and_says_so(cli, tmp_path, db_path,
                                                            monkeypatch):
    from flashcards.store import import_queries

    deck = tmp_path / "geo.csv"
    deck.write_text(CSV)
    assert cli("decks").exit_code == 0  # the store exists, empty
    calls = []

    def interrupted(*args, **kwargs):
        calls.append(args)
        raise KeyboardInterrupt

    monkeypatch.setattr(import_queries, "insert_cards", interrupted)
    result = cli("import", str(deck))
    assert calls and result.exit_code == 130
    assert result.stderr == "flashcards: interrupted; the change in progress was not saved\n"
    assert rows(db_path, "SELECT count(*) FROM deck") == [(0,)]
    assert rows(db_path, "SELECT count(*) FROM card") == [(0,)]


def test_retiring_and_pruning_a_thousand_cards_at_once(store, db_path):
    from dataclasses import replace

    from conftest import make_deck

    deck = make_deck("Big", 1_200)
    now = at("2026-03-02T09:00:00+00:00")
    service.import_decks(store, [(deck, None)], now)
    small = replace(deck, cards=deck.cards[:1])
    [plan] = service.import_decks(store, [(small, None)], now)
    assert len(plan.retired) == 1_199
    assert rows(db_path, "SELECT count(*) FROM card WHERE retired") == [(1_199,)]
    [plan] = service.import_decks(store, [(small, None)], now, prune=True)
    assert len(plan.pruned) == 1_199
    assert rows(db_path, "SELECT key FROM card") == [("c1",)]


# --- duplicate rows ------------------------------------------------------------


@pytest.mark.parametrize("sep", [",", "\t"])
def test_identical_rows_become_one_card_and_the_plan_says_so(cli, tmp_path, db_path, sep):
    deck = tmp_path / ("geo.csv" if sep == "," else "geo.tsv")
    deck.write_text(f"question{sep}answer\nCapital of France?{sep}Paris\n"
                    f"capital of  FRANCE?{sep} paris \nCAPITAL OF FRANCE? {sep}Paris\n"
                    f"Longest river?{sep}Ganga\n")
    dry = cli("import", "--dry-run", str(deck))
    assert dry.exit_code == 0, dry.stderr
    assert "  2 duplicate rows merged (same question and answer as an earlier row)\n" \
        in dry.stdout
    first = cli("import", str(deck))
    assert first.exit_code == 0, first.stderr
    assert plan_counts(first.stdout)["added"] == 2
    assert "2 duplicate rows merged" in first.stdout and "warning" not in first.stdout
    assert rows(db_path, "SELECT question, answer FROM card ORDER BY id") == [
        ("Capital of France?", "Paris"), ("Longest river?", "Ganga")]
    again = cli("import", str(deck))
    assert plan_counts(again.stdout) == {"added": 0, "updated": 0, "unchanged": 2,
                                         "retired": 0}
    assert "Imported 1 deck: no changes." in again.stdout
    assert rows(db_path, "SELECT count(*) FROM card") == [(2,)]


def test_a_question_with_two_answers_is_two_cards_and_a_warning(cli, tmp_path, db_path):
    deck = tmp_path / "geo.csv"
    deck.write_text("question,answer\nLargest state?,Rajasthan\nSmallest state?,Goa\n"
                    "largest STATE?,Rajasthan (by area)\nLargest state?,Rajasthan\n"
                    f"{'Very long question ' * 8}?,a\n{'very long question ' * 8}?,b\n")
    result = cli("import", str(deck))
    assert result.exit_code == 0, result.stderr
    assert plan_counts(result.stdout)["added"] == 5
    assert "  1 duplicate row merged (" in result.stdout
    warnings = [line for line in result.stdout.splitlines() if "warning" in line]
    assert warnings == [  # one line each, the question cut to 40 characters
        '  warning: geo.csv lines 2, 4: 2 different answers to "Largest state?"',
        '  warning: geo.csv lines 6, 7: 2 different answers to "Very long question Very long '
        'question V…"']
    assert rows(db_path, "SELECT answer FROM card WHERE question LIKE 'largest%' ORDER BY id"
                ) == [("Rajasthan",), ("Rajasthan (by area)",)]
    again = cli("import", str(deck))
    assert plan_counts(again.stdout)["unchanged"] == 5
    assert "Imported 1 deck: no changes." in again.stdout


def test_plan_warns_about_a_few_questions_on_one_line_each():
    import io

    from rich.console import Console

    from flashcards.domain import Duplicates, SameQuestion
    from flashcards.domain.reports import ImportPlan
    from flashcards.ui.plan import SHOWN, plan_view

    questions = tuple(SameQuestion(f"Question {i}\n" + "x" * 200, tuple(range(2, 12)))
                      for i in range(SHOWN + 2))
    plan = ImportPlan("Geo", added=["a"], duplicates=Duplicates(1, questions))
    out = Console(file=io.StringIO(), width=60, markup=False)
    out.print(plan_view([plan], ["/decks/geo.csv"], dry_run=False))
    text = out.file.getvalue()  # type: ignore[attr-defined]
    assert "  1 duplicate row merged (same question" in text
    warned = [line for line in text.splitlines() if line.startswith("  warning: ")]
    assert len(warned) == SHOWN
    assert all(len(line) <= 60 and line.endswith("…") for line in warned)
    assert warned[0].startswith("  warning: geo.csv lines 2, 3, 4, 5, 6, 7, …: 10 different")
    assert "  and 2 more questions with different answers" in text
