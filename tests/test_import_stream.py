"""A big CSV/TSV of one deck is parsed in a child process while its first cards are
written (formats.background, issue 16): the store, the output and the errors are those of
reading the whole file first. Each case runs both ways, into stores that start alike,
with chunks of three rows so that a small file streams in several.

One difference is by design: a bad row of a streamed file is found after the store is
opened (and backed up before the import), so a store that did not exist is created,
empty; the stores here exist before each import, as a user's does."""

from __future__ import annotations

import os
import signal
import sqlite3
from pathlib import Path

import pytest

from flashcards.formats import background, delimited, detect

HEADER = "question\tanswer\ttags\n"
ROWS = "".join(f"Question {i}?\tAnswer {i}\tgs{i % 3}\n" for i in range(1, 21))

# name -> (file name, content, extra arguments, a first import of another content or None)
CASES: dict[str, tuple[str, str, tuple[str, ...], str | None]] = {
    "plain tsv": ("big.tsv", HEADER + ROWS, (), None),
    "csv with quotes and a multi-line answer": (
        "big.csv", 'question,answer\n"Q, one?","A ""1""\nsecond line"\n' + "".join(
            f"Q{i}?,A{i}\n" for i in range(2, 12)), (), None),
    "repeated rows and one question with two answers": (
        "big.tsv", HEADER + ROWS + "Question 3?\tAnswer 3\tgs0\nQuestion 4?\tOther\tgs1\n"
        + "question 5? \tanswer 5\t\n", (), None),
    "explicit keys, clozes and kinds": (
        "big.tsv", "question\tanswer\tkey\tkind\n" + "".join(
            f"Q{i}?\tA{i}\tk{i}\tbasic\n" for i in range(8))
        + "{{c1::Delhi}} is the capital of {{c2::India}}\textra\tcz\t\n", (), None),
    "accents and control characters": (
        "big.tsv", HEADER + ROWS + "Qu'est-ce que l'été?\tLa saison \x1b[2J chaude\tfr\n",
        (), None),
    "anki header lines": ("big.txt", "#separator:tab\n#html:true\n#deck:Polity\n"
                          "#tags:gs2\n" + "".join(f"<b>Q{i}</b>\tA{i}&nbsp;x\n"
                                                  for i in range(10)), (), None),
    "a deck column (not streamed)": (
        "big.tsv", "question\tanswer\tdeck\n" + "".join(
            f"Q{i}?\tA{i}\t{'one' if i % 2 else 'two'}\n" for i in range(10)), (), None),
    "--deck names the deck": ("big.tsv", HEADER + ROWS, ("--deck", "Renamed"), None),
    "--dry-run": ("big.tsv", HEADER + ROWS, ("--dry-run",), None),
    "re-import: updated, unchanged and retired": (
        "big.tsv", HEADER + ROWS.replace("Answer 7", "Answer seven")
        .replace("Question 9?\tAnswer 9\tgs0\n", ""), (), HEADER + ROWS),
    "re-import with --prune": ("big.tsv", HEADER + ROWS[:200], ("--prune",), HEADER + ROWS),
    "error on a late row": ("big.tsv", HEADER + ROWS + "Question 99?\n" + ROWS[:40], (), None),
    "error on a late row, into a deck that exists": (
        "big.tsv", HEADER + ROWS + "\tno question\n", (), HEADER + ROWS[:100]),
    "duplicate key on a late row": (
        "big.tsv", "question\tanswer\tkey\n" + "".join(f"Q{i}?\tA{i}\tk{i}\n" for i in range(12))
        + "Q again?\tA\tk4\n", (), None),
    "a field over the limit": ("big.tsv", HEADER + ROWS + "Q?\t" + "a" * 70_000 + "\n", (),
                               None),
    "a quoted field never closed": ("big.csv", "question,answer\n" + "".join(
        f"Q{i}?,A{i}\n" for i in range(12)) + 'Q?,"open\n', (), None),
    "header only": ("big.tsv", HEADER, (), None),
    "no header (error in this process)": ("big.tsv", ROWS, (), None),
}


