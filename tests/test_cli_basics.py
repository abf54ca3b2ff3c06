from __future__ import annotations

from flashcards import __version__

from conftest import make_deck, modules_imported


def test_help_lists_every_command_with_help(cli):
    result = cli("--help")
    assert result.exit_code == 0
    assert "decks" in result.stdout
    assert "List decks" in result.stdout


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"flashcards {__version__}"


def test_help_does_not_import_the_store_stack():
    _, imported = modules_imported("--help")
    assert not imported & {"sqlmodel", "sqlalchemy", "pydantic", "spacy", "rapidfuzz",
                           "trafilatura", "pdfminer", "lxml"}


def test_only_build_loads_the_language_model(cli, db_path, tmp_path):
    """spaCy (about a second to import, two with its model) is paid by `build` alone:
    reviewing, stats and importing never load it."""
    deck = tmp_path / "geo.csv"
    deck.write_text("question,answer\nCapital of France?,Paris\n")
    assert cli("import", str(deck)).exit_code == 0
    env = {**__import__("os").environ, "FLASHCARDS_DB": str(db_path)}
    for args in (["review", "--lines"], ["stats", "--json"], ["import", str(deck)],
                 ["decks"], ["export", "cards"]):
        _, imported = modules_imported(*args, env=env)
        assert not imported & {"spacy", "thinc", "trafilatura", "pdfminer", "lxml"}, args
    article = tmp_path / "note.txt"
    article.write_text("Note\n\nChallenges:\n1. **A thing:** It costs Rs 5 crore.\n")
    _, imported = modules_imported("build", str(article), "-o", str(tmp_path / "out"))
    assert "spacy" in imported


def test_the_review_session_does_not_import_the_orm(cli, db_path, tmp_path):
    """The first card is drawn, and every answer and undo written, with raw SQL: the
    session never pays for SQLAlchemy, SQLModel or pydantic (about 0.4 s)."""
    deck = tmp_path / "geo.csv"
    deck.write_text("question,answer\nCapital of France?,Paris\nCapital of Peru?,Lima\n")
    assert cli("import", str(deck)).exit_code == 0
    env = {**__import__("os").environ, "FLASHCARDS_DB": str(db_path)}
    code = ("import json, sys\n"
            "sys.argv = ['flashcards', 'review', '--lines']\n"
            "from flashcards.cli import main\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
            "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})), file=sys.stderr)\n")
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", code], input="\n4\nu\n\n5\nq\n",
                         capture_output=True, text=True, env=env, check=True)
    assert "Undid grade 4" in run.stdout
    imported = set(__import__("json").loads(run.stderr.strip().splitlines()[-1]))
    assert "flashcards" in imported
    assert not imported & {"sqlalchemy", "sqlmodel", "pydantic"}


def test_decks_does_not_import_sqlalchemy(cli, db_path, tmp_path):
    deck = tmp_path / "geo.csv"
    deck.write_text("question,answer\nCapital of France?,Paris\n")
    assert cli("import", str(deck)).exit_code == 0
    stdout, imported = modules_imported("--db", str(db_path), "decks")
    assert "geo" in stdout and not imported & {"sqlalchemy", "sqlmodel"}


def test_decks_on_empty_store(cli):
    result = cli("decks")
    assert result.exit_code == 0
    assert "No decks yet" in result.stdout


def test_decks_lists_counts(cli, store):
    from flashcards import service

    from conftest import at

    service.import_decks(store, [(make_deck("Alpha", 3), None), (make_deck("Beta", 2), None)],
                         at("2026-03-01T09:00:00+00:00"))
    result = cli("decks")
    assert result.exit_code == 0, result.stderr
    lines = [line.split() for line in result.stdout.splitlines() if line.strip()]
    assert ["Alpha", "3", "0", "3"] in lines
    assert ["Beta", "2", "0", "2"] in lines


def test_db_option_and_env(cli, tmp_path, monkeypatch):
    monkeypatch.delenv("FLASHCARDS_DB")
    target = tmp_path / "other.db"
    assert cli("--db", str(target), "decks").exit_code == 0
    assert target.exists()
    env_target = tmp_path / "env.db"
    monkeypatch.setenv("FLASHCARDS_DB", str(env_target))
    assert cli("decks").exit_code == 0
    assert env_target.exists()


def test_bad_db_path_is_one_clear_line(cli, tmp_path):
    for bad, words in [(tmp_path / "missing" / "x.db", "does not exist"),
                       (tmp_path, "is a directory")]:
        result = cli("--db", str(bad), "decks")
        assert result.exit_code == 1
        assert result.stderr.count("\n") == 1
        assert words in result.stderr
        assert "Traceback" not in result.stderr
    text = tmp_path / "notes.txt"
    text.write_text("hello, not a database\n")
    result = cli("--db", str(text), "decks")
    assert result.exit_code == 1 and "not SQLite" in result.stderr


def test_usage_error_exits_2(cli):
    assert cli("no-such-command").exit_code == 2


