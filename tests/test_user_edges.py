"""Rough edges a new user runs into, each kept fixed: one clear line, nothing changed."""

from __future__ import annotations

from datetime import timedelta

from flashcards.store import backup
from safety import T0, seed_store, snapshot


def test_restore_with_no_answer_is_one_clear_line(cli, db_path):
    seed_store(db_path)
    name = backup.make_backup(db_path, T0 - timedelta(hours=1)).name
    before = snapshot(db_path)
    result = cli("restore", name, input="")  # standard input closed: no answer
    assert result.exit_code == 1
    assert "Aborted" not in result.stderr
    error = result.stderr.splitlines()[-1]
    assert error.startswith("flashcards: error: no answer") and "--yes" in error
    assert snapshot(db_path) == before


def test_unknown_backup_lists_the_latest_first_as_the_listing_does(cli, db_path):
    seed_store(db_path)
    names = [backup.make_backup(db_path, T0 - timedelta(hours=h)).name for h in (3, 2, 1)]
    result = cli("restore", "nope.db", "--yes")
    assert result.exit_code == 1
    assert f"(latest first: {names[2]}, {names[1]}, {names[0]})" in result.stderr
    listing = cli("restore").stdout
    assert listing.index(names[2]) < listing.index(names[1]) < listing.index(names[0])


def test_stats_picture_to_a_bad_path_fails_before_the_dashboard(cli, db_path, tmp_path):
    seed_store(db_path)
    for option in ("--svg", "--html"):
        for bad, words in [(tmp_path, "is a folder"),
                           (tmp_path / "missing" / "p.svg", "no folder")]:
            result = cli("stats", option, str(bad))
            assert result.exit_code == 1
            assert result.stdout == ""  # no dashboard, then an error
            assert result.stderr.count("\n") == 1 and words in result.stderr, result.stderr


def test_a_file_named_twice_is_imported_once(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "geo.csv").write_text("question,answer\nCapital of India?,New Delhi\n")
    result = cli("import", "geo.csv", str(tmp_path / "geo.csv"))
    assert result.exit_code == 0, result.stderr
    assert "Imported 1 deck: 1 added." in result.stdout


def test_an_empty_forecast_has_one_zero_on_its_axis():
    from flashcards.ui.charts import vertical_bars

    empty = vertical_bars([0] * 5, [""] * 5).plain.splitlines()
    assert [line.split()[0] for line in empty if "┤" in line] == ["0"]
    assert "┤" in empty[-3]  # at the bottom, where the bars start
    busy = vertical_bars([3, 0, 1], ["", "", ""]).plain.splitlines()
    assert busy[0].startswith("3 ┤") and sum("┤" in line for line in busy) == 1


def test_check_names_the_store_and_counts_problems_like_the_repair(cli, db_path):
    import sqlite3

    seed_store(db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute("update card set ease = 0.5 where id = 1")
    conn.close()
    lines = cli("check").stdout.splitlines()
    assert lines[0] == f"{db_path}: 2 problems:"  # the ease, and a state off its last review
    assert lines[1] == ("  - cards have an ease below 1.3 (1) -> --repair will set their "
                        "ease to 1.3")
    assert not any(line.lstrip().startswith("1 cards") for line in lines)


def test_backup_of_an_empty_store_does_not_suggest_itself(cli):
    result = cli("backup")
    assert result.exit_code == 0
    assert result.stdout == "The store is empty: nothing to back up yet.\n"


def test_export_decks_says_where_it_wrote_as_apkg_does(cli, store, tmp_path):
    from flashcards import service

    from conftest import make_deck

    service.import_decks(store, [(make_deck("Geo", 2), None)], T0)
    one = cli("export", "decks", "Geo", "-o", str(tmp_path / "geo.toml"))
    assert one.exit_code == 0 and one.stdout == f"1 deck file written to {tmp_path}/geo.toml\n"
    folder = cli("export", "decks", "-o", f"{tmp_path}/out/")
    assert folder.stdout == f"1 deck file written to {tmp_path}/out/\n"
    piped = cli("export", "decks", "Geo")
    assert piped.stdout.startswith("[deck]") and "written" not in piped.stdout


def test_calendar_title_and_footer_count_in_good_english(cli, db_path):
    seed_store(db_path, answers=1)  # one answer, on one study day
    week = cli("stats", "--days", "7").stdout
    assert "Reviews, last 7 days" in week and "last 1 weeks" not in week
    assert "Reviews, last 26 weeks" in cli("stats").stdout
    assert "Reviews, last 10 days" in cli("stats", "--days", "10").stdout
    assert "1 review on 1 day · streak" in week


def test_counts_of_one_are_singular(cli, store, tmp_path):
    from flashcards import service
    from flashcards.ui.terminal import counted

    from conftest import make_deck

    assert [counted(n, "card") for n in (0, 1, 2, 1200)] == [
        "0 cards", "1 card", "2 cards", "1,200 cards"]
    service.import_decks(store, [(make_deck("Geo", 1), None)], T0)
    store.close()
    out = cli("export", "apkg", "-o", str(tmp_path / "g.apkg")).stdout
    assert out.startswith("1 card in 1 deck written to")


def test_config_shows_a_text_setting_the_same_way_when_set_and_listed(cli):
    assert cli("config", "default_deck", "GS2 Polity").stdout == "default_deck = 'GS2 Polity'\n"
    assert cli("config", "default_deck", "").stdout == "default_deck = ''\n"
    assert "default_deck = ''\n" in cli("config").stdout
    assert cli("config", "default_deck").stdout == "default_deck = ''\n"


def test_config_negative_value_is_checked_like_any_value(cli):
    result = cli("config", "new_per_day", "-3")
    assert result.exit_code == 1
    assert result.stderr == "flashcards: error: setting new_per_day: -3 is outside 0..10000\n"


def test_build_warnings_are_one_line_each(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    article = tmp_path / "assent.txt"
    article.write_text("UPSC Syllabus Topic: GS paper2 – Polity\n\nGovernor's Assent to Bills\n\n"
                       "Introduction\nThe Supreme Court in 2023 ruled that a Governor cannot "
                       "sit on bills indefinitely.\n\nChallenges\n"
                       "1. Delay: Governors have delayed assent to many bills.\n"
                       "2. Gaps:\n\nWay Forward\n\nMeasures\n", encoding="utf-8")
    result = cli("build", str(article), "-o", str(tmp_path / "decks"))
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stdout.splitlines() if line.startswith("  warning:")]
    assert len(warnings) == 3, result.stdout  # 60 columns, and not one of them wrapped
    assert warnings[-1].endswith("is empty: no cards from it")
    assert len(result.stdout.splitlines()) == 1 + len(warnings)
