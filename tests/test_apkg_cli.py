"""`flashcards import pkg.apkg` and `flashcards export apkg` as a user runs them."""

from __future__ import annotations

import os
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import genanki
import pytest

from apkg_util import DATA, basic, deck, package, write_zip
from conftest import make_deck


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def seed(db_path: Path) -> list[tuple[object, ...]]:
    """A store with one deck in it, and a snapshot of everything that matters."""
    from flashcards import service
    from flashcards.store import open_store

    from conftest import at

    store = open_store(db_path)
    service.import_decks(store, [(make_deck("Existing", 3), "existing.toml")],
                         at("2026-03-01T09:00:00+00:00"))
    store.close()
    return snapshot(db_path)


def snapshot(db: Path) -> list[tuple[object, ...]]:
    return rows(db, "select d.name, c.key, c.question, c.answer, c.tags, c.reps from card c "
                    "join deck d on d.id = c.deck_id order by c.id")


def test_import_lists_media_and_keeps_nested_deck_names(cli, db_path) -> None:
    run = cli("import", str(DATA / "modern.apkg"))
    assert run.exit_code == 0, run.stderr
    assert "2 media files not imported (text only): hello.mp3, map.png" in run.stdout
    decks = rows(db_path, "select d.name, count(*) from card c join deck d on d.id = c.deck_id "
                          "group by d.name order by d.name")
    assert decks == [("UPSC", 1), ("UPSC::Geography", 5), ("UPSC::Polity", 2)]
    assert rows(db_path, "select count(*) from review") == [(0,)]


def test_with_progress_brings_state_and_history(cli, db_path) -> None:
    run = cli("import", "--with-progress", str(DATA / "modern.apkg"))
    assert run.exit_code == 0, run.stderr
    assert "suspended" not in run.stderr  # suspended in Anki: suspended here too
    assert rows(db_path, "select count(*) from card where suspended") == [(1,)]
    got = rows(db_path, "select c.interval, c.ease, c.due, count(r.id), min(r.grade), "
                        "max(r.grade) from card c join review r on r.card_id = c.id "
                        "where c.question like 'Article 21%' group by c.id")
    assert got == [(17, 2.5, "2026-12-16", 5, 3, 5)]


def test_newer_version_of_a_shared_deck_updates_in_place(cli, db_path, tmp_path) -> None:
    first = package(tmp_path / "v1.apkg", [deck("Shared", 7, basic("Q1", "A1", "n1"),
                                                basic("Q2", "A2", "n2"))])
    assert cli("import", str(first)).exit_code == 0
    ids = rows(db_path, "select key, id from card order by key")
    second = package(tmp_path / "v2.apkg", [deck("Shared", 7, basic("Q1", "A1 (fixed)", "n1"),
                                                 basic("Q2", "A2", "n2"),
                                                 basic("Q3", "A3", "n3"))])
    run = cli("import", str(second))
    assert run.exit_code == 0, run.stderr
    assert "unchanged       1" in run.stdout and "updated         1" in run.stdout  # renamed
    assert rows(db_path, "select key, id from card order by key")[:2] == ids
    assert rows(db_path, "select key, answer from card order by key") == [
        ("n1:0", "A1 (fixed)"), ("n2:0", "A2"), ("n3:0", "A3")]


@pytest.mark.parametrize("case", ["not_zip", "text", "bomb", "not_sqlite", "traversal",
                                  "truncated"])