def test_bad_options_and_values_are_one_line(cli):
    for args, words in ((["cards", "--state", "bogus"], "'bogus' is not one of"),
                        (["suspend", "--nope"], "No such option: --nope"),
                        (["review", "--new", "-3"], "Invalid value for '--new'"),
                        (["no-such-command"], "No such command")):
        result = cli(*args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith("flashcards: error: ") and words in result.stderr
        assert result.stderr.count("\n") == 1, result.stderr


def test_due_cards_and_suspend_do_not_import_the_orm(cli, db_path, tmp_path):
    deck = tmp_path / "geo.csv"
    deck.write_text("question,answer\nCapital of France?,Paris\n")
    assert cli("import", str(deck)).exit_code == 0
    for args in (["due", "--count"], ["cards", "--search", "paris"], ["cards", "--json"]):
        stdout, imported = modules_imported("--db", str(db_path), *args)
        assert stdout and not imported & {"sqlalchemy", "sqlmodel", "spacy"}, args


def test_a_command_loads_only_its_own_module(cli, db_path, tmp_path):
    """The application holds only the command the line names: `cards` does not import
    the review session, the exporters or rich's Table; `--help` lists them all and
    imports none."""
    deck = tmp_path / "geo.csv"
    deck.write_text("question,answer\nCapital of France?,Paris\n")
    assert cli("import", str(deck)).exit_code == 0
    stdout, imported = modules_imported("--db", str(db_path), "cards", "--search", "paris",
                                        whole=True)
    assert "geo/" in stdout and "flashcards.cli.cards" in imported
    assert not imported & {"flashcards.cli.review", "flashcards.cli.export", "rich.table"}
    stdout, imported = modules_imported("--help", whole=True)
    assert "export" in stdout and "review" in stdout  # listed, none of them imported
    assert not {m for m in imported if m.startswith("flashcards.cli.")} - {
        "flashcards.cli.commands", "flashcards.cli.fast", "flashcards.cli.output"}


def test_due_answers_without_typer_and_says_what_the_command_says(cli, db_path, tmp_path):
    """`due` (for shell prompts) skips Typer; its text is the Typer command's, errors too."""
    import os

    deck = tmp_path / "geo.csv"
    deck.write_text("question,answer\nCapital of France?,Paris\nCapital of Peru?,Lima\n")
    assert cli("import", str(deck)).exit_code == 0
    env = {**os.environ, "FLASHCARDS_DB": str(db_path)}
    for args in (["due"], ["due", "--count"], ["due", "--json"], ["due", "geo", "--count"]):
        stdout, imported = modules_imported(*args, env=env)
        assert not imported & {"typer", "click", "rich", "sqlalchemy", "sqlmodel"}, args
        assert stdout == cli(*args).stdout, args
    assert cli("due").stdout == "2 due today: 0 to review, 0 to relearn, 2 new\n"
    code = ("from flashcards.cli import main; import sys; "
            "sys.argv = ['flashcards', 'due', 'x']; main()")
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=False)
    assert run.returncode == 1 and run.stderr == cli("due", "x").stderr
    assert run.stderr.startswith("flashcards: error: no deck named 'x'")


def test_decks_answers_without_typer_and_prints_what_the_command_prints(cli, db_path,
                                                                         tmp_path):
    import os

    env = {**os.environ, "FLASHCARDS_DB": str(db_path)}
    empty, _ = modules_imported("decks", env=env)
    assert empty == cli("decks").stdout and "No decks yet" in empty
    for name in ("geo", "hist"):
        deck = tmp_path / f"{name}.csv"
        deck.write_text("question,answer\nCapital of France?,Paris\nCapital of Peru?,Lima\n")
        assert cli("import", str(deck)).exit_code == 0
    stdout, imported = modules_imported("decks", env=env)
    assert not imported & {"typer", "click", "sqlalchemy", "sqlmodel"}
    assert stdout == cli("decks").stdout
    assert [line.split() for line in stdout.splitlines()][1:] == [
        ["geo", "2", "0", "2"], ["hist", "2", "0", "2"], ["All", "4", "0", "4"]]


def test_each_command_registered_alone_is_the_same_command(cli):
    """`main` registers only the command the line names (cli.commands.app_for): each one,
    alone, parses and helps as in the whole application."""
    from typer.testing import CliRunner

    from flashcards.cli.commands import COMMANDS, app_for

    runner = CliRunner()
    for name in COMMANDS:
        alone = runner.invoke(app_for([name, "--help"]), [name, "--help"],
                              prog_name="flashcards")
        whole = cli(name, "--help")
        assert alone.exit_code == whole.exit_code == 0, name
        assert alone.stdout == whole.stdout, name
    negative = runner.invoke(app_for(["config", "new_per_day", "-3"]),
                             ["config", "new_per_day", "-3"], prog_name="flashcards")
    assert negative.exit_code == 1 and "outside 0..10000" in negative.stderr
    listed = runner.invoke(app_for(["--help"]), ["--help"], prog_name="flashcards")
    assert listed.stdout == cli("--help").stdout  # the list, without importing a command
