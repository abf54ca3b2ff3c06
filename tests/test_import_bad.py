"""Every malformed deck file: one clear line naming the file and the place, exit 1, and
the store unchanged. Valid oddities import faithfully."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from flashcards.formats import deckfile

GOOD_TOML = ('[deck]\nname = "geo"\n\n[[cards]]\nkey = "a"\nquestion = "Capital of France?"\n'
             'answer = "Paris"\ntags = ["geo"]\n\n[[cards]]\nkey = "b"\n'
             'question = "Longest river?"\nanswer = "Ganga"\n')
MB = 1_000_000


def toml_card(body: str) -> str:
    return '[deck]\nname = "geo"\n\n[[cards]]\n' + body


def _zip(entries: dict[str, bytes]) -> bytes:
    from io import BytesIO

    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buf.getvalue()


# name -> (file name, content, where (None: the file as a whole), words in the message)
CASES: dict[str, tuple[str, bytes, str | None, str]] = {
    "truncated toml": ("deck.toml", GOOD_TOML.encode()[:-12], "line 13", "not a valid TOML"),
    "truncated toml string": ("deck.toml", b'[deck]\nname = "geo\n', "line 2", "TOML"),
    "truncated csv": ("deck.csv", b'question,answer\nQ1,A1\nQ2,"A2 and th', "line 3",
                      "never closed"),
    "wrong type": ("deck.toml", toml_card('key = "a"\nquestion = 5\nanswer = "x"\n').encode(),
                   "card 1 (key 'a'), field 'question'", "expected text"),
    "wrong type tags": ("deck.toml", toml_card('key = "a"\nquestion = "Q"\nanswer = "x"\n'
                                               'tags = "gs2"\n').encode(),
                        "card 1 (key 'a'), field 'tags'", "list of tags"),
    "wrong type cards": ("deck.toml", b'[deck]\nname = "geo"\ncards = 3\n', None, "field"),
    "missing question toml": ("deck.toml", toml_card('key = "a"\nanswer = "x"\n').encode(),
                              "card 1 (key 'a'), field 'question'", "missing"),
    "empty answer toml": ("deck.toml", toml_card('key = "a"\nquestion = "Q"\nanswer = " "\n')
                          .encode(), "card 1 (key 'a'), field 'answer'", "must not be empty"),
    "control-only answer toml": ("deck.toml", toml_card('key = "a"\nquestion = "Q"\n'
                                                        'answer = "\\u001b[2J"\n').encode(),
                                 "card 1 (key 'a'), field 'answer'", "must not be empty"),
    "missing answer csv": ("deck.csv", b"question,answer\nQ1,A1\nQ2\n", "line 3",
                           "missing answer"),
    "empty question csv": ("deck.csv", b"question,answer\n ,A1\n", "line 2", "empty question"),
    "invalid utf-8": ("deck.csv", b"question,answer\nQ1,A1\nCaf\xc3\xa9 ok,\xc3(\n", "line 3",
                      "not valid UTF-8"),
    "latin-1": ("deck.csv", "question,answer\nCafé?,oui\n".encode("latin-1"), "line 2",
                "not valid UTF-8"),
    "utf-16 with bom": ("deck.csv", "question,answer\nQ,A\n".encode("utf-16"), None,
                        "UTF-16"),
    "utf-16 without bom": ("deck.tsv", "question\tanswer\nQ\tA\n".encode("utf-16-le"), None,
                           "UTF-16"),
    "nul bytes": ("deck.csv", b"question,answer\nQ1,A1\nQ2,A\x002\n", "line 3", "NUL"),
    "1 MB field csv": ("deck.csv", b"question,answer\nQ1,A1\nQ2," + b"a" * MB + b"\n",
                       "line 3", "limit"),
    "1 MB field toml": ("deck.toml", toml_card(f'key = "a"\nquestion = "Q"\nanswer = '
                                               f'"{"a" * MB}"\n').encode(),
                        "card 1 (key 'a'), field 'answer'", "the limit is 65,536"),
    "duplicate keys toml": ("deck.toml", (GOOD_TOML + '\n[[cards]]\nkey = "a"\nquestion = '
                                          '"Q3"\nanswer = "A3"\n').encode(),
                            "card 3 (key 'a'), field 'key'", "duplicate key"),
    "duplicate keys csv": ("deck.csv", b"question,answer,key\nQ1,A1,k\nQ2,A2,k\n", "line 3",
                           "duplicate key 'k'"),
    "deep nesting": ("deck.toml", b"[deck]\nname = 'x'\nnest = " + b"[" * 100_000
                     + b"]" * 100_000 + b"\n", None, "nested too deeply"),
    "deep tables": ("deck.toml", b"[" + b".".join([b"a"] * 5_000) + b"]\nx = 1\n", None,
                    "unknown table"),
    "empty": ("deck.csv", b"", None, "is empty"),
    "whitespace only": ("deck.toml", b" \n\t\r\n\n", None, "is empty"),
    "bom only": ("deck.csv", b"\xef\xbb\xbf\n", None, "is empty"),
    "binary png": ("deck.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), None, "PNG image"),
    "binary random": ("deck.csv", bytes(range(256)) * 4, "line 1", "NUL"),
    "sqlite file": ("deck.csv", b"SQLite format 3\x00" + b"\x00" * 100, None, "SQLite"),
    "plain zip": ("deck.apkg", _zip({"notes.txt": b"hello"}), None, "collection"),
    "damaged zip": ("deck.apkg", b"PK\x03\x04garbage", None, "zip"),
    "no header": ("deck.csv", b"What is 2+2?,4\n", "line 1", "must name the columns"),
    "header only": ("deck.csv", b"question,answer,tags\n", None, "no cards"),
    "no cards toml": ("deck.toml", b'[deck]\nname = "geo"\n', None, "has no cards"),
    "unknown toml field": ("deck.toml", toml_card('key = "a"\nquestion = "Q"\nanswer = "A"\n'
                                                  'anwser = "typo"\n').encode(),
                           "card 1 (key 'a'), field 'anwser'", "unknown field"),
}


@pytest.fixture
def seeded(cli, tmp_path, db_path) -> list[str]:
    """A store with one deck in it; returns its dump to compare against."""
    good = tmp_path / "good.toml"
    good.write_text(GOOD_TOML)
    assert cli("import", str(good)).exit_code == 0
    with sqlite3.connect(db_path) as conn:
        return list(conn.iterdump())


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_file_is_one_clear_error_and_changes_nothing(case, cli, tmp_path, db_path, seeded):
    name, content, where, words = CASES[case]
    bad_dir = tmp_path / "in"
    bad_dir.mkdir()
    bad = bad_dir / name
    bad.write_bytes(content)
    good = tmp_path / "good2.csv"
    good.write_text("question,answer\nAnother?,deck\n")
    result = cli("import", str(good), str(bad))
    assert result.exit_code == 1, result.stdout
    assert result.stdout == ""
    err = result.stderr
    assert err.startswith(f"flashcards: error: {bad}"), err
    assert err.count("\n") == 1 and len(err) < 400, err
    assert "Traceback" not in err
    if where is not None:
        assert f"{bad}:{where}" in err, err
    assert words in err, err
    with sqlite3.connect(db_path) as conn:
        assert list(conn.iterdump()) == seeded


def test_directory_and_missing_file(cli, tmp_path, seeded):
    folder = cli("import", str(tmp_path))
    assert folder.exit_code == 1 and "is a folder" in folder.stderr
    missing = cli("import", str(tmp_path / "nope.toml"))
    assert missing.exit_code == 1 and "cannot read" in missing.stderr


@pytest.mark.parametrize("suffix", [".toml", ".csv", ".tsv", ".txt"])
def test_every_format_takes_a_field_at_the_limit_and_refuses_one_over_it(
        tmp_path, cli, suffix):
    from flashcards.domain.limits import FIELD_LIMIT

    def deck(answer: str) -> Path:
        path = tmp_path / f"deck{len(answer)}{suffix}"
        if suffix == ".toml":
            path.write_text(f'[deck]\nname = "D"\n[[cards]]\nkey = "k"\nquestion = "Q?"\n'
                            f'answer = "{answer}"\n', encoding="utf-8")
        else:
            sep = "," if suffix == ".csv" else "\t"
            path.write_text(f"question{sep}answer\nQ?{sep}{answer}\n", encoding="utf-8")
        return path

    ok = cli("import", str(deck("a" * FIELD_LIMIT)), "--dry-run")
    assert ok.exit_code == 0, ok.stderr
    over = cli("import", str(deck("a" * (FIELD_LIMIT + 1))))
    assert over.exit_code == 1 and f"{FIELD_LIMIT:,}" in over.stderr
    assert "Traceback" not in over.stderr


@pytest.mark.parametrize("content", [
    "question,answer\nQ,\u202eevil\u202c \u2066iso\u2069\n",
    "question\tanswer\nQ\t\x1b[31mred\x1b[0m \x9b1m C1\n",
])
def test_control_characters_are_stripped_not_refused(cli, tmp_path, db_path, content):
    path = tmp_path / "odd.csv"
    path.write_text(content)
    assert cli("import", str(path)).exit_code == 0
    with sqlite3.connect(db_path) as conn:
        (answer,) = conn.execute("SELECT answer FROM card").fetchone()
    assert answer.isprintable(), repr(answer)
    assert answer in ("evil iso", "red  C1")


def test_big_but_valid_fields_import_faithfully(cli, tmp_path, db_path):
    from flashcards.formats.delimited import FIELD_LIMIT

    long_answer = ("Tamil Nadu, Kerala and Karnataka; " * 3000)[:FIELD_LIMIT]
    path = tmp_path / "long.toml"
    path.write_text(toml_card(f'key = "a"\nquestion = "Q"\nanswer = "{long_answer}"\n'))
    result = cli("import", str(path))
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT answer FROM card").fetchone() == (long_answer.strip(),)


def test_file_size_limit(cli, tmp_path, monkeypatch, seeded, db_path):
    from flashcards.formats import detect

    monkeypatch.setattr(detect, "FILE_LIMIT", 1_000)
    path = tmp_path / "big.csv"
    path.write_text("question,answer\n" + "Q?,A\n" * 500)
    result = cli("import", str(path))
    assert result.exit_code == 1 and "deck files are limited to" in result.stderr


def test_deck_file_round_trip_through_import(cli, tmp_path, db_path):
    """Our own deck files, including the bundled one, import cleanly."""
    root = Path(__file__).resolve().parent.parent
    bundled = sorted((root / "decks").glob("*.toml"))
    assert bundled
    result = cli("import", *map(str, bundled))
    assert result.exit_code == 0, result.stderr
    total = sum(len(deckfile.loads(p.read_text(), str(p)).cards) for p in bundled)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM card").fetchone() == (total,)