def _dump(db: Path, tmp: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [line.replace(str(tmp), "<tmp>") for line in conn.iterdump()]


def _run(cli, tmp: Path, monkeypatch, streamed: bool, case: str):
    name, content, args, before = CASES[case]
    folder = tmp / ("streamed" if streamed else "whole")
    folder.mkdir()
    monkeypatch.setenv("FLASHCARDS_DB", str(folder / "store.db"))
    monkeypatch.setenv("FLASHCARDS_DATA_DIR", str(folder / "data"))
    path = folder / name
    assert cli("decks").exit_code == 0  # the store exists
    if before is not None:
        path.write_text(before, encoding="utf-8")
        assert cli("import", str(path)).exit_code == 0
    path.write_text(content, encoding="utf-8")
    monkeypatch.setattr(detect, "STREAM_FROM", 0 if streamed else 10**12)
    result = cli("import", str(path), *args)
    text = [s.replace(str(folder), "<dir>") for s in (result.stdout, result.stderr)]
    return result.exit_code, text, _dump(folder / "store.db", folder)


@pytest.fixture
def children(monkeypatch) -> list[background.InChild]:
    """Every child process started, to check it was used and then reaped."""
    made: list[background.InChild] = []
    real = background.InChild

    def counted(*args):
        child = real(*args)
        made.append(child)
        return child

    monkeypatch.setattr(background, "InChild", counted)
    monkeypatch.setattr(delimited, "CHUNK_ROWS", 3)
    return made


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_streamed_import_is_the_whole_read_import(case, cli, tmp_path, monkeypatch, children):
    whole = _run(cli, tmp_path, monkeypatch, False, case)
    assert children == []
    streamed = _run(cli, tmp_path, monkeypatch, True, case)
    assert streamed == whole
    used = case not in ("a deck column (not streamed)", "no header (error in this process)")
    assert len(children) == used
    assert all(child._pid == 0 for child in children)  # stopped and reaped


def test_the_cases_cover_success_and_failure(cli, tmp_path, monkeypatch, children):
    """The equality above is not two failures alike: a plain file imports its 20 cards,
    and a late bad row leaves nothing behind."""
    code, (out, _), dump = _run(cli, tmp_path, monkeypatch, True, "plain tsv")
    assert code == 0 and "20 added" in out
    assert sum(line.startswith('INSERT INTO "card"') for line in dump) == 20
    (tmp_path / "next").mkdir()
    code, (_, err), dump = _run(cli, tmp_path / "next", monkeypatch, True,
                                "error on a late row")
    assert code == 1 and err.startswith("flashcards: error: <dir>/big.tsv:line 22: missing")
    assert not any(line.startswith('INSERT INTO "card"') for line in dump)


def _killed_after_first_chunk(original):
    def chunks(self, rows, size):
        items = original(self, rows, size)
        yield next(items)
        os.kill(os.getpid(), signal.SIGKILL)  # (in the child)
    return chunks


def test_a_child_that_dies_is_one_clear_error_and_nothing_imported(
        cli, tmp_path, monkeypatch, children):
    monkeypatch.setattr(delimited._Cards, "chunks",
                        _killed_after_first_chunk(delimited._Cards.chunks))
    code, (out, err), dump = _run(cli, tmp_path, monkeypatch, True, "plain tsv")
    assert code == 1 and out == ""
    assert err == ("flashcards: error: <dir>/big.tsv: the process reading it stopped before "
                   "the end of the file\n")
    assert not any(line.startswith(('INSERT INTO "card"', 'INSERT INTO "deck"'))
                   for line in dump)
    assert children[0]._pid == 0


def test_a_bug_in_the_child_is_raised_here_with_its_traceback(monkeypatch, tmp_path):
    def broken():
        yield (1, 2)
        raise ZeroDivisionError("a bug in the reader")

    child = background.InChild(broken(), "deck.tsv")
    items = iter(child)
    assert next(items) == (1, 2)
    with pytest.raises(ZeroDivisionError, match="a bug in the reader") as raised:
        next(items)
    assert "raised in the process reading the file" in raised.value.__notes__[0]
    assert "in broken" in raised.value.__notes__[0]
    assert child._pid == 0


def test_a_streamed_deck_reports_its_repeated_rows(cli, tmp_path, monkeypatch, children):
    code, (out, _), _ = _run(cli, tmp_path, monkeypatch, True,
                             "repeated rows and one question with two answers")
    assert code == 0
    assert "merged" in out and "Question 4?" in out, out


# --- an import that creates the store -------------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".store.db"))


def test_a_late_bad_row_into_a_new_store_leaves_no_store(cli, tmp_path, db_path, monkeypatch,
                                                          children):
    """The rows are read after the store is opened, and the store is made beside its
    place: a bad row leaves neither a store nor the one being made."""
    monkeypatch.setattr(detect, "STREAM_FROM", 0)
    bad = tmp_path / "bad.tsv"
    bad.write_text(HEADER + ROWS + "Question 99?\n")
    result = cli("import", str(bad))
    assert result.exit_code == 1 and "line 22: missing answer" in result.stderr
    assert len(children) == 1
    assert not db_path.exists() and _leftovers(tmp_path) == []


def test_an_interrupted_import_into_a_new_store_leaves_no_store(cli, tmp_path, db_path,
                                                                 monkeypatch):
    from flashcards import service

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(service, "import_decks", interrupted)
    deck = tmp_path / "deck.tsv"
    deck.write_text(HEADER + ROWS)
    result = cli("import", str(deck))
    assert result.exit_code == 130, result.stderr
    assert not db_path.exists() and _leftovers(tmp_path) == []


def test_a_store_made_by_another_process_meanwhile_is_not_overwritten(cli, tmp_path, db_path,
                                                                      monkeypatch):
    from flashcards import service
    from flashcards.store import open_store

    from conftest import make_deck

    real = service.import_decks

    def racing(store, decks, now, **kwargs):
        other = open_store(db_path)  # another process creates the store and imports
        real(other, [(make_deck("Theirs", 2), None)], now)
        other.close()
        return real(store, decks, now, **kwargs)

    monkeypatch.setattr(service, "import_decks", racing)
    deck = tmp_path / "deck.tsv"
    deck.write_text(HEADER + ROWS)
    result = cli("import", str(deck))
    assert result.exit_code == 1
    assert result.stderr == (f"flashcards: error: {db_path}: another process created the "
                             "store during this change; nothing was changed (run the "
                             "command again)\n")
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT name FROM deck").fetchall() == [("Theirs",)]
    assert _leftovers(tmp_path) == []


def test_an_error_after_the_child_started_stops_it(cli, tmp_path, monkeypatch, children):
    """`--deck ""` is refused after the file is read: the child parsing it is stopped."""
    monkeypatch.setattr(detect, "STREAM_FROM", 0)
    deck = tmp_path / "deck.tsv"
    deck.write_text(HEADER + ROWS)
    result = cli("import", str(deck), "--deck", " ")
    assert result.exit_code == 1 and "the deck name is empty" in result.stderr
    assert len(children) == 1 and children[0]._pid == 0


def test_no_fork_reads_the_file_whole(cli, tmp_path, monkeypatch):
    def no_fork() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(detect, "STREAM_FROM", 0)
    monkeypatch.setattr(background.os, "fork", no_fork)
    deck = tmp_path / "deck.tsv"
    deck.write_text(HEADER + ROWS)
    result = cli("import", str(deck))
    assert result.exit_code == 0 and "20 added" in result.stdout, result.stderr


def test_an_error_opening_a_new_store_names_the_store(cli, tmp_path, monkeypatch):
    """The store is made under another name until it is committed; errors still name it."""
    missing = tmp_path / "no such folder" / "store.db"
    monkeypatch.setenv("FLASHCARDS_DB", str(missing))
    deck = tmp_path / "deck.tsv"
    deck.write_text(HEADER + ROWS)
    result = cli("import", str(deck))
    assert result.exit_code == 1
    assert result.stderr == (f"flashcards: error: cannot open store {missing}: folder "
                             f"{missing.parent} does not exist\n")


def test_the_drafts_of_killed_imports_are_swept(cli, tmp_path, db_path):
    """An import killed with SIGKILL cannot remove the store it was making; the next
    import removes it (and its side files), but not the draft of an import still at
    work."""
    import subprocess
    import sys
    import time

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead = int(gone.stdout)
    stale = [tmp_path / f".store.db.{dead}.new", tmp_path / f".store.db.{dead}.new-wal"]
    for path in stale:
        path.write_bytes(b"half-made")
    working = tmp_path / f".store.db.{os.getppid()}.new"  # (a process that lives)
    working.write_bytes(b"another import at work")
    # killed, but not yet reaped by its parent: it still answers signal 0
    zombie = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    zombie.kill()
    time.sleep(0.2)
    (tmp_path / f".store.db.{zombie.pid}.new").write_bytes(b"half-made")
    deck = tmp_path / "deck.tsv"
    deck.write_text(HEADER + ROWS)
    try:
        result = cli("import", str(deck))
    finally:
        zombie.wait()
    assert result.exit_code == 0, result.stderr
    assert db_path.exists()
    assert _leftovers(tmp_path) == [working.name]


def test_drafts_of_a_store_with_glob_characters_in_its_name_are_swept(tmp_path):
    """A store named 'notes[1].db' (a user's --db): its drafts are found by name, not by
    a glob pattern that would read '[1]' as a class of characters."""
    import subprocess
    import sys

    from flashcards.store import db

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    store = tmp_path / "notes[1].db"
    stale = tmp_path / f".notes[1].db.{int(gone.stdout)}.new-wal"
    other = tmp_path / f".notes[1].db.{int(gone.stdout)}.backup"
    stale.write_bytes(b"half-made")
    other.write_bytes(b"not a draft")
    db._sweep_drafts(store)
    assert not stale.exists() and other.exists()