def test_hostile_packages_change_nothing(cli, db_path, tmp_path, monkeypatch, case) -> None:
    before = seed(db_path)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    path = tmp_path / f"{case}.apkg"
    if case == "not_zip":
        path.write_bytes(b"PK\x03\x04 but not really a zip")
    elif case == "text":
        path.write_text("question,answer\nq,a\n")  # named .apkg: read as a package
    elif case == "bomb":
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out, \
                out.open("collection.anki2", "w") as dst:
            for _ in range(60):
                dst.write(bytes(1 << 20))
    elif case == "not_sqlite":
        write_zip(path, {"collection.anki21": b"x" * 5000})
    elif case == "traversal":
        write_zip(path, {"../../escape.txt": b"x", "collection.anki2": b"x"})
    else:
        path.write_bytes((DATA / "legacy.apkg").read_bytes()[:30_000])
    run = cli("import", str(path))
    assert run.exit_code == 1
    assert run.stderr.startswith(f"flashcards: error: {path}")
    assert len(run.stderr.strip().splitlines()) == 1
    assert snapshot(db_path) == before
    assert list(scratch.iterdir()) == []
    assert not (tmp_path.parent / "escape.txt").exists()


def test_terminal_escapes_never_reach_the_output(cli, db_path, tmp_path) -> None:
    note = basic("\x1b[2J\x1b]0;pwned\x07[red]Q[/red]", "A\x9b1m", "e")
    path = package(tmp_path / "e.apkg", [deck("Evil\x1b[5m", 1, note)])
    run = cli("import", str(path))
    assert run.exit_code == 0, run.stderr
    assert "\x1b" not in run.stdout + run.stderr and "\x9b" not in run.stdout
    assert rows(db_path, "select question, answer from card") == [("[red]Q[/red]", "A")]


def test_export_apkg_then_import_round_trip(cli, db_path, tmp_path) -> None:
    seed(db_path)
    out = tmp_path / "out.apkg"
    run = cli("export", "apkg", "-o", str(out))
    assert run.exit_code == 0, run.stderr
    assert "3 cards in 1 deck written to" in run.stdout
    with zipfile.ZipFile(out) as archive:
        (tmp_path / "c.anki2").write_bytes(archive.read("collection.anki2"))
    notes = rows(tmp_path / "c.anki2", "select guid, flds, tags from notes order by id")
    assert notes[0] == (genanki.guid_for("Existing", "c1"),
                        "Question 1?\x1fAnswer 1\x1fsample.txt &gt; S, line 1", " t ")
    other = tmp_path / "other.db"
    back = cli("--db", str(other), "import", str(out))
    assert back.exit_code == 0, back.stderr
    assert [r[0::2] + r[3:5] for r in snapshot(other)] == \
        [r[0::2] + r[3:5] for r in snapshot(db_path)]


def test_export_apkg_of_named_decks_and_errors(cli, db_path, tmp_path) -> None:
    seed(db_path)
    assert cli("export", "apkg").exit_code != 0  # -o is required
    missing = cli("export", "apkg", "Nope", "-o", str(tmp_path / "x.apkg"))
    assert missing.exit_code == 1 and "no deck named 'Nope'" in missing.stderr
    nowhere = cli("export", "apkg", "-o", str(tmp_path / "no" / "such" / "x.apkg"))
    assert nowhere.exit_code == 1 and "cannot write" in nowhere.stderr
    assert not (tmp_path / "x.apkg").exists()


def test_export_apkg_to_a_folder_or_stdout_is_one_clear_line(cli, db_path, tmp_path,
                                                            monkeypatch) -> None:
    seed(db_path)
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "out"
    folder.mkdir()
    for target, words in [(str(folder), "is a folder"), (str(folder) + "/", "is a folder"),
                          ("-", "not to standard output")]:
        run = cli("export", "apkg", "-o", target)
        assert run.exit_code == 1, run.stdout
        assert run.stderr.count("\n") == 1 and words in run.stderr, run.stderr
        assert "unexpected" not in run.stderr
    assert list(folder.iterdir()) == [] and not (tmp_path / "-").exists()


def test_exported_package_is_readable_like_any_new_file(cli, db_path, tmp_path) -> None:
    seed(db_path)
    out = tmp_path / "deck.apkg"
    old = os.umask(0o022)
    try:
        assert cli("export", "apkg", "-o", str(out)).exit_code == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644
